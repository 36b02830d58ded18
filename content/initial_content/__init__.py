"""Initial educational content for the clinic website, as plain Python data.

The page loader reads five names from this package; their shape is a contract:

``CLINICIANS``
    Reviewing clinicians (fictional for the demo site; clinic staff replace them). Each has a
    ``key`` that articles use in ``reviewed_by``.
``HOME``
    Home page title, rich-text intro, one plain-text evidence summary line, three featured
    article slugs and the call to action for the pre-screening questionnaire.
``ARTICLE_INDEX``
    The parent page of the articles (slug ``articles``).
``ARTICLES``
    Article dicts in reading order, one module each under ``articles/``.
``STANDARD_PAGES``
    Privacy notice, about and contact pages, one module each under ``pages/``.

Rich text uses only ``<p> <b> <i> <a href> <ul> <ol> <li>``. Body blocks are
``(block_type, value)`` pairs of the types: heading, subheading, paragraph, callout, steps,
comparison_table and faq. Internal links are relative: ``/articles/<slug>/``, ``/screening/``,
``/privacy/``, ``/contact/``.
"""

from content.initial_content.articles import (
    benefits_limits_and_expectations,
    faq,
    history_of_stem_cell_therapy,
    how_the_procedure_works,
    regenerative_approaches_for_hair,
    safety_and_questions_to_ask,
    stem_cells_vs_prp,
    what_is_a_stem_cell,
    who_may_be_a_candidate,
)
from content.initial_content.pages import about, contact, privacy

CLINICIANS = [
    # Fictional reviewers for the demo site. Staff replace them with real, registered clinicians
    # before launch; articles refer to them only by ``key``.
    {
        "key": "lead",
        "name": "Dr Helen Marsh",
        "credentials": "MBBS, MRCP (UK), MRCP (Dermatology)",
        "role": "Consultant dermatologist",
    },
    {
        "key": "surgeon",
        "name": "Mr Daniel Okafor",
        "credentials": "MBChB, FRCS (Plast)",
        "role": "Consultant plastic surgeon, hair restoration",
    },
    {
        "key": "nurse",
        "name": "Sarah Lindqvist",
        "credentials": "RN, BSc (Hons) Adult Nursing",
        "role": "Lead nurse, infection prevention and patient safety",
    },
]

HOME = {
    "title": "Clear, honest information about regenerative hair treatment",
    "intro": (
        "<p>We help adults with thinning hair understand their options. Our clinicians offer "
        "regenerative treatments that use a small amount of your own tissue, and they can plan "
        "these alongside hair transplant surgery where that suits you better.</p>"
        "<p>Start by reading how these treatments work and who they may help. When you are "
        "ready, a short questionnaire lets a clinician look at whether a consultation is "
        "likely to be worthwhile.</p>"
    ),
    "evidence_summary": (
        "Some small studies report modest gains in hair density for some people with early "
        "thinning; the evidence is still developing and results vary from person to person."
    ),
    "featured": [
        "what-is-a-stem-cell",
        "who-may-be-a-candidate",
        "benefits-limits-and-expectations",
    ],
    "cta_title": "Could regenerative treatment suit you?",
    "cta_text": (
        "Answer some short questions about your hair and health. It is not a diagnosis, and "
        "a clinician reads every answer before anyone contacts you."
    ),
}

ARTICLE_INDEX = {
    "title": "Learn about regenerative hair therapy",
    "slug": "articles",
    "summary": (
        "Plain-language guides to stem cells, regenerative hair treatments, who they may help "
        "and what to ask before you decide."
    ),
    "intro": (
        "<p>These guides explain regenerative hair treatment step by step, from what a stem "
        "cell is to the questions worth asking any clinic. Each one is checked by a named "
        "clinician and shows when it was last reviewed.</p>"
        "<p>They are general information, not advice about your own hair. Reading them in "
        "order works well, but each one also stands on its own.</p>"
    ),
}

ARTICLES = [
    what_is_a_stem_cell.ARTICLE,
    history_of_stem_cell_therapy.ARTICLE,
    regenerative_approaches_for_hair.ARTICLE,
    how_the_procedure_works.ARTICLE,
    who_may_be_a_candidate.ARTICLE,
    stem_cells_vs_prp.ARTICLE,
    benefits_limits_and_expectations.ARTICLE,
    safety_and_questions_to_ask.ARTICLE,
    faq.ARTICLE,
]

STANDARD_PAGES = [
    privacy.PAGE,
    about.PAGE,
    contact.PAGE,
]
