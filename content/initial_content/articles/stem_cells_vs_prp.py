"""Article 6: PRP compared with stem-cell-based approaches, with a side-by-side table."""

ARTICLE = {
    "slug": "stem-cells-vs-prp",
    "title": "Stem cell treatments and PRP: what is the difference?",
    "summary": (
        "PRP is made from your blood; stem-cell-based treatments use your fat or scalp tissue. "
        "We compare how each is prepared, what the day involves and what the evidence says."
    ),
    "search_description": (
        "PRP versus stem-cell-based hair treatment compared side by side: source, preparation, "
        "procedure, anaesthetic, downtime, evidence and typical role."
    ),
    "reviewed_by": "lead",
    "last_reviewed": "2026-08-14",
    "next_review_due": "2027-08-14",
    "related": [
        "regenerative-approaches-for-hair",
        "how-the-procedure-works",
        "faq",
    ],
    "body": [
        (
            "paragraph",
            "<p>PRP and stem cell treatments are often mentioned together, and some clinics "
            "use the names loosely. They are not the same thing. Both use material from your "
            "own body and both are injected into the scalp, but they start from different "
            "tissues and involve different procedures.</p>",
        ),
        ("heading", "What PRP is"),
        (
            "paragraph",
            "<p><b>PRP</b> stands for <b>platelet-rich plasma</b>. Plasma is the liquid part "
            "of your blood. Platelets are tiny cell fragments in the blood that help it clot. "
            "They also carry <b>growth factors</b>: proteins that signal to other cells to "
            "grow and repair.</p>"
            "<p>To make PRP, a small amount of blood is taken from your arm, much like a "
            "routine blood test. It is spun in a <b>centrifuge</b>, which separates the blood "
            "into layers. The layer rich in platelets is collected and injected into the "
            "thinning parts of the scalp. The idea is that the growth factors support the "
            "hair follicles. PRP contains no stem cells.</p>",
        ),
        ("heading", "What stem-cell-based treatments are"),
        (
            "paragraph",
            "<p>Stem-cell-based (regenerative) treatments start from a small sample of your "
            "own <b>fat</b> or <b>scalp tissue</b>, taken under local anaesthetic. The tissue "
            "is processed to give a liquid that contains living cells, including stem cells "
            "and related cells, as well as the signals they release. The aim is to influence "
            "the scalp more broadly than platelets alone can. Whether it does so reliably is "
            "still being studied.</p>"
            '<p>Our guide to <a href="/articles/regenerative-approaches-for-hair/">'
            "regenerative approaches for hair</a> describes these methods in more detail.</p>",
        ),
        ("heading", "Side by side"),
        (
            "comparison_table",
            {
                "caption": "PRP compared with stem-cell-based hair treatment",
                "row_header_label": "Feature",
                "column_headers": ["PRP", "Stem-cell-based treatment"],
                "rows": [
                    {
                        "header": "Source",
                        "cells": [
                            "Your own blood",
                            "Your own fat or scalp tissue",
                        ],
                    },
                    {
                        "header": "How it is prepared",
                        "cells": [
                            "Blood is spun in a centrifuge to concentrate the platelets",
                            "Tissue is broken up mechanically and/or spun in a centrifuge "
                            "under sterile conditions",
                        ],
                    },
                    {
                        "header": "What is injected",
                        "cells": [
                            "Plasma rich in platelets and growth factors; no living stem cells",
                            "A preparation containing living cells, including stem cells",
                        ],
                    },
                    {
                        "header": "The procedure",
                        "cells": [
                            "A blood draw, then scalp injections",
                            "A minor tissue harvest, then scalp injections",
                        ],
                    },
                    {
                        "header": "Anaesthetic",
                        "cells": [
                            "Sometimes a numbing cream or local anaesthetic for the scalp",
                            "Local anaesthetic for the harvest site and usually the scalp",
                        ],
                    },
                    {
                        "header": "Downtime",
                        "cells": [
                            "Usually little; the scalp may feel tender for a short time",
                            "Soreness or bruising at the harvest site and scalp, usually "
                            "settling over some days",
                        ],
                    },
                    {
                        "header": "Evidence",
                        "cells": [
                            "Studied more widely, but methods differ between clinics and "
                            "results vary",
                            "Fewer and smaller studies; some gains for some people with early "
                            "loss; still developing",
                        ],
                    },
                    {
                        "header": "Typical role",
                        "cells": [
                            "Supporting thinning hair, often as a course of sessions",
                            "Supporting thinning hair, alone or alongside transplant plans",
                        ],
                    },
                ],
            },
        ),
        (
            "callout",
            {
                "kind": "caution",
                "title": "Neither is guaranteed",
                "text": (
                    "<p>Both PRP and stem-cell-based treatments help some people and do little "
                    "for others. Neither can regrow hair where follicles have gone, and "
                    "neither replaces a transplant for large bald areas. Results vary.</p>"
                ),
            },
        ),
        ("heading", "Health points specific to PRP"),
        (
            "paragraph",
            "<p>Because PRP depends on your platelets, a doctor needs to check first if you "
            "have a platelet problem or a low platelet count. Anti-inflammatory painkillers "
            "(NSAIDs, such as ibuprofen) can affect how platelets work, so you may be asked "
            "not to take them in the 48 hours before treatment. Do not stop a prescribed "
            "medicine without advice from your doctor.</p>",
        ),
        ("heading", "Can they be combined?"),
        (
            "paragraph",
            "<p>Some clinics and studies combine PRP with cell-based methods, or use either "
            "one alongside medicines or a transplant. Whether a combination adds anything for "
            "you is something to discuss at a consultation. Ask what evidence supports the "
            "specific combination you are offered.</p>",
        ),
        ("heading", "Which might suit you?"),
        (
            "paragraph",
            "<p>That depends on your hair loss, your health and your goals. A clinician can "
            'talk you through both options. Our <a href="/screening/">pre-screening '
            "questionnaire</a> is a simple place to begin.</p>",
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
                "Short-term efficacy of autologous cellular micrografts in male and female "
                "androgenetic alopecia: a retrospective cohort study"
            ),
            "source": "Zari S. Clinical, Cosmetic and Investigational Dermatology 14:1725–1736",
            "year": 2021,
            "url": "https://doi.org/10.2147/CCID.S334807",
        },
    ],
}
