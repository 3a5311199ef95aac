"""A folder of articles: the good files come in, the rest are listed in one message."""

from __future__ import annotations

import shutil

import pytest

from briefing.core.errors import InputError
from briefing.sources.locations import import_folder, import_locations
from tests.corroborate.stories import GAZETTE, WIRE


def test_a_folder_with_junk_imports_the_articles_and_lists_the_rest_in_one_message(tmp_path):
    shutil.copy(WIRE, tmp_path / "wire.txt")
    shutil.copy(GAZETTE, tmp_path / "gazette.txt")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / ".hidden").write_text("not tried")
    found = import_folder(str(tmp_path))
    assert sorted(label.rsplit("/", 1)[-1] for label, _x in found.articles) == ["gazette.txt", "wire.txt"]
    message = found.problem_message()
    assert message.startswith("skipped 2 files") and "photo.png" in message and "empty.txt" in message
    assert "\n" not in message


def test_a_folder_without_a_single_article_is_an_error(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(InputError, match="no article could be read"):
        import_folder(str(tmp_path))


def test_a_named_file_that_fails_is_an_error_not_a_skip(tmp_path):
    with pytest.raises(InputError):
        import_locations([str(WIRE), str(tmp_path / "no-such-file.txt")])
