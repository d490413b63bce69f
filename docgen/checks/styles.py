"""Effective character format of a run: run properties, then styles, then document defaults."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from docx.document import Document as DocumentObject
from docx.oxml.ns import qn

Element = Any  # an lxml element of the WordprocessingML tree


@dataclass(frozen=True)
class RunFormat:
    """What a reader sees of one run: fonts (ascii, hAnsi), size in points, bold, italic, caps."""

    fonts: tuple[str, str]
    size: float | None
    bold: bool
    italic: bool
    caps: bool


def _on(element: Element | None) -> bool | None:
    """A toggle property: absent → None; `w:val` "0"/"false"/"off" → False; else True."""
    if element is None:
        return None
    return element.get(qn("w:val")) not in ("0", "false", "off")


def _font(fonts: Element, slot: str) -> str | None:
    name = fonts.get(qn(f"w:{slot}"))
    if name:
        return str(name)
    theme = fonts.get(qn(f"w:{slot}Theme"))
    return f"(phông chủ đề {theme})" if theme else None


def read_rpr(rpr: Element | None) -> dict[str, Any]:
    """The properties a w:rPr sets (only those present)."""
    found: dict[str, Any] = {}
    if rpr is None:
        return found
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        for key, slot in (("ascii", "ascii"), ("hansi", "hAnsi")):
            if (name := _font(fonts, slot)) is not None:
                found[key] = name
    size = rpr.find(qn("w:sz"))
    if size is not None and size.get(qn("w:val")):
        found["size"] = int(size.get(qn("w:val"))) / 2
    for key, tag in (("bold", "w:b"), ("italic", "w:i"), ("caps", "w:caps")):
        if (value := _on(rpr.find(qn(tag)))) is not None:
            found[key] = value
    return found


class Resolver:
    """Resolves run formats against one document's styles and defaults."""

    def __init__(self, doc: DocumentObject) -> None:
        root = doc.styles.element
        self._styles = {s.get(qn("w:styleId")): s for s in root.iter(qn("w:style"))}
        self._default_para = next(
            (sid for sid, s in self._styles.items() if _is_default_paragraph_style(s)), None
        )
        defaults = root.find(qn("w:docDefaults"))
        rpr_default = None if defaults is None else defaults.find(qn("w:rPrDefault"))
        self._defaults = read_rpr(None if rpr_default is None else rpr_default.find(qn("w:rPr")))

    def run(self, paragraph: Element, run: Element) -> RunFormat:
        """The effective format of `run` inside `paragraph`."""
        merged: dict[str, Any] = {}
        for layer in self._layers(paragraph, run):
            for key, value in layer.items():
                merged.setdefault(key, value)
        return RunFormat(
            fonts=(merged.get("ascii", "?"), merged.get("hansi", merged.get("ascii", "?"))),
            size=merged.get("size"),
            bold=bool(merged.get("bold", False)),
            italic=bool(merged.get("italic", False)),
            caps=bool(merged.get("caps", False)),
        )

    def _layers(self, paragraph: Element, run: Element) -> Iterator[dict[str, Any]]:
        rpr = run.find(qn("w:rPr"))
        yield read_rpr(rpr)
        char_style = None if rpr is None else rpr.find(qn("w:rStyle"))
        if char_style is not None:
            yield from self._chain(char_style.get(qn("w:val")))
        ppr = paragraph.find(qn("w:pPr"))
        para_style = None if ppr is None else ppr.find(qn("w:pStyle"))
        style_id = para_style.get(qn("w:val")) if para_style is not None else self._default_para
        yield from self._chain(style_id)
        yield self._defaults

    def _chain(self, style_id: str | None) -> Iterator[dict[str, Any]]:
        seen: set[str] = set()
        while style_id and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            style = self._styles[style_id]
            yield read_rpr(style.find(qn("w:rPr")))
            based = style.find(qn("w:basedOn"))
            style_id = None if based is None else based.get(qn("w:val"))


def _is_default_paragraph_style(style: Element) -> bool:
    return bool(
        style.get(qn("w:type")) == "paragraph" and style.get(qn("w:default")) in ("1", "true")
    )


_T, _NB_HYPHEN = qn("w:t"), qn("w:noBreakHyphen")


def run_text(run: Element) -> str:
    """The visible text of a run, or of any element holding runs (Word's no-break hyphen
    element reads as the "-" it prints)."""
    return "".join(e.text or "" if e.tag == _T else "-" for e in run.iter(_T, _NB_HYPHEN))
