"""Benchmark: evaluate every coded commitment against N generated scenarios.

    .venv/bin/python bench/commitments.py [N] [--repeat K]      (default N=1000, K=5)

Scenarios are random: one to four events among twelve states (armed attacks, some with a
supplier, in places including contested ones; fuel and munitions deliveries to the DPRK with
amounts), each on a random day between 1950 and 2026. The sweep keeps every finding, as a user
would. It is timed K times in one process and the fastest and median CPU times are printed (this
machine is shared and noisy); the target is well under a second for 1,000 scenarios.

Explanations are built when a finding is first read, so the sweep measures deciding; the second
figure is the cost of reading the explanations of every finding of 100 scenarios.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import time

from pactwatch.commitments import Scenario, evaluate_many, load_commitments

STATES = ["RUS", "PRK", "UKR", "USA", "KOR", "JPN", "CHN", "GBR", "FRA", "DEU", "POL", "BRA"]
PLACES = ["Kursk", "Crimea", "Bryansk", "Wonsan", "Seoul", "Tokyo", "Kyiv", "Warsaw", None]


def scenarios(n: int, seed: int = 7) -> list[Scenario]:
    rng = random.Random(seed)
    made = []
    first, span = dt.date(1950, 1, 1), (dt.date(2026, 12, 31) - dt.date(1950, 1, 1)).days
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
        day = first + dt.timedelta(days=rng.randint(0, span))
        made.append(Scenario.model_validate({"name": f"s{i}", "date": day, "events": events}))
    return made


def main(argv: list[str]) -> None:
    repeat = 5
    if "--repeat" in argv:
        at = argv.index("--repeat")
        repeat = int(argv[at + 1])
        argv = argv[:at] + argv[at + 2 :]
    n = int(argv[0]) if argv else 1000
    commitments = load_commitments()
    cases = scenarios(n)
    evaluate_many(cases[:1], commitments)  # load the data files outside the timing
    times, findings = [], 0
    for _ in range(repeat):
        start = time.process_time()
        results = evaluate_many(cases, commitments)
        times.append(time.process_time() - start)
        findings = sum(len(r) for r in results)
        del results
    best, median = min(times), statistics.median(times)
    print(
        f"{len(commitments)} commitments x {n} scenarios = {findings} findings: "
        f"CPU {best:.3f} s fastest, {median:.3f} s median of {repeat} "
        f"({n / best:,.0f} scenarios/s, {best / findings * 1e6:.1f} us per finding)"
    )
    sample = evaluate_many(cases[:100], commitments)
    start = time.process_time()
    lines = sum(len(f.explanation) for found in sample for f in found)
    spent = time.process_time() - start
    count = sum(len(found) for found in sample)
    print(
        f"explanations of all {count} findings of 100 scenarios: {lines} lines in "
        f"{spent:.3f} s CPU ({spent / count * 1e6:.0f} us per finding)"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
