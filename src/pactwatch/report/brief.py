"""The briefing: one self-contained HTML file (inline CSS, no scripts or fonts from the network).

Article text is untrusted: every value goes through Jinja's autoescape.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from dataclasses import dataclass
from importlib import resources

import jinja2
from markupsafe import Markup

from pactwatch._version import __version__
from pactwatch.kb import Store
from pactwatch.report.views import build


@dataclass(frozen=True)
class BriefSummary:
    documents: int
    ok: int
    errors: int
    not_coded: int
    languages: dict[str, int]
    events: int
    events_by_modality: dict[str, int]

    def line(self) -> str:
        langs = ", ".join(f"{k} {v}" for k, v in self.languages.items()) or "none"
        modes = ", ".join(f"{k} {v}" for k, v in self.events_by_modality.items()) or "none"
        return (
            f"{self.documents} documents ({self.ok} stored, {self.errors} failed, "
            f"{self.not_coded} not event-coded; languages: {langs}); "
            f"{self.events} events ({modes})"
        )


def _environment() -> jinja2.Environment:
    loader = jinja2.FunctionLoader(
        lambda name: (
            resources.files("pactwatch.report")
            .joinpath("templates", name)
            .read_text(encoding="utf-8")
        )
    )
    return jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined)


def static_text(name: str) -> str:
    """One of the report's static assets (the stylesheet and the timeline filter script)."""
    return resources.files("pactwatch.report").joinpath("static", name).read_text("utf-8")


def csp_hash(script: str) -> str:
    """The Content-Security-Policy source that allows exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def render_briefing(
    store: Store, *, sample: bool, generated: dt.datetime | None = None
) -> tuple[str, BriefSummary]:
    stats = store.stats()
    v = build(store)
    summary = BriefSummary(
        documents=stats.documents,
        ok=stats.ok,
        errors=stats.errors,
        not_coded=stats.not_coded,
        languages=stats.languages,
        events=stats.events,
        events_by_modality=stats.events_by_modality,
    )
    script = static_text("pactwatch.js")
    html = (
        _environment()
        .get_template("briefing.html.j2")
        .render(
            v=v,
            sample=sample,
            documents=v.documents,
            # our own packaged assets, never article text
            css=Markup(static_text("pactwatch.css")),  # noqa: S704
            script=Markup(script),  # noqa: S704
            script_hash=csp_hash(script),
            version=__version__,
            generated=(generated or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%d %H:%M UTC"),
        )
    )
    return html, summary
