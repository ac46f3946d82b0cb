"""Per-client rate limiting that never stores a client address.

A client is counted under a keyed hash of its address. The key is random, lives only in memory and is replaced
at the start of every window together with all counts, so a count cannot be linked to an address afterwards,
not even by someone who reads the process memory later.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from collections.abc import Callable


class RateLimiter:
    """Fixed-window counter: at most `count` hits per client per `window` seconds."""

    def __init__(self, count: int, window: float, max_clients: int = 100_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.count, self.window, self.max_clients = count, window, max_clients
        self._clock = clock
        self._lock = threading.Lock()
        self._epoch = -1
        self._salt = b""
        self._hits: dict[bytes, int] = {}

    def hit(self, client: str) -> float | None:
        """Count one request; return None if allowed, else the seconds until the client may try again."""
        now = self._clock()
        with self._lock:
            epoch = int(now // self.window)
            if epoch != self._epoch:
                self._epoch, self._salt, self._hits = epoch, secrets.token_bytes(32), {}
            key = hashlib.blake2b(client.encode("utf-8", "replace"), key=self._salt, digest_size=16).digest()
            seen = self._hits.get(key, 0)
            # A full table means a flood from many addresses: refuse newcomers until the window turns over.
            if seen >= self.count or (seen == 0 and len(self._hits) >= self.max_clients):
                return max(1.0, (epoch + 1) * self.window - now)
            self._hits[key] = seen + 1
            return None

    @property
    def tracked(self) -> int:
        """How many (hashed) clients are counted in the current window."""
        return len(self._hits)


def client_address(scope: dict, trust_proxy: bool) -> str:
    """The address to rate-limit by; used for one hash and then dropped, never stored or logged.

    Behind a reverse proxy every request comes from the proxy, so with `trust_proxy` the proxy's
    X-Forwarded-For entry (the last one, which the client cannot forge) is used instead.
    """
    if trust_proxy:
        for name, value in scope.get("headers", ()):
            if name == b"x-forwarded-for":
                last = value.decode("latin-1").split(",")[-1].strip()
                if last:
                    return last
    client = scope.get("client")
    return str(client[0]) if client else "unknown"
