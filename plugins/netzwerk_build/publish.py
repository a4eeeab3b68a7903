"""Delivering the built site to where it is served: a folder, a web server (rsync over ssh), or a gh-pages branch.

Nothing half-uploaded is ever live. A folder or server gets a complete new release beside the target
(PATH.releases/<n>/), and only then is the target, a symbolic link the web server serves, switched to it
in one rename. A gh-pages branch is pushed in one push. Where the target is, is checked before
anything is built, so a typo costs seconds, not a build.
"""

from __future__ import annotations

import os
import posixpath
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from filelock import FileLock, Timeout

from .folders import MARKER
from .lock import build_lock

# The live release and two before it, to go back to by hand (docs/publish.md says how).
KEEP_RELEASES = 3
RELEASES_SUFFIX = ".releases"
PARTIAL_SUFFIX = ".partial"

FORMS = """Set PUBLISH_TARGET in publishconf.py, or for one run in the environment (PUBLISH_TARGET=... make publish),
to one of these three forms:
  folder:PATH               a folder on this computer that the web server serves, e.g. folder:/var/www/netzwerk/current
  rsync:[user@]host:PATH    a folder on a web server, copied with rsync over ssh,
                            e.g. rsync:deploy@www.example.org:/var/www/netzwerk/current (rsync:PATH: this computer)
  gh-pages                  the gh-pages branch of this git repository, pushed to the remote origin (GitHub Pages);
                            gh-pages:REMOTE or gh-pages:REMOTE:BRANCH for another remote or branch
docs/publish.md explains each form and what the web server must point at."""

_HOST = re.compile(r"(?:[A-Za-z0-9._-]+@)?[A-Za-z0-9][A-Za-z0-9.-]*")
_GIT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]*")
# Branches that hold the project's sources: ghp-import would replace their files with the site.
_SOURCE_BRANCHES = ("main", "master")


class PublishRefused(Exception):
    """Refused before anything was built or delivered; the message says what to change."""


class PublishFailed(Exception):
    """Delivery went wrong; what is live stayed as it was."""


@dataclass(frozen=True)
class Target:
    kind: str  # "folder", "rsync" or "gh-pages"
    path: str = ""  # folder, rsync
    host: str = ""  # rsync: [user@]host; "" for a folder on this computer
    remote: str = "origin"  # gh-pages
    branch: str = "gh-pages"  # gh-pages

    def __str__(self) -> str:
        if self.kind == "gh-pages":
            return f"the branch {self.branch} of the remote {self.remote}"
        return f"{self.host}:{self.path}" if self.host else self.path


def parse_target(text: str, source: str) -> Target:
    """PUBLISH_TARGET as a Target, or PublishRefused explaining the three forms; `source` says where it was set."""
    value = text.strip()
    if not value:
        raise PublishRefused(f"PUBLISH_TARGET is empty ({source}), so there is nowhere to publish to.\n{FORMS}")
    kind, _, rest = value.partition(":")
    if any(c.isspace() and c != " " for c in value) or "\x00" in value:
        raise PublishRefused(f"PUBLISH_TARGET={value!r} ({source}) contains a line break or tab; write it on one line")
    if kind == "folder" and rest:
        return Target("folder", path=rest.rstrip("/") or "/")
    if kind == "rsync" and rest:
        host, colon, path = rest.partition(":")
        if colon and "/" not in host and _HOST.fullmatch(host):
            if not path:
                raise PublishRefused(f"PUBLISH_TARGET={value!r} ({source}): give the folder after the host, {FORMS}")
            return Target("rsync", path=path.rstrip("/") or "/", host=host)
        return Target("rsync", path=rest.rstrip("/") or "/")
    if kind == "gh-pages":
        names = rest.split(":") if rest else []
        if len(names) <= 2 and all(_GIT_NAME.fullmatch(name) for name in names):
            remote = names[0] if names else "origin"
            branch = names[1] if len(names) == 2 else "gh-pages"
            return Target("gh-pages", remote=remote, branch=branch)
    raise PublishRefused(f"PUBLISH_TARGET={value!r} ({source}) is not a form make publish knows.\n{FORMS}")


