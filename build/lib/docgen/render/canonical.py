"""Proof, per body template, that Jinja's output already is python-docx's serialization.

:class:`Walker` walks the Jinja AST of the body (after docxtpl's preprocessing) and
tokenizes its static XML. It raises :class:`NotDirect` unless, for *every* rendering:

* each static chunk is canonical libxml2 output (tags, attributes, escapes, no control
  characters), and chunks plus any choice of branches/iterations are well-formed XML:
  no template logic inside a tag, each ``if``/``for`` body is tag-balanced and closes
  nothing opened before it;
* no element can render empty (``<w:t></w:t>`` is serialized ``<w:t/>``): an element
  whose content has no static token either holds only expressions - those are recorded
  in :attr:`Walker.risky` and refused at render time when empty - or is refused;
* ``fix_tables`` is a no-op: no template logic between table cells, in table/row/cell
  properties or grids, no nested table, every row has at most as many cells as grid
  columns and one unconditional row spans the whole grid;
* there is no ``wp:docPr`` (``fix_docpr_ids`` would renumber it) and no statement other
  than output, ``for``, ``if``, ``set`` and ``with``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jinja2 import nodes

_TOKEN = re.compile(
    r'<(?P<close>/)?(?P<name>[A-Za-z_][\w.:-]*)(?P<attrs>(?: [A-Za-z_][\w.:-]*="[^"]*")*)'
    r"(?P<empty>/)?>|(?P<text>[^<]+)"
)
_ATTR = re.compile(r' ([\w.:-]+)="([^"]*)"')
_TEXT_OK = re.compile(r"(?:[^&<>\x00-\x1f]|&(?:amp|lt|gt|#13);)*")
_ATTR_OK = re.compile(r"(?:[^&<>\"\x00-\x1f]|&(?:amp|lt|gt|quot|#9|#10|#13);)*")
_TABLE_PARTS = {"w:tbl", "w:tr", "w:tc", "w:tblGrid", "w:gridCol"}
_TABLE_PROPS = {"w:tblPr", "w:trPr", "w:tcPr", "w:tblPrEx", "w:tblGrid", "w:gridCol"}
_PARENT = {"w:tblGrid": "w:tbl", "w:gridCol": "w:tblGrid", "w:tr": "w:tbl"}
_STATEMENTS = (nodes.Output, nodes.For, nodes.If, nodes.Assign, nodes.With)

Expression = tuple[nodes.Output, int]  # an Output node and the index of the expression


class NotDirect(Exception):
    """This template (or this render) must take the exact path."""


@dataclass
class _Element:
    name: str
    depth: int  # block depth where it opens
    has_static: bool = False  # a static token directly inside, outside any block
    has_block: bool = False
    exprs: list[Expression] = field(default_factory=list)


@dataclass
class _Table:
    depth: int
    cols: int = 0
    grid: bool = False
    rows: list[tuple[int, int, bool]] = field(default_factory=list)  # cells, span, fixed


@dataclass
class Walker:
    """Checks the claims above; :meth:`walk` the AST, then read :attr:`risky`.

    ``root`` is the part's root element (``w:body``, ``w:hdr``, ``w:ftr``). For a
    header/footer (``body=False``) tables and drawings need no check (docxtpl fixes
    neither) but whitespace-only text is refused (python-docx's parser drops it).
    """

    root: str = "w:body"
    body: bool = True
    stack: list[_Element] = field(default_factory=list)
    depth: int = 0  # nesting of if/for/with bodies
    floor: int = 0  # a body may not close elements opened before it
    done: bool = False  # </w:body> seen
    risky: list[Expression] = field(default_factory=list)  # refuse these when empty
    tables: list[_Table] = field(default_factory=list)
    row: list[int] = field(default_factory=list)  # cells, spans, depth
    cell: list[int] = field(default_factory=list)  # span, depth

    def walk_and_mark(self, ast: nodes.Template, nonempty_filter: str) -> None:
        """Check ``ast``; wrap expressions that alone fill an element in the filter."""
        self.statements(ast.body)
        if not self.done:
            raise NotDirect(f"<{self.root}> not closed")
        for output, index in self.risky:
            expr = output.nodes[index]
            output.nodes[index] = nodes.Filter(
                expr, nonempty_filter, [], [], None, None, lineno=expr.lineno
            )

    def statements(self, body: list[nodes.Node]) -> None:
        for node in body:
            if not isinstance(node, _STATEMENTS):
                raise NotDirect(f"unsupported statement {type(node).__name__}")
            if isinstance(node, nodes.Output):
                for index, child in enumerate(node.nodes):
                    if isinstance(child, nodes.TemplateData):
                        self.data(child.data)
                    else:
                        self.expression((node, index))
            elif isinstance(node, nodes.For):
                self.branches([node.body, node.else_])
            elif isinstance(node, nodes.If):
                self.branches([node.body, *(e.body for e in node.elif_), node.else_])
            elif isinstance(node, nodes.With):
                self.branches([node.body])

    def expression(self, expression: Expression) -> None:
        top = self.dynamic()
        if top.depth == self.depth:
            top.exprs.append(expression)

    def branches(self, bodies: list[list[nodes.Node]]) -> None:
        top = self.dynamic()
        top.has_block |= top.depth == self.depth
        start, floor = [e.name for e in self.stack], self.floor
        self.depth, self.floor = self.depth + 1, len(start)
        for body in bodies:
            self.statements(body)
            if [e.name for e in self.stack] != start:
                raise NotDirect("template logic around unbalanced XML")
        self.depth, self.floor = self.depth - 1, floor

    def dynamic(self) -> _Element:
        if self.done or not self.stack:
            raise NotDirect(f"template logic outside <{self.root}>")
        names = (e.name for e in reversed(self.stack))
        innermost = next((n for n in names if n in _TABLE_PARTS | _TABLE_PROPS), "")
        if self.body and innermost not in ("", "w:tbl", "w:tc"):
            raise NotDirect(f"template logic directly inside <{innermost}>")
        return self.stack[-1]

    def data(self, text: str) -> None:
        pos = 0
        while pos < len(text):
            match = _TOKEN.match(text, pos)
            if match is None:
                raise NotDirect("not canonical XML (comment, PI or odd tag)")
            if self.done or (not self.stack and match["name"] != self.root):
                raise NotDirect(f"content outside <{self.root}>")
            if match["close"]:
                self.close(match["name"], match["attrs"] + (match["empty"] or ""))
            else:
                if self.stack and self.stack[-1].depth == self.depth:
                    self.stack[-1].has_static = True
                if match["text"] is None:
                    self.open(match["name"], match["attrs"], bool(match["empty"]))
                elif _TEXT_OK.fullmatch(match["text"]) is None:
                    raise NotDirect("text not as libxml2 serializes it")
                elif not self.body and not match["text"].strip(" "):
                    raise NotDirect("whitespace-only text (the parser drops it)")
            pos = match.end()

    def open(self, name: str, attrs: str, empty: bool) -> None:
        pairs = _ATTR.findall(attrs)
        if len({key for key, _ in pairs}) != len(pairs):
            raise NotDirect(f"duplicate attribute in <{name}>")
        if not all(_ATTR_OK.fullmatch(value) for _, value in pairs):
            raise NotDirect(f"attribute of <{name}> not as libxml2 serializes it")
        if self.body and name.endswith(":docPr"):
            raise NotDirect("drawing ids (fix_docpr_ids renumbers them)")
        parent = self.stack[-1].name if self.stack else ""
        self.stack.append(_Element(name, self.depth))
        if self.body:
            self.table_open(name, parent, dict(pairs))
        if empty:
            self.close(name, "", checked=True)

    def close(self, name: str, junk: str, checked: bool = False) -> None:
        if junk or len(self.stack) <= self.floor or self.stack[-1].name != name:
            raise NotDirect(f"unbalanced </{name}>")
        element = self.stack.pop()
        if not (element.has_static or checked):
            if element.has_block or not element.exprs:
                raise NotDirect(f"<{name}> may render empty (serialized as <{name}/>)")
            self.risky.extend(element.exprs)
        self.done = not self.stack
        if self.body:
            self.table_close(name)

    def table_open(self, name: str, parent: str, attrs: dict[str, str]) -> None:
        if name == "w:tbl":
            if self.tables:
                raise NotDirect("nested table")
            self.tables.append(_Table(self.depth))
        elif name in _TABLE_PARTS and not self.tables:
            raise NotDirect(f"<{name}> outside a table")
        elif _PARENT.get(name, parent) != parent:
            raise NotDirect(f"<{name}> not directly in <{_PARENT[name]}>")
        elif name in ("w:tblGrid", "w:gridCol") and self.depth != self.tables[-1].depth:
            raise NotDirect("table grid depends on template logic")
        elif name == "w:tblGrid":
            self.tables[-1].grid = True
        elif name == "w:gridCol":
            self.tables[-1].cols += 1
        elif name == "w:tr":
            self.row = [0, 0, self.depth]
        elif name == "w:tc" and parent == "w:tr":
            self.cell = [1, self.depth]
        elif name == "w:gridSpan" and [e.name for e in self.stack[-4:-1]] == _SPAN_PATH:
            value = attrs.get("w:val", "")
            if not value.isdigit() or self.depth != self.cell[1]:
                raise NotDirect("conditional or odd w:gridSpan")
            self.cell[0] = int(value)

    def table_close(self, name: str) -> None:
        if name == "w:tc" and self.stack and self.stack[-1].name == "w:tr":
            self.row[0] += 1
            self.row[1] += self.cell[0]
        elif name == "w:tr":
            table = self.tables[-1]
            table.rows.append((self.row[0], self.row[1], self.row[2] == table.depth))
        elif name == "w:tbl":
            _check_table(self.tables.pop())


_SPAN_PATH = ["w:tr", "w:tc", "w:tcPr"]


def _check_table(table: _Table) -> None:
    """``fix_tables`` changes nothing whatever rows a render keeps."""
    if not table.grid:
        raise NotDirect("table without w:tblGrid")
    if any(cells > table.cols for cells, _, _ in table.rows):
        raise NotDirect("row with more cells than grid columns")
    if not any(fixed and span >= table.cols for _, span, fixed in table.rows):
        raise NotDirect("no unconditional full-width row")
