"""Tag the dates of a JSON-lines file of documents.

    python -m articles.extraction.dates DOCS.jsonl > DATES.jsonl

Reads {"id", "published": "YYYY-MM-DD" or null, "text", ...} a line and writes
{"id", "timexes": [{"start", "end", "value"}]} a line, the format score_dates.py reads.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from . import find_dates


def tag_documents(lines: TextIO) -> Iterator[dict[str, Any]]:
    for line in lines:
        if not line.strip():
            continue
        document = json.loads(line)
        published = dt.date.fromisoformat(document["published"]) if document.get("published") else None
        mentions = find_dates(document["text"], published)
        yield {
            "id": document["id"],
            "timexes": [
                {"start": m.start, "end": m.end, "value": m.value.as_json()} for m in mentions if m.value is not None
            ],
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("documents", help="JSON-lines file of documents, or - for standard input")
    arguments = parser.parse_args(argv)
    with open(arguments.documents, encoding="utf-8") if arguments.documents != "-" else sys.stdin as lines:
        for tagged in tag_documents(lines):
            sys.stdout.write(json.dumps(tagged, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
