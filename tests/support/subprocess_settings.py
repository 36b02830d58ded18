"""Run Python in a fresh interpreter at the project root, to load settings for real.

Settings modules read the environment once, at import: testing how production settings
react to environment variables needs a new process each time.
"""

import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]


def run_python(code: str, env: dict[str, str], *, drop: tuple[str, ...] = ()):
    """Run `code` with this process's environment, minus variables starting with any of
    `drop`, plus `env`; return the CompletedProcess (text output, exit code unchecked)."""
    child_env = {k: v for k, v in os.environ.items() if not k.startswith(drop)}
    child_env.update(env)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env=child_env,
        capture_output=True,
        text=True,
        check=False,
    )
