"""A file a person named is read, or refused with one line that names it and says why."""

from __future__ import annotations

import pytest

from briefing.core.errors import BriefingError
from briefing.storage.files import read_named_file


@pytest.mark.parametrize(("make", "says"), [
    (lambda d: d / "missing.txt", "no such file: {p}"),
    (lambda d: d, "{p} is a folder, not a brief file"),
    (lambda d: (d / "blank.txt").write_text(" \n\t") and d / "blank.txt", "{p} is empty, not a brief file"),
    (lambda d: (d / "big.txt").write_bytes(b"x" * (3 * 1024 * 1024)) and d / "big.txt",
     "{p} is too large for a brief file (3 MB; the limit is 2 MB)"),
])
def test_each_way_a_file_cannot_be_read_is_one_line_naming_it(tmp_path, make, says):
    path = make(tmp_path)
    with pytest.raises(BriefingError) as err:
        read_named_file(path, what="a brief file", limit=2 * 1024 * 1024)
    assert str(err.value) == says.format(p=path)


def test_a_readable_file_comes_back_byte_for_byte(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfText\r\n")
    assert read_named_file(path, what="an article file") == b"\xef\xbb\xbfText\r\n"
