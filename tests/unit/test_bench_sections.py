"""Each benchmark rewrites only its own section of docs/performance.md."""

from __future__ import annotations

from pathlib import Path

from benchmarks import fleet, harness, remote_bench
from benchmarks.sections import write_section

A = ("<!-- a:begin -->", "<!-- a:end -->")
B = ("<!-- b:begin -->", "<!-- b:end -->")


def section(markers: tuple[str, str], body: str) -> str:
    return f"{markers[0]}\n{body}\n{markers[1]}"


def test_a_section_is_replaced_in_place_and_the_others_kept(tmp_path: Path) -> None:
    doc = tmp_path / "performance.md"
    write_section(doc, *A, section(A, "first A"))
    write_section(doc, *B, section(B, "B"))
    doc.write_text(doc.read_text() + "\nWritten by hand.\n")
    write_section(doc, *A, section(A, "second A"))
    text = doc.read_text()
    assert text.startswith("# Performance\n")
    assert "first A" not in text and text.count("second A") == 1
    assert text.index("second A") < text.index("\nB\n") < text.index("Written by hand.")


def test_the_shipped_document_has_each_benchmarks_markers() -> None:
    text = (Path(__file__).parents[2] / "docs" / "performance.md").read_text(encoding="utf-8")
    for module in (harness, remote_bench, fleet):
        assert module.BEGIN in text and module.END in text, module.__name__
