"""Article 8: safety, the questions to ask any clinic, regulation and red flags.

Regulatory statements are deliberately general: the US FDA's 2021 consumer update, and in the
UK the roles of the MHRA and the Human Tissue Authority. Review these first when the rules
change.
"""

ARTICLE = {
    "slug": "safety-and-questions-to-ask",
    "title": "Safety, regulation and the questions to ask any clinic",
    "summary": (
        "“Stem cell” is used loosely in advertising. Here are the questions to ask any clinic, "
        "how these treatments are regulated, and the warning signs to look out for."
    ),
    "search_description": (
        "Before any stem cell hair treatment: questions to ask a clinic, infection control, "
        "how the FDA, MHRA and HTA regulate cell products, and red flags."
    ),
    "reviewed_by": "nurse",
    "last_reviewed": "2026-06-30",
    "next_review_due": "2027-06-30",
    "related": [
        "regenerative-approaches-for-hair",
        "benefits-limits-and-expectations",
        "history-of-stem-cell-therapy",
    ],
    "body": [
        ("heading", "Why the words need checking"),
        (
            "paragraph",
            "<p>“Stem cell” sounds advanced, so it is a popular phrase in advertising. But it "
            "is used for very different things. Some products sold under that name contain no "
            "living cells at all. Some come from another person rather than from you. Some are "
            "really PRP, which is made from blood platelets. The name alone does not tell you "
            "what you would be getting, or whether it has been tested.</p>",
        ),
        ("heading", "Questions to ask any clinic"),
        (
            "paragraph",
            "<p>You can take this list to any consultation, including ours. A good clinic "
            "will be happy to answer every question clearly.</p>"
            "<ol>"
            "<li><b>Exactly which method do you use?</b> Fat-derived cells, scalp "
            "micrografts, conditioned media, an extract or something else?</li>"
            "<li><b>Is it autologous?</b> In other words, does it come only from my own "
            "body, and is it prepared and given back to me on the same day?</li>"
            "<li><b>What are the known side effects, and what downtime should I "
            "expect?</b></li>"
            "<li><b>What evidence supports this specific method?</b> Which published studies, "
            "in people with hair loss like mine? What did they find, and what were their "
            "limits?</li>"
            "<li><b>How is it regulated?</b> If you say it is approved, who approved it, and "
            "for what use?</li>"
            "<li><b>Who will do the procedure, and what are their qualifications?</b></li>"
            "<li><b>What happens if something goes wrong</b>, and who do I contact out of "
            "hours?</li>"
            "<li><b>How will you measure my results</b>, and what would follow-up or "
            "re-treatment involve?</li>"
            "</ol>",
        ),
        ("heading", "A medical setting and infection control"),
        (
            "paragraph",
            "<p>Any procedure that takes tissue and injects it carries a risk of infection. "
            "It should be done in a clean clinical room, by trained and registered "
            "professionals, using sterile, single-use equipment wherever possible. Before you "
            "agree to anything, you should have had a medical assessment and written "
            "information about the risks.</p>"
            "<p>In the UK, you can check that a doctor is registered with the General Medical "
            "Council (GMC) and that a nurse is registered with the Nursing and Midwifery "
            "Council (NMC). Independent clinics that give medical or surgical treatment are "
            "usually registered with the health regulator for their part of the UK, such as "
            "the Care Quality Commission in England.</p>",
        ),
        ("heading", "Possible side effects"),
        (
            "paragraph",
            "<p>Side effects depend on the method, but can include:</p>"
            "<ul>"
            "<li>pain, swelling or bruising where tissue was taken or injected;</li>"
            "<li>bleeding;</li>"
            "<li>infection;</li>"
            "<li>a small scar where tissue was taken;</li>"
            "<li>a reaction to the local anaesthetic;</li>"
            "<li>no noticeable improvement in your hair.</li>"
            "</ul>",
        ),
        ("heading", "How these treatments are regulated"),
        (
            "paragraph",
            "<p>The rules depend on the country, and on how cells are obtained, processed and "
            "used. In general:</p>"
            "<ul>"
            "<li><b>United States.</b> In a 2021 consumer update, the US Food and Drug "
            "Administration (FDA) issued a warning. It said that stem cell products, stromal "
            "vascular fraction (cells taken from fat) and exosome products generally need FDA "
            "approval, or must be given within a clinical trial that the FDA oversees. This "
            "applies whether the cells come from your own body or someone else’s. The FDA "
            "said it had "
            "received reports of serious harm, including infections and blindness, linked to "
            "unapproved products.</li>"
            "<li><b>United Kingdom.</b> Products made from cells can count as medicines. They "
            "are regulated by the Medicines and Healthcare products Regulatory Agency "
            '(<a href="https://www.gov.uk/government/organisations/'
            'medicines-and-healthcare-products-regulatory-agency">MHRA</a>). The Human '
            'Tissue Authority (<a href="https://www.hta.gov.uk/">HTA</a>) licenses '
            "organisations that take, store and process human tissue and cells for use in "
            "patients.</li>"
            "</ul>"
            "<p>To our knowledge, no stem cell treatment for hair loss has been approved as a "
            "medicine by the FDA or licensed by the MHRA. If a clinic suggests otherwise, ask "
            "for details.</p>",
        ),
        (
            "callout",
            {
                "kind": "caution",
                "title": "Red flags",
                "text": (
                    "<p>Be wary of any clinic that:</p>"
                    "<ul>"
                    "<li>promises or guarantees results, or talks about a “cure”;</li>"
                    "<li>cannot tell you exactly what will be injected, or where it comes "
                    "from;</li>"
                    "<li>offers cells from donors, umbilical cord or birth tissue as a "
                    "routine hair treatment;</li>"
                    "<li>claims approval it cannot show you;</li>"
                    "<li>relies on testimonials and before-and-after photos instead of "
                    "published evidence;</li>"
                    "<li>pressures you to book or pay quickly, for example with a discount "
                    "that is about to end;</li>"
                    "<li>skips a medical assessment, or treats people outside a proper "
                    "clinical setting.</li>"
                    "</ul>"
                ),
            },
        ),
        ("heading", "If something goes wrong"),
        (
            "paragraph",
            "<p>Contact the clinic that treated you straight away. If you feel seriously "
            "unwell, call 999. In the UK, you can report a suspected side effect of a medicine "
            "or medical device to the MHRA through the "
            '<a href="https://yellowcard.mhra.gov.uk/">Yellow Card scheme</a>.</p>'
            "<p>When you are ready to explore your own options, our "
            '<a href="/screening/">pre-screening questionnaire</a> is a safe place to '
            "start.</p>",
        ),
    ],
    "references": [
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
    ],
}
