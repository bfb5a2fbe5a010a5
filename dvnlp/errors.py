"""Error types users see, and the CLI's exit codes (one source of truth)."""
from __future__ import annotations

#: Exit codes of the ``dvnlp`` command (documented in the README and ``docs/cli.md``).
EXIT_OK = 0
#: ``dvnlp check``: at least one ``error``-severity finding.
EXIT_FINDINGS = 1
#: Bad usage: unknown option, missing argument, unreadable rule file.
EXIT_USAGE = 2
#: Some inputs could not be processed (each has an error record); the others were.
EXIT_PARTIAL = 3
#: ``dvnlp batch`` stopped before writing its output (disk full, workers that keep dying); the
#: finished records are kept for ``--resume``.
EXIT_STOPPED = 4


class DvnlpError(Exception):
    """Base class of every error dvnlp raises on purpose."""


class InputError(DvnlpError):
    """An input that cannot be read as a report: names the file and says why."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message


class RuleError(DvnlpError):
    """A rule data file that does not validate: names the file, the entry and the problem."""

    def __init__(self, resource: str, message: str) -> None:
        super().__init__(f"rule file {resource}: {message}")
        self.resource = resource
        self.message = message


class ModelError(DvnlpError):
    """A classifier model that is missing, untrusted or from an incompatible version."""
