"""pactwatch's exceptions and the coded messages users see.

Every message starts with a stable code (``PW-INGEST-003``) so that users and scripts can look it up
in ``docs/errors.md`` and match on it; the rest of the message names the input and the reason.
"""

from __future__ import annotations

from typing import Final

# code -> one-line meaning; docs/errors.md is checked against this table by the test suite.
CODES: Final[dict[str, str]] = {
    "PW-INGEST-001": "input path does not exist",
    "PW-INGEST-002": "input is empty (no text after cleaning)",
    "PW-INGEST-003": "file is not text (binary content)",
    "PW-INGEST-004": "text could not be decoded as UTF-8 (nor as a declared or common encoding)",
    "PW-INGEST-005": "malformed JSONL line (not a JSON object, or no text/html field)",
    "PW-INGEST-006": "file is larger than the size limit (setting ingest.max_file_bytes)",
    "PW-INGEST-007": "unsupported file type",
    "PW-INGEST-008": "no main text could be extracted from the HTML page",
    "PW-INGEST-009": "bad metadata in a file's front matter or a JSONL record",
    "PW-STORE-001": "the store is locked by another process",
    "PW-STORE-002": "the path is not a pactwatch store",
    "PW-STORE-003": "the store was written by a newer pactwatch (unknown migration)",
    "PW-NLP-001": "no spaCy pipeline from the setting nlp.models is installed",
    "PW-COMMIT-001": "a commitment file does not fit the schema (names the file, provision, field)",
    "PW-SCENARIO-001": "a scenario file cannot be read or does not fit the scenario shape",
    "PW-CLI-002": "usage error",
    "PW-CLI-003": "this capability is not built yet",
}


class PactwatchError(Exception):
    """Base class of every error pactwatch raises on purpose."""

    code: str = "PW-000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        if code is not None:
            self.code = code
        super().__init__(f"{self.code}: {message}")
        self.reason = message


class InputError(PactwatchError):
    """One input (a file, a JSONL line) could not be read; the run goes on with the others."""

    def __init__(self, code: str, locator: str, detail: str) -> None:
        self.locator = locator
        self.detail = detail
        super().__init__(
            f"{CODES[code]}: {locator}" + (f" ({detail})" if detail else ""), code=code
        )


class StoreError(PactwatchError):
    """The DuckDB store could not be opened or migrated."""


class NlpError(PactwatchError):
    """The NLP pipeline could not be loaded."""


class NotBuiltError(PactwatchError):
    """The command exists in the CLI contract but its capability belongs to a later release."""

    code = "PW-CLI-003"
