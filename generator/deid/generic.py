"""Generic phrases that look like identifiers but are not: brands, police jargon, statutes and policy numbers.

Any finding that overlaps one of these spans is dropped (unless it is a shape-validated type such as an email).
"""

from __future__ import annotations

import re

from .text import DIGITS, TextInfo, alternation_prefixes, matches, prefixes

_PHRASES = """
officer safety|officer down|officer involved|officer-involved|officers down|use of force|stop sticks|stop stick|
code 3|code three|code 4|code four|10-4|9mm|9 mm|smith & wesson|smith and wesson|smith&wesson|s&w|mercedes benz|
mercedes-benz|harley davidson|harley-davidson|jack daniels|jack daniel's|jim beam|johnnie walker|johnny walker|
captain morgan|glock|glocks|taser|tasers|sig sauer|sig|ruger|remington|winchester|colt|beretta|springfield armory|
kel-tec|hi-point|mossberg|dr pepper|dr. pepper|mountain dew|crown vic|crown victoria|chevy tahoe|chevrolet tahoe|
jeep cherokee|jeep grand cherokee|grand cherokee|dodge durango|dodge dakota|chevy malibu|chevrolet malibu|
ford explorer|dodge charger|chevy impala|chevrolet impala|lincoln navigator|lincoln town car|town car|
nissan altima|toyota camry|honda civic|honda accord|ford taurus|pontiac grand prix|grand prix|buick lesabre|
mercury grand marquis|grand marquis|jeep wrangler|jeep liberty|range rover|land rover|cadillac escalade|
chevy silverado|chevrolet silverado|gmc sierra|toyota tacoma|subaru outback|dodge ram|ford mustang|chevy camaro|
monte carlo|chevy monte carlo|buick century|olds cutlass|oldsmobile cutlass|chevy cavalier|pontiac bonneville|
tommy hilfiger|calvin klein|ralph lauren|louis vuitton|michael kors|under armour|north face|the north face|
dollar general|family dollar|home depot|taco bell|burger king|dairy queen|waffle house|circle k|john deere|
john doe|jane doe|john does|baby doe|miranda rights|miranda warning|miranda warnings|mirandized|
terry stop|terry frisk|terry pat|terry pat-down|graham v. connor|graham v connor|tennessee v. garner|
tennessee v garner|murphy's law|good samaritan|amber alert|silver alert|baker act|marchman act|mr. x|mr x|
mrs. x|mrs x|mr. y|mr y|mrs y|pit bull|pitbull|german shepherd|black hawk|blackhawk|life flight|careflight|
narcan|jaws of life|k-9|k9|sally port|the academy|field training officer|officer of the year|
good cop|bad cop|first responder|first responders|star wars|jesus christ|god bless|st. jude|
""".replace("\n", "")

_PHRASE_LIST = sorted(filter(None, _PHRASES.split("|")), key=len, reverse=True)
# Phrases indexed by their first run of letters/digits, so a scan only tries phrases whose first word occurs.
_BY_FIRST: dict[str, re.Pattern[str]] = {}
for _first in {re.match(r"[a-z0-9]+", p).group() for p in _PHRASE_LIST}:
    _group = [p for p in _PHRASE_LIST if re.match(r"[a-z0-9]+", p).group() == _first]
    _BY_FIRST[_first] = re.compile(r"(?:" + "|".join(map(re.escape, _group)) + r")(?![\w&])", re.IGNORECASE)
_TOKEN_RE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]+")
# The same patterns filed under the first three characters of their first word, the key of TextInfo.token_index.
_BY_PREFIX: dict[str, list[re.Pattern[str]]] = {}
for _first, _pattern in _BY_FIRST.items():
    _BY_PREFIX.setdefault(_first[:3], []).append(_pattern)
