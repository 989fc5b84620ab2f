"""Framework-free readers: bytes from an upload or an import file become article fields."""

from __future__ import annotations

import codecs
from pathlib import PurePath

CONTENT_TYPES_BY_SUFFIX = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
}


class UnreadableInput(ValueError):
    """Bytes or a row that cannot become an article; the message names the problem for a person."""


def content_type_for(filename: str) -> str:
    suffix = PurePath(filename).suffix.lower()
    try:
        return CONTENT_TYPES_BY_SUFFIX[suffix]
    except KeyError:
        allowed = ", ".join(sorted(CONTENT_TYPES_BY_SUFFIX))
        raise UnreadableInput(f"{filename}: unsupported file type {suffix or '(none)'}; use {allowed}") from None


def decode_text(data: bytes, *, name: str) -> str:
    """UTF-8 (with or without BOM) or BOM-marked UTF-16; anything else is refused rather than garbled."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise UnreadableInput(
            f"{name}: not UTF-8 text (byte {error.start}); save it as UTF-8 and try again"
        ) from None
    if "\x00" in text:
        raise UnreadableInput(f"{name}: looks like a binary file, not text")
    return text