# -- the order of work: check before building, deliver after -------------------------------------


class Delivery(ABC):
    """One target: `check()` before the build refuses what cannot work; `deliver()` puts the site live."""

    @abstractmethod
    def check(self) -> None: ...

    @abstractmethod
    def deliver(self, site: Path, public_address: str) -> str:
        """Put `site` live; return what was delivered where, for the coordinator."""


def prepare(target: Target, base: Path, data: Path, protected: dict[str, Path]) -> Delivery:
    """The delivery for `target`, checked (PublishRefused). `base` resolves relative paths; `data` finds the
    git repository for gh-pages; a local target may not be, contain or lie in a `protected` folder."""
    delivery: Delivery
    if target.kind == "gh-pages":
        delivery = GhPages(target, data)
    elif target.host:
        delivery = Releases(target, _Remote(target.host, target.path))
    else:
        path = Path(target.path).expanduser()
        path = path if path.is_absolute() else base / path
        _refuse_protected(path, protected)
        local = _LocalFolder(path) if target.kind == "folder" else _LocalShell(path)
        delivery = Releases(target, local)
    delivery.check()
    return delivery


def deliver(delivery: Delivery, output: Path, public_address: str, say: Callable[[str], None] = print) -> str:
    """Deliver the built `output`, while no build may replace it halfway through the copy."""
    with build_lock(output, say):
        return delivery.deliver(output, public_address)


@contextmanager
def one_publish_at_a_time(output: Path, wait: float = 0) -> Iterator[None]:
    """Two publishes would pick the same release number; the second is refused and says why."""
    output.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(output.parent / f".{output.name}.publish.lock"))
    try:
        lock.acquire(timeout=wait)
    except Timeout:
        raise PublishRefused(
            f"another make publish from {output} is running; wait until it has finished and publish again"
        ) from None
    try:
        yield
    finally:
        lock.release()


def _refuse_protected(path: Path, protected: dict[str, Path]) -> None:
    target = path.resolve()
    if target == Path(target.anchor):
        raise PublishRefused(f"PUBLISH_TARGET points at {target}, the top of the file system; choose a folder")
    for name, folder in protected.items():
        folder = folder.resolve()
        if target == folder or target in folder.parents or (name != "project" and folder in target.parents):
            raise PublishRefused(
                f"PUBLISH_TARGET points at {target}, which is, holds or lies inside the {name} folder {folder}; "
                "publish to a folder of its own, outside the data, content and output folders"
            )


# -- folder: and rsync: a new release beside the target, then one rename ---------------------------


@dataclass
class _State:
    """What is at the target now."""

    kind: str  # "missing", "link", "folder", "other" or "no-parent"
    link: str = ""  # where the link points
    releases: list[int] = field(default_factory=list)
    partials: list[str] = field(default_factory=list)  # uploads of a publish that was interrupted


def _state(kind_line: str, names: list[str]) -> _State:
    kind, _, link = kind_line.partition(" ")
    state = _State(kind or "missing", link)
    for name in names:
        if name.isdigit():
            state.releases.append(int(name))
        elif name.endswith(PARTIAL_SUFFIX):
            state.partials.append(name)
    state.releases.sort()
    return state


class _Place(ABC):
    """Where releases are written: this computer (Python or shell) or a server over ssh."""

    path: str  # the target, as the web server sees it
    where: str  # " on HOST" or ""

    @abstractmethod
    def state(self) -> _State: ...

    @abstractmethod
    def upload(self, site: Path, release: str, previous: str | None) -> None:
        """Copy `site` into releases/<release>, complete when this returns; `previous` shares unchanged files."""

    @abstractmethod
    def switch(self, release: str) -> None:
        """Point the target at releases/<release> in one rename: readers see the old or the new site."""

    @abstractmethod
    def remove(self, names: list[str]) -> None: ...

    @property
    def releases(self) -> str:
        return self.path + RELEASES_SUFFIX

    @property
    def link_text(self) -> str:
        """The link's content: relative, so it stays right when the folder is mounted elsewhere."""
        return f"{posixpath.basename(self.path)}{RELEASES_SUFFIX}"


