"""The import readers on their own: bytes in, articles or located errors out. No database."""

from __future__ import annotations

import datetime as dt
import io
import json
import struct
import zipfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from articles.ingest import (
    ImportLimits,
    ImportSource,
    ParsedArticle,
    Row,
    RowError,
    files_under,
    read_source,
    read_stream,
)

LIMITS = ImportLimits()
SEED = {
    "id": "s003",
    "url": None,
    "source": "seed 003_37e632b94e27214b.txt",
    "published": "2025-09-24",
    "title": "Lavrov and Rubio meet on the sidelines of UNGA80",
    "text": "US Secretary of State Marco Rubio held a meeting with Russian Foreign Minister Sergey Lavrov.",
    "note": "ignored",
}


def read(name: str, data: bytes, limits: ImportLimits = LIMITS) -> list[Row]:
    return list(read_stream(name, io.BytesIO(data), limits=limits))


def jsonl(*rows: object) -> bytes:
    return "".join(json.dumps(row) + "\n" for row in rows).encode()


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def errors(rows: list[Row]) -> list[tuple[str, str]]:
    return [(row.where, row.why) for row in rows if isinstance(row, RowError)]


def articles(rows: list[Row]) -> list[ParsedArticle]:
    return [row for row in rows if isinstance(row, ParsedArticle)]


def test_jsonl_row_with_the_dev_fields_becomes_an_article_with_its_date_parsed() -> None:
    [article] = read("feed.jsonl", jsonl(SEED))

    assert article == ParsedArticle(
        where="feed.jsonl, line 1",
        title=SEED["title"],
        content=SEED["text"],
        content_type="text/plain",
        outlet=SEED["source"],
        published_on=dt.date(2025, 9, 24),
        external_id="s003",
    )


def test_row_with_html_instead_of_text_is_read_as_html() -> None:
    [article] = read("feed.jsonl", jsonl({"html": "<p>Lavrov met Rubio.</p>", "language": "fr", "id": 7}))

    assert (article.content_type, article.language, article.external_id) == ("text/html", "fr", "7")


def test_invalid_json_line_is_reported_with_its_line_number_and_the_next_lines_are_read() -> None:
    data = jsonl(SEED) + b'{"text": "a" "title": "b"}\n\n' + jsonl({**SEED, "id": "s004"})

    rows = read("feed.jsonl", data)

    assert [row.where for row in rows] == ["feed.jsonl, line 1", "feed.jsonl, line 2", "feed.jsonl, line 4"]
    assert errors(rows) == [("feed.jsonl, line 2", "invalid JSON at column 14: Expecting ',' delimiter")]


def test_a_line_that_is_not_a_json_object_is_reported() -> None:
    assert errors(read("feed.jsonl", b'["a list"]\n')) == [("feed.jsonl, line 1", "expected a JSON object, found list")]


def test_row_without_text_or_html_is_reported_as_missing_text() -> None:
    rows = read("feed.jsonl", jsonl({**SEED, "text": "   "}))

    assert errors(rows) == [("feed.jsonl, line 1", "missing text: give the article in a `text` or `html` field")]


def test_unparseable_date_is_reported_with_the_value_given() -> None:
    [(where, why)] = errors(read("feed.jsonl", jsonl({**SEED, "published": "2023-13-45"})))

    assert where == "feed.jsonl, line 1"
    assert why == 'unparseable date "2023-13-45" in `published` (use YYYY-MM-DD)'


def test_published_given_as_a_timestamp_keeps_its_date_and_an_empty_one_means_unknown() -> None:
    stamped, unknown = read(
        "feed.jsonl", jsonl({**SEED, "published": "2023-03-29T08:30:00Z"}, {**SEED, "published": ""})
    )

    assert (stamped.published_on, unknown.published_on) == (dt.date(2023, 3, 29), None)


def test_jsonl_line_in_cp1252_is_refused_as_not_utf8_and_the_utf8_lines_are_read() -> None:
    data = jsonl(SEED) + '{"text": "Déclaration du ministère"}\n'.encode("cp1252")

    rows = read("feed.jsonl", data)

    assert len(articles(rows)) == 1
    assert errors(rows) == [("feed.jsonl, line 2", "not UTF-8 text (byte 11 of the line); save the file as UTF-8")]


