"""UI strings of the reports, read once from ``templates/ui_strings.toml`` (vi, en)."""
from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

STRINGS_FILE = Path(__file__).resolve().parent / "templates" / "ui_strings.toml"
LANGS = ("vi", "en")


@lru_cache(maxsize=1)
def all_strings() -> dict[str, dict[str, str]]:
    with open(STRINGS_FILE, "rb") as fh:
        return tomllib.load(fh)


class UI:
    """Translated labels and number formats for one UI language."""

    def __init__(self, lang: str = "vi"):
        if lang not in LANGS:
            raise ValueError(f"UI language must be one of {LANGS}, got {lang!r}")
        self.lang = lang
        self.s = all_strings()[lang]

    def __call__(self, key: str, **kw: Any) -> str:
        text = self.s.get(key)
        if text is None:
            text = all_strings()["en"].get(key, key)
        return text.format(**kw) if kw else text

    def col(self, key: str) -> str:
        """Column label; ``target_2030`` / ``meets_target_2030`` get their year."""
        for prefix in ("meets_target_", "target_"):
            if key.startswith(prefix) and key[len(prefix):].isdigit():
                return self(f"col_{prefix.rstrip('_')}", year=key[len(prefix):])
        return self(f"col_{key}")

    def num(self, v: float, digits: int = 1) -> str:
        s = f"{v:,.{digits}f}"
        if self.lang == "vi":  # 1.234,5
            s = s.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")
        return s

    def pct(self, v: float | None, digits: int = 1) -> str:
        return self("none") if v is None else f"{self.num(100 * v, digits)}%"

    def outlet(self, name: str | None) -> str:
        from ..io.corpus import UNKNOWN_OUTLET

        return self("unknown_outlet") if name in (None, "", UNKNOWN_OUTLET) else str(name)

    def period(self, p: str | None) -> str:
        from ..io.corpus import UNKNOWN_PERIOD

        return self("unknown_period") if p in (None, "", UNKNOWN_PERIOD) else str(p)

    def fmt(self, kind: str, v: Any) -> str:
        """Display text of a cell value of the given column kind."""
        if v is None or (isinstance(v, float) and v != v) or v == "":
            return self("none")
        if kind == "share":
            return self.pct(v)
        if kind == "rate":
            return self.num(v, 2)
        if kind == "score":
            return self.num(v, 1)
        if kind == "int":
            return self.num(v, 0)
        if kind == "bool":
            return self("yes") if v else self("no")
        if kind == "status":
            return self(f"status_{v}")
        if kind == "outlet":
            return self.outlet(v)
        if kind == "period":
            return self.period(v)
        if kind == "category":
            return self(f"cat_{v}") if f"cat_{v}" in self.s else str(v)
        if kind == "severity":
            return self(f"sev_{v}") if f"sev_{v}" in self.s else str(v)
        if kind == "list":
            return "; ".join(str(x) for x in v) if isinstance(v, (list, tuple)) else str(v)
        return str(v)
