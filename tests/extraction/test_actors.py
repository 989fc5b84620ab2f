import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.extraction.actors import _TOKEN, ActorMatcher, _tokens, load_starter_actors
from articles.extraction.types import ActorEntry


@pytest.fixture(scope="module")
def matcher() -> ActorMatcher:
    return ActorMatcher(load_starter_actors())


def actors_in(matcher: ActorMatcher, text: str) -> list[tuple[str, str, bool]]:
    return [
        (f.mention.surface, f.mention.canonical_name, f.mention.known) for f in matcher.find(text, [(0, len(text))])
    ]


def canonical_names(matcher: ActorMatcher, text: str) -> list[str]:
    return [canonical for _, canonical, _ in actors_in(matcher, text)]


def test_the_starter_dictionary_loads_hundreds_of_entries() -> None:
    entries = load_starter_actors()
    assert len(entries) >= 300
    assert {entry.kind for entry in entries} == {"person", "country", "organization"}
    assert len({entry.canonical_name for entry in entries}) == len(entries)


def test_leaders_of_the_1990s_and_2000s_are_known_in_their_news_spellings(matcher: ActorMatcher) -> None:
    text = "Slobodan Milosevic, Franjo Tudjman, Kim Jong Il and Kim Dae Jung were named."
    assert canonical_names(matcher, text) == ["Slobodan Milošević", "Franjo Tuđman", "Kim Jong-il", "Kim Dae-jung"]


def test_regional_bodies_and_treaty_organizations_are_known() -> None:
    matcher = ActorMatcher(load_starter_actors())
    text = "Mercosur, the OPCW, the Pacific Islands Forum and the IRGC responded."
    assert canonical_names(matcher, text) == [
        "Southern Common Market",
        "Organisation for the Prohibition of Chemical Weapons",
        "Pacific Islands Forum",
        "Islamic Revolutionary Guard Corps",
    ]


def test_armed_groups_parliaments_seats_of_power_and_rights_groups_are_known(matcher: ActorMatcher) -> None:
    text = "The RSF, the Knesset, the Duma, the Elysee, Downing Street and Amnesty responded."
    au_council = "The African Union's Peace and Security Council suspended Sudan."
    assert canonical_names(matcher, au_council) == ["African Union Peace and Security Council", "Sudan"]
    assert canonical_names(matcher, text) == [
        "Rapid Support Forces",
        "Knesset",
        "State Duma",
        "Presidency of France",
        "Prime Minister's Office of the United Kingdom",
        "Amnesty International",
    ]


def test_acronyms_written_as_words_in_british_house_style_are_known(matcher: ActorMatcher) -> None:
    assert canonical_names(matcher, "Nato, Asean, Opec and Unesco met.") == [
        "North Atlantic Treaty Organization",
        "Association of Southeast Asian Nations",
        "Organization of the Petroleum Exporting Countries",
        "United Nations Educational, Scientific and Cultural Organization",
    ]


def test_a_body_the_dictionary_lacks_is_proposed_by_the_noun_that_ends_its_name(matcher: ActorMatcher) -> None:
    text = "The Saami Council said on Monday that the Pacific Islands Forum erred."
    assert actors_in(matcher, text)[0] == ("Saami Council", "Saami Council", False)
    association = "The Sudanese Professionals Association rejected the offer."
    assert actors_in(matcher, association) == [
        ("Sudanese Professionals Association", "Sudanese Professionals Association", False)
    ]
    longer = "Kishida spoke at the Indian Council of World Affairs and the Shanghai Cooperation Organization's Council."
    assert [name for name, _, known in actors_in(matcher, longer) if not known] == []


@pytest.mark.parametrize("surface", ["Sergei Lavrov", "Sergey Lavrov", "Lavrov"])
def test_lavrov_in_any_spelling(matcher: ActorMatcher, surface: str) -> None:
    assert canonical_names(matcher, f"{surface} arrived on Monday.") == ["Sergey Lavrov"]


