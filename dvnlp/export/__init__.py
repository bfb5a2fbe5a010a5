"""Stage 9 — export: JSONL, rich tables, and (see submodules) CSV, Parquet, DuckDB, the Excel workbook
(:mod:`~dvnlp.export.xlsx`), HTML (:mod:`~dvnlp.export.html`) and the HTML report of a batch
(:mod:`~dvnlp.export.htmlreport`). Every table is filled by one row builder, :mod:`dvnlp.export.rows`,
with the columns of :mod:`dvnlp.facts.schema`."""
from dvnlp.export.jsonl import dump_record, write_records

__all__ = ["dump_record", "write_records"]
