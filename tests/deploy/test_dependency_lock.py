"""requirements*.in are what people edit; requirements*.txt are the locks `make lock`
writes from them. Every pin of an .in file must be in its lock, with hashes, so a merge
that adds a dependency to an .in file without re-locking fails here, not on a fresh
machine (`pip install --require-hashes` would refuse it)."""

import re
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;#]+)")
LOCKED = re.compile(r"^([a-z0-9][a-z0-9._-]*)==(\S+) \\$")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(path: Path) -> dict[str, str]:
    found = {}
    for line in path.read_text().splitlines():
        if line.startswith("-r "):
            found |= pins(path.parent / line.split(maxsplit=1)[1])
        elif match := PIN.match(line):
            found[canonical(match.group(1))] = match.group(2)
    return found


def locked(path: Path) -> dict[str, tuple[str, int]]:
    """{package: (version, number of hashes)} of a pip-compile lock."""
    entries, current = {}, None
    for line in path.read_text().splitlines():
        if match := LOCKED.match(line):
            current = canonical(match.group(1))
            entries[current] = (match.group(2), 0)
        elif current and line.strip().startswith("--hash=sha256:"):
            version, hashes = entries[current]
            entries[current] = (version, hashes + 1)
    return entries


@pytest.mark.parametrize(
    ("source", "lock"),
    [("requirements.in", "requirements.txt"), ("requirements-dev.in", "requirements-dev.txt")],
)
def test_every_pin_is_locked_at_its_version_with_hashes(source, lock):
    wanted = pins(BASE_DIR / source)
    have = locked(BASE_DIR / lock)
    assert wanted, source
    stale = {
        name: version for name, version in wanted.items() if have.get(name, ("",))[0] != version
    }
    assert not stale, f"{source} pins {stale} but {lock} does not: run `make lock`"
    unhashed = [name for name, (_, hashes) in have.items() if hashes == 0]
    assert not unhashed, f"{lock}: no hashes for {unhashed}"


def test_the_runtime_lock_is_the_dev_lock_s_runtime_part():
    runtime = locked(BASE_DIR / "requirements.txt")
    dev = locked(BASE_DIR / "requirements-dev.txt")
    assert {name: version for name, (version, _) in runtime.items()} == {
        name: dev[name][0] for name in runtime
    }


def test_psycopg_3_replaces_psycopg2():
    runtime = locked(BASE_DIR / "requirements.txt")
    assert "psycopg" in runtime and "psycopg-binary" in runtime
    assert "psycopg2-binary" not in runtime and "psycopg2" not in runtime
