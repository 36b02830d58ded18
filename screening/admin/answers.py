"""A submission's answers laid out as its questionnaire asked them: the steps of the rule
set of the submission's own criteria version (so a v1 submission reads as v1 asked it),
each answer in a reviewer's words with the reasons it gave beside it."""

from __future__ import annotations

from screening.admin.display import reasons_for_display
from screening.models import Submission
from screening.rules import CURRENT, rule_set
from screening.rules.base import RuleSet

NOT_GIVEN = (None, "", [], ())


def rules_of(submission: Submission) -> RuleSet:
    """The rule set the submission was assessed under; the current one for a version this
    code no longer knows (the answers are still shown, with the current wording)."""
    try:
        return rule_set(submission.criteria_version)
    except ValueError:
        return CURRENT


def answers_by_step(submission: Submission) -> list[dict]:
    """[{"slug", "title", "rows": [{"key", "question", "answer", "reasons"}]}] in the
    questionnaire's order. A step shown only for some answers appears when it was asked;
    a conditional question that was not asked is left out. Reasons whose answer no step
    holds are listed last under "Other reasons"."""
    rules = rules_of(submission)
    answers = submission.answers if isinstance(submission.answers, dict) else {}
    reasons = reasons_for_display(submission.reasons, rules.questions)
    reasons_by_key: dict[str, list[dict]] = {}
    for reason in reasons:
        reasons_by_key.setdefault(reason["key"], []).append(reason)

    # Where each key is shown: the first step that asks it and applies to these answers,
    # or, when none applies (e.g. an answer the step condition did not record), the first.
    home: dict[str, str] = {}
    for step in rules.steps:
        for key in step.keys:
            if key not in home or (
                step.applies(answers) and not _applies(rules, home[key], answers)
            ):
                home[key] = step.slug

    groups, shown = [], set()
    for step in rules.steps:
        rows = []
        for key in step.keys:
            if home.get(key) != step.slug or key in shown:
                continue
            value = answers.get(key)
            if key in rules.conditional_keys and value in NOT_GIVEN:
                continue  # not asked: nothing to show
            if key in rules.form_questions and value in NOT_GIVEN:
                continue  # a question that only steers the form, not recorded
            shown.add(key)
            rows.append(
                {
                    "key": key,
                    "question": rules.question(key).staff_label,
                    "answer": rules.answer_label(key, value),
                    "reasons": reasons_by_key.get(key, []),
                }
            )
        if rows:
            groups.append({"slug": step.slug, "title": step.title, "rows": rows})
    leftover = [
        reason for key, items in reasons_by_key.items() if key not in shown for reason in items
    ]
    if leftover:
        groups.append(
            {
                "slug": "other-reasons",
                "title": "Other reasons",
                "rows": [
                    {
                        "key": "",
                        "question": "Reasons not tied to one answer",
                        "answer": "",
                        "reasons": leftover,
                    }
                ],
            }
        )
    return groups


def _applies(rules: RuleSet, slug: str, answers: dict) -> bool:
    return next(step for step in rules.steps if step.slug == slug).applies(answers)
