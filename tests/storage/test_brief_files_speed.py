"""Saving and loading a large brief stays far cheaper than plain PyYAML on the same data."""

from __future__ import annotations

import time

import pytest
import yaml

from briefing.storage import FORMAT_VERSION, load_brief, save_brief
from briefing.storage_format import brief_to_data
from tests.core.briefs import big_brief


def _best_of(runs: int, action) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.slow
def test_a_ten_thousand_fact_brief_saves_and_loads_in_under_a_third_of_pure_python_yaml(tmp_path):
    brief = big_brief(10_000)
    assert len(brief.facts) == 10_000
    path = tmp_path / "dossier.brief.yaml"

    def ours() -> None:
        path.unlink(missing_ok=True)  # no backups: measure the save itself
        save_brief(brief, path)
        assert len(load_brief(path).facts) == 10_000

    data = brief_to_data(brief, FORMAT_VERSION)

    def pure_python() -> None:
        text = yaml.dump(data, Dumper=yaml.SafeDumper, sort_keys=False, allow_unicode=True)
        yaml.load(text, Loader=yaml.SafeLoader)  # noqa: S506 - the safe loader

    ratio = _best_of(3, ours) / _best_of(1, pure_python)
    assert load_brief(path) == brief
    assert ratio <= 0.3, f"save + load took {ratio:.2f}x the time of pure-Python PyYAML"
