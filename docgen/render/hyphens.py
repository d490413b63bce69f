"""Word's own no-break hyphen: U+2011 in a rendered value becomes `<w:noBreakHyphen/>`.

The documents keep a ký hiệu's hyphens unbreakable (`52/QĐ-UBND` never ends a line at
`52/QĐ-`). The values carry U+2011 for it; in the document it is Word's element, which
Word and LibreOffice print, copy and search as a plain "-". Every path applies it alike:
the reference (docxtpl) and exact paths on the rendered tree (:func:`native_hyphens`), the
direct path on each printed value (:func:`direct_text`), so their bytes stay equal.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

NB_HYPHEN = "\u2011"
_T = qn("w:t")
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# What a value's U+2011 becomes inside its <w:t>: the text run split around the element.
DIRECT = '</w:t><w:noBreakHyphen/><w:t xml:space="preserve">'


def native_hyphens(root: Any) -> None:
    """Split every `<w:t>` holding U+2011 around a `<w:noBreakHyphen/>`, in place.

    The first piece keeps its element; each later piece is a new `<w:t xml:space="preserve">`
    (what :data:`DIRECT` writes). Empty pieces are left out.
    """
    for text in [t for t in root.iter(_T) if t.text and NB_HYPHEN in t.text]:
        first, *rest = text.text.split(NB_HYPHEN)
        text.text = first
        anchor = text
        for piece in rest:
            anchor = _after(anchor, OxmlElement("w:noBreakHyphen"))
            if piece:
                run = OxmlElement("w:t")
                run.set(_SPACE, "preserve")
                run.text = piece
                anchor = _after(anchor, run)
        if not first:
            text.getparent().remove(text)


def _after(anchor: Any, element: Any) -> Any:
    anchor.addnext(element)
    return element


def direct_text(escaped: str) -> str | None:
    """An escaped value as the direct path prints it, or None when only the tree can say
    (a hyphen at an edge or doubled would leave an empty piece the tree drops)."""
    if NB_HYPHEN not in escaped:
        return escaped
    if escaped.startswith(NB_HYPHEN) or escaped.endswith(NB_HYPHEN) or NB_HYPHEN * 2 in escaped:
        return None
    return escaped.replace(NB_HYPHEN, DIRECT)
