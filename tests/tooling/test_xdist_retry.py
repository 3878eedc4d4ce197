"""A worker that dies mid-run: its test runs once more, the run ends, and nothing is hidden.

Each case runs pytest with one pytest-xdist worker (``--dist loadfile``, as ``make test``) on a
small suite in a temporary folder whose tests kill their own worker (``os._exit``), the way a native
crash does.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: The project's hooks, with test_a.py standing for the files whose coverage is measured.
CONFTEST = """
import pytest
from tests.conftest import pytest_handlecrashitem, pytest_report_teststatus, pytest_terminal_summary

@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    from tests import xdist_retry
    return xdist_retry.make_scheduler(config, log, lambda scope: scope.startswith("test_a"))
"""

PASSING = """
def test_one():
    pass

def test_two():
    pass
"""

#: Kills its worker the first time (or every time): the mark is a file beside the test.
CRASHING = """
import os
from pathlib import Path

def test_crash():
    mark = Path(__file__).with_suffix(".ran")
    if EVERY_TIME or not mark.exists():
        mark.touch()
        os._exit(1)

def test_after():
    pass
"""


def _run(tmp_path: Path, every_time: bool) -> subprocess.CompletedProcess[str]:
    (tmp_path / "conftest.py").write_text(CONFTEST)
    (tmp_path / "test_a.py").write_text(PASSING)
    (tmp_path / "test_b.py").write_text(f"EVERY_TIME = {every_time}\n" + textwrap.dedent(CRASHING))
    (tmp_path / "test_c.py").write_text(PASSING)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "pytest", "-v", "-n", "1", "--dist", "loadfile"]
    command += [
        "-p",
        "no:cacheprovider",
        "-p",
        "no:cov",
        "-o",
        "addopts=",
        "--rootdir",
        str(tmp_path),
    ]
    return subprocess.run(
        command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_a_first_crash_runs_the_test_again_and_the_run_passes(tmp_path: Path) -> None:
    run = _run(tmp_path, every_time=False)
    out = run.stdout
    assert run.returncode == 0, out + run.stderr
    assert "crashed while running 'test_b.py::test_crash'; running it again" in out, out
    assert out.count("PASSED test_b.py::test_crash") == 1, out
    assert "PASSED test_b.py::test_after" in out and "PASSED test_c.py::test_two" in out, out
    # test_a.py's coverage (the case's "measured" file) died with the worker: it ran again.
    assert out.count("PASSED test_a.py::test_one") == 2, out
    assert "1 rerun" in out.splitlines()[-1], out


def test_a_second_crash_fails_and_the_run_still_ends(tmp_path: Path) -> None:
    run = _run(tmp_path, every_time=True)
    out = run.stdout
    assert run.returncode == 1, out + run.stderr
    assert "FAILED test_b.py::test_crash" in out, out
    assert "PASSED test_b.py::test_after" in out and "PASSED test_c.py::test_two" in out, out
    assert "1 failed" in out.splitlines()[-1] and "1 rerun" in out.splitlines()[-1], out
