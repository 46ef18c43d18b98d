"""JSON Lines reading and writing with per-line error reporting."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any


class RecordError(ValueError):
    """A record that could not be read; ``where`` names the file and line."""

    def __init__(self, where: str, message: str):
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


def read_jsonl(path: str | Path) -> Iterator[tuple[str, dict[str, Any] | RecordError]]:
    """Yield ``(where, record)`` for every non-blank line; a bad line yields a
    :class:`RecordError` instead of raising, so the caller can skip it and go on."""
    name = "<stdin>" if str(path) == "-" else str(path)
    fh: IO[bytes]
    fh = sys.stdin.buffer if name == "<stdin>" else open(path, "rb")
    try:
        for lineno, raw in enumerate(fh, 1):
            where = f"{name}:{lineno}"
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield where, RecordError(where, f"not UTF-8 ({exc.reason} at byte {exc.start})")
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                yield where, RecordError(where, f"invalid JSON ({exc.msg}, column {exc.colno})")
                continue
            if not isinstance(rec, dict):
                yield where, RecordError(where, "not a JSON object")
                continue
            yield where, rec
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


def dump_line(obj: Any) -> str:
    """One JSON line (UTF-8 characters kept, no trailing newline)."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
