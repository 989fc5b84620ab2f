import datetime as dt

import pytest

from articles.extraction.pipeline import extract
from articles.extraction.types import Candidate
from tests.extraction.candidate_helpers import dates_of, names_of

PUBLISHED = dt.date(2025, 9, 24)  # a Wednesday


def candidates(text: str, published: dt.date | None = PUBLISHED) -> list[Candidate]:
    return extract(text, published=published)


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        ("Sergey Lavrov met Marco Rubio in New York on Monday.", "CONSULT"),
        ("Emmanuel Macron said on Monday that Europe would stay united.", "STATEMENT"),
        ("Russia and Ukraine signed a grain agreement on Monday.", "AGREE"),
        ("France welcomed the ceasefire on Monday.", "SUPPORT"),
        ("Iran released two British hostages on Monday.", "CONCEDE"),
        ("Russia and Ukraine exchanged prisoners on Monday.", "COOPERATE"),
        ("Germany delivered air defence systems to Ukraine on Monday.", "AID"),
        ("Mali withdrew from the regional force on Monday.", "RETREAT"),
        ("Antony Blinken urged China on Monday to rein in North Korea.", "REQUEST"),
        ("Ukraine accused Russia on Monday of shelling the plant.", "ACCUSE"),
        ("Israel rejected the proposal on Monday.", "REJECT"),
        ("North Korea warned Japan on Monday of consequences.", "THREATEN"),
        ("The European Union condemned the coup on Monday.", "PROTEST"),
        ("The United States imposed sanctions on Venezuela on Monday.", "SANCTION"),
        ("China deployed warships near Taiwan on Monday.", "MOBILIZE"),
        ("Iran seized a British tanker on Monday.", "COERCE"),
        ("Russia attacked Kyiv with drones on Monday.", "ASSAULT"),
    ],
)
def test_each_kind_of_event_gets_its_plover_type(sentence: str, event_type: str) -> None:
    found = candidates(sentence)
    assert [c.event_type for c in found] == [event_type]
    assert dates_of(found) == ["2025-09-22"]


def test_a_repeated_paragraph_gives_one_candidate() -> None:
    paragraph = "Sergey Lavrov met Marco Rubio in New York on Monday."
    text = f"{paragraph}\nAnalysts were surprised.\n{paragraph}"
    found = candidates(text)
    assert len(found) == 1
    assert found[0].evidence_start == 0


def test_a_restatement_of_an_event_with_its_date_replaces_the_undated_lede() -> None:
    text = (
        "Marco Rubio held a meeting with Sergey Lavrov in New York.\n"
        '"Lavrov and Rubio hold a meeting," the Russian foreign ministry said on Wednesday.'
    )
    found = candidates(text)
    assert len(found) == 1
    assert found[0].evidence_text.startswith('"Lavrov and Rubio')


def test_of_two_mentions_stating_the_date_of_one_event_the_more_precise_is_kept() -> None:
    text = (
        '"Sixty-five years ago, the General Assembly adopted resolution 181," Mahmoud Abbas said.\n'
        "The General Assembly adopted that resolution on November 29, 1947."
    )
    found = candidates(text, published=dt.date(2012, 11, 30))
    assert dates_of(found) == ["1947-11-29"]
    assert text[found[0].evidence_start :].startswith("The General Assembly adopted that resolution")


def test_a_when_clause_tells_what_happened_at_the_date_of_a_main_clause_without_an_act() -> None:
    text = "The first of these visits came in June 2000, when Kim Dae-jung flew to Pyongyang to meet Kim Jong-il."
    (found,) = candidates(text, published=dt.date(2018, 9, 21))
    assert (found.event_type, dates_of([found])) == ("CONSULT", ["2000-06"])
    (found,) = candidates("Relations soured in March 2019, when China banned Australian coal.", dt.date(2020, 5, 1))
    assert (found.event_type, dates_of([found])) == ("COERCE", ["2019-03"])


def test_a_quote_the_same_speaker_gave_after_a_dated_statement_is_that_statement() -> None:
    text = (
        "Mali's foreign minister on Thursday denied that Wagner was in the country.\n"
        "Kremlin spokesman Dmitry Peskov said on Friday that the Russian state had nothing to do with it.\n"
        '"If there are Russian citizens there, they are there on a commercial basis," Peskov told journalists.'
    )
    found = candidates(text, published=dt.date(2022, 2, 4))
    assert [(c.event_type, c.date.text if c.date else None) for c in found][-1] == ("STATEMENT", "Friday")
    assert len([c for c in found if "Dmitry Peskov" in names_of(c)]) == 1


