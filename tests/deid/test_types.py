"""One positive and the generic look-alikes for every identifier type, in mixed, lower and upper case."""

from __future__ import annotations

import pytest

from generator.deid import scan


def found(text: str, type_: str | None = None, tier: str | None = None) -> list[str]:
    return [f.text for f in scan(text) if (type_ is None or f.type == type_) and (tier is None or f.tier == tier)]


POSITIVES = [
    ("PERSON", "I was riding with Ofc. J. Carter that night.", "Ofc. J. Carter"),
    ("PERSON", "Sgt. Mike Reyes met us at the scene.", "Sgt. Mike Reyes"),
    ("PERSON", "The driver, Jaden Whitlock (16), ran.", "Jaden Whitlock"),
    ("PERSON", "i was working with deputy hollis when it happened.", "deputy hollis"),
    ("PERSON", "OFC T. REYES AND I WERE DISPATCHED TO A FIGHT.", "OFC T. REYES"),
    ("BADGE", "Ofc. Lyle, badge #4471, took the report.", "#4471"),
    ("BADGE", "I was running as unit 2B14 that night.", "2B14"),
    ("BADGE", "Dispatch called 1-Adam-12 to the scene.", "1-Adam-12"),
    ("AGENCY", "Units from Dayton PD arrived first.", "Dayton PD"),
    ("AGENCY", "The Montgomery County Sheriff's Office took over.", "Montgomery County Sheriff's Office"),
    ("AGENCY", "A trooper from Troop C helped.", "Troop C"),
    ("ADDRESS", "He lived at 4471 N. Main St, Apt 4B in town.", "4471 N. Main St, Apt 4B"),
    ("ADDRESS", "We were sent to the 1200 blk of Wayne Ave for a fight.", "1200 blk of Wayne Ave"),
    ("ADDRESS", "The crash was at the intersection of Dixie and Needmore.", "Dixie and Needmore"),
    ("ADDRESS", "I stopped him at the Speedway on Wayne Ave.", "Speedway on Wayne Ave"),
    ("PLACE", "It happened in Montgomery County last year.", "Montgomery County"),
    ("PLACE", "He was taken to Miami Valley Hospital.", "Miami Valley Hospital"),
    ("PLACE", "We drove to Dayton, OH for the hearing.", "Dayton"),  # the state is not identifying
    ("PLATE", "The car had Ohio plate HGT4471 on it.", "HGT4471"),
    ("VIN", "The VIN was 1FMCU9GDXJV574911.", "1FMCU9GDXJV574911"),
    ("VIN", "We only had the last six 176543 of the VIN.", "176543"),
    ("DL", "He handed me his DL, OH SR123456.", "SR123456"),
    ("PHONE", "Call her at (937) 555-0123 tomorrow.", "(937) 555-0123"),
    ("PHONE", "His number was 937.555.0177.", "937.555.0177"),
    ("EMAIL", "She wrote from lkiefer61@yahoo.com twice.", "lkiefer61@yahoo.com"),
    ("SSN", "His SSN, 412-71-4553, came back to someone else.", "412-71-4553"),
    ("URL", "The video was on facebook.com/groups/xyz for a day.", "facebook.com/groups/xyz"),
    ("URL", "See https://records.example.org/r/33410 for the file.", "https://records.example.org/r/33410"),
    ("HANDLE", "He posted as @kdawg_937 on the app.", "@kdawg_937"),
    ("HANDLE", "His IG kdawg937 had pictures of the gun.", "kdawg937"),
    ("CASE", "Report RD# 23-118822 has the details.", "23-118822"),
    ("CASE", "It came in as CFS 2309140057.", "2309140057"),
    ("CASE", "See Case 2023-004411 for the follow-up.", "2023-004411"),
    ("DATE", "It was 14 March 2023 and cold.", "14 March 2023"),
    ("DATE", "Night shift, Sat 9/7, was busy.", "Sat 9/7"),
    ("DATE", "On 3/10/15 we had a pursuit.", "3/10/15"),
    ("DATE", "That was christmas eve 2022.", "christmas eve 2022"),
    ("DATE", "The stop was on 2023-03-14.", "2023-03-14"),
    ("TIME", "We cleared at 2300hrs.", "2300hrs"),
    ("TIME", "The call came at 11:42 pm.", "11:42 pm"),
    ("AGE", "The victim, 84 yrs, was unhurt.", "84 yrs"),
    ("AGE", "A 17 y/o kid had the gun.", "17 y/o"),
    ("AGE", "Jaden Whitlock (16) ran.", "16"),
]


