"""HTML → the visible text of the page, one block per line.

Parsing is selectolax's Lexbor parser (HTML5 error recovery, entities decoded); the
tree is then walked iteratively — never recursively — so any nesting depth is safe.
Lexbor itself slows down quadratically on pathologically deep nesting, so tags
nested deeper than :data:`MAX_DEPTH` are dropped before parsing (browsers cap depth
the same way). Nothing here raises on bad markup: if the parser fails, tags are
stripped with a regular expression instead.
"""
from __future__ import annotations

import html as html_lib
import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

__all__ = ["MAX_DEPTH", "html_to_text", "looks_like_html"]

#: Elements nested deeper than this are flattened before parsing.
MAX_DEPTH = 512

_SKIP = frozenset(
    "script style noscript nav header footer form iframe select button template head "
    "title svg math object embed canvas audio video map textarea option datalist".split()
)
_PARAGRAPH = frozenset(
    "p h1 h2 h3 h4 h5 h6 table ul ol dl blockquote pre hr figure address article section".split()
)
_LINE = frozenset(
    "div br li tr dt dd caption figcaption main aside center details summary fieldset "
    "legend tbody thead tfoot body html".split()
)
_CELL = frozenset({"td", "th"})
_VOID = frozenset(
    "area base basefont bgsound br col embed frame hr image img input isindex keygen link "
    "meta param source track wbr".split()
)
# End tags that HTML lets authors omit: leaving them open does not deepen the tree.
_OPTIONAL_END = frozenset("p li dt dd tr td th tbody thead tfoot option optgroup rp rt colgroup".split())

_KNOWN_TAG = re.compile(
    r"</?(?:!doctype\s+html|html|head|body|p|div|br|table|tr|td|th|span|a\s|img|meta|h[1-6]|ul|ol|li"
    r"|b|i|u|strong|em|font|script|style|center|hr|tbody|thead|iframe|form|link|pre|blockquote|dl|dt|dd"
    r"|article|section|header|footer|nav|aside|main|title|noscript|select|button|input|sup|sub)\b[^<>]{0,2000}>",
    re.IGNORECASE,
)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
_ANY_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^<>]*>")
_MARKUP = re.compile(_KNOWN_TAG.pattern + "|<!--", re.IGNORECASE)
_BLANK_RUNS = re.compile(r"\n{3,}")
_LINE_MARK = "\x01"  # a block boundary: one line break
_PARA_MARK = "\x02"  # a paragraph boundary: one blank line
_MARKS = re.compile("[\x01\x02](?:[ \t]*[\x01\x02])*")
_MARK_CHARS = re.compile("[\x01\x02]")


def looks_like_html(text: str) -> bool:
    """Guess from the content whether ``text`` is HTML (the file name is not consulted).

    True for a doctype or an ``<html>``/``<body>`` tag, for two or more common tags
    (``<p>``, ``<div>``, ``<br>``, ``<table>`` …), or for a dense use of character
    entities (at least 3, and 1 per 200 characters).
    """
    head = text[:200_000]
    tags = 0
    for match in _KNOWN_TAG.finditer(head):
        name = match.group(0)[1:].lstrip("/").lower()
        if name.startswith(("!doctype", "html", "body")):
            return True
        tags += 1
        if tags >= 2:
            return True
    entities = sum(1 for _ in _ENTITY.finditer(head))
    return entities >= 3 and entities * 200 >= len(head)


def html_to_text(html: str) -> str:
    """Return the visible text of an HTML page or fragment.

    Scripts, styles, navigation, forms, page headers and footers (not those inside an
    ``<article>``) and hidden elements are dropped; block elements become line breaks,
    paragraphs and tables blank-line separated, table cells tab-separated; runs of
    spaces collapse and blank lines never repeat. Text without any tag only has its
    entities decoded, keeping its own line breaks (a stray ``<`` is not markup: only a
    common tag or a comment makes text HTML). Never raises on malformed input.
    """
    if not html:
        return ""
    if not _MARKUP.search(html[:200_000]):
        return _tidy(html_lib.unescape(html))
    try:
        source = _limit_depth(html.encode("utf-8", "replace").decode("utf-8"))
        tree = LexborHTMLParser(source)
        root = tree.root
        if root is None:
            return ""
        return _tidy(_walk(root))
    except Exception:  # noqa: BLE001 - the contract is to never raise on bad markup
        return _tidy(html_lib.unescape(_ANY_TAG.sub("\n", html)))


