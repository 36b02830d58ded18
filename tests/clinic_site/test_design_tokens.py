"""The colour tokens in static/css/site.css: every declared pairing meets WCAG 2.2 AA
contrast in the light and the dark scheme, and the rest of the stylesheet uses tokens.

The pairings are data in the stylesheet's header comment (between @contrast-pairs and
@end-contrast-pairs): "<foreground> on <background> <kind>", where kind "text" needs
4.5:1 and "large" or "ui" (large text, borders, focus rings) need 3:1.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings

SITE_CSS = Path(settings.BASE_DIR) / "static" / "css" / "site.css"
REQUIRED_RATIO = {"text": 4.5, "large": 3.0, "ui": 3.0}
HEX = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}\b")
FUNCTIONAL_COLOUR = re.compile(r"\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(")


def relative_luminance(hex_colour):
    value = hex_colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground, background):
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def block_after(css, opening):
    """The text between the `{` that ends `opening` and its matching `}`."""
    start = css.index(opening) + len(opening)
    depth = 1
    for position in range(start, len(css)):
        if css[position] == "{":
            depth += 1
        elif css[position] == "}":
            depth -= 1
            if depth == 0:
                return css[start:position]
    raise AssertionError(f"unclosed block after {opening!r}")


def colour_tokens(block):
    return dict(re.findall(r"--colour-([a-z0-9-]+):\s*(#[0-9a-fA-F]{3,6})\s*;", block))


def parse(css):
    light = colour_tokens(block_after(css, ":root {"))
    dark_media = block_after(css, "@media screen and (prefers-color-scheme: dark) {")
    dark = {**light, **colour_tokens(block_after(dark_media, ":root {"))}
    listed = css[css.index("@contrast-pairs") : css.index("@end-contrast-pairs")]
    pairs = re.findall(r"^\s*\*\s+([a-z0-9-]+)\s+on\s+([a-z0-9-]+)\s+(\w+)\s*$", listed, re.M)
    return {"light": light, "dark": dark}, pairs


CSS = SITE_CSS.read_text(encoding="utf-8")
SCHEMES, PAIRS = parse(CSS)


def test_the_formula_matches_known_wcag_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_the_stylesheet_declares_tokens_for_both_schemes_and_a_list_of_pairings():
    assert len(SCHEMES["light"]) >= 20
    overridden = colour_tokens(
        block_after(block_after(CSS, "@media screen and (prefers-color-scheme: dark) {"), ":root {")
    )
    # The dark scheme really is different: every surface and text colour is redefined.
    for token in ("text", "muted", "bg", "bg-soft", "surface", "link", "border"):
        assert overridden[token] != SCHEMES["light"][token], token
    assert len(PAIRS) >= 30


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("foreground", "background", "kind"), PAIRS)
def test_every_declared_pairing_has_enough_contrast(scheme, foreground, background, kind):
    tokens = SCHEMES[scheme]
    assert kind in REQUIRED_RATIO, f"unknown kind {kind!r}"
    assert foreground in tokens, f"--colour-{foreground} is not a token"
    assert background in tokens, f"--colour-{background} is not a token"
    ratio = contrast_ratio(tokens[foreground], tokens[background])
    assert ratio >= REQUIRED_RATIO[kind], (
        f"{scheme}: --colour-{foreground} {tokens[foreground]} on --colour-{background} "
        f"{tokens[background]} is {ratio:.2f}:1, needs {REQUIRED_RATIO[kind]}:1 for {kind}"
    )


def test_every_text_colour_token_is_checked_against_the_page_background():
    checked = {(fg, bg) for fg, bg, _kind in PAIRS}
    for token in ("text", "heading", "muted", "link", "link-visited", "link-hover", "error"):
        assert (token, "bg") in checked, token


def test_rules_use_tokens_not_colour_literals():
    """Outside the token blocks and the print styles (black on white paper), a colour
    literal would escape both the dark scheme and the contrast check."""
    rules = CSS
    rules = rules.replace(block_after(rules, ":root {"), "", 1)
    rules = rules.replace(
        block_after(rules, "@media screen and (prefers-color-scheme: dark) {"), "", 1
    )
    rules = rules.replace(block_after(rules, "@media print {"), "", 1)
    rules = re.sub(r"/\*.*?\*/", "", rules, flags=re.S)
    assert HEX.findall(rules) == []
    assert FUNCTIONAL_COLOUR.findall(rules) == []
    assert not re.search(r":\s*(?:white|black)\b", rules)


def test_a_failing_pairing_would_be_caught():
    """The check itself can fail: a light-grey text token on white does."""
    css = CSS.replace("--colour-muted: #4a5a66;", "--colour-muted: #aaaaaa;", 1)
    schemes, pairs = parse(css)
    failures = [
        (fg, bg)
        for fg, bg, kind in pairs
        if contrast_ratio(schemes["light"][fg], schemes["light"][bg]) < REQUIRED_RATIO[kind]
    ]
    assert ("muted", "bg") in failures
