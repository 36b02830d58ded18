"""Plain-language measures of an article body: Flesch reading ease and sentence length.

The body is read as a patient reads it: each heading, paragraph, list item, table cell,
callout and step is a unit of its own, ended with a full stop when it has no closing
punctuation (a heading is not the first words of the sentence below it).
"""

import html
import re

import textstat
from bs4 import BeautifulSoup

MIN_FLESCH = 65
MAX_SENTENCE_WORDS = 25
UNIT_TAGS = [
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "li",
    "th",
    "td",
    "caption",
    "figcaption",
    "dt",
    "dd",
]
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+")


def units(markup: str) -> list[str]:
    document = BeautifulSoup(markup, "html.parser")
    found = []
    for tag in document.find_all(UNIT_TAGS):
        # Only the innermost units: a <li> holding a <p> is read once, as the <p>.
        if tag.find(UNIT_TAGS):
            continue
        text = " ".join(html.unescape(tag.get_text(" ")).split())
        if text:
            found.append(text if text[-1] in ".!?:;" else text + ".")
    return found


def plain_text(markup: str) -> str:
    return " ".join(units(markup))


def sentences(markup: str) -> list[str]:
    result = []
    for unit in units(markup):
        result += [part for part in SENTENCE_END.split(unit) if part.strip()]
    return result


def word_count(sentence: str) -> int:
    return len(re.findall(r"[A-Za-z0-9][A-Za-z0-9’'\-–]*", sentence))


def long_sentences(markup: str, limit: int = MAX_SENTENCE_WORDS) -> list[str]:
    return [sentence for sentence in sentences(markup) if word_count(sentence) > limit]


def flesch(markup: str) -> float:
    return textstat.flesch_reading_ease(plain_text(markup))
