"""Weighing a known town name by its context (for ``towns.py``). Evidence, strongest first:

* a state right after it ("Hope, AR", "dayton ohio"), checked against the states that have such a town;
* a place preposition right before it ("in Tucson", "outside of Spokane", "downtown boise", "out by cheney");
* a record's layout: after a street and a comma or in a location field ("LOC: 1400 BLK OF N BROADWAY, NASHVILLE");
* in mixed-case text, capitals in the middle of a sentence.

A name that is a common English word or a frequent given name needs the strongest evidence, and is never
reported on capitals alone. A town is not the place meant when a street suffix follows it ("Tucson Blvd"), when
an article makes it a kind of thing ("a Milwaukee drill"), or when a capitalised word continues it into a business
after a weak cue ("a box of Omaha Steaks").
"""

from __future__ import annotations

import re

from .finding import Finding, make
from .gazetteer import Place
from .landmarks import LANDMARK_SUFFIX_RE
from .lexicon import NOT_NAMES, Lexicon, lexicon
from .text import TextInfo

_STATE_CODES = ("AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC "
                "ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR").split()
_STATE_NAMES = {"alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA",
                "colorado": "CO", "connecticut": "CT", "delaware": "DE", "florida": "FL", "georgia": "GA",
                "hawaii": "HI", "idaho": "ID", "illinois": "IL", "indiana": "IN", "iowa": "IA", "kansas": "KS",
                "kentucky": "KY", "louisiana": "LA", "maine": "ME", "maryland": "MD", "massachusetts": "MA",
                "michigan": "MI", "minnesota": "MN", "mississippi": "MS", "missouri": "MO", "montana": "MT",
                "nebraska": "NE", "nevada": "NV", "new hampshire": "NH", "new jersey": "NJ", "new mexico": "NM",
                "new york": "NY", "north carolina": "NC", "north dakota": "ND", "ohio": "OH", "oklahoma": "OK",
                "oregon": "OR", "pennsylvania": "PA", "rhode island": "RI", "south carolina": "SC",
                "south dakota": "SD", "tennessee": "TN", "texas": "TX", "utah": "UT", "vermont": "VT",
                "virginia": "VA", "washington": "WA", "west virginia": "WV", "wisconsin": "WI", "wyoming": "WY"}
STATE_AFTER_RE = re.compile(
    r"[,;]?[ \t]+(" + "|".join(sorted(_STATE_NAMES, key=len, reverse=True)) + "|" + "|".join(_STATE_CODES) + r")\b"
    r"(?![-\w])(?:[ \t]+\d{5}(?:-\d{4})?)?", re.IGNORECASE)
# Words before a town name that place the writer there: "in", "outside of", "downtown", "north of".
_CUE_RE = re.compile(
    r"(?:\b(?:in|near|from|outside(?:\s+of)?|through|into|around|towards?|to|past|via|of|between|"
    r"(?:out|over|up|down|back)\s+by|(?:side|part|end|edge|outskirts)\s+of|"
    r"downtown|uptown|suburban|rural|greater|(?:north|south|east|west)(?:ern)?)|(?:location|city|town|area)\s*:)"
    r"\s+(?:the\s+)?(?:city\s+of\s+|town\s+of\s+|village\s+of\s+|downtown\s+|(?:north|south|east|west)\s+)?$",
    re.IGNORECASE)
# Countries and regions that share a name with some US town: in a report they mean the country.
NOT_TOWNS = frozenset("""canada mexico midwest america europe asia africa china japan korea russia france germany
england ireland scotland wales italy spain cuba haiti jamaica brazil peru chile panama israel egypt iraq iran syria
kuwait afghanistan vietnam philippines poland greece turkey lebanon jordan norway sweden denmark holland
bermuda bahamas caribbean honduras guatemala venezuela colombia argentina ecuador bolivia australia india pakistan
""".split())
_TOWN_END_RE = re.compile(r"\s*(?:[,.;:)!?]|$)|\s+[a-z]")
_PLATE_AFTER_RE = re.compile(r"\s+(?:tags?|plates?|reg|registration|dl|license|licence)\b", re.I)
# Speech before "in <name>": the name is a language ("yelled at him in Navajo", "phrases in Haitian Creole").
_LANGUAGE_RE = re.compile(r"\b(?:yell|spoke|speak|talk|shout|scream|cuss|curs|swear|swore|phrase|fluent|translat)\w*"
                          r"\b[^.!?\n]{0,30}$", re.IGNORECASE)
