"""Issue 20's patient paths under wrk, through HAProxy: p50/p95/p99 at a fixed number of
connections (8, as the issue measured), each a ratio to the minimal view in the same run.

    python bench/patient_wrk.py --cached http://localhost:8106 --uncached http://localhost:8107

Scenarios: the baseline (/bench/baseline), the longest article uncached (the server
with the page cache off) and cached, the questionnaire start page, a questionnaire step
POST with a session (8 patients part-way through, each sending their second step again:
validated, saved to their encrypted session, answered with a redirect) and search. wrk's
Lua `done()` reports the percentiles; one JSON line per scenario, then a summary line.
Environment: BENCH_WRK_SECONDS (10), BENCH_WRK_CONNECTIONS (8).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import urljoin, urlparse

from questionnaire import START_PATH, Browser, FormParser, fill, post_forms

SECONDS = int(os.environ.get("BENCH_WRK_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_WRK_CONNECTIONS", "8"))

DONE = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "non_2xx_3xx": %d, "socket_errors": %d, '
    .. '"p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f}\\n',
    summary.requests, summary.duration / 1e6, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
"""


def lua_string(text: str) -> str:
    return json.dumps(text)  # a JSON string literal is a valid Lua string literal here


def requests_script(requests: list[dict]) -> str:
    """A Lua script that sends the given requests in turn."""

    def entry(r: dict) -> str:
        headers = ", ".join(f"[{lua_string(k)}]={lua_string(v)}" for k, v in r["headers"].items())
        method, path, body = (lua_string(r[k]) for k in ("method", "path", "body"))
        return f"{{method={method}, path={path}, body={body}, headers={{{headers}}}}}"

    entries = ",\n".join(entry({"body": "", **r}) for r in requests)
    return (
        f"local specs = {{\n{entries}\n}}\nlocal prepared = {{}}\nlocal n = 0\n"
        "init = function(args)\n"
        "  for i, s in ipairs(specs) do\n"
        "    local body = nil\n"
        "    if s.body ~= '' then body = s.body end\n"
        "    prepared[i] = wrk.format(s.method, s.path, s.headers, body)\n"
        "  end\n"
        "end\n"
        "request = function()\n  n = n % #prepared + 1\n  return prepared[n]\nend\n" + DONE
    )


def wrk(url: str, script: str, seconds: int = SECONDS) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    try:
        args = ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{seconds}s", "-s", handle.name, url]
        output = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    finally:
        Path(handle.name).unlink()
    result = json.loads(output.strip().splitlines()[-1])
    result["per_second"] = result["requests"] / result["seconds"]
    return result


def midway_patient(base: str) -> dict:
    """A patient who has given consent and answered one step: their second step's POST."""
    browser = Browser()
    response = browser.get(urljoin(base, START_PATH))
    posted_steps = 0
    for _ in range(10):
        page = FormParser()
        page.feed(response.text)
        forms = post_forms(page)
        if not forms:
            link = next(link for link in page.links if "consent" in link)
            response = browser.get(urljoin(response.url, link))
            continue
        action = urljoin(response.url, forms[0]["action"] or response.url)
        data = fill(forms[0])
        if posted_steps == 2:
            body = "&".join(
                f"{requests_quote(k)}={requests_quote(v)}"
                for k, values in data.items()
                for v in (values if isinstance(values, list) else [values])
            )
            cookies = "; ".join(f"{c.name}={c.value}" for c in browser.session.cookies)
            return {
                "method": "POST",
                "path": urlparse(action).path,
                "body": body,
                "headers": {
                    "Cookie": cookies,
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Referer": response.url,
                },
            }
        posted = browser.request("POST", action, data=data, headers={"Referer": response.url})
        if not posted.is_redirect:
            raise SystemExit(f"step POST answered {posted.status_code} at {action}")
        posted_steps += 1
        response = browser.get(urljoin(action, posted.headers["Location"]))
    raise SystemExit("could not reach a second question step")


def requests_quote(value) -> str:
    from urllib.parse import quote_plus

    return quote_plus(str(value))


def get_script(path: str) -> str:
    return requests_script([{"method": "GET", "path": path, "headers": {}}])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cached", required=True)
    parser.add_argument("--uncached", required=True)
    parser.add_argument("--article", required=True)
    parser.add_argument("--rounds", type=int, default=2)
    options = parser.parse_args()
    posts = [midway_patient(options.uncached) for _ in range(CONNECTIONS)]
    scenarios = {
        "baseline": (options.cached, get_script("/bench/baseline")),
        "article uncached": (options.uncached, get_script(options.article)),
        "article cached": (options.cached, get_script(options.article)),
        "questionnaire start": (options.uncached, get_script("/screening/")),
        "questionnaire step POST": (options.uncached, requests_script(posts)),
        "search": (options.uncached, get_script("/search/?q=PRP")),
    }
    for base, script in scenarios.values():  # warm every worker
        wrk(base, script, seconds=2)
    rounds: dict[str, list[dict]] = {name: [] for name in scenarios}
    for _ in range(options.rounds):
        for name, (base, script) in scenarios.items():
            rounds[name].append(wrk(base, script))
            time.sleep(0.5)
    results = {}
    for name, runs in rounds.items():
        middle = sorted(runs, key=lambda r: r["per_second"])[len(runs) // 2]
        results[name] = {**middle, "rounds_per_second": [round(r["per_second"]) for r in runs]}
    baseline = results["baseline"]["per_second"]
    for name, result in results.items():
        result["ratio"] = result["per_second"] / baseline
        print(json.dumps({"scenario": name, **result}))
    print(json.dumps({"connections": CONNECTIONS, "seconds": SECONDS, "results": results}))


if __name__ == "__main__":
    main()
