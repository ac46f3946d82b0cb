"""Signed, time-limited form tokens (CSRF protection without cookies or server-side state).

A token is `<issued>.<nonce>.<mac>`: the MAC covers a purpose ("form" or "review"), the time it was issued, a
random nonce and a digest of a payload. The review token's payload is the digest of the hidden fields, so the
confirm step knows the text is exactly what the reporter reviewed; its nonce names the submission, so pressing
"Send" twice sends one report.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from collections.abc import Callable

CLOCK_SKEW = 60  # seconds a token may appear to come from the future (clock changes between workers)


class TokenError(Exception):
    """The token is missing, forged, for another step, or expired (`expired` says which)."""

    def __init__(self, expired: bool = False) -> None:
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


class Signer:
    """Issues and verifies tokens with a key derived from the service secret."""

    def __init__(self, secret: bytes, clock: Callable[[], float] = time.time) -> None:
        self._key = hmac.new(secret, b"nearmiss-intake form tokens v1", hashlib.sha256).digest()
        self._clock = clock

    def issue(self, purpose: str, payload: bytes = b"") -> str:
        """A new token for `purpose` bound to `payload`."""
        issued = str(int(self._clock()))
        nonce = _b64(secrets.token_bytes(16))
        return f"{issued}.{nonce}.{self._mac(purpose, issued, nonce, payload)}"

    def verify(self, token: str, purpose: str, payload: bytes = b"", max_age: float = 3600) -> str:
        """Return the token's nonce; raise TokenError unless it is genuine, for `purpose`, and fresh."""
        parts = token.split(".") if isinstance(token, str) and len(token) < 200 else []
        if len(parts) != 3 or not parts[0].isdigit():
            raise TokenError()
        issued, nonce, mac = parts
        if not hmac.compare_digest(mac, self._mac(purpose, issued, nonce, payload)):
            raise TokenError()
        age = self._clock() - int(issued)
        if age > max_age or age < -CLOCK_SKEW:
            raise TokenError(expired=True)
        return nonce

    def derive(self, label: str, nonce: str) -> bytes:
        """A value only this server can compute from a nonce (submission IDs and receipt codes)."""
        return hmac.new(self._key, f"derive|{label}|{nonce}".encode(), hashlib.sha256).digest()

    def _mac(self, purpose: str, issued: str, nonce: str, payload: bytes) -> str:
        message = f"{purpose}|{issued}|{nonce}|".encode() + hashlib.sha256(payload).digest()
        return _b64(hmac.new(self._key, message, hashlib.sha256).digest())


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")
