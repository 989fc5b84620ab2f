"""Files to import, found on disk or uploaded, and the reader each one needs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePath
from typing import IO

from articles.ingest.archives import read_zip
from articles.ingest.fields import CONTENT_TYPES_BY_SUFFIX, ImportLimits, Row, RowError, describe_size, read_document
from articles.ingest.rows import ROW_READERS_BY_SUFFIX

IMPORT_SUFFIXES = sorted({*ROW_READERS_BY_SUFFIX, ".zip", *CONTENT_TYPES_BY_SUFFIX})


@dataclass(frozen=True)
class ImportSource:
    """A file to import: its name (as reported), how to open it for binary reading, and its size if known."""

    name: str
    open: Callable[[], IO[bytes]]
    size: int | None = None

    @classmethod
    def from_path(cls, path: Path, *, opener: Callable[[Path], IO[bytes]] | None = None) -> ImportSource:
        try:
            size: int | None = path.stat().st_size
        except OSError:
            size = None
        return cls(name=str(path), open=partial(opener or _open_binary, path), size=size)


def _open_binary(path: Path) -> IO[bytes]:
    return path.open("rb")


def files_under(paths: list[Path]) -> Iterator[Path]:
    """The given files, and the files inside the given directories (hidden ones left out), in a stable order."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not hidden:
                    yield child
        else:
            yield path


def read_source(source: ImportSource, *, limits: ImportLimits) -> Iterator[Row]:
    """The rows of one file to import; a file that is too large or cannot be opened is one error."""
    if source.size is not None and source.size > limits.max_file_bytes:
        yield RowError(source.name, f"the file is larger than the {describe_size(limits.max_file_bytes)} import limit")
        return
    try:
        stream = source.open()
    except OSError as error:
        yield RowError(source.name, f"cannot be read: {error.strerror or error}")
        return
    with stream:
        yield from read_stream(source.name, stream, limits=limits)


def read_stream(name: str, stream: IO[bytes], *, limits: ImportLimits) -> Iterator[Row]:
    """Rows of a .jsonl, .csv or .zip file, or the one article of a .txt, .md or .html file."""
    suffix = PurePath(name).suffix.lower()
    if suffix in ROW_READERS_BY_SUFFIX:
        yield from ROW_READERS_BY_SUFFIX[suffix](name, stream, limits=limits)
    elif suffix == ".zip":
        yield from read_zip(name, stream, limits=limits)
    elif suffix in CONTENT_TYPES_BY_SUFFIX:
        yield read_document(name, stream.read(limits.max_article_bytes + 1), filename=name, limits=limits)
    else:
        yield RowError(name, f"unsupported file type {suffix or '(none)'}; use {', '.join(IMPORT_SUFFIXES)}")
