from hypothesis import given
from hypothesis import strategies as st

from timelines.highlighting import highlight_segments

texts = st.text(min_size=0, max_size=60)


@st.composite
def text_and_spans(draw):
    text = draw(texts)
    bounds = st.integers(min_value=-3, max_value=len(text) + 3)
    spans = draw(st.lists(st.tuples(bounds, bounds), max_size=6))
    return text, [(start, end, span_id) for span_id, (start, end) in enumerate(spans)]


@given(text_and_spans())
def test_the_pieces_put_back_together_are_the_text(case):
    text, spans = case

    assert "".join(segment.text for segment in highlight_segments(text, spans)) == text


@given(text_and_spans())
def test_every_character_is_marked_by_exactly_the_spans_covering_it(case):
    text, spans = case
    position = 0
    for segment in highlight_segments(text, spans):
        for offset in range(len(segment.text)):
            covering = {span_id for start, end, span_id in spans if start <= position + offset < end}
            assert set(segment.span_ids) == covering
        position += len(segment.text)


def test_overlapping_evidence_is_cut_where_each_span_starts_and_ends():
    segments = highlight_segments("abcdef", [(1, 4, 7), (3, 5, 8)])

    assert [(s.text, s.span_ids) for s in segments] == [
        ("a", ()),
        ("bc", (7,)),
        ("d", (7, 8)),
        ("e", (8,)),
        ("f", ()),
    ]
