"""``genderindex check FILE... | -``: lint drafts for sexist, stereotyped and GBV wording.

Output, one line per finding, like a linter::

    draft.txt:3:14: warning appearance vi.appearance.bong-hong: "bóng hồng" — <message> → <suggestion>

``--format json`` prints one document with the versioned schema ``genderindex.check/1``::

    {"schema": "genderindex.check/1",
     "files": [{"path": "draft.txt", "lang": "vi", "kind": "text", "error": null,
                "findings": [{"rule", "category", "severity", "start", "end", "line", "col",
                              "text", "in_quote", "message", "suggestions", "source", "note"}]}],
     "summary": {"files": 1, "errors": 0, "findings": 3,
                 "by_severity": {"error": 0, "warning": 2, "info": 1}}}

Exit status: 0 no findings, 1 findings, 2 usage or input error (a bad file is reported on
stderr and the other files are still checked).
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from .app import app

SCHEMA = "genderindex.check/1"
_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _line_col_index(text: str):
    """A function offset -> (line, col), 1-based, using one pass over ``text``."""
    import bisect

    starts = [0]
    i = text.find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = text.find("\n", i + 1)

    def lc(offset: int) -> tuple[int, int]:
        k = bisect.bisect_right(starts, offset) - 1
        return k + 1, offset - starts[k] + 1

    return lc


def _format_line(path: str, f) -> str:
    sugg = " / ".join(f.suggestions)
    quote = " (in quote)" if f.in_quote else ""
    text = f.text.replace("\n", " ")
    out = f'{path}:{f.line}:{f.col}: {f.severity} {f.category} {f.rule}: "{text}"{quote} — {f.message}'
    if sugg:
        out += f" → {sugg}"
    return out


@app.command()
def check(
    files: list[str] = typer.Argument(..., metavar="FILE...", help="Drafts (.txt, .md, .docx, .html), or - for stdin."),
    format: str = typer.Option("text", "--format", "-f", help="text (linter lines) or json (schema genderindex.check/1)."),
    min_severity: Optional[str] = typer.Option(None, "--min-severity", help="Report only info, warning or error and above."),
    lang: str = typer.Option("auto", "--lang", help="auto, vi or en."),
    lexicon: list[Path] = typer.Option([], "--lexicon", help="Extra lexicon file or folder (repeatable)."),
    config: Optional[Path] = typer.Option(None, "--config", help="genderindex.toml or pyproject.toml (default: nearest one)."),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Colour (default: only on a terminal)."),
) -> None:
    """Check drafts for stereotyped, sexist, appearance-focused and victim-blaming wording.

    One line per finding: PATH:LINE:COL: SEVERITY CATEGORY RULE: "TEXT" — MESSAGE → SUGGESTIONS ("(in quote)" marks words inside quotation marks; for .docx and .html, LINE:COL refer to the extracted text).

    --format json prints {"schema": "genderindex.check/1", "files": [{"path", "lang", "kind", "error", "findings": [{"rule", "category", "severity", "start", "end", "line", "col", "text", "in_quote", "message", "suggestions", "source", "note"}]}], "summary": {"files", "errors", "findings", "by_severity"}}.

    Exit status: 0 nothing found, 1 findings, 2 usage or input error (bad files are reported on stderr; the other files are still checked). Settings: genderindex.toml or \\[tool.genderindex] in pyproject.toml (see lexicons/README.md).
    """
    from ..config import ConfigError, load_config
    from ..io.documents import DocumentError, read_document
    from ..language import LexiconError, find_findings
    from ..text.document import TextDoc
    from ..types import SEVERITY_RANK
    from .common import console_err

    if format not in ("text", "json"):
        console_err(f"error: --format must be text or json, not {format!r}")
        raise typer.Exit(2)
    if min_severity is not None and min_severity not in SEVERITY_RANK:
        console_err(f"error: --min-severity must be info, warning or error, not {min_severity!r}")
        raise typer.Exit(2)
    if lang not in ("auto", "vi", "en"):
        console_err(f"error: --lang must be auto, vi or en, not {lang!r}")
        raise typer.Exit(2)
    if files.count("-") > 1:
        console_err("error: stdin (-) can be given only once")
        raise typer.Exit(2)
    try:
        cfg = load_config(config).merged(lexicons=tuple(str(p) for p in lexicon), min_severity=min_severity)
    except ConfigError as exc:
        console_err(f"error: {exc}")
        raise typer.Exit(2)

    use_color = sys.stdout.isatty() if color is None else color
    console = None
    if format == "text" and use_color:
        from rich.console import Console

        console = Console(highlight=False, soft_wrap=True, force_terminal=True)

    results = []
    n_err = n_find = 0
    by_sev = {"error": 0, "warning": 0, "info": 0}
    for name in files:
        try:
            doc_in = read_document(name)
        except DocumentError as exc:
            n_err += 1
            console_err(f"error: {exc}")
            results.append({"path": exc.name, "lang": None, "kind": None, "error": exc.reason, "findings": []})
            continue
        try:
            doc = TextDoc(doc_in.text, lang=lang)
            findings = find_findings(doc, cfg)
        except LexiconError as exc:
            console_err(f"error: lexicon: {exc}")
            raise typer.Exit(2)
        lc = _line_col_index(doc_in.text)
        for f in findings:
            f.start, f.end = doc.span(f.start, f.end)
            f.text = doc_in.text[f.start : f.end]
            f.line, f.col = lc(f.start)
            by_sev[f.severity] += 1
        n_find += len(findings)
        if format == "json":
            results.append({
                "path": doc_in.name, "lang": doc.lang, "kind": doc_in.kind, "error": None,
                "findings": [{**f.to_dict(), "line": f.line, "col": f.col} for f in findings],
            })
        else:
            for f in findings:
                line = _format_line(doc_in.name, f)
                if console is not None:
                    from rich.text import Text

                    t = Text(line)
                    head = len(f"{doc_in.name}:{f.line}:{f.col}: ")
                    t.stylize("bold", 0, head - 2)
                    t.stylize(_STYLE[f.severity], head, head + len(f.severity))
                    console.print(t)
                else:
                    sys.stdout.write(line + "\n")
    if format == "json":
        import json

        out = {
            "schema": SCHEMA,
            "files": results,
            "summary": {"files": len(files), "errors": n_err, "findings": n_find, "by_severity": by_sev},
        }
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    elif sys.stderr.isatty() or n_find:
        console_err(f"{n_find} finding(s) in {len(files) - n_err} file(s)" + (f", {n_err} file(s) not read" if n_err else ""))
    sys.stdout.flush()
    if n_err:
        raise typer.Exit(2)
    raise typer.Exit(1 if n_find else 0)
