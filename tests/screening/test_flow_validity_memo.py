"""The flow remembers which stored steps are valid, per worker, without remembering what
they hold: a run's earlier steps are validated once, not on every later request."""

from unittest import mock

from screening import flow
from screening.flow import SESSION_KEY, STEPS, Questionnaire
from tests.support.screening import LIKELY_ANSWERS, finished_state


class FakeSession(dict):
    def cycle_key(self):
        pass


def questionnaire_for(state):
    return Questionnaire(FakeSession({SESSION_KEY: state}))


def count_validations():
    real_is_valid = flow.StepForm.is_valid
    return mock.patch.object(flow.StepForm, "is_valid", autospec=True, side_effect=real_is_valid)


def test_a_finished_run_is_validated_once_per_worker():
    flow._VALIDITY_MEMO.clear()
    state = finished_state()
    with count_validations() as first:
        assert questionnaire_for(state).is_finished
    with count_validations() as again:
        assert questionnaire_for(state).is_finished
    assert first.call_count > 0
    assert again.call_count == 0


def test_a_changed_answer_is_validated_again_and_an_invalid_one_is_refused():
    flow._VALIDITY_MEMO.clear()
    assert questionnaire_for(finished_state()).is_finished
    tampered = finished_state(answers={**LIKELY_ANSWERS, "loss_duration": "forever"})
    questionnaire = questionnaire_for(tampered)
    assert not questionnaire.is_finished
    refused = questionnaire.first_incomplete_step()
    assert "loss_duration" in refused.form_class.group.keys


def test_the_memo_holds_digests_only_and_stays_bounded(monkeypatch):
    flow._VALIDITY_MEMO.clear()
    monkeypatch.setattr(flow, "_VALIDITY_MEMO_SIZE", 3)
    assert questionnaire_for(finished_state()).is_finished
    assert len(flow._VALIDITY_MEMO) == 3
    held = " ".join(flow._VALIDITY_MEMO)
    assert "@" not in held and "norwood" not in held.lower()
    assert all(len(key) == 32 for key in flow._VALIDITY_MEMO)
    assert len(STEPS) > 3
