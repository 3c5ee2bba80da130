"""One paper's extraction as a self-contained HTML page: every field highlighted where it stands in the abstract."""

from __future__ import annotations

import html

from .schemas import Extraction, Paper

# class of each kind of span, and its colour on the page
KINDS = {"claim": "#eef6ff", "value": "#ffb000", "metric": "#b8e6b8", "dataset": "#f7c6e0", "baseline": "#d9d2f7"}


def spans(ex: Extraction) -> list[tuple[int, int, str, int]]:
    """(start, end, kind, result index or -1 for a claim) for every grounded field of the extraction."""
    out = [(c.start, c.end, "claim", -1) for c in ex.claims]
    for i, r in enumerate(ex.results):
        out.append((r.value_start, r.value_end, "value", i))
        for kind, span in (("metric", r.metric_span), ("dataset", r.dataset_span), ("baseline", r.baseline_span)):
            if span is not None:
                out.append((span[0], span[1], kind, i))
    return out


def paper_html(paper: Paper, ex: Extraction) -> str:
    """The abstract cut into runs of characters covered by the same fields (so overlapping fields never nest
    wrongly): each run a <span> whose classes name its kinds and whose data-r lists the results it belongs to;
    hovering a result's row lights up its spans."""
    text, e = paper.abstract, html.escape
    marks = spans(ex)
    cuts = sorted({0, len(text)} | {p for s, t, _, _ in marks for p in (s, t)})
    runs = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        on = [(k, i) for s, t, k, i in marks if s <= a and b <= t]
        if not on:
            runs.append(e(text[a:b]))
            continue
        kinds = " ".join(sorted({k for k, _ in on}))
        rs = " ".join(sorted({str(i) for _, i in on if i >= 0}))
        runs.append(f'<span class="{kinds}" data-r="{rs}" data-s="{a}" data-e="{b}">{e(text[a:b])}</span>')
    rows = []
    for i, r in enumerate(ex.results):
        rows.append(f'<tr data-r="{i}"><td><b>{e(r.value_text)}</b></td><td>{e(r.unit)}</td>'
                    f'<td>{e(r.metric)}</td><td>{e(r.metric_family)}</td><td>{e(r.dataset_or_task)}</td>'
                    f'<td>{e(r.baseline_or_comparison)}</td></tr>')
    claims = "".join(f"<li>[{e(c.type)}] {e(c.text)}</li>" for c in ex.claims)
    css = " ".join(f".{k}{{background:{c}}}" for k, c in KINDS.items())
    legend = " ".join(f'<span class="{k}">{k}</span>' for k in KINDS)
    return f"""<!doctype html>
<html><head><meta charset="utf-8"><title>{e(paper.title)}</title><style>
body{{font:15px/1.6 system-ui,sans-serif;margin:2em auto;max-width:60em}} {css}
.on{{outline:2px solid #333}} table{{border-collapse:collapse}} td,th{{border:1px solid #ccc;padding:.3em .5em}}
tr[data-r]:hover{{background:#f6f6f6;cursor:default}}
</style></head><body>
<h2>{e(paper.title)}</h2><p><code>{e(paper.id)}</code> &nbsp; {legend}</p>
<p id="abstract">{"".join(runs)}</p>
<h3>Numeric results</h3>
<table><thead><tr><th>value</th><th>unit</th><th>metric</th><th>family</th><th>dataset / task</th>
<th>baseline</th></tr></thead><tbody>
{"".join(rows)}
</tbody></table>
<h3>Claims</h3><ul>{claims}</ul>
<script>
document.querySelectorAll('tr[data-r]').forEach(tr => {{
  const mine = () => document.querySelectorAll('#abstract span[data-r]');
  tr.addEventListener('mouseenter', () => mine().forEach(
    s => s.dataset.r.split(' ').includes(tr.dataset.r) && s.classList.add('on')));
  tr.addEventListener('mouseleave', () => mine().forEach(s => s.classList.remove('on')));
}});
</script></body></html>
"""
