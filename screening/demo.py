"""Synthetic submissions for demos, load tests and tests.

Every synthetic submission is marked ``is_synthetic=True``, is called "Synthetic patient
00042" and has an address at ``example.invalid`` (a domain that can never receive mail),
so it cannot be mistaken for, or reach, a real person. Phone numbers, when given, come
from Ofcom's range reserved for drama (07700 900000–900999).

Answers are random but valid under the contract, and the assessment comes from
``assess()``, so outcome, score, reasons and stage are what a real submission with those
answers would store. Submissions are spread over the last 16 weeks and across every
outcome and status (the first few cover each outcome and each status, so even a handful
shows them all).

    make_synthetic_submissions(5, seed=1)       # -> list of saved submissions (tests)
    create_synthetic_submissions(100_000)       # -> count; batches, keeps nothing in memory
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import connection, models, transaction
from django.utils import timezone

from clinic_site.fields import EncryptedMixin
from screening.models import (
    REFERENCE_ALPHABET,
    REFERENCE_PREFIX,
    ClinicianDecision,
    Status,
    Submission,
)
from screening.rules import v2
from screening.rules.base import Outcome
from screening.rules.questions import (
    FINE_HAIRS,
    GOAL,
    HAIR_LOSS_PATTERN,
    LOSS_DURATION,
    LOSS_PROGRESSION,
    MEDICAL_CONDITIONS,
    OPEN_TO_TRANSPLANT,
    PREVIOUS_TREATMENTS,
    SMOOTH_BALD_AREAS,
    SMOOTH_BALD_YEARS,
)
from screening.scoring import assess

SYNTHETIC_EMAIL_DOMAIN = "example.invalid"
DEMO_CONSENT_TEXT_VERSION = "demo-1"
SPREAD = timedelta(weeks=16)
DEFAULT_BATCH_SIZE = 2000
# Distinct answer sets per run; beyond this, answer sets repeat (see iter_synthetic_submissions).
PROFILE_POOL_SIZE = 5000

# Answers that give each outcome; the first submissions use them so that every outcome
# appears however few are made.
_BASE_PROFILE = {
    "age": 38,
    "hair_loss_pattern": "norwood_3",
    "loss_duration": "1_5y",
    "loss_progression": "slow",
    "fine_hairs_in_thinning_areas": "yes",
    "smooth_bald_areas": "none",
    "medical_conditions": ["none"],
    "previous_treatments": ["minoxidil"],
    "goal": "thicker_thinning_hair",
    "open_to_transplant": "not_sure",
}
OUTCOME_PROFILES: dict[Outcome, dict] = {
    Outcome.LIKELY: _BASE_PROFILE,
    Outcome.POSSIBLE: {**_BASE_PROFILE, "loss_progression": "rapid"},
    Outcome.UNLIKELY: {
        **_BASE_PROFILE,
        "hair_loss_pattern": "norwood_6",
        "smooth_bald_areas": "large",
        "smooth_bald_years": "gt_5",
    },
    Outcome.REFER: {**_BASE_PROFILE, "medical_conditions": ["blood_thinners"]},
}
# How often each status occurs among submissions older than a couple of days.
STATUS_WEIGHTS = {
    Status.NEW: 8,
    Status.IN_REVIEW: 14,
    Status.CONTACTED: 20,
    Status.CONSULTATION_BOOKED: 16,
    Status.NOT_SUITABLE: 12,
    Status.CLOSED: 20,
    Status.WITHDRAWN: 10,
}
_STATUSES, _STATUS_WEIGHTS = zip(*STATUS_WEIGHTS.items(), strict=True)


def _codes(question) -> tuple[str, ...]:
    return tuple(code for code in question.codes if code != question.exclusive_code)


# Looked up once: building these per submission is measurable at 100k.
_PATTERNS = HAIR_LOSS_PATTERN.codes
_DURATIONS = LOSS_DURATION.codes
_PROGRESSIONS = LOSS_PROGRESSION.codes
_FINE_HAIRS = FINE_HAIRS.codes
_SMOOTH_AREAS = SMOOTH_BALD_AREAS.codes
_SMOOTH_YEARS = SMOOTH_BALD_YEARS.codes
_CONDITIONS = _codes(MEDICAL_CONDITIONS)
_TREATMENTS = _codes(PREVIOUS_TREATMENTS)
_GOALS = GOAL.codes
_TRANSPLANT = OPEN_TO_TRANSPLANT.codes
_V2_PATTERNS = v2.HAIR_LOSS_PATTERN.codes
_V2_CONDITIONS = _codes(v2.MEDICAL_CONDITIONS)
_WARNING_SIGNS = _codes(v2.WARNING_SIGNS)
_HEALTH_FACTORS = _codes(v2.OTHER_HEALTH_FACTORS)
_TREATMENT_CHANGE = v2.RECENT_TREATMENT_CHANGE.codes
_WELLBEING = v2.WELLBEING_IMPACT.codes
# About this share of demo submissions were sent before v2 went live: they keep their
# v1 answers and v1 assessment, as real ones do.
V1_SHARE = 0.35


def random_answers(rng: random.Random, v1_share: float = V1_SHARE) -> dict:
    """A random, contract-valid set of answers: v1's for about ``v1_share`` of them."""
    smooth = rng.choices(_SMOOTH_AREAS, weights=(6, 3, 1))[0]
    answers = {
        "age": min(100, max(18, round(rng.triangular(18, 85, 40)))),
        "hair_loss_pattern": rng.choice(_PATTERNS),
        "loss_duration": rng.choice(_DURATIONS),
        "loss_progression": rng.choices(_PROGRESSIONS, weights=(4, 5, 2, 2))[0],
        "fine_hairs_in_thinning_areas": rng.choices(_FINE_HAIRS, weights=(4, 4, 2, 2))[0],
        "smooth_bald_areas": smooth,
        "medical_conditions": (
            rng.sample(_CONDITIONS, rng.choice((1, 1, 2))) if rng.random() < 0.25 else ["none"]
        ),
        "previous_treatments": (
            rng.sample(_TREATMENTS, rng.randint(1, 3)) if rng.random() < 0.55 else ["none"]
        ),
        "goal": rng.choice(_GOALS),
        "open_to_transplant": rng.choice(_TRANSPLANT),
    }
    if smooth != "none":
        answers["smooth_bald_years"] = rng.choice(_SMOOTH_YEARS)
    if rng.random() < v1_share:
        return answers
    # Answered under v2: the new questions, the diffuse pattern and the new conditions.
    answers["hair_loss_pattern"] = rng.choice(_V2_PATTERNS)
    if answers["medical_conditions"] != ["none"]:
        count = len(answers["medical_conditions"])
        answers["medical_conditions"] = rng.sample(_V2_CONDITIONS, count)
    answers["warning_signs"] = rng.sample(_WARNING_SIGNS, 1) if rng.random() < 0.15 else ["none"]
    answers["other_health_factors"] = (
        rng.sample(_HEALTH_FACTORS, rng.choice((1, 2))) if rng.random() < 0.3 else ["none"]
    )
    answers["recent_treatment_change"] = rng.choices(_TREATMENT_CHANGE, weights=(1, 6, 1))[0]
    answers["wellbeing_impact"] = rng.choice(_WELLBEING)
    return answers


