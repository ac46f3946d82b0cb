"""People without titles: role words, appositions, particles and hyphens, lone given names, possessives."""

from __future__ import annotations

import pytest

from generator.deid import scan


def people(text: str) -> dict[str, str]:
    return {f.text: f.tier for f in scan(text) if f.type == "PERSON"}


@pytest.mark.parametrize(("text", "name"), [
    ("The driver was Marcus Delgado and he had a suspended license.", "Marcus Delgado"),
    ("The victim, Oleksandr Hrytsenko, spoke little English.", "Oleksandr Hrytsenko"),
    ("The caller, Maria Gonzalez-Ruiz, said her son had a knife.", "Maria Gonzalez-Ruiz"),
    ("Her mother Mary Jo Van Der Berg answered the door.", "Mary Jo Van Der Berg"),
    ("The owner, Maria De La Cruz, met us at the door.", "Maria De La Cruz"),
    ("We found the guy, Rusty Oaks, in his backyard with a shotgun.", "Rusty Oaks"),
    ("The complainant Ahmad Karimi met us at the door.", "Ahmad Karimi"),
    ("SUSPECT DARNELL JEFFERSON FLED ON FOOT.", "DARNELL JEFFERSON"),
    ("my partner tasha got on the radio.", "tasha"),
    ("the guy, daniel okafor, 27, was sleeping in the laundry room.", "daniel okafor"),
    ("gina got the gun. the kid was tavian price, 17, who said he was scared.", "tavian price"),
    ("Falling boss Ferguson agreed and we began to convoy.", "Ferguson"),
])
def test_names_after_role_words_and_pairs(text: str, name: str) -> None:
    assert name in people(text)


def test_later_mentions_and_possessives_follow_the_first_mention() -> None:
    text = "Jimmy Ray Pruitt came out swinging. Pruitt was high. We put him in Pruitt's truck."
    found = [f.text for f in scan(text) if f.type == "PERSON"]
    assert found == ["Jimmy Ray Pruitt", "Pruitt", "Pruitt"]


@pytest.mark.parametrize(("text", "name"), [
    ("I told Jenna to call it in.", "Jenna"),
    ("We rode up in Hollister's truck to the scene.", "Hollister"),
    ("My sergeant, Bill, told me to stand down.", "Bill"),
])
def test_one_word_names_are_review_tier(text: str, name: str) -> None:
    assert people(text) == {name: "review"}


@pytest.mark.parametrize("text", [
    "We cleared taxiway Charlie and held short.",
    "My division was India and theirs was Hotel.",
    "He rode a Harley and she drove a Mercedes.",
    "We read him Miranda before the interview.",
    "The Sergeant told me to hold the perimeter.",
    "I suspect I'll be debating this point with myself for a while.",
    "Our Division Supervisor met the Bonneville Hotshot Superintendent at the trailhead.",
    "Dispatch called Adam 12 and Lincoln 4 to the scene.",
    "i told my partner to slow down but he kept going.",
])
def test_words_that_only_look_like_names(text: str) -> None:
    assert people(text) == {}