def test_utf16_jsonl_file_is_refused_once_not_line_by_line() -> None:
    rows = read("feed.jsonl", jsonl(SEED, SEED).decode().encode("utf-16"))

    assert errors(rows) == [("feed.jsonl", "UTF-16 text; save the file as UTF-8 and try again")]


def test_url_that_is_not_a_web_address_is_refused() -> None:
    [(_, why)] = errors(read("feed.jsonl", jsonl({**SEED, "url": "javascript:alert(1)"})))

    assert why.startswith("`url` must start with http:// or https://")


def test_field_of_the_wrong_type_or_with_nul_characters_is_refused() -> None:
    rows = read("feed.jsonl", jsonl({**SEED, "title": ["a"]}, {**SEED, "text": "bin\u0000ary"}))

    assert [why for _, why in errors(rows)] == [
        "`title` must be text, not list",
        "`text` contains NUL characters: binary data, not text",
    ]


def test_article_text_over_the_article_limit_is_refused() -> None:
    limits = ImportLimits(max_article_bytes=100)

    [(_, why)] = errors(read("feed.jsonl", jsonl({"text": "é" * 60}), limits))

    assert why == "the text is larger than the 100 bytes limit for one article"


def test_line_over_the_line_limit_is_skipped_and_the_next_line_is_read() -> None:
    limits = ImportLimits(max_article_bytes=100)
    data = jsonl({"text": "x" * 1000}, {"text": "short"})

    rows = read("feed.jsonl", data, limits)

    assert errors(rows) == [("feed.jsonl, line 1", "the line is longer than 400 bytes")]
    assert [article.where for article in articles(rows)] == ["feed.jsonl, line 2"]


def test_large_jsonl_file_is_read_a_line_at_a_time() -> None:
    stream = CountingStream(jsonl(*({**SEED, "id": str(n)} for n in range(5000))))

    first = next(read_stream("big.jsonl", stream, limits=LIMITS))

    assert isinstance(first, ParsedArticle)
    assert stream.bytes_read < len(stream.getvalue()) / 1000


def test_empty_file_says_it_has_no_articles() -> None:
    assert errors(read("feed.jsonl", b"\n\n")) == [("feed.jsonl", "no articles found in the file")]
    assert errors(read("feed.csv", b"")) == [("feed.csv", "no articles found in the file")]


def test_csv_rows_are_read_by_header_name_and_quoted_text_may_span_lines() -> None:
    data = b'id,published,Title,text\ns1,2023-04-19,First,"Para one.\n\nPara two."\ns2,,Second,Plain\n'

    first, second = read("feed.csv", data)

    assert (first.where, first.title, first.content) == ("feed.csv, line 2", "First", "Para one.\n\nPara two.")
    assert (second.where, second.published_on) == ("feed.csv, line 5", None)


def test_csv_errors_name_the_line_where_the_record_starts() -> None:
    data = "title,published,text\nA,2023-13-45,Text\nB,,\nC,2023-01-01\nD,2023-01-01,café\n".encode("cp1252")

    rows = read("feed.csv", data)

    assert errors(rows) == [
        ("feed.csv, line 2", 'unparseable date "2023-13-45" in `published` (use YYYY-MM-DD)'),
        ("feed.csv, line 3", "missing text: give the article in a `text` or `html` field"),
        ("feed.csv, line 4", "has 2 columns; the header has 3"),
        ("feed.csv, line 5", "not UTF-8 text (line 5, byte 16); save the file as UTF-8"),
    ]


def test_csv_without_a_text_or_html_column_is_refused_at_its_header() -> None:
    rows = read("feed.csv", b"title,body\nA,Text\n")

    assert errors(rows) == [("feed.csv, line 1", "the header row has no `text` or `html` column")]


def test_csv_field_longer_than_the_stdlib_default_limit_is_read() -> None:
    text = "Lavrov met Rubio. " * 10_000

    [article] = read("feed.csv", f'title,text\nLong,"{text}"\n'.encode())

    assert article.content == text


def test_text_file_becomes_one_article_titled_by_its_file_name() -> None:
    [article] = read("lavrov-rubio.txt", b"\xef\xbb\xbfLavrov met Rubio.")

    assert (article.where, article.title, article.content) == ("lavrov-rubio.txt", "lavrov-rubio", "Lavrov met Rubio.")


