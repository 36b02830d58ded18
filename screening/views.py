"""The public questionnaire: start page, six steps, check your answers, submit, result.

Views stay thin: the session state lives in ``flow.Questionnaire``, storing in
``services.submit()``, the abuse limit in ``ratelimit``. Every page is ``no-store``
because it may show health answers, and every POST is size-checked before it is read.
"""

from __future__ import annotations

import logging
from functools import wraps

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from screening import conf, explain, services
from screening.criteria import CRITERIA_VERSION, CURRENT, MAX_AGE, MIN_AGE
from screening.flow import (
    STEPS,
    STEPS_BY_SLUG,
    Questionnaire,
    Step,
    submitted_id,
)
from screening.models import Submission
from screening.ratelimit import hit
from screening.results import patient_result
from screening.summary import summary_sections

logger = logging.getLogger(__name__)


# Questionnaire steps get the reduced "transactional" header: the logo and a way out.
QUESTIONNAIRE_CHROME = {
    "reduced_header": True,
    "exit_url": "/",
    "exit_label": "Leave",
}


def step_url(step: Step, *, change: bool = False) -> str:
    url = reverse("screening:step", args=[step.slug])
    return f"{url}?change=1" if change else url


def limit_body_size(view):
    """Refuse a POST body over SCREENING_MAX_BODY_BYTES with a 400, before reading it."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "POST":
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = -1
            if not 0 <= length <= conf.max_body_bytes():
                return bad_request(request)
        return view(request, *args, **kwargs)

    return wrapped


def bad_request(request):
    return render(request, "screening/bad_request.html", status=400)


@never_cache
@require_GET
def start(request):
    questionnaire = Questionnaire(request.session)
    resume = questionnaire.first_incomplete_step() if questionnaire.started else None
    return render(
        request,
        "screening/start.html",
        {
            # A step shown only for some answers (one scale's pictures) is not listed.
            "steps": [s for s in STEPS if s.group is None or s.group.shown_when is None],
            "in_progress": questionnaire.started,
            "resume_url": (step_url(resume) if resume else reverse("screening:check")),
            "contact_within": conf.contact_within(),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
@limit_body_size
def step(request, slug: str):
    current = STEPS_BY_SLUG.get(slug)
    if current is None:
        raise Http404("No such step")
    questionnaire = Questionnaire(request.session)
    if not questionnaire.can_open(current) or not questionnaire.applies(current):
        incomplete = questionnaire.first_incomplete_step()
        return redirect(step_url(incomplete) if incomplete else reverse("screening:check"))
    changing = request.GET.get("change") == "1" and questionnaire.is_finished

    if request.method == "POST":
        form = current.form_class(data=request.POST)
        if getattr(form, "honeypot_filled", False):
            questionnaire.clear()
            logger.info("Questionnaire discarded: the hidden field was filled in")
            return render(request, "screening/not_sent.html")
        if form.is_valid():
            questionnaire.save(current, form)
            return redirect(_after_saving(questionnaire, current, changing))
        if getattr(form, "is_under_age", False):
            questionnaire.clear()
            return redirect("screening:adults_only")
    else:
        form = current.form_class(initial=questionnaire.initial_for(current))

    previous = questionnaire.previous_step(current)
    if changing:
        back_url = reverse("screening:check")
    elif previous is None:
        back_url = reverse("screening:start")
    else:
        back_url = step_url(previous)
    number, count = questionnaire.position(current)
    return render(
        request,
        "screening/step.html",
        {
            **QUESTIONNAIRE_CHROME,
            "step": current,
            "step_number": number,
            "step_count": count,
            "form": form,
            "error_summary": form.error_summary() if form.is_bound else [],
            "action_url": step_url(current, change=changing),
            "back_url": back_url,
            "changing": changing,
        },
    )


def _after_saving(questionnaire: Questionnaire, saved: Step, changing: bool) -> str:
    if changing and questionnaire.is_finished:
        return reverse("screening:check")
    if saved.slug == "contact" and questionnaire.is_finished:
        return reverse("screening:photos")  # the optional photo step (issue 16)
    following = questionnaire.next_step(saved)
    if following is not None:
        return step_url(following)
    incomplete = questionnaire.first_incomplete_step()
    return step_url(incomplete) if incomplete else reverse("screening:check")


def _render_check(request, questionnaire: Questionnaire, *, notice: str = "", status=200):
    from screening.photo_views import photo_summary

    return render(
        request,
        "screening/check.html",
        {
            **QUESTIONNAIRE_CHROME,
            "sections": summary_sections(questionnaire),
            "photos": photo_summary(questionnaire),
            "notice": notice,
            "step_count": len(questionnaire.visible_steps()),
        },
        status=status,
    )


@never_cache
@require_GET
def check(request):
    questionnaire = Questionnaire(request.session)
    if not questionnaire.started:
        return redirect("screening:start")
    incomplete = questionnaire.first_incomplete_step()
    if incomplete is not None:
        return redirect(step_url(incomplete))
    return _render_check(request, questionnaire)


@never_cache
@require_POST
@limit_body_size
def submit(request):
    questionnaire = Questionnaire(request.session)
    if not questionnaire.started:
        # Already sent (a double click, a refresh, Back then submit): show that result.
        if submitted_id(request.session) is not None:
            return redirect("screening:result")
        return redirect("screening:start")
    incomplete = questionnaire.first_incomplete_step()
    if incomplete is not None:
        return redirect(step_url(incomplete))

    submission = services.existing_submission(questionnaire.flow_id)
    if submission is None:
        verdict = hit(request)
        if not verdict.allowed:
            logger.warning("Screening submit refused: rate limit reached")
            response = render(request, "screening/too_many_requests.html", status=429)
            response["Retry-After"] = str(verdict.retry_after)
            return response
        try:
            submission = services.submit(questionnaire.state)
        except services.TooQuick:
            logger.info("Screening submit refused: sent too soon after starting")
            return _render_check(
                request,
                questionnaire,
                notice=(
                    "That was quicker than we expected. Please take a moment to check your "
                    "answers below, then send them again."
                ),
            )
        except services.IncompleteQuestionnaire as error:
            logger.warning("Screening submit refused: %s", error)
            return bad_request(request)
    questionnaire.finish(submission.pk)
    return redirect("screening:result")


RESULT_FIELDS = ("reference", "outcome", "criteria_version", "answers")


@never_cache
@require_GET
def result(request):
    submission_id = submitted_id(request.session)
    # Only the fields the page shows or assesses from: the contact details and stored
    # reasons are encrypted, and each one read is a decryption the page does not need.
    submission = (
        Submission.objects.filter(pk=submission_id).only(*RESULT_FIELDS).first()
        if submission_id is not None
        else None
    )
    if submission is None:
        return render(request, "screening/result_unavailable.html")
    return render(
        request,
        "screening/result.html",
        {
            "reference": submission.reference,
            "result": patient_result(submission),
            "contact_within": conf.contact_within(),
            "visible_for_hours": max(1, conf.session_idle_seconds() // 3600),
        },
    )


@never_cache
@require_GET
def how_we_assess(request):
    return render(
        request,
        "screening/how_we_assess.html",
        {
            "rules": explain.precedence(CURRENT),
            "fallback": CURRENT.outcomes[CURRENT.fallback],
            "outcomes": explain.outcome_texts(CURRENT),
            "referral_texts": list(CURRENT.referral_texts.values()),
            "flags": explain.flags_that_never_change_the_outcome(CURRENT),
            "criteria_version": CRITERIA_VERSION,
            "min_age": MIN_AGE,
            "max_age": MAX_AGE,
        },
    )


@never_cache
@require_GET
def adults_only(request):
    return render(request, "screening/adults_only.html", {"min_age": MIN_AGE})


@never_cache
@require_POST
@limit_body_size
def start_again(request):
    from screening.photos import photos_for_flow

    questionnaire = Questionnaire(request.session)
    for photo in photos_for_flow(questionnaire.flow_id):
        photo.delete()  # the photos of this run go with its answers
    questionnaire.clear()
    return redirect("screening:start")
