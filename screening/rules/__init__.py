"""Every criteria version as a declarative rule set, and which one is current.

Adding a version: write ``vN.py`` with a ``RULE_SET`` and list it here; make it
``CURRENT`` when it goes live. Never edit a released version: stored submissions are
replayed with the version they were assessed under.
"""

from __future__ import annotations

from screening.rules import v1, v2
from screening.rules.base import RuleSet

RULE_SETS: dict[str, RuleSet] = {rules.version: rules for rules in (v1.RULE_SET, v2.RULE_SET)}
CURRENT: RuleSet = v2.RULE_SET
CRITERIA_VERSION: str = CURRENT.version


def rule_set(version: str | None = None) -> RuleSet:
    """The rule set of a criteria version (the current one for None); ValueError if unknown."""
    if version is None:
        return CURRENT
    try:
        return RULE_SETS[version]
    except (KeyError, TypeError):
        raise ValueError(f"version: unknown criteria version {version!r}") from None
