"""Checks for the hair-loss pattern illustrations used in the screening questionnaire.

The SVGs in static/img/hair-patterns/ are shown as <img> next to each
`hair_loss_pattern` choice. The site sends a strict Content-Security-Policy, so
they must carry no script, no inline style and no external reference; they are
sized by CSS, so they need a viewBox and no fixed width/height; and they must
stay small.
"""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from clinic_site.illustrations import HAIR_PATTERNS
from screening.criteria import HAIR_LOSS_PATTERN

SVG_DIR = Path(__file__).resolve().parents[2] / "static" / "img" / "hair-patterns"
SVG_NS = "http://www.w3.org/2000/svg"
VIEW_BOX = "0 0 120 120"
MAX_BYTES = 3 * 1024

# One illustration per `hair_loss_pattern` option, straight from the criteria table.
CODES = HAIR_LOSS_PATTERN.codes
# Every drawn pattern: the options above plus any drawn ahead of the criteria version
# that asks for it (`diffuse` comes with the v2 questionnaire).
DRAWN = tuple(entry.key.removeprefix("hair-pattern-") for entry in HAIR_PATTERNS)

FORBIDDEN_ELEMENTS = {"script", "style", "foreignObject", "image", "iframe", "object", "embed"}


def svg_path(code):
    return SVG_DIR / f"{code}.svg"


def parse(code):
    # The files are our own, checked-in static assets, not untrusted input.
    return ET.parse(svg_path(code)).getroot()  # noqa: S314


def local_name(name):
    return name.rsplit("}", 1)[-1]


def test_the_folder_holds_one_svg_per_drawn_pattern_and_nothing_else():
    assert sorted(p.stem for p in SVG_DIR.glob("*.svg")) == sorted(DRAWN)


def test_every_answer_code_has_a_drawing():
    assert set(CODES) <= set(DRAWN)


@pytest.mark.parametrize("code", DRAWN)
def test_file_exists_and_is_small(code):
    path = svg_path(code)
    assert path.is_file()
    assert path.stat().st_size < MAX_BYTES


@pytest.mark.parametrize("code", DRAWN)
def test_is_an_svg_sized_by_css(code):
    root = parse(code)
    assert root.tag == f"{{{SVG_NS}}}svg"
    assert root.get("viewBox") == VIEW_BOX
    assert "width" not in root.attrib
    assert "height" not in root.attrib
    assert root.get("role") == "img"


@pytest.mark.parametrize("code", DRAWN)
def test_has_a_title_in_plain_words(code):
    root = parse(code)
    title = root[0]
    assert local_name(title.tag) == "title"
    assert title.text
    assert len(title.text.split()) >= 5


@pytest.mark.parametrize("code", DRAWN)
def test_has_no_script_style_or_embedded_content(code):
    for element in parse(code).iter():
        assert local_name(element.tag) not in FORBIDDEN_ELEMENTS
        for attribute in element.attrib:
            name = local_name(attribute)
            assert name != "style"
            assert not name.startswith("on"), f"event handler {name} on {element.tag}"


@pytest.mark.parametrize("code", DRAWN)
def test_has_no_external_references(code):
    text = svg_path(code).read_text(encoding="utf-8")
    assert "data:" not in text
    assert set(re.findall(r"https?://[^\s\"'<>)]+", text)) <= {SVG_NS}

    root = parse(code)
    ids = {element.get("id") for element in root.iter() if element.get("id")}
    for element in root.iter():
        for attribute, value in element.attrib.items():
            if local_name(attribute) == "href":
                assert value.startswith("#") and value[1:] in ids
            for target in re.findall(r"url\(([^)]*)\)", value):
                assert target.startswith("#") and target[1:] in ids, target


def test_ids_do_not_clash_between_files():
    """So several illustrations can later be inlined on one page."""
    seen = {}
    for code in DRAWN:
        for element in parse(code).iter():
            element_id = element.get("id")
            if element_id:
                assert element_id not in seen, f"{element_id} in {code} and {seen[element_id]}"
                seen[element_id] = code
