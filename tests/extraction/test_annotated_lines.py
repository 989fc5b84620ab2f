import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

DOCUMENT = {
    "id": "d1",
    "published": "2008-03-01",
    "text": "Headline\nMarch 1, 2008\nThey met on Friday.\nIn 1998 they had met too.\n",
    "timexes": [{"start": 9, "end": 22, "text": "March 1, 2008", "type": "DATE", "value": "2008-03-01"}],
}


def run_script(docs: Path, lines: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "scripts/annotated_lines.py", str(docs), "--lines", str(lines)],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def test_documents_are_cut_after_the_annotated_lines_and_keep_their_gold(tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps(DOCUMENT) + "\n", "utf-8")
    result = run_script(docs, 3)
    assert result.returncode == 0, result.stderr
    (cut,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert cut["text"] == "Headline\nMarch 1, 2008\nThey met on Friday.\n"
    assert cut["timexes"] == DOCUMENT["timexes"]


def test_a_cut_through_annotated_text_is_refused(tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps(DOCUMENT) + "\n", "utf-8")
    result = run_script(docs, 1)
    assert result.returncode != 0
    assert "d1: 1 gold expressions lie past line 1" in result.stderr
