"""docgen.render: compiled output equals docxtpl's, deterministic zips, template checks."""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
import pytest
from docx import Document
from docx.shared import Mm
from docxtpl import InlineImage, Listing, RichText

from docgen.render import (
    CompiledTemplate,
    compile_file,
    make_env,
    parts_equal,
    render_plain,
    syntax_errors,
    undeclared_variables,
)
from docgen.render.zipout import compress_member, write_zip

Builder = Callable[[Any], None]  # fills a python-docx Document


def _png() -> bytes:
    """A valid 1x1 white PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def _paragraph(doc: Any) -> None:
    doc.add_paragraph("Hello {{ name }}!")


def _bold_runs(doc: Any) -> None:
    par = doc.add_paragraph("Kính gửi: ")
    for text in ("{{ ", "name", " }}"):
        par.add_run(text).bold = True
    par.add_run(" - {{ org }}")


def _p_loop(doc: Any) -> None:
    doc.add_paragraph("Danh sách:")
    for text in ("{%p for x in items %}", "Mục: {{ x }}", "{%p endfor %}", "Hết."):
        doc.add_paragraph(text)


def _table(doc: Any, header: bool) -> None:
    table = doc.add_table(rows=4 if header else 3, cols=2)
    rows = table.rows[1:] if header else table.rows
    if header:
        table.cell(0, 0).text, table.cell(0, 1).text = "STT", "Họ và tên"
    rows[0].cells[0].text = "{%tr for r in rows %}"
    rows[1].cells[0].text, rows[1].cells[1].text = "{{ r.a }}", "{{ r.b }}"
    rows[2].cells[0].text = "{%tr endfor %}"


def _tc_loop(doc: Any) -> None:
    table = doc.add_table(rows=1, cols=3)
    texts = ("Đầu", "{%tc for c in items %}{{ c }}", "{%tc endfor %}")
    for cell, text in zip(table.rows[0].cells, texts, strict=True):
        cell.text = text


def _header_footer(doc: Any) -> None:
    section = doc.sections[0]
    section.header.paragraphs[0].text = "Đơn vị: {{ org }}"
    section.footer.paragraphs[0].text = "Trang của {{ name }}"
    doc.add_paragraph("Thân: {{ name }}")


def _static_header(doc: Any) -> None:
    section = doc.sections[0]
    section.header.paragraphs[0].text = "Ủy ban nhân dân phường & {không phải thẻ}"
    section.footer.paragraphs[0].text = "Trang của {{ name }}"
    doc.add_paragraph("Thân: {{ name }}")


def _inline_if(doc: Any) -> None:
    doc.add_paragraph("Ông{% if female %}/Bà{% endif %} {{ name }}")


def _picture(doc: Any, tmp: Path) -> None:
    path = tmp / "pixel.png"
    path.write_bytes(_png())
    doc.add_paragraph("Ảnh {{ name }}")
    doc.add_picture(str(path), width=Mm(5))


def _listing(doc: Any) -> None:
    doc.add_paragraph("Ghi chú: {{ note }}")


def _build(tmp: Path, name: str) -> Path:
    doc = Document()
    builders: dict[str, Builder] = {
        "paragraph": _paragraph,
        "bold_runs": _bold_runs,
        "p_loop": _p_loop,
        "tr_loop": lambda d: _table(d, header=True),
        "tr_loop_no_header": lambda d: _table(d, header=False),
        "tc_loop": _tc_loop,
        "header_footer": _header_footer,
        "static_header": _static_header,
        "inline_if": _inline_if,
        "picture": lambda d: _picture(d, tmp),
        "listing": _listing,
    }
    builders[name](doc)
    path = tmp / f"{name}.docx"
    doc.save(str(path))
    return path


BASE = {
    "name": "Nguyễn Văn An",
    "org": "Sở Nội vụ",
    "items": ["một", "hai", "ba"],
    "rows": [{"a": 1, "b": "Trần Thị B"}, {"a": 2, "b": "Lê C"}],
    "female": True,
    "note": "không",
}
CONTEXTS: dict[str, dict[str, Any]] = {
    "base": {},
    "escaping": {"name": "A & B <c> \"q\" 's' &#34;", "org": "{{ x }} {% y %}"},
    "empty": {"name": "", "org": "", "items": [], "rows": []},
    "empty_values": {"items": ["", " "], "rows": [{"a": "", "b": None}], "female": False},
    "newline_tab": {"name": "dòng 1\ndòng 2\tcột", "note": "a\fb"},
    "underscore": {"name": "a_b", "org": "{_{ 50%_} _x"},
    "control": {"name": "x\ry"},
    "richtext": {"name": RichText("đậm", bold=True), "note": Listing("a\nb")},
}
TEMPLATES = [
    "paragraph",
    "bold_runs",
    "p_loop",
    "tr_loop",
    "tr_loop_no_header",
    "tc_loop",
    "header_footer",
    "static_header",
    "inline_if",
    "picture",
    "listing",
]


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("templates")
    return {name: _build(tmp, name) for name in TEMPLATES}


def _text(docx: bytes) -> str:
    doc = Document(io.BytesIO(docx))
    body = [p.text for p in doc.paragraphs]
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    section = doc.sections[0]
    stories = [p.text for s in (section.header, section.footer) for p in s.paragraphs]
    return "\n".join(body + cells + stories)


@pytest.mark.parametrize("context_id", list(CONTEXTS), ids=list(CONTEXTS))
@pytest.mark.parametrize("template", TEMPLATES, ids=TEMPLATES)
def test_compiled_equals_docxtpl(templates: dict[str, Path], template: str, context_id: str):
    context = {**BASE, **CONTEXTS[context_id]}
    plain = render_plain(templates[template], context)
    compiled = CompiledTemplate(templates[template], verify=True)
    assert compiled.fallback_reason is None
    out = compiled.render(context)
    assert parts_equal(plain, out) == []
    assert out == plain  # same parts, order, compression: byte-identical archives
    Document(io.BytesIO(out))  # opens with python-docx


@pytest.mark.parametrize(
    ("template", "part", "reason"),
    [
        ("paragraph", "word/document.xml", None),
        ("tr_loop", "word/document.xml", None),
        ("header_footer", "word/header1.xml", None),
        ("tr_loop_no_header", "word/document.xml", "no unconditional full-width row"),
        ("tc_loop", "word/document.xml", "template logic directly inside <w:tr>"),
        ("picture", "word/document.xml", "drawing ids (fix_docpr_ids renumbers them)"),
    ],
    ids=["paragraph", "tr_loop", "header", "tr_no_header", "tc_loop", "picture"],
)
def test_direct_path_reasons(templates: dict[str, Path], template: str, part: str, reason: str):
    assert CompiledTemplate(templates[template]).direct_reasons[part] == reason


@pytest.mark.parametrize(
    ("value", "shown"),
    [("A & B <c>", "A & B <c>"), ("{{ x }}", "{{ x }}"), ("\"q\" 's'", "\"q\" 's'")],
    ids=["amp_lt_gt", "jinja_syntax", "quotes"],
)
@pytest.mark.parametrize("path", ["plain", "compiled"])
def test_values_print_literally(templates: dict[str, Path], path: str, value: str, shown: str):
    template = templates["paragraph"]
    render = CompiledTemplate(template).render if path == "compiled" else None
    out = render({"name": value}) if render else render_plain(template, {"name": value})
    assert f"Hello {shown}!" in _text(out).splitlines()


@pytest.mark.parametrize("template", ["paragraph", "header_footer", "tr_loop"])
def test_missing_variable_raises_on_both_paths(templates: dict[str, Path], template: str):
    with pytest.raises(jinja2.UndefinedError):
        render_plain(templates[template], {})
    with pytest.raises(jinja2.UndefinedError):
        CompiledTemplate(templates[template]).render({})


@pytest.mark.parametrize("path", ["plain", "compiled"])
def test_deterministic_output(templates: dict[str, Path], path: str):
    template = templates["header_footer"]
    compiled = CompiledTemplate(template)

    def render() -> bytes:
        return compiled.render(BASE) if path == "compiled" else render_plain(template, BASE)

    first, second = render(), render()
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert core.count("2000-01-01T00:00:00Z") == 2


def test_fixed_time_parameter(templates: dict[str, Path]):
    when = dt.datetime(2024, 3, 5, 8, 30, tzinfo=dt.UTC)
    out = CompiledTemplate(templates["paragraph"], fixed_time=when).render(BASE)
    assert Document(io.BytesIO(out)).core_properties.created == when


def test_fallback_for_tags_in_core_properties(tmp_path: Path):
    doc = Document()
    doc.add_paragraph("{{ name }}")
    doc.core_properties.title = "Hồ sơ {{ name }}"
    doc.save(str(tmp_path / "t.docx"))
    compiled = CompiledTemplate(tmp_path / "t.docx")
    assert compiled.fallback_reason == "template tags in core properties: title"
    out = compiled.render(BASE)
    assert out == render_plain(tmp_path / "t.docx", BASE)
    assert Document(io.BytesIO(out)).core_properties.title == "Hồ sơ Nguyễn Văn An"


def test_a_template_file_is_compiled_once_until_it_changes(tmp_path: Path):
    doc = Document()
    doc.add_paragraph("{{ name }}")
    doc.core_properties.title = "Hồ sơ {{ name }}"  # falls back: renders the compiled bytes
    doc.save(str(tmp_path / "a.docx"))
    (tmp_path / "b.docx").write_bytes((tmp_path / "a.docx").read_bytes())
    first = compile_file(tmp_path / "a.docx")
    assert compile_file(tmp_path / "b.docx") is first  # same bytes, another folder
    when = dt.datetime(2024, 3, 5, 8, 30, tzinfo=dt.UTC)
    assert compile_file(tmp_path / "a.docx", fixed_time=when) is not first
    doc.paragraphs[0].text = "Kính gửi {{ name }}"
    doc.save(str(tmp_path / "a.docx"))
    edited = compile_file(tmp_path / "a.docx")
    assert edited is not first
    assert "Kính gửi Nguyễn Văn An" in _text(edited.render(BASE))
    (tmp_path / "a.docx").unlink()  # the fallback needs no file: it has the bytes compiled
    out = first.render(BASE)
    assert "Kính gửi" not in _text(out)
    assert Document(io.BytesIO(out)).core_properties.title == "Hồ sơ Nguyễn Văn An"


@pytest.mark.parametrize("how", ["mapping", "factory"])
def test_fallback_for_inline_image(templates: dict[str, Path], tmp_path: Path, how: str):
    (tmp_path / "p.png").write_bytes(_png())
    template = templates["paragraph"]

    def context(tpl: Any = None) -> dict[str, Any]:
        return {"name": InlineImage(tpl, str(tmp_path / "p.png"), width=Mm(5))}

    compiled = CompiledTemplate(template)
    assert compiled.fallback_reason is None
    out = compiled.render(context() if how == "mapping" else context)
    assert compiled.last_fallback_reason is not None
    assert parts_equal(out, render_plain(template, context)) == []
    assert len(Document(io.BytesIO(out)).inline_shapes) == 1


def test_undeclared_variables(templates: dict[str, Path]):
    assert undeclared_variables(templates["header_footer"]) == {"name", "org"}
    assert undeclared_variables(templates["tr_loop"]) == {"rows"}


@pytest.mark.parametrize("template", TEMPLATES, ids=TEMPLATES)
def test_compiled_template_knows_its_variables(templates: dict[str, Path], template: str):
    variables = CompiledTemplate(templates[template]).variables
    assert variables == undeclared_variables(templates[template])


def test_syntax_errors_report_paragraph(tmp_path: Path):
    doc = Document()
    doc.add_paragraph("Đúng {{ name }}")
    doc.add_paragraph("Sai {{ name | }} ở đây")
    doc.save(str(tmp_path / "bad.docx"))
    [issue] = syntax_errors(tmp_path / "bad.docx")
    assert issue.part == "word/document.xml"
    assert issue.paragraph == "Sai {{ name | }} ở đây"
    with pytest.raises(jinja2.TemplateSyntaxError):
        CompiledTemplate(tmp_path / "bad.docx")


def test_part_without_tags_is_rendered_once(templates: dict[str, Path]):
    compiled = CompiledTemplate(templates["static_header"])
    assert compiled._plan is not None
    fixed = {p.source.member: p.fixed is not None for p in compiled._plan.parts}
    assert fixed == {
        "word/document.xml": False,
        "word/header1.xml": True,
        "word/footer1.xml": False,
    }
    for context in ({**BASE, "name": "A"}, {**BASE, "name": "B & C"}):
        assert compiled.render(context) == render_plain(templates["static_header"], context)


def test_parts_equal_names_differences(templates: dict[str, Path]):
    a = render_plain(templates["header_footer"], BASE)
    b = render_plain(templates["header_footer"], {**BASE, "org": "Khác"})
    assert parts_equal(a, b) == ["word/header1.xml"]


def test_zip_writer_round_trip():
    members = [compress_member(name, data) for name, data in [("a.xml", b"<a/>"), ("đ.txt", b"")]]
    with zipfile.ZipFile(io.BytesIO(write_zip(members))) as archive:
        assert archive.testzip() is None
        assert [(i.filename, archive.read(i)) for i in archive.infolist()] == [
            ("a.xml", b"<a/>"),
            ("đ.txt", b""),
        ]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{{ r.k }}", "v"),
        ("{{ r.items() | list | length }}", "2"),  # dict methods still win over keys
    ],
    ids=["dict_key", "dict_method"],
)
def test_env(source: str, expected: str):
    context = {"r": {"k": "v", "items": "key"}}
    assert make_env().from_string(source).render(context) == expected
