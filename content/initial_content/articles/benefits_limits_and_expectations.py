"""Article 7: what regenerative treatment may and may not do, why responses differ, and the
need for maintenance. Numbers come only from clinical-evidence.md, each with its source."""

ARTICLE = {
    "slug": "benefits-limits-and-expectations",
    "title": "Benefits, limits and realistic expectations",
    "summary": (
        "What regenerative hair treatment may do for thinning hair, why results differ so much "
        "between people, what it cannot do, and why some people need it again later."
    ),
    "search_description": (
        "Realistic expectations for regenerative hair treatment: possible gains in thickness "
        "and density, why results vary, its limits and when re-treatment is needed."
    ),
    "reviewed_by": "surgeon",
    "last_reviewed": "2026-10-28",
    "next_review_due": "2027-10-28",
    "related": [
        "who-may-be-a-candidate",
        "regenerative-approaches-for-hair",
        "safety-and-questions-to-ask",
    ],
    "body": [
        (
            "paragraph",
            "<p>It is natural to hope for a big change. The most useful thing we can do is "
            "help you set expectations that match the evidence. That way you can make a "
            "decision you will still be happy with a year from now.</p>",
        ),
        ("heading", "What it may do"),
        (
            "paragraph",
            "<p>For some people with thinning hair, regenerative treatment may lead to:</p>"
            "<ul>"
            "<li><b>thicker individual hairs</b>, so the hair looks fuller;</li>"
            "<li><b>less shedding</b>;</li>"
            "<li><b>better density</b>, meaning more hairs in a given area of scalp.</li>"
            "</ul>"
            "<p>Studies give a sense of the size of these changes, and of how uneven they "
            "are:</p>"
            "<ul>"
            "<li>In the <b>Kerastem STYLE trial</b>, the only clear benefit was in men with "
            "early hair loss who had the lower dose of fat-derived cells. Their density of "
            "thick, full-length hairs rose by about 17%. Other groups did not clearly "
            "benefit.</li>"
            "<li>A <b>study by Zari (2021)</b> looked back at 140 adults who had one session "
            "of scalp micrografts. About two thirds showed some response at the front of the "
            "scalp over the following months.</li>"
            "<li>In a <b>micrograft trial with longer follow-up</b> (Gentile and colleagues, "
            "2020), the gains were still there at 58 weeks.</li>"
            "</ul>"
            "<p>These are modest changes in some people, measured in small studies. They are "
            "not a promise of what will happen to you.</p>",
        ),
        ("heading", "Why results differ from person to person"),
        (
            "paragraph",
            "<ul>"
            "<li><b>Your genes.</b> Pattern hair loss is inherited, and how strongly it "
            "progresses varies between people.</li>"
            "<li><b>The stage of your hair loss.</b> Treatment can only support follicles "
            "that are still working. Early thinning tends to respond better than advanced "
            "loss.</li>"
            "<li><b>The method.</b> Fat-based cells, scalp micrografts and conditioned media "
            "are different treatments. Even within one method, preparation differs between "
            "clinics.</li>"
            "<li><b>Other treatments.</b> Medicines you use, or stop using, also affect your "
            "hair.</li>"
            "</ul>",
        ),
        (
            "callout",
            {
                "kind": "caution",
                "title": "Results vary, and some people see no change",
                "text": (
                    "<p>No clinic can honestly guarantee a result from regenerative hair "
                    "treatment. Some people notice a clear difference, some a small one and "
                    "some none at all. The evidence is still developing, and there are no "
                    "large, long-term trials yet.</p>"
                ),
            },
        ),
        ("heading", "What it cannot do"),
        (
            "paragraph",
            "<ul>"
            "<li>It <b>cannot regrow hair on smooth, bald skin</b> where the follicles have "
            "gone.</li>"
            "<li>It is <b>not a replacement for a hair transplant</b> when large areas are "
            "bald. A transplant moves working follicles from the back and sides of the head "
            "to where they are needed.</li>"
            "<li>It <b>does not cure</b> pattern hair loss. The underlying process carries "
            "on.</li>"
            "</ul>"
            "<p>Regenerative treatment is best thought of as a <b>supportive option</b>: for "
            "thinning areas, for early hair loss, or as one part of a wider plan that may "
            "include medicines or a transplant. For many people, doctors suggest trying "
            "established medicines first.</p>",
        ),
        ("heading", "Will I need it again?"),
        (
            "paragraph",
            "<p>Possibly. Because pattern hair loss keeps progressing, any benefit may fade "
            "with time. In the longer micrograft follow-up, some patients needed a further "
            "treatment after about two years because their hair loss had started again. Ask "
            "any clinic how it plans follow-up, how it will measure your results, and what "
            "re-treatment would involve.</p>",
        ),
        ("heading", "Realistic and unrealistic hopes"),
        (
            "comparison_table",
            {
                "caption": "Examples of goals, and how realistic they are",
                "row_header_label": "Goal",
                "column_headers": ["Realistic?", "Why"],
                "rows": [
                    {
                        "header": "Make thinning hair look a little fuller",
                        "cells": [
                            "Possibly",
                            "This is what studies have measured, in some people",
                        ],
                    },
                    {
                        "header": "Slow down shedding",
                        "cells": [
                            "Possibly",
                            "Some people notice less shedding; it varies",
                        ],
                    },
                    {
                        "header": "Fill a large, smooth bald area",
                        "cells": [
                            "Unlikely",
                            "There are no working follicles left to support",
                        ],
                    },
                    {
                        "header": "A permanent result from one session",
                        "cells": [
                            "Unlikely",
                            "Hair loss carries on, and some people need re-treatment",
                        ],
                    },
                ],
            },
        ),
        (
            "paragraph",
            "<p>To find out whether your goals fit what treatment can offer, start with our "
            '<a href="/screening/">pre-screening questionnaire</a>. A clinician will look at '
            "your answers and talk it through with you.</p>",
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
                "Short-term efficacy of autologous cellular micrografts in male and female "
                "androgenetic alopecia: a retrospective cohort study"
            ),
            "source": "Zari S. Clinical, Cosmetic and Investigational Dermatology 14:1725–1736",
            "year": 2021,
            "url": "https://doi.org/10.2147/CCID.S334807",
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
