"""Median time of one assess() call, per criteria version (target: <= 50 µs).

A timing script, not a test: run it on an otherwise quiet machine and read the medians.
Answers are a fixed spread of valid answer sets (likely, refer for a warning sign, refer
for a medical condition, unlikely, possible), each assessed many times in rounds.

    .venv/bin/python bench/assess_timing.py            # both rule sets
    .venv/bin/python bench/assess_timing.py --rounds 50 --number 2000
"""

from __future__ import annotations

import argparse
import statistics
import sys
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from screening.rules import RULE_SETS
from screening.scoring import assess

V1_LIKELY = {
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
V2_LIKELY = {
    **V1_LIKELY,
    "warning_signs": ["none"],
    "other_health_factors": ["none"],
    "recent_treatment_change": "no",
    "wellbeing_impact": "little",
}


def answer_sets(version: str) -> list[dict]:
    base = V1_LIKELY if version == "2026.11-1" else V2_LIKELY
    sets = [
        base,
        {**base, "medical_conditions": ["blood_thinners", "keloid_scarring"]},
        {
            **base,
            "hair_loss_pattern": "norwood_6",
            "smooth_bald_areas": "large",
            "smooth_bald_years": "gt_5",
        },
        {**base, "loss_progression": "rapid", "hair_loss_pattern": "not_sure"},
    ]
    if "warning_signs" in base:
        sets.append({**base, "warning_signs": ["round_patches"], "wellbeing_impact": "a_lot"})
    return sets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--number", type=int, default=1000, help="calls per round")
    args = parser.parse_args()
    for version in RULE_SETS:
        sets = answer_sets(version)
        per_call = []
        for _ in range(args.rounds):
            for answers in sets:
                seconds = timeit.timeit(
                    lambda answers=answers, version=version: assess(answers, version),
                    number=args.number,
                )
                per_call.append(seconds / args.number * 1e6)
        print(
            f"assess() under {version}: median {statistics.median(per_call):.1f} µs, "
            f"p90 {statistics.quantiles(per_call, n=10)[-1]:.1f} µs "
            f"({args.rounds} rounds x {len(sets)} answer sets x {args.number} calls)"
        )


if __name__ == "__main__":
    main()
