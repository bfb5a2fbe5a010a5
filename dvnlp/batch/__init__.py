"""Stage 8 — batch: many inputs → reports or error records (nothing lost)."""
from dvnlp.batch.local import ErrorRecord, iter_reports

__all__ = ["ErrorRecord", "iter_reports"]