# A street and then a town: "ROSS CLARK CIRCLE AT MONTGOMERY HWY, DOTHAN."
_WORD_BEFORE_RE = re.compile(r"\b([A-Za-z]+)[ \t]+$")
_THE_END_RE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_IN_BEFORE_RE = re.compile(r"\bin[ \t]+(?:[A-Z][a-z]+[ \t]+)?$")
# (a mile marker or an exit closes a location too: "I-15 NB MP 288, LEHI")
_STREET_COMMA_RE = re.compile(r"\b(?:(?:mp|mm|exit)[ \t]*\d{1,3}[a-z]?|st|street|ave|avenue|rd|road|hwy|highway|blvd|"
                              r"dr|drive|ln|lane|way|pkwy|pike|"
                              r"cir|circle|ct|court|trl|route|rte)\.?,[ \t]*$", re.IGNORECASE)
_LOCATION_LABEL_RE = re.compile(r"\b(?:LOC|LOCATION|ADDR|ADDRESS|SCENE|PLACE)\s*:", re.IGNORECASE)
_WORDLIKE_CODES = frozenset("in or me hi ok oh la de co al mo id pa ma wa ga".split())
_DIRECTIONS = frozenset("north south east west northern southern eastern western new old".split())
_LOCATIVE = frozenset("in near outside through into around downtown uptown suburban rural greater out over up down "
                      "back side part end edge outskirts".split())
_STRONG_CUES = frozenset("in near from outside through into around downtown uptown suburban rural greater out over up "
                         "down back side part end edge outskirts".split())
# A street suffix after the name makes it a street named after the town ("the douglas blvd exit", "Tucson Blvd").
_STREET_AFTER_RE = re.compile(r"[ \t]+(?:st|street|ave|avenue|blvd|boulevard|rd|road|dr|drive|ln|lane|ct|pkwy|parkway|"
                              r"hwy|highway|pike|trl|trail|cir|ter|terrace|expy|fwy)\b\.?(?![ \t]*[,;:]?[ \t]*"
                              r"(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|"
                              r"NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY)\b)", re.IGNORECASE)
# After "a"/"an" a town names a product or a kind ("a Milwaukee drill", "a Denver boot"), unless a person follows.
_ARTICLE_BEFORE_RE = re.compile(r"\b(?:a|an)[ \t]+$", re.IGNORECASE)
_PERSON_NOUN_RE = re.compile(r"[ \t]+(?:cop|cops|officer|officers|deputy|deputies|detective|trooper|police|pd|sheriff|"
                             r"resident|native|man|woman|guy|kid|family|firefighter|medic|dispatcher|suburb|"
                             r"neighborhood|address)\b", re.IGNORECASE)
# A capitalised word right after the name continues another name: "a box of Omaha Steaks", "Denver Broncos".
_NAME_CONTINUES_RE = re.compile(r"[ \t]+([A-Z][a-z]+)")
_WEAK_CUES = frozenset("from to past via of between".split())
# ... unless that name is a place too: "Black Creek Reservoir", "Baton Rouge General".
_PLACE_LEADS = frozenset("general regional memorial community municipal international".split())


