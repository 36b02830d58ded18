"""The questionnaire in progress: its steps, and what the patient's session holds.

Everything a patient answers stays in the server-side session under ``SESSION_KEY``
(encrypted with the rest of the session, clinic_site/sessions.py) until the final submit,
and is removed from it then; the session key changes at consent and at submit::

    {
        "flow_id": "<uuid4>",             # one per questionnaire run: makes submit idempotent
        "started_at": "<iso datetime>",   # when the consent step was first saved
        "consents": {"version": ..., "consent_health_data_at": iso, "consent_contact_at": iso,
                     "consent_marketing_at": iso or None},
        "answers": {<contract key>: <code, list of codes or int>, ...},
        "contact": {"name": ..., "email": ..., "phone": ..., "preferred_contact": ...},
        "photos": {"done": true, "consent_photos_at": iso or None},   # the optional photo step
    }

The photos themselves never enter the session: they are encrypted files with a
``SubmissionPhoto`` row that carries the run's ``flow_id`` (screening/photos.py) until
the submit attaches them to the submission.

After a submit only ``RESULT_SESSION_KEY`` remains: the submission's id, nothing else.
A step counts as done when its form accepts what the session holds for it, so a
skipped step, a tampered session or a consent text that changed since all send the
patient back to the first step that is not done.
"""

from __future__ import annotations

import hashlib
import json
import threading
import uuid
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils import timezone

from screening import conf, consent
from screening.criteria import FORM_QUESTIONS, QUESTIONS, QuestionGroup
from screening.criteria import STEPS as QUESTION_STEPS
from screening.forms import GROUP_FORMS, ConsentForm, ContactForm, StepForm

ANSWER_KEYS = frozenset(QUESTIONS) | frozenset(FORM_QUESTIONS)

SESSION_KEY = "screening"
RESULT_SESSION_KEY = "screening_result"

CONSENT_TIMESTAMP_KEYS = {
    consent.HEALTH_DATA.field: "consent_health_data_at",
    consent.CONTACT.field: "consent_contact_at",
    consent.MARKETING.field: "consent_marketing_at",
}


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    intro: str
    form_class: type[StepForm]
    number: int = 0
    group: QuestionGroup | None = None  # for the question steps

    def applies(self, answers: dict[str, Any]) -> bool:
        """Whether the patient is asked this step, given the answers so far."""
        return self.group is None or self.group.applies(answers)


def _build_steps() -> tuple[Step, ...]:
    steps = [
        Step(
            "consent",
            "Your consent",
            "Before you start, we need your permission to use your answers.",
            ConsentForm,
        ),
        *(
            Step(group.slug, group.title, group.intro, GROUP_FORMS[group.slug], group=group)
            for group in QUESTION_STEPS
        ),
        Step(
            "contact",
            "How we can contact you",
            "A clinician will contact you about your answers.",
            ContactForm,
        ),
    ]
    return tuple(
        Step(s.slug, s.title, s.intro, s.form_class, number, s.group)
        for number, s in enumerate(steps, start=1)
    )


STEPS: tuple[Step, ...] = _build_steps()
STEPS_BY_SLUG: dict[str, Step] = {step.slug: step for step in STEPS}
GROUP_SLUGS = frozenset(group.slug for group in QUESTION_STEPS)
# The pattern scale the v1 questionnaire did not ask, worked out from a stored pattern so
# that a questionnaire in progress when v2 went live keeps its picture choice.
SCALE_OF_PATTERN = {"norwood": "men", "ludwig": "women"}


def step_for_key(key: str, answers: dict[str, Any] | None = None) -> Step:
    """The step that asks a given answer key (for "change" links)."""
    answers = answers or {}
    candidates = [s for s in STEPS if s.group is not None and key in s.group.keys]
    for step in candidates:
        if step.applies(answers):
            return step
    if candidates:
        return candidates[0]
    raise KeyError(key)


