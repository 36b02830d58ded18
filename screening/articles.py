"""Which articles the result page suggests for each outcome.

Linked by URL (the content pages are Wagtail pages loaded by ``load_initial_data``);
titles as the articles have them.
"""

from __future__ import annotations

from dataclasses import dataclass

from screening.criteria import Outcome


@dataclass(frozen=True)
class Article:
    url: str
    title: str
    why: str


CANDIDATES = Article(
    "/articles/who-may-be-a-candidate/",
    "Who may be a candidate?",
    "What makes regenerative treatment more or less likely to help.",
)
EXPECTATIONS = Article(
    "/articles/benefits-limits-and-expectations/",
    "Benefits, limits and realistic expectations",
    "What results can look like, how long they last, and when a transplant is the better choice.",
)
PROCEDURE = Article(
    "/articles/how-the-procedure-works/",
    "How the procedure works, step by step",
    "What happens at each appointment, step by step.",
)
COMPARED_WITH_PRP = Article(
    "/articles/stem-cells-vs-prp/",
    "Stem cell treatments and PRP: what is the difference?",
    "How the two approaches differ.",
)
SAFETY = Article(
    "/articles/safety-and-questions-to-ask/",
    "Safety, regulation and the questions to ask any clinic",
    "Risks, regulation and the questions that tell a careful clinic apart.",
)
FAQ = Article("/articles/faq/", "Frequently asked questions", "Short answers to common questions.")
STRONGER_EVIDENCE = Article(
    "/articles/treatments-with-stronger-evidence/",
    "Treatments with stronger evidence",
    "Medicines and transplants that have been studied for longer.",
)

RELATED_ARTICLES: dict[Outcome, tuple[Article, ...]] = {
    Outcome.LIKELY: (PROCEDURE, EXPECTATIONS, STRONGER_EVIDENCE, SAFETY, COMPARED_WITH_PRP),
    Outcome.POSSIBLE: (CANDIDATES, STRONGER_EVIDENCE, EXPECTATIONS, COMPARED_WITH_PRP, FAQ),
    Outcome.UNLIKELY: (EXPECTATIONS, STRONGER_EVIDENCE, CANDIDATES, FAQ),
    Outcome.REFER: (SAFETY, STRONGER_EVIDENCE, CANDIDATES, FAQ),
}