# Legal and policy citations ("ORC 4511.19", "General Order 41.2", "PC 148", "18 U.S.C. 111").
_CITATION_RE = re.compile(
    r"\b(?:O\.?R\.?C\.?|R\.?C\.?|A\.?R\.?S\.?|C\.?V\.?C\.?|P\.?C\.?|V\.?C\.?|H&S|K\.?R\.?S\.?|M\.?C\.?L\.?|"
    r"I\.?L\.?C\.?S\.?|N\.?R\.?S\.?|F\.?S\.?|T\.?C\.?A\.?|U\.?S\.?C\.?|C\.?F\.?R\.?|penal\s+code|vehicle\s+code|"
    r"revised\s+code|statute|ordinance|section|sec\.|§+|general\s+order|g\.?o\.?|special\s+order|policy|sop|"
    r"directive|procedure|rule|regulation|chapter|article|title|standing\s+order|training\s+bulletin)\s*#?\s*\d+(?:[.:-]\d+)*(?:\([a-z0-9]+\))*",
    re.IGNORECASE,
)
_CITATION_KEYS = alternation_prefixes(
    "orc|o|rc|ars|cvc|pc|vc|h|krs|mcl|ilcs|nrs|fs|tca|usc|u|cfr|penal|vehicle|revised|statute|ordinance|section|sec|general|g|special|policy|sop|"
    "directive|procedure|rule|regulation|chapter|article|title|standing|training")
_SYMBOL_RE = re.compile(r"\u00a7+\s*\d+(?:[.:-]\d+)*|\.\d{2,3}\s*(?:cal(?:iber)?\b|acp\b|s&w\b)", re.IGNORECASE)
_JARGON_KEYS = DIGITS | alternation_prefixes(
    "signal|code|priority|level|tier|phase|step|stage|class|type|grade|round|channel|tac|ch|ar|ak|sks|m|mp|sw|gx|cz")
# Radio and weapon jargon: "10-8", "signal 7", ".40 cal", "AR-15", "12 gauge".
_JARGON_RE = re.compile(
    r"\b10-\d{1,3}\b|\b(?:signal|code|priority|level|tier|phase|step|stage|class|type|grade|round|channel|"
    r"tac|ch\.?)\s*\d{1,2}\b|\.\d{2,3}\s*(?:cal(?:iber)?\b|acp\b|s&w\b)|\b\d{2}\s*(?:gauge|ga\b|cal(?:iber)?\b)|"
    r"\b(?:ar|ak|sks|m|mp|sw|gx|cz)-?\d{1,3}\b",
    re.IGNORECASE,
)


_MAKES = (r"Kia|Ford|Chevy|Chevrolet|Dodge|Toyota|Honda|Nissan|Hyundai|Jeep|GMC|Buick|Cadillac|Lincoln|Chrysler|"
          r"Pontiac|Subaru|Mazda|Volkswagen|VW|BMW|Audi|Lexus|Acura|Infiniti|Mercury|Saturn|Tesla|Volvo|Mitsubishi|Ram|"
          r"Oldsmobile|Olds|Plymouth|Harley|Yamaha|Kawasaki|Suzuki|Ducati|Freightliner|Peterbilt|Kenworth|Mack|"
          r"Beechcraft|Beech|Piper|Cessna|Cirrus|Mooney|Boeing|Airbus|Embraer|Bombardier")
VEHICLE_MAKE_RE = re.compile(rf"(?:{_MAKES})\s*$")
# A make followed by a capitalised model ("Kia Sportage", "Ford Escape") is a vehicle, not a person or place.
_VEHICLE_RE = re.compile(
    rf"\b(?:{_MAKES})"
    # ... but not a town or street named after a make: "Dodge City PD", "Lincoln Way East", "Ford County".
    r"\s+(?!(?:City|County|Township|Street|St|Avenue|Ave|Road|Rd|Way|Boulevard|Blvd|Drive|Dr|Lane|Ln|Highway|Hwy|"
    r"Park|Heights|Center|Square|PD|Police|Sheriff|High|School|Elementary|Middle|Hospital|Memorial|Mall|Lake|River|"
    r"Bridge|Tunnel|Airport|Station|Stadium|Arena|Center|Centre|Field|Pavilion|Plaza|Speedway|Amphitheater)\b)"
    r"[A-Z][A-Za-z0-9-]+(?:\s+[A-Z][A-Za-z0-9-]+)?")


