"""Facts about people (designations, commitments, trainings) from the people app's queries.

Called through ``facts.safely``: while the people app cannot answer (no tables yet, a renamed
function), the checks read "không đánh giá được".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from bmnn.inspections.rules import checks as c


def staff_facts(agency: Any, today: dt.date) -> c.StaffFacts:
    from bmnn.inspections.facts import link
    from bmnn.people import queries as people

    holders = tuple(people.active_staff(agency).order_by("full_name").values_list("full_name", flat=True))
    without = tuple(
        people.staff_without_commitment(agency).order_by("full_name").values_list("full_name", flat=True)
    )
    return c.StaffFacts(
        designated_officers=people.designated_officers(agency, today).count(),
        holders=holders,
        without_commitment=without,
        evidence=(link("Danh sách cán bộ", "people:staff_list"),),
    )


def training_facts(agency: Any, today: dt.date) -> c.TrainingFacts:
    from bmnn.inspections.facts import link
    from bmnn.people.models import TrainingSession

    sessions = TrainingSession.objects.filter(
        agency=agency, held_on__year=today.year, held_on__lte=today
    ).count()
    return c.TrainingFacts(today.year, sessions, (link("Tập huấn", "people:training_list"),))
