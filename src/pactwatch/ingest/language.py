"""Language identification with py3langid, whose model ships inside its PyPI package."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_SAMPLE_CHARS = 4000
_LEAD = 1.4


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # noqa: PLC0415 (slow import)

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short to tell."""
    sample = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < 20:
        return None
    ranked = _identifier().rank(sample)
    (code, best), (_, second) = ranked[0], ranked[1]
    # A short text spreads probability over many languages: take the leader when it is either
    # likely outright or clearly ahead of the runner-up.
    return str(code) if best >= 0.5 or best >= _LEAD * second else None
