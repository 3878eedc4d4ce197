"""One module per KPI (issue 17's layout). Until the registry lands here, the six new terms of issue 21
are registered in :data:`calculators.specs.SPECS`; importing this package first loads that registry, so
the modules and the registry import in one order whichever is imported first."""

from .. import specs as _specs  # noqa: F401
