"""The recall rules of the fourth round: parts of town, venues, agencies in every case, streets named by travel or
by a grid, record numbers in many shapes, and re-mentions of places, streets and agencies found once.

Every rule comes with look-alikes it must leave alone. The sentences are invented for these tests (with geography
away from the labelled sets where it matters: Pittsburgh, Salt Lake City, Detroit, New Orleans...).
"""

from __future__ import annotations

import pytest

from generator.deid import scan


def found(text: str, type_: str | None = None) -> dict[str, str]:
    """Finding text -> tier, for findings of *type_* (all types when None)."""
    return {f.text: f.tier for f in scan(text) if type_ is None or f.type == type_}


@pytest.mark.parametrize(("text", "type_", "expected", "tier"), [
    # PLACE: a part of town named by an area noun or a movement cue, any case
    ("We patrol the Maryvale neighborhood on nights.", "PLACE", "Maryvale", "auto"),
    ("She lives in the Brandon area with her mother.", "PLACE", "Brandon", "auto"),
    ("The fight was in the Old Mill neighborhood.", "PLACE", "Old Mill", "review"),
    ("I work the Hilltop side of town.", "PLACE", "Hilltop", "auto"),
    ("We were out by Mission when the call dropped.", "PLACE", "Mission", "auto"),
    ("There was a fight at the Water Users recreation site.", "PLACE", "Water Users", "review"),
    ("I was assigned to the Hollenbeck Division that year.", "PLACE", "Hollenbeck", "review"),
    ("chp, auburn area. i was working the i-80 corridor.", "PLACE", "auburn", "review"),
    ("we were over in southie near the bridge.", "PLACE", "southie", "review"),
    ("i was working the old louisville area that night.", "PLACE", "old louisville", "review"),
    ("we got a call to the shively area, off the pike.", "PLACE", "shively", "review"),
    ("this was in bricktown, right by the ballpark.", "PLACE", "bricktown", "review"),
    ("i was on patrol in squirrel hill when it came out.", "PLACE", "squirrel hill", "review"),
    ("CMPD / UNIVERSITY CITY DIV. OFC R. SALAZAR, CALL SIGN 2A14.", "PLACE", "UNIVERSITY CITY", "review"),
    ("SUSP FLED TOWARD THE PASEO DISTRICT ON FOOT.", "PLACE", "PASEO", "review"),
    ("HE WAS DRIVING HOME FROM A BAR IN DELAFIELD. I HAD HIM EXIT.", "PLACE", "DELAFIELD", "review"),
    ("PARKED ON GREENBACK LN, ORANGEVALE, FOR 2 HRS.", "PLACE", "ORANGEVALE", "review"),
    ("I was in Mint Hill when it happened.", "PLACE", "Mint Hill", "auto"),
    ("It happened over on the west side of Buffalo, near the lake.", "PLACE", "Buffalo", "review"),
    ("so this was on i-90 out by cheney, black ice.", "PLACE", "cheney", "auto"),
    ("I-95 SB, CHESTERFIELD CO. STOPPED A GRAY SEDAN.", "PLACE", "CHESTERFIELD CO", "auto"),
    ("I was near the Salt Lake County line.", "PLACE", "Salt Lake County", "auto"),
    ("LOC: 1400 BLK OF N BROADWAY, NASHVILLE. UNIT 4C12.", "PLACE", "NASHVILLE", "auto"),
    # PLACE: venues and named parts of a city
    ("After the game at Bank of America Stadium we had a fight.", "PLACE", "Bank of America Stadium", "auto"),
    ("After a game at Golden 1 Center the crowd was out.", "PLACE", "Golden 1 Center", "auto"),
    ("Traffic post at State Farm Stadium all night.", "PLACE", "State Farm Stadium", "review"),
    ("I was working the 3-11 shift in the Strip District.", "PLACE", "Strip District", "review"),
    ("The water was highest in the Lower Ninth Ward.", "PLACE", "Lower Ninth Ward", "review"),
    ("We cleared the bars in the French Quarter.", "PLACE", "French Quarter", "review"),
    ("She was at Caesars Palace when he called.", "PLACE", "Caesars Palace", "auto"),
    ("a department store in oak park mall.", "PLACE", "oak park mall", "review"),
    ("this happened at concord mills on black friday.", "PLACE", "concord mills", "review"),
    ("an extra duty job at tropicana field after the game.", "PLACE", "tropicana field", "review"),
    # AGENCY in every case, acronyms in CAD headers and defined in the text
    ("i was working off duty for concord pd that night.", "AGENCY", "concord pd", "auto"),
    ("CITRUS HEIGHTS PD. OFC M. DELACROIX UNIT 3A22.", "AGENCY", "CITRUS HEIGHTS PD", "auto"),
    ("SAC SO CAD SUPPL / DEP R. THAO 2K31.", "AGENCY", "SAC SO", "auto"),
    ("APD / OFC K. MADDOX UNIT 1417. ON ARRIVAL.", "AGENCY", "APD", "auto"),
    ("OFC D. HALVERSEN #3317 DPD. TRAFFIC STOP.", "AGENCY", "DPD", "auto"),
    ("MPD 3RD PCT. CASE 23-204417.", "AGENCY", "MPD", "auto"),
    ("i'm a deputy with bcso working the valley.", "AGENCY", "bcso", "auto"),
    ("so it was black ice, and i'm with wsp.", "AGENCY", "wsp", "auto"),
    ("VSP / TPR K. BLANKENSHIP #7741. I-95 SB.", "AGENCY", "VSP", "auto"),
    ("We served the warrant with Glendale PD's SWAT team.", "AGENCY", "Glendale PD", "auto"),
    ("I transferred to Lee's Summit PD in May.", "AGENCY", "Lee's Summit PD", "auto"),
    ("The Las Vegas Metropolitan Police Department handled it.", "AGENCY",
     "Las Vegas Metropolitan Police Department", "auto"),
    ("A Forest Service officer came up the trail.", "AGENCY", "Forest Service", "review"),
    ("Pittsburgh Bureau of Police sent a car.", "AGENCY", "Pittsburgh Bureau of Police", "auto"),
    ("Buffalo PD came out for the crash.", "AGENCY", "Buffalo PD", "auto"),
    ("He was arrested by the Buffalo police.", "AGENCY", "Buffalo police", "auto"),
    # ADDRESS: streets from travel words, grids, cross streets in capitals, highways with a direction or an exit
    ("He was westbound on Colfax when I lit him up.", "ADDRESS", "Colfax", "auto"),
    ("PASSENGER FLED ON FOOT WB ON ALAMEDA. NOT LOCATED.", "ADDRESS", "ALAMEDA", "review"),
    ("He took off down Cherokee toward the river.", "ADDRESS", "Cherokee", "auto"),
    ("I got flagged down at East Colfax and Pennsylvania by a man.", "ADDRESS", "East Colfax and Pennsylvania",
     "auto"),
    ("TRAFFIC STOP I-94 WB AT HWY 83 FOR EQUIPMENT.", "ADDRESS", "I-94 WB AT HWY 83", "auto"),
    ("The crash was on I-65 northbound at exit 121.", "ADDRESS", "I-65 northbound at exit 121", "auto"),
    ("He crashed near exit 42 on I-75 at dusk.", "ADDRESS", "exit 42 on I-75", "auto"),
    ("I was directing traffic at 7th and J. A guy came.", "ADDRESS", "7th and J", "review"),
    ("We stopped him at 700 East and 400 South.", "ADDRESS", "700 East and 400 South", "auto"),
    ("They were at the I-15 and 600 South interchange.", "ADDRESS", "600 South", "review"),
    ("TRAFFIC STOP S FEDERAL BLVD AT W ALAMEDA AVE. VEH BLK.", "ADDRESS", "S FEDERAL BLVD AT W ALAMEDA AVE", "auto"),
    ("LOC: BLUE HILL AVE AND MORTON ST, MATTAPAN.", "ADDRESS", "BLUE HILL AVE AND MORTON ST", "auto"),
    ("PPB CASE 23-114472. SE 82ND AVE AND DIVISION ST.", "ADDRESS", "SE 82ND AVE AND DIVISION ST", "auto"),
    ("EVENT 23-0611. LAS VEGAS BLVD S AT FLAMINGO RD.", "ADDRESS", "LAS VEGAS BLVD S AT FLAMINGO RD", "auto"),
    ("He was parked on Penn near 21st with the lights off.", "ADDRESS", "Penn", "review"),
    ("They met at the McDonald's on Woodward at 7 Mile.", "ADDRESS", "McDonald's on Woodward at 7 Mile", "auto"),
    ("It was behind the Valero on Loop 410 last night.", "ADDRESS", "Valero on Loop 410", "auto"),
    ("He ran the light at Lakewood Dr. Florida tag NQT G41.", "ADDRESS", "Lakewood Dr", "auto"),
    ("We chased him down Negley and caught him.", "ADDRESS", "Negley", "auto"),
    ("He crashed on I-70 near mile marker 12.", "ADDRESS", "I-70 near mile marker 12", "auto"),
    ("I-15 NB MP 288, LEHI. VEH WHT FORD.", "ADDRESS", "I-15 NB MP 288", "auto"),
    ("I-15 NB MP 288, LEHI. VEH WHT FORD.", "PLACE", "LEHI", "auto"),
    ("The fight was on a side job at Nissan Stadium.", "PLACE", "Nissan Stadium", "auto"),
    ("LMPD 6TH DIV / OFC T. REYNOLDS #8821.", "AGENCY", "LMPD", "auto"),
    # CASE in many shapes
    ("THE WINDOW BEFORE ANYONE GETS OUT. GO# 2023-612847.", "CASE", "2023-612847", "auto"),
    ("from the financial unit, RB# AF41877. The victim", "CASE", "AF41877", "auto"),
    ("CALL SIGN 2A14. CC# 20230422-0139-01. CALL FOR SERVICE.", "CASE", "20230422-0139-01", "auto"),
    ("Our CN# 2023-00417 went to the detectives.", "CASE", "2023-00417", "auto"),
    ("He was wanted on 23CR418772 for assault.", "CASE", "23CR418772", "review"),
    ("Event #E23-044178 closed at midnight.", "CASE", "E23-044178", "auto"),
    ("NOPD ITEM # F-22417-23. LOCATION: DECATUR ST.", "CASE", "F-22417-23", "auto"),
    # PERSON, HANDLE, URL, DL, PLATE, AGE
    ("Me and Manny got a call about a shoplifter.", "PERSON", "Manny", "review"),
    ("me and dre were first there. dre had a shot.", "PERSON", "dre", "review"),
    ("She sold on a resale page under the name kaysclosetkc, which is how.", "HANDLE", "kaysclosetkc", "review"),
    ("His account was brodyyy_m22 and he posted threats.", "HANDLE", "brodyyy_m22", "auto"),
    ("a link to his own blog, reckoning76.substack.example.com. A subpoena", "URL",
     "reckoning76.substack.example.com", "auto"),
    ("The driver gave me her license, WA DL WDL7KQ41T3B, and left.", "DL", "WDL7KQ41T3B", "auto"),
    ("VEH BLK CHEVY MALIBU CO BWK-J47. DRIVER FLED.", "PLATE", "BWK-J47", "auto"),
    ("DRIVER ISAIAH BRUNO-WHITE 24 CO DL 19-447-2381 SUSPENDED.", "AGE", "24", "auto"),
])
def test_recall_rules_find(text: str, type_: str, expected: str, tier: str) -> None:
    assert found(text, type_).get(expected) == tier


