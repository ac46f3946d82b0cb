"""Streets, blocks, intersections, mile markers and businesses on a road, in mixed, lower and upper case."""

from __future__ import annotations

import pytest

from generator.deid import scan


def addresses(text: str) -> dict[str, str]:
    return {f.text: f.tier for f in scan(text) if f.type == "ADDRESS"}


@pytest.mark.parametrize(("text", "address"), [
    ("We got sent to the 1400 block of E Broadway Blvd for a disturbance.", "1400 block of E Broadway Blvd"),
    ("i got sent to the 1900 block of n stone ave for a fight.", "1900 block of n stone ave"),
    ("UNITS RESPONDED TO THE 1700 BLK OF S 6TH AVE FOR SHOTS FIRED.", "1700 BLK OF S 6TH AVE"),
    ("Dispatch sent us to 2211 W Ina Rd, Apt 12 for a welfare check.", "2211 W Ina Rd, Apt 12"),
    ("The crash was at Speedway Blvd and Campbell Ave around rush hour.", "Speedway Blvd and Campbell Ave"),
    ("THE CRASH WAS AT 2ND AVE AND PIMA ST.", "2ND AVE AND PIMA ST"),
    ("We caught him at 22nd St and Craycroft.", "22nd St and Craycroft"),
    ("He bailed out at Grant/Oracle and ran north.", "Grant/Oracle"),
    ("I set up at Fort Lowell & Swan to block traffic.", "Fort Lowell & Swan"),
    ("the crash was at irvington and campbell.", "irvington and campbell"),
    ("the fight was at 6th and park last night.", "6th and park"),
    ("he stopped at ajo way & mission and jumped out.", "ajo way & mission"),
    ("The robbery was at the Walgreens at Kolb and Golf Links.", "Walgreens at Kolb and Golf Links"),
    ("She called from the Walgreens at Court and 20th in Pasco.", "Walgreens at Court and 20th"),
    ("We had a crash at SR 87 and Baseline Rd last week.", "SR 87 and Baseline Rd"),
    ("He robbed the Circle K on Route 4 right after midnight.", "Circle K on Route 4"),
    ("The semi was stalled near mile marker 212 on I-10, blocking a lane.", "mile marker 212 on I-10"),
    ("We met at the QT on Ray Rd for coffee.", "QT on Ray Rd"),
    ("We were parked on State St near Erie Blvd.", "State St"),
])
def test_addresses(text: str, address: str) -> None:
    assert address in addresses(text)


@pytest.mark.parametrize(("text", "street"), [
    ("we were northbound on valencia rd when he blew the light.", "valencia rd"),
    ("SUSP VEH LAST SEEN WB ON E SPEEDWAY BLVD.", "E SPEEDWAY BLVD"),
    ("it was the walmart on n main st in englewood.", "walmart on n main st"),
])
def test_streets_without_capitals_are_review_tier(text: str, street: str) -> None:
    assert addresses(text).get(street) == "review"


@pytest.mark.parametrize("text", [
    "He was doing 95 on US-23 before he lost control.",
    "We handled a crash on State Route 4 with no injuries.",
    "We set the checkpoint on Hwy 101 south of town.",
    "Stay out of harm's way and out of the other car's way.",
    "HE SAID HE WAS IN EVERYBODY'S WAY.",
    "FLYING INTO BOS ON JUN/FRI/92 WE SAW THE TFC AND LNDG LIGHTS.",
    "I checked the SE CORNER OF MY SECTOR AND OBSERVED NOTHING.",
    "He switched his radio from Bendix/King to the new Racal.",
    "I was in the left lane and then the turn lane.",
    "We went to traffic court on Monday and Tuesday.",
    "I stopped a Dodge Charger on the interstate.",
    "According to the Cleveland Clinic; most people recover.",
])
def test_generic_road_talk_is_not_an_address(text: str) -> None:
    assert addresses(text) == {}
