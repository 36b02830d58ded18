"""Audit a dependency lock with pip-audit; report, without failing, when nobody can be asked.

    python .ci/audit_dependencies.py requirements-dev.txt

Exit 1 when the vulnerability service answered and named a known vulnerability; exit 0
when it found none, and also when it could not be reached (or looked up no package at
all, as behind a registry mirror without PyPI's JSON API): then it says so on one line
beginning "pip-audit: NOT AUDITED", so a skipped audit is never mistaken for a clean one.
"""

import json
import subprocess
import sys
from pathlib import Path

PIP_AUDIT = str(Path(sys.executable).with_name("pip-audit"))
TIMEOUT_SECONDS = 180


def main(lock: str) -> int:
    args = [PIP_AUDIT, "--disable-pip", "--require-hashes", "-r", lock, "--format", "json"]
    args += ["--progress-spinner", "off"]
    try:
        run = subprocess.run(  # noqa: S603 (our own pip-audit, fixed arguments)
            args, capture_output=True, text=True, timeout=TIMEOUT_SECONDS
        )
    except subprocess.TimeoutExpired:
        print(f"pip-audit: NOT AUDITED: no answer within {TIMEOUT_SECONDS} s ({lock})")
        return 0
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError:
        reason = (run.stderr.strip().splitlines() or ["no output"])[-1][:300]
        print(f"pip-audit: NOT AUDITED: the vulnerability service is unreachable ({reason})")
        return 0
    dependencies = report.get("dependencies", [])
    audited = [dep for dep in dependencies if "skip_reason" not in dep]
    if not audited:
        print(
            f"pip-audit: NOT AUDITED: the vulnerability service could not look up any of "
            f"the {len(dependencies)} packages in {lock} (no access to it from this machine)"
        )
        return 0
    vulnerable = [dep for dep in audited if dep.get("vulns")]
    skipped = len(dependencies) - len(audited)
    for dep in vulnerable:
        for vuln in dep["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions", [])) or "no fixed version yet"
            print(f"pip-audit: {dep['name']} {dep['version']}: {vuln['id']} (fixed in {fixed})")
    print(
        f"pip-audit: {len(audited)} packages audited, {skipped} could not be looked up, "
        f"{len(vulnerable)} with known vulnerabilities ({lock})"
    )
    return 1 if vulnerable else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "requirements-dev.txt"))
