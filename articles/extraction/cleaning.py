"""Article text for storage, and the paragraphs of a text worth reading for events.

`clean_text` rewrites a text; `readable_paragraphs` only points into one, so that the
pipeline's offsets stay valid on the text as given. Both use the same judgement.
"""

from __future__ import annotations

import re
import unicodedata

import lxml.html
import trafilatura

# Lines that are site furniture wherever they stand.
_JUNK_LINE = re.compile(
    r"""^(?:
        (?:read|see)\s+(?:more|also)\b.{0,120}
      | (?:share|tweet|email|print)(?:\s+(?:this|on\s+\w+))?\W{0,3}
      | (?:follow\s+us|sign\s+up|subscribe)\b.{0,120}
      | [^.!?]{0,60}\b(?:subscribe|newsletter)\b[^.!?]{0,60}
      | advertisement|sponsored(?:\s+content)?|skip\s+to\s+(?:main\s+)?content
      | (?:©|\(c\)|copyright\b).{0,200}
      | all\s+rights\s+reserved\.?
      | .{0,80}\ball\s+rights\s+reserved\b.{0,80}
      | \d+\s+(?:comments?|shares?)
      | (?:photo|image|picture|video)\s*(?:credit)?\s*:.{0,120}
      | (?-i:[A-Z .'-]{2,40}/[A-Z .'-]{2,40})     # photo credit: NAME/AGENCY
      | .{0,600}\((?:[\w.-]+\s+)?photo\s*(?:/|:|by\b)[^()]{0,80}\)   # caption: "... (AP Photo/Name)"
      | \[(?:photo|image|picture)(?:\s+caption)?\s*:.{0,600}          # caption: "[Photo: ...]"
      | (?:notify\s+of|inline\s+feedbacks|view\s+all\s+comments|load\s+more\s+comments).{0,40}
      | this\s+site\s+uses\s+akismet.{0,120}
      | (?:(?:additional\s+)?reporting|writing|editing)\s+by\b.{0,200}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

# Lines after which an article's own text is over (comments, related links, author box).
_TRAILER_START = re.compile(
    r"""^(?:
        (?:related|recommended|more\s+from|more\s+on|most\s+read|popular|trending)\b[^.!?]{0,30}
      | you\s+(?:may|might)\s+(?:also\s+)?like\b.{0,40}
      | we\s+(?:welcome|would\s+love)\s+your\s+(?:comments|thoughts)\b.{0,120}
      | (?:leave\s+a\s+(?:comment|reply)|comments?\s*(?:\(\d+\))?|join\s+the\s+(?:conversation|discussion)).{0,40}
      | (?:please\s+)?comment\s*:?
      | (?:about\s+the\s+author|tags?\s*:).{0,120}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# A trailer marker near the top is more likely a section heading than a page footer.
TRAILER_MIN_POSITION = 0.4

_SPACES = re.compile(r"[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_SPACE_OTHER_THAN_BLANK = re.compile(r"[\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MARKDOWN_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MARKDOWN_LINE_PREFIX = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)", re.MULTILINE)
_MARKDOWN_EMPHASIS = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")


def normalize_line(line: str) -> str:
    """One paragraph with its whitespace collapsed, as stored and as compared."""
    if "  " not in line and not _SPACE_OTHER_THAN_BLANK.search(line):
        return line.strip()  # nothing to collapse, and re.sub would rewrite every blank
    return _SPACES.sub(" ", line).strip()


def is_junk_line(line: str) -> bool:
    # Trailer markers are junk anywhere, which also keeps clean_text idempotent.
    return bool(_JUNK_LINE.match(line) or _TRAILER_START.match(line))


def _trailer_start(lines: list[str]) -> int:
    threshold = len(lines) * TRAILER_MIN_POSITION
    for index, line in enumerate(lines):
        if index >= threshold and _TRAILER_START.match(line):
            return index
    return len(lines)


def kept_line_indexes(lines: list[str]) -> list[int]:
    """Indexes of normalized lines that are text: not empty, junk, a repeat, or trailer."""
    end = _trailer_start(lines)
    seen: set[str] = set()
    kept: list[int] = []
    for index in range(end):
        line = lines[index]
        if not line or is_junk_line(line) or line in seen:
            continue
        seen.add(line)
        kept.append(index)
    return kept


def readable_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the lines of `text` worth reading, in text order."""
    spans: list[tuple[int, int]] = []
    position = 0
    for raw_line in text.split("\n"):
        spans.append((position, position + len(raw_line)))
        position += len(raw_line) + 1
    lines = [normalize_line(text[start:end]) for start, end in spans]
    return [spans[index] for index in kept_line_indexes(lines)]


def _html_to_text(html: str) -> str:
    extracted = trafilatura.extract(html, include_comments=False, include_tables=False)
    if extracted:
        return extracted
    try:
        document = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    for element in document.xpath("//script|//style|//noscript"):
        element.drop_tree()
    blocks = document.xpath("//p|//h1|//h2|//h3|//li|//blockquote")
    if blocks:
        return "\n".join(block.text_content() for block in blocks)
    return str(document.text_content())


def _markdown_to_text(markdown: str) -> str:
    text = _MARKDOWN_IMAGE.sub(r"\1", markdown)
    text = _MARKDOWN_LINK.sub(r"\1", text)
    text = _MARKDOWN_LINE_PREFIX.sub("", text)
    return _MARKDOWN_EMPHASIS.sub(r"\2", text)


def clean_text(raw: str, content_type: str) -> str:
    """The article's main text, one paragraph a line; idempotent on its own output."""
    if content_type == "text/html":
        raw = _html_to_text(raw)
    elif content_type == "text/markdown":
        raw = _markdown_to_text(raw)
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", _ZERO_WIDTH.sub("", text))
    lines = [normalize_line(line) for line in text.split("\n")]
    return "\n".join(lines[index] for index in kept_line_indexes(lines))
