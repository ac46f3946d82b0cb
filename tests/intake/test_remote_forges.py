"""The GitHub and Gitea/Forgejo adapters against the fake forge: documented calls, idempotence, rate limits."""

from __future__ import annotations

import datetime as dt

import pytest

from intake.config import load_config
from intake.forges import ForgeError, ForgeUnavailable, make_forge
from intake.forges.base import Proposal
from intake.forges.gitea import GiteaForge
from intake.forges.github import GitHubForge, token_auth
from tests.intake.helpers import SECRET

BRANCH = "submission/0123456789abcdef"
PATH = "content/reports/NM-2026-S0123456789ABCDEF.md"


def proposal() -> Proposal:
    return Proposal("0123456789abcdef", BRANCH, PATH, "---\nid: x\n---\nbody ünïcode\n", "Draft report\n\nbody",
                    "Draft report NM-2026-S0123456789ABCDEF (anonymous submission)", "the body", dt.date(2026, 3, 4))


def github(url: str) -> GitHubForge:
    return GitHubForge(url, "safety", "intake", "main", token_auth("gh-token"), write_interval=0)


def gitea(url: str) -> GiteaForge:
    return GiteaForge(url, "safety", "intake", "main", "gitea-token", write_interval=0)


ADAPTERS = {"github": github, "gitea": gitea}


@pytest.mark.parametrize("kind", ADAPTERS)
def test_opens_one_branch_and_one_labelled_pull_request(fake_forge, kind):
    forge, url = fake_forge
    adapter = ADAPTERS[kind](url)
    opened = adapter.open(proposal())
    assert opened.created and opened.number == 1 and opened.url.endswith("/pull/1")
    assert forge.violations == []
    [pull] = forge.pulls
    assert pull["head"]["ref"] == BRANCH and pull["base"]["ref"] == "main" and pull["body"] == "the body"
    assert {label["name"] for label in pull["labels"]} == {"submission", "needs-deid-review"}
    assert forge.file(BRANCH, PATH) == proposal().content
    commit = forge.commit_of(BRANCH)
    assert commit["author"]["name"] == "nearmiss-intake" and commit["author"]["email"] == "intake@users.noreply.invalid"
    assert commit["author"]["date"] == commit["committer"]["date"] == "2026-03-04T00:00:00Z"
    assert commit["message"] == "Draft report\n\nbody"
    # Opening again finds it: no new branch, commit or pull request.
    calls = len(forge.calls)
    again = adapter.open(proposal())
    assert not again.created and again.number == 1 and len(forge.pulls) == 1
    assert all(method == "GET" for method, _ in forge.calls[calls:])
    assert adapter.find("0123456789abcdef").number == 1 and adapter.find("fedcba9876543210") is None


def test_github_uses_the_git_data_api_in_order(fake_forge):
    forge, url = fake_forge
    github(url).open(proposal())
    writes = [(method, path.split("/intake", 1)[1]) for method, path in forge.calls if method == "POST"]
    assert writes == [("POST", "/git/blobs"), ("POST", "/git/trees"), ("POST", "/git/commits"),
                      ("POST", "/git/refs"), ("POST", "/pulls"), ("POST", "/issues/1/labels")]


@pytest.mark.parametrize("kind", ADAPTERS)
@pytest.mark.parametrize("step", ["/git/blobs", "/git/refs", "/contents/", "/pulls", "/labels"])
def test_failure_after_any_step_never_duplicates(fake_forge, kind, step):
    """The forge did the work but the response was lost (after=True), then it fails outright once more."""
    forge, url = fake_forge
    adapter = ADAPTERS[kind](url)
    forge.fail(times=1, status=502, method="POST", path_contains=step, after=True)
    forge.fail(times=1, status=503, method="POST", path_contains=step)
    for _ in range(5):
        try:
            opened = adapter.open(proposal())
            break
        except ForgeUnavailable:
            continue
    assert opened.number == 1 and len(forge.pulls) == 1 and forge.violations == []
    assert {label["name"] for label in forge.pulls[0]["labels"]} == {"submission", "needs-deid-review"}


