"""HTML: the visible text of a page with lxml, its headings, list items and tables kept.

Scripts, styles, navigation, forms and hidden elements are dropped. ``<h1>``-``<h6>`` become
markdown ``#`` headings, ``<li>`` a ``- item`` line, a data table one ``| a | b |`` line per row
(a table laying out the page is read cell after cell), a link whose text hides its address
``[text](url)``; runs of white space collapse as a browser collapses them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from resume_etl.errors import ErrorCode
from resume_etl.stages.readers.base import ReaderError, Reading, import_extra, library_version
from resume_etl.vocab import SourceFormat

_DROPPED = (
    "script",
    "style",
    "nav",
    "noscript",
    "template",
    "svg",
    "head",
    "form",
    "button",
    "iframe",
    "object",
)
_BLOCKS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "body", "dd", "details", "div", "dl"),
        *("dt", "fieldset", "figcaption", "figure", "footer", "header", "hr", "html", "li"),
        *("main", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot"),
        *("tr", "ul"),
    }
)
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_CELL_BLOCKS = frozenset({"p", "ul", "ol", "div", "table", "h1", "h2", "h3", "h4", "h5", "h6"})
_SPACES = re.compile(r"\s+")
_UNFINISHED = re.compile(r"[^.!?:;]$")
"""A line not ending a sentence or a label: a block after it may be its sentence going on."""


@dataclass(slots=True)
class _Writer:
    """Lines being written; inline text gathers into the current line until a block ends."""

    lines: list[str] = field(default_factory=list)
    current: list[str] = field(default_factory=list)
    prefix: str = ""
    """Marker of the next line written: ``- `` once a list item opens."""

    def inline(self, text: str | None) -> None:
        if text:
            self.current.append(text)

    def end_line(self, prefix: str | None = None) -> None:
        text = _SPACES.sub(" ", "".join(self.current)).strip()
        self.current.clear()
        if text:
            marker = self.prefix if prefix is None else prefix
            if not marker and self._runs_on(text):
                self.lines.pop()  # the blank line: the block goes on the sentence before it
            self.lines.append(marker + text)
            self.prefix = ""

    def _runs_on(self, text: str) -> bool:
        """A paragraph opening in lower case right after a block whose last line left its
        sentence open ("...used by 9 labs" then a paragraph "in 4 countries"): one sentence
        that a conversion cut into two blocks, written on the next line as a wrap, not after
        a blank line that would make it an entry of its own."""
        return (
            text[:1].islower()
            and len(self.lines) >= 2
            and not self.lines[-1]
            and _UNFINISHED.search(self.lines[-2]) is not None
            and not self.lines[-2].startswith("#")
        )

    def blank(self) -> None:
        self.end_line()
        if self.lines and self.lines[-1]:
            self.lines.append("")


def read_html(data: bytes, decode: Callable[[bytes], tuple[str, str]]) -> Reading:
    """A page's visible text in document order; ``decode`` is ingest's own byte decoding."""
    lxml_html = import_extra("lxml.html", "html", "HTML")
    text, encoding = decode(data)
    try:
        parser = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True)
        root = lxml_html.document_fromstring(text.encode("utf-8"), parser=parser)
    except Exception as error:  # lxml raises ParserError or ValueError on an empty document
        raise ReaderError(
            ErrorCode.E040_CORRUPT_FILE, f"the HTML cannot be parsed: {error}"
        ) from error
    _drop_invisible(root)
    writer = _Writer()
    _walk(root, writer)
    writer.end_line()
    return Reading(
        text="\n".join(writer.lines),
        encoding=encoding,
        source_format=SourceFormat.HTML,
        reader=library_version("lxml"),
    )


def _drop_invisible(root: Any) -> None:
    doomed = [
        element
        for element in root.iter()
        if not isinstance(element.tag, str)
        or element.tag in _DROPPED
        or element.get("hidden") is not None
        or element.get("aria-hidden") == "true"
        or "display:none" in (element.get("style") or "").replace(" ", "")
    ]
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()


def _walk(element: Any, writer: _Writer) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _HEADINGS:
        writer.blank()
        writer.inline(_inline_text(element))
        writer.end_line("#" * _HEADINGS[tag] + " ")
    elif tag == "br":
        writer.end_line()
    elif tag == "a":
        writer.inline(_link_text(element))
    elif tag == "pre":
        writer.end_line()
        writer.lines.extend(element.text_content().splitlines())
    elif tag == "table" and _is_data_table(element):
        writer.blank()
        writer.lines.extend(_table_rows(element))
        writer.blank()
    elif tag in ("td", "th"):
        writer.blank()
        _children(element, writer)
        writer.blank()
    elif tag == "li":
        writer.end_line()
        writer.prefix = "- "
        _children(element, writer)
        writer.end_line()
        writer.prefix = ""
    elif tag in _BLOCKS:
        writer.end_line()
        _children(element, writer)
        if tag in ("p", "ul", "ol", "section", "article", "table", "dl"):
            writer.blank()
        else:
            writer.end_line()
    else:
        _children(element, writer)
    writer.inline(element.tail)


def _children(element: Any, writer: _Writer) -> None:
    writer.inline(element.text)
    for child in element:
        _walk(child, writer)


def _inline_text(element: Any) -> str:
    return _SPACES.sub(" ", element.text_content()).strip()


def _link_text(element: Any) -> str:
    text = _inline_text(element)
    href = (element.get("href") or "").strip()
    if href.startswith(("http://", "https://")) and href not in text:
        return f"[{text}]({href})" if text else href
    if href.startswith("mailto:") and href.removeprefix("mailto:") not in text:
        return f"{text} {href.removeprefix('mailto:')}".strip()
    return text


def _is_data_table(table: Any) -> bool:
    """A table of short cells holds data; one whose cells hold blocks lays out the page."""
    return not any(
        child.tag in _CELL_BLOCKS
        for cell in table.iter("td", "th")
        for child in cell
        if isinstance(child.tag, str)
    )


def _table_rows(table: Any) -> list[str]:
    rows = []
    for row in table.iter("tr"):
        cells = [_inline_text(cell).replace("|", "/") for cell in row if cell.tag in ("td", "th")]
        if any(cells):
            rows.append("| " + " | ".join(cells) + " |")
    return rows
