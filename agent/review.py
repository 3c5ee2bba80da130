"""Literature-review tables: papers x columns, every non-empty cell backed by a verbatim quote with offsets.

Built-in columns fill from the stored extraction with no model call. Free columns are filled by one
schema-constrained call per paper that, for each column, picks the sentence that states it (or -1) and writes a
short value; code takes the quote and offsets from the picked sentence and rejects a value it cannot find there
(a number not in the sentence, a yes/no that is neither). What the abstract does not support stays empty.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, Field, create_model

from . import prompts
from .errors import AgentError, UsageError
from .fields import content_words, ground
from .llm import LLM
from .numbers import Sentence, find_candidates, sentences
from .retrieve import CHANNELS, RRF_K, Retriever
from .schemas import Extraction, Paper, Usage
from .store import Store

# A paper every retrieval channel ranks in its top 4 (on average) is on the topic: on the dev "which papers"
# questions channel consensus at rank 4 was right 21 of 21 times.
CONSENSUS_RANK = 4
ColumnType = Literal["text", "number", "list", "yes-no"]
BUILTIN = {"title", "claims", "results"}


class Column(BaseModel):
    name: str
    instruction: str = ""
    type: ColumnType = "text"

    @property
    def builtin(self) -> bool:
        return self.name.lower() in BUILTIN or self.name.lower().startswith("results:")


class Cell(BaseModel):
    value: str
    quote: str
    start: int
    end: int
    # where the value stands in the abstract when it is a span of its quote (free columns); None for built-in cells
    # and yes/no answers
    value_start: int | None = None
    value_end: int | None = None


class Row(BaseModel):
    paper_id: str
    title: str
    cells: dict[str, Cell | None]


class ReviewTable(BaseModel):
    columns: list[str]
    rows: list[Row]
    usage: Usage = Field(default_factory=Usage, exclude=True)
    dropped: int = Field(0, exclude=True)
    unextracted: list[str] = Field(default_factory=list, exclude=True,
                                   description="rows whose paper is indexed but not extracted yet: their built-in "
                                   "claims/results cells are empty for that reason, free columns read the text")


def parse_columns(spec: str | None, file: Path | None) -> list[Column]:
    cols: list[Column] = []
    if file is not None:
        try:
            data = yaml.safe_load(file.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as e:
            raise UsageError(f"{file}: cannot read the column file: {e}") from e
        if not isinstance(data, list):
            raise UsageError(f"{file}: expected a list of columns ({{name, instruction, type}} or names)")
        for item in data:
            try:
                cols.append(Column(name=item) if isinstance(item, str) else Column.model_validate(item))
            except ValueError as e:
                raise UsageError(f"{file}: bad column {item!r}: {e}") from e
    if spec:
        cols += [Column(name=n.strip()) for n in spec.split(",") if n.strip()]
    if not cols:
        raise UsageError("give columns with --columns or --columns-file")
    names = [c.name.lower() for c in cols]
    if len(set(names)) != len(names):
        raise UsageError("column names must be unique")
    return cols


def select_papers(store: Store, topic: str | None, ids: list[str] | None, k: int = 10) -> list[Paper]:
    """Explicit ids, else papers on a topic (the retrieval channels agree, as for "which papers" questions),
    else every paper."""
    if ids:
        return [store.get(i)[0] for i in ids]
    if topic:
        hits = Retriever(store).search(topic, k=k)
        chosen = [h.paper for h in hits if h.score >= CHANNELS / (RRF_K + CONSENSUS_RANK)]
        return chosen or [h.paper for h in hits[:1]]
    return [p for p, _ in store.records()]


def _builtin_cell(col: Column, paper: Paper, ex: Extraction | None) -> Cell | None:
    name = col.name.lower()
    if name == "title":
        return Cell(value=paper.title, quote="", start=-1, end=-1)
    if ex is None:
        return None
    if name == "claims" and ex.claims:
        c = ex.claims[0]
        return Cell(value=" | ".join(x.text for x in ex.claims), quote=c.quote, start=c.start, end=c.end)
    if name.startswith("results"):
        want = name.partition(":")[2].strip()
        rs = [r for r in ex.results if want in f"{r.metric} {r.metric_family} {r.dataset_or_task}".lower()]
        if rs:
            return Cell(value="; ".join(f"{r.value_text} {r.metric}".strip() for r in rs), quote=rs[0].quote,
                        start=rs[0].start, end=rs[0].end)
    return None


def _row_model(cols: list[Column], n_sentences: int) -> type[BaseModel]:
    sid = Literal[tuple(range(-1, n_sentences))]  # type: ignore[valid-type]
    cell = create_model("CellPick", s=(sid, ...), value=(str, Field(max_length=160)))  # type: ignore[arg-type]
    return create_model("ReviewRow", **{f"c{i}": (cell, Field(alias=c.name)) for i, c in enumerate(cols)})  # type: ignore[call-overload]


def _accept(col: Column, value: str, abstract: str, s: Sentence) -> Cell | None:
    """The cell, when its value can be read from its sentence: a yes/no literal, or a span of the sentence that
    holds at least half of the value's content words (every number of a number column's value), which becomes the
    value itself, with its offsets. Else None: the model's words are not what the sentence says."""
    quote = Cell(value="", quote=s.text, start=s.start, end=s.end)
    if col.type == "yes-no":
        return quote.model_copy(update={"value": value.lower()}) if value.lower() in ("yes", "no") else None
    span = ground(value, abstract, s)
    if span is None or not (s.start <= span.start and span.end <= s.end):
        return None
    want, got = content_words(value), content_words(span.text)
    if 2 * len(want & got) < len(want):
        return None
    nums = [n.value for n in find_candidates(value)]
    if (col.type == "number" or nums) and not (nums and all(
            any(abs(n - q.value) < 1e-9 for q in find_candidates(span.text)) for n in nums)):
        return None
    return quote.model_copy(update={"value": span.text, "value_start": span.start, "value_end": span.end})