class Releases(Delivery):
    def __init__(self, target: Target, place: _Place) -> None:
        self.target = target
        self.place = place

    def check(self) -> None:
        self._inspect()

    def _inspect(self) -> _State:
        state = self.place.state()
        path, where = self.place.path, self.place.where
        if state.kind == "no-parent":
            raise PublishRefused(
                f"the folder {posixpath.dirname(path) or '.'}{where} does not exist; create it, or correct "
                f"PUBLISH_TARGET ({self.target.kind}:{self.target})"
            )
        if state.kind in ("folder", "other"):
            what = "a folder" if state.kind == "folder" else "a file"
            raise PublishRefused(
                f"{path}{where} is {what} that make publish did not make. make publish writes each release into "
                f"{self.place.releases}/ and makes {path} a symbolic link to the newest one, so that the switch "
                f"happens in one step. Move it aside once, keeping it online meanwhile"
                f"{' (on that host)' if where else ''}:\n"
                f"    mv {shlex.quote(path)} {shlex.quote(path + '.before-publish')} && "
                f"ln -s {shlex.quote(posixpath.basename(path) + '.before-publish')} {shlex.quote(path)}\n"
                f"then run make publish again; the web server keeps pointing at {path}"
            )
        return state

    def deliver(self, site: Path, public_address: str) -> str:
        state = self._inspect()  # again: the target may have changed during the build
        place = self.place
        if state.partials:
            place.remove(state.partials)
        number = (state.releases[-1] if state.releases else 0) + 1
        live = posixpath.basename(state.link) if state.kind == "link" else ""
        previous = live if live.isdigit() and int(live) in state.releases else None
        if previous is None and state.releases:
            previous = str(state.releases[-1])
        place.upload(site, str(number), previous)
        place.switch(str(number))
        old = [str(n) for n in state.releases[: max(0, len(state.releases) + 1 - KEEP_RELEASES)]]
        if old:
            place.remove(old)
        kept = [str(n) for n in state.releases if str(n) not in old]
        before = f"; kept to go back to: {', '.join(kept)}" if kept else ""
        return (
            f"Published {site} to {self.target}: release {number} in {place.releases}/ is live{place.where}, "
            f"{place.path} points at it{before}."
        )


class _LocalFolder(_Place):
    """folder:PATH, done in Python: works wherever the kit runs, no rsync needed."""

    def __init__(self, path: Path) -> None:
        self.path = str(path)
        self.where = ""
        self._path = path

    def state(self) -> _State:
        path = self._path
        if not path.parent.is_dir():
            return _State("no-parent")
        if path.is_symlink():
            kind = f"link {os.readlink(path)}"
        elif path.is_dir():
            kind = "folder"
        else:
            kind = "other" if path.exists() else "missing"
        releases = Path(self.releases)
        return _state(kind, sorted(p.name for p in releases.iterdir()) if releases.is_dir() else [])

    def upload(self, site: Path, release: str, previous: str | None) -> None:
        releases = Path(self.releases)
        releases.mkdir(exist_ok=True)
        partial = releases / f"{release}{PARTIAL_SUFFIX}"
        shutil.copytree(site, partial, ignore=lambda folder, _names: [MARKER] if Path(folder) == site else [])
        partial.rename(releases / release)  # the release's name appears only when it is complete

    def switch(self, release: str) -> None:
        switching = self._path.parent / f".{self._path.name}.switch-{release}"
        switching.unlink(missing_ok=True)
        os.symlink(f"{self.link_text}/{release}", switching)
        os.replace(switching, self._path)

    def remove(self, names: list[str]) -> None:
        for name in names:
            shutil.rmtree(Path(self.releases) / name, ignore_errors=True)


_STATE_SCRIPT = """t={t}; r={r}
if [ ! -d "$(dirname -- "$t")" ]; then echo no-parent
elif [ -L "$t" ]; then printf 'link %s\\n' "$(readlink -- "$t")"
elif [ -d "$t" ]; then echo folder
elif [ -e "$t" ]; then echo other
else echo missing; fi
if [ -d "$r" ]; then ls -1A -- "$r"; fi"""


