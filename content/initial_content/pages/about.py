"""About the clinic: who we are and how we handle evidence and clinical review."""

PAGE = {
    "slug": "about",
    "title": "About us",
    "summary": (
        "Who we are, what we offer for thinning hair, and how we keep our information honest "
        "and up to date."
    ),
    "search_description": (
        "About our hair-restoration clinic: what we offer, how clinicians review every "
        "article, and why we are open about what the evidence does and does not show."
    ),
    "show_in_menus": True,
    "body": [
        (
            "paragraph",
            "<p>We are a hair-restoration clinic. We help adults with thinning hair understand "
            "their options, including regenerative treatments that use their own tissue and, "
            "where it suits them better, hair transplant surgery.</p>",
        ),
        ("heading", "How we approach treatment"),
        (
            "paragraph",
            "<p>Hair loss has many causes, and no single treatment suits everyone. We start "
            "with a proper medical assessment. Sometimes the right answer is a regenerative "
            "treatment. Sometimes it is a transplant, medicine, a referral to another "
            "specialist, or simply waiting and watching. We would rather tell you that a "
            "treatment is unlikely to help than sell you one that will not.</p>",
        ),
        ("heading", "How we handle evidence"),
        (
            "paragraph",
            "<p>Regenerative hair treatment is a young field. Some studies report modest "
            "improvements for some people, but the studies are mostly small, and results vary. "
            "We say so plainly. In our articles we:</p>"
            "<ul>"
            "<li>name the studies we rely on, so you can look them up;</li>"
            "<li>describe their limits as well as their findings;</li>"
            "<li>do not promise results or use before-and-after claims as proof;</li>"
            "<li>explain the regulatory position of cell-based treatments honestly.</li>"
            "</ul>",
        ),
        ("heading", "Clinical review"),
        (
            "paragraph",
            "<p>Every article on this site is checked by a named clinician. Each one shows who "
            "reviewed it, when it was last reviewed and when the next review is due. We aim to "
            "review each article at least once a year, and sooner if important new evidence is "
            "published.</p>"
            "<p>If you spot something that looks wrong or out of date, please "
            '<a href="/contact/">tell us</a>. We read every message and correct mistakes.</p>',
        ),
        (
            "callout",
            {
                "kind": "information",
                "title": "Information, not a diagnosis",
                "text": (
                    "<p>Our articles explain general ideas. They cannot tell you what is "
                    "causing your hair loss or which treatment is right for you. Only an "
                    "assessment by a clinician can do that.</p>"
                ),
            },
        ),
        ("heading", "Your information"),
        (
            "paragraph",
            "<p>Our website does not use advertising or tracking. Our "
            '<a href="/privacy/">privacy notice</a> explains exactly what our questionnaire '
            "collects, who can see it and when we delete it.</p>"
            "<p>If you would like to find out whether a consultation could be worthwhile, you "
            'can start with our <a href="/screening/">pre-screening questionnaire</a>.</p>',
        ),
    ],
}
