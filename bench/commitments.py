"""Benchmark: evaluate every coded commitment against N generated scenarios.

    .venv/bin/python bench/commitments.py [N]      (default 1000)

Prints scenarios per second and the total time; the target is well under a second for 1,000.
"""

from __future__ import annotations

import random
import sys
import time

from pactwatch.commitments import Scenario, evaluate_scenario, load_commitments

STATES = ["RUS", "PRK", "UKR", "USA", "KOR", "JPN", "CHN", "GBR", "FRA", "DEU", "POL", "BRA"]
PLACES = ["Kursk", "Crimea", "Bryansk", "Wonsan", "Seoul", "Tokyo", "Kyiv", "Warsaw", None]


def scenarios(n: int, seed: int = 7) -> list[Scenario]:
    rng = random.Random(seed)
    made = []
    for i in range(n):
        events = []
        for _ in range(rng.randint(1, 4)):
            source, target = rng.sample(STATES, 2)
            if rng.random() < 0.6:
                events.append(
                    {
                        "source": source,
                        "target": target,
                        "type": "ASSAULT",
                        "mode": "armed_attack",
                        "location": rng.choice(PLACES),
                        "supplied_by": rng.sample(STATES, rng.randint(0, 1)),
                    }
                )
            else:
                events.append(
                    {
                        "source": source,
                        "target": "PRK",
                        "type": "AID",
                        "mode": rng.choice(["fuel", "munitions"]),
                        "quantities": [{"value": rng.randint(1, 900_000), "unit": "barrel"}],
                    }
                )
        year = rng.randint(1950, 2026)
        made.append(
            Scenario.model_validate({"name": f"s{i}", "date": f"{year}-06-01", "events": events})
        )
    return made


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    commitments = load_commitments()
    cases = scenarios(n)
    evaluate_scenario(cases[0], commitments)  # warm caches (data files) outside the timing
    start, cpu = time.perf_counter(), time.process_time()
    findings = sum(len(evaluate_scenario(s, commitments)) for s in cases)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(
        f"{len(commitments)} commitments x {n} scenarios: {findings} findings in {elapsed:.3f} s "
        f"({n / elapsed:,.0f} scenarios/s, {elapsed / n * 1000:.2f} ms each; CPU {cpu:.3f} s)"
    )


if __name__ == "__main__":
    main()
