"""Load test of the web app over loopback: a bounded number of requests, a fixed concurrency.

    .venv/bin/python -m bench.web [--requests 2000] [--concurrency 20] [--db STORE]

Without --db it ingests the bundled sample corpus into a temporary store. The server runs as a
separate process (`pactwatch serve`), as a user would start it, so that the load generator and the
server do not share one interpreter. The requests cycle through the pages and the JSON API (the
scenario and check forms included); the report gives p50, p95 and p99 latency per route kind and
over all, the throughput and every error. Figures vary with the machine's load: quote one run.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from pactwatch import ingest
from pactwatch.pipeline import sample_corpus

CRIMEA = {
    "name": "strike on Crimea",
    "date": "2025-03-01",
    "events": [{"source": "UKR", "target": "RUS", "type": "ASSAULT", "location": "Crimea"}],
}


def _routes(doc_id: str) -> list[tuple[str, str, str, dict[str, object] | None]]:
    """(kind, method, path, json body) in the order they are cycled through."""
    return [
        ("page", "GET", "/", None),
        ("page", "GET", "/view/timeline", None),
        ("page", "GET", "/view/flows", None),
        ("page", "GET", "/view/indicators", None),
        ("page", "GET", f"/documents/{doc_id}", None),
        ("search", "GET", "/search?q=shells+containers", None),
        ("api", "GET", "/api/events?actor=PRK", None),
        ("api", "GET", "/api/documents", None),
        ("api", "GET", "/api/conflicts", None),
        ("api", "GET", "/api/claims", None),
        ("scenario", "POST", "/api/scenario", CRIMEA),
        ("page", "GET", "/view/network", None),
    ]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _run(base: str, routes: list[tuple[str, str, str, dict[str, object] | None]],
               total: int, concurrency: int) -> tuple[dict[str, list[float]], list[str], float]:
    latencies: dict[str, list[float]] = {}
    errors: list[str] = []
    counter = iter(range(total))
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:

        async def worker() -> None:
            for n in counter:
                kind, method, path, body = routes[n % len(routes)]
                started = time.perf_counter()
                try:
                    response = await client.request(method, path, json=body)
                    ok = response.status_code == 200
                    if not ok:
                        errors.append(f"{method} {path}: {response.status_code}")
                except httpx.HTTPError as exc:
                    errors.append(f"{method} {path}: {exc!r}")
                    continue
                latencies.setdefault(kind, []).append(time.perf_counter() - started)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    return latencies, errors, elapsed


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "sample.duckdb"
            ingest([sample_corpus()], db)
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "pactwatch", "serve", "--db", str(db), "--port", str(port)],
            stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    first = httpx.get(base + "/api/documents", timeout=5)
                    break
                except httpx.HTTPError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise SystemExit("the server did not start") from None
                    time.sleep(0.2)
            doc_id = first.json()[0]["id"]
            httpx.get(base + "/", timeout=60)  # the first page builds the views once
            routes = _routes(doc_id)
            latencies, errors, elapsed = asyncio.run(
                _run(base, routes, args.requests, args.concurrency)
            )
        finally:
            server.terminate()
            server.wait(timeout=20)
    every = [v for values in latencies.values() for v in values]
    print(f"web load test: {args.requests} requests, {args.concurrency} concurrent, loopback")
    print(f"  {'kind':10} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for kind, values in sorted(latencies.items()):
        print(
            f"  {kind:10} {len(values):5d} {_pct(values, .5):8.1f} {_pct(values, .95):8.1f} "
            f"{_pct(values, .99):8.1f}"
        )
    if every:
        print(
            f"  {'all':10} {len(every):5d} {_pct(every, .5):8.1f} {_pct(every, .95):8.1f} "
            f"{_pct(every, .99):8.1f}   mean {statistics.mean(every) * 1000:.1f} ms"
        )
    print(f"  throughput {len(every) / elapsed:.0f} requests/s over {elapsed:.1f} s")
    print(f"  errors: {len(errors)}" + (f" (first: {errors[0]})" if errors else ""))
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
