import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "articles.extraction", *args], cwd=REPO, capture_output=True, text=True, timeout=120
    )


def test_the_cli_writes_one_json_candidate_a_line(tmp_path: Path) -> None:
    articles = tmp_path / "articles.jsonl"
    rows = [
        {"id": "a1", "published": "2025-09-24", "text": "Sergey Lavrov met Marco Rubio in New York on Wednesday."},
        {"id": "a2", "published": "2025-09-24", "html": "<p>Vladimir Putin called Xi Jinping on Monday.</p>"},
    ]
    articles.write_text("\n".join(json.dumps(row) for row in rows) + "\n", "utf-8")
    result = run_cli(str(articles))
    assert result.returncode == 0, result.stderr
    candidates = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(c["article_id"], c["type"], c["date"]) for c in candidates] == [
        ("a1", "CONSULT", "2025-09-24"), ("a2", "CONSULT", "2025-09-22")
    ]  # fmt: skip
    assert candidates[0]["evidence"] == {"start": 0, "end": len(rows[0]["text"])}


def test_a_bad_line_is_reported_with_its_number_and_skipped(tmp_path: Path) -> None:
    articles = tmp_path / "articles.jsonl"
    good = {"id": "ok", "published": "2025-09-24", "text": "Sergey Lavrov met Marco Rubio on Wednesday."}
    articles.write_text('{"id": broken\n' + json.dumps(good) + "\n[1, 2]\n", "utf-8")
    result = run_cli(str(articles))
    assert result.returncode == 2
    assert "line 1" in result.stderr and "line 3" in result.stderr
    assert [json.loads(line)["article_id"] for line in result.stdout.splitlines()] == ["ok"]


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    result = run_cli(str(tmp_path / "nope.jsonl"))
    assert result.returncode == 2
    assert "nope.jsonl" in result.stderr
    assert "Traceback" not in result.stderr
