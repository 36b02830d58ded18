"""Read the site's initial content from Markdown files with YAML front matter.

One file per page (and per clinician and treatment) under a content directory, normally
``content/initial_content/`` (its README.md documents the conventions). The result is the
plain data the page loader (content/loader.py) builds the site from: body text becomes
``(block_type, value)`` pairs with rich text as HTML.

Front matter is read with python-frontmatter, the text with markdown-it-py (CommonMark
plus tables, no raw HTML) and its container plugin for the blocks that are more than
text: ``::: caution Title`` … ``:::`` and its siblings below.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import frontmatter
import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.container import container_plugin

from content.errors import ContentDataError

CALLOUT_KINDS = {"caution": "caution", "information": "information"}
CONTAINERS = [
    "caution",
    "information",
    "steps",
    "faq",
    "table",
    "figure",
    "illustration",
    "clinic-details",
]
# Containers that must say something after their name (a title, a question, a caption, a key).
TITLED = {"caution", "information", "faq", "table", "illustration"}


def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    for name in CONTAINERS:
        md.use(container_plugin, name=name)
    return md


MD = _markdown()


@dataclass
class Where:
    """A place in the content files, for error messages: “articles/faq.md, line 12”."""

    file: str
    line: int | None = None

    def at(self, token) -> Where:
        line = token.map[0] + 1 if getattr(token, "map", None) else self.line
        return Where(self.file, line)

    def __str__(self):
        return f"{self.file}, line {self.line}" if self.line else self.file


def render_rich_text(tokens) -> str:
    return MD.renderer.render(tokens, MD.options, {}).strip()


def inline_text(token) -> str:
    """The plain text of an inline token (emphasis and links reduced to their words)."""
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return " ".join("".join(parts).split())


def _block_end(tokens, start) -> int:
    """Index just past the token that closes the block opened at `start`."""
    if tokens[start].nesting != 1:
        return start + 1
    depth = 0
    for index in range(start, len(tokens)):
        depth += tokens[index].nesting
        if depth == 0:
            return index + 1
    return len(tokens)


def _container_name(token) -> str:
    return token.type[len("container_") : -len("_open")]


def _container_title(token, name) -> str:
    return token.info.strip()[len(name) :].strip()


def body_blocks(text: str, where: Where) -> list[tuple[str, object]]:
    """Markdown text as the loader's (block_type, value) pairs."""
    tokens = MD.parse(text)
    blocks: list[tuple[str, object]] = []
    run: list = []  # consecutive paragraphs and lists: one rich-text block

    def flush():
        if run:
            blocks.append(("paragraph", render_rich_text(run)))
            run.clear()

    index = 0
    while index < len(tokens):
        token = tokens[index]
        end = _block_end(tokens, index)
        here = where.at(token)
        if token.type == "heading_open":
            flush()
            text_ = inline_text(tokens[index + 1])
            if token.tag == "h2":
                blocks.append(("heading", text_))
            elif token.tag == "h3":
                blocks.append(("subheading", text_))
            else:
                raise ContentDataError(
                    f"{here}: “{token.markup} {text_}”: the body uses ## for sections and ### "
                    "for subsections (the title, in the front matter, is the only level 1)"
                )
        elif token.type.startswith("container_") and token.type.endswith("_open"):
            flush()
            blocks.append(_container(token, tokens[index + 1 : end - 1], here))
        elif token.type == "paragraph_open" and tokens[index + 1].content.startswith(":::"):
            raise ContentDataError(
                f"{here}: unknown or unclosed block “{tokens[index + 1].content.splitlines()[0]}”"
                f" (known: {', '.join(CONTAINERS)}; close each with a line of :::)"
            )
        elif token.type in ("paragraph_open", "bullet_list_open", "ordered_list_open"):
            run.extend(tokens[index:end])
        else:
            raise ContentDataError(
                f"{here}: Markdown “{token.type.removesuffix('_open')}” has no place in a page "
                "body (use paragraphs, lists, ## headings and the ::: blocks in the README)"
            )
        index = end
    flush()
    return blocks


def _container(open_token, inner, where):
    name = _container_name(open_token)
    title = _container_title(open_token, name)
    if name in TITLED and not title:
        raise ContentDataError(f"{where}: “::: {name}” needs a title after its name")
    if name in CALLOUT_KINDS:
        return ("callout", {"kind": name, "title": title, "text": render_rich_text(inner)})
    if name == "faq":
        return ("faq", {"question": title, "answer": render_rich_text(inner)})
    if name == "steps":
        return ("steps", {"title": title, "steps": _steps(inner, where)})
    if name == "table":
        return ("comparison_table", _table(title, inner, where))
    if name == "figure":
        return ("illustration", _figure(title, inner, where))
    if name == "illustration":
        return ("illustration", _registered_illustration(title, inner, where))
    if inner:
        raise ContentDataError(f"{where}: “::: {name}” takes no text")
    return ("clinic_details", None)


def _steps(inner, where):
    steps, index = [], 0
    while index < len(inner):
        token = inner[index]
        if token.type != "heading_open":
            raise ContentDataError(
                f"{where.at(token)}: each step starts with a #### heading (its title)"
            )
        title = inline_text(inner[index + 1])
        start = _block_end(inner, index)
        end = start
        while end < len(inner) and inner[end].type != "heading_open":
            end = _block_end(inner, end)
        steps.append({"title": title, "text": render_rich_text(inner[start:end])})
        index = end
    if len(steps) < 2:
        raise ContentDataError(f"{where}: “::: steps” needs at least two #### steps")
    return steps