@pytest.mark.parametrize("surface", ["António Guterres", "Antonio Guterres", "Guterres"])
def test_guterres_with_or_without_the_accent(matcher: ActorMatcher, surface: str) -> None:
    assert canonical_names(matcher, f"{surface} spoke.") == ["António Guterres"]


def test_a_twitter_handle_is_its_owner(matcher: ActorMatcher) -> None:
    assert canonical_names(matcher, "Lavrov and US Secretary of State @marcorubio hold a meeting.") == [
        "Sergey Lavrov", "Marco Rubio"
    ]  # fmt: skip


def test_the_kremlin_and_capitals_speak_for_governments(matcher: ActorMatcher) -> None:
    assert canonical_names(matcher, "The Kremlin said Washington and Kyiv must agree.") == [
        "Presidency of Russia", "United States", "Ukraine"
    ]  # fmt: skip


def test_a_capital_after_a_preposition_is_a_place(matcher: ActorMatcher) -> None:
    assert canonical_names(matcher, "Leaders plan to visit Kyiv after talks in Moscow.") == []


def test_unsc_and_its_long_names(matcher: ActorMatcher) -> None:
    text = "The UNSC met. The UN Security Council voted. The Security Council adjourned."
    assert canonical_names(matcher, text) == ["United Nations Security Council"] * 3


def test_the_assembly_is_the_general_assembly_in_a_un_context(matcher: ActorMatcher) -> None:
    text = "The UN debated the war. The Assembly did step in on Feb. 28."
    assert canonical_names(matcher, text)[-1] == "United Nations General Assembly"


def test_the_assembly_without_a_un_context_is_nobody(matcher: ActorMatcher) -> None:
    assert canonical_names(matcher, "The Assembly of Kent met on Monday.") == []


def test_a_national_security_council_is_not_the_uns(matcher: ActorMatcher) -> None:
    assert "United Nations Security Council" not in canonical_names(matcher, "The National Security Council met.")


def test_a_demonym_before_a_title_leaves_the_person_as_the_actor(matcher: ActorMatcher) -> None:
    assert canonical_names(matcher, "Russian Foreign Minister Sergei Lavrov spoke.") == ["Sergey Lavrov"]


def test_a_demonym_before_a_state_noun_is_the_state(matcher: ActorMatcher) -> None:
    assert canonical_names(matcher, "The Russian government and French troops responded.") == ["Russia", "France"]


def test_a_demonym_before_a_state_organ_is_the_state_unless_a_title_follows(matcher: ActorMatcher) -> None:
    assert canonical_names(matcher, "The Chinese Foreign Ministry and the Philippine Coast Guard said so.") == [
        "China", "Philippines"
    ]  # fmt: skip
    assert canonical_names(matcher, "Chinese Foreign Ministry spokesperson Wang Wenbin said so.") == ["Wang Wenbin"]


def test_a_demonym_as_an_adjective_is_nobody(matcher: ActorMatcher) -> None:
    assert canonical_names(matcher, "He praised Ukrainian culture and French cuisine.") == []


def test_a_possessive_country_before_a_title_is_not_an_actor(matcher: ActorMatcher) -> None:
    assert canonical_names(matcher, "Russia's Foreign Minister Sergey Lavrov and Iran's Masoud Pezeshkian met.") == [
        "Sergey Lavrov", "Masoud Pezeshkian"
    ]  # fmt: skip


def test_an_unknown_titled_person_is_proposed_and_found_again_by_surname(matcher: ActorMatcher) -> None:
    text = "Deputy Foreign Minister Alexander Pankin spoke. Later, Pankin clarified his remarks."
    assert actors_in(matcher, text) == [
        ("Alexander Pankin", "Alexander Pankin", False), ("Pankin", "Alexander Pankin", False)
    ]  # fmt: skip


