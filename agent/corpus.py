"""Corpus readers: listing-page text, JSONL, CSV, BibTeX, RIS. Raw abstract text is kept byte-for-byte (offsets index
it); a BibTeX abstract is its field with the case-protecting braces and the line wrapping taken out."""

from __future__ import annotations

import csv
import json
import logging
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .errors import AgentError, CorpusError, first_line
from .schemas import Paper
from .settings import resource_dir

SAMPLE_DIR = resource_dir("corpus")
_DATE_RE = re.compile(r"^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}$")
HEADER_LINES = 5
READABLE = (".txt", ".jsonl", ".csv", ".bib", ".ris")
log = logging.getLogger("litagent.corpus")


def sample_paths() -> list[Path]:
    paths = sorted(SAMPLE_DIR.glob("*.txt"))
    if not paths:
        raise CorpusError(f"bundled sample corpus not found under {SAMPLE_DIR}")
    return paths


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise CorpusError(f"{path}: cannot read: {e.strerror}") from e
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise CorpusError(f"{path}:{line}: not UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start})") from e


def read_listing(path: Path) -> list[Paper]:
    """The listing-page format: 5 non-blank header lines (the 5th a date), then title/abstract line pairs."""
    lines = _read_text(path).splitlines()
    items = [(n + 1, line) for n, line in enumerate(lines) if line.strip()]
    if len(items) < HEADER_LINES or not _DATE_RE.match(items[HEADER_LINES - 1][1].strip()):
        raise CorpusError(f"{path}:1: not a listing page (expected {HEADER_LINES} header lines ending in a date)")
    body = items[HEADER_LINES:]
    if len(body) % 2:
        lineno, text = body[-1]
        raise CorpusError(f"{path}:{lineno}: title without an abstract: {text[:60]!r}")
    papers = []
    for (tline, title), (aline, abstract) in zip(body[::2], body[1::2], strict=False):
        papers.append(_paper(path, tline, title, aline, abstract))
    return papers


def _paper(path: Path, tline: int, title: str, aline: int, abstract: str) -> Paper:
    if not title.strip():
        raise CorpusError(f"{path}:{tline}: empty title")
    if not abstract.strip():
        raise CorpusError(f"{path}:{aline}: empty abstract for {title.strip()[:60]!r}")
    if len(title) > 500:
        raise CorpusError(f"{path}:{tline}: title longer than 500 characters (is the file misaligned?)")
    return Paper.make(title, abstract, f"{path.name}:{tline}")


def json_lines(path: Path, error: type[AgentError] = CorpusError) -> list[tuple[int, Any]]:
    """(line number, object) for every non-blank line; a line that is not JSON is `error` naming file and line."""
    rows = []
    for n, line in enumerate(_read_text(path).splitlines(), 1):
        if line.strip():
            try:
                rows.append((n, json.loads(line)))
            except json.JSONDecodeError as e:
                raise error(f"{path}:{n}: invalid JSON: {e.msg}") from e
    return rows


def read_jsonl(path: Path) -> list[Paper]:
    papers = []
    for n, obj in json_lines(path):
        if not isinstance(obj, dict) or not all(isinstance(obj.get(k), str) for k in ("title", "abstract")):
            raise CorpusError(f"{path}:{n}: each line needs string fields 'title' and 'abstract'")
        papers.append(_paper(path, n, obj["title"], n, obj["abstract"]))
    return papers


def read_csv(path: Path) -> list[Paper]:
    rows = csv.reader(_read_text(path).splitlines())
    header = next(rows, None)
    if header is None:
        raise CorpusError(f"{path}:1: empty CSV file")
    cols = [h.strip().lower() for h in header]
    if "title" not in cols or "abstract" not in cols:
        raise CorpusError(f"{path}:1: CSV header needs 'title' and 'abstract' columns, got {header}")
    ti, ai = cols.index("title"), cols.index("abstract")
    papers = []
    for n, row in enumerate(rows, 2):
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(cols):
            raise CorpusError(f"{path}:{n}: expected {len(cols)} fields, got {len(row)}")
        papers.append(_paper(path, n, row[ti], n, row[ai]))
    return papers


