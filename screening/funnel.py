"""Where patients give up in the questionnaire (issue 18, item 4), counted without
personal data: one counter per day × criteria version × event, nothing per person, no
session id, no third party.

Events, in the order a patient meets them::

    started              consent given: a questionnaire run began
    step:<slug>          a question step (or the contact step) was reached
    check_your_answers   the check-your-answers page was reached
    submitted            the answers were sent
    refused_under_18     the age answer ended the run
    refused_too_quick    the answers were sent too soon after starting, and refused

The questionnaire's views are wrapped once, in ``screening/urls.py`` (``counted``): an
event is read from the request and the response the view already made, so the flow's
code knows nothing of the funnel. Steps are counted when the patient is sent to them
after saving the step before, that is on a POST that saves the session anyway; the
events already counted in this run are kept in that session (a list of event names,
nothing else) so going back and forth does not count a step twice. All events of one
request are written with a single INSERT … ON CONFLICT DO UPDATE (SQLite ≥ 3.24 and
PostgreSQL): at most one query more per questionnaire request.
"""

from __future__ import annotations

import logging
from enum import StrEnum
from functools import wraps
from urllib.parse import urlparse

from django.db import DatabaseError, connection
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone

from screening.criteria import CRITERIA_VERSION
from screening.flow import Questionnaire
from screening.models import FunnelCount

logger = logging.getLogger(__name__)

# The events already counted in this questionnaire run (event names only).
SESSION_KEY = "screening_funnel"
STEP_PREFIX = "step:"
# The optional photo step (screening/photo_views.py) is not one of the rule set's steps.
PHOTOS_STEP = "photos"


class Event(StrEnum):
    STARTED = "started"
    CHECK_YOUR_ANSWERS = "check_your_answers"
    SUBMITTED = "submitted"
    REFUSED_UNDER_18 = "refused_under_18"
    REFUSED_TOO_QUICK = "refused_too_quick"


def step_event(slug: str) -> str:
    return f"{STEP_PREFIX}{slug}"


def record(events, *, day=None, version: str = CRITERIA_VERSION) -> None:
    """Add one to each event's counter for the day, in one statement."""
    events = list(dict.fromkeys(events))  # one row may be updated once per statement
    if not events:
        return
    day = day or timezone.localdate()
    opts = FunnelCount._meta
    quote = connection.ops.quote_name
    table = quote(opts.db_table)
    day_col, version_col, event_col, count_col = (
        quote(opts.get_field(name).column) for name in ("day", "criteria_version", "event", "count")
    )
    values = ", ".join(["(%s, %s, %s, 1)"] * len(events))
    sql = (
        # Only quoted identifiers and placeholders are interpolated.
        f"INSERT INTO {table} ({day_col}, {version_col}, {event_col}, {count_col}) "  # noqa: S608
        f"VALUES {values} "
        f"ON CONFLICT ({day_col}, {version_col}, {event_col}) "
        f"DO UPDATE SET {count_col} = {table}.{count_col} + 1"
    )
    day_value = connection.ops.adapt_datefield_value(day)
    params = [value for event in events for value in (day_value, version, str(event))]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _target(response) -> tuple[str, dict]:
    """The URL name and kwargs a redirect sends the patient to, or ("", {})."""
    if response.status_code not in (301, 302, 303) or not response.has_header("Location"):
        return "", {}
    try:
        match = resolve(urlparse(response["Location"]).path)
    except Resolver404:
        return "", {}
    return match.view_name, match.kwargs


def events_for(request, response, *, was_started: bool, is_started: bool) -> list[str]:
    """What this questionnaire request did, as funnel events."""
    if request.method != "POST":
        return []
    if request.path == reverse("screening:submit"):
        if not was_started:
            return []  # a second click on a run already sent
        if response.status_code == 200:  # the check page again, with the too-quick notice
            return [Event.REFUSED_TOO_QUICK]
        view_name, _ = _target(response)
        return [Event.SUBMITTED] if view_name == "screening:result" else []
    view_name, kwargs = _target(response)
    events: list[str] = []
    if not was_started and is_started:
        events.append(Event.STARTED)
    if view_name == "screening:adults_only":
        events.append(Event.REFUSED_UNDER_18)
    elif view_name == "screening:step" and is_started:
        events.append(step_event(kwargs["slug"]))
    elif view_name == "screening:photos" and is_started:
        events.append(step_event(PHOTOS_STEP))
    elif view_name == "screening:check" and is_started:
        events.append(Event.CHECK_YOUR_ANSWERS)
    return events


# Counted at most once per run: a patient going back and forth reaches a step again.
def _once_per_run(event: str) -> bool:
    return event.startswith(STEP_PREFIX) or event == Event.CHECK_YOUR_ANSWERS


def new_events(session, events: list[str]) -> list[str]:
    """Drop the events already counted in this run and remember the rest in the session.
    A new run starts the list again; a submit or a refusal ends the run and removes the
    list (after a submit only the submission's id stays in the session)."""
    ends_run = Event.SUBMITTED in events or Event.REFUSED_UNDER_18 in events
    if ends_run or Event.STARTED in events:
        seen: list[str] = []
        session.pop(SESSION_KEY, None)
    else:
        seen = list(session.get(SESSION_KEY) or [])
    fresh = [event for event in events if not (_once_per_run(event) and event in seen)]
    remembered = [event for event in fresh if _once_per_run(event)]
    if remembered and not ends_run:
        session[SESSION_KEY] = [*seen, *remembered]
    return fresh


def counted(view):
    """Count what a questionnaire view did. Never lets counting break the questionnaire:
    a failed write is logged (without any answer) and the patient's response stands."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        was_started = Questionnaire(request.session).started if request.method == "POST" else False
        response = view(request, *args, **kwargs)
        if request.method != "POST":
            return response
        is_started = Questionnaire(request.session).started
        events = events_for(request, response, was_started=was_started, is_started=is_started)
        if events:
            fresh = new_events(request.session, events)
            try:
                record(fresh)
            except DatabaseError:
                logger.exception("Questionnaire funnel: the counters were not updated")
        return response

    return wrapped
