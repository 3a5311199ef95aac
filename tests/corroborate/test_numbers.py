"""Figures and dates normalised so that the same amount written two ways meets itself."""

from __future__ import annotations

import pytest

from briefing.corroborate.numbers import date_keys, figures_in


@pytest.mark.parametrize(("one", "other"), [
    ("a $9bn deal", "a deal worth 9 billion dollars"),
    ("9,000 workers", "9000 workers"),
    ("nine workers", "9 workers"),
    ("up 12%", "up 12 per cent"),
])
def test_the_same_figure_written_two_ways_is_filed_under_one_key(one, other):
    (a,), (b,) = figures_in(one), figures_in(other)
    assert a.agrees_with(b) and a.key == b.key


def test_figures_that_differ_only_by_rounding_agree():
    (a,), (b,) = figures_in("almost $6 million"), figures_in("$5.9 million")
    assert a.agrees_with(b)


@pytest.mark.parametrize(("one", "other"), [
    ("3 cases", "4 cases"),
    ("$6.5 billion", "$8 billion"),
    ("12%", "12 workers"),
])
def test_different_figures_or_units_do_not_agree(one, other):
    (a,), (b,) = figures_in(one), figures_in(other)
    assert not a.agrees_with(b)


def test_years_and_ordinals_are_not_figures():
    assert figures_in("In 2020 the band marked its 50th year.") == []


def test_a_day_written_without_its_year_meets_the_full_date():
    assert date_keys("on Feb. 14", []) & date_keys("on 14 February 2026", ["2026-02-14"])
    assert "2026-02-14" in date_keys("", ["2026-02-14"])
