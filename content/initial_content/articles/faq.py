"""Article 9: the five questions from the clinic's brief, in its order, answered afresh."""

ARTICLE = {
    "slug": "faq",
    "title": "Frequently asked questions",
    "summary": (
        "Short answers to the questions we hear most: what stem cells are, what stem cell "
        "therapy means, how it is used for hair, who can have it, and how it differs from PRP."
    ),
    "search_description": (
        "Quick answers about stem cells and hair: what stem cells are, what the therapy "
        "involves, who may be suitable, and how it differs from PRP."
    ),
    "reviewed_by": "lead",
    "last_reviewed": "2026-09-22",
    "next_review_due": "2027-09-22",
    "related": [
        "what-is-a-stem-cell",
        "who-may-be-a-candidate",
        "stem-cells-vs-prp",
    ],
    "body": [
        (
            "paragraph",
            "<p>These are the questions people ask us most often. Each answer is short, with a "
            "link to a fuller guide if you want more detail.</p>",
        ),
        ("heading", "About stem cells"),
        (
            "faq",
            {
                "question": "What are stem cells?",
                "answer": (
                    "<p>Stem cells are cells that have not yet settled into one fixed job. "
                    "They can divide to make more stem cells, which keeps up the supply. They "
                    "can also produce the specialised cells a tissue needs, which helps the "
                    "body repair itself. And they release chemical signals that influence the "
                    "cells around them.</p>"
                    "<p>Adults have stem cells in many tissues, including bone marrow, fat and "
                    'hair follicles. Read more in <a href="/articles/what-is-a-stem-cell/">'
                    "what is a stem cell?</a></p>"
                ),
            },
        ),
        (
            "faq",
            {
                "question": "What does “stem cell therapy” mean?",
                "answer": (
                    "<p>In general medicine, it means treating a condition with stem cells, or "
                    "with preparations made from them, to help the body heal or rebuild "
                    "tissue. The best-established example is a bone marrow transplant for "
                    "some blood disorders.</p>"
                    "<p>In hair care, the phrase is used more loosely. It usually means a "
                    "regenerative treatment made from your own tissue, which aims to support "
                    "the scalp and the hair follicles that are still working. It does not "
                    "mean growing new hair from scratch.</p>"
                ),
            },
        ),
        ("heading", "About treatment for hair"),
        (
            "faq",
            {
                "question": "How is it used for hair?",
                "answer": (
                    "<p>Most often, a clinician takes a small amount of your own fat, or a few "
                    "tiny pieces of scalp skin, under local anaesthetic. This is processed "
                    "straight away in sterile conditions, for example by breaking it up "
                    "mechanically or spinning it in a centrifuge. The resulting liquid is "
                    "then injected into the thinning areas of your scalp.</p>"
                    '<p>See <a href="/articles/how-the-procedure-works/">how the procedure '
                    'works</a> for each step, and <a href="/articles/'
                    'regenerative-approaches-for-hair/">regenerative approaches for hair</a> '
                    "for the evidence.</p>"
                ),
            },
        ),
        (
            "faq",
            {
                "question": "Who can have it?",
                "answer": (
                    "<p>It may be considered for adults with early to moderate pattern hair "
                    "loss who still have working follicles (you can usually see fine, short "
                    "hairs in the thinning areas) and who are well enough for a minor "
                    "procedure. Large, smooth bald areas are unlikely to respond.</p>"
                    "<p>Some health conditions, such as bleeding disorders or taking blood "
                    "thinners, mean a doctor needs to review things first. Only a clinical "
                    "assessment can decide whether it is right for you. Read "
                    '<a href="/articles/who-may-be-a-candidate/">who may be a '
                    "candidate</a>.</p>"
                ),
            },
        ),
        (
            "faq",
            {
                "question": "Is PRP the same thing as stem cell therapy?",
                "answer": (
                    "<p>No. PRP (platelet-rich plasma) is made from a sample of your blood. "
                    "The blood is spun to concentrate the platelets, which carry growth "
                    "factors, and contains no stem cells. Stem-cell-based treatments start "
                    "from your fat or scalp tissue and contain living cells.</p>"
                    "<p>Neither one is guaranteed to work. Our side-by-side guide, "
                    '<a href="/articles/stem-cells-vs-prp/">stem cell treatments and '
                    "PRP</a>, compares them in detail.</p>"
                ),
            },
        ),
        (
            "callout",
            {
                "kind": "caution",
                "title": "Results vary",
                "text": (
                    "<p>Some people see thicker hair or less shedding; others see little "
                    "change. The evidence is still developing, so no one can promise you a "
                    "result.</p>"
                ),
            },
        ),
        (
            "paragraph",
            '<p>Have a question we have not answered? <a href="/contact/">Get in touch</a>, '
            'or start with our <a href="/screening/">pre-screening questionnaire</a> to find '
            "out whether a consultation may be worthwhile.</p>",
        ),
    ],
    "references": [
        {
            "title": "The Nobel Prize in Physiology or Medicine 1990: Joseph E. Murray and "
            "E. Donnall Thomas",
            "source": "NobelPrize.org, Nobel Prize Outreach",
            "year": 1990,
            "url": "https://www.nobelprize.org/prizes/medicine/1990/summary/",
        },
        {
            "title": "Androgenetic alopecia",
            "source": (
                "Endotext (online textbook, regularly updated), MDText.com; NCBI Bookshelf "
                "NBK278957"
            ),
            "year": 2000,
            "url": "https://www.ncbi.nlm.nih.gov/books/NBK278957/",
        },
        {
            "title": "STYLE: a trial of cell enriched adipose for androgenetic alopecia "
            "(NCT02503852)",
            "source": "ClinicalTrials.gov, sponsor Kerastem Technologies",
            "year": 2015,
            "url": "https://clinicaltrials.gov/study/NCT02503852",
        },
        {
            "title": "Important patient and consumer information about regenerative medicine "
            "therapies",
            "source": "US Food and Drug Administration (FDA), consumer update",
            "year": 2021,
            "url": (
                "https://www.fda.gov/vaccines-blood-biologics/consumers-biologics/"
                "important-patient-and-consumer-information-about-regenerative-medicine-therapies"
            ),
        },
    ],
}
