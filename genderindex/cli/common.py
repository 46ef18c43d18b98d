"""Helpers shared by the commands: stderr console and progress bars."""
from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator


def console_err(message: str) -> None:
    """Print a one-line message to stderr (no markup interpretation)."""
    print(message, file=sys.stderr)


@contextlib.contextmanager
def progress_bar(enabled: bool, label: str, total: int | None = None) -> Iterator[Callable[[], None]]:
    """A rich progress bar on an interactive terminal; a no-op otherwise."""
    if not (enabled and sys.stderr.isatty()):
        yield lambda: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(), TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        transient=False,
    ) as prog:
        task = prog.add_task(label, total=total)
        yield lambda: prog.advance(task)