@pytest.mark.parametrize(("text", "type_"), [
    # parts of town: an area noun after a generic word, an acronym, a state, a direction only
    ("We cleared the Staging area and the Parking area.", "PLACE"),
    ("I work the east side of town most nights.", "PLACE"),
    ("We were in the TRACON area when it started.", "PLACE"),
    ("He grew up in the Ohio area.", "PLACE"),
    ("we got stuck out in traffic for an hour.", "PLACE"),
    ("WE WERE IN CRUISE. IN TRAIL. XMITTED TO CTR. ARRIVED IN HAWAII.", "PLACE"),
    ("THE RUNUP AREA WAS FULL.", "PLACE"),
    # landmark words that are not a landmark here
    ("His School District sent a letter.", "PLACE"),
    ("They scored in the Third Quarter.", "PLACE"),
    ("He was taken to the Psych Ward.", "PLACE"),
    ("I did the Standardized Field Sobriety Tests.", "PLACE"),
    ("EMS took him. Don't park in front of a car.", "PLACE"),
    ("Call the Manager of the Airport. Set Flaps 20 Before Landing.", "PLACE"),
    ("we played at the ball field and the old mill park.", "PLACE"),
    # a town's name used for a thing: a street, a product, a brand, a business
    ("He pulled out a box of Omaha Steaks.", "PLACE"),
    ("The owner had a Milwaukee drill in his hand.", "PLACE"),
    ("He drove to Tucson Blvd and parked.", "PLACE"),
    ("ACME CO SENT THE PARTS.", "PLACE"),
    # agency suffixes that are words, speeds, a county's deputies
    ("ASSIGNED FL280. SPD 250 KTS. TPD / SOMETHING", "AGENCY"),
    ("HE CLOSED THE DOOR SO WE LEFT. ALSO CALLED.", "AGENCY"),
    ("Two Hennepin County Sheriff's deputies arrived.", "AGENCY"),
    # roads: travel words before a hill, a numbered highway, a state; a grid number that is a distance
    ("I ran down the hill and up the stairs.", "ADDRESS"),
    ("The semi stalled on I-80 westbound. He drove a Nissan Altima home.", "ADDRESS"),
    ("We were northbound on I-75 and he turned onto Ohio.", "ADDRESS"),
    ("The car was 200 East of the bridge.", "ADDRESS"),
    ("VERY FAR E OF 6700 W LOG.", "ADDRESS"),
    ("We drove from Ohio and Kentucky to East Texas and Arkansas.", "ADDRESS"),
    ("We stayed on Tuesday at Home.", "ADDRESS"),
    ("HE WENT DOWN THE ROAD. WE WALKED TO THE BIG STREET.", "ADDRESS"),
    # record numbers: a military date, an ASRS accession number, other identifiers' cues
    ("DATE 12MAR2023. NOTHING ELSE.", "CASE"),
    ("CALLBACK WITH RPTR ACN #371392 REVEALED IT.", "CASE"),
    ("DL# 12345678 AND UNIT# 2231 ON SCENE.", "CASE"),
    # a partner word that is a rank or an English word
    ("Me and Sarge went in. Me and Will went. The dog and I walked.", "PERSON"),
    ("Under the name Smith he rented it.", "HANDLE"),
    ("His license was SUSPENDED for DRIVING. DL STATUS INVALID.", "DL"),
    ("I put a Denver boot on a 15-year-old Crown Vic.", "AGE"),
    ("He ran the light at Lakewood Dr. Florida tag NQT G41.", "PERSON"),
])
def test_recall_rules_leave_look_alikes(text: str, type_: str) -> None:
    assert found(text, type_) == {}