def _dict(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


# Every step request checks every earlier step (no skipping by URL), so without this a
# run of n steps validated about n²/2 forms. Validation depends only on the stored data
# and the code, so a worker remembers the verdicts, keyed by a digest: the memo holds no
# answer and no contact detail.
_VALIDITY_MEMO: OrderedDict[str, bool] = OrderedDict()
_VALIDITY_MEMO_SIZE = 4096
_validity_lock = threading.Lock()


def _stored_step_is_valid(step: Step, stored: dict[str, Any]) -> bool:
    payload = json.dumps([step.slug, stored], sort_keys=True, default=str)
    digest = hashlib.blake2b(payload.encode(), digest_size=16).hexdigest()
    with _validity_lock:
        if digest in _VALIDITY_MEMO:
            _VALIDITY_MEMO.move_to_end(digest)
            return _VALIDITY_MEMO[digest]
    form = step.form_class(data=step.form_class.data_from_session(stored))
    valid = form.is_valid() and not getattr(form, "honeypot_filled", False)
    with _validity_lock:
        _VALIDITY_MEMO[digest] = valid
        if len(_VALIDITY_MEMO) > _VALIDITY_MEMO_SIZE:
            _VALIDITY_MEMO.popitem(last=False)
    return valid


class Questionnaire:
    """A view of the session's questionnaire state; saves write it back to the session."""

    def __init__(self, session):
        self.session = session
        self.state: dict[str, Any] = _dict(session.get(SESSION_KEY))
        self._complete: dict[str, bool] = {}

    # --- what the session holds ------------------------------------------------------

    @property
    def flow_id(self) -> uuid.UUID | None:
        try:
            return uuid.UUID(str(self.state.get("flow_id")))
        except ValueError:
            return None

    @property
    def started(self) -> bool:
        return self.flow_id is not None

    @property
    def answers(self) -> dict[str, Any]:
        return _dict(self.state.get("answers"))

    @property
    def contact(self) -> dict[str, Any]:
        return _dict(self.state.get("contact"))

    @property
    def consents(self) -> dict[str, Any]:
        return _dict(self.state.get("consents"))

    def stored_for(self, step: Step) -> dict[str, Any] | None:
        """What the session holds for a step, as form data; None when never saved."""
        if step.slug == "consent":
            consents = self.consents
            if not consents:
                return None
            return {field: bool(consents.get(key)) for field, key in CONSENT_TIMESTAMP_KEYS.items()}
        if step.slug == "contact":
            return self.contact or None
        answers = self.answers
        stored = {key: answers[key] for key in step.form_class.group.keys if key in answers}
        return stored or None

    def initial_for(self, step: Step) -> dict[str, Any]:
        initial = self.stored_for(step) or {}
        if step.slug == "pattern-scale" and not initial:
            pattern = str(self.answers.get("hair_loss_pattern", ""))
            scale = SCALE_OF_PATTERN.get(pattern.split("_")[0])
            if scale:
                initial = {"pattern_scale": scale}
        return initial

    @property
    def photos_state(self) -> dict[str, Any]:
        return _dict(self.state.get("photos"))

    # --- which steps are asked -------------------------------------------------------

    def applies(self, step: Step) -> bool:
        return step.applies(self.answers)

    def visible_steps(self) -> list[Step]:
        """The steps this patient sees, for "Step n of m": of the steps that depend on an
        answer not given yet, the first stands in for the others."""
        answers = self.answers
        seen_keys: set[str] = set()
        visible = []
        for step in STEPS:
            shown_when = step.group.shown_when if step.group is not None else None
            if shown_when is None or step.applies(answers):
                visible.append(step)
            elif shown_when[0] not in answers and shown_when[0] not in seen_keys:
                seen_keys.add(shown_when[0])
                visible.append(step)
        return visible

    def position(self, step: Step) -> tuple[int, int]:
        visible = self.visible_steps()
        number = next((n for n, s in enumerate(visible, 1) if s.number >= step.number), 1)
        return number, len(visible)

    def next_step(self, after: Step) -> Step | None:
        return next((s for s in STEPS[after.number :] if self.applies(s)), None)

    def previous_step(self, before: Step) -> Step | None:
        earlier = [s for s in STEPS[: before.number - 1] if self.applies(s)]
        return earlier[-1] if earlier else None

    # --- which steps are done --------------------------------------------------------

    def is_complete(self, step: Step) -> bool:
        if step.slug not in self._complete:
            self._complete[step.slug] = self._check(step)
        return self._complete[step.slug]

    def _check(self, step: Step) -> bool:
        if not self.started:
            return False
        if not self.applies(step):
            return True  # not asked for these answers: nothing to do
        if step.slug == "consent" and self.consents.get("version") != consent.CONSENT_TEXT_VERSION:
            return False
        stored = self.stored_for(step)
        if stored is None:
            return False
        return _stored_step_is_valid(step, stored)

    def first_incomplete_step(self) -> Step | None:
        return next((step for step in STEPS if not self.is_complete(step)), None)

    def can_open(self, step: Step) -> bool:
        """A step opens once every step before it is done (no skipping by URL)."""
        return all(self.is_complete(earlier) for earlier in STEPS[: step.number - 1])

    @property
    def is_finished(self) -> bool:
        return self.first_incomplete_step() is None

    # --- changes ---------------------------------------------------------------------

    def save(self, step: Step, form: StepForm, *, now: datetime | None = None) -> None:
        now = now or timezone.now()
        state = dict(self.state)
        if not self.started:
            state = {"flow_id": str(uuid.uuid4()), "started_at": now.isoformat()}
            self._limit_session_lifetime()
        if step.slug == "consent":
            state["consents"] = self._consents_from(form.session_data(), now)
            # A new session key once health data is about to be given (issue 15).
            self.session.cycle_key()
        elif step.slug == "contact":
            state["contact"] = form.session_data()
        else:
            answers = {k: v for k, v in _dict(state.get("answers")).items() if k in ANSWER_KEYS}
            for key in step.form_class.group.keys:
                answers.pop(key, None)
            answers.update(form.session_data())
            state["answers"] = answers
        self._write(state)

    def save_photos(self, *, consent_given: bool, now: datetime | None = None) -> None:
        """The photo step was passed; keep when the photo consent was first given."""
        now = now or timezone.now()
        previous = self.photos_state.get("consent_photos_at")
        state = dict(self.state)
        state["photos"] = {
            "done": True,
            "consent_photos_at": (previous or now.isoformat()) if consent_given else None,
        }
        self._write(state)

    def _consents_from(self, ticked: dict[str, bool], now: datetime) -> dict[str, Any]:
        """Keep the time a consent was first given; a box unticked later loses its time."""
        previous = self.consents
        same_text = previous.get("version") == consent.CONSENT_TEXT_VERSION
        consents: dict[str, Any] = {"version": consent.CONSENT_TEXT_VERSION}
        for field, key in CONSENT_TIMESTAMP_KEYS.items():
            if not ticked.get(field):
                consents[key] = None
            elif same_text and previous.get(key):
                consents[key] = previous[key]
            else:
                consents[key] = now.isoformat()
        return consents

    def _limit_session_lifetime(self) -> None:
        # Unfinished answers are health data: they go when the session goes, which is
        # after a short idle time (never longer than the session would have lasted).
        idle = conf.session_idle_seconds()
        self.session.set_expiry(min(self.session.get_expiry_age(), idle))

    def _write(self, state: dict[str, Any]) -> None:
        self.state = state
        self._complete.clear()
        self.session[SESSION_KEY] = state

    def clear(self) -> None:
        self.state = {}
        self._complete.clear()
        self.session.pop(SESSION_KEY, None)

    def finish(self, submission_id: int) -> None:
        """The answers leave the session; only the submission's id stays, for the result page."""
        self.clear()
        self.session.cycle_key()
        self.session[RESULT_SESSION_KEY] = submission_id


def submitted_id(session) -> int | None:
    value = session.get(RESULT_SESSION_KEY)
    return value if isinstance(value, int) and not isinstance(value, bool) else None
