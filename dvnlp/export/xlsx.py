"""The flat tables as one Excel workbook: a sheet per table of :data:`dvnlp.facts.schema.TABLES`.

    dvnlp extract corpora/samples -o facts.xlsx
    dvnlp batch reports/ -o facts.xlsx --lang vi        # Vietnamese headers and sheet names

Each sheet has a frozen header row, filters on, column widths that fit the contents (at most
:data:`MAX_WIDTH` characters), numbers as numbers and ``date`` columns (a document's
``date``) as real Excel dates. Every row carries the key ``seq``/``id`` of its report, and its
``id`` cell links to that report's row in the ``reports`` sheet. Written with XlsxWriter in
constant-memory mode (rows go to disk as they come, so a 12,786-report batch fits in memory),
under a temporary name renamed into place on :meth:`XlsxSink.commit`.

Excel limits: a cell holds at most 32,767 characters (a longer report ``text`` is cut there), a
sheet at most 1,048,576 rows (a longer table goes on into ``counts (2)`` …).
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from dvnlp.facts.schema import LANGS, TABLE_TITLES, TABLES, headers

__all__ = ["MAX_WIDTH", "XlsxSink", "write_workbook"]

MAX_WIDTH = 60
_MAX_ROWS = 1_048_576
_MAX_CHARS = 32_767


class _Sheet:
    def __init__(self, wb: Any, title: str, table: str, lang: str, fmt: dict[str, Any]) -> None:
        self.ws = wb.add_worksheet(title)
        self.title, self.table = title, table
        self.columns = TABLES[table]
        names = headers(table, lang)
        self.widths = [max(8, len(h) + 2) for h in names]
        self.ws.write_row(0, 0, names, fmt["header"])
        self.ws.freeze_panes(1, 0)
        self.row = 1

    def close(self) -> None:
        self.ws.autofilter(0, 0, max(self.row - 1, 1), len(self.columns) - 1)
        for i, w in enumerate(self.widths):
            self.ws.set_column(i, i, min(w, MAX_WIDTH))


class XlsxSink:
    """Stream rows of the flat tables into an ``.xlsx`` workbook (``lang``: ``en`` or ``vi`` headers)."""

    def __init__(self, out: str | Path, *, lang: str = "en") -> None:
        import xlsxwriter

        if lang not in LANGS:
            raise ValueError(f"lang must be one of {', '.join(LANGS)}, got {lang!r}")
        self.out = Path(out)
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = self.out.parent / f".{self.out.stem}.tmp-{os.getpid()}.xlsx"
        self.tmp.unlink(missing_ok=True)
        self.lang = lang
        self.wb = xlsxwriter.Workbook(str(self.tmp), {
            "constant_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
            "strings_to_urls": False, "tmpdir": str(self.out.parent)})
        self.fmt = {"header": self.wb.add_format({"bold": True, "bg_color": "#dde7f0", "bottom": 1}),
                    "date": self.wb.add_format({"num_format": "yyyy-mm-dd"}),
                    "link": self.wb.add_format({"font_color": "#1f5fa8", "underline": 1})}
        self._sheets: dict[str, list[_Sheet]] = {t: [self._new_sheet(t, 1)] for t in TABLES}
        self._report_cell: dict[int, tuple[str, int]] = {}

    def _new_sheet(self, table: str, k: int) -> _Sheet:
        title = TABLE_TITLES[self.lang][table] + (f" ({k})" if k > 1 else "")
        return _Sheet(self.wb, title, table, self.lang, self.fmt)

    def write(self, table: str, rows: list[dict[str, Any]]) -> None:
        for row in rows:
            sheet = self._sheets[table][-1]
            if sheet.row >= _MAX_ROWS:
                sheet = self._new_sheet(table, len(self._sheets[table]) + 1)
                self._sheets[table].append(sheet)
            if table == "reports" and row.get("seq") is not None:
                self._report_cell[row["seq"]] = (sheet.title, sheet.row + 1)
            self._write_row(sheet, row)
            sheet.row += 1

    def _write_row(self, sheet: _Sheet, row: dict[str, Any]) -> None:
        ws, r = sheet.ws, sheet.row
        for c, col in enumerate(sheet.columns):
            value = row.get(col.name)
            if value is None:
                continue
            shown = value
            if col.name == "id" and sheet.table != "reports" and row.get("seq") in self._report_cell:
                target, at = self._report_cell[row["seq"]]
                label = str(value).replace('"', '""')
                ws.write_formula(r, c, f"=HYPERLINK(\"#'{target}'!A{at}\",\"{label}\")", self.fmt["link"], str(value))
            elif col.type in ("int", "float") and isinstance(value, (int, float)):
                ws.write_number(r, c, value)
            elif col.type == "date" and (day := _iso_date(value)) is not None:
                ws.write_datetime(r, c, day, self.fmt["date"])
                shown = "yyyy-mm-dd"
            else:
                shown = str(value)[:_MAX_CHARS]
                ws.write_string(r, c, shown)
            width = len(str(shown)) + 2
            if width > sheet.widths[c]:
                sheet.widths[c] = width

    def commit(self) -> None:
        for sheets in self._sheets.values():
            for s in sheets:
                s.close()
        self.wb.close()
        os.replace(self.tmp, self.out)

    def abort(self) -> None:
        try:
            self.wb.close()
        except Exception:  # noqa: BLE001 - the workbook is thrown away
            pass
        self.tmp.unlink(missing_ok=True)


def _iso_date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def write_workbook(records: Any, out: str | Path, *, cross: Any = None, lang: str = "en") -> Any:
    """Write records (Reports, contract dicts or batch error records, in input order) and their
    cross-document findings ``cross`` (:func:`dvnlp.checks.batch_findings` of the same records)
    as a workbook; return the :class:`~dvnlp.export.tables.Summary`."""
    from dvnlp.export.tables import build

    def entries() -> Any:
        for seq, r in enumerate(records):
            data = r if isinstance(r, dict) else r.to_dict()
            yield seq, data.get("source"), data

    sink = XlsxSink(out, lang=lang)
    try:
        summary = build(entries(), sink, cross=cross)
    except BaseException:
        sink.abort()
        raise
    sink.commit()
    return summary
