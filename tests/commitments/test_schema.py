"""Commitment files: every shipped one loads, errors name file/provision/field, YAML round-trips."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from pactwatch.commitments import CommitmentError, load_commitment_file, load_commitments, to_yaml
from pactwatch.commitments.library import parse_commitment

BASE: dict[str, Any] = {
    "id": "test-pact",
    "kind": "treaty",
    "title": "A test pact",
    "short": "Test pact",
    "parties": [{"code": "AAA"}, {"code": "BBB"}],
    "signed": "2001-01-01",
    "in_force": {
        "from": "2001-02-01",
        "renewal": "indefinite",
        "sources": ["https://test.example/1"],
    },
    "sources": ["https://test.example/1"],
    "provisions": [
        {
            "article": "1",
            "summary": "Consult.",
            "obligation": "consultation",
            "sources": ["https://test.example/1"],
        },
        {
            "article": "5",
            "summary": "Defend the other if attacked.",
            "obligation": "defense",
            "conditions": {
                "all": [{"armed_attack": {"against": "beneficiary"}}, {"state_of_war": {}}]
            },
            "sources": ["https://test.example/1"],
        },
    ],
}


def test_every_shipped_commitment_loads_with_sources() -> None:
    commitments = load_commitments()
    assert commitments
    for c in commitments:
        assert c.sources
        for p in c.provisions:
            assert p.sources, (c.id, p.article)


def test_errors_name_the_file_the_provision_and_the_field(tmp_path: Path) -> None:
    bad = copy.deepcopy(BASE)
    bad["provisions"][1]["conditions"]["all"][0]["armed_attack"]["aganst"] = "beneficiary"
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(bad), encoding="utf-8")
    with pytest.raises(CommitmentError) as caught:
        load_commitment_file(path)
    message = str(caught.value)
    assert "PW-COMMIT-001" in message
    assert str(path) in message
    assert "provision 2 (article 5)" in message
    assert "aganst" in message


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["provisions"][0].update(obligation="hugs"),
            "provision 1 (article 1), field obligation",
        ),
        (
            lambda d: d["provisions"][1].update(conditions={"state_of_war": {}, "threat": {}}),
            "exactly one key",
        ),
        (lambda d: d["provisions"][0].update(sources=[]), "field sources"),
        (lambda d: d["in_force"].pop("from"), "field in_force.from"),
    ],
)
def test_each_kind_of_mistake_is_named(change: Any, expected: str) -> None:
    data = copy.deepcopy(BASE)
    change(data)
    with pytest.raises(CommitmentError, match=r"x\.yaml") as caught:
        parse_commitment(data, "x.yaml")
    assert expected in str(caught.value)


def test_every_shipped_commitment_round_trips() -> None:
    for c in load_commitments():
        again = parse_commitment(yaml.safe_load(to_yaml(c)), c.id)
        assert again == c


_CODES = st.sampled_from(["AAA", "BBB", "CCC", "beneficiary", "obligated", "party", "any"])
_LEAVES = st.one_of(
    st.builds(
        lambda a, n: {"armed_attack": {"against": a, "by_at_least": n}}, _CODES, st.integers(1, 3)
    ),
    st.builds(lambda p: {"state_of_war": {"party": p}}, _CODES),
    st.builds(lambda p: {"request": {"by": p}}, _CODES),
    st.just({"mobilisation": {"by": ["CCC"]}}),
    st.builds(
        lambda c: {
            "flow": {
                "from": "any",
                "to": "AAA",
                "modes": ["fuel"],
                "cap": {"value": c, "unit": "barrel"},
            }
        },
        st.floats(1, 1e7),
    ),
)
_CONDITIONS = st.recursive(
    _LEAVES,
    lambda inner: st.one_of(
        st.builds(lambda xs: {"all": xs}, st.lists(inner, min_size=1, max_size=3)),
        st.builds(lambda xs: {"any": xs}, st.lists(inner, min_size=1, max_size=3)),
        st.builds(lambda x: {"not": x}, inner),
    ),
    max_leaves=6,
)


@settings(max_examples=60, deadline=None)
@given(_CONDITIONS)
def test_yaml_model_yaml_round_trip(condition: dict[str, Any]) -> None:
    data = copy.deepcopy(BASE)
    data["provisions"][1]["conditions"] = condition
    model = parse_commitment(data, "generated")
    assert parse_commitment(yaml.safe_load(to_yaml(model)), "again") == model