@pytest.mark.parametrize("kind", ADAPTERS)
def test_a_closed_pull_request_counts_as_done(fake_forge, kind):
    forge, url = fake_forge
    adapter = ADAPTERS[kind](url)
    adapter.open(proposal())
    forge.close_pull(1)
    assert not adapter.open(proposal()).created and len(forge.pulls) == 1


@pytest.mark.parametrize("status, headers, message, wait", [
    (403, {"Retry-After": "7"}, "You have exceeded a secondary rate limit", 7.0),
    (403, {}, "You have exceeded a secondary rate limit. Please wait a few minutes", 60.0),
    (429, {"Retry-After": "3"}, "Too many requests", 3.0),
    (403, {"x-ratelimit-remaining": "0", "x-ratelimit-reset": "9999999999"}, "API rate limit exceeded", None),
    (502, {}, "Bad gateway", None),
])
def test_rate_limits_and_outages_say_how_long_to_wait(fake_forge, status, headers, message, wait):
    forge, url = fake_forge
    forge.fail(status=status, headers=headers, message=message)
    with pytest.raises(ForgeUnavailable) as error:
        github(url).open(proposal())
    if wait is not None:
        assert error.value.retry_after == wait
    elif "x-ratelimit-reset" in headers:
        assert error.value.retry_after > 3600  # until the primary quota resets
    assert forge.pulls == []


def test_bad_credentials_and_forbidden_are_errors_not_outages(fake_forge):
    forge, url = fake_forge
    adapter = GitHubForge(url, "safety", "intake", "main", token_auth("wrong"), write_interval=0)
    with pytest.raises(ForgeError) as error:
        adapter.open(proposal())
    assert not isinstance(error.value, ForgeUnavailable) and "wrong" not in str(error.value)
    forge.fail(status=403, message="Resource not accessible by integration")
    with pytest.raises(ForgeError) as error:
        github(url).open(proposal())
    assert not isinstance(error.value, ForgeUnavailable)


def test_unreachable_forge_is_an_outage():
    with pytest.raises(ForgeUnavailable):
        github("http://127.0.0.1:9").open(proposal())


def test_github_write_requests_are_spaced(fake_forge):
    forge, url = fake_forge
    waits = []
    adapter = GitHubForge(url, "safety", "intake", "main", token_auth("gh-token"), write_interval=1.0,
                          sleep=waits.append, clock=lambda: 100.0)  # a clock that stands still: every write waits
    adapter.open(proposal())
    assert waits == [1.0] * 5  # six writes (blob, tree, commit, ref, pull, labels): all but the first wait


def test_github_app_installation_token(fake_forge, app_key_pair, repo, tmp_path):
    forge, url = fake_forge
    private, public = app_key_pair
    forge.app_public_key = public
    config = load_config({
        "NEARMISS_INTAKE_FORGE": "github", "NEARMISS_INTAKE_REPO": "safety/intake",
        "NEARMISS_INTAKE_SPOOL": str(tmp_path), "NEARMISS_INTAKE_SECRET": SECRET,
        "NEARMISS_INTAKE_GITHUB_APP_ID": "4242", "NEARMISS_INTAKE_GITHUB_APP_PRIVATE_KEY": private,
        "NEARMISS_INTAKE_GITHUB_INSTALLATION_ID": "99", "NEARMISS_INTAKE_GITHUB_API_URL": url,
        "NEARMISS_INTAKE_WRITE_INTERVAL": "0", "NEARMISS_INTAKE_TAXONOMY": str(repo / "content" / "taxonomy.yml")})
    adapter = make_forge(config)
    assert adapter.open(proposal()).created and forge.violations == []
    adapter.open(proposal())
    # One installation token, reused, asked for only what intake needs on the intake repository only.
    assert forge.issued_tokens == [{"repositories": ["intake"],
                                    "permissions": {"contents": "write", "pull_requests": "write"}}]


def test_gitea_creates_missing_labels_once(fake_forge):
    forge, url = fake_forge
    adapter = gitea(url)
    adapter.open(proposal())
    other = Proposal("fedcba9876543210", "submission/fedcba9876543210", PATH.replace("0123", "9999"), "x", "m",
                     "t", "b", dt.date(2026, 3, 4))
    adapter.open(other)
    assert sorted(forge.labels) == ["needs-deid-review", "submission"]
    assert sum(1 for method, path in forge.calls if method == "POST" and path.endswith("/labels")) == 2