def test_a_titled_surname_is_the_person_the_article_named_not_a_known_namesake(matcher: ActorMatcher) -> None:
    text = "Defence Minister Rajnath Singh spoke on Thursday. Mr. Singh said China had massed troops."
    assert canonical_names(matcher, text) == ["Rajnath Singh", "Rajnath Singh", "China"]
    assert canonical_names(matcher, "Mr. Lavrov said China had massed troops.") == ["Sergey Lavrov", "China"]
    # Manmohan and Jaswant Singh are both known: an untold Singh is not guessed
    assert canonical_names(matcher, "Mr. Singh said China had massed troops.") == ["China"]


def test_a_titled_strangers_possessive_is_no_part_of_the_name(matcher: ActorMatcher) -> None:
    text = "It followed Premier Zhao Example's annual meeting with Asean leaders. Mr Zhao later left."
    assert canonical_names(matcher, text)[:1] == ["Zhao Example"]
    assert actors_in(matcher, text)[-1] == ("Zhao", "Zhao Example", False)


def test_the_named_speaker_of_a_quote_is_proposed_but_not_a_body_or_a_place(matcher: ActorMatcher) -> None:
    text = '"There are only trainers," Abdoulaye Diop told reporters. Later Diop left.'
    assert actors_in(matcher, text) == [("Abdoulaye Diop", "Abdoulaye Diop", False), ("Diop", "Abdoulaye Diop", False)]
    assert canonical_names(matcher, '"It is a crime," International Crisis Group said.') == []
    assert canonical_names(matcher, '"We are ready," Hong Kong said.') == []


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Israel's ambassador to the UN, Ron Prosor, told the assembly it would not advance peace.", "Ron Prosor"),
        ("Mali's foreign minister Abdoulaye Diop denied it.", "Abdoulaye Diop"),
        ("Opposition leader Rahul Gandhi accused the government.", "Rahul Gandhi"),
        ("Kishida met H.E. Ms. Sushma Swaraj in New Delhi.", "Sushma Swaraj"),
        ("Azerbaijani presidential adviser Hikmet Hajiyev said the talks were constructive.", "Hikmet Hajiyev"),
        ("Lithuania's Gabrielius Landsbergis accused Budapest of holding the Union hostage.", "Gabrielius Landsbergis"),
        ("Chief military spokesman Rear Admiral Daniel Hagari said so.", "Daniel Hagari"),
        ("Colonel Assimi Goita seized power.", "Assimi Goita"),
        ("He met Sushma Swaraj, Minister of External Affairs of India, in New Delhi.", "Sushma Swaraj"),
        ("Luis Lacalle Pou, Uruguay's president, refused to sign.", "Luis Lacalle Pou"),
    ],
)
def test_a_title_in_lower_case_an_honorific_or_a_title_after_the_name_introduces_a_stranger(
    matcher: ActorMatcher, text: str, person: str
) -> None:
    assert person in canonical_names(matcher, text)


def test_an_unknown_person_in_apposition_to_a_title_is_proposed(matcher: ActorMatcher) -> None:
    text = "TASS cited Maria Example, the deputy foreign minister, as saying so."
    assert ("Maria Example", "Maria Example", False) in actors_in(matcher, text)


@pytest.mark.parametrize(
    "text",
    [
        "Minister of Foreign Affairs Maria Example held talks in Hanoi.",
        "Sergey Lavrov held talks with his Beninese counterpart Maria Example in Hanoi.",
    ],
)
def test_an_unknown_person_after_a_ministry_title_or_as_a_counterpart_is_proposed(
    matcher: ActorMatcher, text: str
) -> None:
    assert ("Maria Example", "Maria Example", False) in actors_in(matcher, text)


def test_a_counterpart_left_unnamed_proposes_nobody(matcher: ActorMatcher) -> None:
    assert canonical_names(matcher, "Sergey Lavrov met his counterpart in Ankara.") == ["Sergey Lavrov"]


def test_a_surname_before_the_full_name_is_not_matched(matcher: ActorMatcher) -> None:
    text = "Pankin was quoted. Ambassador Alexander Pankin spoke."
    assert [surface for surface, _, _ in actors_in(matcher, text)] == ["Alexander Pankin"]


