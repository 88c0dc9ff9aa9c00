"""`banmian publish --gh-pages`: commit the built site to a branch and push it.

Like `mkdocs gh-deploy` (ghp-import), but with git plumbing only, so the
user's working tree, index and current branch are never touched:

1. build the site (or take an existing output folder);
2. hash every file into the object database (`git hash-object -w --no-filters`)
   and write a tree from a private index file (`GIT_INDEX_FILE`);
3. `git commit-tree` with the branch's previous tip as parent, so the branch
   keeps its history and every publish is one commit whose message names the
   source commit;
4. `git update-ref` the local branch (compare-and-swap), then
   `git push REMOTE BRANCH`.

When the remote already has the branch it is fetched first, so a fresh clone
publishes on top of the remote history instead of failing as a non-fast-forward.
"""
from __future__ import annotations

import dataclasses
import logging
import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from . import __version__
from .config import Config
from .errors import BanmianError

log = logging.getLogger("banmian.publish")

DEFAULT_MESSAGE = "Publish site from {sha} with Banmian {version}"
_LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0", ""}


@dataclass
class PublishResult:
    commit: str
    parent: str | None
    branch: str
    files: int
    message: str
    pushed: bool


class Git:
    """A tiny runner for git commands in one repository."""

    def __init__(self, cwd: Path, env: dict[str, str] | None = None):
        self.cwd = cwd
        self.env = env

    def run(self, *args: str, input: bytes | None = None, check: bool = True,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        full_env = dict(os.environ)
        full_env.update(self.env or {})
        full_env.update(env or {})
        try:
            proc = subprocess.run(["git", *args], cwd=self.cwd, input=input, env=full_env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        except FileNotFoundError:
            raise BanmianError("git is not installed (needed by `banmian publish --gh-pages`)") from None
        if check and proc.returncode != 0:
            msg = proc.stderr.decode("utf-8", "replace").strip() or f"exit {proc.returncode}"
            raise BanmianError(f"git {args[0]} failed: {msg}")
        return proc

    def out(self, *args: str, **kw) -> str:
        return self.run(*args, **kw).stdout.decode("utf-8", "replace").strip()

    def ok(self, *args: str) -> bool:
        return self.run(*args, check=False).returncode == 0

    def rev(self, ref: str) -> str | None:
        proc = self.run("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", check=False)
        if proc.returncode != 0:
            return None
        return proc.stdout.decode().strip() or None


def find_repo(start: Path) -> Git:
    """The git repository holding the site folder (work tree, not necessarily its top)."""
    git = Git(start)
    proc = git.run("rev-parse", "--git-dir", check=False)
    if proc.returncode != 0:
        raise BanmianError(
            "not inside a git repository: `banmian publish --gh-pages` commits the site to a "
            "branch of the site's repository (run `git init` and add a remote first)", start)
    return git


def site_tree_files(site: Path) -> list[tuple[str, str, Path]]:
    """(mode, site-relative posix path, file) for every file of the built site."""
    entries = []
    for dirpath, dirnames, filenames in os.walk(site):
        dirnames[:] = sorted(d for d in dirnames if d != ".git")
        for name in sorted(filenames):
            f = Path(dirpath) / name
            rel = f.relative_to(site).as_posix()
            if "\n" in rel or "\0" in rel:
                raise BanmianError(f"file name not publishable: {rel!r}", site)
            if f.is_symlink():
                entries.append(("120000", rel, f))
            else:
                entries.append(("100755" if os.access(f, os.X_OK) else "100644", rel, f))
    return entries


def write_site_tree(git: Git, site: Path, parent: str | None) -> tuple[str, int]:
    """Hash the site into git objects and write one tree; returns (tree sha, files)."""
    entries = site_tree_files(site)
    if not entries:
        raise BanmianError("the built site is empty; nothing to publish", site)
    regular = [e for e in entries if e[0] != "120000"]
    shas: dict[str, str] = {}
    if regular:
        paths = "".join(str(f) + "\n" for _, _, f in regular).encode("utf-8")
        out = git.out("hash-object", "-w", "--no-filters", "--stdin-paths", input=paths).split()
        if len(out) != len(regular):
            raise BanmianError("git hash-object returned an unexpected number of objects")
        shas.update({rel: sha for (_, rel, _), sha in zip(regular, out)})
    for mode, rel, f in entries:
        if mode == "120000":
            target = os.readlink(f).encode("utf-8", "surrogateescape")
            shas[rel] = git.out("hash-object", "-w", "--stdin", input=target)
    lines = [f"{mode} {shas[rel]}\t{rel}" for mode, rel, _ in entries]
    names = {rel for _, rel, _ in entries}
    # GitHub Pages writes a CNAME file to the branch when a custom domain is set in the
    # repository settings; keep it when the site itself has none (mkdocs users lose it).
    if parent and "CNAME" not in names:
        cname = git.out("ls-tree", parent, "--", "CNAME")
        if cname:
            meta, _, _ = cname.partition("\t")
            mode, _, sha = meta.split()
            lines.append(f"{mode} {sha}\tCNAME")
            log.info("keeping CNAME from the previous %s commit", parent[:12])
    if ".nojekyll" not in names:  # GitHub Pages must not run Jekyll over the site
        lines.append(f"100644 {git.out('hash-object', '-w', '--stdin', input=b'')}\t.nojekyll")
    with tempfile.TemporaryDirectory(prefix="banmian-publish-") as tmp:
        env = {"GIT_INDEX_FILE": str(Path(tmp) / "index")}
        data = "".join(line + "\0" for line in lines).encode("utf-8")
        git.run("update-index", "--add", "-z", "--index-info", input=data, env=env)
        tree = git.out("write-tree", env=env)
    return tree, len(lines)


def source_commit(git: Git) -> tuple[str | None, bool]:
    """(HEAD sha of the source repository or None, whether the work tree has changes)."""
    sha = git.rev("HEAD")
    if not sha:
        return None, False
    dirty = bool(git.out("status", "--porcelain", "--untracked-files=no"))
    return sha, dirty


def commit_message(message: str | None, sha: str | None, dirty: bool) -> str:
    text = message or DEFAULT_MESSAGE
    short = (sha[:12] + ("+changes" if dirty else "")) if sha else "a work tree without commits"
    text = text.replace("{sha}", short).replace("{version}", __version__)
    if sha and message is None:
        text += f"\n\nSource commit: {sha}" + (" (with uncommitted changes)" if dirty else "")
    return text


def _identity_env(git: Git) -> dict[str, str]:
    """Fallback author/committer when the user has no git identity configured."""
    env = {}
    for role in ("AUTHOR", "COMMITTER"):
        if not git.ok("var", f"GIT_{role}_IDENT"):
            env[f"GIT_{role}_NAME"] = os.environ.get(f"GIT_{role}_NAME", "Banmian")
            env[f"GIT_{role}_EMAIL"] = os.environ.get(f"GIT_{role}_EMAIL", "banmian@localhost")
    return env


def checked_out_in_worktree(git: Git, ref: str) -> bool:
    out = git.out("worktree", "list", "--porcelain")
    return any(line == f"branch {ref}" for line in out.splitlines())


def remote_exists(git: Git, remote: str) -> bool:
    return remote in git.out("remote").split() or "/" in remote or ":" in remote


def fetch_remote_branch(git: Git, remote: str, branch: str) -> str | None:
    """Fetch REMOTE's BRANCH into refs/remotes/REMOTE/BRANCH; its sha, or None if absent."""
    listing = git.out("ls-remote", "--heads", remote, f"refs/heads/{branch}")
    if not listing:
        return None
    tracking = f"refs/remotes/{remote}/{branch}" if remote in git.out("remote").split() else None
    if tracking:
        git.run("fetch", "--quiet", "--no-tags", remote, f"+refs/heads/{branch}:{tracking}")
        return git.rev(tracking)
    git.run("fetch", "--quiet", "--no-tags", remote, f"refs/heads/{branch}")
    return git.rev("FETCH_HEAD")


def choose_parent(git: Git, local: str | None, remote_tip: str | None, branch: str) -> str | None:
    """The commit the new publish builds on: the newer of local and remote branch tips."""
    if not local or not remote_tip or local == remote_tip:
        return local or remote_tip
    if git.ok("merge-base", "--is-ancestor", remote_tip, local):
        return local
    if git.ok("merge-base", "--is-ancestor", local, remote_tip):
        return remote_tip
    raise BanmianError(
        f"local branch '{branch}' and the remote's have diverged; reset the local one "
        f"(git branch -f {branch} <remote>/{branch}) or delete it, then publish again")


def guess_pages_url(remote_url: str) -> str | None:
    """https://ORG.github.io/REPO/ for a github.com remote URL, else None."""
    url = remote_url.strip()
    if url.startswith("git@github.com:"):
        path = url[len("git@github.com:"):]
    else:
        parts = urlsplit(url)
        if parts.hostname != "github.com":
            return None
        path = parts.path.lstrip("/")
    path = path.removesuffix("/").removesuffix(".git")
    owner, _, repo = path.partition("/")
    if not owner or not repo or "/" in repo:
        return None
    if repo.lower() == f"{owner.lower()}.github.io":
        return f"https://{owner.lower()}.github.io/"
    return f"https://{owner.lower()}.github.io/{repo}/"


def publish_gh_pages(config: Config, remote: str = "origin", branch: str = "gh-pages",
                     message: str | None = None, push: bool = True, *,
                     build_site: bool = True, site_dir: Path | None = None,
                     quiet: bool = False) -> int:
    """Build the site and commit it to BRANCH (history kept), then push it to REMOTE.

    `build_site=False` publishes the existing output folder (`site_dir` or the
    config's output_dir) as it is. Returns the process exit code (0).
    """
    result = publish(config, remote=remote, branch=branch, message=message, push=push,
                     build_site=build_site, site_dir=site_dir)
    if not quiet:
        first = result.message.splitlines()[0]
        print(f"committed {result.commit[:12]} to {result.branch} ({result.files} files): {first}")
        if result.pushed:
            print(f"pushed {result.branch} to {remote}")
        else:
            print(f"not pushed (--no-push); push later with: git push {remote} {result.branch}")
    return 0


def publish(config: Config, remote: str = "origin", branch: str = "gh-pages",
            message: str | None = None, push: bool = True, *,
            build_site: bool = True, site_dir: Path | None = None) -> PublishResult:
    git = find_repo(config.root)
    ref = f"refs/heads/{branch}"
    if not git.ok("check-ref-format", ref):
        raise BanmianError(f"not a valid branch name: {branch!r}")
    if checked_out_in_worktree(git, ref):
        raise BanmianError(
            f"branch '{branch}' is checked out in a work tree; switch to another branch first "
            "(publishing rewrites the branch tip and would leave that work tree stale)")
    if push and not remote_exists(git, remote):
        raise BanmianError(f"no git remote named '{remote}' (see `git remote -v`), "
                           "or use --no-push to commit only")

    if build_site:
        from .build import build

        if push and urlsplit(config.base_url).hostname in _LOCAL_HOSTS:
            remote_url = git.out("remote", "get-url", remote, check=False) if remote in git.out("remote").split() else remote
            guessed = guess_pages_url(remote_url)
            if guessed:
                print(f"note: base_url is {config.base_url}; building for GitHub Pages at {guessed} "
                      "(set base_url in banmian.toml or pass --base-url to choose)")
                config = dataclasses.replace(config, base_url=guessed)
            else:
                print(f"warning: base_url is {config.base_url}: feed and sitemap URLs will point "
                      "there (pass --base-url https://ORG.github.io/REPO/)")
        out_dir = Path(site_dir) if site_dir else None
        site = build(config, out_dir).out_dir
    else:
        site = Path(os.path.abspath(site_dir)) if site_dir else config.output_path
        if not (site / "index.html").is_file():
            raise BanmianError("no built site here (no index.html); run `banmian build` first", site)

    local = git.rev(ref)
    remote_tip = fetch_remote_branch(git, remote, branch) if push else None
    parent = choose_parent(git, local, remote_tip, branch)

    tree, nfiles = write_site_tree(git, site, parent)
    sha, dirty = source_commit(git)
    text = commit_message(message, sha, dirty)
    args = ["commit-tree", tree, "-F", "-"] + (["-p", parent] if parent else [])
    commit = git.out(*args, input=text.encode("utf-8"), env=_identity_env(git))
    # compare-and-swap: fail rather than lose a commit made concurrently
    git.run("update-ref", "-m", f"banmian publish: {text.splitlines()[0]}", ref, commit, local or "")
    if push:
        proc = git.run("push", "--quiet", remote, f"{ref}:{ref}", check=False)
        if proc.returncode != 0:
            err = proc.stderr.decode("utf-8", "replace").strip()
            raise BanmianError(f"committed {commit[:12]} to {branch}, but pushing to {remote} failed: {err}")
    return PublishResult(commit=commit, parent=parent, branch=branch, files=nfiles,
                         message=text, pushed=push)
