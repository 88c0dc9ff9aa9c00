"""The `banmian` command line: thin wrappers over the stages."""
from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from .errors import BanmianError


def _config(args: argparse.Namespace):
    from .config import load_config

    return load_config(args.config, base_url=getattr(args, "base_url", None))


def cmd_build(args: argparse.Namespace) -> int:
    from .build import build
    from .errors import WarningCounter, log

    counter = WarningCounter()
    log.addHandler(counter)
    try:
        config = _config(args)
    finally:
        log.removeHandler(counter)
    if args.strict and counter.messages:
        raise BanmianError(f"{len(counter.messages)} config warnings and --strict is set")
    result = build(config, Path(args.out) if args.out else None, jobs=args.jobs, strict=args.strict)
    print(result.summary())
    if args.strict and result.warnings:
        print(f"error: {len(result.warnings)} warnings and --strict is set", file=sys.stderr)
        return 1
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from .serve import serve

    return serve(_config(args), host=args.host, port=args.port, watch=args.watch, open_browser=args.open)


def cmd_reconstruct(args: argparse.Namespace) -> int:
    from .content import decode_text, split_front_matter
    from .reconstruct import reconstruct, to_export, to_markdown

    exports, texts = [], []
    for name in args.files:
        path = Path(name)
        try:
            data = path.read_bytes()
        except OSError as e:
            raise BanmianError(f"cannot read: {e.strerror}", path) from None
        _, body, _ = split_front_matter(decode_text(data, path), path)
        rec = reconstruct(body)
        if args.json:
            exports.append(to_export(rec, name))
        elif args.markdown:
            texts.append(to_markdown(rec))
        else:
            texts.append(describe(rec, name))
    if args.json:
        out = exports[0] if len(exports) == 1 else exports
        print(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        print("\n".join(texts), end="")
    return 0


def describe(rec, name: str) -> str:
    """Human-readable reconstruction of one page."""
    lines = [f"== {name}: {len(rec.items)} items, {len(rec.warnings)} warnings"]
    for n, it in enumerate(rec.items, 1):
        head = " / ".join(x for x in (it.kicker, it.title, it.subtitle) if x) or "(untitled)"
        lines.append(f"\n[{n}] {it.kind}: {head}" + (f"  — {it.byline}" if it.byline else "")
                     + (f"  摄 {it.credit}" if it.credit else ""))
        for p in it.paragraphs:
            mark = {"heading": "## ", "callout": "> "}.get(p.type, "   ")
            lines.append(f"  {mark}{p.text}")
    for w in rec.warnings:
        lines.append(f"! {w.code} (block {w.block}): {w.message}")
    return "\n".join(lines) + "\n"


def cmd_new(args: argparse.Namespace) -> int:
    from .scaffold import new_site

    path = new_site(Path(args.dir))
    print(f"new site in {path}: cd {args.dir} && banmian build")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from .check import check_site

    problems = check_site(_config(args))
    for p in problems:
        print(p)
    print(f"{len(problems)} problems")
    return 1 if problems else 0


def cmd_publish(args: argparse.Namespace) -> int:
    from .publish import publish_gh_pages

    return publish_gh_pages(_config(args), remote=args.remote, branch=args.branch,
                            message=args.message, push=not args.no_push)


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="banmian", description="Static digital editions (数字报) from raw newspaper pages.")
    parser.add_argument("-v", "--verbose", action="store_true", help="more output")
    sub = parser.add_subparsers(dest="command", required=True)

    def site_args(p: argparse.ArgumentParser) -> None:
        p.add_argument("--config", default=None, help="site config (default: banmian.toml)")
        p.add_argument("--base-url", dest="base_url", default=None, help="absolute URL the site is served at")

    p = sub.add_parser("build", help="build the static site")
    site_args(p)
    p.add_argument("--out", default=None, help="output folder (default: output_dir, _site/)")
    p.add_argument("--strict", action="store_true", help="fail when there are warnings")
    p.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                   help="processes for reconstruction and rendering (default: CPU count)")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("serve", help="build, serve and (with --watch) rebuild on change")
    site_args(p)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--watch", action="store_true", help="rebuild on change and reload open tabs")
    p.add_argument("--open", action="store_true", help="open the site in a browser")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("reconstruct", help="print the reconstruction of raw page files")
    p.add_argument("files", nargs="+", metavar="FILE")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--json", action="store_true", help="the JSON export (DESIGN.md schema)")
    g.add_argument("--markdown", action="store_true", help="clean Markdown to edit and save as the page")
    p.set_defaults(func=cmd_reconstruct)

    p = sub.add_parser("new", help="scaffold a new site")
    p.add_argument("dir")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("check", help="check that no text of any page is lost")
    site_args(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("publish", help="publish the built site (GitHub Pages branch)")
    site_args(p)
    p.add_argument("--gh-pages", action="store_true", required=True, help="commit the site to a branch and push")
    p.add_argument("--remote", default="origin")
    p.add_argument("--branch", default="gh-pages")
    p.add_argument("--message", default=None)
    p.add_argument("--no-push", action="store_true", help="commit only")
    p.set_defaults(func=cmd_publish)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s: %(message)s")
    try:
        return args.func(args)
    except BanmianError as e:
        print(f"error: {e.location_message()}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