def test_a_matcher_from_database_rows_uses_only_those_rows() -> None:
    matcher = ActorMatcher([ActorEntry("Jane Roe", "person", ("J. Roe",))])
    assert canonical_names(matcher, "J. Roe met Lavrov. Roe left.") == ["Jane Roe", "Jane Roe"]


def test_a_matcher_is_reusable_across_articles(matcher: ActorMatcher) -> None:
    first = canonical_names(matcher, "Ambassador John Doe Smith met Putin.")
    second = canonical_names(matcher, "Smith left.")
    assert first == ["John Doe Smith", "Vladimir Putin"]
    assert second == []


def test_a_country_inside_another_name_is_not_the_country(matcher: ActorMatcher) -> None:
    text = "Singapore Airlines and Air France flew. In France, Russia. Talks began."
    assert canonical_names(matcher, text) == ["France", "Russia"]


def test_a_national_security_council_after_a_possessive_is_not_the_uns(matcher: ActorMatcher) -> None:
    text = "The UN met. Putin chaired his Security Council. Russia's Security Council met too."
    assert "United Nations Security Council" not in canonical_names(matcher, text)


def test_a_state_organ_after_a_possessive_keeps_the_state_as_actor(matcher: ActorMatcher) -> None:
    assert canonical_names(matcher, "China's Commerce Ministry said it opposes the move.") == ["China"]
    assert canonical_names(matcher, "Russia's Defence Ministry said drones were downed.") == ["Russia"]


def test_a_titled_person_after_a_possessive_is_the_actor_not_the_state(matcher: ActorMatcher) -> None:
    assert "Iran" not in canonical_names(matcher, "Iran's Foreign Minister Abbas Araghchi said on Monday.")


def test_a_weekday_before_a_country_does_not_make_a_longer_name(matcher: ActorMatcher) -> None:
    assert canonical_names(matcher, "Jens Stoltenberg said on Tuesday Russia bears responsibility.") == [
        "Jens Stoltenberg",
        "Russia",
    ]


def test_leaders_of_earlier_decades_are_known(matcher: ActorMatcher) -> None:
    text = "Ronald Reagan met Mikhail Gorbachev; Condoleezza Rice later met Mohammad Javad Zarif."
    assert canonical_names(matcher, text) == [
        "Ronald Reagan",
        "Mikhail Gorbachev",
        "Condoleezza Rice",
        "Mohammad Javad Zarif",
    ]


def test_the_council_far_from_any_mention_of_the_un_is_a_local_council(matcher: ActorMatcher) -> None:
    filler = "Residents discussed roads, schools and parking at length. " * 60
    assert canonical_names(matcher, f"The UN sent a team.\n{filler}\nThe council voted to ban the parade.") == [
        "United Nations"
    ]
    assert "United Nations Security Council" in canonical_names(matcher, "The UN met. The Council voted.")


def test_a_demonym_before_warships_or_lawmakers_stands_for_the_state(matcher: ActorMatcher) -> None:
    assert canonical_names(matcher, "Chinese warships and Russian lawmakers.") == ["China", "Russia"]


def test_a_country_naming_a_sea_or_a_bank_is_not_an_actor(matcher: ActorMatcher) -> None:
    assert canonical_names(matcher, "Drills in the Sea of Japan worried the Bank of England.") == []


def test_a_country_naming_its_own_department_is_the_actor(matcher: ActorMatcher) -> None:
    assert canonical_names(matcher, "The U.S. Commerce Department imposed export curbs.") == ["United States"]


def test_a_state_with_a_lowercase_title_and_no_name_is_the_actor(matcher: ActorMatcher) -> None:
    assert "United Kingdom" in canonical_names(matcher, "The United Kingdom's representative said the text was weak.")
    assert "Russia" not in canonical_names(matcher, "Russia's foreign minister Sergey Lavrov said the text was weak.")


