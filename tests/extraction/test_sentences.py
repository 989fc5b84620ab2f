from articles.extraction.sentences import split_sentences


def sentences_of(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def test_splits_on_terminal_punctuation_followed_by_a_capital() -> None:
    assert sentences_of("Lavrov met Rubio. They talked. Did it work? Yes!") == [
        "Lavrov met Rubio.", "They talked.", "Did it work?", "Yes!"
    ]  # fmt: skip


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    text = (
        "The vote was on Feb. 28 in the U.S. Senate. Mr. Smith and Gen. Milley met at St. Peter's. "
        "John F. Kennedy wrote to No. 10 Downing Street."
    )
    assert sentences_of(text) == [
        "The vote was on Feb. 28 in the U.S. Senate.",
        "Mr. Smith and Gen. Milley met at St. Peter's.",
        "John F. Kennedy wrote to No. 10 Downing Street.",
    ]


def test_a_quote_of_several_sentences_stays_with_its_attribution() -> None:
    text = '"We met. It went well," Zelenskyy said. Then he left.'
    assert sentences_of(text) == ['"We met. It went well," Zelenskyy said.', "Then he left."]


def test_a_closing_quote_belongs_to_the_sentence_it_ends() -> None:
    text = "He called it “a disgrace.” The council adjourned."
    assert sentences_of(text) == ["He called it “a disgrace.”", "The council adjourned."]


def test_sentences_never_cross_lines_and_offsets_skip_whitespace() -> None:
    text = "  Headline without stop\nFirst line. Second line.\n\n"
    spans = split_sentences(text)
    assert [text[start:end] for start, end in spans] == ["Headline without stop", "First line.", "Second line."]


def test_start_and_end_restrict_the_split_to_a_region() -> None:
    text = "Ignored. Kept one. Kept two. Ignored too."
    start = text.index("Kept one")
    end = text.index(" Ignored too")
    assert [text[s:e] for s, e in split_sentences(text, start, end)] == ["Kept one.", "Kept two."]


def test_empty_text_has_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences("\n \n") == []