def test_the_speaker_named_after_a_quote_leads_its_actors() -> None:
    (found,) = candidates('"China has to act more responsibly," Joe Biden told reporters on Monday.')
    assert names_of(found) == ["Joe Biden", "China"]


def test_statements_of_two_speakers_about_the_same_parties_stay_two_events() -> None:
    text = (
        "Hamas said on Monday it had accepted a ceasefire proposal that Israel had not seen.\n"
        "Benjamin Netanyahu said on Monday that the proposal accepted by Hamas was far from Israel's requirements."
    )
    assert [names_of(c)[0] for c in candidates(text, published=dt.date(2024, 5, 7))] == ["Hamas", "Benjamin Netanyahu"]


def test_opinion_and_background_without_a_date_give_nothing() -> None:
    text = (
        "Guterres should intervene more forcefully in the war.\n"
        "Enough with condemnations and calling on Russia to abide by the law.\n"
        "Diplomats have long argued that dialogue remains the only path.\n"
        "He should be sending emissaries to Moscow."
    )
    assert candidates(text) == []


def test_a_sentence_without_any_actor_gives_nothing() -> None:
    assert candidates("The April ministerial gathering is expected to address urgent issues.") == []


def test_an_undated_statement_in_the_lede_is_dated_by_publication() -> None:
    found = candidates("Sergey Lavrov confirmed the talks would go ahead.")
    assert dates_of(found) == ["2025-09-24"]
    assert found[0].event_type == "STATEMENT"


def test_without_a_publication_date_an_undated_lede_gives_nothing() -> None:
    assert candidates("Sergey Lavrov confirmed the talks would go ahead.", published=None) == []


def test_an_undated_follow_up_takes_the_date_of_the_sentence_before() -> None:
    text = (
        "Background first. More background. Still more. And more. Then more. Even more here.\n"
        "On March 14, Zbigniew Rau spoke to the Security Council about Ukraine. "
        "Rau then spoke to the media, calling out Russia's atrocities."
    )
    found = candidates(text, published=dt.date(2022, 3, 15))
    assert [(c.event_type, c.date.value.as_json() if c.date and c.date.value else None) for c in found] == [
        ("CONSULT", "2022-03-14"), ("ACCUSE", "2022-03-14")
    ]  # fmt: skip


def test_a_pronoun_continuation_without_a_date_gives_nothing() -> None:
    text = "Emmanuel Macron said on Monday that Europe would stay united. He added that talks would continue."
    assert len(candidates(text)) == 1


def test_a_new_speaker_named_between_commas_after_a_possessive_is_no_continuation() -> None:
    text = (
        "Argentine President Alberto Fernández met Uruguay's president in Puerto Iguazú on Tuesday. "
        "Its president, Luis Arce Catacora, said his government would adopt the tariff. "
        "His minister, Luis Arce Catacora, added that talks would continue."
    )
    found = candidates(text, published=dt.date(2023, 7, 5))
    assert [(c.event_type, names_of(c)) for c in found[1:]] == [("STATEMENT", ["Luis Arce Catacora"])]
    assert dates_of(found[1:]) == ["2023-07-04"]


def test_the_question_a_speaker_was_asked_is_not_the_act() -> None:
    text = (
        "Argentine President Alberto Fernández met Uruguay's president in Puerto Iguazú on Tuesday. "
        "Asked about it at a press conference after the summit, Lula said he favoured Caracas' return."
    )
    found = candidates(text, published=dt.date(2023, 7, 5))
    assert [(c.event_type, names_of(c)[0]) for c in found[1:]] == [("STATEMENT", "Luiz Inácio Lula da Silva")]


def test_a_pronoun_subject_after_an_opening_phrase_refers_to_the_person_before() -> None:
    text = (
        "On Tuesday, General Abdel Fattah al-Burhan cancelled all agreements with the alliance. "
        "A day later, in a televised speech, he said the military was ready to resume negotiations."
    )
    found = candidates(text, published=dt.date(2019, 6, 7))
    assert [(c.event_type, names_of(c)) for c in found] == [
        ("REJECT", ["Abdel Fattah al-Burhan"]),
        ("STATEMENT", ["Abdel Fattah al-Burhan"]),
    ]
    assert dates_of(found) == ["2019-06-04", "2019-06-05"]


