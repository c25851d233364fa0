"""The repository's GitHub wiring: workflows pass actionlint and keep their security shape.

Officers send pull requests from forks, so the shape matters as much as the syntax: the workflow
that runs a pull request's code is read-only, the one that may comment never runs that code, and
nothing uses ``pull_request_target``.
"""

from __future__ import annotations

import json
import os
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
    """Photos are resized and checked once, not on every run: every workflow that validates
    restores .cache/ocop (entries are content-hashed, so any restored entry is safe)."""
    for name in ("pr.yml", "deploy.yml", "weekly.yml"):
        cached = cache_steps(workflow(name))
        assert len(cached) == 1, name
        assert cached[0]["with"]["path"] == ".cache/ocop"
        assert cached[0]["with"]["restore-keys"] == "ocop-cache-${{ runner.os }}-"


def test_weekly_workflow_runs_on_a_schedule_and_keeps_one_issue() -> None:
    flow = workflow("weekly.yml")
    on = triggers(flow)
    assert on["schedule"] and all("cron" in entry for entry in on["schedule"])
    assert "workflow_dispatch" in on
    assert flow["permissions"] == {}
    assert flow["jobs"]["weekly"]["permissions"] == {"contents": "read", "issues": "write",
                                                     "pages": "read"}
    script = runs(flow)
    assert "ocop validate --format github" in script
    assert "ocop expiry --within 90 --format markdown" in script
    assert "GITHUB_STEP_SUMMARY" in script


def test_pre_commit_hook_matches_product_and_event_files_only() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "ocop-validate")
    assert hook["entry"] == "ocop validate" and hook["language"] == "python"
    assert hook["pass_filenames"] is True
    files = re.compile(hook["files"])
    assert files.search("products/hoi-an/x/product.yaml")
    assert files.search("events/ngay-hoi-2023.yaml")
    assert not files.search("events/README.md") and not files.search("events/a/b.yaml")
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
    assert schemas == {"./schema/product.schema.json": ["products/**/product.yaml"],
                       "./schema/event.schema.json": ["events/*.yaml"]}
    assert all((ROOT / path).is_file() for path in schemas)
    assert settings["files.encoding"] == "utf8" and settings["[yaml]"]["editor.insertSpaces"]
    editorconfig = (ROOT / ".editorconfig").read_text(encoding="utf-8")
    assert "root = true" in editorconfig and "end_of_line = lf" in editorconfig
    yaml_section = editorconfig.split("[*.{yaml,yml}]", 1)[1].split("\n[", 1)[0]
    assert "indent_style = space" in yaml_section


# --- caches, schedules, and names from pull requests (issue 14) --------------------------------

CACHE_KEY = "ocop-cache-${{ runner.os }}-${{ steps.cache-key.outputs.key }}"


def cache_steps(flow: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for s in steps(flow) if s.get("uses", "").split("@")[0] in
            {"actions/cache", "actions/cache/restore"}]


def step(flow: dict[str, Any], name_part: str) -> dict[str, Any]:
    found = [s for s in steps(flow) if name_part in s.get("name", "")]
    assert len(found) == 1, name_part
    return found[0]


def run_step(script: str, cwd: Path, env: dict[str, str], *, path: Path | None = None,
             ) -> subprocess.CompletedProcess[str]:
    """A ``run:`` script as the runner runs it: ``bash --noprofile --norc -eo pipefail FILE``."""
    file = cwd / ".step.sh"
    file.write_text(script, encoding="utf-8")
    search = [str(path)] if path else []
    search += [str(Path(sys.executable).parent), "/usr/bin", "/bin"]
    full = {"PATH": os.pathsep.join(search), "HOME": str(cwd), "LANG": "C.UTF-8", **env}
    try:
        return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(file)],
                              cwd=cwd, env=full, capture_output=True, text=True, timeout=60,
                              check=False)
    finally:
        file.unlink()


def outputs(file: Path) -> dict[str, str]:
    lines = file.read_text(encoding="utf-8").splitlines() if file.exists() else []
    return dict(line.split("=", 1) for line in lines)


