"""Corpus readers: listing-page text, JSONL/JSON (plain, OpenAlex, Semantic Scholar), CSV, BibTeX, RIS, arXiv Atom/OAI
XML. Raw abstract text is kept byte-for-byte (offsets index it); a BibTeX abstract is its field with the
case-protecting braces and the line wrapping taken out, an OpenAlex abstract is rebuilt from its inverted index.
Papers are de-duplicated by DOI, arXiv id and normalised title, and the merges are reported."""

from __future__ import annotations

import csv
import json
import logging
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .errors import AgentError, CorpusError, first_line
from .schemas import Paper, normal_title
from .settings import resource_dir

SAMPLE_DIR = resource_dir("corpus")
_DATE_RE = re.compile(r"^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}$")
HEADER_LINES = 5
READABLE = (".txt", ".jsonl", ".json", ".csv", ".bib", ".ris", ".xml", ".atom")
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


def _paper(path: Path, tline: int, title: str, aline: int, abstract: str, doi: str = "", arxiv: str = "") -> Paper:
    if not title.strip():
        raise CorpusError(f"{path}:{tline}: empty title")
    if not abstract.strip():
        raise CorpusError(f"{path}:{aline}: empty abstract for {title.strip()[:60]!r}")
    if len(title) > 500:
        raise CorpusError(f"{path}:{tline}: title longer than 500 characters (is the file misaligned?)")
    return Paper.make(title, abstract, f"{path.name}:{tline}", doi=doi, arxiv=arxiv)