def test_an_invitation_to_a_scheduled_meeting_gives_the_invitation_and_the_meeting() -> None:
    text = "Sergei Lavrov invited Antony Blinken to meetings of the UN Security Council scheduled for April 24 and 25."
    found = candidates(text, published=dt.date(2023, 4, 19))
    assert [c.event_type for c in found] == ["REQUEST", "CONSULT"]
    assert dates_of(found) == ["2023-04-19", {"start": "2023-04-24", "end": "2023-04-25"}]
    assert found[0].fingerprint != found[1].fingerprint


def test_a_resolution_demanding_something_is_a_request() -> None:
    text = "The UN debated. The Assembly on Feb. 28 approved a resolution demanding that Russia withdraw its troops."
    found = candidates(text, published=dt.date(2022, 3, 15))
    assert [(c.event_type, [a.canonical_name for a in c.actors]) for c in found] == [
        ("REQUEST", ["United Nations General Assembly", "Russia"])
    ]  # fmt: skip


def test_a_candidate_carries_a_location_summary_and_confidence() -> None:
    (found,) = candidates("Sergey Lavrov met Marco Rubio at UN headquarters on Monday.")
    assert found.location == "New York"
    assert found.summary == "Sergey Lavrov met Marco Rubio at UN headquarters on Monday"
    assert len(found.summary) <= 120
    assert 0.0 <= found.confidence <= 1.0


def test_modal_and_hypothetical_sentences_give_nothing() -> None:
    assert candidates("Guterres could meet Putin on Monday.") == []


def test_a_habit_in_the_present_perfect_gives_nothing() -> None:
    text = "Today, leaders met in Paris. Vladimir Putin has repeatedly threatened to use nuclear weapons."
    assert [c.event_type for c in candidates(text)] == []


def test_an_old_narrative_date_is_not_inherited() -> None:
    text = (
        "Background one. Background two. Background three. Background four. Background five. More.\n"
        "The two leaders last met in Washington in December 2023. "
        '"We will support Ukraine," Joe Biden said in a statement.'
    )
    assert candidates(text, published=dt.date(2024, 9, 25)) == []


def test_an_undated_statement_elaborating_an_event_is_merged_into_it() -> None:
    text = (
        "Vladimir Putin on Tuesday warned Western countries against arming Ukraine. "
        "Speaking at a meeting, Putin said the doctrine could be revised."
    )
    found = candidates(text, published=dt.date(2024, 9, 25))
    assert [(c.event_type, c.date.value.as_json() if c.date and c.date.value else None) for c in found] == [
        ("THREATEN", "2024-09-24")
    ]


def test_a_negated_event_gives_nothing() -> None:
    assert candidates("Sergey Lavrov didn't meet Marco Rubio on Monday.") == []
    assert candidates("Sergey Lavrov did not meet Marco Rubio on Monday.") == []


def test_a_modal_far_from_the_event_word_does_not_block_it() -> None:
    found = candidates("Russia would consider itself at war, Vladimir Putin said on Monday.")
    assert [c.event_type for c in found] == ["STATEMENT"]


def test_the_same_actor_meeting_two_partners_on_one_day_gives_two_events() -> None:
    text = "Sergey Lavrov met Marco Rubio on Monday. Sergey Lavrov met Wang Yi on Monday."
    assert len(candidates(text)) == 2


def test_a_date_in_a_relative_clause_does_not_date_the_event() -> None:
    text = "Background. More. More. More. More. More. More.\nRussia, which invaded Ukraine in 2022, condemned the vote."
    assert candidates(text) == []


