"""`make bench` only: production settings plus what a benchmark needs. Never deployed.

* A minimal view at /bench/baseline, served through the same middleware and gunicorn
  configuration as the pages, as the yardstick for page throughput.
* The questionnaire's anti-automation limits relaxed, because the benchmark *is* an
  automated client: no minimum time between consent and submit, and a per-address
  submit rate no benchmark reaches (all 16 clients share 127.0.0.1).
"""

from .production import *  # noqa: F403

BENCH_BASELINE_VIEW = True
SCREENING_MIN_SECONDS = 0
SCREENING_SUBMIT_RATE = "1000000/hour"
