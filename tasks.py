"""Project tasks (invoke). The Makefile calls these; `invoke --list` shows them."""

from __future__ import annotations

import json
import shutil
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from invoke import Context, Exit, task

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "plugins"))  # plugins are importable even without an install

import netzwerk_build  # noqa: E402
from netzwerk_build import BuildFailed, Project, SitePaths  # noqa: E402

WATCHED = ["theme", "plugins", "pelicanconf.py", "publishconf.py"]


def _path(value: str) -> Path:
    path = Path(value)
    return path if path.is_absolute() else (Path.cwd() / path)


def _project() -> Project:
    return Project(ROOT)


def _check(data: Path, content: Path, after: str = "Fix them and check again.") -> None:
    """Every editor's mistake in data and content as a clear message and exit 1, never a traceback."""
    sources = netzwerk_build.check(_project(), data, content)
    if not sources.ok:
        raise Exit(f"{sources.report()}\n{after}", code=1)


@task(help={"data": "data folder", "content": "content folder"})
def validate(c: Context, data: str = "data", content: str = "content") -> None:
    """Check the data and content files without building; explain every problem found."""
    _check(_path(data), _path(content))
    print(f"{data} and {content}: all files are valid.")


def _build(data: Path, content: Path, output: Path, today: str | None, settings: str) -> None:
    """Check, build into a fresh folder, and only then replace `output`."""
    try:
        pages = netzwerk_build.build(_project(), SitePaths(data, content, output), today, ROOT / settings, say=print)
    except BuildFailed as failure:
        raise Exit(str(failure), code=1) from None
    print(f"Built {pages} pages into {output}")


BUILD_HELP = {
    "data": "data folder (default data)",
    "content": "content folder (default content)",
    "output": "output folder (default output)",
    "today": "the date that splits upcoming from past events, YYYY-MM-DD (default: today in the network's time zone)",
    "settings": "Pelican settings file (publishconf.py for deployment)",
}


@task(help=BUILD_HELP)
def build(
    c: Context,
    data: str = "data",
    content: str = "content",
    output: str = "output",
    today: str | None = None,
    settings: str = "pelicanconf.py",
) -> None:
    """Build the site; on any problem, explain it and keep the previous output."""
    _build(_path(data), _path(content), _path(output), today, settings)


@task(help={**BUILD_HELP, "port": "port on 127.0.0.1 (default 8000)"})
def serve(
    c: Context,
    data: str = "data",
    content: str = "content",
    output: str = "output",
    today: str | None = None,
    settings: str = "pelicanconf.py",
    port: int = 8000,
) -> None:
    """Build, serve on http://127.0.0.1:PORT and rebuild whenever a source file changes."""
    import os
    import time

    from watchfiles import watch

    paths = SitePaths(_path(data), _path(content), _path(output))
    try:
        netzwerk_build.refuse_unsafe_output(_project(), paths)
    except BuildFailed as failure:
        raise Exit(str(failure), code=1) from None

    def rebuild() -> None:
        started = time.perf_counter()
        try:
            _build(paths.data, paths.content, paths.output, today, settings)
            print(f"  (took {time.perf_counter() - started:.1f} s)")
        except Exit as failure:
            print(failure.message, file=sys.stderr)

    rebuild()
    paths.output.mkdir(parents=True, exist_ok=True)
    handler = partial(SimpleHTTPRequestHandler, directory=str(paths.output))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Serving {paths.output} on http://127.0.0.1:{port}/ — edit data, content or theme to rebuild; Ctrl-C stops.")
    code = [ROOT / w for w in WATCHED]
    watched = [str(p) for p in (paths.data, paths.content, *code) if p.exists()]
    try:
        for changes in watch(*watched):
            changed = [Path(name) for _kind, name in changes]
            if any(folder == path or folder in path.parents for path in changed for folder in code):
                # Templates, catalogues, plugins or settings: start afresh so every change is picked up.
                print("The kit's own files changed; restarting …")
                server.shutdown()
                server.server_close()
                os.execv(sys.executable, [sys.executable, *sys.argv])
            rebuild()
    except KeyboardInterrupt:
        server.shutdown()


@task
def schemas(c: Context) -> None:
    """Write the JSON Schemas (one per data kind) into schemas/."""
    from netzwerk_data.schema import write_schemas

    for path in write_schemas(ROOT / "schemas"):
        print(f"wrote {path.relative_to(ROOT)}")


@task
def i18n(c: Context) -> None:
    """Extract interface strings and update every theme/translations/<lang>.po."""
    from netzwerk_i18n.extract import update_catalogues

    for path in update_catalogues(ROOT):
        print(f"updated {path.relative_to(ROOT)}")


@task
def lint(c: Context) -> None:
    """ruff: lint and formatting."""
    c.run(f"{sys.executable} -m ruff check .", pty=False)
    c.run(f"{sys.executable} -m ruff format --check .", pty=False)


@task(help={"k": "only tests matching this pytest -k expression"})
def test(c: Context, k: str = "") -> None:
    """Lint, then the whole test suite."""
    lint(c)
    selection = f" -k {json.dumps(k)}" if k else ""
    c.run(f"{sys.executable} -m pytest{selection}", pty=False)


@task(help={"rounds": "how many alternating rounds (median is reported)"})
def bench(c: Context, rounds: int = 3) -> None:
    """Time and peak memory of a build, as ratios against plain Pelican with as many pages."""
    c.run(f"{sys.executable} {ROOT / 'benchmarks' / 'compare_with_pelican.py'} --rounds {rounds}", pty=False)


@task
def clean(c: Context) -> None:
    """Remove the built output (only if a build made it) and caches."""
    from netzwerk_build.folders import remove_build_folder, remove_leftovers

    remove_leftovers(ROOT / "output")
    remove_build_folder(ROOT / "output")
    for name in (".pytest_cache", ".ruff_cache", ".hypothesis"):
        shutil.rmtree(ROOT / name, ignore_errors=True)
