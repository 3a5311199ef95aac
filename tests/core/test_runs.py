"""Rows group into blocks exactly where they are consecutive: each block becomes one view update."""

from __future__ import annotations

import pytest

from briefing.core.runs import consecutive_runs, run_length, section_runs
from briefing.core.section import Placement


@pytest.mark.parametrize(("rows", "runs"), [
    ([], []),
    ([4], [(4, 4)]),
    ([0, 1, 2], [(0, 2)]),
    ([0, 2, 3, 7], [(0, 0), (2, 3), (7, 7)]),
])
def test_consecutive_rows_form_one_run_and_a_gap_starts_another(rows, runs):
    assert consecutive_runs(rows) == runs


def test_a_run_never_spans_two_sections_even_when_the_rows_follow_on():
    assert section_runs([(0, 3), (0, 4), (1, 5), (1, 6), (1, 8)]) == [(0, 3, 4), (1, 5, 6), (1, 8, 8)]


@pytest.mark.parametrize(("ids", "k", "first", "length"), [
    (["b", "c", "d"], 0, 1, 3),  # b c d stand in that order from row 1
    (["b", "d"], 0, 1, 1),  # c stands between them
    (["c", "b"], 0, 2, 1),  # the order given is not the order held
    (["x", "d", "e"], 1, 3, 2),  # counted from k, up to the end of the section
])
def test_a_block_runs_as_far_as_the_ids_already_stand_in_order(ids, k, first, length):
    placements = [Placement(id=pid, fact_id=f"f{pid}") for pid in "abcde"]
    assert run_length(placements, first, ids, k) == length
