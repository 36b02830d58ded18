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


def medical_clinic(clinic, request, treatments=()) -> dict:
    """The clinic itself, from the ClinicSettings site setting, with the treatments it
    offers when the page shows them (`availableService`)."""
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
            "availableService": [medical_procedure(treatment, request) for treatment in treatments],
        }
    )


def legal_status(treatment) -> str:
    """The regulatory status in one sentence, never implying approval it does not have."""
    parts = [f"{treatment.get_classification_display()}."]
    if treatment.offered_within_trial:
        parts.append(f"Offered within a clinical trial ({treatment.trial_registration}).")
    parts.append(treatment.what_this_is_not)
    parts += [
        f"{registration['regulator']}: {registration['number']} ({registration['covers']})."
        for registration in treatment.registration_list
    ]
    return " ".join(" ".join(parts).split())


def medical_procedure(treatment, request) -> dict:
    """A treatment the clinic offers, as schema.org `MedicalProcedure`.

    `legalStatus` (a MedicalEntity property) carries the regulatory status in words;
    `status` is only given for a treatment offered within a trial, where schema.org's
    study status applies.
    """
    return without_blanks(
        {
            "@type": "MedicalProcedure",
            "@id": f"{home_url(request)}#{treatment.anchor}",
            "name": treatment.name,
            "description": treatment.what_is_done,
            "howPerformed": treatment.device_or_process,
            "bodyLocation": "Scalp",
            "legalStatus": legal_status(treatment),
            "status": "https://schema.org/Recruiting" if treatment.offered_within_trial else None,
            "study": {
                "@type": "MedicalTrial",
                "identifier": treatment.trial_registration,
            }
            if treatment.offered_within_trial
            else None,
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


def person(clinician, profile_url: str) -> dict | None:
    """A clinician as schema.org `Person`; `profile_url` (their anchor on the “Our
    clinicians” page) is both its @id and its url, so every article that names them
    points at the same person."""
    if clinician is None:
        return None
    return without_blanks(
        {
            "@type": "Person",
            "@id": profile_url or None,
            "url": profile_url or None,
            "name": clinician.name,
            "jobTitle": clinician.role,
            "honorificSuffix": clinician.qualifications,
            "hasCredential": without_blanks(
                {
                    "@type": "EducationalOccupationalCredential",
                    "credentialCategory": "Professional registration",
                    "name": clinician.registration,
                    "recognizedBy": {
                        "@type": "Organization",
                        "name": clinician.get_registration_body_display(),
                    },
                    "url": clinician.register_url,
                }
            ),
        }
    )


def citation(source) -> dict:
    identifiers = [
        {"@type": "PropertyValue", "propertyID": "DOI", "value": source.get("doi")}
        if source.get("doi")
        else None,
        {"@type": "PropertyValue", "propertyID": "PMID", "value": source.get("pmid")}
        if source.get("pmid")
        else None,
    ]
    return without_blanks(
        {
            "@type": "ScholarlyArticle" if source.get("authors") else "CreativeWork",
            "name": source["title"],
            "author": source.get("authors"),
            "isPartOf": source["source"],
            "datePublished": str(source["year"]),
            "identifier": [identifier for identifier in identifiers if identifier],
            "url": source_link(source),
        }
    )


def source_link(source) -> str:
    """Where a reader can find a source: its link, else its DOI, else its PubMed entry."""
    if source.get("url"):
        return source["url"]
    if source.get("doi"):
        return f"https://doi.org/{source['doi']}"
    if source.get("pmid"):
        return f"https://pubmed.ncbi.nlm.nih.gov/{source['pmid']}/"
    return ""


def medical_web_page(article, request, reviewer_url: str = "") -> dict:
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
            "reviewedBy": person(article.reviewed_by, reviewer_url),
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