def test_html_and_markdown_files_keep_their_content_type() -> None:
    [html] = read("page.HTML", b"<p>Lavrov met Rubio.</p>")
    [markdown] = read("notes.md", b"# Lavrov met Rubio")

    assert (html.content_type, markdown.content_type) == ("text/html", "text/markdown")


def test_cp1252_text_file_is_refused_as_not_utf8() -> None:
    rows = read("note.txt", "Le ministre a déclaré".encode("cp1252"))

    assert errors(rows) == [("note.txt", "not UTF-8 text (byte 15); save it as UTF-8 and try again")]


def test_utf16_text_file_with_a_byte_order_mark_is_read() -> None:
    [article] = read("note.txt", "Le ministre a déclaré".encode("utf-16"))

    assert article.content == "Le ministre a déclaré"


def test_text_file_over_the_article_limit_is_refused() -> None:
    rows = read("note.txt", b"x" * 2048, ImportLimits(max_article_bytes=1024))

    assert errors(rows) == [("note.txt", "larger than the 1 KB limit for one article")]


def test_unsupported_file_type_is_reported() -> None:
    [(where, why)] = errors(read("report.pdf", b"%PDF-1.7"))

    assert where == "report.pdf"
    assert why.startswith("unsupported file type .pdf; use .csv, ")


def test_file_over_the_import_limit_is_refused_without_being_opened() -> None:
    def never_opened() -> io.BytesIO:
        raise AssertionError("an oversize file must not be opened")

    source = ImportSource(name="huge.jsonl", open=never_opened, size=300 * 1024 * 1024)

    rows = list(read_source(source, limits=LIMITS))

    assert errors(rows) == [("huge.jsonl", "the file is larger than the 200 MB import limit")]


def test_missing_file_is_reported_not_raised(tmp_path: Path) -> None:
    rows = list(read_source(ImportSource.from_path(tmp_path / "gone.jsonl"), limits=LIMITS))

    assert errors(rows) == [(str(tmp_path / "gone.jsonl"), "cannot be read: No such file or directory")]


def test_zip_members_of_every_kind_are_read_and_named_by_member() -> None:
    data = zipped(
        {
            "feeds/a.jsonl": jsonl(SEED),
            "feeds/b.csv": b"title,text\nB,Text of b\n",
            "pages/c.html": b"<p>Text of c</p>",
            "notes/d.md": b"Text of d",
            "e.txt": b"Text of e",
            "folder/": b"",
            "__MACOSX/._e.txt": b"\x00\x05",
            ".DS_Store": b"\x00",
        }
    )

    rows = read("bundle.zip", data)

    assert errors(rows) == []
    assert [(row.where, row.title) for row in rows] == [
        ("bundle.zip:feeds/a.jsonl, line 1", SEED["title"]),
        ("bundle.zip:feeds/b.csv, line 2", "B"),
        ("bundle.zip:pages/c.html", "c"),
        ("bundle.zip:notes/d.md", "d"),
        ("bundle.zip:e.txt", "e"),
    ]


def test_zip_members_with_absolute_or_parent_paths_are_refused_and_the_rest_is_read() -> None:
    unsafe = ["../escape.txt", "/etc/cron.txt", "C:/windows.txt", "a/../../b.txt", "..\\back.txt", ".."]
    data = zipped({**{name: b"Text" for name in unsafe}, "safe.txt": b"Safe text"})

    rows = read("bundle.zip", data)

    assert errors(rows) == [(f"bundle.zip:{name}", "unsafe path (absolute or with ..); refused") for name in unsafe]
    assert [article.where for article in articles(rows)] == ["bundle.zip:safe.txt"]


def test_real_zip_bomb_is_refused_and_the_rest_of_the_archive_is_read() -> None:
    data = zip_bomb(megabytes=64)

    rows = read("bomb.zip", data)

    assert len(data) < 100 * 1024
    assert errors(rows) == [("bomb.zip:bomb.txt", "compression ratio over 100:1; refused as a likely zip bomb")]
    assert [article.content for article in articles(rows)] == ["Safe text"]


def test_member_whose_header_understates_its_size_is_not_trusted() -> None:
    data = understate_first_member_size(zip_bomb(megabytes=16), claimed=1000)

    rows = read("bomb.zip", data)

    [(where, why)] = errors(rows)
    assert where == "bomb.zip:bomb.txt"
    assert why.startswith("cannot be read from the archive (Bad CRC-32")
    assert [article.content for article in articles(rows)] == ["Safe text"]


