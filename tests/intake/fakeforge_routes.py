"""The fake forge's endpoints: GitHub REST (Git Data API, pulls, labels, app tokens) and Gitea/Forgejo API v1."""

from __future__ import annotations

import datetime as dt
import json
import secrets

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from tests.intake.fakeforge import FakeForge, b64decode, optional, person_problem, require, utc_now

NOT_FOUND = {"message": "Not Found"}


def routes(forge: FakeForge) -> list[tuple[str, str, object]]:
    repo = f"/repos/{forge.owner}/{forge.repo}"
    gitea = f"/api/v1/repos/{forge.owner}/{forge.repo}"
    github = GitHub(forge)
    tea = Gitea(forge)
    return [
        ("POST", "/app/installations/{installation}/access_tokens", github.access_token),
        ("GET", repo + "/git/ref/{ref:path}", github.get_ref),
        ("GET", repo + "/git/commits/{sha}", github.get_commit),
        ("POST", repo + "/git/blobs", github.create_blob),
        ("POST", repo + "/git/trees", github.create_tree),
        ("POST", repo + "/git/commits", github.create_commit),
        ("POST", repo + "/git/refs", github.create_ref),
        ("GET", repo + "/pulls", github.list_pulls),
        ("POST", repo + "/pulls", github.create_pull),
        ("POST", repo + "/issues/{number:int}/labels", github.add_labels),
        ("GET", gitea + "/branches/{branch:path}", tea.get_branch),
        ("POST", gitea + "/contents/{filepath:path}", tea.create_file),
        ("GET", gitea + "/pulls/{base}/{head:path}", tea.pull_by_base_head),
        ("POST", gitea + "/pulls", tea.create_pull),
        ("GET", gitea + "/labels", tea.list_labels),
        ("POST", gitea + "/labels", tea.create_label),
        ("POST", gitea + "/issues/{index:int}/labels", tea.add_labels),
    ]


async def json_body(request: Request) -> object:
    try:
        return json.loads(await request.body())
    except ValueError:
        return None


