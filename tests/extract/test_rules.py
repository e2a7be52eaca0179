"""extract.rules.v1 on sentences written for these tests: who did what to whom, and how sure."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from pactwatch.actors import load_registry
from pactwatch.extract.lexicon import load_lexicon
from pactwatch.extract.rules import extract_events
from pactwatch.model import Document, Event


def _events(parse: Callable[[str], Any], text: str, published: str = "2024-09-01") -> list[Event]:
    doc = parse(text)
    document = Document(id="t", published=published, chars=len(text))
    return extract_events(doc, document, load_lexicon(), load_registry())


# (sentence, expected fields of the one event it should yield)
CASES: list[tuple[str, dict[str, object]]] = [
    (
        "Belarus and Russia signed a border agreement in Minsk on 3 March 2021.",
        {
            "source": "BLR",
            "target": "RUS",
            "type": "AGREE",
            "mode": "treaty_signed",
            "date": "2021-03-03",
            "modality": "asserted",
        },
    ),
    (
        "Iran has shipped thousands of drones to Russia, Ukrainian intelligence said.",
        {
            "source": "IRN",
            "target": "RUS",
            "type": "AID",
            "mode": "military_materiel",
            "modality": "reported",
            "attributed_to": "UKR.INT",
        },
    ),
    (
        # Forces sent to another state are aid to it; to a border they are MOBILIZE.
        "The White House denied sending troops to Poland.",
        {
            "source": "USA",
            "source_role": "GOV",
            "target": "POL",
            "type": "AID",
            "polarity": "negative",
            "modality": "reported",
            "attributed_to": "USA.GOV",
        },
    ),
    (
        # a move to do something is a step towards it, not the act
        "Sweden moved to ratify the defence pact with Finland on Monday.",
        {"source": "SWE", "target": "FIN", "type": "AGREE", "modality": "intended"},
    ),
    (
        "China might supply fuel to North Korea if the harvest fails.",
        {
            "source": "CHN",
            "target": "PRK",
            "type": "AID",
            "mode": "fuel",
            "modality": "speculative",
        },
    ),
    (
        "Tokyo is ready to provide food to Ukraine.",
        {"source": "JPN", "target": "UKR", "type": "AID", "mode": "food", "modality": "intended"},
    ),
    (
        "According to the NIS, roughly 2,000 North Korean soldiers were moved to Russia in March 2025.",
        {
            "source": "PRK",
            "source_role": "MIL",
            "type": "MOBILIZE",
            "modality": "reported",
            "attributed_to": "KOR.INT",
            "date": "2025-03",
        },
    ),
    (
        "Germany did not deliver missiles to Ukraine last year.",
        {
            "source": "DEU",
            "target": "UKR",
            "mode": "missiles",
            "polarity": "negative",
            "modality": "asserted",
        },
    ),
    (
        "The Kremlin wants to buy ammunition from Iran.",
        {
            "source": "IRN",
            "target": "RUS",
            "type": "AID",
            "mode": "munitions",
            "modality": "intended",
        },
    ),
    (
        "Xi Jinping met Kim Jong Un in Beijing in March 2018.",
        {
            "source": "CHN",
            "target": "PRK",
            "type": "CONSULT",
            "date": "2018-03",
            "modality": "asserted",
        },
    ),
    (
        "Russia vetoed the draft resolution on Tuesday.",
        {"source": "RUS", "type": "REJECT", "mode": "veto", "modality": "asserted"},
    ),
    (
        "Britain will send more than 500 engineers to Poland.",
        {"source": "GBR", "target": "POL", "type": "AID", "modality": "intended"},
    ),
    (
        "Washington accused Tehran of selling missiles to Moscow.",
        {"source": "USA", "target": "IRN", "type": "ACCUSE", "modality": "asserted"},
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_events_from_written_sentences(
    parse: Callable[[str], Any], sentence: str, expected: dict[str, object]
) -> None:
    events = _events(parse, sentence)
    matching = [
        e
        for e in events
        if e.type == expected.get("type", e.type) and e.source == expected["source"]
    ]
    assert matching, f"no {expected.get('type')} event from {expected['source']} in {events}"
    event = matching[0]
    for key, value in expected.items():
        assert getattr(event, key) == value, (key, event)


def test_accusation_codes_the_accused_act_as_reported(parse: Callable[[str], Any]) -> None:
    events = _events(parse, "Washington accused Tehran of selling missiles to Moscow.")
    sale = next(e for e in events if e.type == "AID")
    assert (sale.source, sale.target, sale.modality) == ("IRN", "RUS", "reported")


def test_quantities_value_and_bounds(parse: Callable[[str], Any]) -> None:
    (event,) = _events(
        parse, "Russia delivered more than 2 million barrels of diesel to North Korea."
    )
    (quantity,) = event.quantities
    assert (quantity.value, quantity.low, quantity.high, quantity.item) == (
        None,
        2_000_000,
        None,
        "diesel",
    )
    (event,) = _events(parse, "Iran sent up to 300 drones to Russia.")
    assert event.quantities[0].high == 300


def test_passive_agreements_between_parties(parse: Callable[[str], Any]) -> None:
    # Both parties sign: one event in each direction.
    events = _events(parse, "A border accord was signed between Belarus and Russia in May 2019.")
    assert {(e.source, e.target, e.type, e.date) for e in events} == {
        ("BLR", "RUS", "AGREE", "2019-05"),
        ("RUS", "BLR", "AGREE", "2019-05"),
    }
    events = _events(
        parse, "Observers recalled a pact signed in 1950 between China and the Soviet Union."
    )
    assert {(e.source, e.target, e.date) for e in events if e.type == "AGREE"} == {
        ("CHN", "SUN", "1950"),
        ("SUN", "CHN", "1950"),
    }


def test_the_verb_mode_wins_unless_the_object_changes_the_type(parse: Callable[[str], Any]) -> None:
    (ratified,) = _events(parse, "Belarus ratified the treaty with Russia in 2022.")
    assert (ratified.type, ratified.mode) == ("AGREE", "treaty_ratified")
    # Forces sent to another state are aid to it; forces moved to a border are a deployment.
    (deployed,) = _events(parse, "Russia deployed an air defence system to Belarus.")
    assert (deployed.type, deployed.mode) == ("AID", "military_materiel")
    (troops,) = _events(parse, "Russia sent 500 troops to Belarus.")
    assert (troops.type, troops.mode) == ("AID", "troop_deployment")
    (moved,) = _events(parse, "Russia moved 500 troops to the border.")
    assert (moved.type, moved.mode, moved.target) == ("MOBILIZE", "troop_deployment", None)


def test_a_weapon_maker_is_not_the_target(parse: Callable[[str], Any]) -> None:
    (event,) = _events(parse, "Russia fired Iranian drones at Ukraine.")
    assert (event.source, event.target, event.type) == ("RUS", "UKR", "ASSAULT")


def test_a_historical_statement_keeps_its_own_date(parse: Callable[[str], Any]) -> None:
    events = _events(
        parse, "On 11 July 1961, China and North Korea signed a treaty of friendship in Beijing."
    )
    assert {(e.date, e.modality, e.source, e.target) for e in events} == {
        ("1961-07-11", "asserted", "CHN", "PRK"),
        ("1961-07-11", "asserted", "PRK", "CHN"),
    }
    assert all(e.location is not None and e.location.name == "Beijing" for e in events)


def test_people_link_to_the_state_they_served_on_the_date(parse: Callable[[str], Any]) -> None:
    (early,) = _events(parse, "Kim met Khrushchev in Moscow.", published="1961-07-06")
    assert (early.source, early.target) == ("PRK", "SUN")


def test_no_event_without_an_actor_or_a_lexicon_object(parse: Callable[[str], Any]) -> None:
    assert _events(parse, "The weather turned cold and the harvest failed.") == []
    assert _events(parse, "Russia sent a shipment of condolences.") == []  # no lexicon object
    assert _events(parse, "Russia sent a message of condolence.") == []  # a message to no one


def test_spans_are_exact_slices(parse: Callable[[str], Any]) -> None:
    text = (
        "Headline about nothing\nOfficials said Iran sent drones to Russia in 2022.\n\nMore text."
    )
    events = _events(parse, text)
    assert events
    for event in events:
        assert text[event.span.start : event.span.end] == event.span.text
        assert "\n" not in event.span.text  # a line break ends a sentence


# Constructions a lexicon of verbs alone misses: (sentence, the (type, source, target) it yields)
CONSTRUCTIONS: list[tuple[str, set[tuple[str, str, str | None]]]] = [
    # the recipient as object, the goods in a with-phrase
    ("Armenia supplied Georgia with hundreds of mortars.", {("AID", "ARM", "GEO")}),
    # a named weapon system, in the plural, and an amount of money
    ("Norway delivered F-16s to Ukraine in June.", {("AID", "NOR", "UKR")}),
    ("Japan gave Ukraine $200 million in humanitarian aid.", {("AID", "JPN", "UKR")}),
    # an attack on a place is an attack on the state it belongs to
    ("Russian forces shelled Kharkiv overnight.", {("ASSAULT", "RUS", "UKR")}),
    ("Ukrainian drones hit a refinery in Russia's Ryazan region.", {("ASSAULT", "UKR", "RUS")}),
    # and a visit to a city is a visit to its state
    ("Kim Jong Un arrived in Vladivostok on Tuesday.", {("CONSULT", "PRK", "RUS")}),
    # a person received is the one consulted; an envoy sent is a visit
    ("Xi received the Hungarian prime minister in Beijing.", {("CONSULT", "CHN", "HUN")}),
    ("Seoul sent an envoy to Tokyo last week.", {("CONSULT", "KOR", "JPN")}),
    # the owners named in an of-phrase each take part
    (
        "The defence ministers of Japan and Australia met in Darwin.",
        {("CONSULT", "JPN", "AUS"), ("CONSULT", "AUS", "JPN")},
    ),
    # a thing rammed belongs to the one acted on; water cannon is force without fire
    ("Chinese ships rammed a Vietnamese fishing boat.", {("COERCE", "CHN", "VNM")}),
    ("Chinese vessels fired water cannon at a Philippine boat.", {("COERCE", "CHN", "PHL")}),
    # a particle the parser takes for an adverb, a lemma the lemmatiser gets wrong
    ("Ukraine's army pulled back from Avdiivka.", {("RETREAT", "UKR", None)}),
    (
        "Moscow and Beijing staged joint naval patrols near Alaska.",
        {("COOPERATE", "RUS", "CHN"), ("COOPERATE", "CHN", "RUS")},
    ),
    # the content of a warning is not an event of its own
    ("Moscow warned NATO against sending troops to Ukraine.", {("THREATEN", "RUS", "NATO")}),
    ("Washington slapped sanctions on two Iranian airlines.", {("SANCTION", "USA", "IRN")}),
    # coordinated adjectives on one subject each take part; letters exchanged are contact
    (
        "The Chinese and Iranian presidents exchanged letters.",
        {("CONSULT", "CHN", "IRN"), ("CONSULT", "IRN", "CHN")},
    ),
    ("The Kremlin welcomed a Laotian delegation.", {("CONSULT", "RUS", "LAO")}),
    (
        "Serbia praised the treaty between Russia and Belarus.",
        {("SUPPORT", "SRB", "RUS"), ("SUPPORT", "SRB", "BLR")},
    ),
    # waters named after a state are not the state; intelligence exchanged is cooperation
    (
        "Russian and Chinese bombers patrolled over the Sea of Japan together.",
        {("COOPERATE", "RUS", "CHN"), ("COOPERATE", "CHN", "RUS")},
    ),
    (
        "Poland and Lithuania will exchange intelligence on Belarusian units.",
        {("COOPERATE", "POL", "LTU"), ("COOPERATE", "LTU", "POL")},
    ),
    # troops sent to a border face the state beyond it; they are not aid to it
    ("Finland deployed troops to its border with Russia.", {("MOBILIZE", "FIN", "RUS")}),
    # a pronoun opening a sentence stands for the subject of the one before
    (
        "Iran is a major arms supplier to Moscow. It has shipped drones to Russia since 2022.",
        {("AID", "IRN", "RUS")},
    ),
    # "the North" and "the South" in a text about Korea
    (
        "Seoul protested to Beijing. The South accused the North of jamming GPS signals.",
        {("ACCUSE", "KOR", "CHN"), ("ACCUSE", "KOR", "PRK")},
    ),
    # a vow to destroy is a threat; "if attacked" names no attacker; a threat's condition is
    # not an event
    ("Tehran vowed to destroy Israel if attacked.", {("THREATEN", "IRN", "ISR")}),
    ("Russia warned Finland of consequences if it hosts US troops.", {("THREATEN", "RUS", "FIN")}),
    # what is lifted or freed concedes to its owner
    ("Hungary lifted its veto on Finland's accession.", {("CONCEDE", "HUN", "FIN")}),
    ("Iran released two French journalists.", {("CONCEDE", "IRN", "FRA")}),
    # who is asked: a from-phrase, or the subject of the demand
    ("Kyiv requested more shells from Seoul.", {("REQUEST", "UKR", "KOR")}),
    ("Seoul demanded that Tokyo withdraw the claim.", {("REQUEST", "KOR", "JPN")}),
    # a veto targets the drafter, named as a compound too
    ("Poland vetoed the EU statement on Russia.", {("REJECT", "POL", "EU")}),
    # a relative clause's subject is the noun it is about
    (
        "Iran, which has sent drones to Russia, denies any role in the war.",
        {("AID", "IRN", "RUS")},
    ),
    # coordinated subjects accuse no one of each other
    (
        "Both Tokyo and Canberra condemned the launch.",
        {("ACCUSE", "JPN", None), ("ACCUSE", "AUS", None)},
    ),
    (
        "Neither Brazil nor India joined the sanctions on Russia.",
        {("SANCTION", "BRA", "RUS"), ("SANCTION", "IND", "RUS")},
    ),
    # a name in apposition inside a list of subjects is one more of them
    (
        "Bahrain, the UAE and Egypt cut ties with Qatar.",
        {("SANCTION", "BHR", "QAT"), ("SANCTION", "ARE", "QAT"), ("SANCTION", "EGY", "QAT")},
    ),
    # relations established or restored are mutual; an abstention neither backs nor opposes
    (
        "Cuba and South Korea established diplomatic relations in 2024.",
        {("SUPPORT", "CUB", "KOR"), ("SUPPORT", "KOR", "CUB")},
    ),
    (
        "Kenya abstained on the General Assembly resolution.",
        {("REJECT", "KEN", "UN"), ("SUPPORT", "KEN", "UN")},
    ),
    # a verb acting on its object; an object shared by two conjoined verbs
    (
        "Canada offered to train and equip a Ukrainian brigade.",
        {("COOPERATE", "CAN", "UKR"), ("AID", "CAN", "UKR")},
    ),
    # a deployment's purpose names the one it faces; a bid's content names the body
    ("Japan will deploy missiles to Kyushu to counter China.", {("MOBILIZE", "JPN", "CHN")}),
    ("Montenegro applied to join NATO in 2015.", {("REQUEST", "MNE", "NATO")}),
    ("Belarusian agents abducted a Lithuanian border guard.", {("COERCE", "BLR", "LTU")}),
    # goods bought from a state named by its adjective; an object that is an actor beats "at"
    ("Turkey kept buying Russian gas.", {("AID", "RUS", "TUR")}),
    ("Spain recognised the State of Palestine at the United Nations.", {("SUPPORT", "ESP", "PSE")}),
    # complaints about someone; a service named by its role noun; help sought from a state
    (
        "Guyana complained to the UN about Venezuela's troop build-up.",
        {("ACCUSE", "GUY", "VEN")},
    ),
    ("Prague accused Russian intelligence of the blasts.", {("ACCUSE", "CZE", "RUS")}),
    ("Syria sought Russian help in 2015.", {("REQUEST", "SYR", "RUS")}),
    # the content of a demand stays uncoded two clauses down; reciprocal blame
    ("The EU demanded that Iran stop supplying Russia with drones.", {("REQUEST", "EU", "IRN")}),
    (
        "Thai and Cambodian troops clashed, each side blaming the other.",
        {
            ("ASSAULT", "THA", "KHM"),
            ("ASSAULT", "KHM", "THA"),
            ("ACCUSE", "THA", "KHM"),
            ("ACCUSE", "KHM", "THA"),
        },
    ),
    # a headline speaker is "I"; a reduced relative's noun acts
    ("Zelensky: I will meet Erdogan in Ankara", {("CONSULT", "UKR", "TUR")}),
    (
        "Britain sanctioned two Iranian generals involved in sending drones to Russia.",
        {("SANCTION", "GBR", "IRN"), ("AID", "IRN", "RUS")},
    ),
    ("Russian jets violated Finnish airspace on Friday.", {("COERCE", "RUS", "FIN")}),
    # coercion, retreat and concession in their many words
    ("Chinese ships blocked a Vietnamese supply boat near the reef.", {("COERCE", "CHN", "VNM")}),
    ("A Russian research vessel entered Norwegian waters.", {("COERCE", "RUS", "NOR")}),
    ("Minsk pushed hundreds of migrants across the Lithuanian border.", {("COERCE", "BLR", "LTU")}),
    ("Beijing imposed a blockade on Taiwan.", {("COERCE", "CHN", "TWN")}),
    ("Cuba freed a Canadian businessman.", {("CONCEDE", "CUB", "CAN")}),
    ("Ankara dropped its objection to Finland's membership.", {("CONCEDE", "TUR", "FIN")}),
    ("Washington scrapped tariffs on Mexican steel.", {("CONCEDE", "USA", "MEX")}),
    ("Armenian forces handed over four villages to Azerbaijan.", {("CONCEDE", "ARM", "AZE")}),
    ("Finland closed its border with Russia.", {("SANCTION", "FIN", "RUS")}),
    ("French troops left the air base in Niger.", {("RETREAT", "FRA", None)}),
    ("Macron left Beijing on Friday.", set()),  # a leader leaving is no retreat
    (
        "The Pentagon ordered a pullback of troops from the Syrian border.",
        {("RETREAT", "USA", None)},
    ),
    # a people named by the plural of its adjective; a phrase hanging from a particle; a
    # possessive before a request is no place
    ("Beijing detained two Canadians in December.", {("COERCE", "CHN", "CAN")}),
    ("Washington freed five Iranians in return.", {("CONCEDE", "USA", "IRN")}),
    ("Armenia handed four villages back to Azerbaijan.", {("CONCEDE", "ARM", "AZE")}),
    # the request names no one, so the other party in the sentence is the one asked
    ("Canada arrested the executive at Washington's request.", {("REQUEST", "USA", "CAN")}),
    # a measure lifted concedes to the one it was imposed on, which is a sanction of its own;
    # people handed over are conceded
    (
        "Norway lifted the embargo it imposed on Israel in 2024.",
        {("CONCEDE", "NOR", "ISR"), ("SANCTION", "NOR", "ISR")},
    ),
    (
        "Pakistan freed 20 Indian fishermen and handed them over at the border.",
        {("CONCEDE", "PAK", "IND")},
    ),
    (
        "Iran and Russia sealed a partnership treaty in January 2025.",
        {("AGREE", "IRN", "RUS"), ("AGREE", "RUS", "IRN")},
    ),
    # more words for coercion and concession
    ("Moscow impounded two Ukrainian grain ships.", {("COERCE", "RUS", "UKR")}),
    ("Russian jets buzzed a US destroyer.", {("COERCE", "RUS", "USA")}),
    ("Serbia suspended its sanctions on Kosovo goods.", {("CONCEDE", "SRB", "XKX")}),
    ("The EU unfroze 10 billion euros of Hungarian funds.", {("CONCEDE", "EU", "HUN")}),
    ("Armenia ceded four villages to Azerbaijan.", {("CONCEDE", "ARM", "AZE")}),
    ("Kyiv ruled out ceding any territory.", {("REJECT", "UKR", None)}),
    ("Beijing reopened its border with Mongolia.", {("CONCEDE", "CHN", "MNG")}),
    ("Washington paused tariffs on Mexican goods.", {("CONCEDE", "USA", "MEX")}),
    ("Tokyo accepted a US demand to cut chip exports.", {("CONCEDE", "JPN", "USA")}),
    # a capital named for an event of an earlier time stands for the state of that time
    (
        "Moscow and Pyongyang signed the treaty of friendship in July 1961.",
        {("AGREE", "SUN", "PRK"), ("AGREE", "PRK", "SUN")},
    ),
    # passives: what was freed or seized belongs to the one acted on; troops pulled back are
    # their state's
    ("Two French teachers were freed by Iran.", {("CONCEDE", "IRN", "FRA")}),
    ("A British tanker was seized by Iranian forces.", {("COERCE", "IRN", "GBR")}),
    ("Russian troops are being pulled back from the border.", {("RETREAT", "RUS", None)}),
    ("The withdrawal of French forces from Mali ended in 2022.", {("RETREAT", "FRA", None)}),
    # passives: the goods' state gives them; a recipient as subject receives
    ("Hundreds of Iranian drones were delivered to Russia.", {("AID", "IRN", "RUS")}),
    ("Georgia was handed two patrol boats by the United States.", {("AID", "USA", "GEO")}),
    ("Russia got thousands of rockets from Iran.", {("AID", "IRN", "RUS")}),
    ("Moscow's supply of fuel to Pyongyang rose in 2024.", {("AID", "RUS", "PRK")}),
    ("Tokyo lodged a protest with Moscow over the drills.", {("ACCUSE", "JPN", "RUS")}),
    (
        "The pact between Russia and Belarus entered into force in 2000.",
        {("AGREE", "RUS", "BLR"), ("AGREE", "BLR", "RUS")},
    ),
    # crossing into another's airspace coerces; breaking a ceasefire is an attack
    ("A Belarusian helicopter violated Latvian airspace on Sunday.", {("COERCE", "BLR", "LVA")}),
    ("Russian forces violated the truce in Kherson overnight.", {("ASSAULT", "RUS", "UKR")}),
    # a state two modifiers into the subject; a possessive pronoun's antecedent owns the thing
    ("Chinese coast guard officers boarded a Taiwanese ferry.", {("COERCE", "CHN", "TWN")}),
    (
        "The US Navy said Iranian speedboats harassed its frigates.",
        {("COERCE", "IRN", "USA")},
    ),
    # a past-tense verb the parser hangs from its subject noun ("at least" confuses it)
    ("North Korean agents abducted at least 12 Japanese citizens.", {("COERCE", "PRK", "JPN")}),
    # a named person unknown to the registry is the national of the state their apposition names
    ("Iran freed Jean Dupont, a French aid worker, on Monday.", {("CONCEDE", "IRN", "FRA")}),
    ("Sailors from Norway held by Russian guards for a week.", {("COERCE", "RUS", "NOR")}),
    # a base handed back is a withdrawal, towards no one
    ("Italian troops handed the base back to Niger's army.", {("RETREAT", "ITA", None)}),
    # a named place ceded is territory; yielding to someone concedes to them
    ("Armenia returned Kalbajar to Azerbaijan in 2020.", {("CONCEDE", "ARM", "AZE")}),
    ("Moldova yielded to Moscow over the gas contract.", {("CONCEDE", "MDA", "RUS")}),
    # forces ordered or moved out retreat, though the subject is a government; a person leaving
    # a capital does not
    ("Paris ordered its units out of Mali in 2022.", {("RETREAT", "FRA", None)}),
    ("Kim left Moscow on Friday.", set()),
    # a package blocked is rejected, not imposed; a request turned down was made
    ("Austria blocked the EU's new sanctions package.", {("REJECT", "AUT", "EU")}),
    (
        "Paris declined Warsaw's request for more jets.",
        {("REJECT", "FRA", "POL"), ("REQUEST", "POL", "FRA")},
    ),
    # a joint patrol flown is cooperation, not a transfer; working with someone cooperates
    (
        "Chinese and Russian bombers flew a joint patrol over the Sea of Japan.",
        {("COOPERATE", "CHN", "RUS"), ("COOPERATE", "RUS", "CHN")},
    ),
    ("Turkey is working with Pakistan on a new fighter jet.", {("COOPERATE", "TUR", "PAK")}),
    # bans and tariffs slapped or imposed on someone sanction them
    ("Beijing slapped export bans on several US defence firms.", {("SANCTION", "CHN", "USA")}),
    # joining an invasion attacks the one invaded
    ("Chad joined the invasion of Libya in 1987.", {("ASSAULT", "TCD", "LBY")}),
    # taking delivery of goods is receiving them
    ("Ukraine took delivery of F-16 jets from Denmark.", {("AID", "DNK", "UKR")}),
    # goods that begin arriving were delivered, not a delegation visiting
    ("German Leopard tanks began arriving in Lithuania in May.", {("AID", "DEU", "LTU")}),
    # a call held with someone consults them; a headline verb whose subject the parser misses
    ("Macron held a call with Modi on Friday.", {("CONSULT", "FRA", "IND")}),
    ("Erdogan heads to Moscow for talks with Putin.", {("CONSULT", "TUR", "RUS")}),
    # revenge vowed against someone threatens them
    ("Tehran vowed revenge against Israel on Sunday.", {("THREATEN", "IRN", "ISR")}),
    # meeting someone by sitting down or shaking hands with them
    ("Orban shook hands with Putin in Beijing.", {("CONSULT", "HUN", "RUS")}),
    # people let go are conceded to their state
    ("Pakistan let the Indian fishermen go after a year in jail.", {("CONCEDE", "PAK", "IND")}),
    # an act an accuser complains of, done to no one named, was done to the accuser
    (
        "Latvia accused Belarus of pushing hundreds of migrants across the border.",
        {("ACCUSE", "LVA", "BLR"), ("COERCE", "BLR", "LVA")},
    ),
]


@pytest.mark.parametrize(
    ("sentence", "expected"), CONSTRUCTIONS, ids=[c[0][:40] for c in CONSTRUCTIONS]
)
def test_constructions(
    parse: Callable[[str], Any], sentence: str, expected: set[tuple[str, str, str | None]]
) -> None:
    found = {(e.type, e.source, e.target) for e in _events(parse, sentence)}
    assert found == expected


def test_a_contested_place_has_no_single_owner(parse: Callable[[str], Any]) -> None:
    # Crimea's owner depends on the interpretation, so its location has no state; an act on it by
    # one claimant is an act towards the other, whichever reading holds.
    (event,) = _events(parse, "Ukrainian drones struck a depot in Crimea.")
    assert event.location is not None and event.location.name == "Crimea"
    assert event.location.state is None
    assert event.target == "RUS"
    (annexed,) = _events(parse, "Russia annexed Crimea in March 2014.")
    assert (annexed.type, annexed.target) == ("COERCE", "UKR")


def test_an_act_condemned_is_taken_as_given(parse: Callable[[str], Any]) -> None:
    # Refusing to condemn an invasion does not deny the invasion.
    events = _events(parse, "Brazil declined to condemn Russia's invasion of Ukraine.")
    by_type = {e.type: e for e in events}
    assert (by_type["ACCUSE"].polarity, by_type["ACCUSE"].target) == ("negative", "RUS")
    invasion = by_type["ASSAULT"]
    assert (invasion.source, invasion.target) == ("RUS", "UKR")
    assert (invasion.modality, invasion.polarity) == ("asserted", "positive")


def test_neither_nor_negates_and_a_time_phrase_is_not_pledged(parse: Callable[[str], Any]) -> None:
    events = _events(parse, "Neither Brazil nor India joined the sanctions on Russia.")
    assert events and all(e.polarity == "negative" for e in events)
    events = _events(parse, "After meeting Lukashenko, Xi pledged to buy more Belarusian potash.")
    (meeting,) = [e for e in events if e.type == "CONSULT"]
    assert (meeting.source, meeting.target, meeting.modality) == ("CHN", "BLR", "asserted")


@pytest.mark.parametrize(
    ("sentence", "modality", "polarity"),
    [
        # a headline's infinitive is a scheduled act
        ("Tokyo to host Indian and Australian envoys next week", "intended", "positive"),
        # a sale approved is a transfer decided, not yet made
        ("Washington approved the sale of Harpoon missiles to Taiwan.", "intended", "positive"),
        # refraining from an act is not doing it
        ("Mongolia refrained from condemning Russia.", "asserted", "negative"),
    ],
)
def test_plans_and_restraint(
    parse: Callable[[str], Any], sentence: str, modality: str, polarity: str
) -> None:
    events = _events(parse, sentence)
    assert events
    assert {(e.modality, e.polarity) for e in events} == {(modality, polarity)}


def test_a_target_the_verb_does_not_name_is_guessed_and_says_so(
    parse: Callable[[str], Any],
) -> None:
    """A concession with no one named by the verb: the other party in the sentence, marked as
    found that way and trusted less; a target the verb names carries no note."""
    (guessed,) = _events(parse, "After weeks of pressure from Vienna, Budapest backed down.")
    assert (guessed.type, guessed.source, guessed.target) == ("CONCEDE", "HUN", "AUT")
    assert guessed.target_note is not None and "Vienna" in guessed.target_note
    assert "Vienna" in guessed.span.text  # the span still holds the evidence for the target
    (named,) = _events(parse, "Budapest made concessions to Vienna on Monday.")
    assert named.target == "AUT" and named.target_note is None
    assert guessed.confidence < named.confidence
    # a withdrawal has no one on the other side, even with another state in the sentence
    (retreat,) = _events(parse, "Under pressure from Vienna, Hungarian troops withdrew.")
    assert retreat.type == "RETREAT" and retreat.target is None


def test_a_request_turned_down_was_made(parse: Callable[[str], Any]) -> None:
    events = _events(parse, "Paris declined Warsaw's request for more jets.")
    (request,) = [e for e in events if e.type == "REQUEST"]
    assert (request.modality, request.polarity) == ("asserted", "positive")


def test_a_participle_after_said_is_the_speakers_own_act(parse: Callable[[str], Any]) -> None:
    text = "Lithuania will not lift its ban, its foreign minister said, rejecting a Polish request."
    (rejection,) = [e for e in _events(parse, text) if e.type == "REJECT"]
    assert (rejection.source, rejection.modality) == ("LTU", "asserted")


def test_an_attribution_the_parser_hangs_from_the_clause_still_reports_it(
    parse: Callable[[str], Any],
) -> None:
    text = (
        "Russia has returned 12 Ukrainian children to their families under Turkish mediation, "
        "Kyiv said, a small share of those taken."
    )
    (returned,) = [e for e in _events(parse, text) if e.type == "CONCEDE"]
    assert (returned.modality, returned.attributed_to) == ("reported", "UKR.GOV")  # metonym
