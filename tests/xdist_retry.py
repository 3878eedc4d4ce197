"""A test whose pytest-xdist worker died runs once more, on the worker that replaces it.

A worker process can die without any test failing: a native crash in a third-party extension
(once, in CI: glibc's ``realloc(): invalid old size`` while the worker sent a passed test's report).
pytest-xdist then reports that test failed, and with ``--dist loadfile`` its scheduler (3.8.0) puts
the dead worker's finished files back in the queue, where the replacement worker waits on them for
ever (pytest-xdist issues 1313 and 1378): a run that should take minutes hangs until CI kills it.

``LoadFileRetryScheduling`` gives back only the unfinished part of the dead worker's files, and the
test it died in once: the replacement runs it again, and its second result is the one that counts.
A test that takes its worker down twice fails, named in the summary. The first crash shows as
``R`` and ``1 rerun`` in the summary, so no crash goes unseen. The files whose coverage is measured
run again whole, finished or not: a dead worker takes the coverage it had gathered with it, and
``make test`` fails under 95 %.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from contextlib import suppress

import pytest
from xdist.remote import Producer
from xdist.scheduler import LoadFileScheduling
from xdist.workermanage import WorkerController

#: The outcome of a crash that is run again: neither passed nor failed (pytest counts it apart).
RERUN = "rerun"


class LoadFileRetryScheduling(LoadFileScheduling):
    """``--dist loadfile`` whose dead worker's unfinished tests go to its replacement, once each."""

    def __init__(
        self, config: pytest.Config, log: Producer | None, measured: Callable[[str], bool]
    ) -> None:
        super().__init__(config, log)
        self.measured = measured
        self.crashes: Counter[str] = Counter()

    def remove_node(self, node: WorkerController) -> str | None:
        """Give back the unfinished files of a worker that stopped; return the test it died in.

        The base class gives back every file the worker had, finished ones included.
        """
        workload = self.assigned_work.pop(node)
        pending = [
            nodeid for unit in workload.values() for nodeid, done in unit.items() if not done
        ]
        if not pending:
            return None
        for scope, unit in workload.items():
            if self.measured(scope):  # its coverage died with the worker
                workload[scope] = dict.fromkeys(unit, False)
        crashitem = pending[0]  # a worker runs its files and their tests in the order it got them
        self.crashes[crashitem] += 1
        if not self.will_retry(crashitem):
            workload[self._split_scope(crashitem)][crashitem] = True
        for scope, unit in reversed(workload.items()):  # first in the queue, in their order
            if not all(unit.values()):
                self.workqueue[scope] = unit
                self.workqueue.move_to_end(scope, last=False)
        for other in self.assigned_work:
            self._reschedule(other)
        return crashitem

    def _assign_work_unit(self, node: WorkerController) -> None:
        with suppress(OSError):  # the worker died as its work was sent: remove_node gives it back
            super()._assign_work_unit(node)

    def will_retry(self, crashitem: str) -> bool:
        """Whether the test a worker died in runs again: after its first crash, not its second."""
        return self.crashes[crashitem] == 1


def make_scheduler(
    config: pytest.Config, log: Producer, measured: Callable[[str], bool]
) -> LoadFileRetryScheduling | None:
    """The scheduler for ``--dist loadfile``; None leaves any other mode to pytest-xdist.

    ``measured`` tells whether a test file (its node id) is one whose coverage counts.
    """
    if config.getvalue("dist") != "loadfile":
        return None
    return LoadFileRetryScheduling(config, log, measured)


def handle_crash(crashitem: str, report: pytest.TestReport, sched: object) -> None:
    """A first crash is reported as a rerun, not a failure; its second run reports the result."""
    if isinstance(sched, LoadFileRetryScheduling) and sched.will_retry(crashitem):
        report.outcome = RERUN  # type: ignore[assignment]
        report.longrepr = f"{report.longrepr}; running it again on a new worker"
