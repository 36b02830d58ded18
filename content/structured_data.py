"""schema.org structured data (JSON-LD) for our pages, built as plain dicts.

Templates serialise these with the `json_ld` filter (content/templatetags/seo.py), which
escapes <, > and & so no text from the database can end the <script> element early.
"""

import html

from django.utils.html import strip_tags

SCHEMA_CONTEXT = "https://schema.org"
# Every article is about the same condition; naming it helps search engines file the pages.
CONDITION = {
    "@type": "MedicalCondition",
    "name": "Androgenetic alopecia",
    "alternateName": "Pattern hair loss",
}


def plain_text(rich_text_source: str) -> str:
    """Rich text stored by Wagtail, as one line of plain text."""
    return " ".join(html.unescape(strip_tags(rich_text_source)).split())


def without_blanks(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def absolute_url(page, request) -> str:
    """A page's absolute URL on the origin this request was served from.

    Used for canonical links, Open Graph, JSON-LD and the sitemap alike, so they always
    agree, and stay right even before an operator sets the Wagtail Site's hostname
    (Wagtail's get_full_url() would say http://localhost). ALLOWED_HOSTS vouches for
    the host; SECURE_PROXY_SSL_HEADER for the scheme.
    """
    return request.build_absolute_uri(page.get_url(request))


def home_url(request) -> str:
    return request.build_absolute_uri("/")


def clinic_reference(request) -> dict:
    return {"@id": f"{home_url(request)}#clinic"}


def medical_clinic(clinic, request) -> dict:
    """The clinic itself, from the ClinicSettings site setting."""
    address = without_blanks(
        {
            "@type": "PostalAddress",
            "streetAddress": clinic.street_address,
            "addressLocality": clinic.locality,
            "postalCode": clinic.postal_code,
            "addressCountry": clinic.country,
        }
    )
    return without_blanks(
        {
            "@context": SCHEMA_CONTEXT,
            "@type": "MedicalClinic",
            **clinic_reference(request),
            "name": clinic.clinic_name,
            "url": home_url(request),
            "telephone": clinic.phone,
            "email": clinic.email,
            "address": address if len(address) > 1 else None,
            "openingHours": clinic.opening_hours,
        }
    )


def breadcrumb_list(pages, request) -> dict:
    """`pages` runs from the site's home page (named "Home", as in the visible trail)."""
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": "Home" if position == 1 else page.title,
                "item": absolute_url(page, request),
            }
            for position, page in enumerate(pages, start=1)
        ],
    }


def reviewer(clinician) -> dict | None:
    if clinician is None:
        return None
    return without_blanks(
        {
            "@type": "Person",
            "name": clinician.name,
            "jobTitle": clinician.role,
            "honorificSuffix": clinician.credentials,
        }
    )


def citation(source) -> dict:
    return without_blanks(
        {
            "@type": "CreativeWork",
            "name": source["title"],
            "publisher": source["source"],
            "datePublished": str(source["year"]),
            "url": source["url"],
        }
    )


def medical_web_page(article, request) -> dict:
    url = absolute_url(article, request)
    return without_blanks(
        {
            "@context": SCHEMA_CONTEXT,
            "@type": "MedicalWebPage",
            "@id": url,
            "url": url,
            "name": article.title,
            "description": article.get_meta_description(),
            "inLanguage": "en-GB",
            "lastReviewed": article.last_reviewed.isoformat() if article.last_reviewed else None,
            "reviewedBy": reviewer(article.reviewed_by),
            "medicalAudience": {"@type": "MedicalAudience", "audienceType": "Patient"},
            "about": CONDITION,
            "timeRequired": f"PT{article.reading_time}M",
            "publisher": clinic_reference(request),
            "citation": [citation(block.value) for block in article.references],
        }
    )


def faq_page(page, faq_items, request) -> dict:
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "FAQPage",
        "url": absolute_url(page, request),
        "mainEntity": [
            {
                "@type": "Question",
                "name": item["question"],
                "acceptedAnswer": {"@type": "Answer", "text": plain_text(item["answer"].source)},
            }
            for item in faq_items
        ],
    }
