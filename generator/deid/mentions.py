"""PERSON mentions that need context from the rest of the text: bare re-mentions of a named person ("Carter
said"), a lone given name in the middle of a sentence ("I told Jenna"), and a possessive surname ("Carter's truck").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .finding import Finding, make
from .lexicon import NOT_NAMES, lexicon
from .names import (
    AMBIGUOUS_TITLES,
    NOT_PERSON_AFTER,
    TITLE_BEFORE_RE,
    TITLE_RE,
    VOWEL,
    strip_possessive,
)
from .text import LETTER, LOWER_LETTER, TextInfo

# Brands and products that are also given names ("a Harley", "his Mercedes", "ask Siri") and radio alphabet words
# ("taxiway Charlie", "Division India"): alone they name no one.
_BRANDS = frozenset("""harley mercedes lexus kia alexa siri tesla porsche bentley jaguar mazda infiniti camry chevy
dodge ford lincoln colt remington ruger marlin winchester browning smith wesson hoover dyson ring nest cricket
miranda christian""".split()) | frozenset("""alpha bravo charlie charley delta echo foxtrot golf hotel india juliet
juliett kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu""".split())


_CAPITALISED_RE = re.compile(rf"\b[A-Z]{LOWER_LETTER}(?:{LETTER}|['\u2019-])*")
_QUOTED_RE = re.compile(r"[\"\u201c]([^\"\u201d]+)[\"\u201d]| ['\u2018]([^'\u2019]+)['\u2019] ")
_TITLED_SURNAME = 0.45  # a marker score: re-mentioned only where it reads as a person
_ACTION_AFTER_RE = re.compile(r"[ \t]+(?:said|says|told|asked|was|had|and|got|went|came|yelled|called|ran|pulled|"
                              r"grabbed|saw|knew|arrived|turned|walked|pointed|lowered|kept|made|did|didn't|"
                              r"wasn't|would|could|took|gave)\b")
# The same on ASCII text, faster; the word boundary is checked after the capital so the engine can skip to capitals.
_ASCII_CAPITALISED_RE = re.compile(r"[A-Z](?<!\w\w)[a-z][A-Za-z'-]*")
_NAME_WORD_RE = re.compile(rf"{LETTER}(?:{LETTER}|['-])+")
_CAPITAL_BEFORE_RE = re.compile(r"[A-Z][A-Za-z'\u2019.-]* $")


def detect(info: TextInfo) -> Iterator[Finding]:
    """Yield lone given names ("I told Jenna") and possessive surnames ("Carter's truck") in mixed-case text.

    Both are review tier: one capitalised word is weak evidence, but the reviewer should see it.
    """
    if not info.mixed:
        return
    text, lex = info.text, lexicon()
    given, surname_rank = lex.given, lex.surname_rank
    for m in (_ASCII_CAPITALISED_RE if text.isascii() else _CAPITALISED_RE).finditer(text):
        word = m.group()
        bare = strip_possessive(word)
        low = bare.lower()
        possessive = bare != word
        # Only a frequent given name or a possessive surname can be reported: test that first, it rules out most.
        if given.get(low, 0) < 5000 and not (possessive and surname_rank.get(low, 10**9) <= 20_000):
            continue
        if info.sentence_start(m.start()):
            continue
        if low in NOT_NAMES or low in _BRANDS or lex.common_level(low) <= 50 or \
                lex.place_kind(low) and not possessive or \
                TITLE_RE.fullmatch(low) or NOT_PERSON_AFTER.match(text, m.start() + len(bare)):
            continue
        # A capitalised neighbour makes this part of a longer name (person, business or place) found elsewhere.
        if _CAPITAL_BEFORE_RE.search(text, max(0, m.start() - 30), m.start()) or \
                re.match(r" [A-Z]", text[m.end():m.end() + 2]):
            continue
        if re.match(r"\s*\d", text[m.end():m.end() + 3]) or re.search(
                r"\b(?:taxiway|runway|unit|car|beat|channel|the)\s+$", text[max(0, m.start() - 10):m.start()], re.I):
            continue  # "Adam 12", "taxiway Charlie", "the Teddy 3 arrival": a call sign or a name of a thing
        if lex.given.get(low, 0) >= 5000:
            yield make(text, "PERSON", m.start(), m.start() + len(bare), 0.7, "lone given name")
        elif possessive and lex.surname_rank.get(low, 10**9) <= 20_000:
            yield make(text, "PERSON", m.start(), m.start() + len(bare), 0.7, "possessive surname")


def rementions(info: TextInfo, people: list[Finding]) -> Iterator[Finding]:
    """Yield later bare mentions ("Carter said") of name words already found in a confident PERSON finding."""
    text, lex = info.text, lexicon()
    names: dict[str, float] = {}
    anchors: dict[str, float] = {}
    for finding in people:
        if finding.confidence < 0.75:
            continue
        for word in _NAME_WORD_RE.findall(finding.text):
            low = word.lower()
            low = low[:-2] if low.endswith("'s") else low
            if len(low) >= 3 and not TITLE_RE.fullmatch(low) and lex.place_kind(low) != "state":
                names[low] = lex.name_score(low)
                anchors[low] = max(anchors.get(low, 0.0), finding.confidence)
        # A quoted nickname ('Randall "Tiny" Becker') and the surname of a titled officer ("Ofc. Shawna Tiger") are
        # that person's names even when they are also English words.
        for quoted in _QUOTED_RE.findall(finding.text):
            for word in _NAME_WORD_RE.findall(" ".join(quoted)):
                names[word.lower()] = max(names.get(word.lower(), 0.0), 0.6)
        last = _NAME_WORD_RE.findall(finding.text)[-1:] if finding.reason.startswith("rank") else []
        surname = last[0].lower() if last else ""
        if surname in names and finding.confidence >= 0.9 and lex.is_surname(surname, 50_000):
            names[surname] = max(names[surname], _TITLED_SURNAME)
    if not names:
        return
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b(?!['\u2019]s\s+(?:office|department))",
                         re.IGNORECASE)
    for m in pattern.finditer(text):
        word = m.group(1)
        if info.mixed and not info.capitalized(word) or not info.mixed and not VOWEL.search(word):
            continue
        score = names[word.lower()]
        if score == _TITLED_SURNAME and (not info.mixed or info.sentence_start(m.start()) and
                                         not _ACTION_AFTER_RE.match(text, m.end())):
            continue  # "Tiger said sure" is the officer; "Tiger stripes" opening a sentence is not
        if score < 0.3 and info.mixed or score < 0.6 and not info.mixed:
            continue
        sure = score >= 0.5 and anchors.get(word.lower(), 0.0) >= 0.9
        title = TITLE_BEFORE_RE.search(text, max(0, m.start() - 20), m.start())
        # (not "HER FATHER DALE": a title that is also a family word counts only capitalised in mixed text)
        ambiguous = title and title.group().split()[0].lower().rstrip(".") in AMBIGUOUS_TITLES
        start = title.start() if title and (text[title.start()].isupper() if info.mixed else not ambiguous) \
            else m.start()
        yield make(text, "PERSON", start, m.end(), 0.92 if sure else 0.75, "re-mention of a named person")