def _state_after(info: TextInfo, end: int, place: Place) -> tuple[int, bool] | None:
    """(end, state matches the place's states) when a state follows the name: "Hope, AR", "dayton ohio"."""
    text = info.text
    m = STATE_AFTER_RE.match(text, end)
    if not m:
        return None
    value = m.group(1)
    code = value.upper() if len(value) == 2 else _STATE_NAMES[value.lower()]
    comma = text[end:m.start(1)].strip() in (",", ";")
    if len(value) == 2 and (not value.isupper() and (not comma or value.lower() in _WORDLIKE_CODES or info.mixed)
                            or value.lower() in _WORDLIKE_CODES and not comma and not info.mixed):
        return None  # "Oaks, in his yard", "DRAIN OR", "Remote ID": a word or acronym, not a state code
    return m.end(), code in place.states


def weigh(info: TextInfo, lex: Lexicon, start: int, end: int, key: tuple[str, ...],
           place: Place) -> Finding | None:
    """Turn one gazetteer match into a finding, or None when its context does not support a place reading."""
    text = info.text
    surface = text[start:end]
    if info.mixed and not all(info.capitalized(w) for w in surface.replace("-", " ").split()):
        return None
    if all(w in NOT_NAMES or w in NOT_TOWNS for w in key):
        return None  # "May", "Deputy", "Canada": towns of that name exist, but the word means something else here
    if len(key) == 1 and len(key[0]) <= 3 and (surface.isupper() or not info.mixed):
        return None  # "ORD", "LOA", "MAX": in capitals a short word is an airport code or an abbreviation
    if _STREET_AFTER_RE.match(text, end) and (info.mixed or _STREET_AFTER_RE.match(text, end).group().strip()
                                              .lower().rstrip(".") not in ("dr", "ct", "ter", "cir")):
        return None  # a street named after the town; the street detectors report it
    if len(key) == 1 and _ARTICLE_BEFORE_RE.search(text, max(0, start - 4), start) and \
            not _PERSON_NOUN_RE.match(text, end):
        return None
    start = _with_direction(info, start, key)
    multi = len(key) > 1 or start < end - len(surface)
    wordy = any(lex.common_level(w) <= 35 or w in NOT_NAMES for w in key) if not multi else \
        all(lex.common_level(w) <= 20 or w in NOT_NAMES for w in key)
    person = len(key) == 1 and not multi and (lex.is_given(key[0], 2000) or lex.surname_rank.get(key[0], 10**9) <= 3000)
    state = _state_after(info, end, place)
    if state:
        end_with_state, matches_state = state
        # The state is evidence but not part of the identifier ("Hope, AR" -> "Hope"); "Tahoe, MI tag" is a car.
        if (matches_state or info.mixed and not wordy) and not _PLATE_AFTER_RE.match(text, end_with_state):
            return make(text, "PLACE", start, end, 0.95 if matches_state else 0.9, "town, state")
    if spoken_language(text, start):
        return None
    cue = _CUE_RE.search(text, max(0, start - 30), start)
    strong = bool(cue) and cue.group().split()[0].lower().rstrip(":") in _STRONG_CUES
    article = bool(cue) and _THE_END_RE.search(cue.group()) is not None
    if wordy:
        # "Hope", "Mobile": only a place preposition, capitals mid-sentence and the end of the phrase make it a
        # town ("lives in Hope."); "from the Tower" or "from Gate X" are not.
        if info.mixed and strong and not article and not info.sentence_start(start) and _TOWN_END_RE.match(text, end):
            return make(text, "PLACE", start, end, 0.75, "known US town that is also a word, after in/near/from")
        if not info.mixed and multi and strong and not article:
            return make(text, "PLACE", start, end, 0.75, "known multi-word town after in/near/from")  # "in miles city"
        return None
    if article and not multi:
        if info.style == "upper":
            return None  # "PUSHED INTO THE TACOMA": in capitals "the" + name is a vehicle or a thing as often
        return make(text, "PLACE", start, end, 0.75, "known US town after 'the'")  # "the Boston area"
    following = _NAME_CONTINUES_RE.match(text, end) if info.mixed else None
    if following and not info.sentence_start(following.start(1)) and not lex.place_kind(following.group(1)) and \
            cue and cue.group().split()[0].lower() in _WEAK_CUES and following.group(1).lower() not in NOT_NAMES and \
            not LANDMARK_SUFFIX_RE.match(text, following.start(1)) and following.group(1).lower() not in _PLACE_LEADS:
        return None  # "a box of Omaha Steaks": a business or a team named after the town, not the town
    if cue:
        # "in Dayton" is a town even though Dayton is a surname; "from Dayton" might be a message from a person.
        words = cue.group().lower().split()
        locative = words[0] in _LOCATIVE or len(words) > 1 and words[1] == "of"  # "in", "west of", "outside of"
        confidence = 0.92 if locative or multi or not person else 0.8
        return make(text, "PLACE", start, end, confidence, "known US town after in/near/from")
    if not info.mixed and (_STREET_COMMA_RE.search(text, max(0, start - 12), start) or _location_field(text, start)):
        return make(text, "PLACE", start, end, 0.9, "known US town after a street")  # "MONTGOMERY HWY, DOTHAN."
    if not info.mixed and info.sentence_start(start) and re.match(r",\s*\d", text[end:end + 4]):
        return make(text, "PLACE", start, end, 0.75, "known US town opening a dated report")  # "natchitoches, 12/4"
    if info.mixed and info.sentence_start(start):
        # "Cleveland, 24 Dec 2021." opening a report: a town heading, unless the comma follows a person addressed.
        if _ends_phrase(text, end) and (re.match(r"[,:]\s*(?:\d|[A-Z]{2}\b)", text[end:end + 4]) or
                                        text[end:end + 1] in ",:" and not person):
            return make(text, "PLACE", start, end, 0.75, "known US town opening a sentence")
        return None
    if not info.mixed or person:
        return None  # without capitals (or for "Austin", "Carter") the bare name is too weak
    # A bare one-word name may be a brand or a product ("our Midland radio"): shown to a reviewer, not redacted.
    return make(text, "PLACE", start, end, 0.9 if multi else 0.75, "known US town")


