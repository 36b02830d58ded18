"""Privacy operations on screening submissions: right-to-erasure, the retention purge, and
the audit entries for operations that touch many submissions at once (exports, purges).

What the audit trail keeps after an erasure or a purge
------------------------------------------------------
Deleting a submission cascades to its notes, re-assessments and photos; a photo's
encrypted files are deleted with its row, once the transaction has committed. Its
earlier audit entries (status changes, assignments, notes, re-assessments) are kept,
because who did what and when is the clinic's own accountability record, but they are
anonymised in place: the
label (the submission's reference) becomes "Erased submission"/"Purged submission" and
the entry's data is emptied. The reference is a pseudonymous id, but the patient has it in
their confirmation email, so it could link the trail back to them; after erasure nothing
in the database can. The new entry written for the erasure holds only the action, the
acting user, the time and how it was done (admin or command) — no reference, name or email.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from screening.models import Submission
from screening.workflow import PURGEABLE_STATUSES

DEFAULT_RETENTION_DAYS = 365
ERASED_LABEL = "Erased submission"
PURGED_LABEL = "Purged submission"
# Audit entries about many submissions at once are filed under the Submission content type
# with this object id (no submission has pk 0), so they show in Reports → Site history for
# staff who may see submissions, and Wagtail's lookups by id keep working.
BULK_OBJECT_ID = "0"


def retention_days() -> int:
    return int(getattr(settings, "SCREENING_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))


def log_bulk_action(action: str, *, user=None, data=None, label: str) -> ModelLogEntry:
    """Write one audit entry for an operation on many submissions (export, purge)."""
    from wagtail.log_actions import registry

    registry.scan_for_actions()  # makes sure the screening actions are registered
    return ModelLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(Submission),
        object_id=BULK_OBJECT_ID,
        label=label,
        action=action,
        timestamp=timezone.now(),
        user=user,
        data=data or {},
    )


def log_access_refused(request, view_name: str, pk=None) -> ModelLogEntry | None:
    """A staff member was refused a screening view: record who, which view, which id.

    Filed under the requested id (whether or not such a submission exists; nothing is
    looked up) or the bulk id for list-wide views. Anonymous requests never reach here:
    the admin sends them to the sign-in page first."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    from wagtail.log_actions import registry

    registry.scan_for_actions()
    return ModelLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(Submission),
        object_id=str(pk) if pk is not None else BULK_OBJECT_ID,
        label="Refused access",
        action="screening.access_refused",
        timestamp=timezone.now(),
        user=user,
        data={"view": view_name, "method": request.method},
    )


def _anonymise_log_entries(ids: list[int], label: str) -> int:
    if not ids:
        return 0
    return ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Submission),
        object_id__in=[str(pk) for pk in ids],
    ).update(label=label, data={})


def erase_submissions(submissions, *, user=None, via: str = "command") -> int:
    """Erase the given submissions (a queryset) and everything attached to them.

    Returns the number of submissions erased. Each erased submission leaves one
    ``screening.erased`` entry without personal data; its earlier entries are anonymised.
    """
    with transaction.atomic():
        ids = list(submissions.order_by().values_list("pk", flat=True))
        targets = list(
            Submission.objects.select_for_update().filter(pk__in=ids).only("pk").order_by("pk")
        )
        if not targets:
            return 0
        ids = [submission.pk for submission in targets]
        _anonymise_log_entries(ids, ERASED_LABEL)
        for submission in targets:
            log(
                submission,
                "screening.erased",
                user=user,
                title=ERASED_LABEL,
                data={"via": via},
            )
        Submission.objects.filter(pk__in=ids).delete()
    return len(targets)


def purge_cutoff(older_than_days: int | None = None, *, now=None):
    days = retention_days() if older_than_days is None else older_than_days
    if days < 0:
        raise ValueError("The retention period cannot be negative.")
    return (now or timezone.now()) - timedelta(days=days)


def expired_submissions(older_than_days: int | None = None, *, now=None):
    """Submissions past the retention period whose review is finished.

    A submission's age counts from when it was received (``created_at``): the retention
    period is how long we keep a patient's health data at all, and counting from the last
    status change would let any late action extend it.
    """
    return Submission.objects.filter(
        status__in=PURGEABLE_STATUSES,
        created_at__lt=purge_cutoff(older_than_days, now=now),
    )


def expired_counts(older_than_days: int | None = None, *, now=None) -> dict[str, int]:
    """How many submissions each purgeable status has past the retention period."""
    counts = {str(status): 0 for status in PURGEABLE_STATUSES}
    rows = (
        expired_submissions(older_than_days, now=now)
        .order_by()
        .values_list("status")
        .annotate(count=Count("pk"))
    )
    for status, count in rows:
        counts[status] = count
    return counts


def purge_expired(
    older_than_days: int | None = None, *, user=None, via: str = "command", now=None
) -> dict[str, int]:
    """Delete expired submissions; returns counts by status. Writes one audit entry."""
    days = retention_days() if older_than_days is None else older_than_days
    with transaction.atomic():
        expired = expired_submissions(days, now=now)
        rows = list(expired.select_for_update().values_list("pk", "status"))
        counts = {str(status): 0 for status in PURGEABLE_STATUSES}
        for _, status in rows:
            counts[status] += 1
        ids = [pk for pk, _ in rows]
        # Delete in slices so a large purge does not build one huge IN (...) list.
        for start in range(0, len(ids), 1000):
            chunk = ids[start : start + 1000]
            _anonymise_log_entries(chunk, PURGED_LABEL)
            Submission.objects.filter(pk__in=chunk).delete()
        abandoned = purge_abandoned_photos(now=now)
        log_bulk_action(
            "screening.purge",
            user=user,
            label="Expired submissions",
            data={
                "count": len(ids),
                "older_than_days": days,
                "via": via,
                "abandoned_photos": abandoned,
                **counts,
            },
        )
    return counts


def purge_abandoned_photos(*, now=None) -> int:
    """Delete photos from questionnaires that were never sent (their session is over).

    Deleting the rows removes their encrypted files once the transaction commits
    (screening/photos.py), as it does for the photos of an erased or purged submission."""
    from screening.photos import abandoned_photos

    count = 0
    for photo in abandoned_photos(now=now).iterator():
        photo.delete()
        count += 1
    return count
