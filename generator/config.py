"""Site configuration (`banmian.toml`): defaults, types checked, unknown keys warned."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .errors import BanmianError, parse_toml, toml_key_line, warn


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
    paper: str = ""  # the newspaper's own name for 《…》 lines (default: title without "数字报")
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
_THEME_NAME = re.compile(r"^[A-Za-z0-9_.-]+$")


def _check(section: str, cls: type, data: dict[str, Any], path: Path, text: str = "") -> dict[str, Any]:
    known = {f.name: f for f in fields(cls) if f.name not in ("root", "path")}
    out: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{section}{key}"
        line = toml_key_line(text, key, section) if text else None
        if key not in known:
            hint = difflib.get_close_matches(key, list(known), n=1)
            warn(f"unknown config key '{name}' (ignored)"
                 + (f"; did you mean '{section}{hint[0]}'?" if hint else ""), path, line)
            continue
        f = known[key]
        if f.name == "search":
            if not isinstance(value, dict):
                raise BanmianError(f"config key '{name}' must be a table ([search])", path, line)
            out[key] = SearchConfig(**_check("search.", SearchConfig, value, path, text))
            continue
        want = {"str": str, "int": int, "bool": bool}[f.type] if isinstance(f.type, str) else f.type
        ok = isinstance(value, want) and not (want is int and isinstance(value, bool))
        if not ok:
            raise BanmianError(
                f"config key '{name}' must be {_TYPES[want]}, not {type(value).__name__} ({value!r})",
                path, line)
        out[key] = value
    return out


def _validate(cfg: Config, text: str) -> None:
    """Values that have the right type but cannot work."""
    where = cfg.path or cfg.root / "banmian.toml"
    line = lambda key, section="": toml_key_line(text, key, section) if text else None
    if not _THEME_NAME.match(cfg.theme) or cfg.theme in (".", ".."):
        raise BanmianError(f"theme must be a folder name (letters, digits, - _ .), not {cfg.theme!r}",
                           where, line("theme"))
    if cfg.feed_issues < 1:
        raise BanmianError("feed_issues must be 1 or more", where, line("feed_issues"))
    if cfg.search.shards < 1:
        raise BanmianError("search.shards must be 1 or more", where, line("shards", "search."))
    for key in ("output_dir", "content_dir"):
        if not getattr(cfg, key).strip():
            raise BanmianError(f"{key} must not be empty", where, line(key))
    check_output_dir(cfg, cfg.output_path, where, line("output_dir"))
    scheme = urlsplit(cfg.base_url).scheme
    if scheme not in ("http", "https"):
        warn(f"base_url {cfg.base_url!r} is not an absolute http(s) URL; feed and sitemap "
             "links will not work", where, line("base_url"))


def check_output_dir(cfg: Config, out: Path, where: Path | str | None = None, line: int | None = None) -> None:
    """Refuse an output folder whose replacement would delete the site's sources.

    The build swaps the whole output folder, so it must not be (or contain) the
    site folder, the content folder or a theme, nor lie inside the content folder.
    """
    out = out.resolve()
    root = cfg.root.resolve()
    precious = [root, cfg.content_path, root / "themes"]
    if cfg.path:
        precious.append(cfg.path.resolve())
    for p in precious:
        if out == p or p.is_relative_to(out):
            raise BanmianError(f"output folder {out} would replace {p} (the build deletes and "
                               "rewrites its output folder); choose another output_dir", where, line)
    if out.is_relative_to(cfg.content_path):
        raise BanmianError(f"output folder {out} is inside the content folder", where, line)


def load_config(path: Path | str | None = None, **overrides: Any) -> Config:
    """Read `banmian.toml` (if it exists) and apply command-line overrides.

    Unknown keys are warned about (file:line); wrong types and values that
    cannot work are errors naming the file and line.
    """
    cfg_path = Path(path) if path else Path("banmian.toml")
    data: dict[str, Any] = {}
    text = ""
    if cfg_path.is_dir():
        raise BanmianError("config path is a folder, expected a banmian.toml file", cfg_path)
    if cfg_path.exists():
        try:
            text = cfg_path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise BanmianError(f"not UTF-8 at byte {e.start}", cfg_path) from None
        except OSError as e:
            raise BanmianError(f"cannot read: {e.strerror}", cfg_path) from None
        data = parse_toml(text, cfg_path)
    elif path:
        raise BanmianError("config file not found", cfg_path)
    values = _check("", Config, data, cfg_path, text)
    values.update({k: v for k, v in overrides.items() if v is not None})
    cfg = Config(**values, root=cfg_path.resolve().parent, path=cfg_path.resolve() if cfg_path.exists() else None)
    if not cfg.base_url.endswith("/"):
        cfg.base_url += "/"
    _validate(cfg, text)
    return cfg
