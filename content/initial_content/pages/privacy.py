"""The privacy notice for the site and, above all, for the pre-screening questionnaire.

It must stay true to what the ``screening`` app collects and how it stores it (see
``shared/brief/screening-questionnaire.md``). If the questionnaire gains a question, this page
changes in the same release.
"""

PAGE = {
    "slug": "privacy",
    "title": "Privacy notice",
    "summary": (
        "How we collect, use, protect and delete the information you give us, especially the "
        "health details in our pre-screening questionnaire."
    ),
    "search_description": (
        "What our hair pre-screening questionnaire collects, why, who can see it, how long we "
        "keep it, and how to withdraw consent or ask us to delete it."
    ),
    "show_in_menus": False,
    "body": [
        (
            "paragraph",
            "<p>This notice explains what happens to the information you share with us through "
            "this website. Most of it is about our online pre-screening questionnaire, because "
            "that is where you may tell us about your health. We have tried to write it in "
            "plain language. If anything is unclear, please ask us.</p>",
        ),
        ("heading", "Who is responsible for your information"),
        (
            "paragraph",
            "<p>The clinic that runs this website is the <b>data controller</b>. That means we "
            "decide how your information is used and we are responsible for looking after it. "
            "Our address, phone number and email address are on our "
            '<a href="/contact/">contact page</a>.</p>',
        ),
        ("heading", "What the questionnaire collects"),
        ("subheading", "Your answers about your hair and health"),
        (
            "paragraph",
            "<ul>"
            "<li>your age</li>"
            "<li>the pattern of your hair loss</li>"
            "<li>how long you have been losing hair, and whether it is getting worse</li>"
            "<li>whether you can still see fine, short hairs in the thinning areas</li>"
            "<li>whether you have any completely smooth bald areas, and for how long</li>"
            "<li>medical conditions or medicines that a doctor would need to know about</li>"
            "<li>treatments you have tried before</li>"
            "<li>what you hope to achieve</li>"
            "<li>whether you would consider a hair transplant</li>"
            "</ul>"
            "<p>Some of these answers are <b>health information</b>. The law treats health "
            "information as a special category of personal data that needs extra care.</p>",
        ),
        ("subheading", "Your contact details and choices"),
        (
            "paragraph",
            "<ul>"
            "<li>your name and email address</li>"
            "<li>your phone number, if you choose to give it</li>"
            "<li>how you would prefer us to contact you</li>"
            "<li>the consents you gave, the exact wording you saw and the date and time you "
            "gave them</li>"
            "</ul>"
            "<p>The questionnaire does not ask for photos. If we ever add that, we will update "
            "this notice first and ask for your consent.</p>"
            "<p>The questionnaire is for adults only. If someone enters an age under 18, the "
            "form stops and nothing is saved.</p>",
        ),
        ("heading", "Why we use it"),
        (
            "paragraph",
            "<ul>"
            "<li><b>To pre-screen you.</b> A clinician reads your answers to judge whether a "
            "consultation is likely to be useful, and whether anything needs a doctor’s review "
            "first. This is not a diagnosis.</li>"
            "<li><b>To contact you</b> about your answers and, if you wish, to arrange a "
            "consultation. You agree to this with its own tick box.</li>"
            "<li><b>To send you news or offers</b>, but only if you ticked the separate "
            "marketing box. That box is optional. Leaving it empty makes no difference to how "
            "we handle your questionnaire.</li>"
            "</ul>"
            "<p>The website compares your answers with our written criteria to make a first "
            "suggestion. This helps staff decide which questionnaires to read first. It never "
            "decides anything on its own: a member of the clinical team always reviews your "
            "answers before we contact you.</p>",
        ),
        ("heading", "Our legal basis"),
        (
            "paragraph",
            "<p>We rely on your <b>consent</b>. Under the UK GDPR (and the EU GDPR, where it "
            "applies) this means:</p>"
            "<ul>"
            "<li>for your personal details, consent under Article 6(1)(a);</li>"
            "<li>for your health information, <b>explicit consent</b> under Article 9(2)(a). "
            "You give it by ticking a box that is not ticked in advance and that names the "
            "kinds of health information involved.</li>"
            "</ul>"
            "<p>You can withdraw your consent at any time, free of charge, by contacting us. "
            "Withdrawing does not make our earlier use of your information unlawful. From then "
            "on, we stop using it and delete it, unless the law requires us to keep it.</p>",
        ),
        ("heading", "Who can see your information"),
        (
            "paragraph",
            "<p>Only clinic staff whose job includes reviewing questionnaires or contacting "
            "patients can see your submission. Each of them has their own account, and they "
            "see only what their role needs.</p>"
            "<p>We do not sell your information. We do not share it with advertisers or data "
            "brokers. The questionnaire pages have <b>no third-party trackers, no analytics "
            "and no advertising</b>, and they do not load fonts or scripts from other "
            "companies. We would only pass your information to someone else if the law "
            "required us to.</p>"
            "<p>The website runs on servers that store data on our behalf. Any company that "
            "hosts them for us may act only on our written instructions and may not use your "
            "information for its own purposes.</p>",
        ),
        ("heading", "How we protect it"),
        (
            "paragraph",
            "<ul>"
            "<li>Your answers travel over an <b>encrypted connection</b> (HTTPS).</li>"
            "<li>Access is limited to named staff accounts, each with only the permissions "
            "that role needs.</li>"
            "<li>An <b>audit log</b> records who looked at or changed a submission, and "
            "when.</li>"
            "<li>We do not put health details in emails, text messages or web addresses.</li>"
            "</ul>",
        ),
        ("heading", "How long we keep it"),
        (
            "paragraph",
            "<p>If your questionnaire does not lead to treatment with us, we delete it "
            "<b>12 months after we close our review of it</b>. This gives us time to answer "
            "questions you may have about our advice, and no longer.</p>"
            "<p>If you go on to become a patient, the information becomes part of your "
            "medical record. Medical records are kept for the periods that apply to them, "
            "and we will explain these to you at your consultation.</p>",
        ),
        ("heading", "Your rights"),
        (
            "paragraph",
            "<p>You have the right to:</p>"
            "<ul>"
            "<li><b>see</b> the information we hold about you and get a copy;</li>"
            "<li><b>correct</b> anything that is wrong or incomplete;</li>"
            "<li><b>have it deleted</b> (erased);</li>"
            "<li><b>withdraw your consent</b> at any time, including marketing consent on its "
            "own;</li>"
            "<li><b>complain</b> to the Information Commissioner’s Office (ICO), the UK "
            'regulator for data protection, at <a href="https://ico.org.uk/">ico.org.uk</a>. '
            "We would like the chance to put things right first, so please tell us too.</li>"
            "</ul>"
            "<p>We will answer a request within one month. We may ask you to confirm a detail "
            "or two so that we know we are talking to the right person.</p>",
        ),
        (
            "steps",
            {
                "title": "How to ask us to delete your questionnaire",
                "steps": [
                    {
                        "title": "Find your reference number",
                        "text": (
                            "<p>It was shown when you sent the questionnaire and looks like "
                            "<b>HS-XXXX-XXXX</b>. If you have lost it, we can still find your "
                            "submission from your name and email address.</p>"
                        ),
                    },
                    {
                        "title": "Email or phone us",
                        "text": (
                            '<p>Use the details on our <a href="/contact/">contact page</a>. '
                            "Say that you want your questionnaire deleted and give the "
                            "reference number. You do not need to give a reason.</p>"
                        ),
                    },
                    {
                        "title": "We confirm",
                        "text": (
                            "<p>Once we have checked it is you, we delete the submission and "
                            "tell you when it is done.</p>"
                        ),
                    },
                ],
            },
        ),
        ("heading", "Cookies"),
        (
            "paragraph",
            "<p>This site uses only two cookies, and both are needed for it to work:</p>"
            "<ul>"
            "<li>a <b>session cookie</b>, which remembers your progress through the "
            "questionnaire and keeps staff signed in;</li>"
            "<li>a <b>security cookie</b> (a CSRF cookie), which stops other websites from "
            "sending forms in your name.</li>"
            "</ul>"
            "<p>We do not use advertising, tracking or analytics cookies. Because these two "
            "cookies are strictly necessary, we do not ask you to accept them.</p>",
        ),
        ("heading", "Changes to this notice"),
        (
            "paragraph",
            "<p>If we change how we use your information, we will update this page before the "
            "change takes effect. If a change affects what you have already agreed to, we will "
            "ask for your consent again.</p>",
        ),
    ],
}
