"""Stage 9 — export: JSONL, rich tables, and (see submodules) CSV, Parquet, DuckDB, HTML."""
from dvnlp.export.jsonl import dump_record, write_records

__all__ = ["dump_record", "write_records"]
