"""Town and landmark names: the shipped gazetteer (Census counties + public-domain town lists) weighed by context.

The sentences use US geography outside Ohio on purpose: the rules must not depend on the labelled set's region.
"""

from __future__ import annotations

import pytest

from generator.deid import scan
from generator.deid.gazetteer import normal_words
from generator.deid.lexicon import lexicon


def found(text: str, type_: str | None = None) -> dict[str, str]:
    return {f.text: f.tier for f in scan(text) if type_ is None or f.type == type_}


def test_gazetteer_covers_towns_outside_the_eval_region() -> None:
    lex = lexicon()
    for town in ("Sahuarita", "Kennewick", "Macon", "Lubbock", "Casa Grande", "Schenectady", "Boise"):
        assert lex.place_kind(town) == "city", town
    assert lex.place_kind("Ohio") == "state"
    assert lex.place_kind("Maricopa") in ("city", "county")
    # Registry-only build: counties, states, airport towns (data.gov, OurAirports), about 10,000 names; a build
    # with a Census Gazetteer places file is several times larger.
    assert len(lex.places.entries) > 9_000


def test_place_names_are_compared_in_one_spelling() -> None:
    assert normal_words("St. Louis") == normal_words("Saint Louis") == normal_words("ST LOUIS")
    assert normal_words("Winston-Salem") == ("winston", "salem")
    assert lexicon().places.get("ft. worth") is lexicon().places.get("Fort Worth")


@pytest.mark.parametrize(("text", "town", "tier"), [
    ("I have worked patrol in Tucson for eleven years.", "Tucson", "auto"),
    ("The pursuit ended just outside Sahuarita.", "Sahuarita", "auto"),
    ("We were working a detail in Baton Rouge.", "Baton Rouge", "auto"),
    ("I transferred to Spokane Valley last year.", "Spokane Valley", "auto"),
    ("She grew up in Hope, Arkansas.", "Hope", "auto"),
    ("He was living in Marana, AZ at the time.", "Marana", "auto"),
    ("The bus broke down west of Kingman on the way back.", "Kingman", "auto"),
    ("i got hired by the sheriff in lubbock in 2009.", "lubbock", "auto"),
    ("UNIT WAS ENROUTE TO BOISE WHEN THE CALL CAME.", "BOISE", "auto"),
    ("SUSPECT LIVED IN MERIDIAN, ID.", "MERIDIAN", "auto"),
    ("He was from Mobile, originally.", "Mobile", "review"),
])
def test_known_towns_with_context(text: str, town: str, tier: str) -> None:
    assert found(text, "PLACE").get(town) == tier


@pytest.mark.parametrize("text", [
    "Hope is not a plan, my FTO used to say.",
    "He said he was going to Mobile Command to get more water.",
    "Rush hour traffic was backed up for miles.",
    "The family was from out of state, visiting in May.",
    "We flew home from Canada the next morning.",
    "i told him there was no hope and he laughed.",
    "THE DRIVER FELT OK AND REFUSED TRANSPORT.",
    "I pulled over a gray Malibu for no tail lights.",
    "We pushed back from Gate 4 and taxied out.",
])
def test_towns_named_like_words_need_strong_context(text: str) -> None:
    assert found(text, "PLACE") == {}


def test_a_bare_town_is_only_shown_for_review() -> None:
    # One capitalised word may be a brand ("our Midland radio"); a human decides.
    assert found("Our Midland radio would not scan the new channels.", "PLACE") == {"Midland": "review"}
    assert found("A Joshua Tree search team found him.", "PLACE") == {"Joshua Tree": "auto"}


def test_state_is_not_a_town_inside_it() -> None:
    assert found("The engine crew came from South Dakota and West Virginia.") == {}


@pytest.mark.parametrize(("text", "place"), [
    ("The boat flipped on Lake Travis in the storm.", "Lake Travis"),
    ("He was flown to Banner University Medical Center.", "Banner University Medical Center"),
    ("He went to Navicent Health and lived.", "Navicent Health"),
    ("We chased him into Oro Valley before he crashed.", "Oro Valley"),
    ("the call came from shelby county last night.", "shelby county"),
])
def test_landmarks_and_unknown_towns_with_a_town_word(text: str, place: str) -> None:
    assert place in found(text, "PLACE")


def test_county_agency_wins_over_the_county() -> None:
    assert found("the call came from shelby county dispatch.") == {"shelby county dispatch": "auto"}


def test_asrs_placeholders_are_not_places() -> None:
    assert found("We diverted to ZZZ airport and called ZZZ Tower on the ground.") == {}
