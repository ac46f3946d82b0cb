"""Identifiers recognised from the shape around them rather than from a name list: nicknames, ages and relations
after names, CAD records, state-issued plates and licences, radio traffic, and the look-alikes they must not flag.

The texts are invented for these tests; they follow the forms found in the development splits and real reports.
"""

from __future__ import annotations

import pytest

from generator.deid import scan


def found(text: str, type_: str | None = None) -> dict[str, str]:
    """Finding text -> tier, for findings of *type_* (all types when None)."""
    return {f.text: f.tier for f in scan(text) if type_ is None or f.type == type_}


@pytest.mark.parametrize(("text", "type_", "expected"), [
    # PERSON: a nickname in quotes, an age or a relation right after a name, a CAD role, a longer rank
    ('The rider was Wesley "Moose" Harlan, 58, and his bike was new.', "PERSON", 'Wesley "Moose" Harlan'),
    ("Officer Dwayne 'Deuce' Okafor was first on scene.", "PERSON", "Officer Dwayne 'Deuce' Okafor"),
    ("The driver was Autumn Castellano-Reyes, 29, and she said she was lost.", "PERSON",
     "Autumn Castellano-Reyes"),
    ("The victim, Tevita Fonoti, 41, had a cut on his arm.", "PERSON", "Tevita Fonoti"),
    ("That was Hope Summers, his girlfriend, and she had my radio.", "PERSON", "Hope Summers"),
    ("SUBJ ALEKSEI MARCHUK 31 Y/O, SSN ON FILE.", "PERSON", "ALEKSEI MARCHUK"),
    ("PASSENGER ID'D AS DESHAWN OKORO 24. DRIVER ADV HE WAS ALONE.", "PERSON", "DESHAWN OKORO"),
    ("Deputy Will Rich, Lake County Sheriff's Office, took the call.", "PERSON", "Deputy Will Rich"),
    ("Trooper First Class Dana Whitcomb stopped the car.", "PERSON", "Trooper First Class Dana Whitcomb"),
    ("Senior Deputy Karen Oneill handled the scene.", "PERSON", "Senior Deputy Karen Oneill"),
    ("I rode with Ofc. Shawna Bear that night.", "PERSON", "Ofc. Shawna Bear"),
    ("DEP K. LINDBORG, UNIT S-27, RESPONDED.", "PERSON", "DEP K. LINDBORG"),
    ("REQUESTED BY LT. GOMEZ-HARDING. REPORTING DEP ON SCENE.", "PERSON", "LT. GOMEZ-HARDING"),
    ("This is Sgt. Amparo Quiñones, campus police.", "PERSON", "Sgt. Amparo Quiñones"),
    ("The caller, Mrs. Evelyn Park, said her grandson was inside.", "PERSON", "Mrs. Evelyn Park"),
    ("lt. ann marie frericks made us both write it up.", "PERSON", "lt. ann marie frericks"),
    ("Nothing. Ofc. Darla Calf Looking had come up behind my unit.", "PERSON", "Ofc. Darla Calf Looking"),
    ("OFFICER(S): PO2 ANTHONY DELUCA #7731 RESPONDED.", "PERSON", "PO2 ANTHONY DELUCA"),
    # AGE
    ("We caught him a mile away. The girl was 15. Nobody was hurt.", "AGE", "15"),
    ("The suspect, a 16-yo male, ran.", "AGE", "16-yo"),
    ("ID'D BY PRINTS AS DUSTIN KOHLER 33, ACTIVE WARRANT.", "AGE", "33"),
    # AGENCY
    ("I'm a tpr with PSP Troop K out of Media.", "AGENCY", "PSP Troop K"),
    ("CAD NOTES 08/19/23 1932 MOHAVE CO SO. RP ADV VEH CIRCLING.", "AGENCY", "MOHAVE CO SO"),
    ("I work days for Dodge City PD in the summer.", "AGENCY", "Dodge City PD"),
    ("I work for Metro Nashville PD in the West precinct.", "AGENCY", "Metro Nashville PD"),
    ("We called Crow Creek Tribal Police for backup.", "AGENCY", "Crow Creek Tribal Police"),
    ("She called Chippewa Cree Law Enforcement to warn them.", "AGENCY", "Chippewa Cree Law Enforcement"),
    ("Border Patrol had a unit close.", "AGENCY", "Border Patrol"),
    ("ASSIST US MARSHALS ON FUGITIVE ARREST.", "AGENCY", "US MARSHALS"),
    ("A trooper from NYSP was already there.", "AGENCY", "NYSP"),
    ("He works for the Harris County Constable Precinct 4 office.", "AGENCY", "Harris County Constable Precinct 4"),
    # PLACE
    ("Alaska State Troopers, Bethel post. A man in the village had a rifle.", "PLACE", "Bethel"),
    ("Teenagers were fighting behind White Library after class.", "PLACE", "White Library"),
    ("I boarded at the Snelling Avenue station alone.", "PLACE", "Snelling Avenue station"),
    ("He was camping out in Doña Ana County that week.", "PLACE", "Doña Ana County"),
    ("The transit center in Upper Darby was packed.", "PLACE", "Upper Darby"),
    ("LOCATION: ROSS CLARK CIRCLE AT MONTGOMERY HWY, DOTHAN. EVENT: CRASH.", "PLACE", "DOTHAN"),
    ("I'm a school resource officer at Lincoln High in Omaha.", "PLACE", "Lincoln High"),
    ("It was rush hour at the 69th Street Transportation Center.", "PLACE", "69th Street Transportation Center"),
    ("RP ADV VEH CIRCLING THE LOT AT HUALAPAI MOUNTAIN PARK W/ HEADLIGHTS OFF.", "PLACE", "HUALAPAI MOUNTAIN PARK"),
    ("SUBJ TRANSPORTED TO KINGMAN REGIONAL MEDICAL CENTER. LESSON LEARNED.", "PLACE",
     "KINGMAN REGIONAL MEDICAL CENTER"),
    ("the truck was stolen out of a driveway in cass lake last week.", "PLACE", "cass lake"),
    ("he ran toward the great miami river bike path and i followed.", "PLACE", "great miami river"),
    # ADDRESS
    ("There was a fight at the Whataburger on North St last night.", "ADDRESS", "Whataburger on North St"),
    ("They met in the Price Chopper lot on Portland St after dark.", "ADDRESS", "Price Chopper lot on Portland St"),
    ("We set up on him at the Sheetz on Lincoln Way East that night.", "ADDRESS", "Sheetz on Lincoln Way East"),
    ('"Out with a white Malibu, Vine and 27th." "Copy."', "ADDRESS", "Vine and 27th"),
    ("BURGLARY ALARM AT 4340 MEMORIAL DR, A PAWN SHOP.", "ADDRESS", "4340 MEMORIAL DR"),
    ("UNIT ONSCENE 1603 W THIRD ST. RP ADV MALE W/ KNIFE.", "ADDRESS", "1603 W THIRD ST"),
    ("VEH CRASHED INTO A POLE AT FIFTH AND XENIA AVE. DRIVER FLED.", "ADDRESS", "FIFTH AND XENIA AVE"),
    ("He lived on Maple Grove Ln in a blue house.", "ADDRESS", "Maple Grove Ln"),
    ("He was struck by a panel at 252 East 57 Street, New York, NY.", "ADDRESS", "252 East 57 Street"),
    ("around 1am a fight call came out on east st and i got there first.", "ADDRESS", "east st"),
    # PLATE, DL, VIN, BADGE, CASE
    ("SUSP FLED IN A BLK CHEVY MALIBU TX LIC KHJ-4421.", "PLATE", "KHJ-4421"),
    ('"Out with a white Malibu, Kansas 218 GHK, northbound."', "PLATE", "218 GHK"),
    ("He had an expired tag, temp tag T 9921834, on the back glass.", "PLATE", "T 9921834"),
    ("His CDL was Utah 160447823 and his record was clean.", "DL", "160447823"),
    ("Driver was Lance Purdy, DL MN-120-448-991, out of state.", "DL", "MN-120-448-991"),
    ("We got the last six of the VIN, B81429, off the door.", "VIN", "B81429"),
    ("Metro Transit Police, Ofc. Hodan Ali #4408, on the platform.", "BADGE", "4408"),
    ("OFC R. SHELTON AND I ON PATROL, CAR 2214. OBS A SILVER SEDAN.", "BADGE", "2214"),
    ('"Two-Lincoln-Nine, out with a white sedan."', "BADGE", "Two-Lincoln-Nine"),
    ("TIFT CO SO INCIDENT SUPPL. TCSO-23-011592. DEP RESPONDED.", "CASE", "TCSO-23-011592"),
    # DATE, TIME
    ("WARD COUNTY SO. 14MAR22 APPROX 2315. ASSIST CITY PD.", "DATE", "14MAR22"),
    ("WARD COUNTY SO. 14MAR22 APPROX 2315. ASSIST CITY PD.", "TIME", "2315"),
    ("REPORTER: TPR R. VILLA. DATE 20230611, TIME 1420. LOCATION I-70.", "DATE", "20230611"),
    ("REPORTER: TPR R. VILLA. DATE 20230611, TIME 1420. LOCATION I-70.", "TIME", "1420"),
    ("It was Derby Day 2014, so the town was packed.", "DATE", "Derby Day 2014"),
    ("Last Friday (3/17) around 0130 I rolled up on it.", "DATE", "Friday (3/17)"),
    ('"S-5 copy." At 0215, no, 0251 per the CAD, I found it.', "TIME", "0251"),
    ('"Out with the vehicle." "Copy, 2241." The driver ran.', "TIME", "2241"),
    ("DEKALB COUNTY PD. 9/21/2021. 2215. BURGLARY ALARM.", "TIME", "2215"),
    # HANDLE
    ("The seller's profile linked to an Instagram, sled_dog_803, with photos.", "HANDLE", "sled_dog_803"),
    ("A guy posting as ice_king_55 said the ice was fine.", "HANDLE", "ice_king_55"),
    ("A user called u/ozark_hollow_throwaway_22 posted the threat.", "HANDLE", "u/ozark_hollow_throwaway_22"),
])
def test_context_rules_find(text: str, type_: str, expected: str) -> None:
    assert expected in found(text, type_)


