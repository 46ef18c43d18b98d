"""``genderindex train topic``: rebuild the shipped topic classifiers from the training data."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .app import app

train_app = typer.Typer(help="Train the shipped models (needs scikit-learn and a source checkout).",
                        no_args_is_help=True)
app.add_typer(train_app, name="train")


@train_app.command("topic")
def train_topic(
    lang: str = typer.Option("vi", "--lang", help="vi, en or all."),
    out: Path = typer.Option(Path("models"), "--out", help="Folder for topic_<lang>.json and MODEL_CARD_topic_<lang>.md."),
    data: Path = typer.Option(Path("training/topic"), "--data", help="Folder with the labels, written examples and lexicons."),
    shared: Optional[Path] = typer.Option(None, "--shared", help="Shared data folder (default: ../shared/data when present)."),
    no_shared: bool = typer.Option(False, "--no-shared", help="Train on the written examples only."),
    trained: Optional[str] = typer.Option(None, "--date", help="Training date written in the model (default: today)."),
    measure_dev: bool = typer.Option(True, "--measure-dev/--no-measure-dev",
                                     help="After training, measure on vi-news dev + dev-gold (reported only, never used for fitting)."),
) -> None:
    """Train the ge_topic / gbv_story classifiers and export plain JSON weights + model card."""
    from ..topic.build import build_topic_models
    from .common import console_err

    if not data.is_dir():
        console_err(f"error: {data}: training data folder not found")
        raise typer.Exit(2)
    langs = ["vi", "en"] if lang == "all" else [lang]
    if any(x not in ("vi", "en") for x in langs):
        console_err(f"error: unknown language {lang!r} (vi, en or all)")
        raise typer.Exit(2)
    for lg in langs:
        summary = build_topic_models(lg, out, data, shared=shared, use_shared=not no_shared,
                                     trained=trained, measure_dev=measure_dev, log=console_err)
        console_err(summary)