class _Shell(_Place):
    """rsync:…, with rsync for the copy (--link-dest: unchanged files are shared with the last release)
    and shell commands for the rest, on this computer or over ssh."""

    host = ""

    def run(self, script: str, what: str) -> str:
        command = ["ssh", self.host, script] if self.host else ["sh", "-c", script]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise PublishFailed(f"{what}{self.where} failed: {error}") from None
        if done.returncode != 0:
            raise PublishFailed(f"{what}{self.where} failed: {_last_words(done.stderr or done.stdout)}")
        return done.stdout

    def state(self) -> _State:
        script = _STATE_SCRIPT.format(t=shlex.quote(self.path), r=shlex.quote(self.releases))
        try:
            lines = self.run(script, "looking at the target").splitlines()
        except PublishFailed as failure:
            hint = f"; check that `ssh {self.host} true` works from here" if self.host else ""
            raise PublishRefused(f"{failure}{hint}") from None
        return _state(lines[0] if lines else "", lines[1:])

    def upload(self, site: Path, release: str, previous: str | None) -> None:
        self.run(f"mkdir -p -- {shlex.quote(self.releases)}", "making the releases folder")
        partial = f"{self.releases}/{release}{PARTIAL_SUFFIX}"
        # Compared by content, not by time: every build writes every file anew, so with times kept no file
        # would ever be shared with the previous release. Readable by the web server whatever the umask.
        command = ["rsync", "--recursive", "--checksum", "--perms", "--chmod=D755,F644", f"--exclude=/{MARKER}"]
        if previous:
            command.append(f"--link-dest=../{previous}")  # relative to the new release's folder
        if self.host:
            command += ["-e", "ssh"]
        command += [f"{site}/", f"{self.host}:{partial}/" if self.host else f"{partial}/"]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=3600, check=False)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise PublishFailed(f"copying the site with rsync{self.where} failed: {error}; nothing changed") from None
        if done.returncode != 0:
            raise PublishFailed(
                f"copying the site with rsync{self.where} failed: {_last_words(done.stderr)}; "
                "what is live stayed as it was"
            )
        final = f"{self.releases}/{release}"
        self.run(f"mv -T -- {shlex.quote(partial)} {shlex.quote(final)}", "naming the new release")

    def switch(self, release: str) -> None:
        parent, name = posixpath.split(self.path)
        switching = f".{name}.switch-{release}"
        script = (
            f"cd -- {shlex.quote(parent or '.')} && ln -sfn -- {shlex.quote(f'{self.link_text}/{release}')} "
            f"{shlex.quote(switching)} && mv -T -- {shlex.quote(switching)} {shlex.quote(name)}"
        )
        self.run(script, "switching the site to the new release")

    def remove(self, names: list[str]) -> None:
        folders = " ".join(shlex.quote(f"{self.releases}/{name}") for name in names)
        self.run(f"rm -rf -- {folders}", "removing old releases")


class _LocalShell(_Shell):
    def __init__(self, path: Path) -> None:
        self.path = str(path)
        self.where = ""


class _Remote(_Shell):
    def __init__(self, host: str, path: str) -> None:
        self.host = host
        self.path = path
        self.where = f" on {host}"


