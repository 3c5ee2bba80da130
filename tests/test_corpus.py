import json
import re
from pathlib import Path

import pytest

from agent import corpus
from agent.errors import CorpusError
from agent.schemas import paper_id

HEADER = "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nbyAK and the research community\n\nMar 12\n\n"


def test_bundled_corpus_has_160_unique_papers_and_remembers_both_sources() -> None:
    papers = corpus.load()
    assert len(papers) == 160
    assert len({p.id for p in papers}) == 160
    both = [p for p in papers if len(p.sources) == 2]
    assert len(both) == 8
    assert all(p.abstract.strip() and p.title.strip() for p in papers)


def test_paper_id_matches_gold_scheme() -> None:
    assert paper_id("Understanding the Role of Optimization in Double Descent") == "p-df76f129ab"
    assert paper_id("  Understanding the Role of Optimization in Double Descent \n") == "p-df76f129ab"


def test_listing_keeps_raw_abstract_text(tmp_path: Path) -> None:
    raw = "We get 40times faster, by3.1\\% with \\textbf{X}."
    f = tmp_path / "a.txt"
    f.write_text(HEADER + "A Title\n\n" + raw + "\n")
    [p] = corpus.read_listing(f)
    assert p.abstract == raw and p.sources == ["a.txt:11"]


def test_listing_title_without_abstract_names_file_and_line(tmp_path: Path) -> None:
    f = tmp_path / "bad.txt"
    f.write_text(HEADER + "T1\n\nA1\n\nOrphan title\n")
    with pytest.raises(CorpusError, match=r"bad.txt:15: title without an abstract"):
        corpus.read_listing(f)


def test_listing_without_header_is_rejected(tmp_path: Path) -> None:
    f = tmp_path / "x.txt"
    f.write_text("Title\n\nAbstract\n")
    with pytest.raises(CorpusError, match=r"x.txt:1: not a listing page"):
        corpus.read_listing(f)


def test_non_utf8_names_file_and_line(tmp_path: Path) -> None:
    f = tmp_path / "latin.txt"
    f.write_bytes((HEADER + "Title\n\nCaf").encode() + b"\xe9 bad\n")
    with pytest.raises(CorpusError, match=r"latin.txt:13: not UTF-8"):
        corpus.load([f])


def test_jsonl_reader_and_errors(tmp_path: Path) -> None:
    f = tmp_path / "c.jsonl"
    f.write_text('{"title": "T1", "abstract": "A1 gives 3%."}\n\n{"title": "T2", "abstract": "A2"}\n')
    assert [p.title for p in corpus.load([f])] == ["T1", "T2"]
    f.write_text('{"title": "T1", "abstract": "A1"}\n{"title": "T2", "abstract": "   "}\n')
    with pytest.raises(CorpusError, match=r"c.jsonl:2: empty abstract"):
        corpus.load([f])
    f.write_text('{"title": "T1", "abstract": "A1"}\n{oops\n')
    with pytest.raises(CorpusError, match=r"c.jsonl:2: invalid JSON"):
        corpus.load([f])


def test_csv_reader_and_errors(tmp_path: Path) -> None:
    f = tmp_path / "c.csv"
    f.write_text('id,title,abstract\n1,T1,"A1, with a comma"\n')
    [p] = corpus.load([f])
    assert p.abstract == "A1, with a comma"
    f.write_text("name,text\nx,y\n")
    with pytest.raises(CorpusError, match=r"c.csv:1: CSV header needs"):
        corpus.load([f])


def test_duplicates_across_files_are_merged(tmp_path: Path) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text('{"title": "Same", "abstract": "X"}\n')
    b.write_text('{"title": "Same", "abstract": "X"}\n{"title": "Other", "abstract": "Y"}\n')
    papers = corpus.load([a, b])
    assert [p.title for p in papers] == ["Same", "Other"]
    assert papers[0].sources == ["a.jsonl:1", "b.jsonl:1"]


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="no such file"):
        corpus.load([tmp_path / "nope.txt"])


SAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "samples"