def git_repo(root: Path) -> Path:
    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@t",
                        *args], check=True, capture_output=True, timeout=60)

    root.mkdir(parents=True, exist_ok=True)
    git("init", "-q", "-b", "main")
    return root


def commit(root: Path, message: str) -> None:
    for args in (("add", "-A"), ("commit", "-q", "-m", message)):
        subprocess.run(["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@t",
                        *args], check=True, capture_output=True, timeout=60)


def test_cache_keys_name_the_inputs_not_the_run(tmp_path: Path) -> None:
    """A key per run stored a whole new cache every run; a key named by the inputs is hit
    exactly when nothing changed (nothing stored) and falls back to the newest by prefix."""
    scripts = set()
    for name in ("pr.yml", "deploy.yml", "weekly.yml"):
        flow = workflow(name)
        (cached,) = cache_steps(flow)
        key = cached["with"]["key"]
        assert key == CACHE_KEY, name
        assert not re.search(r"run_id|run_number|run_attempt|github\.sha", key)
        names = [s.get("name", "") for s in steps(flow)]
        # installed first: the versions of the libraries that draw and decode are in the key
        assert names.index(step(flow, "Install ocop")["name"]) < \
            names.index(step(flow, "Cache key")["name"]) < names.index(cached["name"])
        scripts.add(step(flow, "Cache key")["run"])
    assert len(scripts) == 1  # one key, so the three workflows share their caches
    # weekly only validates: it must not save a cache without photo variants under that key
    assert cache_steps(workflow("weekly.yml"))[0]["uses"].startswith("actions/cache/restore@")

    repo = git_repo(tmp_path / "repo")
    for folder in ("products/a/b", "generator"):
        (repo / folder).mkdir(parents=True)
    (repo / "products/a/b/product.yaml").write_text("id: b\n", encoding="utf-8")
    (repo / "generator/x.py").write_text("", encoding="utf-8")
    (repo / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    (repo / "README.md").write_text("one\n", encoding="utf-8")
    commit(repo, "one")

    def key() -> str:
        out = tmp_path / "out"
        out.unlink(missing_ok=True)
        done = run_step(next(iter(scripts)), repo, {"GITHUB_OUTPUT": str(out)})
        assert done.returncode == 0, done.stderr
        value = outputs(out)["key"]
        assert re.fullmatch(r"[0-9a-f]{32}", value)
        return value

    first = key()
    (repo / "README.md").write_text("two\n", encoding="utf-8")
    commit(repo, "docs only")
    assert key() == first
    (repo / "products/a/b/photo.jpg").write_bytes(b"\xff\xd8")
    commit(repo, "a photo")
    second = key()
    assert second != first
    (repo / "mkdocs.yml").write_text("site_name: y\n", encoding="utf-8")
    commit(repo, "settings")
    assert key() not in {first, second}
    assert "pip freeze --exclude-editable" in next(iter(scripts))


WEEKLY_ESTIMATE_MIN = (10                                  # check out, set up, install
                       + 20_000 * 7 / 2_000 / 60           # validate, cache warm (BENCHMARKS.md)
                       + 20_000 * 7 / 2_000 / 60           # ocop expiry reads every product
                       + 20_000 * 7 / 2_000 / 60           # ocop report validates again, cached
                       + 20_000 * 50_000 / 18_000 * 0.1 / 60)  # cold photo checks (photo_facts)


def test_weekly_validates_once_with_the_cache_and_a_limit_that_fits() -> None:
    flow = workflow("weekly.yml")
    job = flow["jobs"]["weekly"]
    assert round(WEEKLY_ESTIMATE_MIN) == 106
    assert job["timeout-minutes"] >= 1.25 * WEEKLY_ESTIMATE_MIN
    text = (WORKFLOWS / "weekly.yml").read_text(encoding="utf-8")
    assert f"≈ {round(WEEKLY_ESTIMATE_MIN)} min at worst" in text  # the comment says the estimate
    script = runs(flow)
    assert len(re.findall(r"^\s*ocop validate\b", script, flags=re.MULTILINE)) == 1
    assert 'ocop validate --format github --json-out "$RUNNER_TEMP/findings.json"' in script
    # follow-up and this week's new duplicate types join the expiry issue (ocop report)
    assert 'ocop report --format weekly --added "$RUNNER_TEMP/added.txt"' in script
    checkout = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0 and checkout["with"]["filter"] == "blob:none"
    issue = step(flow, "Open or update the expiry issue")
    assert issue["env"]["FINDINGS_FILE"] == "${{ runner.temp }}/findings.json"
    names = [s.get("name", "") for s in job["steps"]]
    restore = next(i for i, n in enumerate(names) if "Restore the photo-check cache" in n)
    validate = next(i for i, n in enumerate(names) if "Validate the whole catalogue" in n)
    assert restore < validate


def scheduled_workflows() -> list[str]:
    return sorted(p.name for p in WORKFLOWS.glob("*.yml") if "schedule" in triggers(_load(p)))


def fake_gh(folder: Path) -> Path:
    """A `gh` that logs its arguments and answers the Pages query from $FAKE_PAGES."""
    folder.mkdir(exist_ok=True)
    gh = folder / "gh"
    gh.write_text('#!/bin/bash\nprintf \'%s\\n\' "$*" >> "$GH_LOG"\n'
                  'if [[ "$*" == *"/pages "* ]]; then\n'
                  '  if [ "$FAKE_PAGES" = 404 ]; then echo "gh: Not Found (HTTP 404)" >&2; exit 1; fi\n'
                  '  printf \'%s\\n\' "$FAKE_PAGES"\nfi\n', encoding="utf-8")
    gh.chmod(0o755)
    return folder


def test_keep_alive_re_enables_every_scheduled_workflow(tmp_path: Path) -> None:
    """GitHub disables scheduled workflows after 60 days without activity; re-enabling them
    through the API restarts the 60 days and needs only `actions: write`."""
    flow = workflow("weekly.yml")
    job = flow["jobs"]["keep-alive"]
    assert job["permissions"] == {"actions": "write"}
    assert "needs" not in job  # it runs even when the catalogue has errors
    assert scheduled_workflows() == ["deploy.yml", "weekly.yml"]
    (only,) = job["steps"]
    assert only["env"] == {"GH_TOKEN": "${{ github.token }}"}
    log = tmp_path / "gh.log"
    done = run_step(only["run"], tmp_path, {"GH_LOG": str(log), "GITHUB_REPOSITORY": "o/r"},
                    path=fake_gh(tmp_path / "bin"))
    assert done.returncode == 0, done.stderr
    assert log.read_text(encoding="utf-8").splitlines() == [
        f"api --method PUT repos/o/r/actions/workflows/{name}/enable"
        for name in scheduled_workflows()]


def test_deploy_records_the_build_date_the_weekly_check_reads(tmp_path: Path) -> None:
    deploy = workflow("deploy.yml")
    names = [s.get("name", "") for s in deploy["jobs"]["build"]["steps"]]
    record = step(deploy, "Record the build date")
    assert names.index(record["name"]) == names.index(step(deploy, "Build the site")["name"]) + 1
    (tmp_path / "site").mkdir()
    done = run_step(record["run"], tmp_path, {"GITHUB_SHA": "abc", "TZ": "Asia/Ho_Chi_Minh"})
    assert done.returncode == 0, done.stderr
    recorded = json.loads((tmp_path / "site" / "ocop-build.json").read_text(encoding="utf-8"))
    assert recorded["commit"] == "abc" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", recorded["built"])


@pytest.mark.parametrize(("built", "stale"), [(0, "false"), (2, "false"), (3, "true"),
                                              (None, "true"), ("garbage", "true")])
def test_weekly_fails_loudly_when_the_published_site_is_old(tmp_path: Path, built: object,
                                                            stale: str) -> None:
    from datetime import UTC, datetime, timedelta

    flow = workflow("weekly.yml")
    check = step(flow, "Build date of the published site")
    site = tmp_path / "published"
    site.mkdir()
    if isinstance(built, int):
        day = (datetime.now(UTC).date() - timedelta(days=built)).isoformat()
        (site / "ocop-build.json").write_text(json.dumps({"built": day}), encoding="utf-8")
    elif built is not None:
        (site / "ocop-build.json").write_text(str(built), encoding="utf-8")
    out = tmp_path / "out"
    env = {"GH_LOG": str(tmp_path / "gh.log"), "FAKE_PAGES": site.as_uri() + "/",
           "GITHUB_REPOSITORY": "o/r", "GITHUB_OUTPUT": str(out), "RUNNER_TEMP": str(tmp_path),
           "TZ": "UTC", **{k: v for k, v in check["env"].items() if k != "GH_TOKEN"}}
    done = run_step(check["run"], tmp_path, env, path=fake_gh(tmp_path / "bin"))
    assert done.returncode == 0, done.stderr
    assert outputs(out)["stale"] == stale
    fail = step(flow, "The published site is stale")
    assert fail["if"] == "${{ !cancelled() && steps.site.outputs.stale == 'true' }}"
    assert "exit 1" in fail["run"]
    script = step(flow, "Open or update the expiry issue")["with"]["script"]
    assert "const nothing = expired + expiring === 0 && !stale;" in script  # the issue stays open


def test_weekly_site_check_without_pages_is_a_notice(tmp_path: Path) -> None:
    check = step(workflow("weekly.yml"), "Build date of the published site")
    out = tmp_path / "out"
    env = {"GH_LOG": str(tmp_path / "gh.log"), "FAKE_PAGES": "404", "GITHUB_REPOSITORY": "o/r",
           "GITHUB_OUTPUT": str(out), "RUNNER_TEMP": str(tmp_path), "MAX_AGE_DAYS": "2"}
    done = run_step(check["run"], tmp_path, env, path=fake_gh(tmp_path / "bin"))
    assert done.returncode == 0 and done.stdout.startswith("::notice::"), done.stderr
    assert outputs(out) == {}


def test_no_run_step_interpolates_expressions() -> None:
    """`${{ }}` inside `run:` pastes text into the shell before it runs: a branch, title or
    name from a pull request could run as commands. Data reaches scripts through env: only."""
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for item in steps(_load(path)):
            assert "${{" not in item.get("run", ""), (path.name, item.get("name"))
            assert "${{" not in item.get("with", {}).get("script", ""), (path.name, item.get("name"))


HOSTILE = "products/hoi-an/x\n::error::boom ##[warning]legacy/product.yaml"


def test_changed_paths_reach_the_validator_whole_and_print_as_no_command(tmp_path: Path) -> None:
    """pr.yml lists the pull request's paths: NUL-separated (a name may hold a line break) and
    printed with workflow commands stopped, so a name cannot raise annotations in the log."""
    flow = workflow("pr.yml")
    find, check = step(flow, "Find the changed product files"), step(flow, "Validate the changed")
    assert 'cat "$RUNNER_TEMP/targets"' not in runs(flow)
    repo = git_repo(tmp_path / "repo")
    (repo / "products/hoi-an/a").mkdir(parents=True)
    (repo / "products/hoi-an/a/product.yaml").write_text("id: a\n", encoding="utf-8")
    commit(repo, "base")
    subprocess.run(["git", "-C", str(repo), "update-ref", "refs/remotes/origin/main", "HEAD"],
                   check=True, timeout=60)
    for path in (HOSTILE, "products/hoi-an/a/photo.jpg", "products/hoi-an/a/label.jpg",
                 "products/README.md", "products/stray.yaml", "events/hoi-cho.yaml"):
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        (repo / path).write_bytes(b"x")
    commit(repo, "pull request")
    temp, out = tmp_path / "temp", tmp_path / "out"
    temp.mkdir()
    env = {"BASE_REF": "main", "RUNNER_TEMP": str(temp), "GITHUB_OUTPUT": str(out)}
    done = run_step(find["run"], repo, env)
    assert done.returncode == 0, done.stderr
    expected = ["events/hoi-cho.yaml", "products/hoi-an/a",
                "products/hoi-an/x\n::error::boom ##[warning]legacy", "products/stray.yaml"]
    assert sorted((temp / "targets").read_text(encoding="utf-8").split("\0")[:-1]) == expected
    assert outputs(out)["count"] == "4"
    printed = done.stdout.split("\n")
    start = next(i for i, line in enumerate(printed) if line.startswith("::stop-commands::"))
    token = printed[start].removeprefix("::stop-commands::")
    assert re.fullmatch(r"[0-9a-f]{32}", token)
    end = printed.index(f"::{token}::")
    assert "boom" in "\n".join(printed[start:end])
    assert not [line for line in printed[:start] + printed[end + 1:]
                if line.lstrip().startswith("::") or "##[" in line]
    assert len(printed[start + 1:end]) == 4  # one line per path, the line break shown quoted

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "ocop").write_text('#!/bin/bash\nprintf \'%s\\0\' "$@" > "$RUNNER_TEMP/argv"\n',
                                  encoding="utf-8")
    (bin_dir / "ocop").chmod(0o755)
    done = run_step(check["run"], repo, env, path=bin_dir)
    assert done.returncode == 0, done.stderr
    argv = (temp / "argv").read_text(encoding="utf-8").split("\0")[:-1]
    assert argv[:2] == ["validate", "--format"] and argv[2] == "github"
    assert sorted(argv[3:]) == expected