def test_a_street_found_once_is_found_where_it_recurs() -> None:
    text = "Colfax on a Friday night is its own animal. I got flagged down at East Colfax and Pennsylvania."
    assert found(text, "ADDRESS") == {"Colfax": "auto", "East Colfax and Pennsylvania": "auto"}
    upper = "TRAFFIC STOP S FEDERAL BLVD AT W ALAMEDA AVE. PASSENGER FLED NORTH ON ALAMEDA."
    assert found(upper, "ADDRESS")["ALAMEDA"] == "auto"


def test_an_agency_town_and_a_defined_acronym_recur() -> None:
    text = "I worked for concord pd for years. one night in concord we got a call."
    assert [f.text for f in scan(text) if f.type == "PLACE"] == ["concord"]
    defined = "Jacksonville Sheriff's Office (JSO) units responded. Later JSO cleared. The jso file."
    assert [f.text for f in scan(defined) if f.type == "AGENCY"] == ["Jacksonville Sheriff's Office", "JSO", "JSO"]


def test_towns_in_asrs_capitals_are_not_repeated() -> None:
    # In ASRS narratives a town is an airport's name as often: only the cued mention counts.
    text = "WE WERE VECTORED IN BOSTON. BOSTON APCH THEN CLRED US. BOSTON TWR CALLED."
    assert [f.text for f in scan(text) if f.type == "PLACE"] == ["BOSTON"]


def test_partner_re_mentions_follow_the_paired_name() -> None:
    text = "Me and Manny got a call about a shoplifter. Manny was behind me. Later Manny pulled her off."
    assert [f.text for f in scan(text) if f.type == "PERSON"] == ["Manny", "Manny", "Manny"]
