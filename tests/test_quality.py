"""The house habits as tests: ruff and mypy --strict are clean, and the sample corpus is ours."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"
SEEDS = ROOT.parent / "shared" / "seeds"


def _tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


@pytest.mark.slow
def test_ruff_is_clean() -> None:
    result = subprocess.run(
        [_tool("ruff"), "check", "src", "tests", "bench"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_strict_is_clean() -> None:
    result = subprocess.run([_tool("mypy")], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_manifest_lists_every_corpus_file_with_sources() -> None:
    manifest = yaml.safe_load((CORPUS / "MANIFEST.yaml").read_text(encoding="utf-8"))
    listed = {entry["path"] for entry in manifest["files"]}
    present = {p.name for p in CORPUS.iterdir() if p.name != "MANIFEST.yaml"}
    assert listed == present
    for entry in manifest["files"]:
        assert entry["sources"], entry["path"]
        assert all(str(url).startswith("http") for url in entry["sources"])
    assert "demonstration" in manifest["notice"]


def _grams(text: str, n: int = 9) -> set[str]:
    words = re.findall(r"[a-z0-9']+", text.lower())
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


def test_no_seed_sentences_in_the_project() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed articles are not beside this checkout ({SEEDS})")
    seed = set().union(*(_grams(p.read_text(errors="ignore")) for p in SEEDS.glob("*.txt")))
    tracked = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    shared = {}
    for name in tracked:
        path = ROOT / name
        if path.is_file() and path.stat().st_size < 2_000_000:
            overlap = _grams(path.read_text(errors="ignore")) & seed
            if overlap:
                shared[name] = sorted(overlap)[:3]
    assert not shared, shared
