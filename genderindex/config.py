"""User configuration: ``genderindex.toml`` or ``[tool.genderindex]`` in ``pyproject.toml``.

Looked up from the working directory upwards (the first file found wins)::

    # genderindex.toml                      # or, in pyproject.toml: [tool.genderindex]
    lexicons = ["house-style.yaml"]         # extra lexicon files or folders (relative to the file)
    allow = ["vi.appearance.nguoi-dep", "nữ chiến sĩ"]   # rule ids or phrases never reported
    deny = ["cụm từ cấm"]                   # extra phrases reported as findings
    deny_category = "stereotype_women"      # category of plain-string deny phrases
    min_severity = "info"                   # info | warning | error

    [[deny_rules]]                          # deny phrases with their own category/message
    phrase = "thùng rác"
    category = "sexist_insult"
    severity = "error"
    message = "Không dùng."
    suggestions = ["..."]

Other sections/keys (e.g. a rubric path used by the audit) are kept in ``Config.raw``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .io.tomlfile import read_toml
from .types import CATEGORIES, SEVERITY_RANK

CONFIG_NAME = "genderindex.toml"


class ConfigError(ValueError):
    """A malformed configuration file; the message names the file."""


DENY_MESSAGE = "Cụm từ bị cấm theo cấu hình của người dùng / phrase denied by the user configuration."


@dataclass(frozen=True, slots=True)
class DenyRule:
    """A user phrase to report as a finding."""

    phrase: str
    category: str = "stereotype_women"
    severity: str = "warning"
    message: str = DENY_MESSAGE
    suggestions: tuple[str, ...] = ()


@dataclass(slots=True)
class Config:
    """Settings for the language checker (and the raw table for other stages)."""

    lexicons: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    deny: tuple[DenyRule, ...] = ()
    min_severity: str = "info"
    builtin_lexicons: bool = True
    path: str | None = None
    raw: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any], base: Path | None = None, path: str | None = None) -> "Config":
        """Build a :class:`Config` from a parsed TOML table (paths relative to ``base``)."""
        where = path or "<config>"
        if not isinstance(data, dict):
            raise ConfigError(f"{where}: configuration must be a table")

        def strs(key: str) -> tuple[str, ...]:
            v = data.get(key, [])
            if isinstance(v, str):
                v = [v]
            if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
                raise ConfigError(f"{where}: '{key}' must be a list of strings")
            return tuple(v)

        lex = []
        for p in strs("lexicons"):
            q = Path(p).expanduser()
            if not q.is_absolute() and base is not None:
                q = base / q
            lex.append(str(q))
        sev = data.get("min_severity", "info")
        if sev not in SEVERITY_RANK:
            raise ConfigError(f"{where}: min_severity must be one of {', '.join(SEVERITY_RANK)}")
        cat = data.get("deny_category", "stereotype_women")
        if cat not in CATEGORIES:
            raise ConfigError(f"{where}: deny_category {cat!r} is not one of {', '.join(CATEGORIES)}")
        deny = [DenyRule(p, category=cat) for p in strs("deny") if p.strip()]
        rules = data.get("deny_rules", [])
        if not isinstance(rules, list):
            raise ConfigError(f"{where}: 'deny_rules' must be an array of tables")
        for i, r in enumerate(rules, 1):
            if not isinstance(r, dict) or not isinstance(r.get("phrase"), str) or not r["phrase"].strip():
                raise ConfigError(f"{where}: deny_rules #{i} needs a 'phrase'")
            rc = r.get("category", cat)
            rs = r.get("severity", "warning")
            if rc not in CATEGORIES or rs not in SEVERITY_RANK:
                raise ConfigError(f"{where}: deny_rules #{i}: bad category or severity")
            sugg = r.get("suggestions", [])
            deny.append(DenyRule(r["phrase"], rc, rs, str(r.get("message") or DENY_MESSAGE), tuple(map(str, sugg))))
        builtin = data.get("builtin_lexicons", True)
        if not isinstance(builtin, bool):
            raise ConfigError(f"{where}: builtin_lexicons must be true or false")
        return cls(tuple(lex), strs("allow"), tuple(deny), sev, builtin, path, dict(data))

    def merged(self, *, lexicons: tuple[str, ...] = (), min_severity: str | None = None) -> "Config":
        """A copy with extra lexicon paths and/or another minimum severity."""
        return Config(
            self.lexicons + tuple(lexicons), self.allow, self.deny, min_severity or self.min_severity,
            self.builtin_lexicons, self.path, self.raw,
        )


def _read_toml(path: Path) -> dict[str, Any]:
    return read_toml(path, ConfigError)


def find_config(start: str | Path | None = None) -> Path | None:
    """The nearest ``genderindex.toml``, or ``pyproject.toml`` with ``[tool.genderindex]``,
    from ``start`` (default: the working directory) upwards."""
    here = Path(start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        cand = d / CONFIG_NAME
        if cand.is_file():
            return cand
        py = d / "pyproject.toml"
        if py.is_file():
            try:
                if "genderindex" in _read_toml(py).get("tool", {}):
                    return py
            except ConfigError:
                pass
    return None


def load_config(path: str | Path | None = None, start: str | Path | None = None) -> Config:
    """Load ``path`` (a genderindex.toml or pyproject.toml), or the nearest config file;
    an empty :class:`Config` when there is none."""
    p = Path(path) if path is not None else find_config(start)
    if p is None:
        return Config()
    if not p.is_file():
        raise ConfigError(f"{p}: no such configuration file")
    data = _read_toml(p)
    if p.name == "pyproject.toml":
        data = data.get("tool", {}).get("genderindex", {})
    return Config.from_dict(data, base=p.resolve().parent, path=str(p))


def as_config(config: Any) -> Config:
    """Accept ``None``, a :class:`Config` or a plain dict (as in the TOML file)."""
    if config is None:
        return Config()
    if isinstance(config, Config):
        return config
    if isinstance(config, dict):
        return Config.from_dict(config, base=Path.cwd())
    raise TypeError(f"config must be a genderindex Config or a dict, not {type(config).__name__}")
