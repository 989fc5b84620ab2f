"""Framework-free readers: bytes from an upload or an import file become article fields.

Bulk readers yield, for each row or archive member, either a `ParsedArticle` or a `RowError` naming
where it was (file and line, or archive and member) and what is wrong; one bad row never stops the
rest. Files are read a line at a time and archive members through a bounded reader, so neither a
large JSONL file nor a zip bomb is ever held in memory whole.
"""

from articles.ingest.archives import read_zip
from articles.ingest.fields import (
    CONTENT_TYPES_BY_SUFFIX,
    ImportLimits,
    ParsedArticle,
    Row,
    RowError,
    UnreadableInput,
    article_from_fields,
    content_type_for,
    decode_text,
    describe_size,
    read_document,
)
from articles.ingest.rows import read_csv, read_jsonl
from articles.ingest.sources import IMPORT_SUFFIXES, ImportSource, files_under, read_source, read_stream

__all__ = [
    "CONTENT_TYPES_BY_SUFFIX",
    "IMPORT_SUFFIXES",
    "ImportLimits",
    "ImportSource",
    "ParsedArticle",
    "Row",
    "RowError",
    "UnreadableInput",
    "article_from_fields",
    "content_type_for",
    "decode_text",
    "describe_size",
    "files_under",
    "read_csv",
    "read_document",
    "read_jsonl",
    "read_source",
    "read_stream",
    "read_zip",
]
