"""The repository's GitHub wiring: workflows pass actionlint and keep their security shape.

Officers send pull requests from forks, so the shape matters as much as the syntax: the workflow
that runs a pull request's code is read-only, the one that may comment never runs that code, and
nothing uses ``pull_request_target``.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = GITHUB / "workflows"
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path
    return data


def workflow(name: str) -> dict[str, Any]:
    return _load(WORKFLOWS / name)


def triggers(flow: dict[str, Any]) -> dict[str, Any]:
    """The ``on:`` mapping (YAML 1.1, which PyYAML follows, reads the bare key ``on`` as True)."""
    value = flow.get("on", flow.get(True))
    if isinstance(value, str):
        return {value: None}
    if isinstance(value, list):
        return dict.fromkeys(value)
    assert isinstance(value, dict)
    return value


def steps(flow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in flow["jobs"].values() for step in job.get("steps", [])]


def runs(flow: dict[str, Any]) -> str:
    return "\n".join(step.get("run", "") for step in steps(flow))


def permission_sets(flow: dict[str, Any]) -> list[dict[str, str]]:
    """The workflow's permissions and every job's own."""
    sets = [flow.get("permissions")] + [job.get("permissions") for job in flow["jobs"].values()]
    return [p for p in sets if p is not None]


def _actionlint() -> str:
    local = Path(sys.executable).parent / "actionlint"
    found = str(local) if local.exists() else shutil.which("actionlint")
    if found is None:
        pytest.fail("actionlint is missing: install the test extras (`./dev` or "
                    "`pip install -e '.[test]'`)", pytrace=False)
    return found


def test_workflows_pass_actionlint() -> None:
    files = sorted(str(p) for p in WORKFLOWS.glob("*.yml"))
    assert len(files) == 4
    result = subprocess.run([_actionlint(), "-oneline", "-no-color", *files], cwd=ROOT,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.stdout == "" and result.returncode == 0, result.stdout + result.stderr


def test_nothing_uses_pull_request_target() -> None:
    for path in GITHUB.rglob("*"):
        if path.is_file():
            assert "pull_request_target" not in path.read_text(encoding="utf-8"), path
    for path in WORKFLOWS.glob("*.yml"):
        assert "pull_request_target" not in triggers(_load(path)), path


def test_every_action_is_pinned_to_a_commit_with_its_version() -> None:
    uses = []
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            match = re.match(r"^\s*(?:-\s+)?uses:\s*(.+?)\s*$", line)
            if match:
                uses.append((path.name, match.group(1)))
    assert uses
    assert [u for u in uses if not PINNED.match(u[1])] == []


def test_pull_request_workflow_is_read_only_and_does_the_checks() -> None:
    flow = workflow("pr.yml")
    assert set(triggers(flow)) == {"pull_request"}
    assert flow["permissions"] == {"contents": "read"}
    for permissions in permission_sets(flow):
        assert isinstance(permissions, dict) and "write" not in permissions.values()
    checkout = [s for s in steps(flow) if s.get("uses", "").startswith("actions/checkout@")]
    assert any(s.get("with", {}).get("fetch-depth") == 0 for s in checkout)
    script = runs(flow)
    for command in ("git diff -z --name-only --diff-filter=d \"origin/${BASE_REF}...HEAD\" -- products/",
                    "ocop validate --format github", "ocop build",
                    "ocop review --base \"origin/${BASE_REF}\" --output ocop-review/review.md",
                    "GITHUB_STEP_SUMMARY", "./dev test"):
        assert command in script, command
    artifacts = {s["with"]["name"] for s in steps(flow)
                 if s.get("uses", "").startswith("actions/upload-artifact@")}
    assert artifacts == {"site-preview", "ocop-review"}
    assert "${{ github" not in script, "pass event data to scripts through env:, never inline"


def test_comment_workflow_never_touches_the_pull_requests_code() -> None:
    flow = workflow("pr-comment.yml")
    assert set(triggers(flow)) == {"workflow_run"}
    run = triggers(flow)["workflow_run"]
    assert run["types"] == ["completed"]
    assert run["workflows"] == [workflow("pr.yml")["name"]]
    assert not [s for s in steps(flow) if "checkout" in s.get("uses", "")]
    for script in (s["run"].strip() for s in steps(flow) if "run" in s):
        # at most a message: nothing of the pull request's is ever run
        assert script.startswith("echo ") and not re.search(r"[;&|`\n]|\$\(", script), script
    for permissions in permission_sets(flow):
        writes = {k for k, v in permissions.items() if v == "write"}
        assert writes == {"pull-requests"} or not writes
        assert "contents" not in permissions
    assert flow["permissions"] == {"actions": "read", "pull-requests": "write"}


def test_comment_is_single_and_its_number_checked() -> None:
    script = next(s["with"]["script"] for s in steps(workflow("pr-comment.yml"))
                  if s.get("uses", "").startswith("actions/github-script@"))
    assert "<!-- ocop-review -->" in script
    assert "updateComment" in script and "createComment" in script
    assert "/^[1-9][0-9]{0,9}$/" in script
    assert "pr.head.sha !== run.head_sha" in script
    assert "${{" not in script, "untrusted data reaches the script through env: only"


def test_deploy_workflow_publishes_with_the_official_pages_actions() -> None:
    flow = workflow("deploy.yml")
    on = triggers(flow)
    assert on["push"] == {"branches": ["main"]} and "workflow_dispatch" in on
    assert {"pages": "write", "id-token": "write"} == flow["jobs"]["deploy"]["permissions"]
    assert {"contents": "read", "pages": "read"} == flow["jobs"]["build"]["permissions"]
    assert "group" in flow["concurrency"]
    used = {s.get("uses", "").split("@")[0] for s in steps(flow)}
    assert {"actions/configure-pages", "actions/upload-pages-artifact",
            "actions/deploy-pages"} <= used
    assert "ocop build" in runs(flow)


def test_builds_restore_the_content_hashed_caches() -> None:
    """Photos are resized and checked once, not on every run: both workflows that validate and
    build restore .cache/ocop (entries are content-hashed, so any restored entry is safe)."""
    for name in ("pr.yml", "deploy.yml"):
        cached = [s for s in steps(workflow(name)) if s.get("uses", "").startswith("actions/cache@")]
        assert len(cached) == 1, name
        assert cached[0]["with"]["path"] == ".cache/ocop"
        assert cached[0]["with"]["restore-keys"] == "ocop-cache-"


def test_weekly_workflow_runs_on_a_schedule_and_keeps_one_issue() -> None:
    flow = workflow("weekly.yml")
    on = triggers(flow)
    assert on["schedule"] and all("cron" in entry for entry in on["schedule"])
    assert "workflow_dispatch" in on
    assert flow["permissions"] == {"contents": "read", "issues": "write"}
    script = runs(flow)
    assert "ocop validate --format github" in script
    assert "ocop expiry --within 90 --format markdown" in script
    assert "GITHUB_STEP_SUMMARY" in script


def test_pre_commit_hook_matches_product_files_only() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "ocop-validate")
    assert hook["entry"] == "ocop validate" and hook["language"] == "python"
    assert hook["pass_filenames"] is True
    files = re.compile(hook["files"])
    assert files.search("products/hoi-an/x/product.yaml")
    assert not files.search("products/README.md")
    assert not files.search("tests/corpus/valid/minimal/product.yaml")
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    local = next(r for r in config["repos"] if r["repo"] == "local")
    assert [h["files"] for h in local["hooks"] if h["id"] == "ocop-validate"] == [hook["files"]]


def test_codeowners_example_names_every_area_folder() -> None:
    text = (GITHUB / "CODEOWNERS.example").read_text(encoding="utf-8")
    owned = set(re.findall(r"^/products/([^/\s]+)/\s+@<org>/ocop-\1$", text, flags=re.MULTILINE))
    areas = {p.name for p in (ROOT / "products").iterdir() if p.is_dir()}
    assert owned == areas
    assert re.search(r"^/schema/\s+@<org>/ocop-maintainers$", text, flags=re.MULTILINE)
    assert re.search(r"^/generator/\s+@<org>/ocop-maintainers$", text, flags=re.MULTILINE)
    assert not (GITHUB / "CODEOWNERS").exists(), "adopting CODEOWNERS is the province's choice"


def test_pull_request_template_has_the_officers_checklist() -> None:
    text = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] (.+)$", text, flags=re.MULTILINE)
    assert len(boxes) >= 6
    for needle in ("nguồn", "GPS", "số và ngày", "định danh cá nhân", "ocop validate", "xem trước"):
        assert any(needle.lower() in box.lower() for box in boxes), needle
    assert "cùng loại sản phẩm" in text and "tươi sống" in text


def test_editor_settings_point_at_the_schema() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    schemas = settings["yaml.schemas"]
    assert schemas == {"./schema/product.schema.json": ["products/**/product.yaml"]}
    assert (ROOT / "schema" / "product.schema.json").is_file()
    assert settings["files.encoding"] == "utf8" and settings["[yaml]"]["editor.insertSpaces"]
    editorconfig = (ROOT / ".editorconfig").read_text(encoding="utf-8")
    assert "root = true" in editorconfig and "end_of_line = lf" in editorconfig
    yaml_section = editorconfig.split("[*.{yaml,yml}]", 1)[1].split("\n[", 1)[0]
    assert "indent_style = space" in yaml_section
