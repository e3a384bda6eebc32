"""The GitHub workflows: valid against the schema, clean under zizmor, and run in Debian 12.

Both linters come pinned from PyPI (the dev extra) and run offline. Every job
that runs `.ci/run` runs it in a Debian 12 container, where Debian's python3,
nodejs and /usr/bin/chromium exist; every action is pinned to a commit.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


def _run(*cmd):
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)


def test_there_are_workflows():
    assert {p.name for p in WORKFLOWS} == {"test.yml", "publish.yml"}


def test_workflows_match_the_schema():
    result = _run(str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows",
                  *map(str, WORKFLOWS))
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing():
    result = _run(str(BIN / "zizmor"), "--offline", "--no-progress", ".github/workflows")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_jobs_run_in_debian_12_with_pinned_actions(path):
    jobs = yaml.safe_load(path.read_text())["jobs"]
    for name, job in jobs.items():
        steps = job.get("steps", [])
        runs = " ".join(step.get("run", "") for step in steps)
        uses = [step["uses"] for step in steps if "uses" in step]
        assert not any(u.startswith(("actions/setup-python", "actions/setup-node")) for u in uses), name
        assert "snap" not in runs, name
        if ".ci/run" in runs or "make " in runs:
            assert job.get("container") == "debian:12", name
        for action in uses:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), (name, action)


def test_apt_waits_for_the_dpkg_lock():
    # Every apt-get that runs (not a hint in an echo, not a comment) waits for the lock
    for path in [ROOT / ".ci" / "run", ROOT / "Makefile", *WORKFLOWS]:
        for line in path.read_text().splitlines():
            code = line.split("#")[0]
            if re.search(r"apt-get\b.*\b(update|install)\b", code) and "echo" not in code:
                assert "DPkg::Lock::Timeout=600" in code, (path.name, line)
    makefile = (ROOT / "Makefile").read_text()
    assert "$(APT) update" in makefile and "$(APT) install" in makefile
