"""Our own explanatory drawings: one entry per SVG, with what a reader is told about it.

Each drawing has a caption (what it shows, printed under it) and alt text (what it says,
for someone who cannot see it). They live here, once, so a template never types them:
`{% figure "hair-growth-cycle" %}` renders the <figure>, `{% illustration key %}` the bare
<img> (tags in clinic_site/templatetags/illustrations.py). Each SVG's <title> repeats the
alt text (checked by tests/clinic_site/test_illustrations.py), so the file explains
itself when opened on its own.

The SVGs use fixed colours (an <img> cannot read the page's CSS), chosen to read on the
light card the figure styles put behind them in both colour schemes.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Illustration:
    key: str
    path: str  # relative to the static root
    width: int  # the SVG's viewBox size: the <img> gets it so nothing shifts on load
    height: int
    alt: str
    caption: str


def _drawing(key, width, height, alt, caption):
    return Illustration(key, f"img/illustrations/{key}.svg", width, height, alt, caption)


def _pattern(code, alt, caption):
    return Illustration(
        f"hair-pattern-{code}", f"img/hair-patterns/{code}.svg", 120, 120, alt, caption
    )


DRAWINGS = (
    _drawing(
        "hair-growth-cycle",
        720,
        400,
        "Three drawings of one hair root under the skin. Growing: a long hair and a deep "
        "root. Stopping: the root shrinks and moves up. Resting: the old hair sits loose "
        "near the surface while a new hair starts below it.",
        "Each hair grows in a cycle. Growing (anagen) lasts years; stopping (catagen) "
        "takes a few weeks; resting (telogen) lasts a few months. Then the old hair "
        "falls out and a new one grows from the same root.",
    ),
    _drawing(
        "miniaturised-follicles",
        480,
        340,
        "Two hair roots side by side. On the left a healthy root sits deep in the skin "
        "and grows a thick hair. On the right a miniaturised root is small and shallow "
        "and grows only a short, fine hair.",
        "A miniaturised follicle is a hair root that has shrunk. It is still alive, but "
        "it grows only short, fine hairs. These roots are the ones regenerative treatment "
        "tries to support.",
    ),
    _drawing(
        "smooth-bald-areas",
        480,
        340,
        "Two patches of scalp seen in cross-section. On the left, thinning skin still "
        "has small roots with fine hairs. On the right, smooth skin has no roots and no "
        "hairs at all.",
        "Thinning skin still has fine hairs, so its roots are alive. A smooth bald area "
        "has no hairs at all: its roots have stopped working, and treatments that "
        "support roots cannot bring them back.",
    ),
    _drawing(
        "procedure-step-1-assessment",
        320,
        220,
        "A clinician's magnifying glass over the top of a head, beside a notepad.",
        "Step 1: consultation and assessment. A clinician looks at your scalp and asks "
        "about your health and your hair loss.",
    ),
    _drawing(
        "procedure-step-2-collecting",
        320,
        220,
        "A fine needle drawing a small amount of yellow fat, and next to it a tiny round "
        "punch taking a small plug of scalp skin.",
        "Step 2: collecting tissue. Either a small amount of fat or a tiny plug of scalp "
        "skin is taken, under local anaesthetic.",
    ),
    _drawing(
        "procedure-step-3-preparing",
        320,
        220,
        "A test tube in a spinning machine, with a layer of cells gathering in the tube.",
        "Step 3: preparing the cells. The tissue is processed in sterile conditions so "
        "that the useful cells can be collected.",
    ),
    _drawing(
        "procedure-step-4-injecting",
        320,
        220,
        "The top of a head with a thinning area, and a fine needle placing small "
        "injections into it.",
        "Step 4: injecting. The preparation is injected in small amounts into the "
        "thinning parts of the scalp.",
    ),
    _drawing(
        "cell-source-fat",
        320,
        220,
        "A fine tube drawing yellow fat from the tummy area, with a few cells shown "
        "enlarged beside it.",
        "From fat: a small amount of fat, usually from the tummy or thigh, holds cells "
        "that can be collected and prepared.",
    ),
    _drawing(
        "cell-source-scalp-punch",
        320,
        220,
        "A tiny round punch lifting a small plug of scalp skin with a few hairs in it.",
        "From a scalp punch: a plug of skin a few millimetres wide is taken from the back "
        "of the head, where hair is usually thick.",
    ),
    _drawing(
        "cell-source-cultured-medium",
        320,
        220,
        "A lab dish with cells growing in liquid. An arrow leads to a small bottle that "
        "holds only the liquid, with the cells crossed out.",
        "From a cultured-cell medium: cells are grown in a lab, then only the liquid "
        "they grew in is used. It contains no living cells.",
    ),
    _drawing(
        "results-over-time",
        560,
        380,
        "A 12-month timeline with no numbers for hair. Some shedding is possible in the "
        "first weeks. Up to 6 months it is too early to tell. From 6 to 12 months any "
        "change can be judged. Three lines show some gain, no change or less hair.",
        "What to expect over time. Some shedding is possible in the first weeks. Any "
        "change is judged at 6 to 12 months. Results vary between people, and some need "
        "a repeat treatment.",
    ),
)

HAIR_PATTERNS = (
    _pattern(
        "norwood_1",
        "Top view of a head, front at the top: a full head of hair with the hairline "
        "where it always was.",
        "Norwood stage 1: no real change at the hairline.",
    ),
    _pattern(
        "norwood_2",
        "Top view of a head, front at the top: the hairline has moved back a little at "
        "both temples.",
        "Norwood stage 2: slight recession at the temples.",
    ),
    _pattern(
        "norwood_3",
        "Top view of a head, front at the top: deep recession at both temples, giving "
        "an M shape; the crown is full.",
        "Norwood stage 3: deeper recession at the temples.",
    ),
    _pattern(
        "norwood_3v",
        "Top view of a head, front at the top: deep recession at both temples and a "
        "small thinning spot on the crown.",
        "Norwood stage 3 vertex: temple recession and a thinning crown.",
    ),
    _pattern(
        "norwood_4",
        "Top view of a head, front at the top: the front has receded further, and a "
        "bald patch on the crown is kept apart from it by a band of hair.",
        "Norwood stage 4: front and crown loss, separated by a band of hair.",
    ),
    _pattern(
        "norwood_5",
        "Top view of a head, front at the top: large bald areas at the front and on the "
        "crown, with only a thin band of hair between them.",
        "Norwood stage 5: larger front and crown areas, the band between them thinning.",
    ),
    _pattern(
        "norwood_6",
        "Top view of a head, front at the top: the bald areas at the front and crown "
        "have joined; hair remains at the sides and back.",
        "Norwood stage 6: front and crown joined.",
    ),
    _pattern(
        "norwood_7",
        "Top view of a head, front at the top: only a narrow horseshoe of hair remains "
        "around the sides and back.",
        "Norwood stage 7: a narrow band of hair at the sides and back.",
    ),
    _pattern(
        "ludwig_1",
        "Top view of a head, front at the top: the hairline is kept; the parting is a "
        "little wider, with mild thinning around it.",
        "Ludwig stage 1: a wider parting with mild thinning.",
    ),
    _pattern(
        "ludwig_2",
        "Top view of a head, front at the top: the hairline is kept; clear thinning "
        "across the top of the head around a wide parting.",
        "Ludwig stage 2: clear thinning across the top.",
    ),
    _pattern(
        "ludwig_3",
        "Top view of a head, front at the top: a fringe of hair at the front is kept; "
        "the top of the head is very thin, with scalp showing through.",
        "Ludwig stage 3: very thin hair across the top, front hairline kept.",
    ),
    _pattern(
        "diffuse",
        "Top view of a head, front at the top: hair evenly thin all over the head, with "
        "no bald patch and no clear pattern.",
        "Diffuse thinning: thin all over, with no clear pattern.",
    ),
    _pattern(
        "not_sure",
        "Outline of a head seen from above with a question mark: not sure which picture fits.",
        "Not sure which pattern fits.",
    ),
)

ILLUSTRATIONS = {illustration.key: illustration for illustration in DRAWINGS + HAIR_PATTERNS}


def get(key: str) -> Illustration:
    """The illustration called `key`; a KeyError names the known keys."""
    try:
        return ILLUSTRATIONS[key]
    except KeyError:
        known = ", ".join(sorted(ILLUSTRATIONS))
        raise KeyError(f"no illustration {key!r}; known: {known}") from None


def hair_pattern(code: str) -> Illustration:
    """The drawing of a `hair_loss_pattern` answer code, e.g. "norwood_3"."""
    return get(f"hair-pattern-{code}")


_BY_PATH = {illustration.path: illustration for illustration in ILLUSTRATIONS.values()}


def by_path(path: str) -> Illustration | None:
    """The registered drawing stored at `path` (relative to the static root), if any: an
    illustration block that points at one of ours gets its size, so nothing shifts."""
    return _BY_PATH.get((path or "").strip())
