"""StreamField blocks for patient information pages.

Each block matches one way the articles explain something (a section, a caution, the
steps of a procedure, a comparison, a question) and renders accessible markup of its own.
Rich text offers only the features the stylesheet styles.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils.html import format_html_join
from django.utils.text import slugify
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageBlock

# What the stylesheet styles inside text; headings are blocks of their own.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]

HEADING_LEVELS = [("h2", "Section heading (H2)"), ("h3", "Subsection heading (H3)")]


def nested_heading_level(parent_context) -> int:
    """The heading level for a titled block, as set by ContentBodyBlock (H2 when used alone)."""
    return min(int((parent_context or {}).get("heading_level", 2)), 6)


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=HEADING_LEVELS,
        default="h2",
        search_index=False,
        help_text="H2 starts a section; H3 divides a section. The page title is the only H1.",
    )

    class Meta:
        icon = "title"
        template = "content/blocks/heading.html"
        label_format = "{text}"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("information", "Information"), ("caution", "Caution")],
        default="information",
        search_index=False,
        help_text="Use “Caution” for limits and risks patients must not miss, e.g. “results vary”.",
    )
    title = blocks.CharBlock(max_length=120)
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        template = "content/blocks/callout.html"
        label_format = "{title}"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)


class StepsBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        max_length=120, required=False, help_text="Optional heading above the steps."
    )
    steps = blocks.ListBlock(StepBlock(), min_num=2)

    class Meta:
        icon = "list-ol"
        template = "content/blocks/steps.html"
        label = "Numbered steps"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        level = nested_heading_level(parent_context)
        context["heading_level"] = level
        # Step titles sit under the steps' own title when there is one.
        context["step_level"] = min(level + 1, 6) if value["title"] else level
        return context


class TableRowBlock(blocks.StructBlock):
    header = blocks.CharBlock(max_length=120, help_text="What this row compares.")
    cells = blocks.ListBlock(blocks.CharBlock(max_length=300), min_num=1)

    class Meta:
        label_format = "{header}"


class ComparisonTableBlock(blocks.StructBlock):
    """A small data table: one header row, one header cell per row, plain-text cells."""

    caption = blocks.CharBlock(
        max_length=200, help_text="Says what the table compares; read out first by screen readers."
    )
    row_header_label = blocks.CharBlock(
        max_length=80, help_text="Heading of the first column, e.g. “Aspect”."
    )
    column_headers = blocks.ListBlock(blocks.CharBlock(max_length=80), min_num=1)
    rows = blocks.ListBlock(TableRowBlock(), min_num=1)

    class Meta:
        icon = "table"
        template = "content/blocks/comparison_table.html"
        label_format = "{caption}"

    def clean(self, value):
        value = super().clean(value)
        columns = len(value["column_headers"])
        uneven = [
            f"“{row['header']}” has {len(row['cells'])}"
            for row in value["rows"]
            if len(row["cells"]) != columns
        ]
        if uneven:
            raise StructBlockValidationError(
                non_block_errors=[
                    ValidationError(
                        "Every row needs one cell per column (%(columns)s): %(rows)s.",
                        params={"columns": columns, "rows": "; ".join(uneven)},
                        code="uneven_table",
                    )
                ]
            )
        return value


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200)
    answer = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        template = "content/blocks/faq_item.html"
        label = "FAQ item"
        label_format = "{question}"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["heading_level"] = nested_heading_level(parent_context)
        return context


class FigureBlock(blocks.StructBlock):
    image = ImageBlock()
    caption = blocks.CharBlock(max_length=250, required=False)

    class Meta:
        icon = "image"
        template = "content/blocks/figure.html"
        label = "Image"


class IllustrationBlock(blocks.StructBlock):
    """A drawing shipped with the site's static files (an SVG under static/img/), with
    alt text and an optional caption. Uploaded photos use the Image block instead."""

    path = blocks.CharBlock(
        max_length=200,
        help_text="Path under the static folder, e.g. “img/illustrations/scalp.svg”.",
    )
    alt_text = blocks.CharBlock(
        max_length=250, help_text="What the picture shows, for people who cannot see it."
    )
    caption = blocks.CharBlock(max_length=250, required=False)

    class Meta:
        icon = "image"
        template = "content/blocks/illustration.html"
        label = "Illustration"

    def clean(self, value):
        value = super().clean(value)
        if not static_file_exists(value["path"]):
            raise StructBlockValidationError(
                block_errors={
                    "path": ValidationError(
                        "There is no static file “%(path)s”.", params={"path": value["path"]}
                    )
                }
            )
        return value


def static_file_exists(path: str) -> bool:
    from django.contrib.staticfiles import finders

    path = (path or "").strip()
    if not path or path.startswith(("/", "\\")) or ".." in path.split("/"):
        return False
    return finders.find(path) is not None


DOI_RE = r"^10\.\d{4,9}/\S+$"


class SourceBlock(blocks.StructBlock):
    """One entry in an article's list of sources, as a full citation."""

    authors = blocks.CharBlock(
        max_length=300,
        required=False,
        help_text="As in the paper, e.g. “Gentile P” or “Kuka G, Epstein J, Aronowitz J, et al.”."
        " Leave empty for a web page by an organisation.",
    )
    title = blocks.CharBlock(max_length=300)
    source = blocks.CharBlock(
        max_length=200, help_text="Journal, publisher or organisation, e.g. “Int J Mol Sci”."
    )
    year = blocks.IntegerBlock(min_value=1900)
    volume = blocks.CharBlock(max_length=40, required=False, help_text="E.g. “20(14)”.")
    pages = blocks.CharBlock(
        max_length=40, required=False, help_text="Pages or article number, e.g. “NP328–NP339”."
    )
    doi = blocks.RegexBlock(
        regex=DOI_RE,
        required=False,
        label="DOI",
        max_length=200,
        help_text="E.g. “10.3390/ijms20143446”, without “https://doi.org/”. Only one you have "
        "checked.",
        error_messages={"invalid": "A DOI looks like “10.1234/abcd”."},
    )
    pmid = blocks.RegexBlock(
        regex=r"^\d{1,9}$",
        required=False,
        label="PubMed ID",
        max_length=9,
        error_messages={"invalid": "A PubMed ID is a number."},
    )
    url = blocks.URLBlock(required=False, label="Link (optional)")

    class Meta:
        icon = "doc-full"
        label = "Source"
        label_format = "{title}"

    def clean(self, value):
        value = super().clean(value)
        # Checked here rather than as max_value, which would date the migrations.
        if value["year"] > datetime.date.today().year:
            raise StructBlockValidationError(
                block_errors={"year": ValidationError("A source cannot come from the future.")}
            )
        return value


