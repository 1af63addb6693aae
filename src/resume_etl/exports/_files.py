"""Writing export files safely: atomically, only inside ``--out``, never through a link.

An export folder is often shared (a web root, a synced folder), so what lies in it cannot be
trusted. Every step below ``--out`` works on open directory descriptors with ``O_NOFOLLOW``:
a symbolic link where a document folder or a file should be stops the export with E131 and the
file it points to is never opened; a plain file where a folder should be is E130, a folder where
the file should be E132. ``--out`` itself may be a link (the user named it).

A file is written to a hidden temporary name in its own folder, flushed to disk, then renamed
over the target, so a reader (or a killed export) sees the old file or the new one, never half
of one. A killed export can leave a ``.<name>.<random>.tmp`` file beside the target; nothing reads
it, and it can be deleted.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from resume_etl._faults import checkpoint
from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.ids import DOC_ID

KILL_POINT = "export.chunk"
"""Fault-injection point reached after each chunk is written to a temporary file."""

_DIRECTORY_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC
_NEW_FILE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC


@dataclass(frozen=True)
class ExportFolder:
    """An open folder of the export: its descriptor, and its path for messages."""

    fd: int
    path: Path


@contextmanager
def export_root(path: Path) -> Iterator[ExportFolder]:
    """Open ``--out`` (created with its parents if missing) for the writes below it."""
    with _coded_os_errors(path):
        try:
            path.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, _DIRECTORY_FLAGS)
        except (FileExistsError, NotADirectoryError) as error:
            raise ResumeEtlError(
                ErrorCode.E130_EXPORT_NOT_A_FOLDER,
                f"{_blocking_path(path)} is a file, but the export needs a folder there",
            ) from error
    try:
        yield ExportFolder(fd, path)
    finally:
        os.close(fd)


@contextmanager
def subfolder(parent: ExportFolder, name: str) -> Iterator[ExportFolder]:
    """Open (or create) the folder ``name`` inside ``parent`` without following a link."""
    path = parent.path / name
    _check_plain_name(name, path)
    with _coded_os_errors(path):
        with suppress(FileExistsError):
            os.mkdir(name, dir_fd=parent.fd)
        _refuse_link(parent, name, path)
        try:
            fd = os.open(name, _DIRECTORY_FLAGS | os.O_NOFOLLOW, dir_fd=parent.fd)
        except OSError as error:
            if error.errno not in (errno.ENOTDIR, errno.ELOOP):
                raise
            _refuse_link(parent, name, path)
            raise ResumeEtlError(
                ErrorCode.E130_EXPORT_NOT_A_FOLDER,
                f"{path} is a file, but the export needs a folder there",
            ) from error
    try:
        yield ExportFolder(fd, path)
    finally:
        os.close(fd)


def write_atomically(folder: ExportFolder, name: str, chunks: Iterable[str]) -> Path:
    """Write ``chunks`` (UTF-8) to ``folder/name`` through a temporary file and a rename."""
    path = folder.path / name
    _check_plain_name(name, path)
    with _coded_os_errors(path):
        _refuse_link(folder, name, path)
        _refuse_folder(folder, name, path)
        temporary = f".{name}.{secrets.token_hex(6)}.tmp"
        fd = os.open(temporary, _NEW_FILE_FLAGS, 0o666, dir_fd=folder.fd)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as stream:
                for chunk in chunks:
                    stream.write(chunk)
                    checkpoint(KILL_POINT)
                stream.flush()
                os.fsync(stream.fileno())
            # rename() replaces a link that appeared since the check; it never writes through it.
            os.rename(temporary, name, src_dir_fd=folder.fd, dst_dir_fd=folder.fd)
        except BaseException:
            _remove_quietly(folder, temporary)
            raise
    return path


def remove_stale(
    root: ExportFolder, keep: Collection[str], file_name: str, is_ours: Callable[[str], bool]
) -> list[Path]:
    """Remove ``<folder>/file_name`` from every id-named folder of ``root`` not in ``keep``.

    A folder an earlier export wrote for a person the tables no longer hold (or under an id an
    older version used) would otherwise stay beside the current ones. Only a plain file whose
    text ``is_ours`` is removed, then the folder if that left it empty: files a site added next
    to it, links and folders with other names are left alone. Returns the files removed.
    """
    removed = []
    with _coded_os_errors(root.path):
        for name in sorted(os.listdir(root.fd)):
            mode = _mode_of(root, name)
            if name in keep or not DOC_ID.fullmatch(name) or mode is None:
                continue
            if not stat.S_ISDIR(mode):
                continue
            with subfolder(root, name) as folder:
                if not _is_our_file(folder, file_name, is_ours):
                    continue
                os.unlink(file_name, dir_fd=folder.fd)
            removed.append(root.path / name / file_name)
            with suppress(OSError):  # not empty: the site keeps its own files there
                os.rmdir(name, dir_fd=root.fd)
    return removed


def read_lines(folder: ExportFolder, name: str) -> Iterator[str]:
    """The lines of the plain file ``folder/name``; none when it is missing or not a plain file.

    Opened without following a link, as every write here is.
    """
    mode = _mode_of(folder, name)
    if mode is None or not stat.S_ISREG(mode):
        return
    fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=folder.fd)
    with os.fdopen(fd, encoding="utf-8", errors="replace") as stream:
        yield from stream


def _is_our_file(folder: ExportFolder, name: str, is_ours: Callable[[str], bool]) -> bool:
    mode = _mode_of(folder, name)
    if mode is None or not stat.S_ISREG(mode):
        return False
    fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=folder.fd)
    with os.fdopen(fd, encoding="utf-8", errors="replace") as stream:
        return is_ours(stream.read())


def _refuse_link(folder: ExportFolder, name: str, path: Path) -> None:
    mode = _mode_of(folder, name)
    if mode is not None and stat.S_ISLNK(mode):
        target = os.readlink(name, dir_fd=folder.fd)
        raise ResumeEtlError(
            ErrorCode.E131_EXPORT_SYMLINK,
            f"{path} is a symbolic link (to {target}); the export does not write through it",
        )


def _refuse_folder(folder: ExportFolder, name: str, path: Path) -> None:
    mode = _mode_of(folder, name)
    if mode is not None and stat.S_ISDIR(mode):
        raise ResumeEtlError(
            ErrorCode.E132_EXPORT_NOT_A_FILE,
            f"{path} is a folder, but the export writes a file there",
        )


def _mode_of(folder: ExportFolder, name: str) -> int | None:
    """The entry's own mode (a link's, not its target's); None when there is no entry."""
    try:
        return os.stat(name, dir_fd=folder.fd, follow_symlinks=False).st_mode
    except FileNotFoundError:
        return None


def _check_plain_name(name: str, path: Path) -> None:
    """A name from the tables (a ``doc_id``) must not lead out of the export folder."""
    if not name or name in {".", ".."} or "/" in name or "\0" in name or os.sep in name:
        raise ResumeEtlError(
            ErrorCode.E131_EXPORT_SYMLINK,
            f"{path} would leave the export folder; the name {name!r} is not a plain file name",
        )


def _blocking_path(path: Path) -> Path:
    """The first existing non-folder on the way to ``path`` (itself, or one of its parents)."""
    for candidate in [*reversed(path.parents), path]:
        if candidate.exists() and not candidate.is_dir():
            return candidate
    return path


def _remove_quietly(folder: ExportFolder, name: str) -> None:
    with suppress(FileNotFoundError):
        os.unlink(name, dir_fd=folder.fd)


@contextmanager
def _coded_os_errors(path: Path) -> Iterator[None]:
    """Any other OS failure (no permission, disk full) as E103 with the path and the reason."""
    try:
        yield
    except ResumeEtlError:
        raise
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise ResumeEtlError(
            ErrorCode.E103_BAD_OUTPUT_DIR, f"cannot write the export at {path}: {reason}"
        ) from error
