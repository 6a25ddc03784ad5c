import datetime as dt

import pytest

from bmnn.inspections import checklist
from bmnn.inspections.rules import automatic


def test_the_checklist_in_force_is_chosen_by_the_inspection_date():
    assert checklist.for_date(dt.date(2025, 12, 1)).version.startswith("2018")
    assert checklist.for_date(dt.date(2026, 3, 1)).version.startswith("2025")


@pytest.mark.parametrize("version", checklist.all_versions(), ids=lambda v: v.version)
def test_every_question_cites_a_basis_and_every_automatic_item_exists(version):
    for q in version.questions:
        assert q.basis.strip() and q.question.strip()
        assert not q.auto or q.auto in automatic.EVALUATORS


def test_a_malformed_checklist_file_is_refused():
    with pytest.raises(checklist.ChecklistError):
        checklist.parse({"version": "x", "questions": [{"code": "A"}]})
