"""Locating themes: a site theme may override only some files of `default`."""
from __future__ import annotations

from pathlib import Path

from .errors import BanmianError

PACKAGE_DIR = Path(__file__).resolve().parent


def builtin_themes_dir() -> Path:
    """`generator/themes` in an installed wheel, else the repository's `themes/`."""
    inside = PACKAGE_DIR / "themes"
    return inside if inside.is_dir() else PACKAGE_DIR.parent / "themes"


def theme_chain(name: str, site_root: Path) -> list[Path]:
    """Theme folders to search, most specific first, ending with the built-in default."""
    searched = [site_root / "themes" / name, builtin_themes_dir() / name]
    chain = [p for p in searched if p.is_dir()]
    if not chain:
        raise BanmianError(
            f"theme '{name}' not found (looked in {', '.join(str(p) for p in searched)})",
            site_root / "banmian.toml")
    chain.append(builtin_themes_dir() / "default")
    seen, out = set(), []
    for p in chain:  # dedupe: the site root may be the repository itself
        if p.resolve() not in seen:
            seen.add(p.resolve())
            out.append(p)
    return out


def static_files(chain: list[Path]) -> dict[str, Path]:
    """Relative path under static/ → file, the most specific theme winning."""
    files: dict[str, Path] = {}
    for theme in reversed(chain):
        static = theme / "static"
        if static.is_dir():
            for f in sorted(static.rglob("*")):
                if f.is_file():
                    files[f.relative_to(static).as_posix()] = f
    return files
