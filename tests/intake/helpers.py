"""Shared test helpers: a git repository with content, form answers, and driving the form like a browser."""

from __future__ import annotations

import hashlib
import html
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlencode

FIXTURE_CONTENT = Path(__file__).resolve().parent.parent / "fixtures" / "content"
SECRET = "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz"
FORM = "application/x-www-form-urlencoded"

ANSWERS = {
    "event_type": "traffic-stop", "contributing_factors": ["complacency", "tactics"], "loss_potential": "fatal",
    "what_prevented_harm": ["partner-backup"], "month": "3", "year": "2025", "time_block": "18-24",
    "region": "east-north-central", "setting": "suburban", "agency_size": "50-249", "officers_on_scene": "2",
    "reporter_role": "involved", "title": "Passenger reached under the seat on a night stop",
    "what_happened": "My partner Miller and I stopped a sedan late at night. Call me at 937-555-0123.\n\n"
                     "The passenger slid his hand under the seat while I read the licence.",
    "lessons_learned": "- Keep the passenger in your scan.\n- Ask for a second unit on night stops.",
}


def make_repo(path: Path, branch: str = "main") -> Path:
    """A git repository holding the fixture content, with one commit on `branch`."""
    path.mkdir(parents=True)
    shutil.copytree(FIXTURE_CONTENT, path / "content")
    git = ["git", "-C", str(path), "-c", "user.name=fixture", "-c", "user.email=fixture@example.invalid"]
    subprocess.run(["git", "init", "-q", "-b", branch, str(path)], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "content"], check=True)
    return path


def env(repo: Path, spool: Path, **settings: str) -> dict[str, str]:
    """NEARMISS_INTAKE_* variables for a local forge on `repo` (plus any other settings, by short name)."""
    values = {"NEARMISS_INTAKE_REPO": str(repo), "NEARMISS_INTAKE_SPOOL": str(spool),
              "NEARMISS_INTAKE_SECRET": SECRET, "NEARMISS_INTAKE_RATE": "100000/60"}
    values.update({f"NEARMISS_INTAKE_{key.upper()}": value for key, value in settings.items()})
    return values


def encode(answers: dict | list) -> str:
    pairs = []
    for name, value in (answers.items() if isinstance(answers, dict) else answers):
        pairs += [(name, item) for item in value] if isinstance(value, list) else [(name, value)]
    return urlencode(pairs)


def post(client, path: str, answers: dict | list, **headers: str):
    return client.post(path, content=encode(answers), headers={"content-type": FORM, **headers})


def token_of(page: str) -> str:
    return html.unescape(re.search(r'name="token" value="([^"]+)"', page).group(1))


def hidden_of(page: str) -> list[tuple[str, str]]:
    """The review page's hidden fields, decoded as a browser would send them."""
    return [(html.unescape(name), html.unescape(value))
            for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page)]


def choices_of(page: str) -> list[str]:
    """The names of the review page's remove/keep choices, in page order."""
    return list(dict.fromkeys(re.findall(r'name="(choice-[^"]+)" id="c-\d+-remove"', page)))


def receipt_of(page: str) -> str:
    return re.search(r'<code id="receipt">([^<]+)</code>', page).group(1)


def submit(client, answers: dict | None = None, keep: tuple[int, ...] = ()):
    """Fill the form, review, keep the findings numbered in `keep` (others removed), confirm.

    Returns (review response, confirm response).
    """
    form = client.get("/")
    review = post(client, "/review", {"token": token_of(form.text), **(answers or ANSWERS)})
    if review.status_code != 200:
        return review, None
    pairs = [pair for pair in hidden_of(review.text)]
    for number, name in enumerate(choices_of(review.text), start=1):
        pairs.append((name, "keep" if number in keep else "remove"))
    pairs.append(("action", "send"))
    return review, post(client, "/confirm", pairs)


def receipt_hash(code: str) -> str:
    return "sha256:" + hashlib.sha256(code.replace("-", "").encode()).hexdigest()


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


def submission_branches(repo: Path) -> list[str]:
    return git(repo, "for-each-ref", "--format=%(refname:short)", "refs/heads/submission/").split()


def draft_of(repo: Path, branch: str) -> tuple[str, str]:
    """(path, text) of the one report a submission branch adds."""
    path = git(repo, "diff", "--name-only", f"{branch}~1", branch).split()[0]
    return path, git(repo, "show", f"{branch}:{path}")
