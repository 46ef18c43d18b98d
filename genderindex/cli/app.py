"""The typer application object shared by the command modules."""
import typer

app = typer.Typer(
    name="genderindex",
    help="Audit news articles for gender sensitivity (Vietnamese first, English second).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback(invoke_without_command=True)
def _root(
    version: bool = typer.Option(False, "--version", help="Show the version and exit.", is_eager=True),
) -> None:
    """genderindex: who is in the news and who speaks, by gender; sexist wording with better
    wording; gender-equality coverage; a versioned index score per article and outlet."""
    if version:
        from .. import __version__

        typer.echo(f"genderindex {__version__}")
        raise typer.Exit(0)