def _reference(rng: random.Random) -> str:
    body = "".join(rng.choices(REFERENCE_ALPHABET, k=8))
    return f"{REFERENCE_PREFIX}-{body[:4]}-{body[4:]}"


@dataclass(frozen=True)
class Profile:
    """A set of answers with the assessment assess() gives them."""

    answers: dict
    outcome: str
    score: int
    reasons: list
    criteria_version: str
    stage: str

    referral: str = ""

    @classmethod
    def of(cls, answers: dict) -> Profile:
        # Answers without v2's first question were given under v1 and assessed by it.
        version = v2.VERSION if "warning_signs" in answers else "2026.11-1"
        assessment = assess(answers, version)
        return cls(
            answers=answers,
            outcome=assessment.outcome.value,
            score=assessment.score,
            reasons=[reason.as_dict() for reason in assessment.reasons],
            criteria_version=assessment.criteria_version,
            stage=assessment.stage.value,
            referral=" ".join(assessment.referral),
        )


# Statuses after which a consultation has happened (or was missed) in the demo data.
_DECIDED_STATUSES = (Status.CONSULTATION_BOOKED, Status.CLOSED, Status.NOT_SUITABLE)
DECISION_SHARE = 0.7
# Plausible clinician decisions per outcome, so the agreement report has a story to tell:
# mostly in line with the score, with some disagreement and some no-shows.
DECISION_WEIGHTS = {
    "likely": (60, 25, 5, 2, 8),
    "possible": (30, 35, 20, 5, 10),
    "unlikely": (5, 10, 70, 5, 10),
    "refer": (2, 10, 20, 60, 8),
}
DECISION_REASONS = {
    ClinicianDecision.SUITABLE: "Synthetic: examination agrees with the questionnaire.",
    ClinicianDecision.SUITABLE_WITH_CONDITIONS: "Synthetic: suitable once treatment is stable.",
    ClinicianDecision.NOT_SUITABLE: "Synthetic: too little active hair for a benefit.",
    ClinicianDecision.REFERRED_ELSEWHERE: "Synthetic: referred to a dermatologist first.",
    ClinicianDecision.DID_NOT_ATTEND: "Synthetic: did not come to the consultation.",
}