# Models named after places ("a gray Malibu", "the white Tahoe"): after a colour or article they are cars.
_COLOURS = "grey gray white black silver red blue green tan maroon gold dark light beige brown".split()
_COLOUR_KEYS = prefixes(*_COLOURS)
_MODEL_RE = re.compile(
    r"\b(?:(?:gr[ae]y|white|black|silver|red|blue|green|tan|maroon|gold|dark|light|beige|brown)\s+)+"
    r"(?:Malibu|Tahoe|Yukon|Sierra|Tacoma|Tucson|Durango|Sonoma|Sedona|Santa\s+Fe|Dakota|Laredo|Aspen|Catalina|"
    r"Ventura|Monterey|Sebring|Daytona|Eldorado|Seville|Biscayne|Denali|Escalade|Altima|Sentra|Maxima|Cherokee|"
    r"Envoy|Trailblazer|Equinox|Traverse|Tundra|Sequoia|Highlander|Odyssey|Pilot|Ridgeline|Frontier|Armada|"
    r"Mustang|Bronco|Explorer|Expedition|Ranger|Fusion|Focus|Escape|Edge|Charger|Challenger|Caravan|Journey|"
    r"Camry|Corolla|Civic|Accord|Impala|Silverado|Suburban|Avalanche|Colorado|Canyon|Acadia|Santa\s+Cruz)\b",
    re.IGNORECASE)
# ASRS and similar sources replace every name with placeholders such as "ZZZ" or "XYZ1".
_PLACEHOLDER_RE = re.compile(r"\b(?:ZZZ|YYY|XXX|XYZ|ZZ)\d?\b")


_MAKE_KEYS = prefixes(*_MAKES.split("|"))


def generic_spans(text: str, info: TextInfo | None = None) -> list[tuple[int, int]]:
    """Return the spans of generic phrases, citations and jargon in *text*, in no particular order.

    Pass the scan's :class:`TextInfo` to reuse its word index (faster); without it every position is tried.
    """
    spans = []
    if info is not None:
        index = info.token_index
        for key in _BY_PREFIX.keys() & index.keys():
            for pos in index[key]:
                for pattern in _BY_PREFIX[key]:
                    m = pattern.match(text, pos)
                    if m:
                        spans.append(m.span())
    else:
        for tok in _TOKEN_RE.finditer(text):
            pattern = _BY_FIRST.get(tok.group().lower())
            m = pattern.match(text, tok.start()) if pattern else None
            if m:
                spans.append(m.span())
    if info is not None:
        if info.has_digit:  # citations, codes and calibres all contain a number
            spans += [m.span() for m in matches(info, _CITATION_RE, _CITATION_KEYS)]
            spans += [m.span() for m in matches(info, _JARGON_RE, _JARGON_KEYS)]
            if "\u00a7" in text or "." in text:
                spans += [m.span() for m in _SYMBOL_RE.finditer(text)]
    elif any(c.isdigit() for c in text):
        spans += [m.span() for m in _CITATION_RE.finditer(text)]
        spans += [m.span() for m in _JARGON_RE.finditer(text)]
    if info is not None:
        spans += [m.span() for m in matches(info, _VEHICLE_RE, _MAKE_KEYS)]
        spans += [m.span() for m in matches(info, _MODEL_RE, _COLOUR_KEYS)]
    else:
        spans += [m.span() for m in _VEHICLE_RE.finditer(text)]
        spans += [m.span() for m in _MODEL_RE.finditer(text)]
    if "ZZ" in text or "XYZ" in text or "YYY" in text or "XXX" in text:
        spans += [_line_span(text, m.start(), m.end()) for m in _PLACEHOLDER_RE.finditer(text)]
    return spans


def _line_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The placeholder plus the next word ("ZZZ airport", "ZZZ1 Center"): the phrase names no real place."""
    m = re.match(r"\s+[A-Za-z]+", text[end:end + 20])
    return start, end + (m.end() if m else 0)

