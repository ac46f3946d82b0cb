"""PHONE, EMAIL, URL, HANDLE and SSN: identifiers with a recognisable shape."""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers

from .finding import Finding, make
from .lexicon import lexicon
from .text import DIGITS, TextInfo, alternation_prefixes, matches, prefixes

EMAIL_RE = re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
_TLD = r"(?:com|org|net|gov|edu|us|io|info|biz|me|co|tv|ly|gg|app|mil)"
URL_RE = re.compile(
    # (a sentence's full stop may follow: "his blog, reckoning76.substack.example.com.")
    rf"\b(?:https?://|www\.)[^\s<>\"'\])]+|\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.{_TLD}(?:/[^\s<>\"'\])]*)?"
    r"(?![\w@]|\.\w)",
    re.IGNORECASE,
)
# A Cash App "$cashtag": a letter after the "$" (money has digits), with a digit or a capital inside the name
# ("$TiTiFinds412", "$kdawg937"); "$Cash" or "$USD" alone stay words.
CASHTAG_RE = re.compile(r"(?<![\w$])\$(?=[A-Za-z]\w*(?:\d|(?<=[a-z])[A-Z]))[A-Za-z][A-Za-z0-9_-]{2,19}\b")
REDDIT_RE = re.compile(r"(?<![\w/])u/[A-Za-z0-9_-]{3,30}\b")
_URL_HINT_LOWER_RE = re.compile(rf"\.{_TLD}\b|https?:|www\.")
HANDLE_RE = re.compile(r"(?<![\w@.])@[A-Za-z_][A-Za-z0-9_.]{1,28}[A-Za-z0-9_]\b")
_SOCIAL = (r"(?:instagram|insta|ig|snapchat|snap|twitter|tiktok|facebook|fb|threads|youtube|username|"
           r"user\s*name|screen\s*name|gamertag)")
SOCIAL_RE = re.compile(
    rf"\b{_SOCIAL}\b\s*(?:handle|account|page|name|profile|id)?\s*(?:was|is|:|of|named|called|under|as|-|,)?\s*"
    r"[\"'\u201c]?(@?[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,28}[A-Za-z0-9_]))",
    re.IGNORECASE,
)
_SOCIAL_KEYS = alternation_prefixes(_SOCIAL.strip("(?:)"))
# A user name that someone posts, goes or is known by: "posting as iceman_gull_55", "goes by kdawg937".
# Also "his account was brodyyy_m22" and "a page under the name kaysclosetkc" (a name in no word list, review tier).
POSTING_AS_RE = re.compile(
    r"\b(?:post(?:s|ed|ing)?|goes|going|went|known|user|account|profile|handle|username)\s+"
    r"(?:as|by|under|called|named|was|is|name\s+(?:was|is))\s+"
    r"[\"'\u201c]?(@?[A-Za-z0-9_][A-Za-z0-9_.]{1,28}[A-Za-z0-9_])|"
    r"\bunder\s+the\s+(?:user\s*)?name\s+[\"'\u201c]?([A-Za-z0-9_][A-Za-z0-9_.]{4,28}[A-Za-z0-9_])", re.IGNORECASE)
_POSTING_KEYS = prefixes("post", "posts", "posted", "posting", "goes", "going", "went", "known", "user", "account",
                         "profile", "handle", "username", "under")
SSN_RE = re.compile(r"(?<![\d-])(\d{3})[- ](\d{2})[- ](\d{4})(?![\d-])")
SSN_KEYWORD_RE = re.compile(
    r"\b(?:SSN|SS#|social(?:\s+security)?(?:\s+(?:number|no\.?|#))?)\s*[:#]?\s*(\d{9}|\d{3}-\d{2}-\d{4})\b",
    re.IGNORECASE)
# Anything that might be a phone number; phonenumbers then decides. Pre-filtering keeps the scan fast.
PHONE_CANDIDATE_RE = re.compile(r"(?<![\w/.-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-]?)\d{3}[\s.-]?\d{4}(?![\w/-])")
LOCAL_PHONE_RE = re.compile(r"(?<![\w/.-])\d{3}-\d{4}(?![\w/-])")
PHONE_WORD_RE = re.compile(r"\b(?:phone|cell|call(?:ed)?|number|text(?:ed)?|tel|ph|#)\b[^.\n]{0,25}$", re.IGNORECASE)
_WORDISH_HANDLES = frozenset({"gmail", "yahoo", "hotmail", "the", "and", "a"})


def _unlisted(value: str) -> bool:
    """True for a run of letters that is no English word, given name or surname ("kaysclosetkc")."""
    lex = lexicon()
    return lex.common_level(value) == 99 and not lex.is_given(value, 100) and not lex.is_surname(value)


def _valid_ssn(area: str, group: str, serial: str) -> bool:
    return area not in ("000", "666") and not area.startswith("9") and group != "00" and serial != "0000"


