"""Reading drafts for ``genderindex check``: .txt, .md, .docx, .html, or stdin (``-``).

Every problem becomes a :class:`DocumentError` with a one-line reason (missing file,
directory, too large, empty, binary, not UTF-8, broken .docx), so the caller can report it
and go on with the next file. python-docx and trafilatura are imported only when a .docx or
.html file is read.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

#: files larger than this are refused (bytes)
MAX_BYTES = 10 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
DOCX_SUFFIXES = {".docx"}


class DocumentError(ValueError):
    """A draft that cannot be read; ``str(err)`` is ``"<name>: <reason>"``."""

    def __init__(self, name: str, reason: str):
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


@dataclass(slots=True)
class Document:
    """The text of one draft. ``kind`` is text, markdown, docx or html; for docx and html,
    line/column positions refer to the extracted text."""

    name: str
    text: str
    kind: str = "text"


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"


def decode_text(name: str, data: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; binary data and invalid bytes are errors."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise DocumentError(name, "invalid UTF-16 text") from None
    if b"\x00" in data[:8192]:
        raise DocumentError(name, "binary file (contains NUL bytes); expected text, .md, .docx or .html")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise DocumentError(
            name, f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at byte {exc.start}, line {line}); save the file as UTF-8"
        ) from None


def _read_bytes(path: str | Path) -> tuple[str, bytes]:
    name = "<stdin>" if str(path) == "-" else str(path)
    if name == "<stdin>":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise DocumentError(name, f"input too large (over {_mb(MAX_BYTES)})")
        return name, data
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise DocumentError(name, "no such file") from None
    except OSError as exc:
        raise DocumentError(name, f"cannot read ({exc.strerror})") from None
    if p.is_dir():
        raise DocumentError(name, "is a directory")
    if st.st_size > MAX_BYTES:
        raise DocumentError(name, f"file too large ({_mb(st.st_size)}; the limit is {_mb(MAX_BYTES)})")
    try:
        return name, p.read_bytes()
    except OSError as exc:
        raise DocumentError(name, f"cannot read ({exc.strerror})") from None


def _docx_text(name: str, data: bytes) -> str:
    import io
    import zipfile

    try:
        import docx  # python-docx
    except ImportError:  # pragma: no cover - dependency of the package
        raise DocumentError(name, "python-docx is not installed") from None
    try:
        d = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DocumentError(name, f"not a valid .docx file ({exc.__class__.__name__})") from None
    except Exception as exc:  # python-docx raises various errors on broken packages
        raise DocumentError(name, f"not a valid .docx file ({exc.__class__.__name__})") from None
    parts = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            parts.append("\t".join(c.text for c in row.cells))
    return "\n".join(parts)


_TAG_RE = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>|<!--.*?-->|<[^>]+>", re.S | re.I)
_BLOCK_RE = re.compile(r"</?(p|div|br|li|h[1-6]|tr|article|section|blockquote)\b[^>]*>", re.I)


def strip_tags(html: str) -> str:
    """Plain text of ``html`` without a boilerplate remover (block tags become line breaks)."""
    import html as _html

    text = _BLOCK_RE.sub("\n", html)
    text = _TAG_RE.sub("", text)
    text = _html.unescape(text)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def html_text(html: str) -> str:
    """Main text of an HTML page (trafilatura; tag stripping when it finds nothing)."""
    try:
        import trafilatura

        main = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
    except Exception:
        main = None
    return main if main and main.strip() else strip_tags(html)


def read_document(path: str | Path) -> Document:
    """Read one draft (``"-"`` for stdin). Raises :class:`DocumentError`."""
    name, data = _read_bytes(path)
    if not data.strip():
        raise DocumentError(name, "empty file")
    suffix = Path(name).suffix.lower() if name != "<stdin>" else ""
    if suffix in DOCX_SUFFIXES:
        text = _docx_text(name, data)
        kind = "docx"
    elif suffix in HTML_SUFFIXES:
        text = html_text(decode_text(name, data))
        kind = "html"
    else:
        if data.startswith(b"PK\x03\x04"):
            raise DocumentError(name, "looks like a .docx/.zip file; give it the .docx extension")
        text = decode_text(name, data)
        kind = "markdown" if suffix in (".md", ".markdown") else "text"
    if not text.strip():
        raise DocumentError(name, "no text found" if kind in ("docx", "html") else "empty file")
    return Document(name, text, kind)
