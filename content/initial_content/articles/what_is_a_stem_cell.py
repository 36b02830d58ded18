"""Article 1: what a stem cell is, and which of your own tissues hair treatments use."""

ARTICLE = {
    "slug": "what-is-a-stem-cell",
    "title": "What is a stem cell?",
    "summary": (
        "Stem cells can copy themselves and help tissues repair. This guide explains what "
        "that means in plain words, and which of your own tissues hair treatments draw on."
    ),
    "search_description": (
        "A plain-English guide to stem cells: how they renew themselves, help repair tissue "
        "and send signals, and why hair clinics use your own fat or scalp tissue."
    ),
    "reviewed_by": "lead",
    "last_reviewed": "2026-10-12",
    "next_review_due": "2027-10-12",
    "related": [
        "history-of-stem-cell-therapy",
        "regenerative-approaches-for-hair",
        "stem-cells-vs-prp",
    ],
    "body": [
        ("heading", "The short answer"),
        (
            "paragraph",
            "<p>Your body is built from a huge number of cells. Most of them have one fixed "
            "job. A skin cell forms a barrier. A muscle cell tightens. A nerve cell passes on "
            "messages. Once a cell has taken on a job like this, it usually keeps it for life.</p>"
            "<p>A <b>stem cell</b> is different. It has not fully settled into one job yet. "
            "That gives it some abilities that ordinary cells do not have. Scientists sometimes "
            "describe stem cells as the body’s “starter” or “reserve” cells.</p>",
        ),
        ("heading", "Three things stem cells can do"),
        ("subheading", "They can make more of themselves"),
        (
            "paragraph",
            "<p>When a stem cell divides, one of the two new cells can stay a stem cell. So "
            "the supply does not simply run out each time the body uses some. The scientific "
            "name for this is <b>self-renewal</b>.</p>",
        ),
        ("subheading", "They help tissues repair"),
        (
            "paragraph",
            "<p>The other new cell can mature into the kind of cell a tissue needs. This is one "
            "of the ways your body replaces cells that wear out or get damaged. It happens all "
            "the time in places such as your skin, the lining of your gut and your blood.</p>",
        ),
        ("subheading", "They send signals to nearby cells"),
        (
            "paragraph",
            "<p>Stem cells also release chemical messengers. These include proteins called "
            "<b>growth factors</b>, which tell neighbouring cells to grow, calm down or repair "
            "themselves. In hair research, many scientists think this signalling matters more "
            "than stem cells turning into new hair. That idea is still being tested.</p>",
        ),
        ("heading", "Where stem cells are found"),
        (
            "paragraph",
            "<p>People often link stem cells with embryos, but adults have them too. Adult stem "
            "cells live in many tissues. They are more limited than embryonic ones: each kind "
            "usually makes only the cell types of the tissue it lives in.</p>"
            "<p>The best-known example is in the bone marrow, where stem cells make all of our "
            "blood cells. That discovery led to bone marrow transplants, which you can read "
            'about in our <a href="/articles/history-of-stem-cell-therapy/">short history of '
            "stem cell therapy</a>. Fat tissue and hair follicles (the tiny pockets in the skin "
            "that each hair grows from) contain stem cells as well.</p>",
        ),
        (
            "callout",
            {
                "kind": "information",
                "title": "What “autologous” means",
                "text": (
                    "<p><b>Autologous</b> means “from your own body”. In an autologous "
                    "treatment, the tissue is taken from you and given back to you. There is "
                    "no donor, so there is nothing to match and no risk of your body rejecting "
                    "someone else’s cells.</p>"
                    "<p>This does not make a treatment risk-free. Taking tissue and injecting "
                    "it can still cause bruising, soreness or infection, so it needs a proper "
                    "medical setting.</p>"
                ),
            },
        ),
        ("heading", "Which sources are used for hair"),
        (
            "paragraph",
            "<p>Clinics that offer regenerative hair treatment mostly use one of two autologous "
            "sources. Which one depends on the method the clinic follows.</p>"
            "<ul>"
            "<li><b>Fat (adipose) tissue.</b> A small amount of fat is removed through a thin "
            "tube under local anaesthetic. It is then processed to collect a mix of cells that "
            "is rich in stem cells and related cells. One version of this mix is called the "
            "<b>stromal vascular fraction</b>, or SVF.</li>"
            "<li><b>Scalp micrografts.</b> A few very small pieces of skin are taken from the "
            "scalp, often from the back of the head. They are broken up by a machine into a "
            "fine liquid. The cells are not grown in a laboratory.</li>"
            "</ul>"
            "<p>The prepared liquid is then injected into the thinning parts of the scalp. Our "
            'article on <a href="/articles/regenerative-approaches-for-hair/">regenerative '
            "approaches for hair</a> compares these methods and the evidence behind each.</p>",
        ),
        (
            "callout",
            {
                "kind": "caution",
                "title": "What stem cells cannot do",
                "text": (
                    "<p>These treatments aim to support hair follicles that are still alive. "
                    "They cannot bring back follicles that have completely gone. Results vary "
                    "from person to person, and research in this area is still at an early "
                    "stage.</p>"
                ),
            },
        ),
        ("heading", "What this means for you"),
        (
            "paragraph",
            "<p>The words “stem cell” on their own tell you very little about a treatment. "
            "It is worth asking any clinic exactly what it takes from your body, how it "
            "prepares it and what research supports that method. Our guide to "
            '<a href="/articles/safety-and-questions-to-ask/">safety and questions to '
            "ask</a> gives you a list to take along.</p>"
            "<p>If you are wondering whether this kind of treatment could suit you, our short "
            '<a href="/screening/">pre-screening questionnaire</a> is a good first step. A '
            "clinician reads every answer before anyone contacts you.</p>",
        ),
    ],
    "references": [
        {
            "title": (
                "Miniaturized hairs maintain contact with the arrector pili muscle in alopecia "
                "areata but not in androgenetic alopecia: a model for reversible miniaturization "
                "and potential for hair regrowth"
            ),
            "source": "Yazdabadi A, Whiting D, Rufaut NW, Sinclair R. International Journal of "
            "Trichology 4(3):154–157",
            "year": 2012,
            "url": "https://doi.org/10.4103/0974-7753.100069",
        },
        {
            "title": (
                "Autologous cellular method using micrografts of human adipose tissue derived "
                "follicle stem cells in androgenic alopecia"
            ),
            "source": "Gentile P. International Journal of Molecular Sciences 20(14):3446",
            "year": 2019,
            "url": "https://doi.org/10.3390/ijms20143446",
        },
        {
            "title": "STYLE: a trial of cell enriched adipose for androgenetic alopecia "
            "(NCT02503852)",
            "source": "ClinicalTrials.gov, sponsor Kerastem Technologies",
            "year": 2015,
            "url": "https://clinicaltrials.gov/study/NCT02503852",
        },
    ],
}
