"""python -m articles.extraction ARTICLES.jsonl > CANDIDATES.jsonl"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any, TextIO

from articles.extraction.cleaning import clean_text
from articles.extraction.pipeline import candidate_to_json, extract

EXIT_BAD_INPUT = 2


def _article_text(article: dict[str, Any]) -> str:
    if isinstance(article.get("text"), str):
        return str(article["text"])
    if isinstance(article.get("html"), str):
        return clean_text(article["html"], "text/html")
    raise ValueError("no text or html")


def _published(article: dict[str, Any]) -> dt.date | None:
    value = article.get("published")
    return dt.date.fromisoformat(value[:10]) if isinstance(value, str) and value else None


def run(lines: TextIO, out: TextIO, err: TextIO) -> int:
    """Writes candidates for each good line; reports bad lines and returns 2 if any."""
    status = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            article = json.loads(line)
            if not isinstance(article, dict):
                raise ValueError("not a JSON object")
            text, published = _article_text(article), _published(article)
        except ValueError as error:
            print(f"line {number}: skipped: {error}", file=err)
            status = EXIT_BAD_INPUT
            continue
        article_id = str(article.get("id", number))
        for candidate in extract(text, published=published):
            out.write(json.dumps(candidate_to_json(article_id, candidate), ensure_ascii=False) + "\n")
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m articles.extraction", description=__doc__)
    parser.add_argument("articles", help="JSON lines: id, published, and text or html")
    args = parser.parse_args(argv)
    try:
        with open(args.articles, encoding="utf-8", errors="replace") as lines:
            return run(lines, sys.stdout, sys.stderr)
    except OSError as error:
        print(f"cannot read {args.articles}: {error.strerror}", file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
