"""`invoke publish`: refused before building when it cannot work; otherwise nothing half-uploaded is ever live.

The rsync test puts a stand-in `ssh` on PATH that runs the remote command here, so real rsync and real
shell commands do the work; gh-pages pushes to a bare repository in a temporary folder.
"""

from __future__ import annotations

import filecmp
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_check_live import FIXTURE, ROOT, ready_site

from netzwerk_build import publish

TODAY = "2026-11-24"
MARKER = ".netzwerk-build"


def environment(target: str | None, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SITEURL", "PUBLISH_TARGET")}
    if target is not None:
        env["PUBLISH_TARGET"] = target
    return {**env, **extra}


def command(data: Path, content: Path, output: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "invoke",
        "publish",
        "--data",
        str(data),
        "--content",
        str(content),
        "--output",
        str(output),
        "--today",
        TODAY,
    ]


def run_publish(data: Path, content: Path, output: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command(data, content, output), cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def files(folder: Path) -> list[str]:
    """Every file below `folder` (followed if it is a link), as sorted relative paths."""
    real = Path(os.path.realpath(folder))
    return sorted(str(p.relative_to(real)) for p in real.rglob("*") if p.is_file())


def published(output: Path) -> list[str]:
    return [name for name in files(output) if name != MARKER]


def change_about_page(content: Path, words: str) -> None:
    about = content / "pages" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + f"\n{words}\n", encoding="utf-8")


# -- refused before anything is built or delivered ----------------------------------------------------


def refused(tmp_path: Path, target: str, data: Path | None = None, content: Path | None = None) -> str:
    if data is None or content is None:
        data, content = ready_site(tmp_path / "site")
    output = tmp_path / "output"
    result = run_publish(data, content, output, environment(target))
    message = result.stdout + result.stderr
    assert result.returncode == 1, message
    assert "Traceback" not in message
    assert not output.exists(), "nothing may be built"
    return message


def test_an_empty_target_is_refused_and_the_three_forms_are_explained(tmp_path: Path) -> None:
    message = refused(tmp_path, "")
    assert "PUBLISH_TARGET is empty (set in publishconf.py)" in message
    for form in ("folder:PATH", "rsync:[user@]host:PATH", "gh-pages:REMOTE:BRANCH", "docs/publish.md"):
        assert form in message


def test_an_unknown_form_is_refused(tmp_path: Path) -> None:
    message = refused(tmp_path, "ftp://www.netz.de/site")
    assert "PUBLISH_TARGET='ftp://www.netz.de/site' (set in the environment) is not a form" in message
    assert "folder:PATH" in message


def test_a_real_folder_at_the_target_is_refused_and_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "www" / "current"
    target.mkdir(parents=True)
    (target / "index.html").write_text("the old site, copied by hand")
    message = refused(tmp_path, f"folder:{target}")
    assert f"{target} is a folder that make publish did not make" in message
    assert f"mv {target} {target}.before-publish" in message
    assert (target / "index.html").read_text() == "the old site, copied by hand"
    assert sorted(p.name for p in target.parent.iterdir()) == ["current"]


def test_a_site_that_is_not_ready_is_refused_with_file_and_line(tmp_path: Path) -> None:
    target = tmp_path / "www" / "current"
    target.parent.mkdir()
    message = refused(tmp_path, f"folder:{target}", FIXTURE / "data", FIXTURE / "content")
    network = (FIXTURE / "data" / "network.yaml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(network, 1) if text.startswith("email:"))
    assert f"data/network.yaml:{line}: 'netz@test.example' is an example address" in message
    assert "the privacy policy (Datenschutzerklärung) is missing" in message
    assert "Nothing was built or published." in message
    assert list(target.parent.iterdir()) == []


def test_gh_pages_refuses_a_folder_outside_git_and_a_source_branch(tmp_path: Path) -> None:
    message = refused(tmp_path / "one", "gh-pages")
    assert "is not in a git repository" in message
    data, content = ready_site(tmp_path / "two" / "site")
    git_repository(data.parent, tmp_path / "two" / "remote.git")
    message = refused(tmp_path / "two", "gh-pages:origin:main", data, content)
    assert "the branch 'main' holds the site's sources" in message


# -- folder: a complete release, then one rename ------------------------------------------------------


def test_folder_publish_switches_the_link_to_a_complete_release(tmp_path: Path) -> None:
    data, content = ready_site(tmp_path / "site")
    output = tmp_path / "output"
    target = tmp_path / "www" / "current"
    releases = tmp_path / "www" / "current.releases"
    # Two releases of earlier publishes, and a half-copied one that an interrupted publish left behind.
    for old in ("1", "2", "7.partial"):
        (releases / old).mkdir(parents=True)
        (releases / old / "index.html").write_text(f"release {old}")
    env = environment(f"folder:{target}")

    first = run_publish(data, content, output, env)
    assert first.returncode == 0, first.stderr
    assert f"release 3 in {releases}/ is live" in first.stdout
    assert target.is_symlink() and os.readlink(target) == "current.releases/3"
    assert files(target) == published(output), "the release holds exactly the built site"
    assert MARKER not in files(target)
    assert sorted(p.name for p in releases.iterdir()) == ["1", "2", "3"]

    change_about_page(content, "Zweite Fassung der Seite.")
    process = subprocess.Popen(command(data, content, output), cwd=ROOT, env=env, text=True, stdout=subprocess.PIPE)
    # A reader resolving the link the whole time: it never misses the site, and the first time it
    # sees the new release, that release is already complete.
    first_look: dict[str, list[str]] = {}
    gaps = 0
    while process.poll() is None:
        link = os.readlink(target)
        if link not in first_look:
            first_look[link] = files(target)
        gaps += not (target / "index.html").is_file()
        time.sleep(0.001)
    assert process.wait() == 0
    assert gaps == 0
    assert os.readlink(target) == "current.releases/4"
    assert first_look["current.releases/4"] == files(target) == published(output)
    about = (target / "about" / "index.html").read_text(encoding="utf-8")
    assert "Zweite Fassung der Seite." in about
    assert sorted(p.name for p in releases.iterdir()) == ["2", "3", "4"], "the oldest release is removed"
    assert "Zweite Fassung" not in (releases / "3" / "about" / "index.html").read_text(encoding="utf-8")


def test_the_link_changes_only_when_the_release_is_complete(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    for n in range(40):
        page = site / f"page-{n}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(f"page {n}")
    (site / MARKER).write_text("made by the build")
    target = tmp_path / "www" / "current"
    target.parent.mkdir()
    delivery = publish.prepare(publish.parse_target(f"folder:{target}", "test"), tmp_path, site, {})
    at_switch: list[list[str]] = []
    replace = os.replace

    def watching_replace(source: str | Path, destination: str | Path) -> None:
        if Path(destination) == target:
            at_switch.append(files(target.parent / os.readlink(source)))
        replace(source, destination)

    monkeypatch.setattr(publish.os, "replace", watching_replace)
    delivery.deliver(site, "https://test.de")
    expected = [name for name in files(site) if name != MARKER]
    assert at_switch == [expected]
    assert files(target) == expected


# -- rsync: the same, over ssh ------------------------------------------------------------------------

SSH_SHIM = """#!/bin/sh
# A stand-in for ssh: runs the remote command on this computer, as ssh would on the host.
{ printf '%s' "$*" | tr '\\n' ' '; echo; } >> "$SSH_SHIM_LOG"  # one line per call
while [ $# -gt 0 ]; do
  case "$1" in
    -l|-p|-o|-i|-F|-J) shift 2 ;;
    --) shift; break ;;
    -*) shift ;;
    *) break ;;
  esac
done
shift
exec sh -c "$*"
"""


def test_rsync_over_ssh_uploads_a_release_then_switches(tmp_path: Path) -> None:
    shim = tmp_path / "bin" / "ssh"
    shim.parent.mkdir()
    shim.write_text(SSH_SHIM)
    shim.chmod(shim.stat().st_mode | stat.S_IXUSR)
    log = tmp_path / "ssh.log"
    target = tmp_path / "server" / "current"
    target.parent.mkdir()
    releases = tmp_path / "server" / "current.releases"
    env = environment(
        f"rsync:deploy@web.test:{target}", PATH=f"{shim.parent}{os.pathsep}{os.environ['PATH']}", SSH_SHIM_LOG=str(log)
    )
    data, content = ready_site(tmp_path / "site")
    output = tmp_path / "output"

    first = run_publish(data, content, output, env)
    assert first.returncode == 0, first.stderr
    assert f"Published {output} to deploy@web.test:{target}: release 1" in first.stdout
    change_about_page(content, "Neu über rsync.")
    log.write_text("")
    second = run_publish(data, content, output, env)
    assert second.returncode == 0, second.stderr

    assert os.readlink(target) == "current.releases/2"
    assert files(target) == published(output)
    assert "Neu über rsync." in (target / "about" / "index.html").read_text(encoding="utf-8")
    assert oct((target / "index.html").stat().st_mode & 0o777) == "0o644"
    # Unchanged files are shared with the previous release (--link-dest), changed ones are not.
    same, different, _ = filecmp.cmpfiles(releases / "1", releases / "2", files(releases / "2"), shallow=False)
    assert "about/index.html" in different and len(same) > 100
    assert all((releases / "1" / name).samefile(releases / "2" / name) for name in same)
    assert not (releases / "1" / "about" / "index.html").samefile(releases / "2" / "about" / "index.html")
    # Everything ran through ssh, and the link moved only after the upload was complete and named.
    calls = log.read_text().splitlines()
    assert all("web.test" in call for call in calls) and any("deploy" in call for call in calls)
    upload = next(i for i, call in enumerate(calls) if "rsync --server" in call)
    named = next(i for i, call in enumerate(calls) if "mv -T" in call and "2.partial" in call)
    switched = next(i for i, call in enumerate(calls) if "ln -sfn" in call)
    assert upload < named < switched


def test_rsync_on_this_computer_takes_over_a_moved_aside_site_and_keeps_three_releases(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "css").mkdir(parents=True)
    (site / "css" / "site.css").write_text("body {}")
    (site / MARKER).write_text("made by the build")
    # The site as it was before make publish: moved aside, and the link keeps it online (docs/publish.md).
    before = tmp_path / "www" / "current.before-publish"
    before.mkdir(parents=True)
    (before / "index.html").write_text("the old site")
    target = tmp_path / "www" / "current"
    target.symlink_to("current.before-publish")
    delivery = publish.prepare(publish.parse_target(f"rsync:{target}", "test"), tmp_path, site, {})
    for version in range(1, 6):
        (site / "index.html").write_text(f"version {version}")
        print(delivery.deliver(site, "https://test.de"))
        assert (target / "index.html").read_text() == f"version {version}"
    releases = tmp_path / "www" / "current.releases"
    assert sorted(p.name for p in releases.iterdir()) == ["3", "4", "5"]
    assert os.readlink(target) == "current.releases/5"
    assert (releases / "4" / "css" / "site.css").samefile(releases / "5" / "css" / "site.css")
    assert not (releases / "5" / MARKER).exists()
    assert (before / "index.html").read_text() == "the old site", "what the link pointed at is left alone"


# -- gh-pages: ghp-import, then one push --------------------------------------------------------------

GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@netz.de",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@netz.de",
}


def git(*args: str, cwd: Path) -> str:
    env = {**os.environ, **GIT_IDENTITY}
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True).stdout


def git_repository(folder: Path, remote: Path) -> None:
    git("init", "--quiet", "--bare", str(remote), cwd=folder.parent)
    git("init", "--quiet", "-b", "main", cwd=folder)
    git("add", "-A", cwd=folder)
    git("commit", "--quiet", "-m", "The site's sources", cwd=folder)
    git("remote", "add", "origin", str(remote), cwd=folder)


def test_gh_pages_holds_exactly_the_site_with_nojekyll_and_cname(tmp_path: Path) -> None:
    data, content = ready_site(tmp_path / "site")
    remote = tmp_path / "remote.git"
    git_repository(data.parent, remote)
    output = tmp_path / "output"
    result = run_publish(data, content, output, environment("gh-pages", **GIT_IDENTITY))
    assert result.returncode == 0, result.stderr
    assert "to the branch gh-pages of the remote origin" in result.stdout and "with CNAME test.de" in result.stdout
    on_branch = git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).splitlines()
    assert sorted(on_branch) == sorted([*published(output), ".nojekyll", "CNAME"])
    assert git("show", "gh-pages:CNAME", cwd=remote).strip() == "test.de"
    assert git("show", "gh-pages:index.html", cwd=remote) == (output / "index.html").read_text(encoding="utf-8")
    assert git("branch", "--list", "main", cwd=remote) == "", "only the site's branch is pushed"


def test_target_forms() -> None:
    parse = publish.parse_target
    assert parse("folder:/var/www/netzwerk/current/", "t") == publish.Target("folder", path="/var/www/netzwerk/current")
    assert parse("rsync:deploy@web.netz.de:/srv/site", "t") == publish.Target(
        "rsync", path="/srv/site", host="deploy@web.netz.de"
    )
    assert parse("rsync:/srv/site", "t") == publish.Target("rsync", path="/srv/site")
    assert parse("gh-pages", "t") == publish.Target("gh-pages")
    assert parse("gh-pages:upstream", "t") == publish.Target("gh-pages", remote="upstream")
    assert parse("gh-pages:upstream:site", "t") == publish.Target("gh-pages", remote="upstream", branch="site")
    for wrong in ("", "  ", "folder:", "rsync:", "gh-pages:a:b:c", "gh-pages:-x", "s3://bucket"):
        with pytest.raises(publish.PublishRefused):
            parse(wrong, "t")
    assert publish._custom_domain("https://netzwerk.github.io/site/") == ""
    assert publish._custom_domain("https://www.netz.de/") == "www.netz.de"
