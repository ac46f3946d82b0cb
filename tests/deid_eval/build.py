#!/usr/bin/env python3
"""Build the de-identification evaluation set from the authoring files.

Reads ``source/*.txt`` (narratives separated by ``=== <id>`` lines, identifiers
marked inline as ``⟦TYPE|surface text⟧``), strips the markup, computes exact
character offsets (Python ``str`` indices into the final text) and writes
``dev.jsonl`` and ``heldout.jsonl`` next to this script.

With ``--source DIR --single FILE`` it reads ``DIR/*.txt`` instead and writes
every narrative of that source to the one file ``FILE`` (no dev/heldout split).
This is how the second held-out set is built (``source_v2`` ->
``heldout_v2.jsonl``; ids ``q###`` with identifiers and ``d###`` clean),
the third (``source_v3`` -> ``heldout_v3.jsonl``; ids ``r###`` and ``e###``),
the fourth (``source_v4`` -> ``heldout_v4.jsonl``; ids ``s###`` and ``f###``)
and the fifth (``source_v5`` -> ``heldout_v5.jsonl``; ids ``t###`` and ``g###``).
The same checks apply, with the minimums in ``SINGLE_MINIMUMS``.

Standard library only. Output is byte-identical across runs.

Usage:
    python tests/deid_eval/build.py          # build, verify, print counts
    python tests/deid_eval/build.py --check  # verify only; fail if the
                                             # committed jsonl files are stale
    python tests/deid_eval/build.py --source tests/deid_eval/source_v2 \
        --single tests/deid_eval/heldout_v2.jsonl [--check]
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE_DIR = HERE / "source"
DEV_PATH = HERE / "dev.jsonl"
HELDOUT_PATH = HERE / "heldout.jsonl"

TYPES = (
    "PERSON", "BADGE", "AGENCY", "ADDRESS", "PLACE", "PLATE", "VIN", "DL",
    "PHONE", "EMAIL", "SSN", "URL", "HANDLE", "CASE", "DATE", "TIME", "AGE",
)
OPEN, CLOSE, SEP = "\u27e6", "\u27e7", "|"  # ⟦ ⟧ |
HEADER_RE = re.compile(r"^=== (\S+)\s*$")
ID_RE = re.compile(r"^([pcqdresftg])(\d{3})$")
# Id prefixes: p/q/r/s/t = narrative with identifiers, c/d/e/f/g = clean narrative.
# The default build (source/ -> dev/heldout) accepts only p and c; the
# --single build accepts all ten (source_v2 uses q and d, source_v3 r and e,
# source_v4 s and f, source_v5 t and g).
HAS_IDS, CLEAN = ("p", "q", "r", "s", "t"), ("c", "d", "e", "f", "g")
DEFAULT_PREFIXES = ("p", "c")
SINGLE_PREFIXES = ("p", "c", "q", "d", "r", "e", "s", "f", "t", "g")
MARK_RE = re.compile(OPEN + r"([A-Z]+)\|([^" + OPEN + CLOSE + r"|\n]+)" + CLOSE)

# Frozen split rule: within each kind (p = has identifiers, c = clean), the
# narrative whose 3-digit number is a multiple of 3 goes to heldout. Ids are
# never renumbered, so adding narratives never moves an existing one.
def split_of(nid: str) -> str:
    m = ID_RE.match(nid)
    assert m, nid
    return "heldout" if int(m.group(2)) % 3 == 0 else "dev"

# Minimums the set must keep meeting.
MIN_WORDS, MAX_WORDS = 80, 400
MIN_P, MIN_C, MIN_SPANS, MIN_PER_TYPE = 90, 35, 280, 8
# Minimums for a --single build (the smaller held-out v2-v5 sets): narratives with
# identifiers, clean narratives, spans, spans of every type.
SINGLE_MINIMUMS = (60, 20, 200, 6)

# Titles/suffixes ignored when checking that a named person's surname is
# labelled everywhere it recurs in the same narrative.
NOT_SURNAMES = {
    "jr", "sr", "ii", "iii", "iv", "ofc", "officer", "sgt", "sergeant", "lt",
    "lieutenant", "cpl", "corporal", "det", "detective", "dep", "deputy",
    "tpr", "trooper", "capt", "captain", "chief", "sheriff", "agent", "mr",
    "mrs", "ms", "dr", "miss", "inv", "investigator", "pvt", "ptl",
}


# A rank/title directly attached to a name belongs inside the PERSON span.
TITLE_BEFORE_RE = re.compile(
    r"(?i)(?<![A-Za-z])(?:ofc|officer|sgt|sergeant|lt|lieutenant|cpl|corporal|det|"
    r"detective|dep|deputy|tpr|trooper|capt|captain|chief|sheriff|agent|mr|mrs|ms|dr)"
    r"\.?[ \t]+$")

# Span-boundary conventions (see README "Labelling rules"):
# * record-style values (BADGE, PLATE, VIN, DL, PHONE, SSN, CASE, ...) are
#   labelled without the cue word that introduces them ("badge 4471");
# * DATE, TIME and AGE are labelled as the whole expression, including an
#   attached weekday ("Sat 9/7"), clock units ("2300hrs", "11:42 pm") and age
#   words ("84 yrs", "a 4 year old", "age 31");
# * no span starts with "the".
WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?"
WEEKDAY_BEFORE_RE = re.compile(r"(?i)(?<![A-Za-z])" + WEEKDAY + r"(?:,\s*|\s+the\s+|\s+)$")
UNIT_AFTER_RE = re.compile(
    r"(?i)^ ?(?:a\.m\.|p\.m\.|am|pm|hrs|hours|hr|yrs|years old|year old|year-old|y/o|yo)(?![A-Za-z])")
AGE_WORD_BEFORE_RE = re.compile(r"(?i)(?<![A-Za-z])age\s+$")
CUE_RE = re.compile(
    r"(?i)^(badge|unit|car|beat|call ?sign|plate|tag|oln|dl|cdl|vin|case|rd|cfs|"
    r"incident|report|ssn|phone|cell|ph|email)\b")


class BuildError(Exception):
    pass


def fail(where: str, msg: str) -> None:
    raise BuildError(f"{where}: {msg}")


def parse_body(nid: str, where: str, body: str) -> dict:
    """Strip markup from one narrative body; return the record."""
    out: list[str] = []
    spans: list[dict] = []
    pos = 0  # index into body
    length = 0  # length of text emitted so far
    for m in MARK_RE.finditer(body):
        chunk = body[pos:m.start()]
        if OPEN in chunk or CLOSE in chunk:
            bad = OPEN if OPEN in chunk else CLOSE
            fail(where, f"malformed markup near {chunk[chunk.index(bad):][:60]!r}")
        out.append(chunk)
        length += len(chunk)
        typ, surface = m.group(1), m.group(2)
        if typ not in TYPES:
            fail(where, f"unknown type {typ!r} in {m.group(0)!r}")
        if surface != surface.strip():
            fail(where, f"surface has leading/trailing whitespace: {m.group(0)!r}")
        if not re.search(r"[^\W_]", surface):
            fail(where, f"surface has no letters or digits: {m.group(0)!r}")
        spans.append({"type": typ, "start": length, "end": length + len(surface),
                      "text": surface})
        out.append(surface)
        length += len(surface)
        pos = m.end()
    tail = body[pos:]
    if OPEN in tail or CLOSE in tail:
        bad = OPEN if OPEN in tail else CLOSE
        fail(where, f"malformed markup near {tail[tail.index(bad):][:60]!r}")
    out.append(tail)
    text = "".join(out)
    if OPEN in text or CLOSE in text:
        fail(where, "markup characters left in text")
    return {"id": nid, "text": text, "spans": spans}


def check_record(rec: dict, where: str) -> None:
    text, spans, nid = rec["text"], rec["spans"], rec["id"]
    for s in spans:
        if text[s["start"]:s["end"]] != s["text"]:
            fail(where, f"offset mismatch for {s}")
        if s["start"] > 0 and text[s["start"] - 1].isalnum():
            fail(where, f"span starts inside a word: {s['text']!r}")
        if s["end"] < len(text) and text[s["end"]].isalnum():
            fail(where, f"span ends inside a word: {s['text']!r}")
        t, typ = s["text"], s["type"]
        before, after = text[max(0, s["start"] - 20):s["start"]], text[s["end"]:s["end"] + 20]
        if re.match(r"(?i)the\s", t):
            fail(where, f"leading article inside span: {t!r}")
        if typ == "DATE" and WEEKDAY_BEFORE_RE.search(before):
            fail(where, f"attached weekday left outside DATE span: {t!r}")
        if typ in ("TIME", "AGE") and UNIT_AFTER_RE.match(after):
            fail(where, f"unit left outside {typ} span: {t!r}")
        if typ == "AGE" and AGE_WORD_BEFORE_RE.search(before):
            fail(where, f"'age' left outside AGE span: {t!r}")
        if typ != "PERSON" and CUE_RE.match(t):
            fail(where, f"cue word inside {typ} span (label the value only): {t!r}")
        if s["type"] == "PERSON" and TITLE_BEFORE_RE.search(text[max(0, s["start"] - 20):s["start"]]):
            fail(where, f"title attached to {s['text']!r} must be inside the PERSON span")
    for a, b in zip(spans, spans[1:]):
        if b["start"] < a["end"]:
            fail(where, f"overlapping spans {a} {b}")
    words = len(text.split())
    if not MIN_WORDS <= words <= MAX_WORDS:
        fail(where, f"{words} words (must be {MIN_WORDS}-{MAX_WORDS})")
    kind = nid[0]
    if kind in HAS_IDS and not spans:
        fail(where, f"{kind}-narrative without identifiers")
    if kind in CLEAN and spans:
        fail(where, f"{kind}-narrative (clean) contains identifiers")

    # Consistency: an identifier (or a labelled person's surname) that recurs
    # in the same narrative must be labelled at every occurrence.
    covered = [False] * len(text)
    for s in spans:
        for i in range(s["start"], s["end"]):
            covered[i] = True
    needles = set()
    for s in spans:
        if len(s["text"]) >= 3:
            needles.add(s["text"])
        if s["type"] == "PERSON":
            for tok in re.findall(r"[A-Za-z][A-Za-z'\-]+", s["text"]):
                if len(tok) >= 3 and tok.lower().rstrip(".") not in NOT_SURNAMES:
                    needles.add(tok)
    for needle in sorted(needles):
        pat = re.compile(r"(?<![A-Za-z0-9])" + re.escape(needle) + r"(?![A-Za-z0-9])")
        for m in pat.finditer(text):
            if not all(covered[m.start():m.end()]):
                ctx = text[max(0, m.start() - 30):m.end() + 30].replace("\n", " ")
                fail(where, f"unlabelled recurrence of {needle!r}: ...{ctx}...")


def load(source_dir: Path = SOURCE_DIR,
         prefixes: tuple[str, ...] = DEFAULT_PREFIXES) -> list[dict]:
    files = sorted(source_dir.glob("*.txt"))
    if not files:
        fail(str(source_dir), "no source files")
    records: dict[str, dict] = {}
    for path in files:
        raw = path.read_text(encoding="utf-8")
        if "\r" in raw:
            fail(path.name, "CR characters; use LF line endings")
        lines = raw.split("\n")
        current: str | None = None
        start_line = 0
        buf: list[str] = []

        def flush() -> None:
            if current is None:
                if "".join(buf).strip():
                    fail(f"{path.name}:1", "text before the first '=== id' header")
                return
            where = f"{path.name}:{start_line} [{current}]"
            body = "\n".join(buf).strip()
            if not body:
                fail(where, "empty narrative")
            rec = parse_body(current, where, body)
            check_record(rec, where)
            records[current] = rec

        for lineno, line in enumerate(lines, 1):
            if line.startswith("==="):
                m = HEADER_RE.match(line)
                if not m:
                    fail(f"{path.name}:{lineno}", f"bad header line {line!r}")
                flush()
                current, start_line, buf = m.group(1), lineno, []
                if not ID_RE.match(current) or current[0] not in prefixes:
                    want = " or ".join(f"{k}###" for k in prefixes)
                    fail(f"{path.name}:{lineno}", f"bad narrative id {current!r} (want {want})")
                if current in records:
                    fail(f"{path.name}:{lineno}", f"duplicate narrative id {current!r}")
            else:
                buf.append(line)
        flush()
    return [records[k] for k in sorted(records)]


def serialise(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records)


def counts_table(dev: list[dict], held: list[dict]) -> str:
    cd = Counter(s["type"] for r in dev for s in r["spans"])
    ch = Counter(s["type"] for r in held for s in r["spans"])
    rows = ["| type | dev | heldout | total |", "|---|---:|---:|---:|"]
    for t in TYPES:
        rows.append(f"| {t} | {cd[t]} | {ch[t]} | {cd[t] + ch[t]} |")
    rows.append(f"| **all spans** | {sum(cd.values())} | {sum(ch.values())} | "
                f"{sum(cd.values()) + sum(ch.values())} |")

    def n(rs, k):
        return sum(1 for r in rs if r["id"][0] == k)

    rows.append(f"| narratives with identifiers (p) | {n(dev, 'p')} | {n(held, 'p')} | "
                f"{n(dev, 'p') + n(held, 'p')} |")
    rows.append(f"| clean narratives (c) | {n(dev, 'c')} | {n(held, 'c')} | "
                f"{n(dev, 'c') + n(held, 'c')} |")
    return "\n".join(rows)


def single_table(records: list[dict]) -> str:
    c = Counter(s["type"] for r in records for s in r["spans"])
    rows = ["| type | count |", "|---|---:|"]
    for t in TYPES:
        rows.append(f"| {t} | {c[t]} |")
    rows.append(f"| **all spans** | {sum(c.values())} |")
    rows.append(f"| narratives with identifiers | {sum(1 for r in records if r['id'][0] in HAS_IDS)} |")
    rows.append(f"| clean narratives | {sum(1 for r in records if r['id'][0] in CLEAN)} |")
    return "\n".join(rows)


def option_value(argv: list[str], name: str) -> str | None:
    if name not in argv:
        return None
    i = argv.index(name)
    if i + 1 >= len(argv) or argv[i + 1].startswith("--"):
        raise BuildError(f"{name} needs a value")
    return argv[i + 1]


def check_minimums(records: list[dict], minimums: tuple[int, int, int, int], with_ids: str,
                   clean: str) -> tuple[int, int]:
    """Fail unless the set is large enough; return its counts of narratives with identifiers and clean ones."""
    min_p, min_c, min_spans, min_per_type = minimums
    n_p = sum(1 for r in records if r["id"][0] in HAS_IDS)
    n_c = sum(1 for r in records if r["id"][0] in CLEAN)
    total = Counter(s["type"] for r in records for s in r["spans"])
    if n_p < min_p:
        fail("set", f"only {n_p} {with_ids} (need {min_p})")
    if n_c < min_c:
        fail("set", f"only {n_c} {clean} (need {min_c})")
    if sum(total.values()) < min_spans:
        fail("set", f"only {sum(total.values())} spans (need {min_spans})")
    for t in TYPES:
        if total[t] < min_per_type:
            fail("set", f"only {total[t]} {t} spans (need {min_per_type})")
    return n_p, n_c


def main_single(source_dir: Path, out_path: Path, check_only: bool) -> int:
    """--source DIR --single FILE: all narratives of DIR into one file."""
    try:
        if not source_dir.is_dir():
            fail(str(source_dir), "source directory not found")
        records = load(source_dir, SINGLE_PREFIXES)
        n_p, n_c = check_minimums(records, SINGLE_MINIMUMS, "narratives with identifiers", "clean narratives")
    except BuildError as e:
        print(f"build.py: ERROR: {e}", file=sys.stderr)
        return 1

    blob = serialise(records)
    for line in blob.splitlines():
        r = json.loads(line)
        for s in r["spans"]:
            assert r["text"][s["start"]:s["end"]] == s["text"], (r["id"], s)

    if check_only:
        if not out_path.exists() or out_path.read_text(encoding="utf-8") != blob:
            print(f"build.py: ERROR: stale or missing: {out_path}; rerun build.py",
                  file=sys.stderr)
            return 1
    else:
        with open(out_path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(blob)

    print(f"{len(records)} narratives ({n_p} with identifiers, {n_c} clean); "
          f"single file {out_path.name}")
    print(single_table(records))
    return 0


def main(argv: list[str]) -> int:
    check_only = "--check" in argv
    if "--source" in argv or "--single" in argv:
        try:
            source = option_value(argv, "--source")
            single = option_value(argv, "--single")
            if single is None:
                raise BuildError("--source needs --single FILE (the dev/heldout split "
                                 "is only built from source/)")
        except BuildError as e:
            print(f"build.py: ERROR: {e}", file=sys.stderr)
            return 1
        return main_single(Path(source) if source else SOURCE_DIR, Path(single), check_only)
    try:
        records = load()
        n_p, n_c = check_minimums(records, (MIN_P, MIN_C, MIN_SPANS, MIN_PER_TYPE), "p-narratives", "c-narratives")
    except BuildError as e:
        print(f"build.py: ERROR: {e}", file=sys.stderr)
        return 1

    dev = [r for r in records if split_of(r["id"]) == "dev"]
    held = [r for r in records if split_of(r["id"]) == "heldout"]
    dev_s, held_s = serialise(dev), serialise(held)

    # Round-trip check on what is (about to be) written.
    for blob in (dev_s, held_s):
        for line in blob.splitlines():
            r = json.loads(line)
            for s in r["spans"]:
                assert r["text"][s["start"]:s["end"]] == s["text"], (r["id"], s)

    if check_only:
        stale = [p.name for p, s in ((DEV_PATH, dev_s), (HELDOUT_PATH, held_s))
                 if not p.exists() or p.read_text(encoding="utf-8") != s]
        if stale:
            print(f"build.py: ERROR: stale or missing: {', '.join(stale)}; rerun build.py",
                  file=sys.stderr)
            return 1
    else:
        for p, s in ((DEV_PATH, dev_s), (HELDOUT_PATH, held_s)):
            with open(p, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(s)

    print(f"{len(records)} narratives ({n_p} with identifiers, {n_c} clean); "
          f"dev {len(dev)}, heldout {len(held)}")
    print(counts_table(dev, held))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
