"""Site configuration (`banmian.toml`): defaults, types checked, unknown keys warned."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .errors import BanmianError, toml_error_line, warn


@dataclass
class SearchConfig:
    enabled: bool = True
    shards: int = 16  # term shards of the headline index
    pinyin: bool = True


@dataclass
class Config:
    title: str = "数字报"
    description: str = ""
    base_url: str = "http://localhost:8000/"
    language: str = "zh-CN"
    theme: str = "default"
    output_dir: str = "_site"
    content_dir: str = "content"
    publisher: str = ""
    feed_issues: int = 7  # how many latest issues the Atom feed covers
    search: SearchConfig = field(default_factory=SearchConfig)
    root: Path = Path(".")  # folder holding banmian.toml; not a config key
    path: Path | None = None  # the config file itself, when there is one

    @property
    def content_path(self) -> Path:
        return (self.root / self.content_dir).resolve()

    @property
    def output_path(self) -> Path:
        return (self.root / self.output_dir).resolve()

    @property
    def base_path(self) -> str:
        """The URL path part of base_url, always ending in '/': '/edition/'."""
        from urllib.parse import urlsplit

        path = urlsplit(self.base_url).path or "/"
        return path if path.endswith("/") else path + "/"


_TYPES = {str: "a string", int: "an integer", bool: "true or false"}


def _check(section: str, cls: type, data: dict[str, Any], path: Path) -> dict[str, Any]:
    known = {f.name: f for f in fields(cls) if f.name not in ("root", "path")}
    out: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{section}{key}"
        if key not in known:
            warn(f"unknown config key '{name}' (ignored)", path)
            continue
        f = known[key]
        if f.name == "search":
            if not isinstance(value, dict):
                raise BanmianError(f"config key '{name}' must be a table ([search])", path)
            out[key] = SearchConfig(**_check("search.", SearchConfig, value, path))
            continue
        want = {"str": str, "int": int, "bool": bool}[f.type] if isinstance(f.type, str) else f.type
        ok = isinstance(value, want) and not (want is int and isinstance(value, bool))
        if not ok:
            raise BanmianError(
                f"config key '{name}' must be {_TYPES[want]}, not {type(value).__name__} ({value!r})", path)
        out[key] = value
    return out


def load_config(path: Path | str | None = None, **overrides: Any) -> Config:
    """Read `banmian.toml` (if it exists) and apply command-line overrides."""
    cfg_path = Path(path) if path else Path("banmian.toml")
    data: dict[str, Any] = {}
    if cfg_path.exists():
        try:
            data = tomllib.loads(cfg_path.read_text(encoding="utf-8-sig"))
        except tomllib.TOMLDecodeError as e:
            raise BanmianError(f"invalid TOML: {e}", cfg_path, toml_error_line(e)) from None
        except UnicodeDecodeError as e:
            raise BanmianError(f"not UTF-8 at byte {e.start}", cfg_path) from None
    elif path:
        raise BanmianError("config file not found", cfg_path)
    values = _check("", Config, data, cfg_path)
    values.update({k: v for k, v in overrides.items() if v is not None})
    cfg = Config(**values, root=cfg_path.resolve().parent, path=cfg_path.resolve() if cfg_path.exists() else None)
    if not cfg.base_url.endswith("/"):
        cfg.base_url += "/"
    return cfg
