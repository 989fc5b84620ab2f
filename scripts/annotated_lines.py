"""Cut each document of a TIMEX3 gold file to the lines its annotators covered.

MEANTIME, the source of ../shared/eval/dates, annotated only the headline, the dateline and the
first four sentences of each article (one a line). Scored on the whole text, every correct date
further down counts as a false positive; scoring the tagger on the cut documents measures it on
the part that was annotated. The tagger itself never clips its output.

    python scripts/annotated_lines.py DOCS.jsonl --lines 6 > CUT.jsonl
"""

import argparse
import json
import sys
from typing import Any


def cut(document: dict[str, Any], lines: int) -> dict[str, Any]:
    kept = "".join(document["text"].splitlines(keepends=True)[:lines])
    outside = [t for t in document["timexes"] if t["end"] > len(kept)]
    if outside:
        raise SystemExit(f"{document['id']}: {len(outside)} gold expressions lie past line {lines}")
    return {**document, "text": kept}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docs", type=argparse.FileType(encoding="utf-8"))
    parser.add_argument("--lines", type=int, required=True, help="lines kept from the top of each document")
    args = parser.parse_args()
    for line in args.docs:
        if line.strip():
            sys.stdout.write(json.dumps(cut(json.loads(line), args.lines), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
