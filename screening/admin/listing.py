"""What the submissions list works out beside the stored columns: how long a patient has
waited (in working days, against the clinic's service level), the "needs attention first"
order, and how many other submissions the same patient made (by blind index)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import F, Func, IntegerField, OuterRef, Q, Subquery
from django.utils import timezone

from screening.models import Status, Submission, attention_rank

# A submission waits for the clinic while it is in one of these statuses.
WAITING_STATUSES = (Status.NEW, Status.IN_REVIEW)
DEFAULT_SERVICE_LEVEL_DAYS = 2
ATTENTION_SORT_KEY = "attention"


def service_level_days() -> int:
    """Working days within which a new submission should be reviewed (README, "Staff
    review list")."""
    return int(getattr(settings, "SCREENING_REVIEW_SERVICE_LEVEL_DAYS", DEFAULT_SERVICE_LEVEL_DAYS))


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Whole working days (Monday to Friday) after ``start`` up to and including ``end``."""
    if end <= start:
        return 0
    days = (end - start).days
    weeks, extra = divmod(days, 7)
    count = weeks * 5
    for offset in range(1, extra + 1):
        if (start + datetime.timedelta(days=offset)).weekday() < 5:
            count += 1
    return count


def waiting(submission: Submission, now: datetime.datetime | None = None) -> dict | None:
    """{"days": working days waited, "overdue": past the service level}, or None once the
    clinic has acted on the submission."""
    if submission.status not in WAITING_STATUSES:
        return None
    now = now or timezone.now()
    days = working_days_between(
        timezone.localtime(submission.created_at).date(), timezone.localtime(now).date()
    )
    return {"days": days, "overdue": days > service_level_days()}


def order_by_attention(queryset, descending: bool = False):
    queryset = queryset.annotate(attention_rank=attention_rank())
    if descending:
        return queryset.order_by("-attention_rank", "-created_at", "-pk")
    return queryset.order_by("attention_rank", "created_at", "pk")


def same_patient_filter(email_index: str, phone_index: str) -> Q | None:
    condition = Q()
    if email_index:
        condition |= Q(email_index=email_index)
    if phone_index:
        condition |= Q(phone_index=phone_index)
    return condition or None


def with_repeat_counts(queryset):
    """Annotate ``repeat_count``: the other submissions with the same blind-indexed email or
    phone. A correlated subquery on the two indexed columns, in the page's own query, so
    it costs no extra round trip and runs only for the rows fetched; nothing is decrypted."""
    same_patient = (
        Submission.objects.filter(
            Q(email_index=OuterRef("email_index"), email_index__gt="")
            | Q(phone_index=OuterRef("phone_index"), phone_index__gt="")
        )
        .exclude(pk=OuterRef("pk"))
        .order_by()
        .annotate(count=Func(F("pk"), function="COUNT"))
        .values("count")
    )
    return queryset.annotate(repeat_count=Subquery(same_patient, output_field=IntegerField()))
