"""The rules of the fifth round (2026-11-29): capitals-only ranks, CAD role words and surnames before an age, a rare
given name after a rank without capitals, badges with letters after an officer, agencies named by their initials
after the narrator's own employer cue, record numbers with an agency suffix or a year and serial, spaced licence
numbers, cashtags, a few holidays, grid addresses, numbered "Mile" roads, facilities a person was taken to and the
area an officer works.

Every rule comes with a generic look-alike it must leave alone. The sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from generator.deid import scan


def found(text: str, type_: str | None = None) -> dict[str, str]:
    """Finding text -> tier, for findings of *type_* (all types when None)."""
    return {f.text: f.tier for f in scan(text) if type_ is None or f.type == type_}


@pytest.mark.parametrize(("text", "type_", "expected"), [
    # PERSON: "P/O" and "PO" are ranks in capitals
    ("P/O R. THIBODEAUX AND P/O K. BROUSSARD RESPONDED TO THE CALL.", "PERSON", "P/O R. THIBODEAUX"),
    ("PO M. KOWALSKI-BRANDT #4471. TRAFFIC STOP ON THE SERVICE DRIVE.", "PERSON", "PO M. KOWALSKI-BRANDT"),
    ("SUSP FIRED 1 ROUND AT PO GUERRERO FROM THE PORCH.", "PERSON", "PO GUERRERO"),
    # PERSON: CAD role word "OPER", and a surname that is also a word before the person's age
    ("OPER GREGORY WHITFIELD 44, SUSPENDED, NO INSURANCE.", "PERSON", "GREGORY WHITFIELD"),
    ("DRIVER MELANIE JOY STONE 29 SSN 212-44-7791. PASSENGER GONE ON FOOT.", "PERSON", "MELANIE JOY STONE"),
    # PERSON: a persona someone calls themselves
    ("The scammer called himself Dmitri Volkov and asked for gift cards.", "PERSON", "Dmitri Volkov"),
    # PERSON: without capitals, a rare given name after a rank when a listed surname follows
    ("we waited and ofc. marisela delgado got there first.", "PERSON", "ofc. marisela delgado"),
    # AGE right after a CAD name and before an SSN cue
    ("DRIVER TANYA ROUSE 37 SSN 212-44-7791.", "AGE", "37"),
    # BADGE: a letter inside the badge or call sign after an officer's name
    ("MEMPHIS PD. OFC. T. HARLAN #K512. 06/02/23 APPROX 0100.", "BADGE", "K512"),
    ("INCIDENT 2305120044. OFC. D. ESPINOZA 2K31. 05/12/2023 0410.", "BADGE", "2K31"),
])
def test_people_and_badges(text: str, type_: str, expected: str) -> None:
    assert expected in found(text, type_)


@pytest.mark.parametrize(("text", "type_", "expected"), [
    # AGENCY: initials after the narrator's own employer cue, any letters
    ("I'm a deputy with WCSD and this was a night shift call.", "AGENCY", "WCSD"),
    ("Detective with MPDC. We had a burglary series downtown.", "AGENCY", "MPDC"),
    ("i'm with kcpd and this happened on a sunday.", "AGENCY", "kcpd"),
    ("I've been with Metro nine years and never saw that.", "AGENCY", "Metro"),
    # AGENCY: initials before the agency they abbreviate
    ("GSP (GEORGIA STATE PATROL). TFC. R. MOSS.", "AGENCY", "GSP"),
    # AGENCY: a state's code and department before its patrol division
    ("NM DPS STATE POLICE. OFC J. BACA #2231.", "AGENCY", "NM DPS"),
    # AGENCY: a trooper's capitalised "State Police"
    ("I'm a trooper with the State Police out of the barracks in Milford.", "AGENCY", "State Police"),
    # AGENCY: a regional transit authority
    ("I'm with the transit police for Hampton Roads Regional Transit.", "AGENCY", "Hampton Roads Regional Transit"),
])
def test_agencies(text: str, type_: str, expected: str) -> None:
    assert expected in found(text, type_)


@pytest.mark.parametrize(("text", "type_", "expected"), [
    # CASE: agency initials closing the number; a year and a serial after a code
    ("Report 23-4471-WCSO. I parked facing out.", "CASE", "23-4471-WCSO"),
    ("VICTIM TO HOSPITAL. OCA 23-118452.", "CASE", "23-118452"),
    # DL: cues "LIC" and "OL" in capitals; groups of digits with spaces
    ("OPER HAD NH LIC K44718203, SUSPENDED.", "DL", "K44718203"),
    ("MI OL R 318 442 906 117. VEH TOWED.", "DL", "R 318 442 906 117"),
    ("He handed me his NY license 418 227 903 and waited.", "DL", "418 227 903"),
    # HANDLE: a Cash App cashtag
    ("She paid him through Cash App at $BigMikeRenos775 twice.", "HANDLE", "$BigMikeRenos775"),
    # DATE: Fat Tuesday and Mardi Gras with a year
    ("It was Fat Tuesday 2022 on the parade route.", "DATE", "Fat Tuesday 2022"),
    # ADDRESS: a grid address, a numbered Mile road
    ("a man was in the yard at 1300 S 700 E. When I pulled up", "ADDRESS", "1300 S 700 E"),
    ("STOP ON VAN DYKE AVE AT E 9 MILE RD. VEH BLK", "ADDRESS", "VAN DYKE AVE AT E 9 MILE RD"),
    ("The crash was on 12 Mile Road near the school.", "ADDRESS", "12 Mile Road"),
    # PLACE: a facility a person was taken to; the area an officer works
    ("VICTIM TRANSPORTED TO UCHEALTH MEMORIAL. NO ARRESTS.", "PLACE", "UCHEALTH MEMORIAL"),
    ("He was flown to Sutter Trauma Center with a head injury.", "PLACE", "Sutter Trauma Center"),
    ("I worked Capitol Hill for six years before I moved to days.", "PLACE", "Capitol Hill"),
])
def test_records_and_places(text: str, type_: str, expected: str) -> None:
    assert any(expected.lstrip("$") in t for t in found(text, type_))


@pytest.mark.parametrize("text", [
    # ranks only in capitals; "PO Box"; a persona cue without a name
    "Send the form to PO Box 4471 in the morning.",
    "SEND THE FORM TO PO BOX 4471 IN THE MORNING.",
    "the po said no and we left.",
    "He called himself lucky after that one.",
    # a rank followed by an ordinary word, without capitals
    "sgt. told us to wait and we waited.",
    # employer cue with a word, a unit or a non-police acronym; ASRS-style capitals
    "I was working with SWAT that night and I'm with you on that.",
    "i'm with kia and my partner is with ford.",
    "There have been a lot of issues with ZBW taking handoffs.",
    "I WAS WORKING WITH ATC ON THE HANDOFF.",
    "I'm with the Metro bus system as a supervisor.",
    # State Police without a trooper; Highway Patrol as a street
    "We called State Police for the crash on the interstate.",
    "Dispatch said the highway patrol was busy with a wreck.",
    # records, licences and cashtags that are not
    "TCA 55-10-401 applies to every driver.",
    "Write to zip 45402-1234 for the form.",
    "my license was 300 feet away in the car.",
    "He owed me $400 and $20 for gas.",
    "The stock was $TSLA and the price was low.",
    # holidays without a year
    "I worked Mardi Gras and Fat Tuesday every year.",
    # pronouns before "drive"
    "i drive a 20-year-old cruiser and we drive it hard.",
    "don't drive into the dark toward the shots.",
    # grid numbers that are not a grid address; a mile that is a marker
    "We drove 200 East of the bridge.",
    "we stopped at 7 mile marker on the way.",
    # taken to / worked with no facility or area
    "He was taken to the hospital and then to Booking.",
    "HE ADMITTED TO ME THAT HE HAD BEEN DRINKING.",
    "THE CAPTAIN WAS TAKEN TO AVOID A CONFLICT.",
    "She was taken to Cracker Barrel by her son.",
    "I worked Patrol for three years and then Narcotics.",
    "I worked Labor Day weekend and the Fourth of July.",
    "I worked Dallas Cowboys games for overtime.",
    "I worked the AFT galley on that flight.",
])
def test_look_alikes_left_alone(text: str) -> None:
    flagged = found(text)
    assert not flagged, flagged
