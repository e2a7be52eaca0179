"""The pactwatch command line: each command parses its options, calls the API and prints.

Machine formats go to stdout; progress, summaries and errors go to stderr. Exit codes: 0 success;
1 some inputs failed (the rest were processed and stored) or the command could not run; 2 usage
error; 3 the command exists but its capability is not built yet.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, NoReturn

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from pactwatch import api
from pactwatch._version import __version__
from pactwatch.commitments import Finding, atop_rows, diff, diff_text, to_yaml
from pactwatch.errors import NotBuiltError, PactwatchError
from pactwatch.model import PLOVER_TYPES, Event, Range
from pactwatch.pipeline import IngestReport
from pactwatch.pipeline import Progress as OnItem
from pactwatch.report.network import graphml
from pactwatch.report.plover import plover_record
from pactwatch.settings import load_settings

app = typer.Typer(
    name="pactwatch",
    help="What is written about a military alliance, as an executable, evidence-grounded model.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
docs_app = typer.Typer(
    help="List stored documents, or show one with its clean text.", rich_markup_mode=None
)
app.add_typer(docs_app, name="docs")
err = Console(stderr=True, highlight=False, soft_wrap=True)

EXIT_FAILED, EXIT_USAGE, EXIT_NOT_BUILT = 1, 2, 3


def _default_db() -> Path:
    return Path(load_settings().store.default_path)


DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db", help="The DuckDB store (default: ./pactwatch.duckdb, setting store.default_path)."
    ),
]
WorkersOption = Annotated[
    int,
    typer.Option(min=1, help="Processes that parse and extract (the main one reads and writes)."),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress on stderr.")]


class DocFormat(StrEnum):
    jsonl = "jsonl"
    text = "text"


class EventFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    text = "text"
    plover = "plover"


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    text = "text"


def _fail(exc: PactwatchError) -> NoReturn:
    err.print(f"[red]error[/red] {exc}", markup=True)
    raise typer.Exit(EXIT_NOT_BUILT if isinstance(exc, NotBuiltError) else EXIT_FAILED)


class _ProgressBar:
    """Ingest progress on stderr: a bar over the input files on a terminal; otherwise (a log, a
    pipe) one plain line per batch written."""

    def __init__(self, bar: Progress | None) -> None:
        self.bar: Progress | None = bar
        self.task: TaskID | None = None

    def started(self, files: int) -> None:
        if self.bar is not None:
            self.task = self.bar.add_task("reading", total=files)

    def reading(self, name: str) -> None:
        if self.bar is not None and self.task is not None:
            self.bar.update(self.task, advance=1, description=f"reading {Path(name).name}")

    def stored(self, report: IngestReport) -> None:
        if self.bar is None:
            err.print(
                f"ingest: {report.stored} stored, {report.unchanged} already stored, "
                f"{len(report.failed)} failed so far"
            )


@contextmanager
def _progress(quiet: bool) -> Iterator[OnItem | None]:
    if quiet:
        yield None
        return
    if not sys.stderr.isatty():
        yield _ProgressBar(None)
        return
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as bar:
        yield _ProgressBar(bar)


def _report_ingest(report: IngestReport) -> None:
    err.print(
        f"ingest: {report.inputs} read, {report.stored} new, {report.unchanged} already stored, "
        f"{report.not_coded} not event-coded, {report.events} events; {len(report.failed)} failed"
    )
    for failure in report.failed:
        err.print(f"  {failure}")


@app.command()
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files, folders (read recursively) or '-' for JSONL on stdin."),
    ],
    db: DbOption = None,
    workers: WorkersOption = 1,
    quiet: QuietOption = False,
) -> None:
    """Read articles (.txt .md .html .htm .jsonl) into the store, parsed and event-coded.

    Re-running on the same inputs stores nothing new. A bad input is reported with its coded reason
    and the run goes on; the exit code is then 1.
    """
    try:
        with _progress(quiet) as progress:
            report = api.ingest(paths, db or _default_db(), workers=workers, progress=progress)
    except PactwatchError as exc:
        _fail(exc)
    _report_ingest(report)
    raise typer.Exit(report.exit_code)


@docs_app.callback(invoke_without_command=True)
def docs(
    ctx: typer.Context,
    db: DbOption = None,
    fmt: Annotated[
        DocFormat, typer.Option("--format", help="jsonl: one Document per line.")
    ] = DocFormat.text,
) -> None:
    """List stored documents (the failed inputs too, with status error)."""
    if ctx.invoked_subcommand is not None:
        return
    try:
        documents = api.documents(db or _default_db())
    except PactwatchError as exc:
        _fail(exc)
    for doc in documents:
        if fmt is DocFormat.jsonl:
            typer.echo(doc.model_dump_json())
        else:
            what = doc.title or "" if doc.status == "ok" else f"ERROR {doc.error}"
            typer.echo(
                f"{doc.id}  {doc.published or '----------'}  {doc.language or '--':2}  "
                f"{doc.chars:>6}  {what}  [{doc.path or doc.url or ''}]"
            )


@docs_app.command("show")
def docs_show(
    doc_id: Annotated[
        str, typer.Argument(metavar="ID", help="A document id, or a unique prefix of one.")
    ],
    db: DbOption = None,
    fmt: Annotated[
        DocFormat,
        typer.Option("--format", help="jsonl: the Document with its text and stripped lines."),
    ] = DocFormat.text,
) -> None:
    """Show one document: its metadata, the lines of page debris stripped from it and why, then
    its clean text (the text every span points into)."""
    try:
        found = api.document(db or _default_db(), doc_id)
    except PactwatchError as exc:
        _fail(exc)
    if found is None:
        err.print(f"no single document matches id {doc_id!r}")
        raise typer.Exit(EXIT_FAILED)
    doc, text = found
    stripped = api.stripped(db or _default_db(), doc.id)
    seen = api.sightings(db or _default_db(), doc.id)
    if fmt is DocFormat.jsonl:
        record = {
            **doc.model_dump(),
            "text": text,
            "stripped": [asdict(s) for s in stripped],
            "also_read_at": [{"locator": s[0], "url": s[1], "published": s[2]} for s in seen],
        }
        typer.echo(json.dumps(record, ensure_ascii=False))
        return
    for key, value in doc.model_dump().items():
        if value is not None:
            typer.echo(f"{key}: {value}")
    for locator, url, published in seen:
        typer.echo(f"also read at: {locator}" + "".join(f" ({x})" for x in (url, published) if x))
    if stripped:
        typer.echo(f"stripped: {len(stripped)} line(s) of page debris")
        for s in stripped:
            typer.echo(f"  line {s.line:>4}  {s.rule:<17}  {s.text!r}  ({s.reason})")
    typer.echo("")
    typer.echo(text)


def _write_csv(found: list[Event], out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=list(_event_row(found[0]) if found else ["id"]))
    writer.writeheader()
    writer.writerows(_event_row(e) for e in found)


def _event_row(event: Event) -> dict[str, object]:
    return {
        "id": event.id,
        "doc_id": event.doc_id,
        "published": event.published,
        "date": event.date,
        "date_note": event.date_note,
        "target_note": event.target_note,
        "source": event.source,
        "source_role": event.source_role,
        "target": event.target,
        "target_role": event.target_role,
        "type": event.type,
        "mode": event.mode,
        "modality": event.modality,
        "polarity": event.polarity,
        "attributed_to": event.attributed_to,
        "quantities": "; ".join(q.text for q in event.quantities),
        "location": event.location.name if event.location else None,
        "span_start": event.span.start,
        "span_end": event.span.end,
        "span_text": event.span.text,
        "confidence": event.confidence,
        "url": event.url,
    }


@app.command()
def events(
    db: DbOption = None,
    fmt: Annotated[
        EventFormat,
        typer.Option(
            "--format",
            help="jsonl (DESIGN's Event shape), plover (PLOVER-style records), csv or text.",
        ),
    ] = EventFormat.jsonl,
    actor: Annotated[
        str | None, typer.Option(help="Only events with this actor as source or target, e.g. RUS.")
    ] = None,
    type: Annotated[
        str | None,
        typer.Option("--type", help=f"Only this PLOVER type: {', '.join(PLOVER_TYPES)}."),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(help="Only events dated (else published) on or after YYYY[-MM[-DD]]."),
    ] = None,
) -> None:
    """List extracted events, each with its source span and how sure the text is."""
    if type is not None and type.upper() not in PLOVER_TYPES:
        err.print(f"unknown event type {type!r}; one of: {', '.join(PLOVER_TYPES)}")
        raise typer.Exit(EXIT_USAGE)
    try:
        found = api.events(
            db or _default_db(),
            actor=actor.upper() if actor else None,
            type=type.upper() if type else None,
            since=since,
        )
    except PactwatchError as exc:
        _fail(exc)
    if fmt is EventFormat.jsonl:
        for event in found:
            typer.echo(event.model_dump_json())
    elif fmt is EventFormat.plover:
        for event in found:
            typer.echo(json.dumps(plover_record(event), ensure_ascii=False))
    elif fmt is EventFormat.csv:
        _write_csv(found, sys.stdout)
    else:
        for e in found:
            negation = " NEG" if e.polarity == "negative" else ""
            typer.echo(
                f"{e.date or e.published or '----':10} {e.source or '?':>4} -> {e.target or '?':4} "
                f"{e.type:9} {e.mode or '':18} {e.modality:11}{negation}  {e.span.text!r}"
            )


@app.command()
def claims(
    db: DbOption = None,
    fmt: Annotated[Format, typer.Option("--format", help="jsonl or text.")] = Format.jsonl,
) -> None:
    """List normalised claims (slot statements) with every supporting span.

    A claim is (subject, slot, value) as of a date, with its modality and polarity: every event
    says it occurred ("PRK->RUS aid:munitions"), a dated treaty act gives "treaty PRK-RUS
    signed_on", and an amount moved gives e.g. "PRK->RUS troops_deployed 11000". `origins`
    counts independent origins: one quoted source is one origin however many outlets quote it.
    """
    if fmt not in {Format.jsonl, Format.text}:
        err.print(f"claims come as jsonl or text, not {fmt.value}")
        raise typer.Exit(EXIT_USAGE)
    try:
        found = api.claims(db or _default_db())
    except PactwatchError as exc:
        _fail(exc)
    if fmt is Format.text:
        for c in found:
            value = c.value.model_dump() if isinstance(c.value, Range) else c.value
            negation = " NEG" if c.polarity == "negative" else ""
            typer.echo(
                f"{c.subject:16} {c.slot:28} {value!s:18} {c.as_of or '-':10} "
                f"{c.modality:11}{negation} origins {c.origins}, mentions {len(c.mentions)}"
            )
        return
    for c in found:
        typer.echo(c.model_dump_json())


ReferenceOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--reference",
        help="A YAML file of extra record facts (same format as data/reference/); repeatable.",
    ),
]


@app.command()
def conflicts(
    db: DbOption = None,
    fmt: Annotated[Format, typer.Option("--format", help="json or text.")] = Format.json,
    reference: ReferenceOption = None,
) -> None:
    """List contradictions between sources, and against the curated record.

    `cross_source`: two sources give incompatible values for one slot at one time (dates that
    cannot both be right, amounts that differ by more than rounding, one writer saying an event
    happened and another that it did not). `reference`: a source contradicts the record (a treaty
    date, an estimate outside the record's range for that month, a flow the record shows going
    the other way only). Values compatible within their precision or bounds, estimates of
    different months, different units, opposite flows, speculation and plans are never
    conflicts. The text format also shows denials later reversed, as timelines.
    """
    if fmt not in {Format.json, Format.text}:
        err.print(f"conflicts come as json or text, not {fmt.value}")
        raise typer.Exit(EXIT_USAGE)
    path = db or _default_db()
    try:
        found = api.conflicts(path, reference=reference or ())
        timelines = api.reversals(path, reference=reference or ()) if fmt is Format.text else []
    except PactwatchError as exc:
        _fail(exc)
    if fmt is Format.json:
        typer.echo(json.dumps([c.model_dump(mode="json") for c in found], indent=2))
        return
    if not found:
        typer.echo("No contradictions found.")
    for c in found:
        typer.echo(f"[{c.kind}] {c.subject} {c.slot}")
        typer.echo(f"  {c.explanation}")
        if c.reference is not None:
            typer.echo(f"  record: {c.reference.value}  <{c.reference.source_url}>")
        for value in c.values:
            for source in value.sources:
                where = source.url or source.doc_id
                typer.echo(f"  {value.value:>14}  {where}: {source.span.text!r}")
    if timelines:
        typer.echo("\nDenied, then stated or acknowledged:")
    for timeline in timelines:
        typer.echo(f"  {timeline.summary}")
        for step in timeline.steps:
            said = "denied" if step.polarity == "negative" else "stated"
            where = step.url or step.doc_id or ""
            typer.echo(
                f"    {step.date or '----------':10} {said:7} {step.by or 'writer':8} {where}"
            )


@app.command()
def check(
    statement: Annotated[str, typer.Argument(help="A statement to check, in quotes.")],
    db: DbOption = None,
    fmt: Annotated[Format, typer.Option("--format", help="json or text.")] = Format.text,
    reference: ReferenceOption = None,
) -> None:
    """Say whether the record and the store support or contradict a statement.

    The statement is read like an article sentence. The verdict is `contradicted` when the
    curated record or a treaty file contradicts it, `supported` when they support it or when at
    least two independent origins in the store state it and none deny it, and `cannot_decide`
    otherwise, with the reason (one uncorroborated source, sources that disagree, nothing known).
    Without a store (no --db and no ./pactwatch.duckdb), only the record is consulted.
    """
    if fmt not in {Format.json, Format.text}:
        err.print(f"check answers as json or text, not {fmt.value}")
        raise typer.Exit(EXIT_USAGE)
    path = db or _default_db()
    store = path if Path(path).exists() else None
    if store is None:
        err.print(f"no store at {path}: checking against the curated record only")
    try:
        verdict = api.check(statement, store, reference=reference or ())
    except PactwatchError as exc:
        _fail(exc)
    if fmt is Format.json:
        typer.echo(verdict.model_dump_json(indent=2))
        return
    typer.echo(f"{verdict.verdict.upper()}: {statement}")
    for line in verdict.explanation:
        typer.echo(f"  {line}")
    for item in verdict.evidence:
        if item.reference is not None:
            typer.echo(f"  {item.stance:11} record {item.reference}  <{item.source_url}>")
        elif item.span is not None:
            where = item.source_url or item.doc_id
            typer.echo(f"  {item.stance:11} {where} (origin {item.origin}): {item.span.text!r}")


def _print_findings(findings: list[Finding], fmt: Format, chain: list[str] | None = None) -> None:
    if fmt in {Format.json, Format.jsonl}:
        if fmt is Format.json:
            typer.echo(json.dumps([f.to_dict() for f in findings], indent=2, ensure_ascii=False))
        else:
            for f in findings:
                typer.echo(json.dumps(f.to_dict(), ensure_ascii=False))
        return
    quiet = {"not_activated", "complied"}
    standing = [
        f
        for f in findings
        if f.status == "activated"
        and any("no conditions: the obligation applies" in line for line in f.explanation)
    ]
    shown = [f for f in findings if f.status not in quiet and f not in standing]
    for f in shown:
        readings = ", ".join(f"{k}: {v}" for k, v in f.interpretations.items())
        to = f" -> {f.beneficiary}" if f.beneficiary else ""
        step = f"  (cascade step {f.cascade_step})" if f.cascade_step is not None else ""
        typer.echo(
            f"{f.status.upper():14} {f.commitment} art. {f.article} [{f.obligation}] "
            f"{f.obligated}{to}{step}\n               {readings}"
        )
        if f.date_variants:
            typer.echo(
                "               date readings: "
                + ", ".join(f"{k}: {v}" for k, v in f.date_variants.items())
            )
        for line in f.explanation:
            typer.echo(f"    {line}")
        typer.echo("")
    if standing:
        typer.echo("Standing obligations (in force, with no trigger):")
        for f in standing:
            to = f.beneficiary or "-"
            typer.echo(f"  {f.commitment} art. {f.article} [{f.obligation}] {f.obligated} -> {to}")
        typer.echo("")
    rest = len(findings) - len(shown) - len(standing)
    typer.echo(
        f"{len(shown)} finding(s) explained above; {len(standing)} standing; {rest} not activated "
        "or complied (--format json lists all, with their explanations)"
    )
    if chain:
        typer.echo("\ncascade:")
        for line in chain:
            typer.echo(f"  {line}")


@app.command()
def treaties(
    action: Annotated[str, typer.Argument(help="list | show ID | diff ID1 ID2")] = "list",
    ids: Annotated[list[str] | None, typer.Argument(help="Commitment ids.")] = None,
    db: DbOption = None,
    fmt: Annotated[
        Format, typer.Option("--format", help="text, json or yaml-like text.")
    ] = Format.text,
) -> None:
    """List, show or compare coded commitments (treaties and UN sanctions regimes)."""
    ids = ids or []
    wanted = {"list": 0, "show": 1, "diff": 2}
    if action not in wanted or len(ids) != wanted[action]:
        err.print("usage: pactwatch treaties list | show ID | diff ID1 ID2")
        raise typer.Exit(EXIT_USAGE)
    try:
        found = {c.id: c for c in api.commitments()}
    except PactwatchError as exc:
        _fail(exc)
    missing = [i for i in ids if i not in found]
    if missing:
        err.print(f"unknown commitment {missing[0]!r}; known: {', '.join(sorted(found))}")
        raise typer.Exit(EXIT_FAILED)
    if action == "list":
        for c in found.values():
            if fmt is Format.json:
                typer.echo(
                    json.dumps(
                        {
                            "id": c.id,
                            "kind": c.kind,
                            "title": c.title,
                            "signed": str(c.signed),
                            "in_force_from": str(c.in_force.from_),
                            "in_force_until": str(c.in_force.until) if c.in_force.until else None,
                            "parties": [m.code for m in c.parties],
                        }
                    )
                )
            else:
                until = c.in_force.until or ("contested" if c.in_force.variants else "—")
                typer.echo(f"{c.id:20} {c.kind:12} {c.in_force.from_} to {until!s:12} {c.short}")
    elif action == "show":
        c = found[ids[0]]
        typer.echo(
            json.dumps(c.model_dump(mode="json", by_alias=True), indent=2, ensure_ascii=False)
            if fmt is Format.json
            else to_yaml(c)
        )
    else:
        result = diff(found[ids[0]], found[ids[1]])
        typer.echo(
            json.dumps(result, indent=2, ensure_ascii=False)
            if fmt is Format.json
            else diff_text(result)
        )


@app.command()
def scenario(
    file: Annotated[Path, typer.Argument(help="A scenario YAML file.")],
    db: DbOption = None,
    fmt: Annotated[Format, typer.Option("--format", help="json or text.")] = Format.text,
    interpretation: Annotated[
        str | None, typer.Option(help="Evaluate under one named interpretation only.")
    ] = None,
    cascade: Annotated[
        bool, typer.Option(help="Apply activated obligations until nothing new activates.")
    ] = False,
) -> None:
    """Evaluate the coded commitments against a scenario, with an explanation per finding."""
    try:
        result = api.run_scenario(file, interpretation=interpretation, cascade=cascade)
    except PactwatchError as exc:
        _fail(exc)
    except KeyError as exc:
        err.print(str(exc.args[0]))
        raise typer.Exit(EXIT_USAGE) from exc
    _print_findings(result.findings, fmt, result.chain if cascade else None)


@app.command()
def obligations(
    db: DbOption = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Date YYYY-MM-DD (default today).")
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", help="json or text.")] = Format.text,
    include_reported: Annotated[
        bool, typer.Option(help="Count reported events too, not only asserted ones.")
    ] = False,
    interpretation: Annotated[
        str | None, typer.Option(help="One named interpretation only.")
    ] = None,
) -> None:
    """Evaluate the commitments against a scenario built from the stored evidence."""
    try:
        day = dt.date.fromisoformat(as_of) if as_of else None
    except ValueError as exc:
        err.print(f"--as-of wants YYYY-MM-DD, got {as_of!r}")
        raise typer.Exit(EXIT_USAGE) from exc
    try:
        built, findings = api.obligations(
            db or _default_db(),
            as_of=day,
            include_reported=include_reported,
            interpretation=interpretation,
        )
    except PactwatchError as exc:
        _fail(exc)
    err.print(f"{built.name}: {len(built.events)} events")
    _print_findings(findings, fmt)


@app.command()
def brief(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Articles to brief on; none: the bundled sample corpus."),
    ] = None,
    output: Annotated[Path, typer.Option("-o", "--output", help="Where to write the HTML.")] = Path(
        "briefing.html"
    ),
    db: DbOption = None,
    workers: WorkersOption = 1,
    quiet: QuietOption = False,
) -> None:
    """Write a self-contained HTML briefing (the main job).

    With no PATH and no --db: the bundled sample corpus. With PATHs and no --db: a fresh store is
    built beside the output for this run (BRIEFING.duckdb), so runs on different folders never mix.
    With --db: that store, after ingesting any PATHs into it.
    """
    try:
        with _progress(quiet) as progress:
            result = api.brief(
                paths or [], output=output, db=db, workers=workers, progress=progress
            )
    except PactwatchError as exc:
        _fail(exc)
    if result.ingest:
        _report_ingest(result.ingest)
    what = (
        "the bundled sample corpus (written for demonstration)" if result.sample else str(result.db)
    )
    err.print(f"briefing of {what}: {result.summary.line()}")
    typer.echo(str(result.output))
    raise typer.Exit(result.exit_code)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8765,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="PACTWATCH_TOKEN",
            help="Required of every request (?token=, a Bearer header or the cookie the first "
            "visit sets); needed when binding beyond loopback.",
        ),
    ] = None,
) -> None:
    """Serve the local web app over the store (read-only; an ingest can run meanwhile)."""
    import uvicorn  # noqa: PLC0415  # the app's dependencies load only when serving

    from pactwatch.web.app import create_app  # noqa: PLC0415

    path = db or _default_db()
    if host not in {"127.0.0.1", "localhost", "::1"} and not token:
        err.print(
            f"serve: binding {host} exposes the store beyond this machine; "
            "give --token (or PACTWATCH_TOKEN) so that only those who have it can read"
        )
        raise typer.Exit(2)
    if not path.exists():
        err.print(f"serve: no store at {path}; run `pactwatch ingest PATH --db {path}` first")
        raise typer.Exit(2)
    where = f"http://{host}:{port}/" + (f"?token={token}" if token else "")
    err.print(f"serving {path} at {where} (Ctrl-C stops)")
    uvicorn.run(create_app(path, token=token), host=host, port=port, log_level="warning")


class ExportFormat(StrEnum):
    plover = "plover"
    graphml = "graphml"
    csv = "csv"
    atop = "atop"


@app.command()
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="plover, graphml, csv or atop.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
    db: DbOption = None,
) -> None:
    """Export: events as PLOVER-style JSONL or CSV, the actor network as GraphML, or the coded
    commitments as ATOP-style CSV."""
    try:
        if fmt is ExportFormat.atop:
            text = atop_rows(api.commitments())
        else:
            found = api.events(db or _default_db())
            if fmt is ExportFormat.graphml:
                text = graphml(found)
            elif fmt is ExportFormat.plover:
                text = "".join(
                    json.dumps(plover_record(e), ensure_ascii=False) + "\n" for e in found
                )
            else:
                buffer = io.StringIO()
                _write_csv(found, buffer)
                text = buffer.getvalue()
        output.write_text(text, encoding="utf-8")
    except PactwatchError as exc:
        _fail(exc)
    typer.echo(str(output))


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"pactwatch {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version_callback,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    """pactwatch: treaties, evidence and analysis of military alliances."""


def main() -> None:
    app()
