"""N concurrent patients completing the pre-screening questionnaire over HTTP.

Each client is a `requests` session (its own cookies: session and CSRF token) that
walks the questionnaire as a browser would: it reads each page's form, fills every
field with a valid answer, posts it with the CSRF token and follows the redirect,
until the check-your-answers page's submit leads to the result page. The final
submit's latency is what we report; the server must store exactly one submission per
completed flow.

    python bench/questionnaire.py http://localhost:8106 --clients 16 --flows 5
"""

from __future__ import annotations

import argparse
import json
import statistics
import threading
import time
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse

import requests

START_PATH = "/screening/"
SUBMIT_PATH = "/screening/submit/"
RESULT_PATH = "/screening/result/"
MAX_PAGES_PER_FLOW = 30
# Answers that keep a flow going to the end (an adult, no exclusive early exits).
PREFERRED = {
    "age": "40",
    "name": "Bench Patient",
    "email": "bench.patient@example.invalid",
    "phone": "+44 20 7946 0123",
}


class Browser:
    """A requests session that, like a browser, sends Secure cookies to http://localhost.

    Production settings mark the session and CSRF cookies Secure (with the __Host-
    prefix). The benchmark talks plain HTTP to gunicorn on this machine, with no TLS
    proxy in front; browsers treat localhost as a secure context and send them anyway,
    but requests would not, so the Cookie header is written here from the jar.
    """

    def __init__(self):
        self.session = requests.Session()

    def request(self, method: str, url: str, **kwargs) -> requests.Response:
        cookies = "; ".join(f"{c.name}={c.value}" for c in self.session.cookies)
        headers = {**kwargs.pop("headers", {}), **({"Cookie": cookies} if cookies else {})}
        return self.session.request(
            method, url, headers=headers, allow_redirects=False, timeout=30, **kwargs
        )

    def get(self, url: str) -> requests.Response:
        """GET, following redirects (each hop with the cookies)."""
        for _ in range(10):
            response = self.request("GET", url)
            if not response.is_redirect:
                return response
            url = urljoin(url, response.headers["Location"])
        return response


class FormParser(HTMLParser):
    """The POST forms of a page, with their fields (enough for our own templates)."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self.links: list[str] = []
        self._form: dict | None = None
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        if tag == "form":
            self._form = {
                "action": attributes.get("action") or "",
                "method": (attributes.get("method") or "get").lower(),
                "fields": [],
            }
            self.forms.append(self._form)
        if self._form is None:
            return
        if tag in ("input", "button", "textarea"):
            self._form["fields"].append({"tag": tag, **attributes})
        elif tag == "select":
            self._select = attributes.get("name")
            self._form["fields"].append({"tag": "select", "name": self._select, "options": []})
        elif tag == "option" and self._select:
            self._form["fields"][-1]["options"].append(attributes.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


def fill(form: dict) -> dict[str, object]:
    """A valid answer for every field: the first option unless PREFERRED says otherwise."""
    data: dict[str, object] = {}
    for field in form["fields"]:
        name = field.get("name")
        kind = (field.get("type") or "text").lower()
        if not name or kind in ("submit", "button", "reset", "image") or field["tag"] == "button":
            continue
        if kind == "hidden":
            data[name] = field.get("value", "")
        elif kind == "radio":
            data.setdefault(name, field.get("value", ""))
        elif kind == "checkbox":
            values = data.setdefault(name, [])
            # "None of these" style options are exclusive: choose only that when offered.
            value = field.get("value", "on")
            if value == "none":
                data[name] = ["none"]
            elif "none" not in values and not values:
                values.append(value)
        elif field["tag"] == "select":
            options = [option for option in field["options"] if option]
            data[name] = options[0] if options else ""
        elif kind == "number":
            data[name] = PREFERRED.get(name, field.get("min") or "1")
        elif kind == "email":
            data[name] = PREFERRED["email"]
        elif kind == "tel":
            data[name] = PREFERRED["phone"]
        elif name in PREFERRED:
            data[name] = PREFERRED[name]
        elif "required" in field:
            data[name] = field.get("value") or "Bench answer"
        else:
            # Optional free text stays empty, as most patients leave it (and as a person
            # leaves the hidden anti-spam field they never see).
            data[name] = field.get("value") or ""
    # Checkbox groups: an exclusive "none" wins over anything picked before it.
    return data


def post_forms(page: FormParser) -> list[dict]:
    """The page's questionnaire forms: POST, and not the "start again" escape hatch."""
    return [
        form
        for form in page.forms
        if form["method"] == "post" and "start-again" not in form["action"]
    ]


def complete_flow(base: str, submit_times: list[float], lock: threading.Lock) -> str:
    """One patient from the start page to the result page. Returns 'ok' or a failure."""
    browser = Browser()
    response = browser.get(urljoin(base, START_PATH))
    for _ in range(MAX_PAGES_PER_FLOW):
        if response.status_code != 200:
            return f"HTTP {response.status_code} at {urlparse(response.url).path}"
        path = urlparse(response.url).path
        if path == RESULT_PATH:
            return "ok"
        page = FormParser()
        page.feed(response.text)
        forms = post_forms(page)
        if not forms:
            # The start page links to the first step.
            step_links = [
                link for link in page.links if link.startswith(START_PATH) and link != START_PATH
            ]
            starts = [link for link in step_links if "consent" in link] or step_links[:1]
            if not starts:
                return f"no form and no way on at {path}"
            response = browser.get(urljoin(response.url, starts[0]))
            continue
        form = forms[0]
        action = urljoin(response.url, form["action"] or response.url)
        data = fill(form)
        is_final_submit = urlparse(action).path == SUBMIT_PATH
        started = time.perf_counter()
        posted = browser.request("POST", action, data=data, headers={"Referer": response.url})
        elapsed = time.perf_counter() - started
        if is_final_submit and posted.status_code in (200, 302, 303):
            with lock:
                submit_times.append(elapsed)
        if posted.is_redirect:
            response = browser.get(urljoin(action, posted.headers["Location"]))
        else:
            response = posted
    return f"gave up after {MAX_PAGES_PER_FLOW} pages"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def run(base: str, clients: int, flows_per_client: int) -> dict:
    submit_times: list[float] = []
    outcomes: list[str] = []
    lock = threading.Lock()

    def client():
        for _ in range(flows_per_client):
            try:
                outcome = complete_flow(base, submit_times, lock)
            except requests.RequestException as error:
                outcome = f"error: {type(error).__name__}"
            with lock:
                outcomes.append(outcome)

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    completed = outcomes.count("ok")
    failures = sorted({outcome for outcome in outcomes if outcome != "ok"})
    return {
        "clients": clients,
        "flows_attempted": len(outcomes),
        "flows_completed": completed,
        "failures": failures,
        "submits_timed": len(submit_times),
        "submit_p50_ms": round(statistics.median(submit_times) * 1000, 1) if submit_times else None,
        "submit_p95_ms": round(percentile(submit_times, 0.95) * 1000, 1) if submit_times else None,
        "submit_max_ms": round(max(submit_times) * 1000, 1) if submit_times else None,
        "wall_seconds": round(wall, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="e.g. http://localhost:8106")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--flows", type=int, default=5, help="flows per client")
    args = parser.parse_args()
    print(json.dumps(run(args.base, args.clients, args.flows)), flush=True)


if __name__ == "__main__":
    main()
