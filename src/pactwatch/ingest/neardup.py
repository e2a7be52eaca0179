"""Near-duplicates: MinHash signatures over word shingles, and locality-sensitive hashing bands.

A syndicated copy (the same story with another outlet's header, a changed title, a reworded
sentence) has a different clean text, so a different document id; its shingles mostly agree with
the original's. Each document gets a signature of ``PERMUTATIONS`` minima of hashed 5-word
shingles; the share of equal minima estimates the Jaccard similarity of the two shingle sets.
Signatures are cut into ``BANDS`` bands; two documents that agree on a whole band are candidates,
and a candidate whose estimate reaches the threshold is a near-duplicate.

Memory: a signature is 128 uint32 (512 bytes) and 32 band keys (8 bytes each) per document. They
are kept in the store (tables ``minhash`` and ``lsh_bands``), not in memory: an ingest run holds
only the current batch's signatures.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

PERMUTATIONS = 128
BANDS = 32
ROWS = PERMUTATIONS // BANDS
SHINGLE_WORDS = 5
_WORD = re.compile(r"\w+")
_RNG = np.random.default_rng(20241204)  # fixed: signatures must be comparable across runs
_A = _RNG.integers(1, 2**63, size=PERMUTATIONS, dtype=np.uint64) | np.uint64(1)
_B = _RNG.integers(0, 2**63, size=PERMUTATIONS, dtype=np.uint64)
_BAND_MIX = _RNG.integers(1, 2**63, size=ROWS, dtype=np.uint64) | np.uint64(1)

Signature = npt.NDArray[np.uint32]


def shingles(text: str) -> set[int]:
    """Hashes (CRC-32, stable across runs) of the text's lower-cased 5-word shingles; a text
    shorter than that gives one shingle of all its words, an empty text none."""
    words = _WORD.findall(text.lower())
    if not words:
        return set()
    size = min(SHINGLE_WORDS, len(words))
    return {
        zlib.crc32(" ".join(words[i : i + size]).encode("utf-8"))
        for i in range(len(words) - size + 1)
    }


def signature(text: str) -> Signature | None:
    """The MinHash signature of a text, or None when it has no words."""
    found = shingles(text)
    if not found:
        return None
    values = np.fromiter(found, dtype=np.uint64, count=len(found))
    with np.errstate(over="ignore"):  # multiply-shift hashing wraps around by design
        hashed = (values[:, None] * _A[None, :] + _B[None, :]) >> np.uint64(32)
    minima: Signature = hashed.min(axis=0).astype(np.uint32)
    return minima


def band_keys(sig: Signature) -> list[int]:
    """One 64-bit key per band: documents that share a key agree on that whole band."""
    rows = sig.astype(np.uint64).reshape(BANDS, ROWS)
    with np.errstate(over="ignore"):
        keys = (rows * _BAND_MIX[None, :]).sum(axis=1, dtype=np.uint64)
    return [int(k) for k in keys]


def similarity(a: Signature, b: Signature) -> float:
    """The estimated Jaccard similarity of the two texts' shingle sets."""
    return float(np.count_nonzero(a == b)) / PERMUTATIONS


def to_bytes(sig: Signature) -> bytes:
    return sig.astype("<u4").tobytes()


def from_bytes(data: bytes) -> Signature:
    return np.frombuffer(data, dtype="<u4").astype(np.uint32)


@dataclass(frozen=True)
class Match:
    original: str  # document id
    similarity: float