def _last_words(text: str) -> str:
    """The lines of a tool's error output that say what went wrong, without any traceback."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    told = [line for line in lines if line.startswith(("error", "fatal", "rsync:", "rsync error", "ssh:", "!", "mv:"))]
    return "; ".join(told or lines[-2:]) or "no message"


# -- gh-pages: ghp-import, then one push ----------------------------------------------------------


class GhPages(Delivery):
    """The site as the only content of a branch (with .nojekyll, and CNAME for a custom domain)."""

    def __init__(self, target: Target, data: Path) -> None:
        self.target = target
        self.data = data
        self.repo = Path()

    def git(self, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["git", *args], cwd=cwd or self.repo, capture_output=True, text=True, timeout=600, check=False
        )

    def check(self) -> None:
        remote, branch = self.target.remote, self.target.branch
        top = self.git("rev-parse", "--show-toplevel", cwd=self.data)
        if top.returncode != 0:
            raise PublishRefused(
                f"gh-pages publishes a branch of the git repository that holds the data folder, and {self.data} is "
                "not in a git repository; publish from a clone of the site's repository, or use folder: or rsync:"
            )
        self.repo = Path(top.stdout.strip())
        if self.git("remote", "get-url", remote).returncode != 0:
            raise PublishRefused(
                f"the git repository {self.repo} has no remote called {remote!r}; add it "
                f"(git remote add {remote} <address of the repository>) or write gh-pages:<remote> in PUBLISH_TARGET"
            )
        current = self.git("symbolic-ref", "--quiet", "--short", "HEAD").stdout.strip()
        if branch in (*_SOURCE_BRANCHES, current):
            raise PublishRefused(
                f"the branch {branch!r} holds the site's sources, and publishing replaces every file on the branch "
                "with the built site; publish to a branch of its own, e.g. gh-pages"
            )
        found = self.git("ls-remote", "--heads", remote, f"refs/heads/{branch}")
        if found.returncode != 0:
            raise PublishRefused(f"cannot reach the remote {remote!r}: {_last_words(found.stderr)}")
        if not found.stdout.strip():
            return  # the first publish makes the branch
        fetched = self.git("fetch", "--quiet", remote, f"+refs/heads/{branch}:refs/remotes/{remote}/{branch}")
        if fetched.returncode != 0:
            raise PublishRefused(f"cannot fetch {branch} from {remote!r}: {_last_words(fetched.stderr)}")
        if self.git("cat-file", "-e", f"refs/remotes/{remote}/{branch}:.nojekyll").returncode != 0:
            raise PublishRefused(
                f"the branch {branch!r} of {remote!r} holds something make publish did not put there (it has no "
                ".nojekyll file), and publishing would replace all of it; choose another branch in PUBLISH_TARGET "
                f"(gh-pages:{remote}:<branch>) or move that branch's content elsewhere"
            )

    def deliver(self, site: Path, public_address: str) -> str:
        self.check()  # fetches the branch as it is now: the new commit follows it, the push is a fast-forward
        remote, branch = self.target.remote, self.target.branch
        cname = _custom_domain(public_address)
        head = self.git("rev-parse", "--short", "HEAD").stdout.strip()
        message = f"Publish the site built from {head}" if head else "Publish the site"
        command = [sys.executable, "-m", "ghp_import", "-n", "-p", "-r", remote, "-b", branch, "-m", message]
        if cname:
            command += ["-c", cname]
        with tempfile.TemporaryDirectory(prefix="netzwerk-publish-") as folder:
            copy = Path(folder) / "site"
            shutil.copytree(site, copy, ignore=lambda where, _names: [MARKER] if Path(where) == site else [])
            done = subprocess.run(
                [*command, str(copy)],
                cwd=self.repo,
                env=self._identity(),
                capture_output=True,
                text=True,
                timeout=3600,
                check=False,
            )
        if done.returncode != 0 or "Failed to process commit" in done.stdout:
            raise PublishFailed(
                f"ghp-import could not publish to {branch} of {remote!r}: {_last_words(done.stderr + done.stdout)}; "
                "what is live stayed as it was"
            )
        commit = self.git("rev-parse", "--short", f"refs/heads/{branch}").stdout.strip()
        named = f", with CNAME {cname}" if cname else ""
        return f"Published {site} to {self.target} (commit {commit}{named}); GitHub Pages serves it from there."

    def _identity(self) -> dict[str, str]:
        """ghp-import signs its commit with the git identity; a machine without one still publishes."""
        env = dict(os.environ)
        for key, setting, fallback in (
            ("GIT_COMMITTER_NAME", "user.name", "make publish"),
            ("GIT_COMMITTER_EMAIL", "user.email", "publish@localhost"),
        ):
            if not env.get(key):
                env[key] = self.git("config", setting).stdout.strip() or fallback
        return env


def _custom_domain(public_address: str) -> str:
    """The host for GitHub Pages' CNAME file; none for a *.github.io address (GitHub's own)."""
    host = (urlsplit(public_address).hostname or "").lower()
    return "" if not host or host == "github.io" or host.endswith(".github.io") else host
