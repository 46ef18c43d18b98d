"""Where the shipped data lives: lexicons/, models/ and examples/.

Installed, they sit inside the package (genderindex/lexicons, ...); in a source checkout
they are the top-level folders of the repository.
"""
from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    inside = _PKG / name
    if inside.is_dir():
        return inside
    checkout = _PKG.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"genderindex data folder {name!r} not found in {_PKG} or {_PKG.parent}")


def lexicon_dir() -> Path:
    """Folder of the shipped lexicons (``vi/``, ``en/``, ``names/``)."""
    return _data_dir("lexicons")


def models_dir() -> Path:
    """Folder of the shipped trained models and their model cards."""
    return _data_dir("models")


def examples_dir() -> Path:
    """Folder of the shipped example drafts and example corpus."""
    return _data_dir("examples")


def shared_data_dir() -> Path | None:
    """``../shared/data`` beside the checkout or working directory, if it exists."""
    for base in (Path.cwd(), _PKG.parent):
        for cand in (base / ".." / "shared" / "data", base / "shared" / "data"):
            if cand.is_dir():
                return cand.resolve()
    return None
