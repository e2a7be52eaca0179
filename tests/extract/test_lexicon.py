"""The lexicon files are checked when they load: a mistake is an error, not a silent miss."""

from __future__ import annotations

from typing import Any

import pytest

from pactwatch.extract.lexicon import _load, build_lexicon, load_lexicon


def _events() -> dict[str, Any]:
    return dict(_load("events.yaml"))


def test_the_packaged_lexicon_loads() -> None:
    lexicon = load_lexicon()
    assert "send" in lexicon.verbs and "invasion" in lexicon.nouns
    assert "no" in lexicon.cues.negators  # quoted: YAML would read a bare no as false


def test_an_unknown_event_type_is_an_error() -> None:
    events = _events()
    events["verbs"] = {**events["verbs"], "ponder": {"type": "PONDER"}}
    with pytest.raises(ValueError, match=r"'ponder'.*not a PLOVER type"):
        build_lexicon(events, _load("modality.yaml"))


def test_an_object_verb_naming_no_lexicon_object_is_an_error() -> None:
    events = _events()
    events["object_verbs"] = {**events["object_verbs"], "hold": ["séance"]}
    with pytest.raises(ValueError, match=r"'hold'.*not lexicon objects"):
        build_lexicon(events, _load("modality.yaml"))


def test_a_cue_that_yaml_read_as_a_boolean_is_an_error() -> None:
    modality = dict(_load("modality.yaml"))
    modality["negative"] = {**modality["negative"], "negators": ["not", False]}
    with pytest.raises(ValueError, match="not words"):
        build_lexicon(_events(), modality)
