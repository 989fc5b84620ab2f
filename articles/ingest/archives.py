"""Zip archives, read member by member without trusting what their headers claim."""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import PurePath
from typing import IO

from articles.ingest.fields import CONTENT_TYPES_BY_SUFFIX, ImportLimits, Row, RowError, describe_size, read_document
from articles.ingest.rows import ROW_READERS_BY_SUFFIX

_DRIVE = re.compile(r"[A-Za-z]:")


def read_zip(name: str, stream: IO[bytes], *, limits: ImportLimits) -> Iterator[Row]:
    """The articles of each .jsonl, .csv, .txt, .md and .html member; unsafe members are refused one by one."""
    problem = _directory_problem(stream, limits=limits)
    if problem:
        yield RowError(name, problem)
        return
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, zlib.error, ValueError, EOFError) as error:
        yield RowError(name, f"not a readable zip archive ({error})")
        return
    with archive:
        members = [info for info in archive.infolist() if _unsafe_name(info.filename) or not _skipped(info)]
        problem = _archive_problem(members, limits=limits)
        if problem:
            yield RowError(name, problem)
            return
        budget = _Budget(limits.max_uncompressed_bytes)
        for info in members:
            where = f"{name}:{info.filename}"
            try:
                yield from _member_rows(archive, info, where=where, budget=budget, limits=limits)
            except _TooLarge as error:
                yield RowError(where, str(error))
                if budget.spent:
                    yield RowError(name, "the rest of the archive was not read")
                    return
            except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError, OSError) as error:
                yield RowError(where, f"cannot be read from the archive ({error})")
        if not members:
            yield RowError(name, "no articles found in the archive")


def _directory_problem(stream: IO[bytes], *, limits: ImportLimits) -> str:
    """Refuse an oversized central directory before zipfile turns every entry of it into an object."""
    stream.seek(0, 2)
    size = stream.tell()
    tail_size = min(size, 22 + 0xFFFF)
    stream.seek(size - tail_size)
    tail = stream.read(tail_size)
    stream.seek(0)
    end = tail.rfind(b"PK\x05\x06")
    if end < 0 or len(tail) - end < 22:
        return ""
    entries = int.from_bytes(tail[end + 10 : end + 12], "little")
    directory_bytes = int.from_bytes(tail[end + 12 : end + 16], "little")
    # 0xFFFF entries means a ZIP64 count, which is more than any limit here allows.
    if entries > limits.max_members or directory_bytes > limits.max_members * 1024:
        return f"the archive has more than {limits.max_members} members"
    return ""


def _archive_problem(members: list[zipfile.ZipInfo], *, limits: ImportLimits) -> str:
    if len(members) > limits.max_members:
        return f"the archive has more than {limits.max_members} members"
    if sum(info.file_size for info in members) > limits.max_uncompressed_bytes:
        return f"the archive expands to more than {describe_size(limits.max_uncompressed_bytes)}"
    return ""


def _skipped(info: zipfile.ZipInfo) -> bool:
    """Folders, and the metadata that macOS and Windows add (__MACOSX/, .DS_Store, Thumbs.db)."""
    name = PurePath(info.filename)
    return info.is_dir() or name.parts[:1] == ("__MACOSX",) or name.name.startswith(".") or name.name == "Thumbs.db"


def _unsafe_name(filename: str) -> bool:
    name = filename.replace("\\", "/")
    return name.startswith("/") or bool(_DRIVE.match(name)) or ".." in name.split("/")


def _member_problem(info: zipfile.ZipInfo, *, limits: ImportLimits) -> str:
    suffix = PurePath(info.filename).suffix.lower()
    if _unsafe_name(info.filename):
        return "unsafe path (absolute or with ..); refused"
    if info.flag_bits & 0x1:
        return "the member is encrypted"
    if suffix not in ROW_READERS_BY_SUFFIX and suffix not in CONTENT_TYPES_BY_SUFFIX:
        allowed = ", ".join(sorted({*ROW_READERS_BY_SUFFIX, *CONTENT_TYPES_BY_SUFFIX}))
        return f"unsupported file type {suffix or '(none)'}; use {allowed}"
    if _ratio_exceeded(info.file_size, info.compress_size, limits=limits):
        return f"compression ratio over {limits.max_compression_ratio}:1; refused as a likely zip bomb"
    return ""


def _ratio_exceeded(size: int, compressed: int, *, limits: ImportLimits) -> bool:
    return size > limits.ratio_floor_bytes and size > limits.max_compression_ratio * max(compressed, 1)


def _member_rows(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, *, where: str, budget: _Budget, limits: ImportLimits
) -> Iterator[Row]:
    problem = _member_problem(info, limits=limits)
    if problem:
        yield RowError(where, problem)
        return
    read_rows = ROW_READERS_BY_SUFFIX.get(PurePath(info.filename).suffix.lower())
    limit = limits.max_member_bytes if read_rows else limits.max_article_bytes
    with archive.open(info) as raw:
        member = _BoundedReader(raw, limit=limit, compressed=info.compress_size, budget=budget, limits=limits)
        if read_rows:
            yield from read_rows(where, member, limits=limits)
        else:
            yield read_document(where, member.read(), filename=info.filename, limits=limits)


class _TooLarge(Exception):
    pass


class _Budget:
    """What the whole archive may still expand to; shared by its members."""

    def __init__(self, total: int) -> None:
        self.remaining = total
        self.total = total
        self.spent = False

    def take(self, size: int) -> None:
        self.remaining -= size
        if self.remaining < 0:
            self.spent = True
            raise _TooLarge(f"the archive expands to more than {describe_size(self.total)}")


class _BoundedReader:
    """Reads a member while counting what it really expands to; the sizes in its header are only claims."""

    def __init__(self, raw: IO[bytes], *, limit: int, compressed: int, budget: _Budget, limits: ImportLimits) -> None:
        self._raw, self._limit, self._compressed, self._budget, self._limits = raw, limit, compressed, budget, limits
        self._count = 0

    def read(self, size: int = -1) -> bytes:
        return self._counted(self._raw.read(self._allowed(size)))

    def readline(self, size: int = -1) -> bytes:
        return self._counted(self._raw.readline(self._allowed(size)))

    def _allowed(self, size: int) -> int:
        allowed = min(self._limit - self._count, self._budget.remaining) + 1
        return allowed if size < 0 else min(size, allowed)

    def _counted(self, data: bytes) -> bytes:
        self._count += len(data)
        self._budget.take(len(data))
        if self._count > self._limit:
            raise _TooLarge(f"the member is larger than {describe_size(self._limit)}")
        if _ratio_exceeded(self._count, self._compressed, limits=self._limits):
            ratio = self._limits.max_compression_ratio
            raise _TooLarge(f"compression ratio over {ratio}:1; refused as a likely zip bomb")
        return data
