"""Units of the intake service: tokens, IDs and receipts, rate limiting, the spool, text neutralization."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat

import pytest

from generator.untrusted import find_forbidden
from intake import ids
from intake.csrf import Signer, TokenError
from intake.forms import BadForm, neutralize, read_form
from intake.ratelimit import RateLimiter, client_address
from intake.spool import CorruptItem, Spool, SpoolItem


class Clock:
    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


# -- tokens ------------------------------------------------------------------------------------------------------

def test_token_round_trip_binds_purpose_payload_and_age():
    clock = Clock()
    signer = Signer(b"k" * 40, clock)
    token = signer.issue("review", b"answers")
    nonce = signer.verify(token, "review", b"answers", max_age=60)
    assert len(nonce) >= 20
    for purpose, payload in (("form", b"answers"), ("review", b"changed")):
        with pytest.raises(TokenError) as error:
            signer.verify(token, purpose, payload, max_age=60)
        assert not error.value.expired
    clock.now += 61
    with pytest.raises(TokenError) as error:
        signer.verify(token, "review", b"answers", max_age=60)
    assert error.value.expired


@pytest.mark.parametrize("token", ["", "x", "1.2", "abc.def.ghi", "1800000000..", "9" * 300, "1.2.3.4"])
def test_malformed_tokens_are_refused(token):
    with pytest.raises(TokenError):
        Signer(b"k" * 40, Clock()).verify(token, "form")


def test_another_secret_cannot_forge_a_token():
    token = Signer(b"a" * 40, Clock()).issue("form")
    with pytest.raises(TokenError):
        Signer(b"b" * 40, Clock()).verify(token, "form")


# -- IDs and receipts -------------------------------------------------------------------------------------------

def test_ids_from_one_nonce_are_stable_and_distinct_nonces_differ():
    signer = Signer(b"k" * 40, Clock())
    first = ids.submission_id(signer.derive("submission", "nonce-1"))
    assert first == ids.submission_id(signer.derive("submission", "nonce-1"))
    assert ids.SUBMISSION_ID.match(first)
    many = {ids.submission_id(signer.derive("submission", f"n{i}")) for i in range(2000)}
    assert len(many) == 2000
    report = ids.report_id(first, dt.date(2026, 3, 4))
    assert report == f"NM-2026-S{first.upper()}"
    from generator.schema import ID_PATTERN, NEW_ID_PATTERN
    assert ID_PATTERN.match(report) and not NEW_ID_PATTERN.match(report)
    assert ids.branch_name(first) == f"submission/{first}"
    with pytest.raises(ValueError):
        ids.branch_name("../../etc")


def test_receipt_codes_normalize_and_hash_like_the_browser():
    code = ids.receipt_code(hashlib.sha256(b"x").digest())
    assert len(code) == 23 and code.count("-") == 3
    canonical = code.replace("-", "")
    assert ids.normalize_receipt(f"  {code.lower()} ") == canonical
    assert ids.receipt_hash(code) == "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()
    assert ids.normalize_receipt("OIL00-00000-00000-00000") == "01100000000000000000"  # O, I, L read as digits
    assert ids.normalize_receipt("UUUUU-00000-00000-00000") is None
    assert ids.normalize_receipt("too short") is None


# -- rate limiting ----------------------------------------------------------------------------------------------

def test_rate_limit_counts_per_client_and_forgets_at_the_window():
    clock = Clock(1000.0)
    limiter = RateLimiter(2, 60, clock=clock)
    assert limiter.hit("192.0.2.1") is None and limiter.hit("192.0.2.1") is None
    wait = limiter.hit("192.0.2.1")
    assert wait is not None and 0 < wait <= 60
    assert limiter.hit("192.0.2.2") is None
    clock.now += 60
    assert limiter.hit("192.0.2.1") is None and limiter.tracked == 1


def test_rate_limiter_never_holds_an_address():
    limiter = RateLimiter(5, 60, clock=Clock())
    limiter.hit("198.51.100.77")
    held = repr(limiter.__dict__).encode() + b"".join(limiter._hits)
    assert b"198.51.100.77" not in held and b"198.51.100" not in held


def test_rate_limiter_refuses_newcomers_when_flooded():
    limiter = RateLimiter(5, 60, max_clients=3, clock=Clock())
    assert all(limiter.hit(f"10.0.0.{i}") is None for i in range(3))
    assert limiter.hit("10.0.0.99") is not None
    assert limiter.hit("10.0.0.1") is None  # clients already counted keep their allowance


def test_client_address_uses_the_proxy_entry_only_when_trusted():
    scope = {"client": ("127.0.0.1", 5000), "headers": [(b"x-forwarded-for", b"203.0.113.9, 198.51.100.2")]}
    assert client_address(scope, trust_proxy=False) == "127.0.0.1"
    assert client_address(scope, trust_proxy=True) == "198.51.100.2"


# -- spool ------------------------------------------------------------------------------------------------------

def item(submission: str = "0123456789abcdef", content: str = "draft") -> SpoolItem:
    return SpoolItem(submission, "NM-2026-S0123456789ABCDEF", "2026-03-04", "content/reports/x.md", content,
                     "title", "body", "message")


def test_spool_put_is_durable_private_and_first_write_wins(tmp_path):
    spool = Spool(tmp_path / "spool")
    assert spool.put(item(content="first"))
    assert not spool.put(item(content="second"))
    assert spool.load("0123456789abcdef").content == "first"
    path = tmp_path / "spool" / "new" / "0123456789abcdef.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "spool").stat().st_mode) == 0o700
    # The file's times say only the day.
    assert dt.datetime.fromtimestamp(path.stat().st_mtime, dt.timezone.utc) == dt.datetime(
        2026, 3, 4, tzinfo=dt.timezone.utc)
    assert list((tmp_path / "spool" / "tmp").iterdir()) == []


def test_done_submissions_leave_no_text_and_are_not_accepted_again(tmp_path):
    spool = Spool(tmp_path)
    spool.put(item(content="secret words"))
    spool.mark_done("0123456789abcdef", {"url": "branch submission/0123456789abcdef", "number": None})
    assert spool.pending() == [] and spool.is_done("0123456789abcdef")
    assert not spool.put(item())
    everything = b"".join(path.read_bytes() for path in tmp_path.rglob("*") if path.is_file())
    assert b"secret words" not in everything


def test_corrupt_items_are_quarantined_never_deleted(tmp_path):
    spool = Spool(tmp_path)
    (tmp_path / "new" / "0123456789abcdef.json").write_bytes(b"{not json")
    with pytest.raises(CorruptItem):
        spool.load("0123456789abcdef")
    target = spool.quarantine("0123456789abcdef")
    assert target.read_bytes() == b"{not json" and spool.pending() == []


def test_stale_temp_files_are_cleaned(tmp_path):
    spool = Spool(tmp_path)
    stale = tmp_path / "tmp" / "x.123"
    stale.write_bytes(b"partial")
    os.utime(stale, (0, 0))
    assert spool.clean_tmp(older_than=-1) == 1 and not stale.exists()


# -- form parsing and text -------------------------------------------------------------------------------------

@pytest.mark.parametrize("pairs", [
    [("password", "x")],
    [("title", "a"), ("title", "b")],
    [("contributing_factors", "tactics"), ("contributing_factors", "tactics")],
    [("choice-title-1-2-zzzzzzzz", "keep")],
    [("choice-title-1-2-0123abcd", "maybe")],
])
def test_forms_refuse_what_our_pages_never_send(pairs):
    with pytest.raises(BadForm):
        read_form(pairs)


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>", "< img src=x onerror=alert(1)>", "</p>", "<!-- nearmiss:latest-cases -->",
    "{{ config }}", "{% include 'x' %}", "{# c #}", "&amp; &#60; &#x3c;", "![x](y)", "[a](javascript:alert(1))",
    "\x00\x1b[31m\u202eevil\u2066", "＜script＞", "!!python/object:os.system", "---\nid: other\n---",
])
def test_neutralized_text_has_nothing_forbidden(text):
    clean = neutralize(text)
    assert find_forbidden(clean) is None
    assert neutralize(clean) == clean


def test_neutralize_keeps_structure_out_of_the_report():
    text = neutralize("Intro\n## Lessons learned\n#Heading\nUnderlined\n---\n=====\n!!! danger \"x\"\n\n\n\nEnd\r\nok")
    assert text == ("Intro\n\\## Lessons learned\n\\#Heading\nUnderlined\n\\---\n\\=====\n"
                    "\\!!! danger \"x\"\n\nEnd\nok")


def test_neutralize_removes_characters_that_hide_words_from_the_scanner():
    assert neutralize("Mil\u200bler and Smi\u00adth\ufeff") == "Miller and Smith"
    assert neutralize("title\nwith\tbreaks", multiline=False) == "title with breaks"
