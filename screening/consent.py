"""The consent wording patients agree to, in one place, with its version.

Each submission stores ``CONSENT_TEXT_VERSION`` and the time of each consent, so we can
always show exactly what a patient agreed to. Change any wording below → bump the
version (and keep the old wording in the history of this file). A questionnaire that
was started under an older version asks for consent again before it can be sent.
"""

from __future__ import annotations

from dataclasses import dataclass

# 2026-11-2: the health-data consent no longer mentions photos, which we do not collect
# (the privacy notice says so, and the contact page asks people not to email them).
CONSENT_TEXT_VERSION = "2026-11-2"


@dataclass(frozen=True)
class ConsentText:
    field: str
    label: str
    hint: str
    required: bool
    # The error shown when a required box is left unticked.
    required_message: str = ""


HEALTH_DATA = ConsentText(
    field="consent_health_data",
    label=(
        "I agree that the clinic may use my health information to pre-screen me: my answers "
        "about my hair loss and my medical history."
    ),
    hint=(
        "The law gives health information extra protection, so we ask for this separately. "
        "Only clinic staff who review questionnaires can see it. You can withdraw this "
        "consent whenever you like by contacting us, and we will then delete your answers."
    ),
    required=True,
    required_message=(
        "Tick the box to agree that we may use your health information: without it we "
        "cannot pre-screen you."
    ),
)

CONTACT = ConsentText(
    field="consent_contact",
    label="I agree that a member of the clinical team may contact me about my answers.",
    hint="By email or phone, whichever you prefer. We need this to tell you what we think.",
    required=True,
    required_message=(
        "Tick the box to agree that we may contact you: without it we cannot tell you what "
        "we think."
    ),
)

MARKETING = ConsentText(
    field="consent_marketing",
    label="Send me occasional news and offers from the clinic by email.",
    hint=(
        "This is optional and separate. Leaving it unticked makes no difference to how we "
        "look at your answers. You can unsubscribe at any time."
    ),
    required=False,
)

CONSENTS: tuple[ConsentText, ...] = (HEALTH_DATA, CONTACT, MARKETING)
