"""Article 2: a short history of stem cell therapy, and what it does and does not mean for hair."""

ARTICLE = {
    "slug": "history-of-stem-cell-therapy",
    "title": "A short history of stem cell therapy",
    "summary": (
        "From blood research and the first bone marrow transplants to a Nobel Prize for "
        "reprogramming cells: how stem cell medicine grew, and how much of it applies to hair."
    ),
    "search_description": (
        "How stem cell medicine began with blood and bone marrow transplants, why the 2012 "
        "Nobel Prize mattered, and what that history means for hair treatment."
    ),
    "reviewed_by": "lead",
    # Deliberately the oldest review on the site: it falls due in December 2026, so the
    # "review due" report has something to show on the demo site.
    "last_reviewed": "2025-12-10",
    "next_review_due": "2026-12-10",
    "related": [
        "what-is-a-stem-cell",
        "regenerative-approaches-for-hair",
        "safety-and-questions-to-ask",
    ],
    "body": [
        (
            "paragraph",
            "<p>Stem cell medicine can sound brand new. In fact, its roots go back more than "
            "half a century. Knowing the story helps you tell the well-proven parts apart from "
            "the newer ideas that are still being tested, including those used for hair.</p>",
        ),
        ("heading", "It started with blood"),
        (
            "paragraph",
            "<p>The first real progress came from <b>haematology</b>, the branch of medicine "
            "that deals with blood. Every day your body makes vast numbers of new blood cells. "
            "In the middle of the 20th century, scientists set out to find where they come "
            "from.</p>"
            "<p>Bone marrow is the soft tissue inside many bones. Experiments in the 1950s and "
            "early 1960s showed that it holds a small group of cells that can rebuild the whole "
            "blood system. These are <b>blood-forming stem cells</b>. Researchers also found "
            "that marrow from one body could, in the right conditions, restart blood "
            "production in another.</p>",
        ),
        ("heading", "The first stem cell treatment: bone marrow transplants"),
        (
            "paragraph",
            "<p>That work led to <b>bone marrow transplantation</b>. Doctors replace a "
            "patient’s damaged marrow with healthy blood-forming stem cells, either the "
            "patient’s own or a matched donor’s. It is now a standard treatment for some "
            "leukaemias and other serious blood disorders. The American doctor E. Donnall "
            "Thomas shared the 1990 Nobel Prize in Physiology or Medicine for this work.</p>"
            "<p>Even today, blood stem cell transplants remain the best-established use of "
            "stem cells in medicine. They took decades of careful trials to develop, and they "
            "are done in specialist hospital units.</p>",
        ),
        ("heading", "Turning back the clock on mature cells"),
        (
            "paragraph",
            "<p>For a long time, scientists believed that once a cell had become, say, a skin "
            "cell, there was no way back. Two discoveries changed that.</p>"
            "<ul>"
            "<li>In 1962, <b>John Gurdon</b> took the nucleus (the part holding the genes) "
            "from a specialised gut cell of a tadpole and put it into a frog’s egg. The egg "
            "still grew into a healthy tadpole. So a specialised cell keeps all the genetic "
            "instructions needed to build a whole animal.</li>"
            "<li>In 2006, <b>Shinya Yamanaka</b> found that switching on just a few genes can "
            "turn mature mouse cells back into cells that behave like embryonic stem cells. "
            "These are called <b>induced pluripotent stem cells</b>, or iPS cells. "
            "“Pluripotent” means able to become almost any type of cell.</li>"
            "</ul>"
            "<p>The two scientists shared the <b>2012 Nobel Prize in Physiology or "
            "Medicine</b> for showing that mature cells can be reprogrammed. Their work opened "
            "up new ways to study disease and test medicines in the laboratory.</p>",
        ),
        ("heading", "What this history means for hair"),
        (
            "paragraph",
            "<p>It is easy to assume that famous discoveries stand behind every treatment "
            "with “stem cell” in its name. For hair, that is not the case.</p>",
        ),
        (
            "comparison_table",
            {
                "caption": "Types of stem cell and their link to hair treatment today",
                "row_header_label": "Type",
                "column_headers": ["Where they come from", "Used in hair clinics today?"],
                "rows": [
                    {
                        "header": "Blood-forming stem cells",
                        "cells": [
                            "Bone marrow and blood",
                            "No. They are used for serious blood disorders.",
                        ],
                    },
                    {
                        "header": "Reprogrammed (iPS) cells",
                        "cells": [
                            "Mature cells changed in a laboratory",
                            "No. Hair uses are still laboratory research.",
                        ],
                    },
                    {
                        "header": "Cells in your own fat or scalp",
                        "cells": [
                            "A small sample of your own tissue",
                            "Yes, in regenerative treatments. Evidence is still developing.",
                        ],
                    },
                ],
            },
        ),
        (
            "paragraph",
            "<p>Regenerative hair treatments use your own fat or scalp tissue, prepared on the "
            "day. The cells are not reprogrammed, and the method is not a bone marrow "
            "transplant. You can read how these preparations work in our guide to "
            '<a href="/articles/regenerative-approaches-for-hair/">regenerative approaches '
            "for hair</a>.</p>",
        ),
        (
            "callout",
            {
                "kind": "caution",
                "title": "A long history does not prove a new use",
                "text": (
                    "<p>The success of bone marrow transplants, and the Nobel Prizes behind "
                    "stem cell science, do not show that any hair treatment works. Each use "
                    "needs its own evidence. For hair, that evidence is still being built, and "
                    "results vary. Regulators such as the US Food and Drug Administration "
                    "(FDA) have warned that many products sold as “stem cell” treatments have "
                    "not been approved.</p>"
                ),
            },
        ),
        ("heading", "Where things stand now"),
        (
            "paragraph",
            "<p>Stem cell science is moving quickly, and hair is one of many areas being "
            "studied. Some small trials of regenerative hair treatments have reported "
            "encouraging results for some people. Larger and longer studies are still "
            "needed before anyone can say how well they work or for whom. Our guide to "
            '<a href="/articles/safety-and-questions-to-ask/">safety and questions to '
            "ask</a> explains how to judge what a clinic tells you.</p>"
            "<p>If you would like a clinician’s view on your own hair, you can start with our "
            '<a href="/screening/">pre-screening questionnaire</a>.</p>',
        ),
    ],
    "references": [
        {
            "title": "The Nobel Prize in Physiology or Medicine 2012: Sir John B. Gurdon and "
            "Shinya Yamanaka",
            "source": "NobelPrize.org, Nobel Prize Outreach",
            "year": 2012,
            "url": "https://www.nobelprize.org/prizes/medicine/2012/summary/",
        },
        {
            "title": "The Nobel Prize in Physiology or Medicine 1990: Joseph E. Murray and "
            "E. Donnall Thomas",
            "source": "NobelPrize.org, Nobel Prize Outreach",
            "year": 1990,
            "url": "https://www.nobelprize.org/prizes/medicine/1990/summary/",
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