def synthetic_decision(reference: str, outcome: str, status) -> tuple[str, str]:
    """(decision, reason) for part of the submissions whose consultation is over; seeded by
    the reference so the other fields' random draws are unchanged."""
    rng = random.Random(reference)  # noqa: S311 - synthetic data, not secrets
    if status not in _DECIDED_STATUSES or rng.random() >= DECISION_SHARE:
        return "", ""
    weights = DECISION_WEIGHTS.get(str(outcome), DECISION_WEIGHTS["possible"])
    decision = rng.choices(list(ClinicianDecision), weights)[0]
    return decision.value, DECISION_REASONS[decision]


def synthetic_submission(
    number: int,
    rng: random.Random,
    now: datetime,
    *,
    answers: dict | None = None,
    status: Status | None = None,
    assignees: Sequence = (),
    profile: Profile | None = None,
) -> Submission:
    """One unsaved synthetic submission; ``number`` appears in its name and email."""
    if profile is None:
        profile = Profile.of(answers if answers is not None else random_answers(rng))
    answers = profile.answers
    created_at = now - timedelta(seconds=rng.uniform(0, SPREAD.total_seconds()))
    age = now - created_at
    if status is None:
        # Recent submissions have mostly not been looked at yet.
        recent = age < timedelta(days=2)
        status = (
            Status.NEW
            if recent and rng.random() < 0.8
            else rng.choices(_STATUSES, _STATUS_WEIGHTS)[0]
        )
    status_changed_at = None
    if status != Status.NEW:
        latest = min(age, timedelta(days=21)).total_seconds()
        status_changed_at = created_at + timedelta(seconds=rng.uniform(0, latest))
    assigned_to = None
    if assignees and status != Status.NEW and rng.random() < 0.8:
        assigned_to = rng.choice(assignees)
    consented_at = created_at - timedelta(seconds=rng.uniform(30, 900))
    phone = f"07700 900{rng.randrange(1000):03d}" if rng.random() < 0.6 else ""
    label = f"{number:05d}"
    reference = _reference(rng)
    decision, decision_reason = synthetic_decision(reference, profile.outcome, status)
    return Submission(
        reference=reference,
        clinician_decision=decision,
        clinician_decision_reason=decision_reason,
        clinician_decision_at=status_changed_at if decision else None,
        created_at=created_at,
        answers=dict(answers),
        outcome=profile.outcome,
        score=profile.score,
        reasons=list(profile.reasons),
        criteria_version=profile.criteria_version,
        stage=profile.stage,
        referral=profile.referral,
        has_medical_conditions=answers["medical_conditions"] != ["none"],
        name=f"Synthetic patient {label}",
        email=f"synthetic-{label}@{SYNTHETIC_EMAIL_DOMAIN}",
        phone=phone,
        preferred_contact="phone" if phone and rng.random() < 0.4 else "email",
        consent_text_version=DEMO_CONSENT_TEXT_VERSION,
        consent_health_data_at=consented_at,
        consent_contact_at=consented_at,
        consent_marketing_at=consented_at if rng.random() < 0.35 else None,
        status=status,
        status_changed_at=status_changed_at,
        assigned_to=assigned_to,
        is_synthetic=True,
    )


def iter_synthetic_submissions(
    count: int,
    *,
    seed: int | None = None,
    now: datetime | None = None,
    first_number: int = 1,
    assignees: Sequence = (),
) -> Iterator[Submission]:
    """Unsaved synthetic submissions. The first PROFILE_POOL_SIZE have answers of their
    own; later ones reuse one of those answer sets (and its assessment) with their own
    person, time and status, which keeps 100k rows quick to make."""
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not secrets
    now = now or timezone.now()
    outcomes = list(OUTCOME_PROFILES)
    statuses = list(Status)
    profiles: list[Profile] = []
    for index in range(count):
        if index < len(outcomes):
            profile = Profile.of(dict(OUTCOME_PROFILES[outcomes[index]]))
        elif len(profiles) < PROFILE_POOL_SIZE:
            profile = Profile.of(random_answers(rng))
        else:
            profile = rng.choice(profiles)
        if len(profiles) < PROFILE_POOL_SIZE:
            profiles.append(profile)
        yield synthetic_submission(
            first_number + index,
            rng,
            now,
            status=statuses[index] if index < len(statuses) else None,
            assignees=assignees,
            profile=profile,
        )