def _table(caption, inner, where):
    rows, header = [], None
    for index, token in enumerate(inner):
        if token.type == "tr_open":
            cells = [
                inline_text(inner[cell + 1])
                for cell in range(index, _block_end(inner, index))
                if inner[cell].type in ("th_open", "td_open")
            ]
            if header is None:
                header = cells
            else:
                rows.append({"header": cells[0], "cells": cells[1:]})
    if header is None or len(header) < 2 or not rows:
        raise ContentDataError(
            f"{where}: “::: table” needs a Markdown table with a header row, at least two "
            "columns and one row"
        )
    return {
        "caption": caption,
        "row_header_label": header[0],
        "column_headers": header[1:],
        "rows": rows,
    }


def _figure(caption, inner, where):
    images = [
        child
        for token in inner
        if token.type == "inline"
        for child in token.children or []
        if child.type == "image"
    ]
    if len(images) != 1:
        raise ContentDataError(f"{where}: “::: figure” holds exactly one ![alt text](path) image")
    image = images[0]
    alt = inline_text(image) or image.content
    if not alt.strip():
        raise ContentDataError(f"{where}: the figure's image needs alt text: ![what it shows](…)")
    return {"path": image.attrs.get("src", ""), "alt_text": alt.strip(), "caption": caption}


def _registered_illustration(key, inner, where):
    """One of our own drawings by its key in clinic_site/illustrations.py, with the alt
    text and caption written there once."""
    from clinic_site import illustrations

    if inner:
        raise ContentDataError(
            f"{where}: “::: illustration {key}” takes no text (its caption and alt text "
            "come from clinic_site/illustrations.py)"
        )
    try:
        drawing = illustrations.get(key)
    except KeyError as error:
        raise ContentDataError(f"{where}: {error.args[0]}") from None
    return {"path": drawing.path, "alt_text": drawing.alt, "caption": drawing.caption}


def _as_date(value, where, field):
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value) if value is not None else value


def read(path: Path, root: Path):
    """A file's front matter (dict) and text, with the file's name for messages."""
    where = Where(str(path.relative_to(root)))
    try:
        post = frontmatter.load(path)
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise ContentDataError(f"{where}: the front matter is not valid YAML ({error})") from None
    return dict(post.metadata), post.content, where


def _require(meta, where, *fields):
    missing = [field for field in fields if meta.get(field) in (None, "", [])]
    if missing:
        raise ContentDataError(f"{where}: the front matter needs {', '.join(missing)}")


def _sorted_markdown(directory: Path) -> list[Path]:
    return sorted(path for path in directory.glob("*.md") if not path.name.startswith("_"))


def load_directory(root: Path) -> SimpleNamespace:
    """Everything under `root`, in the loader's data format (see content/loader.py)."""
    root = Path(root)
    return SimpleNamespace(
        CLINICIANS=[_clinician(path, root) for path in _sorted_markdown(root / "clinicians")],
        TREATMENTS=[_treatment(path, root) for path in _sorted_markdown(root / "treatments")],
        HOME=_home(root / "home.md", root),
        ARTICLE_INDEX=_article_index(root / "articles.md", root),
        ARTICLES=[_article(path, root) for path in _sorted_markdown(root / "articles")],
        STANDARD_PAGES=[_standard_page(path, root) for path in _sorted_markdown(root / "pages")],
    )


def _plain(text: str) -> str:
    return " ".join(text.split())


def _clinician(path, root):
    meta, text, where = read(path, root)
    _require(
        meta,
        where,
        "key",
        "name",
        "qualifications",
        "registration_body",
        "registration_number",
        "register_url",
    )
    return {**meta, "biography": _plain(text), "source": str(where)}


def _treatment(path, root):
    meta, text, where = read(path, root)
    _require(
        meta,
        where,
        "slug",
        "name",
        "device_or_process",
        "what_is_injected",
        "classification",
        "price_range",
        "what_this_is_not",
        "registrations",
    )
    return {**meta, "what_is_done": _plain(text), "source": str(where)}


def _home(path, root):
    meta, text, where = read(path, root)
    _require(meta, where, "title", "evidence_summary")
    return {
        **meta,
        "intro": render_rich_text(MD.parse(text)),
        "featured": list(meta.get("featured") or []),
        "source": str(where),
    }


def _article_index(path, root):
    meta, text, where = read(path, root)
    _require(meta, where, "title", "slug", "summary")
    return {**meta, "intro": render_rich_text(MD.parse(text)), "source": str(where)}


def _article(path, root):
    meta, text, where = read(path, root)
    _require(
        meta,
        where,
        "title",
        "slug",
        "summary",
        "reviewer",
        "last_reviewed",
        "next_review_due",
        "references",
    )
    return {
        **meta,
        "reviewed_by": meta["reviewer"],
        "last_reviewed": _as_date(meta["last_reviewed"], where, "last_reviewed"),
        "next_review_due": _as_date(meta["next_review_due"], where, "next_review_due"),
        "related": list(meta.get("related") or []),
        "body": body_blocks(text, where),
        "source": str(where),
    }


def _standard_page(path, root):
    meta, text, where = read(path, root)
    _require(meta, where, "title", "slug", "summary")
    page_type = meta.get("type", "standard")
    if page_type not in ("standard", "clinicians"):
        raise ContentDataError(f"{where}: type must be “standard” or “clinicians”")
    if page_type == "clinicians":
        return {
            **meta,
            "type": page_type,
            "intro": render_rich_text(MD.parse(text)),
            "source": str(where),
        }
    return {**meta, "type": page_type, "body": body_blocks(text, where), "source": str(where)}
