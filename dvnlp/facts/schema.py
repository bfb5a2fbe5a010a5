"""The facts schema: every table and column dvnlp writes, spaCy-free (``dvnlp query`` and the
writers import it without loading the pipeline).

    >>> from dvnlp.facts.schema import TABLES, FRAMES, FACT_TYPES, header
    >>> [c.name for c in TABLES["officials"]][:5]
    ['seq', 'id', 'n', 'name', 'titles']
    >>> header("officials", "titles", "vi")
    'Chức vụ'

Two views of the same rows (built once by :func:`dvnlp.export.rows.record_rows`):

* :data:`TABLES` — the flat tables of CSV, Parquet, DuckDB and the Excel workbook: every cell a
  scalar. A list is encoded as said by :attr:`Column.lists`: ``"joined"`` (``titles``: the items
  joined by :data:`TITLE_SEP`) or ``"json"`` (``evidence``, ``details``: JSON text).
* :data:`FRAMES` — the pandas frames of :func:`dvnlp.export.frames.to_frames`: the output contract
  flattened for plotting; lists of spans stay lists of ``[start, end]``, a finding's ``details`` is
  JSON text with sorted keys.

A column's :attr:`~Column.type` is ``"str"``, ``"int"``, ``"float"`` or ``"date"`` (an ISO date
``YYYY-MM-DD`` kept as text in CSV, Parquet and DuckDB, written as a real date in Excel).
:attr:`~Column.vi` is its Vietnamese header (``--lang vi``).
"""
from __future__ import annotations

from dataclasses import dataclass

#: The fact types of a report, in output order (one source of truth for the contract).
FACT_TYPES: tuple[str, ...] = (
    "officials", "documents", "counts", "breakdowns", "models", "dates", "organizations", "places", "checks",
)
#: separator of the titles of an official in the flat tables
TITLE_SEP = " | "
LANGS = ("en", "vi")


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    vi: str
    lists: str | None = None  # how a list is encoded in the flat tables: "joined" or "json"


def _cols(*specs: tuple) -> tuple[Column, ...]:
    return tuple(Column(*s) for s in specs)


S, I, F, D = "str", "int", "float", "date"
_FACT_VI = {"officials": "cán bộ", "documents": "văn bản", "counts": "số liệu", "breakdowns": "cơ cấu",
            "models": "mô hình", "dates": "ngày tháng", "organizations": "tổ chức", "places": "địa danh",
            "checks": "phát hiện"}
_KEY = _cols(("seq", I, "STT"), ("id", S, "Mã báo cáo"))
_N = _cols(("n", I, "TT trong báo cáo"))
_SPAN = _cols(("span_start", I, "Vị trí đầu"), ("span_end", I, "Vị trí cuối"))
_RULE = _cols(("rule", S, "Quy tắc"))

#: table name → columns; the one source of truth for CSV headers, Arrow, DuckDB and Excel
TABLES: dict[str, tuple[Column, ...]] = {
    "reports": _KEY + _cols(("source", S, "Nguồn"), ("status", S, "Trạng thái"), ("error_type", S, "Loại lỗi"),
                            ("n_chars", I, "Số ký tự"))
    + _cols(*((f"n_{k}", I, f"Số {v}") for k, v in _FACT_VI.items()))
    + _cols(("n_check_errors", I, "Số lỗi số liệu"), ("n_check_warnings", I, "Số cảnh báo"),
            ("n_unchecked", I, "Số mục chưa kiểm tra được"), ("text", S, "Nội dung")),
    "officials": _KEY + _N + _cols(("name", S, "Họ tên"), ("titles", S, "Chức vụ", "joined"),
                                   ("n_titles", I, "Số chức vụ"), ("n_mentions", I, "Số lần nhắc đến"),
                                   ("titles_as_written", S, "Chức vụ (nguyên văn)", "joined"))
    + _SPAN + _RULE,
    "documents": _KEY + _N + _cols(("kind", S, "Loại văn bản"), ("kind_code", S, "Mã loại"), ("number", S, "Số"),
                                   ("symbol", S, "Số ký hiệu"), ("issuer_code", S, "Mã cơ quan ban hành"),
                                   ("issuer", S, "Cơ quan ban hành"), ("date", D, "Ngày ban hành"),
                                   ("subject", S, "Trích yếu"), ("year", S, "Năm trong số ký hiệu"),
                                   ("kind_from", S, "Nguồn loại văn bản"), ("issuer_from", S, "Nguồn cơ quan ban hành"),
                                   ("variants", S, "Cách viết khác", "joined"), ("mentions", S, "Các lần viện dẫn", "json"))
    + _SPAN + _RULE,
    "counts": _KEY + _N + _cols(("value", F, "Giá trị"), ("of", F, "Trên tổng số"), ("unit", S, "Đơn vị tính"),
                                ("qualifier", S, "Từ chỉ mức độ"), ("text", S, "Nguyên văn"),
                                ("value_max", F, "Giá trị tối đa (khoảng)"), ("unit_head", S, "Danh từ chính"))
    + _SPAN + _RULE,
    "breakdowns": _KEY + _N + _cols(("total", F, "Tổng số"), ("unit", S, "Đơn vị tính"), ("by", S, "Phân theo"),
                                    ("n_parts", I, "Số thành phần"), ("parts_sum", F, "Tổng các thành phần"),
                                    ("total_qualifier", S, "Từ chỉ mức độ của tổng"))
    + _SPAN + _RULE,
    "breakdown_parts": _KEY + _cols(("breakdown", I, "TT cơ cấu"), ("n", I, "TT thành phần"), ("value", F, "Giá trị"),
                                    ("label", S, "Thành phần"), ("field", S, "Lĩnh vực")),
    "models": _KEY + _N + _cols(("name", S, "Tên mô hình"), ("field", S, "Lĩnh vực"), ("confidence", F, "Độ tin cậy"))
    + _SPAN + _RULE,
    "checks": _KEY + _N + _cols(("scope", S, "Phạm vi"), ("kind", S, "Loại phát hiện"), ("severity", S, "Mức độ"),
                                ("message", S, "Nội dung (tiếng Anh)"), ("message_vi", S, "Nội dung"),
                                ("place", S, "Địa bàn"), ("year", S, "Năm"), ("unit", S, "Đơn vị tính"))
    + _SPAN + _cols(("evidence", S, "Bằng chứng (vị trí)", "json"), ("details", S, "Chi tiết", "json")),
    "errors": _KEY + _cols(("source", S, "Nguồn"), ("type", S, "Loại lỗi"), ("message", S, "Thông báo lỗi")),
}