def _location_field(text: str, start: int) -> bool:
    """True when the name follows a comma inside a record's location field: "LOC: 1400 BLK OF N BROADWAY, NASHVILLE"."""
    if not text[max(0, start - 3):start].rstrip(" \t").endswith(","):
        return False
    line = text[text.rfind("\n", 0, start) + 1:start]
    field = _LOCATION_LABEL_RE.search(line)
    return field is not None and not re.search(r"[.;]\s", line[field.end():])


def foreign(name: str) -> bool:
    """True for a country or region whose name a US town shares ("Mexico", "Canada")."""
    return name.lower() in NOT_TOWNS


def spoken_language(text: str, start: int) -> bool:
    """True when the name at *start* follows "in" after a word of speech: "yelled at him in Navajo", "a few phrases
    in Haitian Creole" name a language, not a town."""
    language = _IN_BEFORE_RE.search(text, max(0, start - 16), start)
    return bool(language and _LANGUAGE_RE.search(text, max(0, language.start() - 40), language.start()))


def _with_direction(info: TextInfo, start: int, key: tuple[str, ...]) -> int:
    """Move *start* back over a direction word that is part of the name: "West Carrollton", "north dayton"."""
    m = _WORD_BEFORE_RE.search(info.text, max(0, start - 12), start)
    if not m or m.group(1).lower() not in _DIRECTIONS or lexicon().places.get_words((m.group(1).lower(), *key)):
        return start  # "South Dakota" is a state, not the town of Dakota
    if info.mixed and not m.group(1)[0].isupper() and m.group(1).lower() in ("new", "old"):
        return start
    return start - len(m.group())


def _ends_phrase(text: str, end: int) -> bool:
    """True when no capitalised word follows (so "Mobile" is not the start of "Mobile Command")."""
    return not re.match(r"[ \t]+[A-Z][a-z]", text[end:end + 3])