def build(store: Store, llm: LLM, papers: list[Paper], cols: list[Column],
          cassette_dir: Path | None = None) -> ReviewTable:
    free = [c for c in cols if not c.builtin]
    table = ReviewTable(columns=[c.name for c in cols], rows=[])
    col_key = hashlib.sha1(json.dumps([c.model_dump() for c in free]).encode()).hexdigest()[:8]
    for paper in papers:
        ex = store.get(paper.id)[1]
        if ex is None:
            table.unextracted.append(paper.id)
        cells: dict[str, Cell | None] = {c.name: _builtin_cell(c, paper, ex) for c in cols if c.builtin}
        if free:
            sents = sentences(paper.abstract)
            listing = "\n".join(f"- {c.name} ({c.type}){': ' + c.instruction if c.instruction else ''}" for c in free)
            out, usage = llm.structured(
                prompts.load("review"),
                {"title": paper.title, "sentences": " ".join(f"[S{s.id}] {s.text}" for s in sents),
                 "columns": listing},
                _row_model(free, len(sents)), max_tokens=80 + 60 * len(free),
                cassette_path=(cassette_dir / f"{paper.id}-{col_key}.yaml") if cassette_dir else None,
            )
            table.usage.add(usage)
            for i, c in enumerate(free):
                pick = getattr(out, f"c{i}")
                value = pick.value.strip()
                if pick.s < 0 or not value:
                    cells[c.name] = None
                    continue
                s = sents[pick.s]
                if paper.abstract[s.start:s.end] != s.text:  # verbatim by construction; checked all the same
                    raise AgentError(f"quote check failed at {paper.id}:{s.start}:{s.end}")
                cells[c.name] = _accept(c, value, paper.abstract, s)
                table.dropped += cells[c.name] is None
        table.rows.append(Row(paper_id=paper.id, title=paper.title, cells={c.name: cells[c.name] for c in cols}))
    return table


NOT_REPORTED = "not reported"


