"""What one article is, as read from a file: its fields checked, its text decoded, or the reason it cannot be."""

from __future__ import annotations

import codecs
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePath

CONTENT_TYPES_BY_SUFFIX = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
}
# The model's column widths: longer values are refused here rather than failing in the database.
MAX_FIELD_LENGTHS = {"url": 2000, "source": 200, "language": 16, "id": 200}
_URL = re.compile(r"https?://\S+", re.IGNORECASE)


class UnreadableInput(ValueError):
    """Bytes or a row that cannot become an article; the message names the problem for a person."""


@dataclass(frozen=True)
class ImportLimits:
    max_file_bytes: int = 200 * 1024 * 1024
    max_article_bytes: int = 5 * 1024 * 1024
    max_members: int = 10_000
    max_member_bytes: int = 200 * 1024 * 1024
    max_uncompressed_bytes: int = 1024 * 1024 * 1024
    max_compression_ratio: int = 100
    # Small members may compress extremely well (a page of one repeated line); only large ones are suspect.
    ratio_floor_bytes: int = 1024 * 1024

    @property
    def max_line_bytes(self) -> int:
        # JSON escapes (\u00e9) and quoting can make a row several times longer than its text.
        return 4 * self.max_article_bytes


@dataclass(frozen=True)
class ParsedArticle:
    where: str
    title: str
    content: str
    content_type: str = "text/plain"
    url: str = ""
    outlet: str = ""
    published_on: dt.date | None = None
    language: str = ""
    external_id: str = ""


@dataclass(frozen=True)
class RowError:
    where: str
    why: str


Row = ParsedArticle | RowError


def content_type_for(filename: str) -> str:
    suffix = PurePath(filename).suffix.lower()
    try:
        return CONTENT_TYPES_BY_SUFFIX[suffix]
    except KeyError:
        allowed = ", ".join(sorted(CONTENT_TYPES_BY_SUFFIX))
        raise UnreadableInput(f"{filename}: unsupported file type {suffix or '(none)'}; use {allowed}") from None


def decode_text(data: bytes, *, name: str) -> str:
    """UTF-8 (with or without BOM) or BOM-marked UTF-16; anything else is refused rather than garbled."""
    try:
        return _decode_document(data)
    except UnreadableInput as error:
        raise UnreadableInput(f"{name}: {error}") from None


def _decode_document(data: bytes) -> str:
    encoding = "utf-16" if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise UnreadableInput(f"not UTF-8 text (byte {error.start}); save it as UTF-8 and try again") from None
    if "\x00" in text:
        raise UnreadableInput("looks like a binary file, not text")
    return text


def read_document(where: str, data: bytes, *, filename: str, limits: ImportLimits) -> Row:
    """A whole file as one article; its name (without suffix) is the title until an editor gives a better one."""
    if len(data) > limits.max_article_bytes:
        return RowError(where, f"larger than the {describe_size(limits.max_article_bytes)} limit for one article")
    try:
        text = _decode_document(data)
    except UnreadableInput as error:
        return RowError(where, str(error))
    if not text.strip():
        return RowError(where, "missing text: the file is empty")
    path = PurePath(filename.replace("\\", "/"))
    return ParsedArticle(where=where, title=path.stem, content=text, content_type=content_type_for(path.name))


def article_from_fields(fields: Mapping[str, object], *, where: str, limits: ImportLimits, title: str = "") -> Row:
    """A row with the fields of dev_articles.jsonl (`text` or `html`; `language` optional) as an article."""
    try:
        content, content_type = _content(fields, limits=limits)
        return ParsedArticle(
            where=where,
            title=_text_field(fields, "title") or title,
            content=content,
            content_type=content_type,
            url=_url(fields),
            outlet=_text_field(fields, "source"),
            published_on=_date(fields),
            language=_text_field(fields, "language"),
            external_id=_text_field(fields, "id"),
        )
    except UnreadableInput as error:
        return RowError(where, str(error))


def _content(fields: Mapping[str, object], *, limits: ImportLimits) -> tuple[str, str]:
    text, html = _text_field(fields, "text"), _text_field(fields, "html")
    content, content_type = (text, "text/plain") if text.strip() else (html, "text/html")
    if not content.strip():
        raise UnreadableInput("missing text: give the article in a `text` or `html` field")
    if len(content.encode()) > limits.max_article_bytes:
        raise UnreadableInput(
            f"the text is larger than the {describe_size(limits.max_article_bytes)} limit for one article"
        )
    return content, content_type


def _text_field(fields: Mapping[str, object], key: str) -> str:
    value = fields.get(key)
    if value is None:
        return ""
    if key == "id" and isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise UnreadableInput(f"`{key}` must be text, not {type(value).__name__}")
    if "\x00" in value:
        raise UnreadableInput(f"`{key}` contains NUL characters: binary data, not text")
    if len(value) > MAX_FIELD_LENGTHS.get(key, len(value)):
        raise UnreadableInput(f"`{key}` is longer than {MAX_FIELD_LENGTHS[key]} characters")
    return value if key in {"text", "html"} else value.strip()


def _url(fields: Mapping[str, object]) -> str:
    url = _text_field(fields, "url")
    # Only web addresses: the article page links to it, and a javascript: URL would run there.
    if url and not _URL.fullmatch(url):
        raise UnreadableInput(f'`url` must start with http:// or https://, not "{url[:60]}"')
    return url


def _date(fields: Mapping[str, object]) -> dt.date | None:
    value = _text_field(fields, "published")
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        raise UnreadableInput(f'unparseable date "{value[:40]}" in `published` (use YYYY-MM-DD)') from None


def describe_size(size: int) -> str:
    """A byte limit as people read it: 5 MB, 64 KB, 300 bytes."""
    if size >= 1024 * 1024:
        return f"{round(size / (1024 * 1024), 1):g} MB"
    return f"{round(size / 1024, 1):g} KB" if size >= 1024 else f"{size} bytes"
