"""Errors and warnings that name the file (and line) an editor must fix."""
from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Optional

log = logging.getLogger("banmian")


class BanmianError(Exception):
    """Bad input or a failed build step; str() is the message shown to the user."""

    def __init__(self, message: str, path: Optional[Path | str] = None, line: Optional[int] = None):
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(self.location_message())

    def location_message(self) -> str:
        where = self.path or ""
        if where and self.line:
            where += f":{self.line}"
        return f"{where}: {self.message}" if where else self.message


def warn(message: str, path: Optional[Path | str] = None, line: Optional[int] = None) -> None:
    """Log a warning in the same `file:line: message` shape as errors."""
    log.warning(BanmianError(message, path, line).location_message())


def toml_error_line(error: Exception) -> Optional[int]:
    """The line a tomllib error points at (3.11 only says it in the message)."""
    lineno = getattr(error, "lineno", None)
    if lineno:
        return lineno
    m = re.search(r"at line (\d+)", str(error))
    return int(m.group(1)) if m else None


def toml_key_line(text: str, key: str, section: str = "") -> Optional[int]:
    """1-based line of `key = …` in TOML `text` (inside `[section]` when given, with a
    trailing dot: "search."), so messages about a key can name its line."""
    current = ""
    pat = re.compile(rf"^\s*(?:{re.escape(key)}|\"{re.escape(key)}\"|'{re.escape(key)}')\s*=")
    for n, line in enumerate(text.split("\n"), 1):
        head = re.match(r"^\s*\[\s*([^\]]+?)\s*\]", line)
        if head:
            current = head.group(1).strip("\"'") + "."
            continue
        if current == section and pat.match(line):
            return n
    return None


def parse_toml(text: str, path: Path | str) -> dict:
    """tomllib.loads, its errors turned into `file:line: invalid TOML: …`."""
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise BanmianError(f"invalid TOML: {e}", path, toml_error_line(e)) from None


class WarningCounter(logging.Handler):
    """Counts warnings during a build (for the summary line and --strict)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())