@pytest.mark.parametrize(("type_", "text", "expected"), POSITIVES, ids=[f"{t}:{e}" for t, _, e in POSITIVES])
def test_positive(type_: str, text: str, expected: str) -> None:
    assert expected in found(text, type_)


@pytest.mark.parametrize("text", [
    "Officer Safety is everybody's job.",
    "We heard Officer Down on the radio.",
    "The Use of Force review cleared him.",
    "I threw Stop Sticks across both lanes.",
    "We ran Code 3 and I answered 10-4.",
    "He had a 9mm in his waistband.",
    "The Sergeant told us to hold the perimeter.",
    "It wasn't Main Street, it was a dirt road.",
    "Every year in March we train on this.",
    "Every Christmas Eve I work the night shift.",
    "He was charged under ORC 4511.19.",
    "That violates General Order 41.2.",
    "He carried a Smith & Wesson and a Glock.",
    "The car was a Mercedes Benz; the bike a Harley Davidson.",
    "There was a bottle of Jack Daniels on the seat.",
    "I deployed my Taser twice.",
    "We stopped a brown pickup on the interstate.",
    "The 4th of July is always busy.",
    "We fired 3 rounds from 20 feet away.",
    "It was over 114 degrees.",
])
def test_generic_text_is_not_flagged(text: str) -> None:
    assert scan(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("i was riding with ofc. j. carter on 14 march 2023 at 2300hrs.", ["ofc. j. carter", "14 march 2023", "2300hrs"]),
    ("I WAS RIDING WITH OFC. J. CARTER ON 14 MARCH 2023 AT 2300HRS.", ["OFC. J. CARTER", "14 MARCH 2023", "2300HRS"]),
    ("CALL ME AT (937) 555-0123, REPORT RD# 23-118822.", ["(937) 555-0123", "23-118822"]),
    ("the caller was gene dotson, 71, from kettering.", ["gene dotson", "71"]),
])
def test_lower_and_upper_case(text: str, expected: list[str]) -> None:
    texts = found(text)
    for item in expected:
        assert item in texts


def test_upper_case_jargon_is_not_a_person() -> None:
    text = "CAPT SAID THE PAX IN ROW 17 WAS UNRULY. FLT ATTENDANT ADVISED ATC. MR X REFUSED TO SIT."
    assert found(text, "PERSON") == []


def test_bare_surname_after_a_named_person() -> None:
    text = "Ofc. J. Carter took the driver's side. Later Carter said the car smelled of gas."
    assert found(text, "PERSON") == ["Ofc. J. Carter", "Carter"]


def test_rank_alone_is_not_a_person() -> None:
    assert found("The Sergeant told us to wait. My LT agreed. Deputy, stand by.", "PERSON") == []


@pytest.mark.parametrize("text", [
    "We grabbed food at a Waffle House off the interstate.",
    "He worked at a big box store.",
    "He posted it on Facebook, TikTok and Instagram.",
    "He rode a Harley Davidson and drove a Ford Explorer.",
    "The Dodge Charger had a Hi-Point 9mm under the seat.",
    "He was booked under PC 148 and SOP 3-12 applied.",
    "We went 10-16 with one and found 4 kilos.",
    "He drove up from Kentucky to Ohio, OH plates on the car.",
    "Northbound on I-75 we passed the exit for US-23.",
    "In June 2023 we had a bad month, worse than last Tuesday.",
    "Around midnight, maybe ten of them, an older man in her sixties.",
])
def test_more_generic_text_from_the_labelling_rules(text: str) -> None:
    assert scan(text) == []
