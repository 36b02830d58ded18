"""Our own drawings: the registry (clinic_site/illustrations.py), the SVG files it names,
and the template tags that put them on a page with a caption and alt text."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template, TemplateSyntaxError
from django.templatetags.static import static

from clinic_site import illustrations
from tests.clinic_site.test_design_tokens import contrast_ratio

STATIC = Path(settings.BASE_DIR) / "static"
SVG_NS = "http://www.w3.org/2000/svg"
MAX_BYTES = 4 * 1024
FORBIDDEN_ELEMENTS = {"script", "style", "foreignObject", "image", "iframe", "object", "embed"}
ENTRIES = list(illustrations.ILLUSTRATIONS.values())
KEYS = [entry.key for entry in ENTRIES]


def local_name(name):
    return name.rsplit("}", 1)[-1]


def parse(entry):
    # Our own checked-in static files, not untrusted input.
    return ET.parse(STATIC / entry.path).getroot()  # noqa: S314


def test_every_svg_in_the_drawing_folders_is_registered_and_every_entry_has_its_file():
    on_disk = {
        path.relative_to(STATIC).as_posix()
        for folder in ("img/illustrations", "img/hair-patterns")
        for path in (STATIC / folder).glob("*.svg")
    }
    assert on_disk == {entry.path for entry in ENTRIES}


def test_the_drawings_the_articles_need_are_there():
    needed = {
        "hair-growth-cycle",
        "miniaturised-follicles",
        "smooth-bald-areas",
        "procedure-step-1-assessment",
        "procedure-step-2-collecting",
        "procedure-step-3-preparing",
        "procedure-step-4-injecting",
        "cell-source-fat",
        "cell-source-scalp-punch",
        "cell-source-cultured-medium",
        "results-over-time",
    }
    assert needed <= set(KEYS)


@pytest.mark.parametrize("entry", ENTRIES, ids=KEYS)
def test_caption_and_alt_text_are_plain_sentences(entry):
    for text in (entry.alt, entry.caption):
        assert text.strip() == text
        assert len(text.split()) >= 5
        assert text.endswith(".")
        # Said to a person, not to a file: no file names or markup.
        assert ".svg" not in text and "<" not in text
    assert entry.alt != entry.caption


@pytest.mark.parametrize("entry", ENTRIES, ids=KEYS)
def test_svg_is_small_safe_and_sized_by_its_viewbox(entry):
    path = STATIC / entry.path
    assert path.stat().st_size <= MAX_BYTES
    root = parse(entry)
    assert root.tag == f"{{{SVG_NS}}}svg"
    assert root.get("viewBox") == f"0 0 {entry.width} {entry.height}"
    assert "width" not in root.attrib and "height" not in root.attrib
    assert root.get("role") == "img"
    text = path.read_text(encoding="utf-8")
    assert set(re.findall(r"https?://[^\s\"'<>)]+", text)) <= {SVG_NS}
    assert "data:" not in text
    for element in root.iter():
        assert local_name(element.tag) not in FORBIDDEN_ELEMENTS
        for attribute, value in element.attrib.items():
            assert local_name(attribute) != "style"
            assert not local_name(attribute).startswith("on")
            for target in re.findall(r"url\(([^)]*)\)", value):
                assert target.startswith("#"), target


@pytest.mark.parametrize("entry", ENTRIES, ids=KEYS)
def test_svg_title_and_desc_say_what_the_registry_says(entry):
    root = parse(entry)
    title, desc = root[0], root[1]
    assert local_name(title.tag) == "title" and title.text == entry.alt
    assert local_name(desc.tag) == "desc" and desc.text == entry.caption


@pytest.mark.parametrize("entry", ENTRIES, ids=KEYS)
def test_svg_brings_its_own_light_background_so_it_reads_in_dark_mode(entry):
    """An <img> cannot follow the page into dark mode: its first shape is a light card."""
    root = parse(entry)
    shapes = [el for el in root if local_name(el.tag) not in {"title", "desc", "defs"}]
    background = shapes[0]
    assert local_name(background.tag) == "rect"
    assert background.get("width") == str(entry.width)
    assert background.get("height") == str(entry.height)
    assert contrast_ratio(background.get("fill"), "#ffffff") < 1.2  # light


@pytest.mark.parametrize("entry", ENTRIES, ids=KEYS)
def test_words_inside_a_drawing_contrast_with_its_background(entry):
    root = parse(entry)
    shapes = [el for el in root if local_name(el.tag) not in {"title", "desc", "defs"}]
    background = shapes[0].get("fill")
    for element in root.iter():
        if local_name(element.tag) == "text":
            assert float(element.get("font-size")) >= 18
            assert contrast_ratio(element.get("fill"), background) >= 4.5


def test_element_ids_do_not_clash_between_files():
    """So any two drawings can later be inlined on the same page."""
    seen = {}
    for entry in ENTRIES:
        for element in parse(entry).iter():
            element_id = element.get("id")
            if element_id:
                assert element_id not in seen, f"{element_id}: {entry.key} and {seen[element_id]}"
                seen[element_id] = entry.key


def test_unknown_keys_are_named_in_the_error():
    with pytest.raises(KeyError, match="hair-growth-cycle"):
        illustrations.get("no-such-drawing")
    assert illustrations.hair_pattern("norwood_3").path == "img/hair-patterns/norwood_3.svg"


def render(source, **context):
    return Template("{% load illustrations %}" + source).render(Context(context))


def test_figure_tag_renders_image_caption_and_size():
    html = render('{% figure "hair-growth-cycle" %}')
    entry = illustrations.get("hair-growth-cycle")
    assert html.strip().startswith('<figure class="figure">')
    assert f'src="{static(entry.path)}"' in html
    assert f'alt="{entry.alt}"' in html
    assert f'width="{entry.width}" height="{entry.height}"' in html
    assert 'loading="lazy"' in html
    assert f"<figcaption>{entry.caption}</figcaption>" in html


def test_figure_tag_takes_a_caption_for_its_context_and_eager_loading():
    html = render(
        '{% figure "results-over-time" caption=text loading="eager" css_class="figure--wide" %}',
        text="Results <differ>.",
    )
    assert "<figcaption>Results &lt;differ&gt;.</figcaption>" in html
    assert 'loading="eager"' in html
    assert 'class="figure figure--wide"' in html


def test_figure_tag_rejects_unknown_loading_values():
    with pytest.raises(TemplateSyntaxError):
        render('{% figure "hair-growth-cycle" loading="soon" %}')


def test_illustration_tag_can_be_decorative_beside_a_label():
    entry = illustrations.hair_pattern("ludwig_2")
    described = render('{% illustration "hair-pattern-ludwig_2" %}')
    decorative = render('{% illustration "hair-pattern-ludwig_2" decorative=True %}')
    assert f'alt="{entry.alt}"' in described
    assert 'alt=""' in decorative
    assert 'width="120" height="120"' in decorative