def _bib_text(value: str) -> str:
    """A BibTeX field as text: case-protecting braces dropped, whitespace (line wrapping) collapsed."""
    return re.sub(r"\s+", " ", value.replace("{", "").replace("}", "")).strip()


def _with_abstract(path: Path, found: list[tuple[int, str, str]]) -> list[Paper]:
    """Entries without an abstract cannot be extracted or searched: skipped, and the user hears how many."""
    kept = [(n, t, a) for n, t, a in found if t.strip() and a.strip()]
    if len(kept) < len(found):
        log.warning("%s: %d of %d entries have no title or abstract; skipped", path, len(found) - len(kept),
                    len(found))
    return [_paper(path, n, t, n, a) for n, t, a in kept]


def read_bibtex(path: Path) -> list[Paper]:
    """A reference manager's BibTeX export (`title` and `abstract` fields), parsed by bibtexparser."""
    import bibtexparser  # only BibTeX files need it

    library = bibtexparser.parse_string(_read_text(path))
    if library.failed_blocks:
        block = library.failed_blocks[0]
        raise CorpusError(f"{path}:{(block.start_line or 0) + 1}: malformed BibTeX entry ({len(library.failed_blocks)} "
                          "in the file)")
    found = []
    for e in library.entries:
        f = e.fields_dict
        title, abstract = (_bib_text(str(f[k].value)) if k in f else "" for k in ("title", "abstract"))
        found.append(((e.start_line or 0) + 1, title, abstract))
    return _with_abstract(path, found)


def read_ris(path: Path) -> list[Paper]:
    """An RIS export (TI/T1 title, AB/N2 abstract), parsed by rispy."""
    import rispy

    try:
        entries = rispy.loads(_read_text(path))
    except Exception as e:  # rispy raises plain IOError/ValueError subclasses for a malformed file
        raise CorpusError(f"{path}: malformed RIS ({first_line(e)})") from e
    found = []
    for i, entry in enumerate(entries, 1):
        title = entry.get("title") or entry.get("primary_title") or ""
        abstract = entry.get("abstract") or entry.get("notes_abstract") or ""
        found.append((i, " ".join(str(title).split()), str(abstract).strip()))
    return _with_abstract(path, found)


def read_path(path: Path) -> list[Paper]:
    if not path.exists():
        raise CorpusError(f"{path}: no such file")
    suffix = path.suffix.lower()
    reader = {".jsonl": read_jsonl, ".csv": read_csv, ".bib": read_bibtex, ".ris": read_ris}.get(suffix, read_listing)
    papers = reader(path)
    if not papers:  # an empty export is a mistake worth a word, not a run that quietly does nothing
        raise CorpusError(f"{path}: no papers in this file")
    return papers


def expand(paths: Iterable[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(q for q in p.iterdir() if q.suffix.lower() in READABLE))
        else:
            out.append(p)
    return out


def load(paths: Iterable[Path] | None = None) -> list[Paper]:
    """Read every file (all are parsed before anything is returned), de-duplicated by paper id, in first-seen order.

    A paper seen in several files keeps one record and remembers every source.
    """
    files = expand(paths) if paths else sample_paths()
    by_id: dict[str, Paper] = {}
    for f in files:
        for paper in read_path(f):
            seen = by_id.get(paper.id)
            if seen is None:
                by_id[paper.id] = paper
            elif seen.text_hash != paper.text_hash:
                # one title, two abstracts: one id can hold one of them, so the first stays and the user hears of it
                log.warning("%s: same title as %s but a different abstract; kept the first (%s)",
                            ", ".join(paper.sources), ", ".join(seen.sources), paper.title[:60])
            else:
                seen.sources.extend(s for s in paper.sources if s not in seen.sources)
    return list(by_id.values())
