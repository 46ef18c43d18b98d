"""The versioned rubric: indicators, weights, thresholds, period and targets.

The rubric is the project's operationalisation of GSIM category B1 (news content), not an
official score. It lives in a TOML file (``genderindex/rubrics/gsim-b1-2026.1.toml`` is
shipped); users may pass their own. The same component functions score one article
(:func:`score_article`) and one outlet x period (:func:`index_components`, used by
:mod:`genderindex.audit`), so the two scores mean the same thing at two scales.
Everything here is plain Python (cheap per article); files are parsed once and cached.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .io.tomlfile import read_toml

DEFAULT_VERSION = "gsim-b1-2026.1"
RUBRICS_DIR = Path(__file__).resolve().parent / "rubrics"
KINDS = ("parity", "rate", "gbv", "coverage")
PERIODS = ("quarter", "month", "year")
#: indicator name -> the count keys it reads (female, male) for parity indicators
PARITY_KEYS = {
    "women_people": ("people_female", "people_male"),
    "women_sources": ("sources_female", "sources_male"),
    "women_experts": ("experts_officials_female", "experts_officials_male"),
}


class RubricError(ValueError):
    """A rubric file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Indicator:
    """One weighted indicator of the rubric."""

    name: str
    label: str
    weight: float
    kind: str
    min_count: int = 1
    zero_at: float = 1.0


@dataclass(frozen=True)
class ProgramTarget:
    """A program target: ``share`` of outlets meeting the index by ``year``."""

    year: int
    share: float
    label: str = ""