def _limit_depth(html: str) -> str:
    """Drop tags nested deeper than MAX_DEPTH (an approximation of the parser's stack)."""
    depth = 0
    deepest = 0
    for match in _ANY_TAG.finditer(html):
        name = match.group(2).lower()
        if name in _VOID or name in _OPTIONAL_END or match.group(0).endswith("/>"):
            continue
        depth = max(depth - 1, 0) if match.group(1) else depth + 1
        deepest = max(deepest, depth)
    if deepest <= MAX_DEPTH:
        return html
    depth = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal depth
        name = match.group(2).lower()
        if name in _VOID or name in _OPTIONAL_END or match.group(0).endswith("/>"):
            return match.group(0)
        if match.group(1):
            depth = max(depth - 1, 0)
            return match.group(0) if depth < MAX_DEPTH else " "
        depth += 1
        if depth <= MAX_DEPTH:
            return match.group(0)
        return "<br>" if name in _PARAGRAPH or name in _LINE else " "

    return _ANY_TAG.sub(replace, html)


def _hidden(node: LexborNode) -> bool:
    attrs = node.attributes
    if not attrs:
        return False
    if "hidden" in attrs:
        return True
    style = (attrs.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def _walk(root: LexborNode) -> str:
    """Depth-first walk with parent/sibling pointers: no recursion, no depth limit."""
    out: list[str] = []
    pre = 0  # inside <pre>: keep whitespace
    article = 0  # inside <article>: keep its <header>/<footer>
    node: LexborNode | None = root.child
    while node is not None:
        tag = node.tag
        descend = False
        if tag == "-text":
            value = node.text_content or ""
            value = _MARK_CHARS.sub(" ", value)
            out.append(value if pre else _collapse(value))
        elif node.is_element_node and tag:
            if tag in ("header", "footer") and article:
                skip = _hidden(node)
            else:
                skip = tag in _SKIP or _hidden(node)
            if not skip:
                out.append(_opening(tag))
                descend = node.child is not None
                if descend:
                    pre += tag == "pre"
                    article += tag == "article"
                else:
                    out.append(_closing(tag))
        if descend:
            node = node.child
            continue
        while node is not None and node.next is None:
            node = node.parent
            if node is None or node.mem_id == root.mem_id:
                node = None
                break
            ptag = node.tag or ""
            out.append(_closing(ptag))
            pre -= ptag == "pre"
            article -= ptag == "article"
        if node is not None:
            node = node.next
    return _MARKS.sub(_resolve_marks, "".join(out))


def _resolve_marks(match: re.Match[str]) -> str:
    return "\n\n" if _PARA_MARK in match.group(0) else "\n"


def _collapse(value: str) -> str:
    """Collapse whitespace (newlines and NBSP included) to single spaces, keeping the edges."""
    core = " ".join(value.split())
    if not core:
        return " " if value else ""
    return (" " if value[0].isspace() else "") + core + (" " if value[-1].isspace() else "")


def _opening(tag: str) -> str:
    if tag == "br":
        return "\n"
    if tag in _PARAGRAPH:
        return _PARA_MARK
    if tag in _LINE:
        return _LINE_MARK
    if tag in _CELL:
        return "\t"
    if tag == "img":
        return " "
    return ""


def _closing(tag: str) -> str:
    if tag in _PARAGRAPH:
        return _PARA_MARK
    if tag in _LINE and tag != "br":
        return _LINE_MARK
    return ""


def _tidy(text: str) -> str:
    """Collapse whitespace runs, trim lines and tab-separated cells, keep at most one
    blank line between blocks (``str.split`` does the work: it knows every Unicode space)."""
    lines = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if "\t" in line:
            lines.append("\t".join(cell for cell in (" ".join(c.split()) for c in line.split("\t")) if cell))
        else:
            lines.append(" ".join(line.split()))
    text = "\n".join(lines)
    if "\n\n\n" in text:
        text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip("\n")
