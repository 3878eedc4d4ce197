"""Build-time data per KPI (issue 17's layout). Until the registry lands here, :data:`NEW` lists the six
terms of issue 21 by slug for the existing tables (sitebuild.examples, the table-arithmetic test)."""

from types import ModuleType

from . import (
    agent_attrition,
    agent_utilization,
    average_speed_of_answer,
    customer_satisfaction,
    schedule_adherence,
    shrinkage,
)

NEW: dict[str, ModuleType] = {
    module.__name__.rpartition(".")[2].replace("_", "-"): module
    for module in (
        agent_attrition,
        average_speed_of_answer,
        shrinkage,
        agent_utilization,
        schedule_adherence,
        customer_satisfaction,
    )
}