def test_nickname_and_titled_surname_are_mentioned_again() -> None:
    text = 'The rider was Wesley "Moose" Harlan, 58. Moose was okay. I rode with Ofc. Shawna Bear. Bear said go.'
    people = [f.text for f in scan(text) if f.type == "PERSON"]
    assert "Moose" in people and "Bear" in people


def test_rank_before_a_later_mention_belongs_to_it() -> None:
    text = "DEP B. AMSTUTZ S14 ENRT FROM TOWN. DRIVER ADV SHE WAS LOST. DEP AMSTUTZ SUPPL: I APPROACHED."
    assert "DEP AMSTUTZ" in found(text, "PERSON")
    assert "S14" in found(text, "BADGE")


def test_radio_unit_is_found_wherever_it_recurs() -> None:
    text = 'It was stolen out of town. "S-5, county." "Go ahead." Later: "S-5 copy." and "Copy, S-5."'
    assert [f.text for f in scan(text) if f.type == "BADGE"] == ["S-5", "S-5", "S-5"]


@pytest.mark.parametrize(("text", "type_"), [
    ("THE ACFT WAS CLRED FOR AN 'IMMEDIATE' TKOF. WE PERFORMED AN 'S' CLRING TURN.", "PERSON"),
    ("A FEMALE CHILD APPROX 8 YRS OLD STEPPED INTO THE COCKPIT.", "PERSON"),
    ("RP DONNA KING CALLBACK 937-555-0191 REPORTS MALE W/ KNIFE.", "DL"),
    ("Engine 12 went between the towns of Shoshone Idaho and Jerome Idaho that day.", "PERSON"),
    ("CLIMB TO FL 240. WE HAD 3 MI AND 700' OF SEPARATION IN 2000' OF CLIMB.", "PLATE"),
    ("He yelled at me in Navajo and ran toward the truck.", "PLACE"),
    ("I keep a few phrases in Haitian Creole on my visor.", "PLACE"),
    ("I stopped a Jeep on US-6 near town for a headlight.", "ADDRESS"),
    ("PURSUIT CONTINUED ONTO US-2 AT SPEEDS UP TO 95.", "ADDRESS"),
    ("MY UNIT WAS PUSHED INTO THE TACOMA. I WAS IN THE MEDIAN.", "PLACE"),
    ("the fire crew got there with the suits and the sled a few minutes later.", "AGENCY"),
    ("We set up the command post by the long post office.", "PLACE"),
    ("The crew ran the Before Take Off Checklist. The Tower cleared us.", "PLACE"),
    ("A reporter from the TV station was there.", "PLACE"),
    ("There were air marshals on board the flight.", "AGENCY"),
    ("He posted it on Facebook, TikTok and Instagram.", "HANDLE"),
    ("A black Camaro, Georgia tag unknown, left the lot.", "PLACE"),
    ("As law enforcement we had to wait for the crew.", "AGENCY"),
    ("He was struck at 252 East 57 Street, New York, NY 10022.", "PLACE"),
    ("I took a walk-in at the front desk of the 9th District station.", "PLACE"),
    ("WE FLEW OVER THE LAKE AND THE CITY PARK AT THE LAYOVER HOTEL.", "PLACE"),
    ("we walked to the river and the big lake and the old church and the community college.", "PLACE"),
])
def test_context_rules_leave_look_alikes(text: str, type_: str) -> None:
    assert found(text, type_) == {}


def test_record_name_stops_before_a_cad_word() -> None:
    assert "DONNA KING" in found("UNIT ONSCENE. RP DONNA KING CALLBACK 937-555-0191 REPORTS MALE W/ KNIFE.",
                                 "PERSON")


def test_city_state_reports_the_town_without_the_state() -> None:
    assert found("Ottumwa, Iowa. I'm with the city police.", "PLACE") == {"Ottumwa": "auto"}
