"""Article 4: the procedure step by step, what a session feels like, and aftercare in general
terms. Deliberately no timings, doses or device names: those depend on the method and are
explained at consultation."""

ARTICLE = {
    "slug": "how-the-procedure-works",
    "title": "How the procedure works, step by step",
    "summary": (
        "What happens before, during and after a regenerative hair treatment using your own "
        "tissue, from the first assessment to aftercare."
    ),
    "search_description": (
        "Regenerative hair treatment step by step: assessment, taking a little of your own "
        "tissue, sterile processing, scalp injections and what aftercare involves."
    ),
    "reviewed_by": "surgeon",
    "last_reviewed": "2026-07-21",
    "next_review_due": "2027-07-21",
    "related": [
        "regenerative-approaches-for-hair",
        "who-may-be-a-candidate",
        "benefits-limits-and-expectations",
    ],
    "body": [
        (
            "paragraph",
            "<p>The exact details depend on the method a clinic uses. Most regenerative hair "
            "treatments with your own tissue follow the same broad pattern, though. Knowing it "
            "in advance can make the day feel less daunting.</p>",
        ),
        ("heading", "The four main steps"),
        (
            "steps",
            {
                "title": "What happens, in order",
                "steps": [
                    {
                        "title": "Assessment and planning",
                        "text": (
                            "<p>A clinician asks about your hair loss, your general health and "
                            "any medicines you take. They examine your scalp, including the "
                            "thinning areas and the areas where hair is still thick. They may "
                            "take photos, or use <b>trichoscopy</b> (a magnified camera view of "
                            "the scalp), to record your starting point. This is also when you "
                            "decide together whether treatment makes sense at all.</p>"
                        ),
                    },
                    {
                        "title": "Taking a small amount of your own tissue",
                        "text": (
                            "<p>The area is numbed with a local anaesthetic, so you stay awake. "
                            "For a fat-based method, a small amount of fat is drawn out through "
                            "a thin tube. For scalp micrografts, a few tiny pieces of skin are "
                            "taken from the scalp.</p>"
                        ),
                    },
                    {
                        "title": "Preparing it in sterile conditions",
                        "text": (
                            "<p>The tissue is processed straight away using sterile equipment. "
                            "Depending on the method, it is broken up mechanically, spun at "
                            "high speed in a <b>centrifuge</b> to separate its parts, or both. "
                            "For micrografts, the cells are not grown in a laboratory. The "
                            "result is a liquid ready to inject.</p>"
                        ),
                    },
                    {
                        "title": "Applying it to the scalp",
                        "text": (
                            "<p>The liquid is injected into the thinning areas agreed at your "
                            "assessment, through a series of small injections. The scalp is "
                            "usually numbed first.</p>"
                        ),
                    },
                ],
            },
        ),
        ("subheading", "If you are also planning a hair transplant"),
        (
            "paragraph",
            "<p>Regenerative treatment can be part of a wider plan. For someone who is also "
            "having a hair transplant, the clinician may time it to support the thinning hair "
            "around the transplanted area. It does not replace a transplant where large areas "
            "are bald. Your surgeon will explain how the two would fit together for you.</p>",
        ),
        ("heading", "What a session feels like"),
        (
            "paragraph",
            "<p>The local anaesthetic injections sting for a few seconds. After that, most "
            "people feel pressure or pulling rather than sharp pain. Tell the team if anything "
            "hurts, as they can add more anaesthetic.</p>"
            "<p>You are awake the whole time. You can usually go home the same day, but it is "
            "wise to have someone with you. Your clinician will tell you how long to set aside "
            "for your appointment and whether you can drive afterwards.</p>",
        ),
        ("heading", "Aftercare and recovery"),
        (
            "paragraph",
            "<p>It is normal to have some tenderness, swelling or bruising where the tissue "
            "was taken and where the injections went. This usually settles over the following "
            "days. Many people return to desk work soon after, but check with your clinician "
            "first.</p>"
            "<p>You will get written aftercare advice. It normally covers:</p>"
            "<ul>"
            "<li>how to keep the treated areas clean;</li>"
            "<li>when you can wash your hair and use hair products again;</li>"
            "<li>which pain relief is suitable;</li>"
            "<li>when you can exercise, swim or use a sauna;</li>"
            "<li>when your follow-up appointment is.</li>"
            "</ul>",
        ),
        (
            "callout",
            {
                "kind": "caution",
                "title": "When to contact the clinic straight away",
                "text": (
                    "<p>Call us if you notice redness, heat or swelling that is getting worse, "
                    "pus, a fever, or pain that is increasing rather than easing. These can be "
                    "signs of infection. If you feel seriously unwell, call 999.</p>"
                ),
            },
        ),
        ("heading", "When might you notice a change?"),
        (
            "paragraph",
            "<p>Hair grows slowly, so any change takes months to show. Studies of these "
            "treatments measured results over many months, and some people needed a further "
            "treatment later on. Some people notice little or no change. Your clinician will "
            "compare new photos with your starting point at follow-up visits.</p>",
        ),
        (
            "callout",
            {
                "kind": "information",
                "title": "Results vary",
                "text": (
                    "<p>How well a treatment works depends on your type and stage of hair "
                    "loss, your genes and the method used. Read more in "
                    '<a href="/articles/benefits-limits-and-expectations/">benefits, limits '
                    "and realistic expectations</a>.</p>"
                ),
            },
        ),
        (
            "paragraph",
            "<p>Wondering whether this could be right for you? Our short "
            '<a href="/screening/">pre-screening questionnaire</a> helps a clinician decide '
            "whether a consultation is likely to be worthwhile.</p>",
        ),
    ],
    "references": [
        {
            "title": "STYLE: a trial of cell enriched adipose for androgenetic alopecia "
            "(NCT02503852)",
            "source": "ClinicalTrials.gov, sponsor Kerastem Technologies",
            "year": 2015,
            "url": "https://clinicaltrials.gov/study/NCT02503852",
        },
        {
            "title": (
                "Autologous micrografts from scalp tissue: trichoscopic and long-term clinical "
                "evaluation in male and female androgenetic alopecia"
            ),
            "source": "Gentile P, Scioli MG, Cervelli V, Orlandi A, Garcovich S. BioMed "
            "Research International, article 7397162",
            "year": 2020,
            "url": "https://doi.org/10.1155/2020/7397162",
        },
        {
            "title": (
                "Is every patient of hair loss a candidate for hair transplant? Deciding "
                "surgical candidacy in pattern hair loss"
            ),
            "source": "True RH. Indian Journal of Plastic Surgery 54(4):435–440",
            "year": 2021,
            "url": "https://doi.org/10.1055/s-0041-1739247",
        },
    ],
}