@dataclass(frozen=True)
class Rubric:
    """A loaded rubric (see the shipped TOML for the meaning of each field)."""

    version: str = DEFAULT_VERSION
    title: str = ""
    title_vi: str = ""
    disclaimer: str = ""
    period: str = "quarter"
    parity_target: float = 0.5
    indicators: tuple[Indicator, ...] = ()
    meets: dict[str, Any] = field(default_factory=dict)
    local_target: int = 4
    program_targets: tuple[ProgramTarget, ...] = ()
    path: str = ""

    def indicator(self, name: str) -> Indicator | None:
        for ind in self.indicators:
            if ind.name == name:
                return ind
        return None

    def title_for(self, lang: str) -> str:
        """The rubric's title in ``lang`` ("vi" uses ``title_vi`` when given)."""
        return (self.title_vi if lang == "vi" and self.title_vi else self.title) or self.version

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON view (stored with every audit run)."""
        return {
            "version": self.version, "title": self.title, "title_vi": self.title_vi, "disclaimer": self.disclaimer,
            "period": self.period, "parity_target": self.parity_target,
            "indicators": [ind.__dict__ for ind in self.indicators], "meets_index": dict(self.meets),
            "local_target": self.local_target,
            "program_targets": [t.__dict__ for t in self.program_targets], "path": self.path,
        }


def _num(d: dict, key: str, where: str, default: Any = None, lo: float | None = None) -> Any:
    val = d.get(key, default)
    if val is None:
        raise RubricError(f"{where}: missing '{key}'")
    if isinstance(val, bool) or not isinstance(val, (int, float)):
        raise RubricError(f"{where}: '{key}' must be a number, got {val!r}")
    if lo is not None and val < lo:
        raise RubricError(f"{where}: '{key}' must be >= {lo}, got {val!r}")
    return val


def parse_rubric(data: dict[str, Any], source: str = "<rubric>") -> Rubric:
    """Validate a parsed TOML table and build a :class:`Rubric` (errors name file and key)."""
    version = data.get("version")
    if not isinstance(version, str) or not version.strip():
        raise RubricError(f"{source}: 'version' (a string) is required")
    period = data.get("period", "quarter")
    if period not in PERIODS:
        raise RubricError(f"{source}: 'period' must be one of {PERIODS}, got {period!r}")
    parity = _num(data.get("parity", {}), "target", f"{source} [parity]", 0.5, 0.0)
    if not 0 < parity < 1:
        raise RubricError(f"{source} [parity]: 'target' must be between 0 and 1")
    inds = []
    for name, tab in (data.get("indicators") or {}).items():
        where = f"{source} [indicators.{name}]"
        if not isinstance(tab, dict):
            raise RubricError(f"{where}: must be a table")
        kind = tab.get("kind")
        if kind not in KINDS:
            raise RubricError(f"{where}: 'kind' must be one of {KINDS}, got {kind!r}")
        if kind == "parity" and name not in PARITY_KEYS:
            raise RubricError(f"{where}: parity indicators are {sorted(PARITY_KEYS)}")
        zero_at = _num(tab, "zero_at", where, 1.0, 0.0)
        if kind in ("rate", "gbv") and zero_at <= 0:
            raise RubricError(f"{where}: 'zero_at' must be > 0")
        inds.append(Indicator(
            name=name, label=str(tab.get("label", name)), weight=float(_num(tab, "weight", where, None, 0.0)),
            kind=kind, min_count=int(_num(tab, "min_count", where, 1, 0)), zero_at=float(zero_at),
        ))
    if not inds or sum(i.weight for i in inds) <= 0:
        raise RubricError(f"{source}: at least one indicator with a positive weight is required")
    meets = {"min_articles": 5, "min_index_score": 60.0, **(data.get("meets_index") or {})}
    for key, val in meets.items():
        if key != "insufficient":
            _num(meets, key, f"{source} [meets_index]", None, 0.0)
    if meets.get("insufficient", "excluded") not in ("excluded", "not_meeting"):
        raise RubricError(f"{source} [meets_index]: 'insufficient' must be 'excluded' or 'not_meeting'")
    meets.setdefault("insufficient", "excluded")
    targets = data.get("targets") or {}
    local = int(_num(targets, "local_ge_items_per_period", f"{source} [targets]", 4, 0))
    prog = []
    for i, t in enumerate(targets.get("program") or []):
        where = f"{source} [[targets.program]] #{i + 1}"
        share = float(_num(t, "share", where, None, 0.0))
        if share > 1:
            raise RubricError(f"{where}: 'share' is a fraction (0.7 for 70%), got {share}")
        prog.append(ProgramTarget(int(_num(t, "year", where)), share, str(t.get("label", ""))))
    return Rubric(
        version=version.strip(), title=str(data.get("title", "")), title_vi=str(data.get("title_vi", "")),
        disclaimer=str(data.get("disclaimer", "")),
        period=period, parity_target=float(parity), indicators=tuple(inds), meets=meets, local_target=local,
        program_targets=tuple(sorted(prog, key=lambda t: t.year)), path=source,
    )


@lru_cache(maxsize=16)
def _load_file(path: str) -> Rubric:
    p = Path(path)
    return parse_rubric(read_toml(p, RubricError, "rubric file"), str(p))


def default_rubric_path() -> Path:
    """The shipped rubric file."""
    return RUBRICS_DIR / f"{DEFAULT_VERSION}.toml"


def load_rubric(path: str | Path | None = None, config: Any = None) -> Rubric:
    """Load a rubric: ``path``, else ``config["rubric"]`` / ``config.rubric`` (a path or a
    :class:`Rubric`), else the shipped default. Parsed once per file and cached."""
    if path is None and config is not None:
        cand = config.get("rubric") if isinstance(config, dict) else getattr(config, "rubric", None)
        if isinstance(cand, Rubric):
            return cand
        path = cand
    if isinstance(path, Rubric):
        return path
    return _load_file(str(path if path is not None else default_rubric_path()))


# --------------------------------------------------------------------------- components


def parity_score(female: float, male: float, target: float) -> float:
    """1 at parity, falling linearly to 0 at 0% or 100% women (for target 0.5)."""
    share = female / (female + male)
    dev = abs(share - target) / (target if share <= target else 1 - target)
    return max(0.0, 1.0 - dev)


def _get(obj: Any, key: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(key, default)
    return getattr(obj, key, default)


def components(counts: dict[str, Any], rubric: Rubric, level: str = "article") -> dict[str, float | None]:
    """Component scores in [0, 1] (``None`` = not applicable) from pooled counts.

    ``counts`` holds the article indicators (or their sums over an outlet x period):
    ``people_female/male``, ``sources_female/male``, ``experts_officials_female/male``,
    ``findings_outside_quotes``, ``words_outside_quotes`` (or ``words``),
    ``gbv_wording_findings`` and ``gbv_story`` (article) or ``gbv_stories`` /
    ``gbv_stories_with_findings`` and ``ge_items`` (outlet).
    """
    out: dict[str, float | None] = {}
    for ind in rubric.indicators:
        val: float | None = None
        if ind.kind == "parity":
            fk, mk = PARITY_KEYS[ind.name]
            f, m = counts.get(fk, 0) or 0, counts.get(mk, 0) or 0
            if f + m >= max(1, ind.min_count if level == "article" else 1):
                val = parity_score(f, m, rubric.parity_target)
        elif ind.kind == "rate":
            words = counts.get("words_outside_quotes", counts.get("words", 0)) or 0
            if words > 0:
                rate = 1000.0 * (counts.get("findings_outside_quotes", 0) or 0) / words
                val = max(0.0, 1.0 - rate / ind.zero_at)
        elif ind.kind == "gbv":
            if level == "article":
                if counts.get("gbv_story"):
                    val = max(0.0, 1.0 - (counts.get("gbv_wording_findings", 0) or 0) / ind.zero_at)
            else:
                n = counts.get("gbv_stories", 0) or 0
                if n:
                    val = 1.0 - (counts.get("gbv_stories_with_findings", 0) or 0) / n
        elif ind.kind == "coverage":
            if level != "article":
                target = rubric.local_target
                val = 1.0 if target <= 0 else min(1.0, (counts.get("ge_items", 0) or 0) / target)
        out[ind.name] = val
    return out


def weighted_score(comps: dict[str, float | None], rubric: Rubric) -> float | None:
    """100 x the weighted mean of the applicable components (None when none applies)."""
    num = den = 0.0
    for ind in rubric.indicators:
        v = comps.get(ind.name)
        if v is not None and ind.weight > 0:
            num += ind.weight * v
            den += ind.weight
    if den <= 0:
        return None
    return round(100.0 * num / den, 2)


def article_counts(analysis: Any) -> dict[str, Any]:
    """The counts :func:`components` reads, from an ArticleAnalysis or its output dict."""
    ind = _get(analysis, "indicators") or {}
    if not ind and not isinstance(analysis, dict):
        from .indicators import article_indicators

        ind = article_indicators(analysis)
    c = dict(ind)
    c.setdefault("words", _get(analysis, "words", 0) or 0)
    c.setdefault("words_outside_quotes", c["words"])
    c["gbv_story"] = bool(_get(analysis, "gbv_story", False))
    return c


def score_article(analysis: Any, rubric: Rubric | None = None) -> float | None:
    """Article score 0-100 under ``rubric`` (None when no indicator applies, e.g. no words).

    Accepts an :class:`~genderindex.types.ArticleAnalysis` or its output dict."""
    rubric = rubric or load_rubric()
    return weighted_score(components(article_counts(analysis), rubric, "article"), rubric)


def index_components(counts: dict[str, Any], rubric: Rubric) -> dict[str, float | None]:
    """Outlet x period components from summed counts (see :func:`components`)."""
    return components(counts, rubric, "outlet")


def program_target_for(year: int | None, rubric: Rubric) -> ProgramTarget | None:
    """The first program target whose year is >= ``year`` (the one being worked towards)."""
    if year is None:
        return rubric.program_targets[-1] if rubric.program_targets else None
    for t in rubric.program_targets:
        if t.year >= year:
            return t
    return rubric.program_targets[-1] if rubric.program_targets else None
