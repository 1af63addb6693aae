"""Ingest: find input files, decode them robustly, then normalize the text (``normalize.py``).

Output per file is a ``DocumentRecord`` (the text every later span points into) or a
``QuarantineRecord`` saying why the file could not be read. Nothing raises past a file.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import stat
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from resume_etl.config import IngestSettings
from resume_etl.errors import ErrorCode
from resume_etl.ids import doc_id_for
from resume_etl.records import DocumentRecord, QuarantineRecord
from resume_etl.stages.decoding import choose_legacy, utf8_behind_utf16_bom
from resume_etl.stages.normalize import normalize
from resume_etl.stages.readers import ReaderError, read_formatted, source_info
from resume_etl.vocab import Stage

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG"),
    (b"PK\x03\x04", "ZIP archive (or DOCX)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"\xd0\xcf\x11\xe0", "OLE document (DOC/XLS)"),
    (b"\x7fELF", "ELF executable"),
)


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str
    doubt: str | None = None
    """Why the encoding may be the wrong one (legacy files only); None when it is certain."""


class IngestError(Exception):
    """A file that cannot become a document; carries the quarantine code."""

    def __init__(self, code: ErrorCode, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def discover(paths: Iterable[Path], settings: IngestSettings) -> Iterator[Path]:
    """Yield input files in a stable order: given files as they are, folders searched.

    Folders are walked without following symlinked folders, so a symlink loop cannot trap the
    run; symlinked files are read.
    """
    for path in paths:
        if path.is_dir():
            yield from _walk(path, settings.extensions)
        else:
            yield path


def _walk(folder: Path, extensions: tuple[str, ...]) -> Iterator[Path]:
    """The folder's input files, and every folder inside it that could not be listed.

    A folder that cannot be listed (no permission, an I/O error) is yielded itself, in place of
    the files it hides: reading it quarantines it (E005), so it is reported, and the plan knows
    its stored documents were not seen (``--prune`` keeps them).
    """
    found: list[Path] = []

    def unlisted(error: OSError) -> None:
        if error.filename is not None:
            found.append(Path(os.fsdecode(error.filename)))

    for root, dirs, files in os.walk(folder, onerror=unlisted, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(
            Path(root) / name
            for name in files
            if not name.startswith(".") and name.lower().endswith(extensions)
        )
    yield from sorted(found)


def unread_endings(paths: Iterable[Path], settings: IngestSettings) -> dict[str, int]:
    """Files the folders among ``paths`` hold but ``discover`` passes over, by file ending.

    A folder is read for the endings in ``ingest.extensions`` only; the rest (a ``.doc``, an
    ``.rtf``, or a ``.pdf`` a pipeline left out) are counted so the run can say so instead of
    skipping them without a word. Hidden files and folders are left out, as ``discover`` does.
    """
    counts: Counter[str] = Counter()
    for path in paths:
        if not path.is_dir():
            continue
        for _root, dirs, files in os.walk(path, followlinks=False):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            counts.update(
                Path(name).suffix.lower() or "(no ending)"
                for name in files
                if not name.startswith(".") and not name.lower().endswith(settings.extensions)
            )
    return dict(sorted(counts.items()))


def decode(data: bytes, preferred_legacy: tuple[str, ...]) -> DecodedText:
    """Decode bytes: BOMs, then UTF-8, then UTF-16 without BOM, then a detected encoding."""
    stray_bom = utf8_behind_utf16_bom(data)
    if stray_bom is not None:
        return DecodedText(stray_bom, "utf-8")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return DecodedText(
                data.decode(encoding, errors="replace"), encoding.removesuffix("-sig")
            )
    for magic, kind in _BINARY_MAGIC:
        if data.startswith(magic):
            raise IngestError(ErrorCode.E002_BINARY, f"the file is a {kind}, not text")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    utf16 = _try_utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if data.count(0) > len(data) // 100:
        raise IngestError(ErrorCode.E002_BINARY, "the file holds NUL bytes in no text encoding")
    return _decode_legacy(data, preferred_legacy)


def _try_utf16_without_bom(data: bytes) -> DecodedText | None:
    """UTF-16 text of mostly ASCII has a NUL in every other byte; which half tells the order."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    half = len(data) // 2
    for nuls, encoding in ((odd_nuls, "utf-16-le"), (even_nuls, "utf-16-be")):
        if nuls > half * 0.6:
            try:
                return DecodedText(data.decode(encoding), encoding)
            except UnicodeDecodeError:
                return None
    return None


def _decode_legacy(data: bytes, preferred_legacy: tuple[str, ...]) -> DecodedText:
    """The most plausible legacy reading (``decoding.py``); garbled in every one: quarantined."""
    choice = choose_legacy(data, preferred_legacy)
    if choice is None:
        raise IngestError(ErrorCode.E003_UNDECODABLE, "no text encoding fits the bytes")
    reading = choice.reading
    if choice.garbled:
        raise IngestError(
            ErrorCode.E003_UNDECODABLE,
            f"every text encoding tried gives garbled text (best: {reading.encoding}, "
            f"{reading.garble:.0%} of the letters odd)",
        )
    return DecodedText(reading.text(), reading.encoding, choice.doubt)