class _Inserter:
    """Insert submissions with one prepared INSERT per batch instead of bulk_create.

    At 100k rows bulk_create spent most of the run compiling each value through the ORM,
    and on SQLite it splits every batch into INSERTs of at most 999 parameters. Here the
    fields still adapt their own values (JSON, date-times), so the stored rows are what
    the ORM would store; plain strings, numbers and booleans pass through. It also stores
    the created_at we generated, which bulk_create would replace with "now"
    (auto_now_add)."""

    def __init__(self):
        self.fields = [f for f in Submission._meta.local_concrete_fields if not f.primary_key]
        quote = connection.ops.quote_name
        # Names come from the model and are quoted; every value is a query parameter.
        self.prefix = (
            f"INSERT INTO {quote(Submission._meta.db_table)} "  # noqa: S608
            f"({', '.join(quote(f.column) for f in self.fields)}) VALUES "
        )
        self.row = "(" + ", ".join(["%s"] * len(self.fields)) + ")"
        self.adapters = [(f.attname, self._adapter(f)) for f in self.fields]

    @staticmethod
    def _adapter(field):
        if isinstance(field, models.DateTimeField):
            return connection.ops.adapt_datetimefield_value
        if isinstance(field, models.JSONField | models.UUIDField | EncryptedMixin):
            return lambda value: field.get_db_prep_save(value, connection)
        return None

    def values(self, submission: Submission) -> list:
        submission.refresh_blind_indexes()
        data = submission.__dict__
        return [
            data[attname] if adapt is None else adapt(data[attname])
            for attname, adapt in self.adapters
        ]

    def insert(self, batch: list[Submission]) -> None:
        rows = [self.values(submission) for submission in batch]
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                # SQLite re-runs one prepared statement per row, in C.
                cursor.executemany(self.prefix + self.row, rows)
            else:
                # Elsewhere (PostgreSQL) a multi-row VALUES saves a round trip per row.
                for start in range(0, len(rows), 500):
                    chunk = rows[start : start + 500]
                    cursor.execute(
                        self.prefix + ", ".join([self.row] * len(chunk)),
                        [value for row in chunk for value in row],
                    )


def _unique_references(batch: list[Submission], rng: random.Random, seen: set[str]) -> None:
    """Give every submission in the batch a reference used nowhere else (one query)."""
    taken = set(
        Submission.objects.filter(reference__in=[s.reference for s in batch]).values_list(
            "reference", flat=True
        )
    )
    for submission in batch:
        while submission.reference in taken or submission.reference in seen:
            submission.reference = _reference(rng)
        seen.add(submission.reference)


def _batched(items: Iterable[Submission], size: int) -> Iterator[list[Submission]]:
    batch: list[Submission] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _next_number() -> int:
    return Submission.objects.filter(is_synthetic=True).count() + 1


def _save(
    count: int,
    *,
    seed: int | None,
    now: datetime | None,
    batch_size: int,
    assignees: Sequence,
    keep: bool,
) -> tuple[int, list[Submission]]:
    rng = random.Random(None if seed is None else seed + 1)  # noqa: S311 - as above
    seen: set[str] = set()
    saved: list[Submission] = []
    total = 0
    submissions = iter_synthetic_submissions(
        count, seed=seed, now=now, first_number=_next_number(), assignees=assignees
    )
    inserter = _Inserter()
    for batch in _batched(submissions, batch_size):
        with transaction.atomic():
            _unique_references(batch, rng, seen)
            inserter.insert(batch)
        total += len(batch)
        if keep:
            by_reference = Submission.objects.in_bulk(
                [s.reference for s in batch], field_name="reference"
            )
            saved.extend(by_reference[s.reference] for s in batch)
    return total, saved


def create_synthetic_submissions(
    count: int,
    *,
    seed: int | None = None,
    now: datetime | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    assignees: Sequence = (),
) -> int:
    """Save ``count`` synthetic submissions in batches; returns how many were saved."""
    total, _ = _save(
        count, seed=seed, now=now, batch_size=batch_size, assignees=assignees, keep=False
    )
    return total


def make_synthetic_submissions(
    count: int,
    *,
    seed: int | None = 0,
    now: datetime | None = None,
    assignees: Sequence = (),
) -> list[Submission]:
    """Save ``count`` synthetic submissions and return them (for tests; keep it small)."""
    _, saved = _save(
        count,
        seed=seed,
        now=now,
        batch_size=DEFAULT_BATCH_SIZE,
        assignees=assignees,
        keep=True,
    )
    return saved
