"""The reference tagger of ../shared/eval/README.md: dateparser's search_dates, anchored on publication.

Writes the date tagger's output format, so the shared scorer compares it with ours on the same
documents, whole or cut to their annotated lines. Each date keeps the precision dateparser gives
it (a year, a month or a day). Runs in its own virtualenv (`make eval-baseline`): dateparser is
no dependency of the product.

    python scripts/dateparser_baseline.py DOCS.jsonl > DATES.jsonl
"""

import argparse
import datetime as dt
import json
import sys

from dateparser.date import DateDataParser
from dateparser.search import search_dates

FORMATS = {"year": "%Y", "month": "%Y-%m"}


def timexes(text: str, published: dt.date) -> list[dict[str, object]]:
    settings = {"RELATIVE_BASE": dt.datetime(published.year, published.month, published.day)}
    precision_of = DateDataParser(languages=["en"], settings=settings)
    found = []
    position = 0
    for words, value in search_dates(text, languages=["en"], settings=settings) or []:
        start = text.find(words, position)
        if start < 0:
            continue  # dateparser normalized the words it quotes; no offsets to give
        position = start + len(words)
        period = precision_of.get_date_data(words).period or "day"
        found.append({"start": start, "end": position, "value": value.strftime(FORMATS.get(period, "%Y-%m-%d"))})
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docs", type=argparse.FileType(encoding="utf-8"))
    args = parser.parse_args()
    for line in args.docs:
        document = json.loads(line)
        published = dt.date.fromisoformat(document["published"][:10])
        sys.stdout.write(json.dumps({"id": document["id"], "timexes": timexes(document["text"], published)}) + "\n")


if __name__ == "__main__":
    main()