class ContentBodyBlock(blocks.StreamBlock):
    """Body of articles and standard pages.

    Renders each block without wrapper markup and tells titled blocks (steps, FAQ items)
    which heading level they sit at, so the page outline stays H1 → H2 → H3 whatever
    order editors put blocks in.
    """

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, icon="pilcrow")
    callout = CalloutBlock()
    steps = StepsBlock()
    comparison_table = ComparisonTableBlock()
    faq = FaqItemBlock()
    image = FigureBlock()
    illustration = IllustrationBlock()

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        seen_section = False
        for index, child in enumerate(value):
            if child.block_type != "heading":
                continue
            if child.value["level"] == "h3" and not seen_section:
                errors[index] = ValidationError(
                    "A subsection heading (H3) needs a section heading (H2) above it.",
                    code="heading_order",
                )
            seen_section = True
        if errors:
            raise StreamBlockValidationError(block_errors=errors)
        return value

    def render_basic(self, value, context=None):
        rendered = []
        nested_level = 2  # titled blocks before the first heading sit right under the H1
        anchors = {index: anchor for index, anchor, _text in section_anchors(value)}
        for index, child in enumerate(value):
            if child.block_type == "heading":
                nested_level = 3 if child.value["level"] == "h2" else 4
            child_context = dict(context or {})
            child_context["heading_level"] = nested_level
            child_context["block_id"] = child.id
            child_context["anchor"] = anchors.get(index, "")
            rendered.append((child.render(context=child_context),))
        return format_html_join("\n", "{}", rendered)

    def words(self, value):
        """The words a reader reads in this body (for reading time)."""
        return " ".join(self.get_searchable_content(value)).split()


def section_anchors(value) -> list[tuple[int, str, str]]:
    """(position, anchor, text) of each section heading (H2) in a body, in order.

    The anchor is the heading's words as a slug ("what-prp-is"), numbered when two
    sections share a title, so the "On this page" list and the headings agree and a
    link to a section keeps working while its title does.
    """
    found, seen = [], set()
    for index, child in enumerate(value):
        if child.block_type != "heading" or child.value["level"] != "h2":
            continue
        text = child.value["text"]
        base = slugify(text) or "section"
        # Never clash with an id the page itself uses (e.g. "main-content").
        anchor, number = base, 1
        while anchor in seen or anchor in RESERVED_ANCHORS:
            number += 1
            anchor = f"{base}-{number}"
        seen.add(anchor)
        found.append((index, anchor, text))
    return found


RESERVED_ANCHORS = {
    "main-content",
    "page-contents",
    "page-contents-heading",
    "featured-heading",
    "footer-contact-heading",
    "footer-pages-heading",
    "footer-policies-heading",
    "page-feedback-comment",
    "page-feedback-comment-hint",
    "page-feedback-heading",
    "related-heading",
    "screening-cta-heading",
    "search-query",
    "sources-heading",
    "treatment-status-heading",
}


class StandardPageBodyBlock(ContentBodyBlock):
    clinic_details = blocks.StaticBlock(
        admin_text="Shows the clinic’s address, phone, email and opening hours "
        "from Settings → Clinic details.",
        template="content/blocks/clinic_details.html",
        icon="site",
    )
