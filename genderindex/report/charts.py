"""Charts of a report as PNG bytes (matplotlib, Agg backend, imported lazily).

PNG (embedded base64 in HTML) keeps the report self-contained and leaves no way for an
outlet name to inject markup, unlike inline SVG text.
"""
from __future__ import annotations

import io

from ..io.corpus import period_sort_key


def _plt():
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    return plt


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=96, bbox_inches="tight", metadata={"Software": None})
    _plt().close(fig)
    return buf.getvalue()


def _short(name: str, n: int = 38) -> str:
    return name if len(name) <= n else name[: n - 1] + "…"


def sources_chart(data: list[tuple[str, float]], title: str, parity_label: str) -> bytes | None:
    """Horizontal bars: women's share of sources by outlet, with the parity line."""
    if not data:
        return None
    plt = _plt()
    data = sorted(data, key=lambda x: x[1])
    fig, ax = plt.subplots(figsize=(7.5, 0.45 * len(data) + 1.3))
    names = [_short(n) for n, _ in data]
    vals = [100 * v for _, v in data]
    ax.barh(range(len(vals)), vals, color=["#b3475d" if v < 30 else "#5b8bb7" for v in vals])
    ax.set_yticks(range(len(vals)), names, fontsize=9)
    ax.axvline(50, color="#333", linestyle="--", linewidth=1, label=parity_label)
    ax.set_xlim(0, 100)
    ax.set_xlabel("%")
    ax.set_title(title, fontsize=11)
    ax.legend(loc="lower right", fontsize=8)
    for i, v in enumerate(vals):
        ax.text(min(v + 1, 92), i, f"{v:.0f}%", va="center", fontsize=8)
    return _png(fig)


def trend_chart(series: dict[str, list[tuple[str, float]]], title: str, max_lines: int = 12,
                area: list[tuple[str, float]] | None = None, area_label: str = "") -> bytes | None:
    """Index score per period, one line per outlet (the outlets with most periods first),
    and the whole area as a thick dashed line."""
    series = {k: v for k, v in series.items() if v}
    if not series:
        return None
    plt = _plt()
    periods = sorted({p for pts in [*series.values(), area or []] for p, _ in pts}, key=period_sort_key)
    pos = {p: i for i, p in enumerate(periods)}
    top = sorted(series, key=lambda k: (-len(series[k]), str(k)))[:max_lines]
    fig, ax = plt.subplots(figsize=(7.5, 4.2))
    for name in sorted(top, key=str):
        pts = sorted(series[name], key=lambda x: period_sort_key(x[0]))
        ax.plot([pos[p] for p, _ in pts], [v for _, v in pts], marker="o", linewidth=1.5, label=_short(str(name), 28))
    if area:
        pts = sorted(area, key=lambda x: period_sort_key(x[0]))
        ax.plot([pos[p] for p, _ in pts], [v for _, v in pts], color="black", linestyle="--", linewidth=2.5,
                label=area_label)
    ax.set_xticks(range(len(periods)), periods, rotation=45 if len(periods) > 6 else 0, fontsize=8)
    ax.set_ylim(0, 100)
    ax.set_title(title, fontsize=11)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=7, loc="center left", bbox_to_anchor=(1.0, 0.5))
    return _png(fig)
