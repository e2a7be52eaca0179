"""Commitments as code: treaties and UN sanctions regimes as data, evaluated against scenarios
under named interpretations, with cascades, comparisons and explanations."""

from pactwatch.commitments.cascade import CascadeResult, run_cascade
from pactwatch.commitments.compare import atop_rows, diff, diff_text
from pactwatch.commitments.evaluate import Finding, evaluate_many, evaluate_scenario
from pactwatch.commitments.library import (
    CommitmentError,
    load_commitment_file,
    load_commitments,
    to_yaml,
)
from pactwatch.commitments.scenario import Scenario, ScenarioError, ScenarioEvent, load_scenario
from pactwatch.commitments.schema import Commitment, Condition, Provision
from pactwatch.commitments.world import load_world

__all__ = [
    "CascadeResult",
    "Commitment",
    "CommitmentError",
    "Condition",
    "Finding",
    "Provision",
    "Scenario",
    "ScenarioError",
    "ScenarioEvent",
    "atop_rows",
    "diff",
    "diff_text",
    "evaluate_many",
    "evaluate_scenario",
    "load_commitment_file",
    "load_commitments",
    "load_scenario",
    "load_world",
    "run_cascade",
    "to_yaml",
]