class GitHub:
    def __init__(self, forge: FakeForge) -> None:
        self.forge = forge

    def _check(self, request: Request) -> Response | None:
        forge = self.forge
        if request.headers.get("accept") != "application/vnd.github+json":
            return forge.violation(request, "Accept must be application/vnd.github+json", 415)
        if request.headers.get("x-github-api-version") != "2022-11-28":
            return forge.violation(request, "X-GitHub-Api-Version missing", 400)
        if not request.headers.get("user-agent"):
            return forge.violation(request, "User-Agent is required", 403)
        auth = request.headers.get("authorization", "")
        if not auth.startswith("Bearer ") or auth[7:] not in forge.tokens:
            return JSONResponse({"message": "Bad credentials"}, status_code=401)
        return None

    async def access_token(self, request: Request) -> Response:
        import jwt

        forge = self.forge
        auth = request.headers.get("authorization", "")
        try:
            claims = jwt.decode(auth.removeprefix("Bearer "), forge.app_public_key, algorithms=["RS256"],
                                options={"require": ["iat", "exp", "iss"]})
        except Exception:  # noqa: BLE001 - any bad JWT is a 401 on GitHub
            return JSONResponse({"message": "A JSON web token could not be decoded"}, status_code=401)
        if str(claims["iss"]) != forge.app_id or claims["exp"] - claims["iat"] > 660:
            return forge.violation(request, "JWT iss or lifetime wrong", 401)
        if request.path_params["installation"] != "99":
            return JSONResponse(NOT_FOUND, status_code=404)
        body = await json_body(request) or {}
        problem = optional(body, {"repositories": list, "permissions": dict})
        if problem:
            return forge.violation(request, problem)
        token = "ghs_" + secrets.token_hex(8)
        forge.tokens.add(token)
        forge.issued_tokens.append(body)
        expires = (utc_now() + dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
        return JSONResponse({"token": token, "expires_at": expires}, status_code=201)

    async def get_ref(self, request: Request) -> Response:
        if denied := self._check(request):
            return denied
        ref = request.path_params["ref"]
        sha = self.forge.refs.get(ref)
        if sha is None:
            return JSONResponse(NOT_FOUND, status_code=404)
        return JSONResponse({"ref": f"refs/{ref}", "object": {"sha": sha, "type": "commit"}})

    async def get_commit(self, request: Request) -> Response:
        if denied := self._check(request):
            return denied
        commit = self.forge.objects.get(request.path_params["sha"])
        if not commit or commit["type"] != "commit":
            return JSONResponse(NOT_FOUND, status_code=404)
        return JSONResponse({"sha": request.path_params["sha"], "tree": {"sha": commit["tree"]},
                             "parents": [{"sha": p} for p in commit["parents"]], "message": commit["message"]})

    async def create_blob(self, request: Request) -> Response:
        if denied := self._check(request):
            return denied
        body = await json_body(request)
        problem = require(body, {"content": str}) or optional(body, {"encoding": str})
        if not problem and body.get("encoding", "utf-8") not in ("utf-8", "base64"):
            problem = "encoding must be utf-8 or base64"
        content = body["content"].encode() if not problem and body.get("encoding") != "base64" else (
            b64decode(body["content"]) if not problem else None)
        if problem or content is None:
            return self.forge.violation(request, problem or "content is not base64")
        with self.forge.lock:
            sha = self.forge._store({"type": "blob", "content": content})
        return JSONResponse({"sha": sha, "url": f"{request.url}/{sha}"}, status_code=201)

    async def create_tree(self, request: Request) -> Response:
        if denied := self._check(request):
            return denied
        forge, body = self.forge, await json_body(request)
        problem = require(body, {"tree": list}) or optional(body, {"base_tree": str})
        for entry in ([] if problem else body["tree"]):
            problem = problem or require(entry, {"path": str, "mode": str, "type": str})
            if not problem and (entry["mode"] not in ("100644", "100755", "040000", "160000", "120000")
                                or entry["type"] not in ("blob", "tree", "commit")
                                or not isinstance(entry.get("sha", entry.get("content")), str)
                                or entry.get("sha") and entry["sha"] not in forge.objects):
                problem = "tree entry needs a valid mode, type and an existing sha (or content)"
        base = body.get("base_tree") if not problem else None
        if base is not None and forge.objects.get(base, {}).get("type") != "tree":
            problem = "base_tree is not a tree"
        if problem:
            return forge.violation(request, problem)
        with forge.lock:
            entries = dict(forge.objects[base]["entries"]) if base else {}
            for entry in body["tree"]:
                entries[entry["path"]] = entry.get("sha") or forge._store(
                    {"type": "blob", "content": entry["content"].encode()})
            sha = forge._store({"type": "tree", "entries": entries})
        return JSONResponse({"sha": sha}, status_code=201)

    async def create_commit(self, request: Request) -> Response:
        if denied := self._check(request):
            return denied
        forge, body = self.forge, await json_body(request)
        problem = require(body, {"message": str, "tree": str}) or optional(
            body, {"parents": list, "author": dict, "committer": dict})
        if not problem and forge.objects.get(body["tree"], {}).get("type") != "tree":
            problem = "tree does not exist"
        if not problem and any(p not in forge.objects for p in body.get("parents", [])):
            problem = "parent does not exist"
        for role in ("author", "committer"):
            if not problem and role in body:
                problem = person_problem(body[role], with_date=True)
        if problem:
            return forge.violation(request, problem)
        with forge.lock:
            sha = forge._store({"type": "commit", "tree": body["tree"], "parents": body.get("parents", []),
                                "message": body["message"], "author": body.get("author", {}),
                                "committer": body.get("committer", {})})
        return JSONResponse({"sha": sha, "tree": {"sha": body["tree"]}}, status_code=201)

    async def create_ref(self, request: Request) -> Response:
        if denied := self._check(request):
            return denied
        forge, body = self.forge, await json_body(request)
        problem = require(body, {"ref": str, "sha": str})
        if not problem and (not body["ref"].startswith("refs/") or body["ref"].count("/") < 2):
            problem = "ref must start with refs/ and have at least two slashes"
        if not problem and forge.objects.get(body["sha"], {}).get("type") != "commit":
            problem = "sha is not a commit"
        if problem:
            return forge.violation(request, problem)
        with forge.lock:
            name = body["ref"][len("refs/"):]
            if name in forge.refs:
                return JSONResponse({"message": "Reference already exists"}, status_code=422)
            forge.refs[name] = body["sha"]
        return JSONResponse({"ref": body["ref"], "object": {"sha": body["sha"], "type": "commit"}}, status_code=201)

    async def list_pulls(self, request: Request) -> Response:
        if denied := self._check(request):
            return denied
        query = request.query_params
        state = query.get("state", "open")
        if state not in ("open", "closed", "all"):
            return self.forge.violation(request, "state must be open, closed or all")
        pulls = self.forge.pulls
        if "head" in query:
            owner, _, branch = query["head"].partition(":")
            if owner != self.forge.owner or not branch:
                return JSONResponse([])
            pulls = [p for p in pulls if p["head"]["ref"] == branch]
        pulls = [p for p in pulls if state == "all" or p["state"] == state]
        return JSONResponse(pulls[: int(query.get("per_page", "30"))])

    async def create_pull(self, request: Request) -> Response:
        if denied := self._check(request):
            return denied
        forge, body = self.forge, await json_body(request)
        problem = require(body, {"head": str, "base": str, "title": str}) or optional(body, {"body": str})
        if problem:
            return forge.violation(request, problem)
        with forge.lock:
            if f"heads/{body['head']}" not in forge.refs or f"heads/{body['base']}" not in forge.refs:
                return JSONResponse({"message": "Validation Failed", "errors": [{"field": "head", "code": "invalid"}]},
                                    status_code=422)
            if any(p["state"] == "open" for p in forge.pulls_for(body["head"])):
                return JSONResponse({"message": "Validation Failed", "errors": [
                    {"message": f"A pull request already exists for {forge.owner}:{body['head']}."}]}, status_code=422)
            pull = forge._new_pull(body["head"], body["base"], body["title"], body.get("body", ""), [])
        return JSONResponse(pull, status_code=201)

    async def add_labels(self, request: Request) -> Response:
        if denied := self._check(request):
            return denied
        forge, body = self.forge, await json_body(request)
        problem = require(body, {"labels": list})
        if not problem and not all(isinstance(name, str) for name in body["labels"]):
            problem = "labels must be strings"
        if problem:
            return forge.violation(request, problem)
        return add_pull_labels(forge, request.path_params["number"], [{"name": name} for name in body["labels"]])


class Gitea:
    def __init__(self, forge: FakeForge) -> None:
        self.forge = forge

    def _check(self, request: Request) -> Response | None:
        if request.headers.get("authorization") != f"token {self.forge.gitea_token}":
            return JSONResponse({"message": "token is required"}, status_code=401)
        return None

    async def get_branch(self, request: Request) -> Response:
        if denied := self._check(request):
            return denied
        sha = self.forge.refs.get(f"heads/{request.path_params['branch']}")
        if sha is None:
            return JSONResponse({"message": "The target couldn't be found."}, status_code=404)
        return JSONResponse({"name": request.path_params["branch"], "commit": {"id": sha}})

    async def create_file(self, request: Request) -> Response:
        if denied := self._check(request):
            return denied
        forge, body = self.forge, await json_body(request)
        problem = require(body, {"content": str}) or optional(body, {
            "message": str, "branch": str, "new_branch": str, "author": dict, "committer": dict, "dates": dict})
        content = None if problem else b64decode(body["content"])
        if not problem and content is None:
            problem = "content must be base64"
        for role in ("author", "committer"):
            if not problem and role in body:
                problem = person_problem(body[role], with_date=False)
        for role in ("author", "committer"):
            if not problem and role in body.get("dates", {}) and not forge_iso(body["dates"][role]):
                problem = "dates must be RFC 3339"
        if problem:
            return forge.violation(request, problem)
        path = request.path_params["filepath"]
        with forge.lock:
            source = body.get("branch", forge.base)
            if f"heads/{source}" not in forge.refs:
                return JSONResponse({"message": "branch does not exist"}, status_code=404)
            target = body.get("new_branch") or source
            if body.get("new_branch") and f"heads/{target}" in forge.refs:
                return JSONResponse({"message": f"branch already exists [name: {target}]"}, status_code=422)
            parent = forge.refs[f"heads/{source}"]
            if path in forge.objects[forge.objects[parent]["tree"]]["entries"]:
                return JSONResponse({"message": "repository file already exists"}, status_code=422)
            dates = body.get("dates", {})
            sha = forge._commit_file(parent, path, content, body.get("message", "Add file"),
                                     {**body.get("author", {}), "date": dates.get("author")},
                                     {**body.get("committer", {}), "date": dates.get("committer")})
            forge.refs[f"heads/{target}"] = sha
        return JSONResponse({"content": {"path": path}, "commit": {"sha": sha}}, status_code=201)

    async def pull_by_base_head(self, request: Request) -> Response:
        if denied := self._check(request):
            return denied
        base, head = request.path_params["base"], request.path_params["head"]
        pulls = [p for p in self.forge.pulls_for(head) if p["base"]["ref"] == base]
        if not pulls:
            return JSONResponse(NOT_FOUND, status_code=404)
        return JSONResponse(pulls[0])

    async def create_pull(self, request: Request) -> Response:
        if denied := self._check(request):
            return denied
        forge, body = self.forge, await json_body(request)
        problem = require(body, {"head": str, "base": str, "title": str}) or optional(
            body, {"body": str, "labels": list})
        ids = {label["id"]: name for name, label in forge.labels.items()}
        if not problem and not all(isinstance(i, int) and i in ids for i in body.get("labels", [])):
            problem = "labels must be IDs of existing labels"
        if problem:
            return forge.violation(request, problem)
        with forge.lock:
            if f"heads/{body['head']}" not in forge.refs:
                return JSONResponse({"message": "head branch does not exist"}, status_code=404)
            if any(p["state"] == "open" for p in forge.pulls_for(body["head"])):
                return JSONResponse({"message": "pull request already exists for these targets"}, status_code=409)
            pull = forge._new_pull(body["head"], body["base"], body["title"], body.get("body", ""),
                                   [ids[i] for i in body.get("labels", [])])
        return JSONResponse(pull, status_code=201)

    async def list_labels(self, request: Request) -> Response:
        if denied := self._check(request):
            return denied
        return JSONResponse(list(self.forge.labels.values()))

    async def create_label(self, request: Request) -> Response:
        if denied := self._check(request):
            return denied
        forge, body = self.forge, await json_body(request)
        problem = require(body, {"name": str, "color": str}) or optional(body, {"description": str})
        if problem:
            return forge.violation(request, problem)
        with forge.lock:
            if body["name"] in forge.labels:
                return JSONResponse({"message": "label exists"}, status_code=409)
            label = {"id": len(forge.labels) + 1, "name": body["name"], "color": body["color"]}
            forge.labels[body["name"]] = label
        return JSONResponse(label, status_code=201)

    async def add_labels(self, request: Request) -> Response:
        if denied := self._check(request):
            return denied
        forge, body = self.forge, await json_body(request)
        problem = require(body, {"labels": list})
        ids = {label["id"]: name for name, label in forge.labels.items()}
        if not problem and not all(i in ids for i in body["labels"]):
            problem = "labels must be IDs of existing labels"
        if problem:
            return forge.violation(request, problem)
        return add_pull_labels(forge, request.path_params["index"], [{"name": ids[i], "id": i} for i in body["labels"]])


def add_pull_labels(forge: FakeForge, number: int, labels: list[dict]) -> Response:
    """Add the labels a pull request does not have yet (by name); both forges answer with all its labels."""
    if not 1 <= number <= len(forge.pulls):
        return JSONResponse(NOT_FOUND, status_code=404)
    with forge.lock:
        pull = forge.pulls[number - 1]
        names = [label["name"] for label in pull["labels"]]
        pull["labels"] += [label for label in labels if label["name"] not in names]
    return JSONResponse(pull["labels"])


def forge_iso(value: object) -> bool:
    try:
        dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        return True
    except ValueError:
        return False
