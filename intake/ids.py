"""Submission IDs, draft report IDs and receipt codes.

All three are derived from the review token's random nonce with the server's key: the same confirmed review
always names the same submission (a double-click sends one report), and two reviews never collide (80 random
bits per submission ID, 100 per receipt code). Nothing here is stored: the spool keeps only the receipt's hash.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

# Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})
RECEIPT_LENGTH = 20
SUBMISSION_ID = re.compile(r"^[0-9a-hjkmnp-tv-z]{16}$")


def encode(data: bytes, length: int) -> str:
    """The first `length` base32 characters of `data` (5 bits each)."""
    number = int.from_bytes(data, "big")
    bits = len(data) * 8
    if length * 5 > bits:
        raise ValueError("not enough bytes")
    number >>= bits - length * 5
    return "".join(ALPHABET[(number >> (5 * (length - 1 - i))) & 31] for i in range(length))


def submission_id(derived: bytes) -> str:
    """A 16-character lower-case ID, e.g. 'k3m9q2xd4f7h2a1b'; it names the branch submission/<id>."""
    return encode(derived, 16).lower()


def report_id(submission: str, day: dt.date) -> str:
    """The draft's report ID, e.g. NM-2026-SK3M9Q2XD4F7H2A1B: never an NM-YYYY-NNNN, which approval assigns."""
    return f"NM-{day.year}-S{submission.upper()}"


def receipt_code(derived: bytes) -> str:
    """A receipt code in four groups of five, e.g. 'K3M9Q-2XD4F-7H2AB-1BC9Z' (100 bits)."""
    code = encode(derived, RECEIPT_LENGTH)
    return "-".join(code[i:i + 5] for i in range(0, RECEIPT_LENGTH, 5))


def normalize_receipt(code: str) -> str | None:
    """The canonical 20 characters of a receipt as typed (any case, spaces, hyphens), or None if malformed.

    overrides/assets/nearmiss/track.js does exactly the same in the browser.
    """
    text = re.sub(r"[\s-]", "", code).upper().translate(_CONFUSABLE)
    if len(text) != RECEIPT_LENGTH or any(char not in ALPHABET for char in text):
        return None
    return text


def receipt_hash(code: str) -> str:
    """`sha256:<hex>` of the canonical code: the only trace of the receipt in the report."""
    canonical = normalize_receipt(code)
    if canonical is None:
        raise ValueError("not a receipt code")
    return "sha256:" + hashlib.sha256(canonical.encode("ascii")).hexdigest()


def branch_name(submission: str) -> str:
    """The branch of a submission; the ID is ours, never the reporter's text, so it is safe in a ref."""
    if not SUBMISSION_ID.match(submission):
        raise ValueError("not a submission ID")
    return f"submission/{submission}"