@pytest.mark.parametrize(
    ("text", "referred"),
    [
        ("Foreign Minister Cho Tae-yul met Takeshi Iwaya. Cho said the talks went well.", "Cho"),
        ("Foreign Minister Qin Gang met Antony Blinken. Qin said the talks went well.", "Qin"),
    ],
)
def test_an_east_asian_person_is_referred_back_to_by_the_family_name_written_first(
    matcher: ActorMatcher, text: str, referred: str
) -> None:
    surfaces = [surface for surface, _, _ in actors_in(matcher, text)]
    assert referred in surfaces and "Tae-yul" not in surfaces and "Gang" not in surfaces


def test_a_name_opening_with_initials_is_proposed(matcher: ActorMatcher) -> None:
    text = "External Affairs Minister K Natwar Singh held talks. Singh said they went well."
    assert actors_in(matcher, text)[:2] == [
        ("K Natwar Singh", "K Natwar Singh", False), ("Singh", "K Natwar Singh", False)
    ]  # fmt: skip


def test_a_titled_name_set_off_by_commas_is_proposed(matcher: ActorMatcher) -> None:
    text = "The UK Foreign Secretary, Maria Example, has arrived in Iran."
    assert ("Maria Example", "Maria Example", False) in actors_in(matcher, text)


def test_a_title_before_a_comma_and_a_list_of_states_proposes_nobody(matcher: ActorMatcher) -> None:
    assert canonical_names(matcher, "The Secretary, Russia and China spoke.") == ["Russia", "China"]


def test_an_unknown_person_with_a_title_but_no_article_in_apposition_is_proposed(matcher: ActorMatcher) -> None:
    text = "\u201cWe will abide by it,\u201d Maria Example, media adviser to the movement, told Reuters."
    assert ("Maria Example", "Maria Example", False) in actors_in(matcher, text)


@pytest.mark.parametrize(
    ("text", "states"),
    [
        ("The Russian foreign minister said so.", ["Russia"]),
        ("The Indian and Chinese foreign ministers agreed.", ["India", "China"]),
        ("The French, German and British foreign ministers met.", ["France", "Germany", "United Kingdom"]),
        ("The Russian and Chinese governments agreed.", ["Russia", "China"]),
    ],
)
def test_demonyms_before_an_unnamed_title_or_a_state_noun_are_the_states(
    matcher: ActorMatcher, text: str, states: list[str]
) -> None:
    assert canonical_names(matcher, text) == states


def test_a_demonym_before_a_titled_name_is_still_not_the_state(matcher: ActorMatcher) -> None:
    assert canonical_names(matcher, "Russian foreign minister Sergei Lavrov said so.") == ["Sergey Lavrov"]


def test_a_title_before_the_surname_of_one_known_person_names_that_person(matcher: ActorMatcher) -> None:
    # neither surname is an alias of its own: "Johnson" and "Austin" alone name too many
    text = "Prime Minister Johnson met Secretary Austin. Johnson said the talks went well."
    assert actors_in(matcher, text) == [
        ("Johnson", "Boris Johnson", True), ("Austin", "Lloyd Austin", True), ("Johnson", "Boris Johnson", True)
    ]  # fmt: skip


def test_a_title_before_a_surname_shared_by_two_known_people_names_nobody(matcher: ActorMatcher) -> None:
    assert canonical_names(matcher, "President Clinton said so.") == []


@pytest.mark.parametrize(
    "text",
    [
        "State Department spokesman Maria Example said so.",
        "Ukrainian Ambassador to the UN Maria Example told reporters.",
        "Maria Example, a vice-premier, will hold negotiations.",
    ],
)
def test_more_titles_propose_an_unknown_person(matcher: ActorMatcher, text: str) -> None:
    assert ("Maria Example", "Maria Example", False) in actors_in(matcher, text)


def test_a_demonym_before_an_indefinite_title_is_nobody(matcher: ActorMatcher) -> None:
    assert canonical_names(matcher, "It was the first time that a Syrian leader had addressed the Council.") == []


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("aZ9_ .'-\u2019@\nSsé"), max_size=60), start=st.integers(0, 60))
def test_words_are_cut_as_the_token_pattern_finds_them(text: str, start: int) -> None:
    start = min(start, len(text))
    assert _tokens(text, start, len(text)) == [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start)]
