"""Article 3: the regenerative approaches grouped under "stem cell therapy" for hair, and the
evidence for each, named trial by trial with its limits."""

ARTICLE = {
    "slug": "regenerative-approaches-for-hair",
    "title": "Regenerative approaches for hair: what is used and what the evidence shows",
    "summary": (
        "“Stem cell therapy” for hair covers several different methods. We explain fat-derived "
        "preparations, scalp micrografts and conditioned media, and what trials have found."
    ),
    "search_description": (
        "Fat-derived cells and SVF, scalp micrografts and conditioned media for hair loss: "
        "how each works and what the trials so far do and do not show."
    ),
    "reviewed_by": "surgeon",
    "last_reviewed": "2026-09-03",
    "next_review_due": "2027-09-03",
    "related": [
        "what-is-a-stem-cell",
        "how-the-procedure-works",
        "benefits-limits-and-expectations",
    ],
    "body": [
        ("heading", "One name, several methods"),
        (
            "paragraph",
            "<p>When a clinic offers “stem cell therapy” for hair, it is using a catch-all "
            "phrase. Behind it sit quite different methods. Some use living cells from your "
            "own body. Others use a liquid that contains no cells at all. The studies behind "
            "each one are different too, so it helps to know which is which.</p>"
            "<p>All of these methods are mainly studied in <b>androgenetic alopecia</b>, the "
            "common inherited pattern of hair loss in men and women. In this condition, hair "
            "follicles slowly shrink and make thinner, shorter hairs.</p>",
        ),
        ("heading", "1. Preparations made from your own fat"),
        (
            "paragraph",
            "<p>Fat (adipose) tissue contains stem cells and other helpful cells. In this "
            "approach, a small amount of fat is removed under local anaesthetic and processed. "
            "The result can be purified fat, a concentrated mix of cells called the "
            "<b>stromal vascular fraction</b> (SVF), or both together. This is then injected "
            "into the scalp.</p>",
        ),
        ("subheading", "What the evidence shows"),
        (
            "paragraph",
            "<p>The best-known study is the <b>Kerastem STYLE trial</b> (registered as "
            "NCT02503852). It was randomised and blinded, which means patients were put into "
            "groups by chance and did not know which treatment they had. It compared fat "
            "enriched with a high or a low dose of cells, fat alone and a salt-water "
            "injection.</p>"
            "<ul>"
            "<li>When all patients were looked at together, no treatment group did clearly "
            "better than the others.</li>"
            "<li>A benefit was seen only in one smaller group: <b>men with early hair loss "
            "who had the low dose</b>. Their density of terminal hairs (the thick, "
            "full-length hairs) rose by about 17%.</li>"
            "<li>The higher dose did not do better than the lower one.</li>"
            "</ul>"
            "<p>So this is a hopeful signal in a narrow group, not proof that the approach "
            "works for everyone.</p>",
        ),
        ("heading", "2. Scalp micrografts"),
        (
            "paragraph",
            "<p>Here, a few tiny pieces of skin are taken from the scalp. A device breaks them "
            "up mechanically into a liquid full of small cell clusters. Nothing is grown in a "
            "laboratory. The liquid is injected into the thinning areas, often on the same "
            "day.</p>",
        ),
        ("subheading", "What the evidence shows"),
        (
            "paragraph",
            "<ul>"
            "<li>A placebo-controlled trial by <b>Gentile and colleagues (2019)</b> treated "
            "one half of each patient’s scalp with micrografts and the other half with salt "
            "water. It enrolled adults aged 21 to 70 with early to moderate loss (Norwood–"
            "Hamilton 2–5 or Ludwig 1–2). Each had three sessions, 45 days apart. Hair density "
            "in the treated areas rose compared with before treatment.</li>"
            "<li>A <b>longer follow-up (Gentile and colleagues, 2020)</b> found the treated "
            "side still had more hair than the untreated side at 58 weeks. Some patients "
            "needed another treatment after about two years because their hair loss had "
            "started again.</li>"
            "<li>A <b>retrospective study by Zari (2021)</b> looked back at 140 adults who had "
            "one session with a micrograft device. About two thirds showed a response at the "
            "front of the scalp in the short term.</li>"
            "</ul>"
            "<p>These results are encouraging but limited. The trials were small, and much of "
            "the work comes from one research group. A retrospective study has no comparison "
            "group, so it cannot rule out other explanations for the change.</p>",
        ),
        ("heading", "3. Conditioned media and extracts"),
        (
            "paragraph",
            "<p><b>Conditioned media</b> is the liquid that stem cells have been grown in, in "
            "a laboratory. It holds the proteins and tiny particles the cells released, but no "
            "living cells. Extracts and “exosome” products are similar. Because they are made "
            "in a laboratory, they may come from another person’s cells rather than your "
            "own.</p>",
        ),
        ("subheading", "What the evidence shows"),
        (
            "paragraph",
            "<p>One randomised trial (NCT05296863) tested conditioned media made from "
            "fat-derived stem cells in men aged 25 to 58. Each man had it injected into one "
            "side of the scalp and salt water into the other side. All of the men also used "
            "minoxidil, a standard hair-loss lotion. "
            "Hair improved on both sides of the scalp. That makes it hard to tell how much of "
            "the change came from the conditioned media itself. The trial was also short.</p>",
        ),
        (
            "comparison_table",
            {
                "caption": "The three approaches at a glance",
                "row_header_label": "Approach",
                "column_headers": [
                    "What is injected",
                    "From your own body?",
                    "Evidence so far",
                ],
                "rows": [
                    {
                        "header": "Fat-derived preparations (including SVF)",
                        "cells": [
                            "Processed fat and a concentrated mix of cells",
                            "Yes",
                            "One randomised trial; benefit only in men with early loss on "
                            "the low dose",
                        ],
                    },
                    {
                        "header": "Scalp micrografts",
                        "cells": [
                            "A liquid of tiny scalp tissue fragments",
                            "Yes",
                            "Small controlled trials and a retrospective study; some gains, "
                            "some needed re-treatment",
                        ],
                    },
                    {
                        "header": "Conditioned media and extracts",
                        "cells": [
                            "Proteins and particles released by cells grown in a laboratory",
                            "Often not",
                            "Few, small, short trials; the effect is unclear",
                        ],
                    },
                ],
            },
        ),
        (
            "callout",
            {
                "kind": "caution",
                "title": "Evidence is still developing",
                "text": (
                    "<p>None of these methods has the long, large trials that would let "
                    "anyone promise a result. Some people see thicker hair or less shedding; "
                    "others see little change. Regulators also treat some of these products "
                    'strictly. Our guide to <a href="/articles/safety-and-questions-to-ask/">'
                    "safety and questions to ask</a> explains what that means for you.</p>"
                ),
            },
        ),
        ("heading", "Next steps"),
        (
            "paragraph",
            '<p>To see what a treatment day involves, read <a href="/articles/'
            'how-the-procedure-works/">how the procedure works</a>. To find out whether a '
            "consultation may be worthwhile for you, try our "
            '<a href="/screening/">pre-screening questionnaire</a>.</p>',
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
                "Autologous cellular method using micrografts of human adipose tissue derived "
                "follicle stem cells in androgenic alopecia"
            ),
            "source": "Gentile P. International Journal of Molecular Sciences 20(14):3446",
            "year": 2019,
            "url": "https://doi.org/10.3390/ijms20143446",
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
                "Short-term efficacy of autologous cellular micrografts in male and female "
                "androgenetic alopecia: a retrospective cohort study"
            ),
            "source": "Zari S. Clinical, Cosmetic and Investigational Dermatology 14:1725–1736",
            "year": 2021,
            "url": "https://doi.org/10.2147/CCID.S334807",
        },
        {
            "title": (
                "Combination of adipose-derived stem cell conditioned media and minoxidil for "
                "hair regrowth in male androgenetic alopecia: a randomized, double-blind "
                "clinical trial (NCT05296863)"
            ),
            "source": "Stem Cell Research & Therapy",
            "year": 2023,
            "url": "https://doi.org/10.1186/s13287-023-03440-2",
        },
    ],
}
