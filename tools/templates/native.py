"""Make a python-docx document a native Word file of its own: no parts left from python-docx's
default template, Vietnamese as the document language, Word's current compatibility mode and
docgen named as the application that made it.
"""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

LANGUAGE = "vi-VN"
COMPATIBILITY_MODE = "15"  # Word 2013 and later: "current" mode, no compatibility banner
_LEFTOVER = {
    RT.THUMBNAIL,  # a picture of an empty page
    RT.CUSTOM_XML,  # a bibliography store nobody uses
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",  # Word 2010 copy
}
APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>docgen</Application><DocSecurity>0</DocSecurity></Properties>"
)


def make_native(doc: DocumentObject) -> None:
    """Drop the default template's leftovers; set language, compatibility mode and app."""
    for rels in (doc.part.package.rels, doc.part.rels):
        for r_id in [r.rId for r in rels.values() if r.reltype in _LEFTOVER]:
            rels.pop(r_id)
    _language(doc)
    _compatibility(doc)
    for part in doc.part.package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = APP_XML.encode("utf-8")


def _language(doc: DocumentObject) -> None:
    """Vietnamese for every run by default, so Word spell-checks in Vietnamese."""
    for lang in doc.styles.element.iter(qn("w:lang")):
        lang.set(qn("w:val"), LANGUAGE)
    theme = doc.settings.element.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), LANGUAGE)


def _compatibility(doc: DocumentObject) -> None:
    for setting in doc.settings.element.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), COMPATIBILITY_MODE)