def json_lines(path: Path, error: type[AgentError] = CorpusError) -> Iterator[tuple[int, Any]]:
    """(line number, object) for every non-blank line, read a line at a time (a dump of millions of records never
    sits in memory whole); a line that is not UTF-8 or not JSON is `error` naming file and line."""
    try:
        f = path.open("rb")
    except OSError as e:
        raise error(f"{path}: cannot read: {e.strerror}") from e
    with f:
        for n, raw in enumerate(f, 1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                raise error(f"{path}:{n}: not UTF-8 (byte 0x{raw[e.start]:02x})") from e
            if line.strip():
                try:
                    yield n, json.loads(line)
                except json.JSONDecodeError as e:
                    raise error(f"{path}:{n}: invalid JSON: {e.msg}") from e


def inverted_abstract(index: dict[str, list[int]]) -> str:
    """OpenAlex gives an abstract as {word: [positions]}; the words put back in position order."""
    at = {i: w for w, positions in index.items() for i in positions}
    return " ".join(at[i] for i in sorted(at))


def _record(path: Path, n: int, obj: Any) -> tuple[int, str, str, str, str] | None:
    """(line, title, abstract, doi, arxiv) of one JSON record: an OpenAlex work (abstract_inverted_index), a Semantic
    Scholar paper (externalIds), or a plain {title, abstract}; None for something else."""
    if not isinstance(obj, dict):
        return None
    if "abstract_inverted_index" in obj:  # OpenAlex
        index = obj.get("abstract_inverted_index") or {}
        ids = obj.get("ids") or {}
        arxiv = next((str(v) for k, v in ids.items() if "arxiv" in k.lower()), "")
        return (n, str(obj.get("title") or obj.get("display_name") or ""), inverted_abstract(index),
                str(obj.get("doi") or ids.get("doi") or ""), arxiv)
    if "externalIds" in obj or "paperId" in obj:  # Semantic Scholar
        ext = obj.get("externalIds") or {}
        return (n, str(obj.get("title") or ""), str(obj.get("abstract") or ""), str(ext.get("DOI") or ""),
                str(ext.get("ArXiv") or ""))
    if isinstance(obj.get("title"), str) and isinstance(obj.get("abstract"), str):
        return n, obj["title"], obj["abstract"], str(obj.get("doi") or ""), str(obj.get("arxiv") or "")
    return None


def read_jsonl(path: Path) -> list[Paper]:
    """One record a line, read a line at a time: {title, abstract}, an OpenAlex work or a Semantic Scholar paper."""
    found, papers = [], []
    for n, obj in json_lines(path):
        rec = _record(path, n, obj)
        if rec is None:
            raise CorpusError(f"{path}:{n}: each line needs string fields 'title' and 'abstract' (or is an OpenAlex "
                              "work or a Semantic Scholar paper)")
        if "abstract_inverted_index" in obj or "externalIds" in obj or "paperId" in obj:
            found.append(rec)  # an export: entries without an abstract are skipped and counted
        else:
            papers.append(_paper(path, n, rec[1], n, rec[2], rec[3], rec[4]))  # your own file: an empty one is an error
    return papers + _with_abstract(path, found)


def read_json(path: Path) -> list[Paper]:
    """A JSON file: an API page of OpenAlex ({"results": [...]}) or Semantic Scholar ({"data": [...]}), a list of
    records, or one record."""
    try:
        obj = json.loads(_read_text(path))
    except json.JSONDecodeError as e:
        raise CorpusError(f"{path}:{e.lineno}: invalid JSON: {e.msg}") from e
    items = obj.get("results", obj.get("data", [obj])) if isinstance(obj, dict) else obj
    if not isinstance(items, list):
        raise CorpusError(f"{path}:1: expected a list of papers, or an object with 'results' or 'data'")
    found = []
    for i, item in enumerate(items, 1):
        rec = _record(path, i, item)
        if rec is None:
            raise CorpusError(f"{path}: record {i} is not a paper (needs title and abstract)")
        found.append(rec)
    return _with_abstract(path, found)


_ATOM, _ARXIV_OAI = "{http://www.w3.org/2005/Atom}", "{http://arxiv.org/OAI/arXiv/}"


def read_arxiv(path: Path) -> list[Paper]:
    """An arXiv API response (Atom: entry/title, summary, id, arxiv:doi) or an OAI-PMH harvest in the arXiv metadata
    format (arXiv/title, abstract, id, doi), read element by element: a harvest never sits in memory whole."""
    import xml.etree.ElementTree as ET

    found: list[tuple[int, str, str, str, str]] = []
    try:
        for _, el in ET.iterparse(path, events=("end",)):
            if el.tag not in (f"{_ATOM}entry", f"{_ARXIV_OAI}arXiv"):
                continue
            ns = _ATOM if el.tag.startswith(_ATOM) else _ARXIV_OAI
            text = {tag: " ".join((el.findtext(ns + tag) or "").split())
                    for tag in ("title", "summary", "abstract", "id", "doi")}
            doi = text["doi"] or (el.findtext("{http://arxiv.org/schemas/atom}doi") or "").strip()
            found.append((len(found) + 1, text["title"], text["summary"] or text["abstract"], doi, text["id"]))
            el.clear()
    except ET.ParseError as e:
        raise CorpusError(f"{path}:{e.position[0]}: malformed XML ({first_line(e)})") from e
    return _with_abstract(path, found)


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


def _with_abstract(path: Path, found: list[tuple[int, str, str, str, str]]) -> list[Paper]:
    """(line, title, abstract, doi, arxiv) entries. Those without an abstract cannot be extracted or searched:
    skipped, and the user hears how many."""
    kept = [f for f in found if f[1].strip() and f[2].strip()]
    if len(kept) < len(found):
        log.warning("%s: %d of %d entries have no title or abstract; skipped", path, len(found) - len(kept),
                    len(found))
    return [_paper(path, n, t, n, a, doi, arxiv) for n, t, a, doi, arxiv in kept]


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
        title, abstract, doi, eprint = (_bib_text(str(f[k].value)) if k in f else ""
                                        for k in ("title", "abstract", "doi", "eprint"))
        found.append(((e.start_line or 0) + 1, title, abstract, doi, eprint))
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
        found.append((i, " ".join(str(title).split()), str(abstract).strip(), str(entry.get("doi") or ""), ""))
    return _with_abstract(path, found)


def read_path(path: Path) -> list[Paper]:
    if not path.exists():
        raise CorpusError(f"{path}: no such file")
    suffix = path.suffix.lower()
    reader = {".jsonl": read_jsonl, ".json": read_json, ".csv": read_csv, ".bib": read_bibtex, ".ris": read_ris,
              ".xml": read_arxiv, ".atom": read_arxiv}.get(suffix, read_listing)
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
    """Read every file (all are parsed before anything is returned), de-duplicated in first-seen order: one paper
    per DOI, per arXiv id and per normalised title (case, spacing and punctuation aside). A paper seen again keeps
    its first record and remembers every source; the merges are reported, by what matched."""
    files = expand(paths) if paths else sample_paths()
    papers: list[Paper] = []
    keys: dict[tuple[str, str], Paper] = {}
    merged: dict[str, int] = {}
    for f in files:
        for paper in read_path(f):
            mine = [("doi", paper.doi), ("arxiv", paper.arxiv), ("title", normal_title(paper.title))]
            hit = next(((kind, keys[(kind, v)]) for kind, v in mine if v and (kind, v) in keys), None)
            if hit is None:
                papers.append(paper)
                for kind, v in mine:
                    if v:
                        keys.setdefault((kind, v), paper)
                continue
            kind, seen = hit
            merged[kind] = merged.get(kind, 0) + 1
            if seen.abstract != paper.abstract:
                # two texts of one paper: one record holds one of them, so the first stays and the user hears of it
                log.warning("%s: same paper (%s) as %s but a different abstract; kept the first (%s)",
                            ", ".join(paper.sources), kind, ", ".join(seen.sources), paper.title[:60])
            seen.sources.extend(s for s in paper.sources if s not in seen.sources)
            seen.doi, seen.arxiv = seen.doi or paper.doi, seen.arxiv or paper.arxiv
    if merged:
        log.warning("%d duplicate entries merged (%s)", sum(merged.values()),
                    ", ".join(f"{n} by {k}" for k, n in merged.items()))
    return papers
