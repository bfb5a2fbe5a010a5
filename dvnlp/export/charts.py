"""Inline SVG bar charts for the HTML report (no plotting library, no script)."""
from __future__ import annotations

import html

__all__ = ["bars"]

_ROW, _LABEL, _WIDTH, _CUT = 22, 190, 430, 24


def bars(items: list[tuple[str, int | float]], color: str = "#8ecae6", *, width: int = _WIDTH) -> str:
    """A horizontal bar per ``(label, value)``, in the order given, labels cut at 24 characters
    (the full label is the bar's tooltip)."""
    top = max((v for _, v in items), default=0) or 1
    span = width - _LABEL - 50
    height = _ROW * len(items) + 6
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="100%" style="max-width:{width}px" '
           f'viewBox="0 0 {width} {height}">']
    for i, (label, value) in enumerate(items):
        y = i * _ROW + 3
        shown = label if len(label) <= _CUT else label[:_CUT - 1] + "…"
        w = max(1.0, span * value / top)
        out.append(f"<g><title>{html.escape(f'{label}: {value}')}</title>"
                   f'<text x="{_LABEL - 6}" y="{y + 15}" text-anchor="end">{html.escape(shown)}</text>'
                   f'<rect x="{_LABEL}" y="{y + 2}" width="{w:.1f}" height="{_ROW - 6}" rx="2" fill="{color}"/>'
                   f'<text x="{_LABEL + w + 5:.1f}" y="{y + 15}">{value}</text></g>')
    out.append("</svg>")
    return "".join(out)