_FSPAN = ("span_start", "span_end")
#: frame name → column names (see :mod:`dvnlp.export.frames`); fields the contract gains later are
#: appended by the frame builder, so a frame never loses data
FRAMES: dict[str, tuple[str, ...]] = {
    "officials": ("id", "n", "name", "titles", "title", "mentions", "n_mentions", *_FSPAN, "rule",
                  "titles_as_written"),
    "documents": ("id", "n", "kind", "number", "symbol", "issuer_code", "issuer", "date", "subject", *_FSPAN,
                  "kind_code", "rule", "mentions", "year", "kind_from", "issuer_from", "variants", "type_slot",
                  "sources", "alternatives"),
    "counts": ("id", "n", "value", "of", "unit", "qualifier", *_FSPAN, "number_span_start", "number_span_end", "rule",
               "value_max", "unit_head", "in_words"),
    "breakdowns": ("id", "n", "total", "unit", "n_parts", "parts_sum", *_FSPAN, "total_span_start", "total_span_end",
                   "part_spans", "by", "rule", "partition", "total_qualifier"),
    "models": ("id", "n", "name", "field", "confidence", *_FSPAN, "rule"),
    "dates": ("id", "n", "value", *_FSPAN, "text", "valid", "rule"),
    "organizations": ("id", "n", "text", "label", *_FSPAN, "normalized", "rule"),
    "places": ("id", "n", "text", "label", *_FSPAN, "normalized", "rule"),
    "checks": ("id", "n", "kind", "severity", "message", "evidence", "span_start", "span_end", "message_vi", "details"),
    "breakdown_parts": ("id", "breakdown", "n", "value", "label", "field"),
    "reports": ("id", "n_chars", *(f"n_{k}" for k in FACT_TYPES), "n_check_errors", "n_check_warnings",
                "checked_sums", "checked_ratios", "checked_percents", "checked_dates", "n_unchecked"),
    "errors": ("id", "source", "type", "message"),
}
#: frame columns stored as float64 (ints and None mix in the contract)
FRAME_FLOATS: dict[str, tuple[str, ...]] = {
    "counts": ("value", "of", "value_max"), "breakdowns": ("total", "parts_sum"), "breakdown_parts": ("value",),
    "models": ("confidence",),
}
#: frame columns holding Python lists
FRAME_LISTS = frozenset({"titles", "mentions", "evidence", "part_spans", "variants"})

#: table names in the two languages (Excel sheet names)
TABLE_TITLES: dict[str, dict[str, str]] = {
    "en": {t: t for t in TABLES},
    "vi": {"reports": "Báo cáo", "officials": "Cán bộ", "documents": "Văn bản", "counts": "Số liệu",
           "breakdowns": "Cơ cấu", "breakdown_parts": "Thành phần cơ cấu", "models": "Mô hình",
           "checks": "Kiểm tra", "errors": "Lỗi đầu vào"},
}


def column(table: str, name: str) -> Column:
    for c in TABLES[table]:
        if c.name == name:
            return c
    raise KeyError(f"{table} has no column {name!r}")


def header(table: str, name: str, lang: str = "en") -> str:
    """The header of a column of a flat table in ``lang`` (``en``: the column name)."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, got {lang!r}")
    return name if lang == "en" else column(table, name).vi


def headers(table: str, lang: str = "en") -> list[str]:
    return [header(table, c.name, lang) for c in TABLES[table]]