def person_key_for(
    path: Path, settings: IngestSettings, root: Path | None = None, anchor: Path | None = None
) -> str:
    """The key of the person ``path`` is about: it survives edits, which change ``doc_id``.

    By default a hash of the file's resolved path relative to ``anchor``, the run's output
    folder: ``raw/a.md``, ``./raw/a.md`` and ``/home/me/raw/a.md`` are one person whatever the
    working directory, and a project folder moved or copied with its inputs and output keeps
    its keys. ``person_key = "name"`` hashes the file name only. Sixteen hex digits, like a
    ``doc_id``: a safe folder name that does not show the file name (often the person's).
    """
    located = path if root is None else root / path
    if settings.person_key == "name":
        source = located.name
    else:
        source = os.path.realpath(located)
        if anchor is not None:
            source = Path(os.path.relpath(source, os.path.realpath(anchor))).as_posix()
    return hashlib.sha256(f"{settings.person_key}:{source}".encode()).hexdigest()[:16]


def read_document(
    path: Path, settings: IngestSettings, root: Path | None = None, anchor: Path | None = None
) -> DocumentRecord | QuarantineRecord:
    """Read one file into a document, or say why it cannot be one.

    A relative ``path`` is read from ``root`` when given: a Dask worker runs in another working
    directory than the driver that named the file. The rows still name it ``path``, as the user
    did, so the tables do not depend on where the file was read.
    """
    content_sha256: str | None = None
    try:
        data = _read_bytes(path if root is None else root / path, settings.max_bytes)
        content_sha256 = hashlib.sha256(data).hexdigest()
        formatted = read_formatted(path, data, settings, _decoder(settings))
        decoded = (
            DecodedText(formatted.text, formatted.encoding)
            if formatted is not None
            else decode(data, settings.preferred_legacy_encodings)
        )
        _check_length(decoded.text, settings.max_chars)  # before the costly repairs
        text, repairs = normalize(decoded.text)
        _check_length(text, settings.max_chars)
        if not text.strip():
            raise IngestError(ErrorCode.E001_EMPTY, "the file has no text")
    except (IngestError, ReaderError) as error:
        return QuarantineRecord(
            source_path=str(path),
            content_sha256=content_sha256,
            stage=Stage.INGEST,
            error_code=error.code,
            error_type=type(error).__name__,
            reason=error.reason,
        )
    source = source_info(path, formatted)
    return DocumentRecord(
        doc_id=doc_id_for(text),
        source_path=str(path),
        person_key=person_key_for(path, settings, root, anchor),
        content_sha256=content_sha256,
        size_bytes=len(data),
        encoding=decoded.encoding,
        encoding_doubt=decoded.doubt,
        source_format=source.source_format,
        reader=source.reader,
        page_count=source.page_count,
        repairs=[*(formatted.repairs if formatted else ()), *repairs],
        text=text,
        char_count=len(text),
        line_count=text.count("\n") + 1,
    )


def _decoder(settings: IngestSettings) -> Callable[[bytes], tuple[str, str]]:
    """Ingest's decoding, handed to the readers of text-based formats (HTML)."""

    def decode_bytes(data: bytes) -> tuple[str, str]:
        decoded = decode(data, settings.preferred_legacy_encodings)
        return decoded.text, decoded.encoding

    return decode_bytes


def _check_length(text: str, max_chars: int) -> None:
    if len(text) > max_chars:
        raise IngestError(
            ErrorCode.E004_TOO_LARGE,
            f"the text has {len(text)} characters, more than ingest.max_chars={max_chars}",
        )


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """At most ``max_bytes + 1`` bytes of a regular file.

    Opened non-blocking and checked before reading, so a FIFO or device named ``*.txt`` is
    quarantined instead of hanging the run.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        # a folder without read permission fails here, before fstat could tell it is one
        reason = _folder_reason(path) if path.is_dir() else f"cannot read the file: {error}"
        raise IngestError(ErrorCode.E005_UNREADABLE, reason) from error
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise IngestError(ErrorCode.E005_UNREADABLE, _folder_reason(path))
        if not stat.S_ISREG(mode):
            raise IngestError(ErrorCode.E005_UNREADABLE, "not a regular file (a FIFO, a device?)")
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise IngestError(ErrorCode.E005_UNREADABLE, f"cannot read the file: {error}") from error
    finally:
        os.close(descriptor)
    if len(data) > max_bytes:
        raise IngestError(
            ErrorCode.E004_TOO_LARGE, f"the file is larger than ingest.max_bytes={max_bytes}"
        )
    return data


def _folder_reason(folder: Path) -> str:
    """Why a folder is an input: discovery hands one over only when it could not list it."""
    try:
        with os.scandir(folder):
            pass
    except OSError as error:
        return f"cannot list the folder, so its files were not read: {error}"
    return "a folder, not a file"


def ingest(
    paths: Iterable[Path], settings: IngestSettings
) -> Iterator[DocumentRecord | QuarantineRecord]:
    """Stage entry point: one outcome per discovered file, in a stable order."""
    for path in discover(paths, settings):
        yield read_document(path, settings)