def test_member_size_limit_counts_the_bytes_really_read() -> None:
    limits = ImportLimits(max_article_bytes=1024, max_member_bytes=2048)
    data = zipped({"long.txt": b"x" * 5000, "feed.jsonl": jsonl(*({"text": f"row {n}"} for n in range(200)))})

    rows = read("bundle.zip", data, limits)

    assert errors(rows) == [
        ("bundle.zip:long.txt", "the member is larger than 1 KB"),
        ("bundle.zip:feed.jsonl", "the member is larger than 2 KB"),
    ]
    assert 100 < len(articles(rows)) < 200


def test_archive_with_more_members_than_allowed_is_refused_whole() -> None:
    data = zipped({f"{n}.txt": b"Text" for n in range(5)})

    rows = read("many.zip", data, ImportLimits(max_members=4))

    assert rows == [RowError("many.zip", "the archive has more than 4 members")]


def test_archive_expanding_past_the_total_limit_stops_there() -> None:
    limits = ImportLimits(max_uncompressed_bytes=10_000)
    honest = zipped({"a.txt": b"a" * 6000, "b.txt": b"b" * 6000})
    understated = understate_first_member_size(zipped({"a.txt": b"a" * 6000, "b.txt": b"b" * 6000}), claimed=100)

    assert read("big.zip", honest, limits) == [RowError("big.zip", "the archive expands to more than 9.8 KB")]
    assert len(errors(read("big.zip", understated, limits))) == 1


def test_nested_archive_and_corrupt_archive_are_reported() -> None:
    nested = read("outer.zip", zipped({"inner.zip": zipped({"a.txt": b"Text"})}))
    corrupt = read("broken.zip", b"PK\x03\x04 not really a zip")

    assert nested[0].why.startswith("unsupported file type .zip")
    assert corrupt[0].why.startswith("not a readable zip archive")


def test_directories_are_walked_in_order_and_hidden_files_left_out(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    for name in ["b/2.txt", "b/1.jsonl", "a.csv", ".hidden.txt"]:
        (tmp_path / name).write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.txt").write_text("x")

    found = [path.relative_to(tmp_path).as_posix() for path in files_under([tmp_path])]

    assert found == ["a.csv", "b/1.jsonl", "b/2.txt"]


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=400), suffix=st.sampled_from(["jsonl", "csv", "zip", "txt", "html"]))
def test_any_bytes_give_articles_or_located_errors_never_an_exception(data: bytes, suffix: str) -> None:
    rows = read(f"input.{suffix}", data, ImportLimits(max_article_bytes=100))

    assert rows
    assert all(row.where.startswith(f"input.{suffix}") for row in rows)


@settings(max_examples=100, deadline=None)
@given(
    text=st.text(min_size=1).filter(lambda text: text.strip() and "\x00" not in text),
    title=st.text().filter(lambda title: "\x00" not in title),
)
def test_any_text_and_title_survive_a_jsonl_and_csv_round_trip(text: str, title: str) -> None:
    csv_data = (
        "title,text\n" + ",".join('"' + value.replace('"', '""') + '"' for value in [title, text]) + "\n"
    ).encode()

    for rows in [read("feed.jsonl", jsonl({"title": title, "text": text})), read("feed.csv", csv_data)]:
        [article] = rows
        assert (article.title, article.content) == (title.strip(), text)


class CountingStream(io.BytesIO):
    bytes_read = 0

    def readline(self, size: int | None = -1) -> bytes:
        line = super().readline(size)
        self.bytes_read += len(line)
        return line


def zip_bomb(*, megabytes: int) -> bytes:
    """A member of `megabytes` MiB of one repeated byte (about 1000:1), written without holding it in memory."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("bomb.txt", "w") as member:
            for _ in range(megabytes):
                member.write(b"A" * 1024 * 1024)
        archive.writestr("safe.txt", b"Safe text")
    return buffer.getvalue()


def understate_first_member_size(data: bytes, *, claimed: int) -> bytes:
    """The archive with its first central-directory entry claiming `claimed` uncompressed bytes."""
    entry = data.index(b"PK\x01\x02")
    return data[: entry + 24] + struct.pack("<I", claimed) + data[entry + 28 :]
