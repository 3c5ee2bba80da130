"""The paper page (`litagent show ID --html`) in a real headless browser: Chromium loads the page built from a
replayed extraction, the test hovers every result row through the page's own script, and the characters the browser
then outlines must be exactly that result's fields, at their offsets in the abstract.

CI installs Chromium (`.ci/run`) and sets LITAGENT_BROWSER_TEST=required, so there the test can only pass or fail;
elsewhere, without Chromium, it is skipped with a reason."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from agent import corpus
from agent.extract import extract
from agent.ingest import extraction_cassettes
from agent.llm import LLM
from agent.settings import Settings
from agent.view import paper_html, spans

PAPERS = ["p-4cc280a809", "p-98b45c45c5", "p-dabb913969"]  # dev papers with "respectively" lists, overlapping fields

# Test-only probe appended to the page: hover each row with the page's own listeners, record what lights up.
PROBE = """<script>
const out = [];
document.querySelectorAll('tr[data-r]').forEach(tr => {
  tr.dispatchEvent(new MouseEvent('mouseenter'));
  const lit = [...document.querySelectorAll('#abstract span.on')].map(s => [+s.dataset.s, +s.dataset.e, s.textContent]);
  out.push({r: +tr.dataset.r, lit});
  tr.dispatchEvent(new MouseEvent('mouseleave'));
});
const pre = document.createElement('pre'); pre.id = 'probe'; pre.textContent = JSON.stringify(out);
document.body.appendChild(pre);
</script></body>"""


def _chromium() -> str:
    exe = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if exe is None:
        if os.environ.get("LITAGENT_BROWSER_TEST") == "required":
            pytest.fail("LITAGENT_BROWSER_TEST=required but no Chromium on PATH")
        pytest.skip("no Chromium on PATH (CI installs it; `apt-get install chromium` here)")
    return exe


@pytest.mark.parametrize("paper_id", PAPERS)
def test_hovering_a_result_lights_exactly_its_fields_in_a_real_browser(paper_id: str, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    exe = _chromium()
    monkeypatch.setenv("LITAGENT_HOME", str(tmp_path / "home"))
    settings = Settings()
    settings.cassette_mode = "replay"
    paper = next(p for p in corpus.load() if p.id == paper_id)
    ex = extract(paper, LLM(settings), extraction_cassettes(settings))
    assert ex.results, "a paper chosen for its results has none"
    page = tmp_path / "page.html"
    page.write_text(paper_html(paper, ex).replace("</body>", PROBE, 1), encoding="utf-8")
    dom = subprocess.run(
        [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
         "--virtual-time-budget=3000", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True).stdout
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert found, "the page's script did not run in the browser"
    probe = json.loads(found.group(1).replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">")
                       .replace("&amp;", "&"))
    assert [p["r"] for p in probe] == list(range(len(ex.results)))
    text = paper.abstract
    for p in probe:
        want = {i for s, e, _, r in spans(ex) if r == p["r"] for i in range(s, e)}
        lit = {i for s, e, _ in p["lit"] for i in range(s, e)}
        assert lit == want  # the browser outlines this result's fields and nothing else
        assert all(shown == text[s:e] for s, e, shown in p["lit"])  # as the abstract's own characters
        r = ex.results[p["r"]]
        assert set(range(r.value_start, r.value_end)) <= lit
