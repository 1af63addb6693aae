"""Text normalization: repair mojibake, unify line breaks, bullets, dashes and whitespace.

Ingest decodes a file's bytes and hands the text here; every repair that changed something is
named, so ``documents.repairs`` says what was done to each document. Kept apart from reading
and decoding files: this is the one place a document's text is rewritten before every later
span points into it.
"""

from __future__ import annotations

import re

import ftfy

from resume_etl.nlp.word_shape import CJK_LETTERS
from resume_etl.stages.reflow import REPAIR as LINE_BREAKS
from resume_etl.stages.reflow import restore_line_breaks

# Line breaks are left to our own "line_endings" step, so the repair is named the same way
# whatever produced the text.
_FIXER = ftfy.TextFixerConfig(
    uncurl_quotes=False, fix_latin_ligatures=True, fix_line_breaks=False, explain=True
)

_BULLET_LINE = re.compile(r"^[ \t]*(?:[•●▪■◦‣∙○◆►▸➢✓✔]|[-–—*+·](?=[ \t]))[ \t]*(?=\S)", re.M)
_DASHES = re.compile(r"[‐‑‒–—―−]")
_UNICODE_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLES = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_EXTRA_BLANK_LINES = re.compile(r"\n{3,}")
_BYTE_ESCAPES = re.compile(r"(?:\\x[0-9a-fA-F]{2})+")
"""UTF-8 bytes written out as Python escapes ("\\xe2\\x80\\xa2" for "•"): text that went
through a bytes repr on its way from a PDF or a web form."""
_SYMBOL_FONT = re.compile(r"[\uf020-\uf0ff]")
"""Symbol and Wingdings glyphs a word processor maps to the private use area: bullets, ticks
and arrows in lists, read as a bullet."""
_CJK_SEPARATOR = re.compile(rf"[\u3001\u3002]|[,;:!?|)](?=[{CJK_LETTERS}])")
"""Chinese, Japanese and Korean text separates its fields with fullwidth punctuation and no
space ("学士，计算机科学，清华大学"). ftfy makes the fullwidth forms ASCII; the ideographic
comma and full stop are read as "," and ".", and every separator right before a CJK letter
gets a space after it, so the tokenizer and every rule see the fields ("学士, 计算机科学,
清华大学") as they see those of any other résumé."""
_IDEOGRAPHIC = {"\u3001": ",", "\u3002": "."}
_LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e\u2028\u2029]")
_LINE_BREAKS_AND_NEL = re.compile(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


_MAX_NORMALIZE_PASSES = 3
_NEL = "\x85"


def normalize(text: str) -> tuple[str, list[str]]:
    """Repair mojibake (ftfy) and normalize bullets, dashes and whitespace.

    Returns the text and the names of the repairs that changed something, so a user can see
    what was done to each document (``documents.repairs``). Repeats until nothing changes: a
    control character removed late can join the two halves of a mojibake pair ftfy skipped.
    """
    fixed, repairs = _normalize_once(text)
    if not repairs and _NEL not in text:
        # Nothing was rewritten, only line breaks at the ends stripped: every step reads line by
        # line or match by match, so a second pass would find nothing either (about 3% of a
        # run's CPU). NEL is the one exception: it counts as a break only in a text without
        # ``\n``, which stripping the ends can make (``_unify_line_breaks``).
        return fixed, repairs
    return _until_unchanged(fixed, repairs)


def _until_unchanged(fixed: str, repairs: list[str]) -> tuple[str, list[str]]:
    """More passes over a first pass's result, until one changes nothing (at most three in all)."""
    for _ in range(_MAX_NORMALIZE_PASSES - 1):
        again, more = _normalize_once(fixed)
        if again == fixed:
            break
        fixed = again
        repairs.extend(repair for repair in more if repair not in repairs)
    return fixed, repairs


def _decode_escape(found: re.Match[str]) -> str:
    raw = bytes.fromhex(found.group().replace("\\x", ""))
    if max(raw) < 0x80:  # "\\x01": an ASCII control, no character worth restoring
        return found.group()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return found.group()


def decode_byte_escapes(text: str) -> str:
    """Runs of escaped UTF-8 bytes decoded to their characters (before ftfy, which then repairs
    a run that was encoded twice); a Symbol-font glyph becomes a bullet."""
    if "\\x" in text:
        text = _BYTE_ESCAPES.sub(_decode_escape, text)
    return _SYMBOL_FONT.sub("•", text)


def _normalize_once(text: str) -> tuple[str, list[str]]:
    repairs: list[str] = []
    # Line breaks before ftfy, which takes form feeds and NELs for stray control characters.
    unified = _unify_line_breaks(text)
    if unified != text:
        repairs.append("line_endings")
    unescaped = decode_byte_escapes(unified)
    if unescaped != unified:
        repairs.append("byte_escapes")
        unified = unescaped
    fixed, explanation = ftfy.fix_and_explain(unified, config=_FIXER)
    if explanation:
        repairs.extend(f"ftfy:{action}:{detail}" for action, detail in explanation)
    steps = (
        ("invisible_chars", lambda s: _INVISIBLES.sub("", s)),
        ("control_chars", lambda s: _CONTROL.sub("", s.replace("\t", "    "))),
        ("spaces", lambda s: _UNICODE_SPACES.sub(" ", s)),
        ("dashes", lambda s: _DASHES.sub("-", s)),
        ("cjk_separators", _space_cjk_separators),
        (LINE_BREAKS, restore_line_breaks),  # before "bullets": restored lines may open with one
        ("bullets", lambda s: _BULLET_LINE.sub("- ", s)),
        ("trailing_whitespace", _strip_line_ends),
        ("blank_lines", lambda s: _EXTRA_BLANK_LINES.sub("\n\n", s)),
    )
    for name, step in steps:
        changed = step(fixed)
        if changed != fixed:
            repairs.append(name)
            fixed = changed
    return fixed.strip("\n"), repairs


def _space_cjk_separators(text: str) -> str:
    def separated(found: re.Match[str]) -> str:
        char = _IDEOGRAPHIC.get(found.group(), found.group())
        return char + " " if found.end() < len(text) and not text[found.end()].isspace() else char

    return _CJK_SEPARATOR.sub(separated, text)


def _unify_line_breaks(text: str) -> str:
    """Every line break Unicode knows becomes ``\n``.

    Word and web exports end lines with U+2028/U+2029, text converted from EBCDIC with NEL
    (U+0085), page breaks are form feeds: left as they were, the lines around them ran together
    into one and the document lost its entries. The set is ``str.splitlines``'s. NEL counts only
    in a text without ``\n`` or ``\r``: beside them it is mojibake of "…" (a cp1252 byte read
    as Latin-1), which ftfy repairs.
    """
    breaks = _LINE_BREAKS if "\n" in text or "\r" in text else _LINE_BREAKS_AND_NEL
    return breaks.sub("\n", text)


def _strip_line_ends(text: str) -> str:
    """Spaces at the ends of lines removed, in linear time.

    The regular expression ``[ \t]+$`` (multiline) this replaces retried from every space of a
    run that does not end its line: quadratic, minutes on one line of 200,000 spaces.
    """
    return "\n".join(line.rstrip(" \t") for line in text.split("\n"))
