"""PERSON mentions that need context from the rest of the text: bare re-mentions of a named person ("Carter
said"), a lone given name in the middle of a sentence ("I told Jenna"), and a possessive surname ("Carter's truck").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .finding import Finding, make
from .lexicon import NOT_NAMES, lexicon
from .names import NOT_PERSON_AFTER, TITLE_RE, VOWEL
from .text import TextInfo

# Brands and products that are also given names ("a Harley", "his Mercedes", "ask Siri") and radio alphabet words
# ("taxiway Charlie", "Division India"): alone they name no one.
_BRANDS = frozenset("""harley mercedes lexus kia alexa siri tesla porsche bentley jaguar mazda infiniti camry chevy
dodge ford lincoln colt remington ruger marlin winchester browning smith wesson hoover dyson ring nest cricket
miranda christian""".split()) | frozenset("""alpha bravo charlie charley delta echo foxtrot golf hotel india juliet
juliett kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu""".split())


_CAPITALISED_RE = re.compile(r"\b[A-Z][a-z][A-Za-z'\u2019-]*")
_CAPITAL_BEFORE_RE = re.compile(r"[A-Z][A-Za-z'\u2019.-]* $")


def detect(info: TextInfo) -> Iterator[Finding]:
    """Yield lone given names ("I told Jenna") and possessive surnames ("Carter's truck") in mixed-case text.

    Both are review tier: one capitalised word is weak evidence, but the reviewer should see it.
    """
    if not info.mixed:
        return
    text, lex = info.text, lexicon()
    for m in _CAPITALISED_RE.finditer(text):
        word = m.group()
        if info.sentence_start(m.start()):
            continue
        bare = re.sub(r"['\u2019]s$", "", word)
        low = bare.lower()
        possessive = bare != word
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
        for word in re.findall(r"[A-Za-z][A-Za-z'-]+", finding.text):
            low = re.sub(r"'s$", "", word.lower())
            if len(low) >= 3 and not TITLE_RE.fullmatch(low):
                names[low] = lex.name_score(low)
                anchors[low] = max(anchors.get(low, 0.0), finding.confidence)
    if not names:
        return
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b(?!['\u2019]s\s+(?:office|department))",
                         re.IGNORECASE)
    for m in pattern.finditer(text):
        word = m.group(1)
        if info.mixed and not info.capitalized(word) or not info.mixed and not VOWEL.search(word):
            continue
        score = names[word.lower()]
        if score < 0.3 and info.mixed or score < 0.6 and not info.mixed:
            continue
        sure = score >= 0.5 and anchors[word.lower()] >= 0.9
        yield make(text, "PERSON", *m.span(), 0.92 if sure else 0.75, "re-mention of a named person")
