"""Reports: the self-contained briefing HTML."""

from pactwatch.report.brief import BriefSummary, render_briefing

__all__ = ["BriefSummary", "render_briefing"]
