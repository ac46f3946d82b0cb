"""A fake GitHub and Gitea/Forgejo on loopback, implementing only the endpoints the intake adapters use.

Every request is recorded and checked against the documented API: method and path (anything else is 404 and a
violation), authentication headers, and the required JSON fields and their types. A request that breaks the
API gets the status the real forge would send (401, 422) and is listed in `violations`, which tests assert is
empty. Failures are injected on demand: the next N matching requests get 502/503, a 403 secondary rate limit
with Retry-After, a 429, and so on, either instead of the request's effect or after it (the effect happened but
the response was lost).

References: docs.github.com/en/rest/git (refs, blobs, trees, commits), /pulls, /issues/labels,
/apps (installation access tokens); Gitea/Forgejo API v1 swagger (contents, branches, pulls, labels).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
import threading
from dataclasses import dataclass, field

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

GITHUB_VERSION = "2022-11-28"
ISO_SECOND = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")


@dataclass
class Failure:
    status: int
    headers: dict = field(default_factory=dict)
    body: dict = field(default_factory=lambda: {"message": "Server Error"})
    method: str | None = None
    path_contains: str | None = None
    after: bool = False  # perform the request, then answer with the failure (response lost)

    def matches(self, method: str, path: str) -> bool:
        return (self.method in (None, method)) and (self.path_contains is None or self.path_contains in path)


class FakeForge:
    """State of one fake repository `owner/repo` with branch `base`, served as GitHub and as Gitea."""

    def __init__(self, owner: str = "safety", repo: str = "intake", base: str = "main", token: str = "gh-token",
                 gitea_token: str = "gitea-token", app_id: str = "4242", app_public_key: str | None = None) -> None:
        self.owner, self.repo, self.base = owner, repo, base
        self.tokens = {token}
        self.gitea_token, self.app_id, self.app_public_key = gitea_token, app_id, app_public_key
        self.lock = threading.Lock()
        self.calls: list[tuple[str, str]] = []
        self.violations: list[str] = []
        self.failures: list[Failure] = []
        self.objects: dict[str, dict] = {}
        self.refs: dict[str, str] = {}
        self.pulls: list[dict] = []
        self.labels: dict[str, dict] = {}
        self.issued_tokens: list[dict] = []
        readme = self._store({"type": "blob", "content": b"intake repository\n"})
        tree = self._store({"type": "tree", "entries": {"README.md": readme}})
        self.refs[f"heads/{base}"] = self._store({"type": "commit", "tree": tree, "parents": [], "message": "init",
                                                  "author": {}, "committer": {}})

    # -- test controls -------------------------------------------------------------------------------------------

    def fail(self, times: int = 1, status: int = 503, headers: dict | None = None, message: str = "Server Error",
             method: str | None = None, path_contains: str | None = None, after: bool = False) -> None:
        """Make the next `times` matching requests fail."""
        with self.lock:
            for _ in range(times):
                self.failures.append(Failure(status, headers or {}, {"message": message}, method, path_contains,
                                             after))

    def file(self, ref: str, path: str) -> str:
        """The text of `path` at branch `ref`."""
        commit = self.objects[self.refs[f"heads/{ref}"]]
        return self.objects[self.objects[commit["tree"]]["entries"][path]]["content"].decode("utf-8")

    def commit_of(self, ref: str) -> dict:
        return self.objects[self.refs[f"heads/{ref}"]]

    def pulls_for(self, head: str) -> list[dict]:
        return [pull for pull in self.pulls if pull["head"]["ref"] == head]

    def close_pull(self, number: int) -> None:
        self.pulls[number - 1]["state"] = "closed"

    # -- storage -------------------------------------------------------------------------------------------------

    def _store(self, obj: dict) -> str:
        data = json.dumps(obj, sort_keys=True, default=lambda value: value.hex()).encode()
        sha = hashlib.sha1(data).hexdigest()
        self.objects[sha] = obj
        return sha

    def _new_pull(self, head: str, base: str, title: str, body: str, labels: list[str]) -> dict:
        number = len(self.pulls) + 1
        pull = {"number": number, "id": 1000 + number, "title": title, "body": body, "state": "open",
                "head": {"ref": head, "label": f"{self.owner}:{head}"}, "base": {"ref": base},
                "html_url": f"https://forge.invalid/{self.owner}/{self.repo}/pull/{number}",
                "labels": [{"name": name, "id": self.labels.get(name, {}).get("id", 0)} for name in labels]}
        self.pulls.append(pull)
        return pull

    def _commit_file(self, parent: str, path: str, content: bytes, message: str, author: dict, committer: dict) -> str:
        entries = dict(self.objects[self.objects[parent]["tree"]]["entries"])
        entries[path] = self._store({"type": "blob", "content": content})
        tree = self._store({"type": "tree", "entries": entries})
        return self._store({"type": "commit", "tree": tree, "parents": [parent], "message": message,
                            "author": author, "committer": committer})

    # -- the app -------------------------------------------------------------------------------------------------

    def app(self) -> Starlette:
        from tests.intake import fakeforge_routes

        routes = [Route(path, endpoint, methods=[method]) for method, path, endpoint in fakeforge_routes.routes(self)]

        async def not_found(request: Request, exc: Exception) -> Response:
            self.violations.append(f"undocumented endpoint {request.method} {request.url.path}")
            return JSONResponse({"message": "Not Found"}, status_code=404)

        async def app(scope, receive, send):
            if scope["type"] == "http":
                with self.lock:
                    self.calls.append((scope["method"], scope["path"]))
                    failure = next((f for f in self.failures if f.matches(scope["method"], scope["path"])), None)
                    if failure:
                        self.failures.remove(failure)
                if failure and not failure.after:
                    await JSONResponse(failure.body, failure.status, failure.headers)(scope, receive, send)
                    return
                if failure:
                    async def swallow(message):  # the effect happens, the response is lost
                        pass
                    await inner(scope, receive, swallow)
                    await JSONResponse(failure.body, failure.status, failure.headers)(scope, receive, send)
                    return
            await inner(scope, receive, send)

        inner = Starlette(routes=routes, exception_handlers={404: not_found, 405: not_found})
        return app

    def violation(self, request: Request, message: str, status: int = 422) -> Response:
        self.violations.append(f"{request.method} {request.url.path}: {message}")
        return JSONResponse({"message": "Validation Failed", "errors": [{"message": message}]}, status_code=status)


def require(body: object, spec: dict[str, type | tuple]) -> str | None:
    """The first problem with the required fields of a JSON body, or None."""
    if not isinstance(body, dict):
        return "body must be a JSON object"
    for name, kind in spec.items():
        if name not in body:
            return f"missing required field {name!r}"
        if not isinstance(body[name], kind):
            return f"field {name!r} has the wrong type"
    return None


def optional(body: dict, spec: dict[str, type | tuple]) -> str | None:
    for name, kind in spec.items():
        if name in body and not isinstance(body[name], kind):
            return f"field {name!r} has the wrong type"
    return None


def person_problem(person: object, with_date: bool) -> str | None:
    if not isinstance(person, dict) or not isinstance(person.get("name"), str) or not isinstance(
            person.get("email"), str):
        return "a person needs string name and email"
    if with_date and "date" in person and not ISO_SECOND.match(str(person["date"])):
        return "date must be ISO 8601 (YYYY-MM-DDTHH:MM:SSZ)"
    return None


def b64decode(text: str) -> bytes | None:
    try:
        return base64.b64decode(text, validate=True)
    except (ValueError, TypeError):
        return None


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)
