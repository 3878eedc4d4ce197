"""The session's start: a session that reads or serves the built site gets the build it needs, once.

Runs in the process that starts the session (with pytest-xdist, the controller, before any worker
starts), so the site is never built twice. When ``site/`` is missing, partial, built for another root
or older than its sources (see ``tests/site_build.py``), it is rebuilt for the tests' root and the
reason printed; a build named by ``BROWSER_SITE_DIR`` is never rebuilt: the session stops, saying why.

Standard library only at import: this file is also copied into Pyodide with tests/unit.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
#: The test folders that read or serve site/.
USES_SITE = (HERE / "site", HERE / "browser")
#: What ``make test``'s coverage of calculators/ is measured over: the unit tests and the doctests.
MEASURED = (HERE / "unit", HERE.parent / "calculators")


def _uses_site(config: pytest.Config) -> bool:
    for arg in config.args:
        path = Path(config.invocation_params.dir, arg.split("::")[0]).resolve()
        if any(path == used or path in used.parents or used in path.parents for used in USES_SITE):
            return True
    return False


def _measured(path: Path) -> bool:
    return any(path == measured or measured in path.parents for measured in MEASURED)


def pytest_sessionstart(session: pytest.Session) -> None:
    config = session.config
    if hasattr(config, "workerinput") or not _uses_site(config):
        return  # a pytest-xdist worker: its controller has checked the site already
    import os

    from tests import site_build

    reason = site_build.problem()
    if reason is None:
        return
    if os.environ.get("BROWSER_SITE_DIR"):
        pytest.exit(f"{reason}; rebuild it with {site_build.build_command()}", returncode=4)
    print(f"\ntests: {reason}; rebuilding it ({site_build.build_command()})", flush=True)
    site_build.build()
    after = site_build.problem()
    if after is not None:
        pytest.exit(f"the rebuilt site is still wrong: {after}", returncode=4)


@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """``--dist loadfile`` that runs a test whose worker died once more (see tests/xdist_retry.py)."""
    from tests import xdist_retry

    def measured(scope: str) -> bool:
        return _measured(Path(config.rootpath, scope))

    return xdist_retry.make_scheduler(config, log, measured)


@pytest.hookimpl(optionalhook=True)
def pytest_handlecrashitem(crashitem: str, report: pytest.TestReport, sched: Any) -> None:
    from tests import xdist_retry

    xdist_retry.handle_crash(crashitem, report, sched)


def pytest_report_teststatus(report: pytest.TestReport) -> tuple[str, str, tuple[str, dict]] | None:
    """A test run again after its worker died (tests/xdist_retry.py): ``R``, counted as rerun."""
    if report.outcome == "rerun":
        return "rerun", "R", ("RERUN", {"yellow": True})
    return None


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Which worker died in which test, for every rerun: a crash is never only a letter."""
    for report in terminalreporter.stats.get("rerun", []):
        terminalreporter.write_line(f"RERUN {report.longrepr}", yellow=True)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """Pause coverage outside the unit tests and doctests: the site and browser tests check the
    build and the pages (the browser's calculators run in Pyodide, out of coverage's sight), and
    tracing them, Playwright's client and the site server's threads included, slowed them down."""
    if _measured(Path(item.path)):
        return (yield)
    import coverage  # a dev dependency, absent inside Pyodide (where every test is a unit test)

    measuring = coverage.Coverage.current()
    if measuring is None:
        return (yield)
    measuring.stop()
    try:
        return (yield)
    finally:
        measuring.start()