def detect(info: TextInfo) -> Iterator[Finding]:
    """Yield contact-type findings in *info*."""
    text = info.text
    emails = []
    has_at = "@" in text
    for m in EMAIL_RE.finditer(text) if has_at else ():
        emails.append(m.span())
        yield make(text, "EMAIL", *m.span(), 0.99, "email address")
    for m in _urls(text, info.lower):
        if any(s <= m.start() < e for s, e in emails) or text[max(0, m.start() - 1):m.start()] == "@":
            continue
        if re.fullmatch(r"\d+(?:\.\d+)+", m.group()):
            continue
        yield make(text, "URL", *m.span(), 0.97, "web address")
    for m in HANDLE_RE.finditer(text) if has_at else ():
        if info.style == "upper" and m.group().isupper():
            continue  # ASRS-style "@ABC" is shorthand for "at", not an account
        yield make(text, "HANDLE", *m.span(), 0.95, "@handle")
    for m in CASHTAG_RE.finditer(text) if "$" in text else ():
        yield make(text, "HANDLE", *m.span(), 0.9, "cashtag")
    for m in REDDIT_RE.finditer(text) if "u/" in text else ():
        yield make(text, "HANDLE", *m.span(), 0.95, "reddit user name")
    for m in matches(info, SOCIAL_RE, _SOCIAL_KEYS):
        value = m.group(1)
        if value.lower().lstrip("@") in _WORDISH_HANDLES or not re.search(r"[\d_.]|[a-z][A-Z]", value) \
                and not value.startswith("@"):
            continue
        if "," in text[m.start():m.start(1)] and not re.search(r"[\d_]", value):
            continue  # "Facebook, TikTok and Instagram": a list of platforms, not "Instagram, nek_sleds_802"
        yield make(text, "HANDLE", m.start(1), m.end(1), 0.9, "social media account name")
    for m in matches(info, POSTING_AS_RE, _POSTING_KEYS):
        group = 1 if m.group(1) else 2
        value = m.group(group)
        if re.search(r"[\d_]", value) and not re.fullmatch(r"[\d.]+", value):
            yield make(text, "HANDLE", *m.span(group), 0.9, "user name someone posts as")
        elif group == 2 and value.islower() and _unlisted(value):
            yield make(text, "HANDLE", *m.span(group), 0.75, "user name in no word list")
    for m in matches(info, SSN_RE, DIGITS):
        if not _valid_ssn(*m.groups()):
            continue
        dashed = text[m.start() + 3] == "-" and text[m.start() + 6] == "-"
        yield make(text, "SSN", *m.span(), 0.98 if dashed else 0.7, "SSN pattern")
    for m in matches(info, SSN_KEYWORD_RE, _SSN_KEYS):
        yield make(text, "SSN", *m.span(1), 0.99, "SSN after keyword")
    yield from _phones(info)


_SSN_KEYS = prefixes("ssn", "ss", "social")
_URL_START_RE = re.compile(r"[^\s<>\"'\]()\[]*$")


def _urls(text: str, lower: str) -> Iterator[re.Match[str]]:
    """URL_RE matches, tried only at the start of the words that contain a ".com"-like hint (most text has none).

    The hint is looked for in the lowercase copy (same offsets): without IGNORECASE the regex engine can skip
    straight to the characters a hint starts with."""
    last_end = -1
    for hint in _URL_HINT_LOWER_RE.finditer(lower):
        if hint.start() < last_end:
            continue
        start = _URL_START_RE.search(text, max(0, hint.start() - 200), hint.start()).start()
        m = URL_RE.search(text, start, min(len(text), hint.end() + 400))
        if m and m.start() <= hint.start():
            last_end = m.end()
            yield m


def _phones(info: TextInfo) -> Iterator[Finding]:
    text = info.text
    index = info.token_index
    # A phone number starts at a number, or at the "(" or "+" right before one.
    starts = sorted({s for digit in "0123456789" for s in index.get(digit, ())})
    last_end = -1
    for pos in starts:
        if pos < last_end:
            continue
        m = PHONE_CANDIDATE_RE.match(text, pos - 1 if pos and text[pos - 1] in "(+" else pos)
        if not m:
            continue
        last_end = m.end()
        try:
            number = phonenumbers.parse(m.group(), "US")
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            yield make(text, "PHONE", *m.span(), 0.97, "phone number (validated)")
        elif phonenumbers.is_possible_number(number):
            yield make(text, "PHONE", *m.span(), 0.6, "phone-like number")
    for m in matches(info, LOCAL_PHONE_RE, DIGITS):
        if PHONE_WORD_RE.search(text, max(0, m.start() - 40), m.start()) and int(m.group()[:3]) >= 200:
            yield make(text, "PHONE", *m.span(), 0.9, "7-digit number after 'phone'/'call'")
