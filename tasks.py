"""Project tasks (invoke). The Makefile calls these; `invoke --list` shows them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from invoke import Context, Exit, task

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "plugins"))  # plugins are importable even without an install

WATCHED = ["theme", "plugins", "pelicanconf.py", "publishconf.py"]


def _path(value: str) -> Path:
    path = Path(value)
    return path if path.is_absolute() else (Path.cwd() / path)


def _check_data(data: Path, content: Path, after: str = "Fix them and check again.") -> None:
    """Every editor's mistake as a clear message and exit 1, never a traceback."""
    from netzwerk_data import DataError, load_dataset
    from netzwerk_i18n import MissingCatalogue, load_catalogue

    try:
        dataset = load_dataset(data, content)
        for lang in dataset.network.languages:
            load_catalogue(str(ROOT / "theme" / "translations"), lang)
    except DataError as error:
        raise Exit(f"{error.report()}\n{after}", code=1) from None
    except MissingCatalogue as error:
        raise Exit(f"{error}\n{after}", code=1) from None


@task(help={"data": "data folder", "content": "content folder"})
def validate(c: Context, data: str = "data", content: str = "content") -> None:
    """Check the data files without building; explain every problem found."""
    _check_data(_path(data), _path(content))
    print(f"{data}: all files are valid.")


def _build(data: Path, content: Path, output: Path, today: str | None, settings: str) -> None:
    """Check, build into a fresh folder, and only then replace `output`."""
    _check_data(data, content, f"Fix them and build again; {output} was left as it was.")
    staging = output.with_name(output.name + ".building")
    shutil.rmtree(staging, ignore_errors=True)
    extra = {"NETWORK_DATA": str(data)}
    if today:
        extra["SITE_TODAY"] = today
    command = [sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / settings), "-o", str(staging)]
    # Any Pelican warning (e.g. an info mail without Date) fails the build: nothing is dropped silently.
    command += ["--fatal", "warnings", "--log-handler", "plain", "-e"]  # one -e: Pelican keeps only the last
    command += [f"{key}={json.dumps(value)}" for key, value in extra.items()]
    result = subprocess.run(command, cwd=ROOT, check=False, capture_output=True, text=True)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        raise Exit(_pelican_report(result.stdout + result.stderr, output), code=1)
    previous = output.with_name(output.name + ".previous")
    shutil.rmtree(previous, ignore_errors=True)
    if output.exists():
        output.rename(previous)
    staging.rename(output)
    shutil.rmtree(previous, ignore_errors=True)
    pages = sum(1 for _ in output.rglob("*.html"))
    print(f"Built {pages} pages into {output}")


def _pelican_report(log: str, output: Path) -> str:
    """Pelican's own messages without its traceback: what went wrong, in which file."""
    noise = ("Traceback", "RuntimeError: Warning or error encountered", "Writing ", "Done: ")
    lines, in_traceback = [], False
    for line in log.splitlines():
        if line.startswith("Traceback"):
            in_traceback = True
        elif in_traceback and not line.startswith((" ", "\t")):
            in_traceback = False
        if in_traceback or not line.strip() or line.startswith(noise):
            continue
        lines.append(f"  {line}")
    hint = []
    if any(".md" in line for line in lines):
        hint = ["Markdown files in content/ start with 'Title:', 'Date:' (info mail), 'Slug:' and 'Lang:' lines."]
    return "\n".join(["The build failed:", *dict.fromkeys(lines), *hint, f"{output} was left as it was."])


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
    from watchfiles import watch

    paths = (_path(data), _path(content), _path(output))

    def rebuild() -> None:
        try:
            _build(*paths, today, settings)
        except Exit as failure:
            print(failure.message, file=sys.stderr)

    rebuild()
    paths[2].mkdir(parents=True, exist_ok=True)
    handler = partial(SimpleHTTPRequestHandler, directory=str(paths[2]))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Serving {paths[2]} on http://127.0.0.1:{port}/ — edit data, content or theme to rebuild; Ctrl-C stops.")
    watched = [str(p) for p in (paths[0], paths[1], *(ROOT / w for w in WATCHED)) if p.exists()]
    try:
        for _changes in watch(*watched):
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
    """Remove built output and caches."""
    for name in ("output", "output.building", "output.previous", ".pytest_cache", ".ruff_cache"):
        shutil.rmtree(ROOT / name, ignore_errors=True)
