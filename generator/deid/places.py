"""PLACE: counties, "City of X", "X, OH", and unknown towns after "in"/"near"/"from" (and in CAD records); runs the
known-town (``towns.py``), landmark (``landmarks.py``, ``landmarks_plain.py``) and district (``districts.py``)
detectors too.

States alone are not identifying enough to flag. An unknown town is found in mixed-case text as a capitalised
name right after a place preposition ("in Quartzsite,"), or as a name plus a town word ("Huber Heights").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import districts, landmarks, landmarks_plain, plain_towns, towns
from .finding import Finding, make
from .lexicon import NOT_NAMES, lexicon
from .names import TITLE_RE
from .streets import generic_street
from .temporal import HOLIDAY
from .text import LOWER_LETTER, TextInfo, anchored, matches, prefixes

STATES = ("AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH "
          "OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC").split()
_STATE_NAMES = (r"Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|"
                r"Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|"
                r"Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|"
                r"New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|"
                r"South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|"
                r"Wisconsin|Wyoming")
COUNTY_RE = re.compile(rf"\b((?:[A-Z](?:{LOWER_LETTER}|['.-])+\s+){{1,3}})(County|Parish|Township|Twp\.?|Borough|"
                       r"Co\b\.?(?!\s*[,&]))")
CITY_OF_RE = re.compile(
    r"\b(?:City|Town|Village|Borough|Township)\s+of\s+((?:[A-Z][a-z'.-]+)(?:\s+[A-Z][a-z'.-]+){0,2})")
CITY_STATE_RE = re.compile(rf"\b((?:[A-Z][a-z'.-]+\s+){{0,2}}[A-Z][a-z'.-]+),\s*({'|'.join(STATES)}|{_STATE_NAMES})\b"
                           r"(?:\s+\d{5}(?:-\d{4})?)?")
# ", OH" / ", Ohio": a comma is a literal the regex engine finds fast, so the city before it is read only there.
_COMMA_STATE_RE = re.compile(rf",\s*(?:{'|'.join(STATES)}|{_STATE_NAMES})\b")
_VEHICLE_STATE_RE = re.compile(r"\s+(?:tags?|plates?|reg|registration|dl|license|licence|driver)\b", re.I)
_ANY_COUNTY_RE = re.compile(r"\b([A-Za-z]+(?:\s+[A-Za-z]+)?)\s+(county|parish|township|co\b\.?)", re.IGNORECASE)
_CITY_OF_KEYS = prefixes("city", "town", "village", "borough", "township")
# Second words that make "<Name> <word>" a town rather than a person or business: "Huber Heights", "Tremont City".
TOWN_WORDS = (r"(?:Heights|Hills?|City|Village|Springs|Falls|Township|Park|Beach|Valley|Grove|Lake|Lakes|Creek|"
              r"Ridge|Junction|Harbor|Landing|Mills|Bluffs?|Crossing|Center|Station|Corners|Estates|Point|Pointe|"
              r"Shores|Woods|Acres|Bay|Island|Glen|Haven|Gardens|Terrace|Meadows|Plains|Manor|Square)")
CONTEXT_PLACE_RE = re.compile(r"\b(?:in|near|outside|from|to|of|toward|towards|through|past|into|around)\s+"
                              r"((?:West|East|North|South|New|Old|Fort|Mount|Port|Saint|St\.|Upper|Lower|Little|Big|"
                              r"Great|Grand|Glen)\s+)?"
                              rf"([A-Z][a-z]{{2,}}(?:\s+{TOWN_WORDS}(?=\s*[,.;:)]|\s*$|\s+[a-z]))?)\b"
                              r"(?=\s*[,.;:)]|\s*$|\s+[a-z])")
_PLACE_CUE_KEYS = prefixes("in", "near", "outside", "from", "to", "of", "toward", "towards", "through", "past", "into",
                           "around")
_COUNTY_KEYS = prefixes("county", "parish", "township", "twp", "borough", "co")
# Where a patient or prisoner is taken names a facility: "TRANSPORTED TO UPMC PRESBYTERIAN", "released from
# University Medical Center", "flown to Shock Trauma".
TAKEN_TO_RE = re.compile(r"\b(?:transported|taken|flown|airlifted|life-?flighted|rushed|released|discharged|admitted)"
                         r"[ \t]+(?:him|her|them|the\s+\w+\s+)?(?:to|from)[ \t]+", re.IGNORECASE)
_TAKEN_KEYS = prefixes("transported", "taken", "flown", "airlifted", "life", "lifeflighted", "life-flighted", "rushed",
                       "released", "discharged", "admitted")
# The area an officer works or covers: "I worked Old Town for three years", "we cover the Riverchase Galleria".
BEAT_RE = re.compile(r"\b(?:[Ii]|[Ww]e)[ \t]+(?:mostly[ \t]+)?(?:cover|covered|patrol|patrolled|work|worked)[ \t]+"
                     r"(?:the[ \t]+)?((?:[A-Z][\w'\u2019-]*)(?:[ \t]+(?:of[ \t]+)?[A-Z][\w'\u2019-]*){0,3})")
_BEAT_KEYS = prefixes("i", "we")
_TAKEN_HINT_RE = re.compile(r"(?:ed|en|own)[ \t]+(?:\w+[ \t]+)?(?:to|from)[ \t]+[a-z]")
_NAME_WORD_RE = re.compile(r"[ \t]*([A-Za-z][\w'\u2019&-]*)")
# Words that are no facility or area name after those cues (a unit, a shift, a day, a generic facility).
_NOT_FACILITY = frozenset("""the a an his her their our my this that hospital hospitals jail jails er emergency room
local nearest county city medical center facility emer room booking flight attendant attendants crew captain
pilot pilots passenger passengers gate jetbridge jetway security police officer officers agent agents supervisor detox custody station headquarters hq ems ambulance scene home
house shelter patrol traffic vice homicide narcotics dispatch nights night days day midnights mids overtime ot
security detail details swat k9 court corrections school schools events event special the bike motors motor
sector beat zone district division shift shifts monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december christmas thanksgiving easter
halloween new years year weekends weekend holidays holiday graveyard evenings evening mornings morning afternoons
afternoon and with by for in at on of to from after before where when until because but or so then""".split())


_PRONOUNS = frozenset("me him her them us you it".split())
# Words that make "I worked <X>" an event, a unit or a product rather than an area.
_EVENT_WORDS = frozenset("""day days eve weekend night nights parade parades festival fest game games season
tournament concert race marathon fair rodeo gras tuesday friday patrol police sheriff transit troop post level
app cap jersey wings steaks boot whaler slugger bear""".split())
HOLIDAY_RE = re.compile(HOLIDAY, re.IGNORECASE)
_FOLLOWERS = frozenset("""for in at on and with during until when since as from every most that this the back
before after all full mostly nights days overnight alone too a an or but so i we""".split())
_FACILITY_WORDS = frozenset("hospital center centre trauma clinic infirmary pavilion health medical memorial".split())


def _context_places(info: TextInfo) -> Iterator[Finding]:
    text, lex = info.text, lexicon()
    if info.style != "lower" and _TAKEN_HINT_RE.search(info.lower):
        for m in matches(info, TAKEN_TO_RE, _TAKEN_KEYS):
            words: list[re.Match[str]] = []
            cursor = m.end()
            while len(words) < 4:
                w = _NAME_WORD_RE.match(text, cursor)
                if not w or "\n" in w.group() or not (w.group(1)[0].isupper() and (info.mixed or w.group(1).isupper())):
                    break
                if w.group(1).lower() in ("and", "by", "for", "with", "in", "at", "on", "where", "after", "to", "from"):
                    break
                words.append(w)
                cursor = w.end()
            names = [w.group(1).lower() for w in words]
            if not names or all(n in _NOT_FACILITY for n in names) or names[0] in ("the", "a", "an", "his", "her"):
                continue
            if len(names) == 1 and len(names[0]) <= 3 and words[0].group(1).isupper():
                continue  # "taken to TSA", "released to MCO": an agency or airport code, too short to tell
            if len(names) == 1 and lex.common_level(names[0]) <= 35 and not lex.place_kind(words[0].group(1)):
                continue  # "taken to Booking", "released from Custody"
            acronym = len(names[0]) in (3, 4, 5) and words[0].group(1).isupper() and \
                len(re.findall(r"[aeiouy]", names[0])) <= 1 and lex.common_level(names[0]) >= 99 and \
                text[words[0].end(1):words[0].end(1) + 1] != "."
            if not (acronym or len(names) > 1 and any(n in _FACILITY_WORDS for n in names)):
                continue  # a facility has its initials ("UPMC", "ECMC") or a facility word ("Shock Trauma")
            yield make(text, "PLACE", words[0].start(1), words[-1].end(1), 0.8, "facility a person was taken to")
    low = info.lower
    if info.mixed and (" work" in low or " cover" in low or " patrol" in low):
        for m in matches(info, BEAT_RE, _BEAT_KEYS):
            phrase = m.group(1)
            if phrase.isupper():
                continue  # "I worked the AFT": an abbreviation, not a named area
            names = [w.lower() for w in phrase.split() if w.lower() != "of"]
            if names[0] in _NOT_FACILITY or all(n in _NOT_FACILITY for n in names) or TITLE_RE.fullmatch(names[0]):
                continue
            if len(names) == 1 and not lex.place_kind(phrase) or _EVENT_WORDS.intersection(names) or \
                    HOLIDAY_RE.match(phrase) or lex.place_kind(names[0]) == "state":
                continue  # "I worked Patrol", "I worked Mardi Gras", "I worked Labor Day weekend", "Ohio State"
            modifier = re.match(r"[ \t]+([a-z]+)", text[m.end(1):m.end(1) + 20])
            if modifier and modifier.group(1) not in _FOLLOWERS or generic_street(phrase):
                continue  # "I worked Dallas Cowboys games": a name that modifies a noun; "I worked Main Street"
            yield make(text, "PLACE", *m.span(1), 0.75, "area an officer works or covers")


def detect(info: TextInfo) -> Iterator[Finding]:
    """Yield PLACE findings in *info*."""
    yield from _places(info)
    yield from _context_places(info)
    yield from landmarks.detect(info) if info.mixed else landmarks_plain.detect(info)
    yield from districts.detect(info)
    yield from towns.detect(info)


def _is_county(name: str) -> bool:
    """True when *name* is the name of a US county (it may be a town's too)."""
    place = lexicon().places.get(name)
    return place is not None and "county" in place.kinds


def _city_state(info: TextInfo) -> Iterator[Finding]:
    """ "Dayton, OH", "Brenham, Texas": the town only (a state alone identifies no one, and is not labelled)."""
    text, lex = info.text, lexicon()
    for comma in _COMMA_STATE_RE.finditer(text) if "," in text else ():
        m = CITY_STATE_RE.search(text, max(0, comma.start() - 60), comma.end() + 11)
        while m and m.end(2) < comma.end():
            m = CITY_STATE_RE.search(text, m.end(), comma.end() + 11)
        if not m or m.end(2) != comma.end() or lex.place_kind(m.group(1)) == "state" or \
                _VEHICLE_STATE_RE.match(text, comma.end()):
            continue  # "Ohio, OH"; "a black Camaro, Georgia tag ...": the state of a plate, not of a town
        # "Deputy Will Rich, Washington County": ranks and common words before the name are not the town.
        words = m.group(1).split()
        while len(words) > 1 and (words[0].lower() in NOT_NAMES or TITLE_RE.fullmatch(words[0]) or
                                  lex.common_level(words[0].lower()) <= 20):
            words.pop(0)
        name = " ".join(words)
        if len(words) == 1 and (name.lower() in NOT_NAMES or lex.common_level(name.lower()) <= 20) and \
                not lex.place_kind(name):
            continue  # "252 East 57 Street, New York": the street of an address, not a town
        start = m.end(1) - len(name)
        # An unknown "Given Surname, State" is as likely a person signing off as a town.
        person = not lex.place_kind(name) and len(words) > 1 and lex.is_given(words[0].lower(), 2000)
        yield make(text, "PLACE", start, m.end(1), 0.8 if person else 0.95, "city, state")


def _places(info: TextInfo) -> Iterator[Finding]:
    text, lex = info.text, lexicon()
    if info.mixed:
        for m in anchored(info, COUNTY_RE, _COUNTY_KEYS):
            words = m.group(1).split()
            while words and lex.common_level(words[0].lower()) <= 20 and len(words) > 1 and \
                    not _is_county(" ".join(words)):
                words.pop(0)  # "When Warren County ..." (but "Salt Lake County" is one name)
            start = m.end(1) - len(" ".join(words)) - 1
            if m.group(2).startswith("Co") and not _is_county(" ".join(words)):
                continue  # "Acme Co.": a company; "Chesterfield Co." is a county of that name
            yield make(text, "PLACE", start, m.end(), 0.95, "named county/township")
        for m in matches(info, CITY_OF_RE, _CITY_OF_KEYS):
            yield make(text, "PLACE", *m.span(), 0.93, "City of ...")
        yield from _city_state(info)
        for m in matches(info, CONTEXT_PLACE_RE, _PLACE_CUE_KEYS):
            word, *town_word = m.group(2).lower().split()
            # "Huber Heights" and "Upper Darby" have the shape of a town; a lone unknown word after "in" may be
            # anything, and a name or an English word alone is no evidence.
            shaped = town_word or m.group(1)
            if word in NOT_NAMES or lex.place_kind(word) == "state" or \
                    lex.common_level(word) <= 20 and not town_word or \
                    lex.place_kind(text[m.start(1) if m.group(1) else m.start(2):m.end(2)]) == "state" or \
                    not shaped and (lex.common_level(word) <= 50 or lex.name_score(word) >= 0.95) or \
                    towns.spoken_language(text, m.start(2)):
                continue
            yield make(text, "PLACE", m.start(1) if m.group(1) else m.start(2), m.end(2),
                       0.9 if town_word else 0.8 if shaped else 0.7, "capitalised name after in/near/from")
    else:
        yield from plain_towns.detect(info)
        for m in anchored(info, _ANY_COUNTY_RE, _COUNTY_KEYS):
            name = m.group(1).split()[-1] if lex.place_kind(m.group(1)) is None else m.group(1)
            abbreviated = m.group(2).lower().startswith("co") and m.group(2).lower() != "county"
            if abbreviated and (not _is_county(name) or len(name) <= 3) or not lex.place_kind(name):
                continue  # "CO" is also Colorado and "co." a company: only after a county's name ("CHESTERFIELD CO")
            yield make(text, "PLACE", m.end(1) - len(name), m.end(), 0.93, "known county")
