"""`make serve`'s OutputCache: a rebuild keeps unchanged files where they are, moves the files it made
into the output folder and removes the ones it no longer makes (the serve test checks whole sites)."""

from __future__ import annotations

from pathlib import Path

from netzwerk_site.reuse import OutputCache


def _write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


def _first_build(tmp_path: Path, files: dict[str, str]) -> tuple[OutputCache, Path]:
    """serve's first build: every file written (its key "key-<name>"), the folder swapped in whole."""
    cache, output = OutputCache(), tmp_path / "output"
    cache.begin(output)
    assert not cache.merges
    first = tmp_path / "staging-1"
    for name in files:
        assert not cache.reuse([name], f"key-{name}")
    _write(first, files)
    first.rename(output)
    cache.commit(swapped=output)
    return cache, output


def _files(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_rebuild_keeps_unchanged_files_replaces_changed_ones_and_removes_the_rest(tmp_path: Path) -> None:
    files = {"index.html": "home", "events/a/index.html": "a", "events/b/index.html": "b", "old/x.ics": "x"}
    cache, output = _first_build(tmp_path, files)
    kept_inode = (output / "index.html").stat().st_ino

    cache.begin(output)  # an edit of event a; old/ is no longer made, and "old" is now a file
    assert cache.merges
    second = tmp_path / "staging-2"
    second.mkdir()
    assert cache.reuse(["index.html"], "key-index.html")
    assert cache.reuse(["events/b/index.html"], "key-events/b/index.html")
    assert not cache.reuse(["events/a/index.html"], "new key")
    assert not cache.reuse(["old"], "key-old")
    _write(second, {"events/a/index.html": "a, edited", "old": "now a file"})
    cache.merge(second)
    cache.commit()

    assert _files(output) == {
        "index.html": "home",
        "events/a/index.html": "a, edited",
        "events/b/index.html": "b",
        "old": "now a file",
    }
    assert (output / "index.html").stat().st_ino == kept_inode  # not written again
    assert cache.made_files(".html") == 3
    assert (cache.reused, cache.written) == (2, 2)


def test_a_file_removed_by_hand_is_written_again(tmp_path: Path) -> None:
    cache, output = _first_build(tmp_path, {"a.html": "a"})
    (output / "a.html").unlink()
    cache.begin(output)
    assert not cache.reuse(["a.html"], "key-a.html")


def test_a_failed_build_leaves_the_output_and_its_keys(tmp_path: Path) -> None:
    cache, output = _first_build(tmp_path, {"a.html": "a"})
    cache.begin(output)
    assert not cache.reuse(["a.html"], "other")
    cache.defer(lambda _output: (_ for _ in ()).throw(AssertionError("deferred work of a failed build ran")))
    cache.abandon()
    cache.finish_deferred()
    cache.begin(output)
    assert cache.reuse(["a.html"], "key-a.html")  # the keys of the last good build
