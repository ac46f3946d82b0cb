"""A small JSON-over-HTTP client for forge APIs that turns failures into retry decisions.

Transport errors, 5xx, 429 and rate-limit 403s become ForgeUnavailable with the wait the forge asked for
(Retry-After, or X-RateLimit-Reset when the quota is spent, else at least a minute for a secondary limit, as
GitHub's documentation asks). Authentication failures become ForgeError. Other statuses are returned to the
adapter, which knows what a 404 or 422 means for each call. Tokens never appear in a message.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx

from intake.forges.base import ForgeError, ForgeUnavailable

SECONDARY_LIMIT_WAIT = 60.0
TIMEOUT = httpx.Timeout(30.0, connect=10.0)
USER_AGENT = "nearmiss-intake"


class Api:
    """Requests against one API base URL with fixed headers; spaces out write requests by `write_interval`."""

    def __init__(self, base_url: str, headers: dict[str, str], *, write_interval: float = 0.0,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.client = httpx.Client(base_url=base_url.rstrip("/"), headers={"User-Agent": USER_AGENT, **headers},
                                   timeout=TIMEOUT, transport=transport, follow_redirects=False)
        self.write_interval, self._clock, self._sleep = write_interval, clock, sleep
        self._last_write = -1e9

    def request(self, method: str, path: str, *, json: object = None, params: dict | None = None,
                headers: dict[str, str] | None = None) -> httpx.Response:
        """Send one request; raise ForgeUnavailable / ForgeError for the cases above, else return it."""
        if method != "GET" and self.write_interval:
            wait = self._last_write + self.write_interval - self._clock()
            if wait > 0:
                self._sleep(wait)
            self._last_write = self._clock()
        what = f"{method} {path.split('?')[0]}"
        try:
            response = self.client.request(method, path, json=json, params=params, headers=headers)
        except httpx.HTTPError as error:
            raise ForgeUnavailable(f"{what}: {error.__class__.__name__}") from None
        status = response.status_code
        if status >= 500 or status == 429 or (status == 403 and _rate_limited(response)):
            raise ForgeUnavailable(f"{what}: HTTP {status}", _retry_after(response))
        if status == 401:
            raise ForgeError(f"{what}: HTTP 401 (check the token or the app's credentials)")
        return response

    def close(self) -> None:
        """Close the connection pool."""
        self.client.close()


def expect(response: httpx.Response, *statuses: int) -> dict | list:
    """The JSON body of an expected status, else ForgeError naming the call and status."""
    if response.status_code not in statuses:
        raise ForgeError(f"{response.request.method} {response.request.url.path}: HTTP {response.status_code}")
    try:
        return response.json()
    except ValueError:
        raise ForgeUnavailable(f"{response.request.url.path}: response is not JSON") from None


def _rate_limited(response: httpx.Response) -> bool:
    if response.headers.get("retry-after") or response.headers.get("x-ratelimit-remaining") == "0":
        return True
    try:
        message = str(response.json().get("message", "")).lower()
    except (ValueError, AttributeError):
        return False
    return "rate limit" in message


def _retry_after(response: httpx.Response) -> float | None:
    header = response.headers.get("retry-after", "")
    if header.strip().isdigit():
        return float(header.strip())
    if response.headers.get("x-ratelimit-remaining") == "0":
        reset = response.headers.get("x-ratelimit-reset", "")
        if reset.isdigit():
            return max(1.0, float(reset) - time.time())
    if response.status_code in (403, 429):
        return SECONDARY_LIMIT_WAIT
    return None
