"""Data loss: the build never deletes or overwrites what it did not make, and never leaves the output half done."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from filelock import FileLock
from workspace import ROOT, TODAY, Workspace, assert_refused, invoke, tree_digest

KIT_FILES = ["tasks.py", "pelicanconf.py", "publishconf.py", "pyproject.toml", "plugins", "theme"]


def kit_copy(target: Path) -> Path:
    """The kit's own files in a scratch folder, with data and content, so 'the project' can be put at risk."""
    target.mkdir()
    for name in KIT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    shutil.copytree(ROOT / "tests" / "fixtures" / "site" / "data", target / "data")
    shutil.copytree(ROOT / "tests" / "fixtures" / "site" / "content", target / "content")
    (target / ".git").mkdir()
    (target / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    return target


def test_output_at_the_project_folder_is_refused_before_anything_is_touched(tmp_path: Path) -> None:
    kit = kit_copy(tmp_path / "kit")
    before = tree_digest(kit)
    for output in (".", "..", "plugins", "theme/static", "data", "content/pages", ".git"):
        result = invoke("build", "--output", output, "--today", TODAY, cwd=kit)
        message = result.stdout + result.stderr
        assert result.returncode == 1, (output, message)
        assert "Not building" in message and "Traceback" not in message, message
        assert tree_digest(kit) == before, f"--output {output} changed the project"
    assert not (tmp_path / ".kit.lock").exists() and sorted(p.name for p in tmp_path.iterdir()) == ["kit"]


def test_output_inside_or_around_data_and_content_is_refused(workspace: Workspace) -> None:
    before = workspace.snapshot()
    for output, words in (
        (workspace.data, "is or contains the data folder"),
        (workspace.data / "site", "lies inside the data folder"),
        (workspace.content / "images", "lies inside the content folder"),
        (workspace.root, "is or contains the data folder"),
    ):
        assert_refused(workspace, workspace.build(output=output), before, "Not building", words)


def test_a_folder_the_build_did_not_make_is_never_replaced(workspace: Workspace) -> None:
    mine = workspace.root / "my-documents"
    (mine / "letters").mkdir(parents=True)
    (mine / "letters" / "important.txt").write_text("do not delete")
    before = workspace.snapshot()
    assert_refused(workspace, workspace.build(output=mine), before, "was not made by this build", str(mine))


def test_an_empty_or_new_folder_is_fine_and_marked_for_the_next_build(workspace: Workspace) -> None:
    empty = workspace.root / "empty"
    empty.mkdir()
    assert workspace.build(output=empty).returncode == 0
    assert (empty / ".netzwerk-build").is_file() and (empty / "index.html").is_file()
    assert workspace.build(output=empty).returncode == 0, "a build replaces its own earlier output"


def test_a_second_build_waits_for_the_first_and_the_output_is_never_missing(workspace: Workspace) -> None:
    """Another build holds the lock: the build says so, waits, and then replaces the output in one step."""
    seen_missing: list[float] = []
    stop = threading.Event()

    def watch_output() -> None:
        while not stop.is_set():
            if not (workspace.output / "index.html").is_file():
                seen_missing.append(time.monotonic())

    watcher = threading.Thread(target=watch_output, daemon=True)
    watcher.start()
    lock = FileLock(str(workspace.root / ".output.lock"))
    lock.acquire()
    command = [sys.executable, "-m", "invoke", "build", "--data", str(workspace.data), "--content"]
    command += [str(workspace.content), "--output", str(workspace.output), "--today", TODAY]
    build = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert build.stdout is not None
    # The data's warnings (if any) come first; then the build says it waits, and waits.
    said = [build.stdout.readline()]
    while said[-1].startswith("Warning:"):
        said.append(build.stdout.readline())
    assert "Another build into" in said[-1] and "waiting" in said[-1], said
    time.sleep(0.5)
    assert build.poll() is None, "the build must wait while another one holds the lock"
    lock.release()
    rest = build.stdout.read()
    assert build.wait(timeout=120) == 0, rest
    # Two more builds at once, as `make build` while `make serve` rebuilds.
    racing = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT) for _ in range(2)]
    assert [process.wait(timeout=240) for process in racing] == [0, 0]
    stop.set()
    watcher.join()
    assert seen_missing == [], "output/index.html was missing while builds replaced it"
    leftovers = sorted(p.name for p in workspace.root.iterdir())
    assert leftovers == [".output.lock", "content", "data", "output"], leftovers


def test_what_was_added_to_a_built_output_is_never_deleted_unseen(workspace: Workspace) -> None:
    """A gh-pages checkout or a CNAME file put into the output by hand: the build names them and stops."""
    (workspace.output / ".git").mkdir()
    (workspace.output / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    (workspace.output / "CNAME").write_text("www.example.org\n")
    before = workspace.snapshot()
    assert_refused(
        workspace, workspace.build(), before, "Not building", "holds .git, CNAME, which the build did not make"
    )


def test_a_folder_that_only_looks_like_a_build_is_not_replaced(workspace: Workspace) -> None:
    """The files every build writes are no permission to delete a folder: only the build's own marker is."""
    lookalike = workspace.root / "site"
    for name in ("index.html", "theme/css/site.css", "calendar/netzwerk.ics", "notes/important.txt"):
        (lookalike / name).parent.mkdir(parents=True, exist_ok=True)
        (lookalike / name).write_text("mine")
    before = workspace.snapshot()
    assert_refused(workspace, workspace.build(output=lookalike), before, "was not made by this build")