ISSUE_HARNESS = r"""
const fs = require('fs');
const calls = [];
const github = {
  paginate: async () => JSON.parse(process.env.OPEN_ISSUES),
  rest: { issues: {
    listForRepo: 'listForRepo',
    update: async (args) => { calls.push(['update', args]); },
    create: async (args) => { calls.push(['create', args]); return { data: { number: 9 } }; },
  } },
};
const core = { setFailed: (m) => calls.push(['failed', m]), info: () => {} };
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
const run = new AsyncFunction('require', 'github', 'context', 'core',
                              fs.readFileSync(process.argv[2], 'utf8'));
run(require, github, { repo: { owner: 'o', repo: 'r' } }, core)
  .then(() => process.stdout.write(JSON.stringify(calls)));
"""


@pytest.mark.parametrize(("stale", "open_issue", "expected"), [
    ("true", False, "create"),             # nothing expires, but the site is old: say so
    ("true", True, "update"),              # ... and never close the issue meanwhile
    ("false", True, "close"),              # nothing to say: the issue is closed
])
def test_expiry_issue_speaks_up_for_a_stale_site(tmp_path: Path, stale: str, open_issue: bool,
                                                 expected: str) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    issue = step(workflow("weekly.yml"), "Open or update the expiry issue")
    (tmp_path / "script.js").write_text(issue["with"]["script"], encoding="utf-8")
    (tmp_path / "harness.js").write_text(ISSUE_HARNESS, encoding="utf-8")
    (tmp_path / "findings.json").write_text("[]", encoding="utf-8")
    (tmp_path / "expiry.md").write_text("Không có hạng sao nào hết hạn.\n", encoding="utf-8")
    previous = [{"number": 3, "body": "<!-- ocop-expiry -->"}] if open_issue else []
    env = {**os.environ, "SITE_STALE": stale, "SITE_BUILT": "2026-11-01",
           "EXPIRY_FILE": str(tmp_path / "expiry.md"), "RUN_URL": "https://x/run",
           "FINDINGS_FILE": str(tmp_path / "findings.json"), "OPEN_ISSUES": json.dumps(previous)}
    done = subprocess.run([node, str(tmp_path / "harness.js"), str(tmp_path / "script.js")],
                          env=env, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    ((kind, args),) = json.loads(done.stdout)
    assert (kind if args.get("state") != "closed" else "close") == expected
    warned = "không được dựng lại hằng ngày** (ngày dựng: 2026-11-01)" in args["body"]
    assert warned == (stale == "true")