def test_bibtex_export_is_read_with_braces_and_wrapping_taken_out(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("WARNING", logger="litagent.corpus"):
        papers = corpus.load([SAMPLES / "refs.bib"])
    bundled = {p.id: p for p in corpus.load()}
    assert [p.id for p in papers] == ["p-4cc280a809", "p-2d174b4937", "p-0acf895ec2"]  # the same ids as the corpus
    assert papers[0].abstract == bundled["p-4cc280a809"].abstract  # wrapped lines joined back exactly
    assert "\\textbfLved Sign Momentum" in papers[2].abstract  # braces are markup in BibTeX, not text
    assert papers[0].sources == ["refs.bib:1"]
    assert "1 of 4 entries have no title or abstract; skipped" in caplog.text


@pytest.mark.parametrize(("name", "text", "message"), [
    ("bad.bib", "@article{ok, title = {T}, abstract = {A.}}\n\n@article{broken,\n  title = {No end\n",
     ":3: malformed BibTeX entry"),
    ("bad.atom", '<feed xmlns="http://www.w3.org/2005/Atom">\n<entry><title>T</title>\n</feed>\n', ":3: malformed XML"),
])
def test_a_malformed_export_names_file_and_line(tmp_path: Path, name: str, text: str, message: str) -> None:
    f = tmp_path / name
    f.write_text(text)
    with pytest.raises(CorpusError, match=rf"^{re.escape(str(f) + message)}"):
        corpus.load([f])


def test_ris_export_is_read_and_a_folder_includes_bib_and_ris(tmp_path: Path) -> None:
    papers = corpus.load([SAMPLES / "refs.ris"])
    bundled = {p.id: p for p in corpus.load()}
    assert [p.abstract for p in papers] == [bundled[p.id].abstract for p in papers] and len(papers) == 3
    both = corpus.load([SAMPLES])  # a folder: every readable file in it, de-duplicated
    each = {p.id for f in corpus.expand([SAMPLES]) for p in corpus.load([f])}
    # one Semantic Scholar record (another title's case) is an arXiv entry's paper, by its arXiv id
    assert {p.id for p in papers} <= {p.id for p in both} and len(both) == len(each) - 1
    assert any(s.startswith("refs.bib:") for p in both for s in p.sources)


SAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "samples"


@pytest.mark.parametrize(("name", "ids"), [
    ("arxiv.atom", [("10.48550/arxiv.2401.00000", "2401.00000"), ("", "2401.00001"), ("", "2401.00002")]),
    ("openalex.json", [("10.9999/sample.0", ""), ("10.9999/sample.1", ""), ("10.9999/sample.2", "")]),
    ("s2.jsonl", [("10.9999/s2.0", ""), ("10.9999/s2.1", ""), ("", "2401.00000")]),
])
def test_arxiv_openalex_and_semantic_scholar_exports(name: str, ids: list[tuple[str, str]]) -> None:
    papers = corpus.load([SAMPLES / name])
    assert [(p.doi, p.arxiv) for p in papers] == ids
    bundled = {p.title: p.abstract for p in corpus.load()}
    for p in papers:  # the samples are bundled papers: each abstract read back exactly (OpenAlex: from its index)
        assert bundled[next(t for t in bundled if t.lower() == p.title.lower())] == p.abstract


def test_openalex_abstract_is_rebuilt_from_its_inverted_index() -> None:
    assert corpus.inverted_abstract({"fast": [1], "We": [0], "clustering.": [3], "k-means": [2]}) == \
        "We fast k-means clustering."


def test_one_paper_per_doi_arxiv_id_and_normalised_title(tmp_path: Path, caplog) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "a.jsonl"
    rows = [{"title": "Fast Clustering", "abstract": "A.", "doi": "https://doi.org/10.1/X"},
            {"title": "Fast clustering!", "abstract": "A."},                                  # same title, normalised
            {"title": "Another Title Entirely", "abstract": "A.", "doi": "10.1/x"},          # same DOI
            {"title": "Sparse Retrieval", "abstract": "B.", "arxiv": "arXiv:2101.00001v3"},
            {"title": "Sparse Retrieval, v2", "abstract": "B.", "arxiv": "http://arxiv.org/abs/2101.00001v1"}]
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    papers = corpus.load([f])
    assert [p.title for p in papers] == ["Fast Clustering", "Sparse Retrieval"]
    assert papers[0].doi == "10.1/x" and papers[1].arxiv == "2101.00001" and len(papers[0].sources) == 3
    assert "3 duplicate entries merged (1 by title, 1 by doi, 1 by arxiv)" in caplog.text