def test_a_headline_is_skipped_but_a_sentence_introducing_a_quote_is_not() -> None:
    assert candidates("Lavrov Meets Rubio on Monday") == []
    assert len(candidates("Sergey Lavrov said on Monday:\n\u201cWe are ready.\u201d")) == 1


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        ("The General Assembly passed a non-binding resolution on Monday.", "AGREE"),
        ("Russia voted against the draft on Monday.", "REJECT"),
        ("Xi Jinping held a telephone conversation with Emmanuel Macron on Monday.", "CONSULT"),
        ("Putin called Xi Jinping on Monday.", "CONSULT"),
        ("Hamas accepted the ceasefire proposal on Monday.", "AGREE"),
        ("Bashar al-Assad deepened his outreach, receiving Sergey Lavrov in Damascus on Monday.", "CONSULT"),
        ("Turkey closed its embassy in Damascus on Monday.", "SANCTION"),
        ("Jimmy Carter established full diplomatic relations with China on Monday.", "AGREE"),
        ("Deng Xiaoping toured the United States on Monday.", "CONSULT"),
        ("Hanan Ashrawi slammed the UAE on Monday.", "PROTEST"),
        ("Maria Zakharova wrote on her Facebook page on Monday that the strike was illegal.", "STATEMENT"),
        ("China, backed by Russia, on Monday blocked a British-drafted statement.", "REJECT"),
        ('Volodymyr Zelensky called it "a historic moment" on Monday.', "STATEMENT"),
        ("Donald Trump spoke by telephone late on Monday with Danish Prime Minister Mette Frederiksen.", "CONSULT"),
        ("The General Assembly voted overwhelmingly on Monday to upgrade the Palestinians' status.", "AGREE"),
        ("Georgia's parliament voted on Monday to withdraw from the Commonwealth of Independent States.", "RETREAT"),
        ("France voted in favour of the resolution on Monday.", "SUPPORT"),
        ("Iran and the United States struck a deal on Monday.", "AGREE"),
        ("Angela Merkel struck a conciliatory tone on Monday.", "STATEMENT"),
        ("Moon Jae-in landed at Pyongyang's Sunan airport on Monday.", "CONSULT"),
        ("Recep Tayyip Erdogan, who had hesitated, flew in late on Monday.", "CONSULT"),
        ("G7 leaders gathered at Schloss Elmau on Monday.", "CONSULT"),
        ("Fumio Kishida held the eighth Japan-India Foreign Ministers' Strategic Dialogue on Monday.", "CONSULT"),
        ("Fumio Kishida paid a courtesy call on Narendra Modi on Monday.", "CONSULT"),
        ("France votes against the draft on Monday.", "REJECT"),
        ("The Group of Seven issued a joint declaration on Monday.", "STATEMENT"),
        ("NATO issued a stark warning to Belarus on Monday.", "THREATEN"),
        ("Mahmoud Abbas submitted an application for full UN membership on Monday.", "REQUEST"),
        ("Finland became NATO's 31st member on Monday.", "COOPERATE"),
        ("The Russian parliament passed the Foreign Agents Act on Monday.", "AGREE"),
        ("President Lee Myung-bak convened his security council on Monday.", "CONSULT"),
        ("Azerbaijan launched a military operation on Monday, shelling positions across the enclave.", "ASSAULT"),
        ("9 November 2020 - Armenia and Azerbaijan sign a Russian-brokered ceasefire.", "AGREE"),
        ("The International Court of Justice on Monday ruled that Chile has no obligation to negotiate.", "STATEMENT"),
        ("Bolivia took its case to The Hague on Monday.", "ACCUSE"),
        ("Chile filed a separate case against Bolivia on Monday.", "ACCUSE"),
        ("China applied for observer status on Monday.", "REQUEST"),
        ("Norway on Monday admitted China, India and Japan as permanent observers.", "AGREE"),
        ("The United States granted clemency to five Iranian nationals on Monday.", "CONCEDE"),
        ("Hungary blocked the sanctions package on Monday.", "REJECT"),
        ("Antony Blinken made an impassioned plea to delegates on Monday.", "REQUEST"),
        ('"China attaches great importance to human rights," Xi Jinping replied on Monday.', "STATEMENT"),
        ("1988 - The Armenian parliament votes to join Armenia.", "AGREE"),
        ("Azerbaijan launched what it called anti-terror measures on Monday, shelling positions.", "ASSAULT"),
    ],
)
def test_common_phrasings_of_diplomatic_events(sentence: str, event_type: str) -> None:
    assert [c.event_type for c in candidates(sentence)] == [event_type]


def test_a_chronology_entry_tells_its_act_in_the_base_form() -> None:
    text = (
        "- April 8, 2010: Barack Obama and Dmitry Medvedev sign New START in Prague.\n\n"
        "- Jan. 27, 2021: Both houses of Russia's parliament vote unanimously to ratify the extension.\n\n"
        "Barack Obama and Dmitry Medvedev hope to ratify it in 2010."
    )
    found = candidates(text)
    assert [(c.event_type, dates_of([c])[0]) for c in found] == [("AGREE", "2010-04-08"), ("AGREE", "2021-01-27")]


def test_a_city_at_the_end_of_a_sentence_is_the_location() -> None:
    (found,) = candidates("Sergey Lavrov met Marco Rubio on Monday in Geneva.")
    assert found.location == "Geneva"
