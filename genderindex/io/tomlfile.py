"""Reading TOML files (configuration, rubric, outlet mapping) with errors that name the file."""
from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any


def read_toml(path: str | Path, error: type[Exception] = ValueError, what: str | None = None) -> dict[str, Any]:
    """The parsed TOML table at ``path``; any failure raises ``error`` naming the file.

    With ``what`` (e.g. ``"rubric file"``), a missing file says ``"<path>: <what> not found"``.
    """
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as exc:
        if what is None:
            raise error(f"{path}: cannot read ({exc.strerror})") from None
        raise error(f"{path}: {what} not found") from None
    except OSError as exc:
        raise error(f"{path}: cannot read ({exc.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise error(f"{path}: invalid TOML ({exc})") from None
