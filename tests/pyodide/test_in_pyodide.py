"""The unit tests pass inside Pyodide too, where the readers' browsers run the calculators.

This runs ``node tests/pyodide/run_in_pyodide.mjs``, which starts the Pyodide of node_modules/pyodide
(the version the site self-hosts) under Node, offline, installs pytest and Hypothesis there from
wheels cached in .cache/pyodide-wheels/ (downloaded once with pip), and runs tests/unit and the
doctests of calculators/ with pytest inside Pyodide.

Why a Node runner rather than pytest-pyodide: pytest-pyodide needs a browser driver (Selenium or
Playwright) or its own Node server, and a full Pyodide distribution with its packages to serve; the
npm package has no packages, and no CDN is reachable here. It also runs individual test functions in
Pyodide, so the suite would have to be written for it. The runner needs only Node, which the site
build already uses, and runs the unchanged suite under pytest inside Pyodide. See the runner's own
header for how.

The test skips only outside CI when Node or Pyodide is missing; with CI=true it fails instead.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NoReturn

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUNNER = ROOT / "tests" / "pyodide" / "run_in_pyodide.mjs"
PYODIDE = ROOT / "node_modules" / "pyodide" / "pyodide.mjs"
#: Collects in CPython what the runner runs in Pyodide (tests/unit and the doctests of calculators/),
#: and prints how many items there are and which need Babel (the ``babel_numbers`` fixture).
PLAN = """
import json, sys, pytest
class Plan:
    def pytest_collection_finish(self, session):
        babel = [i.nodeid for i in session.items if "babel_numbers" in getattr(i, "fixturenames", ())]
        print("PLAN " + json.dumps({"total": len(session.items), "babel": babel}))
args = ["--collect-only", "-q", "-p", "no:cacheprovider", "tests/unit", "calculators"]
sys.exit(pytest.main(args, plugins=[Plan()]))
"""
#: Generous: a cold run (wheel download, Pyodide start, the suite) takes well under a minute.
TIMEOUT_SECONDS = 900


def _missing(message: str) -> NoReturn:
    if os.environ.get("CI", "").lower() not in ("", "0", "false"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def _count(summary: str, word: str) -> int:
    match = re.search(rf"(\d+) {word}\b", summary)
    return int(match.group(1)) if match else 0


def expected_counts() -> tuple[int, int]:
    """How many of the runner's tests must pass in Pyodide and how many skip (those needing Babel,
    a build-time dependency), from the same collection in CPython: a test file, a doctest or a
    Hypothesis property that does not run there fails the count."""
    run = subprocess.run(
        [sys.executable, "-c", PLAN], cwd=ROOT, capture_output=True, text=True, check=False
    )
    lines = [line for line in run.stdout.splitlines() if line.startswith("PLAN ")]
    assert run.returncode == 0 and lines, f"collecting in CPython failed:\n{run.stdout}{run.stderr}"
    plan = json.loads(lines[-1].removeprefix("PLAN "))
    assert plan["babel"], "the Babel round trips were not found: the skip check would be vacuous"
    return plan["total"] - len(plan["babel"]), len(plan["babel"])


def test_unit_tests_pass_in_pyodide() -> None:
    node = shutil.which("node")
    if node is None:
        _missing("Node.js (`node`) is not on PATH: install Node 20 or later (Debian: nodejs)")
    if not PYODIDE.is_file():
        _missing(f"Pyodide is not installed ({PYODIDE.relative_to(ROOT)} is missing): run `npm ci`")

    run = subprocess.run(
        [node, str(RUNNER)],
        cwd=ROOT,
        env=os.environ | {"PYTHON": sys.executable},
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    output = f"--- stdout ---\n{run.stdout}\n--- stderr ---\n{run.stderr}"
    print(output)  # shown by pytest when the test fails

    summaries = re.findall(
        r"^=+ (.*\b(?:passed|failed|error|errors|skipped)\b.*) in [\d.]+s", run.stdout, re.M
    )
    assert summaries, f"pytest inside Pyodide printed no summary line\n{output}"
    summary = summaries[-1]
    failed, errors = _count(summary, "failed"), _count(summary, "errors?")
    passed, skipped = _count(summary, "passed"), _count(summary, "skipped")

    code = run.returncode
    failures = "\n".join(re.findall(r"^(?:FAILED|ERROR) .*$", run.stdout, re.M))
    assert code == 0, f"pytest inside Pyodide exited with {code}: {summary}\n{failures}"
    assert (failed, errors) == (0, 0), summary
    should_pass, should_skip = expected_counts()
    assert (passed, skipped) == (should_pass, should_skip), (
        f"{passed} passed and {skipped} skipped in Pyodide; the same collection in CPython has "
        f"{should_pass} to pass and {should_skip} that need Babel"
    )
    skips = re.findall(r"^SKIPPED \[(\d+)\] (.*)$", run.stdout, re.M)
    assert sum(int(n) for n, _ in skips) == skipped, "the runner passes -rfEs: every skip is listed"
    unexpected = [reason for _, reason in skips if "babel" not in reason.lower()]
    assert not unexpected, f"only tests that need Babel may skip in Pyodide: {unexpected}"
