"""Check the content against the loader contract and the editorial rules.

Run from the repository root::

    python -m content.initial_content.check

Prints one line per problem and exits with status 1 if there are any, so it can run in CI.
It uses only the standard library, so it works without Django.
"""

import datetime
import re
import sys
from html.parser import HTMLParser

ARTICLE_SLUGS = (
    "what-is-a-stem-cell",
    "history-of-stem-cell-therapy",
    "regenerative-approaches-for-hair",
    "how-the-procedure-works",
    "who-may-be-a-candidate",
    "stem-cells-vs-prp",
    "benefits-limits-and-expectations",
    "safety-and-questions-to-ask",
    "faq",
)
STANDARD_SLUGS = ("privacy", "about", "contact")
BLOCK_TYPES = {"heading", "subheading", "paragraph", "callout", "steps", "comparison_table", "faq"}
ALLOWED_TAGS = {"p", "b", "i", "a", "ul", "ol", "li"}
FIXED_LINKS = {"/screening/", "/privacy/", "/contact/", "/about/", "/articles/"}
# The "review due" report needs one article whose review falls due soon after this date.
REPORT_DATE = datetime.date(2026, 11, 25)
WORDS_MIN, WORDS_MAX = 350, 900


class _RichText(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.links, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "a":
            self.links.append(dict(attrs).get("href", ""))

    def handle_data(self, data):
        self.text.append(data)


def _parse(html):
    parser = _RichText()
    parser.feed(html)
    parser.close()
    return parser


def _rich_texts(body):
    """Yield (where, html) for every rich-text value in a body."""
    for index, (kind, value) in enumerate(body):
        where = f"block {index} ({kind})"
        if kind == "paragraph":
            yield where, value
        elif kind == "callout":
            yield where, value["text"]
        elif kind == "steps":
            for step in value["steps"]:
                yield where, step["text"]
        elif kind == "faq":
            yield where, value["answer"]


def body_text(body):
    """All visible words of a body as plain text (headings, rich text, table cells)."""
    parts = []
    for kind, value in body:
        if kind in ("heading", "subheading"):
            parts.append(value)
        elif kind == "callout":
            parts.append(value["title"])
        elif kind == "steps":
            parts.append(value["title"])
            parts.extend(step["title"] for step in value["steps"])
        elif kind == "comparison_table":
            parts.append(value["caption"])
            parts.append(value["row_header_label"])
            parts.extend(value["column_headers"])
            for row in value["rows"]:
                parts.append(row["header"])
                parts.extend(row["cells"])
        elif kind == "faq":
            parts.append(value["question"])
    parts.extend(" ".join(_parse(html).text) for _, html in _rich_texts(body))
    return " ".join(parts)


def word_count(body):
    return len(re.findall(r"[A-Za-z0-9’'-]+", body_text(body)))


def _check_body(name, body, known_slugs, problems):
    for index, block in enumerate(body):
        if not (isinstance(block, tuple) and len(block) == 2 and block[0] in BLOCK_TYPES):
            problems.append(f"{name}: block {index} is not a (known_type, value) pair")
            continue
        kind, value = block
        if kind in ("heading", "subheading") and not (isinstance(value, str) and value):
            problems.append(f"{name}: block {index} {kind} must be a non-empty string")
        if kind == "callout" and value.get("kind") not in ("information", "caution"):
            problems.append(f"{name}: block {index} callout kind must be information or caution")
        if kind == "comparison_table":
            width = len(value["column_headers"])
            for row in value["rows"]:
                if len(row["cells"]) != width:
                    problems.append(f"{name}: table row {row['header']!r} has wrong cell count")
                if any("<" in cell for cell in row["cells"]):
                    problems.append(f"{name}: table row {row['header']!r} cells must be plain")
    for where, html in _rich_texts(body):
        if not html.startswith("<p>") and not html.startswith("<ul>"):
            problems.append(f"{name}: {where} rich text should start with a block tag")
        parsed = _parse(html)
        for tag, attrs in parsed.tags:
            if tag not in ALLOWED_TAGS:
                problems.append(f"{name}: {where} uses disallowed tag <{tag}>")
            if attrs and (tag != "a" or set(attrs) != {"href"}):
                problems.append(f"{name}: {where} <{tag}> has attributes other than href")
        for href in parsed.links:
            if href.startswith("https://"):
                continue
            match = re.fullmatch(r"/articles/([a-z0-9-]+)/", href)
            if match and match.group(1) in known_slugs:
                continue
            if href not in FIXED_LINKS:
                problems.append(f"{name}: {where} links to unknown page {href!r}")


def check(content):
    """Return a list of problems found in the ``content.initial_content`` module."""
    problems = []
    clinician_keys = [c["key"] for c in content.CLINICIANS]
    if len(set(clinician_keys)) != len(clinician_keys):
        problems.append("CLINICIANS: keys are not unique")
    slugs = [a["slug"] for a in content.ARTICLES]
    if tuple(slugs) != ARTICLE_SLUGS[: len(slugs)]:
        problems.append(f"ARTICLES: slugs or order differ from the plan: {slugs}")
    if len(slugs) < len(ARTICLE_SLUGS):
        problems.append(f"ARTICLES: {len(ARTICLE_SLUGS) - len(slugs)} articles still to write")
    known = set(slugs)
    for slug in content.HOME["featured"]:
        if slug not in known:
            problems.append(f"HOME: featured slug {slug!r} is not an article")
    if len(content.HOME["featured"]) != 3:
        problems.append("HOME: feature exactly three articles")
    for key in ("intro",):
        _check_body("HOME", [("paragraph", content.HOME[key])], known, problems)
    _check_body("ARTICLE_INDEX", [("paragraph", content.ARTICLE_INDEX["intro"])], known, problems)

    descriptions = {}
    due_soon = []
    for article in content.ARTICLES:
        name = article["slug"]
        if len(article["summary"]) > 250:
            problems.append(f"{name}: summary is {len(article['summary'])} chars (max 250)")
        if article["reviewed_by"] not in clinician_keys:
            problems.append(f"{name}: reviewed_by {article['reviewed_by']!r} is unknown")
        last = datetime.date.fromisoformat(article["last_reviewed"])
        due = datetime.date.fromisoformat(article["next_review_due"])
        if not 330 <= (due - last).days <= 400:
            problems.append(f"{name}: next review should be about 12 months after the last")
        if last > REPORT_DATE:
            problems.append(f"{name}: last_reviewed is in the future")
        if REPORT_DATE <= due <= REPORT_DATE + datetime.timedelta(days=30):
            due_soon.append(name)
        related = article["related"]
        if not 2 <= len(related) <= 3 or name in related:
            problems.append(f"{name}: needs 2-3 related articles other than itself")
        for slug in related:
            if slug not in ARTICLE_SLUGS:
                problems.append(f"{name}: related slug {slug!r} is not a planned article")
        words = word_count(article["body"])
        if not WORDS_MIN <= words <= WORDS_MAX:
            problems.append(f"{name}: body has {words} words ({WORDS_MIN}-{WORDS_MAX})")
        kinds = [kind for kind, _ in article["body"]]
        if kinds.count("heading") < 2:
            problems.append(f"{name}: needs several headings")
        last_kind, last_value = article["body"][-1]
        if last_kind != "paragraph" or "/screening/" not in last_value:
            problems.append(f"{name}: must end with a paragraph linking to /screening/")
        if not 2 <= len(article["references"]) <= 5:
            problems.append(f"{name}: needs 2-5 references")
        for ref in article["references"]:
            if set(ref) != {"title", "source", "year", "url"} or not isinstance(ref["year"], int):
                problems.append(f"{name}: malformed reference {ref.get('title')!r}")
        if name == "faq" and kinds.count("faq") != 5:
            problems.append("faq: needs exactly five faq blocks")
        _check_body(name, article["body"], set(ARTICLE_SLUGS), problems)
        descriptions.setdefault(article["search_description"], []).append(name)

    if len(due_soon) != 1 and len(slugs) == len(ARTICLE_SLUGS):
        problems.append(f"exactly one article should be due for review soon, got {due_soon}")

    page_slugs = [p["slug"] for p in content.STANDARD_PAGES]
    if tuple(page_slugs) != STANDARD_SLUGS:
        problems.append(f"STANDARD_PAGES: slugs differ from the plan: {page_slugs}")
    for page in content.STANDARD_PAGES:
        _check_body(page["slug"], page["body"], set(ARTICLE_SLUGS), problems)
        descriptions.setdefault(page["search_description"], []).append(page["slug"])
    for description, names in descriptions.items():
        if not 120 <= len(description) <= 160:
            problems.append(f"{names[0]}: search_description is {len(description)} chars")
        if len(names) > 1:
            problems.append(f"search_description shared by {names}")
    return problems


def main():
    import content.initial_content as content

    for article in content.ARTICLES:
        print(f"{article['slug']}: {word_count(article['body'])} words")
    problems = check(content)
    for problem in problems:
        print(problem)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
