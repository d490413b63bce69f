"""Streamed rendering: a direct part is produced and deflated in batches, byte-identically."""

from __future__ import annotations

import random
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docxtpl import RichText

from docgen.render import CompiledTemplate, direct, render_plain
from docgen.render.canonical import NotDirect
from docgen.render.zipout import compress_chunks, compress_member, deflate

MARK = direct._BLANK_MARK


def _pieces(data: bytes, seed: int, largest: int) -> list[bytes]:
    """``data`` cut at random places (empty pieces included)."""
    rng = random.Random(seed)
    cuts = sorted(rng.randrange(len(data) + 1) for _ in range(len(data) // max(largest, 1) + 3))
    edges = [0, *cuts, len(data)]
    return [data[a:b] for a, b in zip(edges, edges[1:], strict=False)]


def _xmlish(rows: int) -> bytes:
    rng = random.Random(rows)
    names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Công", "Phạm Đức Dũng"]
    return "".join(
        f'<w:tr><w:tc><w:t>{i}</w:t></w:tc><w:tc><w:t xml:space="preserve">{rng.choice(names)}'
        "</w:t></w:tc></w:tr>"
        for i in range(rows)
    ).encode("utf-8")


DEFLATE_CASES = {
    "empty": (b"", 1),
    "small": (b"<w:t>a</w:t>", 3),
    "xml_1mb": (_xmlish(10_000), 65_536),
    "xml_bytewise": (_xmlish(200), 1),
    "random_300kb": (random.Random(1).randbytes(300_000), 40_000),
    "zeros_200kb": (bytes(200_000), 7_000),
}


@pytest.mark.parametrize(("data", "largest"), DEFLATE_CASES.values(), ids=list(DEFLATE_CASES))
def test_deflate_in_pieces_equals_one_shot(data: bytes, largest: int):
    for seed in range(3):
        pieces = _pieces(data, seed, largest)
        assert b"".join(pieces) == data
        member = compress_chunks("word/document.xml", pieces)
        assert member == compress_member("word/document.xml", data)
        assert member.compressed == deflate(data)
        assert zlib.decompress(member.compressed, -15) == data


def _split_text(text: str, seed: int) -> list[str]:
    rng = random.Random(seed)
    out, start = [], 0
    while start < len(text):
        end = start + rng.choice((0, 1, 1, 2, 3, 5, 8, 13))
        out.append(text[start:end])
        start = end
    return out


def _blank(tag: str, attrs: str = "") -> str:
    return f"<{tag}{attrs}>{MARK}</{tag}>"


BATCH_TEXTS = {
    "no_mark": "<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 30,
    "marks": (
        "<w:tc><w:p><w:r>" + _blank("w:t", ' xml:space="preserve"') + "</w:r></w:p></w:tc>" * 3
    )
    * 25,
    "adjacent_marks": (_blank("w:t") + _blank("w:t", ' a="1"') + "<w:br/>") * 20,
    "mark_first_and_last": _blank("w:t") + "<w:p/>" * 10 + _blank("w:t"),
    "text_without_tags": "chữ " * 40,
}
STRAY_TEXTS = {
    "after_text": "<w:t>a" + MARK + "</w:t>" + "<w:p/>" * 5,
    "after_close_tag": "<w:p/>" * 5 + "<w:t>x</w:t>" + MARK + "</w:r>" + "<w:p/>" * 5,
    "mark_then_element_mark": "<w:p/>" * 3 + "<a>" + MARK + "</a>" + MARK + "<b>" + MARK + "</b>",
    "unclosed": "<w:p/>" * 5 + "<w:t>" + MARK,
    "wrong_close": "<w:p/>" * 4 + "<w:t>" + MARK + "</w:r>" + "<w:p/>" * 4,
}


@pytest.mark.parametrize("text", BATCH_TEXTS.values(), ids=list(BATCH_TEXTS))
def test_batches_resolve_marks_as_the_whole_text(text: str):
    whole = direct._unmark(text)
    assert MARK not in whole
    for seed in range(4):
        pieces = _split_text(text, seed)
        for size in (1, 2, 3, 4, 5, 7, 11, 64, len(pieces) + 1):
            assert "".join(direct._batches(iter(pieces), size)) == whole, (seed, size)


@pytest.mark.parametrize("text", STRAY_TEXTS.values(), ids=list(STRAY_TEXTS))
def test_batches_refuse_stray_marks_as_the_whole_text(text: str):
    with pytest.raises(NotDirect):
        direct._unmark(text)
    for seed in range(4):
        pieces = _split_text(text, seed)
        for size in (1, 2, 3, 5, 8, len(pieces) + 1):
            with pytest.raises(NotDirect):
                "".join(direct._batches(iter(pieces), size))


def _rows_template(tmp: Path) -> Path:
    """A heading with a value and a 3-column table whose middle row repeats per row."""
    doc = Document()
    doc.add_paragraph("Danh sách {{ title }}")
    table = doc.add_table(rows=4, cols=3)
    table.cell(0, 0).text, table.cell(0, 1).text, table.cell(0, 2).text = "STT", "Tên", "Ghi chú"
    table.cell(1, 0).text = "{%tr for r in rows %}"
    cells = table.rows[2].cells
    cells[0].text, cells[1].text, cells[2].text = "{{ r.stt }}", "{{ r.ten }}", "{{ r.ghi_chu }}"
    table.cell(3, 0).text = "{%tr endfor %}"
    doc.add_paragraph("Tổng: {{ rows | length }}")
    path = tmp / "rows.docx"
    doc.save(str(path))
    return path


def _rows(count: int) -> list[dict[str, Any]]:
    names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Công", "Phòng Tài chính & Kế hoạch"]
    return [
        {
            "stt": str(i),
            "ten": names[i % len(names)],
            "ghi_chu": "" if i % 3 else f"ghi chú <{i}>",  # blank marks on 2 rows in 3
        }
        for i in range(1, count + 1)
    ]


@pytest.fixture(scope="module")
def rows_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _rows_template(tmp_path_factory.mktemp("stream"))


@pytest.fixture(scope="module")
def large_context() -> dict[str, Any]:
    return {"title": "cá nhân", "rows": _rows(5_000)}


@pytest.fixture
def slow(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Per direct render that gave up (NotDirect): how many chunks it had produced."""
    seen: list[int] = []
    original = direct.DirectPart.chunks

    def spy(self: direct.DirectPart, *args: Any) -> Iterator[bytes]:
        produced = 0
        try:
            for chunk in original(self, *args):
                produced += 1
                yield chunk
        except NotDirect:
            seen.append(produced)
            raise

    monkeypatch.setattr(direct.DirectPart, "chunks", spy)
    return seen


@pytest.mark.parametrize("batch", [1, 2, 3, 7, 50, 2048], ids=lambda b: f"batch{b}")
def test_streamed_render_equals_one_batch(
    rows_template: Path,
    large_context: dict[str, Any],
    batch: int,
    monkeypatch: pytest.MonkeyPatch,
    slow: list[int],
):
    compiled = CompiledTemplate(rows_template)
    assert compiled.direct_reasons["word/document.xml"] is None
    monkeypatch.setattr(direct, "BATCH", 10**9)  # the whole part as one string, as before
    whole = compiled.render(large_context)
    monkeypatch.setattr(direct, "BATCH", batch)
    assert compiled.render(large_context) == whole
    assert slow == []  # both took the direct path


def test_streamed_render_equals_docxtpl(
    rows_template: Path, large_context: dict[str, Any], slow: list[int]
):
    compiled = CompiledTemplate(rows_template, verify=True)  # direct checked against exact
    assert compiled.render(large_context) == render_plain(rows_template, large_context)
    assert slow == []


@pytest.mark.parametrize(
    "late",
    [{"ten": "dòng\x01"}, {"ghi_chu": RichText("đậm", bold=True)}],
    ids=["control_character", "richtext"],
)
def test_not_direct_late_in_the_stream_falls_back_identically(
    rows_template: Path, large_context: dict[str, Any], late: dict[str, Any], slow: list[int]
):
    rows = list(large_context["rows"])
    rows[4_500] = {**rows[4_500], **late}  # far past the first batches
    context = {**large_context, "rows": rows}
    out = CompiledTemplate(rows_template).render(context)
    assert len(slow) == 1 and slow[0] > 2  # gave up mid-stream, after several batches
    assert out == render_plain(rows_template, context)
