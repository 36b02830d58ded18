"""Contact page text; the template adds phone, email, address and opening hours from settings."""

PAGE = {
    "slug": "contact",
    "title": "Contact us",
    "summary": (
        "How to reach the clinic, what we can help with by phone or email, and what to do "
        "in an emergency."
    ),
    "search_description": (
        "Contact our hair-restoration clinic about consultations, your questionnaire, your "
        "personal data or our articles. In an emergency, call 999."
    ),
    "show_in_menus": True,
    "body": [
        (
            "callout",
            {
                "kind": "caution",
                "title": "In an emergency",
                "text": (
                    "<p>If you are seriously unwell, call <b>999</b> (or your local emergency "
                    "number if you are outside the UK). For urgent advice that is not an "
                    "emergency, call NHS 111. We cannot give medical advice by email or "
                    "through this website.</p>"
                ),
            },
        ),
        ("heading", "What you can contact us about"),
        (
            "paragraph",
            "<ul>"
            "<li>booking or changing a consultation;</li>"
            "<li>a questionnaire you have sent us: please have your reference number "
            "(for example HS-XXXX-XXXX) ready;</li>"
            "<li>your personal data, including asking for a copy, a correction or deletion "
            '(see our <a href="/privacy/">privacy notice</a>);</li>'
            "<li>something in our articles that looks wrong or unclear;</li>"
            "<li>a complaint or a compliment.</li>"
            "</ul>",
        ),
        ("heading", "When we will reply"),
        (
            "paragraph",
            "<p>We aim to answer messages within a few working days. Phone lines are staffed "
            "during the opening hours shown on this page. If you contact us out of hours, we "
            "will reply on the next working day.</p>",
        ),
        ("heading", "Please keep health details out of email"),
        (
            "paragraph",
            "<p>Ordinary email is not a safe place for medical details. Please do not send us "
            "information about your health, medicines or photos by email. If we need them, we "
            "will arrange a secure way or talk to you in person.</p>"
            "<p>If you would like us to look at whether treatment might suit you, the "
            '<a href="/screening/">pre-screening questionnaire</a> is the safest way to '
            "share that information.</p>",
        ),
    ],
}
