"""Article 5: who may be a candidate, what viable follicles look like, and which medical
conditions need a doctor's review first. The conditions listed here mirror the codes the
questionnaire asks about (see shared/brief/screening-questionnaire.md)."""

ARTICLE = {
    "slug": "who-may-be-a-candidate",
    "title": "Who may be a candidate?",
    "summary": (
        "Regenerative treatment tends to suit early to moderate pattern hair loss where fine "
        "hairs are still growing. Here is how to tell, and which health conditions need a "
        "doctor’s review first."
    ),
    "search_description": (
        "Who regenerative hair treatment may suit: early to moderate pattern hair loss, "
        "fine hairs still growing, good general health, and conditions that need review."
    ),
    "reviewed_by": "lead",
    "last_reviewed": "2026-11-02",
    "next_review_due": "2027-11-02",
    "related": [
        "benefits-limits-and-expectations",
        "how-the-procedure-works",
        "stem-cells-vs-prp",
    ],
    "body": [
        (
            "paragraph",
            "<p>Regenerative hair treatment does not suit everyone. Whether it might help you "
            "depends mostly on three things: the kind of hair loss you have, how far it has "
            "gone, and your general health. Only a clinician who has examined you can decide. "
            "This guide explains what they look for.</p>",
        ),
        ("heading", "The kind of hair loss"),
        (
            "paragraph",
            "<p>These treatments have mainly been studied in <b>androgenetic alopecia</b>. "
            "This is the common, inherited pattern of thinning that affects many men and "
            "women as they get older. Doctors describe how far it has gone using picture "
            "scales:</p>"
            "<ul>"
            "<li><b>Norwood–Hamilton</b> (for the male pattern) runs from type I, with hardly "
            "any change, to type VII, where only a horseshoe of hair is left around the back "
            "and sides.</li>"
            "<li><b>Ludwig</b> (for the female pattern) runs from grade I, with mild thinning "
            "on top and a widening parting, to grade III, where hair is almost gone across "
            "the top. "
            "The hairline at the front usually stays.</li>"
            "</ul>"
            "<p>Trials of regenerative treatment mostly included people with <b>early to "
            "moderate</b> loss: roughly Norwood–Hamilton II to V and Ludwig I to II. People "
            "with very advanced loss were usually not included.</p>",
        ),
        ("heading", "Signs that your hair follicles are still alive"),
        (
            "paragraph",
            "<p>In pattern hair loss, hair follicles shrink slowly over years. Each new hair "
            "grows a little finer and shorter than the one before. While a follicle still "
            "makes a hair, even a thin one, it is alive and may be able to respond to "
            "treatment. Doctors call these <b>viable follicles</b>.</p>"
            "<p>Once a follicle has shrunk completely, it stops making visible hair. Research "
            "suggests that at this point the loss is largely permanent.</p>",
        ),
        (
            "callout",
            {
                "kind": "information",
                "title": "A simple check you can do",
                "text": (
                    "<p>In good light, look closely at your thinning areas, using a mirror or "
                    "a photo. <b>Can you still see fine, short or thin hairs?</b> If so, that "
                    "is a hopeful sign that follicles are still working. If an area is "
                    "completely smooth and shiny, with no hair at all, there may be nothing "
                    "left for a regenerative treatment to support.</p>"
                ),
            },
        ),
        ("heading", "Who is less likely to benefit"),
        (
            "paragraph",
            "<ul>"
            "<li>People with <b>large, completely smooth bald areas</b>, especially if they "
            "have been bald for years. A hair transplant consultation is often a better next "
            "step.</li>"
            "<li>People with <b>very advanced</b> pattern hair loss.</li>"
            "<li>People whose hair loss has a <b>different cause</b>, such as alopecia areata "
            "(patchy loss caused by the immune system) or scarring alopecia (where "
            "inflammation destroys follicles). These need a specialist’s assessment "
            "first.</li>"
            "</ul>",
        ),
        ("heading", "Your general health"),
        (
            "paragraph",
            "<p>Most methods involve taking a little fat or scalp tissue under local "
            "anaesthetic, and then several injections. So you need to be well enough for a "
            "minor procedure. A doctor will want to review your situation first if any of "
            "these apply to you:</p>"
            "<ul>"
            "<li>a bleeding or clotting disorder, or a low platelet count;</li>"
            "<li>taking medicines that thin the blood, such as anticoagulants or "
            "antiplatelet drugs;</li>"
            "<li>an infection or flare of inflammation on the scalp, such as folliculitis, "
            "psoriasis or seborrhoeic dermatitis;</li>"
            "<li>being pregnant or breastfeeding;</li>"
            "<li>active cancer, or having chemotherapy;</li>"
            "<li>a weakened immune system, or taking medicines that suppress it;</li>"
            "<li>an allergy to local anaesthetic;</li>"
            "<li>a tendency to form raised scars (keloid or hypertrophic scars);</li>"
            "<li>diabetes that is not well controlled;</li>"
            "<li>alopecia areata or scarring alopecia.</li>"
            "</ul>",
        ),
        (
            "callout",
            {
                "kind": "caution",
                "title": "A review is not a refusal",
                "text": (
                    "<p>Having one of these conditions does not automatically rule you out. "
                    "It means a doctor needs to look at your situation and talk it through "
                    "with you before any procedure. Please do not stop any prescribed medicine "
                    "without speaking to the doctor who prescribed it.</p>"
                ),
            },
        ),
        ("heading", "Other things a clinician will consider"),
        (
            "paragraph",
            "<ul>"
            "<li><b>How quickly your hair loss is changing.</b> Loss that is stable or slow "
            "is easier to plan for than rapid loss.</li>"
            "<li><b>Treatments you have tried</b>, such as minoxidil, finasteride, PRP or a "
            "previous transplant.</li>"
            "<li><b>What you hope for.</b> Regenerative treatment aims to thicken thinning "
            "hair, not to fill bald areas. Realistic goals matter.</li>"
            "</ul>",
        ),
        ("heading", "Start with our pre-screening questionnaire"),
        (
            "paragraph",
            '<p>Our <a href="/screening/">pre-screening questionnaire</a> asks about these '
            "points. It is a first look, <b>not a diagnosis</b>, and it cannot tell you "
            "whether treatment will work. A clinician reviews every answer and contacts you "
            'about the next step. Our <a href="/privacy/">privacy notice</a> explains how we '
            "protect your answers.</p>",
        ),
    ],
    "references": [
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
            "title": (
                "Miniaturized hairs maintain contact with the arrector pili muscle in alopecia "
                "areata but not in androgenetic alopecia: a model for reversible miniaturization "
                "and potential for hair regrowth"
            ),
            "source": (
                "Yazdabadi A, Whiting D, Rufaut NW, Sinclair R. International Journal of "
                "Trichology 4(3):154–157"
            ),
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
