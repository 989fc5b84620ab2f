"""Row files: JSON Lines and CSV, read a line at a time so that a file of any size streams."""

from __future__ import annotations

import codecs
import csv
import json
from collections.abc import Callable, Iterator
from typing import IO

from articles.ingest.fields import ImportLimits, Row, RowError, article_from_fields, describe_size


def read_jsonl(name: str, stream: IO[bytes], *, limits: ImportLimits) -> Iterator[Row]:
    """One JSON object a line; blank lines are ignored."""
    found = False
    for number, line in _lines(stream, max_bytes=limits.max_line_bytes):
        if line is not None and not line.strip():
            continue
        found = True
        where = f"{name}, line {number}"
        if line is None:
            yield RowError(where, f"the line is longer than {describe_size(limits.max_line_bytes)}")
        elif number == 1 and line.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            yield RowError(name, "UTF-16 text; save the file as UTF-8 and try again")
            return
        else:
            yield _json_row(line, where=where, limits=limits)
    if not found:
        yield RowError(name, "no articles found in the file")


def _json_row(line: bytes, *, where: str, limits: ImportLimits) -> Row:
    try:
        fields = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as error:
        return RowError(where, f"not UTF-8 text (byte {error.start} of the line); save the file as UTF-8")
    except json.JSONDecodeError as error:
        return RowError(where, f"invalid JSON at column {error.colno}: {error.msg.removesuffix(' at')}")
    if not isinstance(fields, dict):
        return RowError(where, f"expected a JSON object, found {type(fields).__name__}")
    return article_from_fields(fields, where=where, limits=limits)


def read_csv(name: str, stream: IO[bytes], *, limits: ImportLimits) -> Iterator[Row]:
    """A header row naming the fields, then one article a record; quoted fields may span lines."""
    # The stdlib default (128 KiB) is smaller than one allowed article; the limit is process-wide.
    csv.field_size_limit(max(csv.field_size_limit(), limits.max_line_bytes))
    lines = _DecodedLines(stream, max_bytes=limits.max_line_bytes)
    records = csv.reader(lines)
    header: list[str] | None = None
    while True:
        start = records.line_num + 1
        try:
            record = next(records)
        except StopIteration:
            break
        except csv.Error as error:
            lines.problem_up_to(records.line_num)
            yield RowError(f"{name}, line {start}", f"not valid CSV: {error}")
            continue
        problem = lines.problem_up_to(records.line_num)
        if header is None:
            if not record:
                continue
            header = [cell.strip().lower() for cell in record]
            if problem or not {"text", "html"} & set(header):
                yield RowError(f"{name}, line {start}", problem or "the header row has no `text` or `html` column")
                return
        elif any(cell.strip() for cell in record):
            yield _csv_row(record, header, problem, where=f"{name}, line {start}", limits=limits)
    if header is None:
        yield RowError(name, "no articles found in the file")


def _csv_row(record: list[str], header: list[str], problem: str, *, where: str, limits: ImportLimits) -> Row:
    if problem:
        return RowError(where, problem)
    if len(record) != len(header):
        return RowError(where, f"has {len(record)} columns; the header has {len(header)}")
    return article_from_fields(dict(zip(header, record, strict=True)), where=where, limits=limits)


class _DecodedLines:
    """Lines of a byte stream as text for the csv module; remembers which lines could not be read."""

    def __init__(self, stream: IO[bytes], *, max_bytes: int) -> None:
        self._lines = _lines(stream, max_bytes=max_bytes)
        self._max_bytes = max_bytes
        self._problems: dict[int, str] = {}

    def __iter__(self) -> _DecodedLines:
        return self

    def __next__(self) -> str:
        number, line = next(self._lines)
        if line is None:
            self._problems[number] = f"line {number} is longer than {describe_size(self._max_bytes)}"
            return "\n"
        try:
            return line.decode("utf-8")
        except UnicodeDecodeError as error:
            self._problems[number] = f"not UTF-8 text (line {number}, byte {error.start}); save the file as UTF-8"
            return line.decode("utf-8", "replace")

    def problem_up_to(self, last: int) -> str:
        """The first problem on the lines read so far that no earlier record claimed, or ""."""
        found = [self._problems.pop(number) for number in sorted(self._problems) if number <= last]
        return found[0] if found else ""


def _lines(stream: IO[bytes], *, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(number, bytes) for each line, None for a line over max_bytes, whose rest is skipped without keeping it."""
    number = 0
    while line := stream.readline(max_bytes + 1):
        number += 1
        if number == 1:
            line = line.removeprefix(codecs.BOM_UTF8)
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(64 * 1024)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line


ROW_READERS_BY_SUFFIX: dict[str, Callable[..., Iterator[Row]]] = {
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".csv": read_csv,
}
