"""The place-list parsers of scripts/build_deid_data.py, on small files in the sources' formats (no download).

`fixtures/census_places_2023_sample.txt` is hand-made in the layout of the US Census Gazetteer places file
(`2023_Gaz_place_national.txt`: tab-separated, a header row with USPS and NAME, names ending in their legal or
statistical-area word); its numbers are illustrative.
"""

from __future__ import annotations

import importlib.util
import io
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "census_places_2023_sample.txt"


def _load_build_script():
    spec = importlib.util.spec_from_file_location("build_deid_data", ROOT / "scripts" / "build_deid_data.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _load_build_script()


@pytest.mark.parametrize(("name", "towns"), [
    ("Dayton city", ["Dayton"]),
    ("Huber Heights city", ["Huber Heights"]),
    ("Ada village", ["Ada"]),
    ("Alum Creek CDP", ["Alum Creek"]),
    ("Accident town", ["Accident"]),
    ("Juneau city and borough", ["Juneau"]),
    ("Aguadilla zona urbana", ["Aguadilla"]),
    ("Carson City", ["Carson City"]),            # no suffix; the capitalised "City" is part of the name
    ("Boise City city", ["Boise City"]),
    ("Town and Country city", ["Town and Country"]),
    ("Winston-Salem city", ["Winston-Salem"]),   # a hyphenated city is not split
    ("Indianapolis city (balance)", ["Indianapolis"]),
    ("Nashville-Davidson metropolitan government (balance)", ["Nashville-Davidson", "Nashville"]),
    ("Louisville/Jefferson County metro government (balance)", ["Louisville"]),
    ("Espa\u00f1ola city", ["Espanola"]),         # accents folded: the scanner matches ASCII words
])
def test_census_place_names_drop_the_area_word(name: str, towns: list[str]) -> None:
    assert build.census_place_names(name) == towns


def test_census_places_file_is_read_by_its_header() -> None:
    places = build.census_places(FIXTURE)
    assert places["Huber Heights"]["states"] == {"OH"}
    assert places["Alum Creek"]["states"] == {"WV"}
    assert places["Dayton"] == {"kinds": {"city"}, "states": {"OH"}, "records": 1}
    assert {"Nashville", "Louisville", "Espanola", "Carson City", "Aguadilla"} <= set(places)
    assert not [name for name in places if name.endswith((" city", " CDP", " village", "County"))]
    assert len(places) == 17


def test_census_places_accepts_the_published_zip_and_windows_1252(tmp_path: Path) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    old = tmp_path / "2010_Gaz_place_national.txt"
    old.write_bytes(text.encode("cp1252"))  # older Gazetteer files are Windows-1252
    assert "Espanola" in build.census_places(old)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("2023_Gaz_place_national.txt", text)
    packed = tmp_path / "2023_Gaz_place_national.zip"
    packed.write_bytes(buffer.getvalue())
    assert build.census_places(packed) == build.census_places(FIXTURE)


def test_a_file_without_usps_and_name_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "counties.txt"
    other.write_text("GEOID\tTITLE\n39113\tMontgomery\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        build.census_places(other)


@pytest.mark.parametrize(("raw", "towns"), [
    ("Chicago/Schaumburg", ["Chicago", "Schaumburg"]),
    ("Caldwell (Boise)", ["Caldwell", "Boise"]),
    ("La Jolla, San Diego", ["La Jolla", "San Diego"]),
    ("La Ca\u00f1ada Flintridge", ["La Canada Flintridge"]),
    ("Mc Cook/Culbertson", ["McCook", "Culbertson"]),
    ("Yuma Proving Ground(Yuma)", ["Yuma"]),
    ("Ontario County IDA", []),
    ("Ida Grove", ["Ida Grove"]),
    ("Naval Air Station", []),
    ("NA", []),
    ("pringfield", []),
    ("Pullman/Moscow,ID", ["Pullman", "Moscow"]),
])
def test_airport_town_values_are_split_and_cleaned(raw: str, towns: list[str]) -> None:
    assert build.town_names(raw) == towns


def test_a_state_name_keeps_only_its_state_reading() -> None:
    places = {"Washington": {"kinds": {"state"}, "states": set(), "records": 0}}
    towns = {"Washington": {"kinds": {"city"}, "states": {"PA"}, "records": 3},
             "Kettering": {"kinds": {"city"}, "states": {"OH"}, "records": 1}}
    assert build.merge_towns(places, towns) == 1
    assert places["Washington"]["kinds"] == {"state"}
    assert places["Kettering"] == {"kinds": {"city"}, "states": {"OH"}, "records": 1}
