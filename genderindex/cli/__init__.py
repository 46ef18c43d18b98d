"""Command-line interface. Each command lives in its own module and imports its heavy
dependencies inside the command function, so that start-up stays fast."""
from __future__ import annotations

from .app import app
from . import analyze as _analyze  # noqa: F401  (registers commands)
from . import evaluate as _evaluate  # noqa: F401
from . import audit as _audit, report as _report  # noqa: F401
from . import train as _train  # noqa: F401
from . import check as _check  # noqa: F401


def main() -> None:
    """Entry point of the ``genderindex`` console script."""
    import signal

    # Ctrl-C / SIGINT stops a run cleanly (finished work saved, exit 130) even when the
    # process was started with SIGINT ignored (a background job of a non-interactive shell)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    app()


__all__ = ["app", "main"]