def to_json(t: ReviewTable) -> str:
    return json.dumps(t.model_dump(), indent=2, ensure_ascii=False)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula (=HYPERLINK(...), @SUM(...)) is written with a leading
    apostrophe, the OWASP remedy: shown as text, never evaluated. Numbers stay numbers."""
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def to_markdown(t: ReviewTable) -> str:
    def esc(s: str) -> str:
        # Markdown renders raw HTML: paper text is shown as text, never as tags (<script>, <img onerror>)
        return html.escape(s, quote=False).replace("|", "\\|").replace("\n", " ")

    head = ["paper"] + t.columns
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in t.rows:
        vals = [esc(r.cells[c].value) if r.cells[c] else f"_{NOT_REPORTED}_" for c in t.columns]  # type: ignore[union-attr]
        lines.append(f"| {r.paper_id} | " + " | ".join(vals) + " |")
    return "\n".join(lines) + "\n"


def to_csv(t: ReviewTable) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["paper_id", "title"] + [f"{c}{suffix}" for c in t.columns
                                        for suffix in ("", " quote", " start", " end")])
    for r in t.rows:
        row: list[Any] = [r.paper_id, r.title]
        for c in t.columns:
            cell = r.cells[c]
            row += [cell.value, cell.quote, cell.start, cell.end] if cell else ["", "", "", ""]
        w.writerow([csv_safe(v) for v in row])
    return buf.getvalue()


def to_html(t: ReviewTable, abstracts: dict[str, str]) -> str:
    """One self-contained page: hover or click a cell and its quote is shown highlighted in the abstract;
    `#cell-N` in the address selects the Nth quoted cell on load."""
    e = html.escape
    head = "".join(f"<th>{e(c)}</th>" for c in ["paper"] + t.columns)
    body = []
    for r in t.rows:
        tds = [f"<td>{e(r.title)}<br><code>{e(r.paper_id)}</code></td>"]
        for c in t.columns:
            cell = r.cells[c]
            if cell is None:
                tds.append(f'<td class="nr">{NOT_REPORTED}</td>')
            elif cell.start < 0:
                tds.append(f"<td>{e(cell.value)}</td>")
            else:
                span = (f' data-vs="{cell.value_start}" data-ve="{cell.value_end}"'
                        if cell.value_start is not None else "")
                tds.append(f'<td class="q" tabindex="0" data-p="{e(r.paper_id)}" data-s="{cell.start}" '
                           f'data-e="{cell.end}"{span} title="{e(cell.quote)}">{e(cell.value)}</td>')
        body.append("<tr>" + "".join(tds) + "</tr>")
    # Every "<" in the data is written as \u003c: "</script>" would close the script element early and "<!--"
    # would make the parser swallow the rest of the page; JSON reads \u003c back as "<".
    data = json.dumps({r.paper_id: abstracts[r.paper_id] for r in t.rows}, ensure_ascii=False).replace("<", "\\u003c")
    rows = "\n".join(body)
    return f"""<!doctype html>
<html><head><meta charset="utf-8"><title>litagent review</title><style>
body{{font:14px/1.4 system-ui,sans-serif;margin:1.5em;display:flex;gap:1.5em}}
table{{border-collapse:collapse;flex:3}} th,td{{border:1px solid #ccc;padding:.4em;vertical-align:top}}
th{{background:#f3f3f3}} td.q{{cursor:pointer;background:#eef6ff}} td.q:hover,td.q.on{{background:#cfe6ff}}
td.nr{{color:#999;font-style:italic}} #src{{flex:2;position:sticky;top:1em;align-self:flex-start}}
mark{{background:#ffe066}} b.v{{background:#ffb000}}
</style></head><body>
<table><thead><tr>{head}</tr></thead><tbody>
{rows}
</tbody></table>
<div id="src"><h3>Source</h3><p id="abs">Click a cell to see its quote in the abstract.</p></div>
<script>
const A = {data};
function esc(s){{return s.replace(/[&<>]/g,c=>({{'&':'&amp;','<':'&lt;','>':'&gt;'}})[c]);}}
function show(td){{
  document.querySelectorAll('td.on').forEach(x=>x.classList.remove('on')); td.classList.add('on');
  const a = A[td.dataset.p], s = +td.dataset.s, e = +td.dataset.e;
  // the value itself, a span of the quote, is marked inside it
  const vs = td.dataset.vs === undefined ? s : +td.dataset.vs;
  const ve = td.dataset.ve === undefined ? s : +td.dataset.ve;
  const inner = esc(a.slice(s,vs)) + (ve > vs ? '<b class="v">' + esc(a.slice(vs,ve)) + '</b>' : '')
    + esc(a.slice(ve,e));
  document.getElementById('abs').innerHTML = esc(a.slice(0,s)) + '<mark>' + inner + '</mark>' + esc(a.slice(e));
}}
const cells = document.querySelectorAll('td.q');
cells.forEach(td=>{{td.addEventListener('click',()=>show(td)); td.addEventListener('mouseenter',()=>show(td));}});
const m = location.hash.match(/^#cell-(\\d+)$/);  // a link can open with a cell selected
if (m && cells[+m[1]]) show(cells[+m[1]]);
</script></body></html>
"""
