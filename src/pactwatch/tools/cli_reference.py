"""Generate docs/cli.md from the CLI itself, so the reference never drifts from the code.

python -m pactwatch.tools.cli_reference > docs/cli.md
"""

from __future__ import annotations

from typing import Any

import typer

from pactwatch.cli import app


def _section(command: Any, path: list[str], out: list[str]) -> None:
    # typer ships its own copy of click: build the context with the command's own class.
    ctx = command.context_class(
        command, info_name=" ".join(path), terminal_width=88, max_content_width=88
    )
    out.append(f"## `{' '.join(path)}`\n")
    out.append("```")
    out.append(command.get_help(ctx).replace("\u2011", "-").rstrip())
    out.append("```\n")
    if hasattr(command, "list_commands"):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None:
                _section(sub, [*path, name], out)


def render() -> str:
    root = typer.main.get_command(app)
    out = [
        "# CLI reference",
        "",
        "Generated from the code by `python -m pactwatch.tools.cli_reference`; a test fails",
        "when it is stale. Exit codes: 0 success; 1 some inputs failed (the rest were stored)",
        "or the command could not run; 2 usage error; 3 the capability is not built yet.",
        "",
    ]
    _section(root, ["pactwatch"], out)
    return "\n".join(out).rstrip() + "\n"


if __name__ == "__main__":
    print(render(), end="")
