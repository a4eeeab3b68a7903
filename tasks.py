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
from netzwerk_build.folders import seal  # noqa: E402
from netzwerk_build.lock import build_lock  # noqa: E402
from netzwerk_data import Dataset  # noqa: E402
from netzwerk_search import index_in_place  # noqa: E402
from netzwerk_site.reuse import OutputCache  # noqa: E402

WATCHED = ["theme", "plugins", "pelicanconf.py", "publishconf.py"]


def _path(value: str) -> Path:
    path = Path(value)
    return path if path.is_absolute() else (Path.cwd() / path)


def _project() -> Project:
    return Project(ROOT)


def _check(data: Path, content: Path, after: str = "Fix them and check again.") -> Dataset:
    """Every editor's mistake in data and content as a clear message and exit 1, never a traceback."""
    sources = netzwerk_build.check(_project(), data, content)
    if not sources.ok or sources.dataset is None:
        raise Exit(f"{sources.report()}\n{after}", code=1)
    return sources.dataset


@task(
    help={
        "data": "data folder",
        "content": "content folder",
        "today": "the day the warnings about stale data are computed for, YYYY-MM-DD (default: today)",
    }
)
def validate(c: Context, data: str = "data", content: str = "content", today: str | None = None) -> None:
    """Check the data and content files without building; explain every problem found, warn about stale data."""
    try:
        pinned = netzwerk_build.parse_today(today)
    except BuildFailed as failure:
        raise Exit(str(failure), code=1) from None
    dataset = _check(_path(data), _path(content))
    for line in netzwerk_build.stale_data_warnings(dataset, pinned):
        print(line)
    print(f"{data} and {content}: all files are valid.")


# Under `make serve`, Pelican keeps what its Markdown reader made of each file (by the file's time) in
# .cache/: a rebuild reads again only the files that changed. Directives are still filled in afresh.
SERVE_SETTINGS = {
    "CACHE_CONTENT": True,
    "LOAD_CONTENT_CACHE": True,
    "CONTENT_CACHING_LAYER": "reader",
    "CACHE_PATH": str(ROOT / ".cache" / "pelican-readers"),
}


def _build(
    data: Path, content: Path, output: Path, today: str | None, settings: str, cache: OutputCache | None = None
) -> None:
    """Check, build into a fresh folder, and only then replace `output`."""
    paths = SitePaths(data, content, output)
    extra = SERVE_SETTINGS if cache is not None else None
    try:
        pages = netzwerk_build.build(
            _project(), paths, today, ROOT / settings, say=print, extra_settings=extra, cache=cache
        )
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
    search_index = bool(_settings(settings).get("SEARCH_INDEX", True))

    cache = OutputCache()  # each rebuild makes again only what an edit changed (netzwerk_site.reuse)
    indexing: list[threading.Thread] = []

    def rebuild() -> None:
        for thread in indexing:  # the next build links the index of this one: let it finish first
            thread.join()
        indexing.clear()
        started = time.perf_counter()
        try:
            _build(paths.data, paths.content, paths.output, today, settings, cache)
        except Exit as failure:
            print(failure.message, file=sys.stderr)
            return
        print(f"  (took {time.perf_counter() - started:.1f} s: {cache.written} files made, {cache.reused} reused)")
        indexing.append(threading.Thread(target=finish, args=(time.perf_counter(),), daemon=True))
        indexing[0].start()

    def finish(started: float) -> None:
        """What the shown build left for later: new calendar PDFs, the old folder, the search index."""
        with build_lock(paths.output.resolve(), print):  # a `make build` meanwhile waits, as for a build
            cache.finish_deferred()
            problem = index_in_place(paths.output) if search_index else None
            if not problem:
                seal(paths.output)  # the index is part of the build: a later build may replace the folder
        seconds = time.perf_counter() - started
        done = "calendar PDFs and search index" if search_index else "calendar PDFs"
        print(f"  The search index could not be made: {problem}" if problem else f"  ({done} ready: {seconds:.1f} s)")

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
        for thread in indexing:  # no half-made index left in the output
            thread.join()


# -- going live: the check before publishing, and the delivery ----------------------------------------

LIVE_HELP = {
    "data": "data folder (default data)",
    "content": "content folder (default content)",
    "settings": "settings file with SITEURL (default publishconf.py)",
}


def _settings(settings: str) -> dict:
    """What a settings file sets (publishconf.py takes SITEURL and PUBLISH_TARGET from the environment)."""
    import runpy

    path = ROOT / settings
    if not path.is_file():
        raise Exit(f"The settings file {path} does not exist; use publishconf.py", code=1)
    return runpy.run_path(str(path))


def _live_check(data: Path, content: Path, settings: str, after: str) -> str:
    """Refuse what must not go live (every finding, exit 1); return the site's public address."""
    import os

    from netzwerk_build import live_check

    siteurl = str(_settings(settings).get("SITEURL") or "")
    source = "the environment variable SITEURL" if os.environ.get("SITEURL") else settings
    network = _dataset(data, content).network
    address = live_check.public_address(siteurl, source, data / "network.yaml", network.website)
    findings = live_check.check_live(data, content, network.default_language, address)
    if findings:
        raise Exit(f"{live_check.report(findings)}\n{after}", code=1)
    return address.value


@task(help=LIVE_HELP)
def check_live(c: Context, data: str = "data", content: str = "content", settings: str = "publishconf.py") -> None:
    """Check that the site may go live: no placeholders, no example addresses, a public https address."""
    address = _live_check(_path(data), _path(content), settings, after="Nothing was changed.")
    print(f"{data} and {content} are ready to go live at {address}.")


@task(help={**BUILD_HELP, "settings": "settings file with SITEURL and PUBLISH_TARGET (default publishconf.py)"})
def publish(
    c: Context,
    data: str = "data",
    content: str = "content",
    output: str = "output",
    today: str | None = None,
    settings: str = "publishconf.py",
) -> None:
    """Check the target and that the site may go live, build with publishconf.py, deliver to PUBLISH_TARGET."""
    import os

    from netzwerk_build import publish as publishing

    paths = SitePaths(_path(data), _path(content), _path(output))
    project = _project()
    where = "set in the environment" if os.environ.get("PUBLISH_TARGET") else f"set in {settings}"
    protected = {"project": ROOT, "data": paths.data, "content": paths.content, "output": paths.output}
    protected |= {"theme": project.theme, "plugins": project.plugins}
    try:
        netzwerk_build.parse_today(today)
        target = publishing.parse_target(str(_settings(settings).get("PUBLISH_TARGET") or ""), where)
        with publishing.one_publish_at_a_time(paths.output):
            delivery = publishing.prepare(target, Path.cwd(), paths.data, protected)
            address = _live_check(paths.data, paths.content, settings, after="Nothing was built or published.")
            print(f"Ready to go live at {address}; building, then publishing to {target} …")
            _build(paths.data, paths.content, paths.output, today, settings)
            print(publishing.deliver(delivery, paths.output, address))
    except (publishing.PublishRefused, BuildFailed) as refused:
        raise Exit(f"Not publishing: {refused}", code=1) from None
    except publishing.PublishFailed as failure:
        raise Exit(f"Not published: {failure}", code=1) from None


# -- the info mail: draft, e-mail, delivery ---------------------------------------------------------

MAIL_HELP = {
    "month": "the info mail's month, YYYY-MM",
    "slug": "the mail's Slug, when a month has several published mails",
    "lang": "only this language (default: every language the mail is written in; for sending: the site's first)",
    "folder": "where the .eml files are (default: mail/ beside the output folder; never published)",
}


def _dataset(data: Path, content: Path) -> Dataset:
    """The checked data, or every problem as a clear message and exit 1."""
    sources = netzwerk_build.check(_project(), data, content)
    if not sources.ok or sources.dataset is None:
        raise Exit(f"{sources.report()}\nFix them and try again.", code=1)
    return sources.dataset


def _mail_folder(folder: str | None, output: Path, data: Path, content: Path) -> Path:
    """Where the e-mails go: a folder of its own that no build publishes and no editor's folder holds."""
    chosen = (_path(folder) if folder else output.parent / "mail").resolve()
    project = _project()
    kept_apart = {
        "output": output,
        "data": data,
        "content": content,
        "theme": project.theme,
        "plugins": project.plugins,
    }
    for name, kept in kept_apart.items():
        kept = kept.resolve()
        if chosen == kept or kept in chosen.parents or chosen in kept.parents:
            raise Exit(f"The mail folder {chosen} would be inside or around the {name} folder {kept}; choose another")
    return chosen


@task(
    help={"month": MAIL_HELP["month"], "data": "data folder", "content": "content folder", "today": BUILD_HELP["today"]}
)
def mail(c: Context, month: str = "", data: str = "data", content: str = "content", today: str | None = None) -> None:
    """Write a draft of that month's info mail from the data into the content folder; print its files."""
    try:
        from netzwerk_mail.compose import ComposeError, compose_mail
    except ModuleNotFoundError as missing:
        if missing.name != "netzwerk_mail.compose":
            raise
        raise Exit(
            "make mail is not available in this version of the kit (netzwerk_mail.compose is missing)", 1
        ) from None
    from netzwerk_mail.message import MailProblem, check_month
    from netzwerk_site.generator import site_today

    try:
        chosen_month = check_month(month)
        pinned = netzwerk_build.parse_today(today)
    except (MailProblem, BuildFailed) as problem:
        raise Exit(str(problem), code=1) from None
    dataset = _dataset(_path(data), _path(content))
    day = site_today(pinned or "today", dataset.network.timezone)
    try:
        written = compose_mail(dataset, _path(content), chosen_month, day, _project().translations)
    except ComposeError as problem:
        raise Exit(f"No draft written: {problem}", code=1) from None
    for path in written:
        print(path)


@task(help={**BUILD_HELP, **MAIL_HELP, "build": "build the site first (default); --no-build uses the output as it is"})
def mail_eml(
    c: Context,
    month: str = "",
    data: str = "data",
    content: str = "content",
    output: str = "output",
    today: str | None = None,
    settings: str = "pelicanconf.py",
    slug: str | None = None,
    lang: str | None = None,
    folder: str | None = None,
    build: bool = True,
) -> None:
    """Build the site, then write that month's published info mail as a ready-to-send e-mail (.eml) per language."""
    import os

    from netzwerk_mail.message import ListSettings, MailProblem, MailRequest, check_month, write_info_mail

    paths = SitePaths(_path(data), _path(content), _path(output))
    mail_folder = _mail_folder(folder, paths.output, paths.data, paths.content)
    try:
        check_month(month)
        list_settings = ListSettings.from_environment(os.environ)
    except MailProblem as problem:
        raise Exit(str(problem), code=1) from None
    if build:
        _build(paths.data, paths.content, paths.output, today, settings)
    request = MailRequest(
        dataset=_dataset(paths.data, paths.content),
        output=paths.output,
        month=month,
        folder=mail_folder,
        templates=ROOT / "theme" / "templates" / "email",
        translations=_project().translations,
        settings=list_settings,
        slug=slug or None,
        languages=(lang,) if lang else (),
    )
    try:
        written = write_info_mail(request)
    except MailProblem as problem:
        raise Exit(f"No e-mail written: {problem}", code=1) from None
    for note in written.notes:
        print(f"Note: {note}")
    for path in written.paths:
        print(path)


@task(
    help={
        **MAIL_HELP,
        "data": "data folder (for the site's languages)",
        "content": "content folder",
        "output": "output folder (the mail folder is beside it)",
        "to": "send to these addresses instead of NETZWERK_MAIL_LIST (comma-separated), e.g. for a test",
        "send": "yes: really send; anything else or nothing: a dry run that only says what would be sent",
    }
)
def mail_send(
    c: Context,
    month: str = "",
    data: str = "data",
    content: str = "content",
    output: str = "output",
    slug: str | None = None,
    lang: str | None = None,
    folder: str | None = None,
    to: str | None = None,
    send: str = "",
) -> None:
    """Send that month's written info mail (.eml) through the SMTP server of the environment; SEND=yes sends."""
    import os

    from netzwerk_mail.message import MailProblem, check_month
    from netzwerk_mail.send import Outgoing, SendProblem, SmtpSettings, deliver, dry_run_report, find_eml, recipients

    if send.strip().lower() not in ("", "no", "yes"):
        raise Exit(f"SEND={send!r}: SEND=yes sends the mail; leave SEND out for a dry run", code=1)
    paths = SitePaths(_path(data), _path(content), _path(output))
    mail_folder = _mail_folder(folder, paths.output, paths.data, paths.content)
    try:
        chosen_month = check_month(month)
        language = lang or _dataset(paths.data, paths.content).default_language
        outgoing = Outgoing.read(find_eml(mail_folder, chosen_month, language, slug or None))
        to_addresses = recipients(os.environ, to)
        smtp = SmtpSettings.from_environment(os.environ)
        if send.strip().lower() != "yes":
            print(dry_run_report(outgoing, to_addresses, smtp))
            return
        deliver(outgoing, to_addresses, smtp)
    except (MailProblem, SendProblem) as problem:
        raise Exit(f"Not sent: {problem}", code=1) from None
    print(f"Sent {outgoing.path} ({outgoing.subject}) to {', '.join(to_addresses)} through {smtp.describe()}.")


# -- the annual report --------------------------------------------------------------------------------


@task(
    help={
        "year": "the report's year, YYYY",
        "data": "data folder",
        "content": "content folder",
        "today": BUILD_HELP["today"] + "; dates after it are not counted",
        "folder": "where the CSV file goes (default: reports/; never inside data, content or output)",
        "output": "the output folder, which the CSV file must stay out of (default output)",
    }
)
def report(
    c: Context,
    year: str = "",
    data: str = "data",
    content: str = "content",
    today: str | None = None,
    folder: str = "reports",
    output: str = "output",
) -> None:
    """Print the figures of one year (the site's /report/<year>/ page) and write them as a CSV file."""
    from netzwerk_data.report import ReportProblem, annual_report, check_year
    from netzwerk_site.generator import site_today

    try:
        pinned = netzwerk_build.parse_today(today)
    except BuildFailed as problem:
        raise Exit(str(problem), code=1) from None
    if not year.strip():
        raise Exit("say which year: make report YEAR=2026 (invoke report --year 2026)", code=1)
    dataset = _dataset(_path(data), _path(content))
    day = site_today(pinned or "today", dataset.network.timezone)
    try:
        chosen = check_year(year, dataset, day)
    except ReportProblem as problem:
        raise Exit(f"No report written: {problem}", code=1) from None
    target = _separate_folder(_path(folder), "report", {"data": _path(data), "content": _path(content)}, _path(output))
    figures = annual_report(dataset, chosen, day)
    target.mkdir(parents=True, exist_ok=True)
    path = target / f"report-{chosen}.csv"
    path.write_text(figures.csv_text(), encoding="utf-8")
    print(figures.text_table())
    print(f"\nWrote {path}")


def _separate_folder(chosen: Path, what: str, sources: dict[str, Path], output: Path) -> Path:
    """`chosen`, resolved, when it is neither inside nor around the editors' folders, the output or the kit."""
    chosen = chosen.resolve()
    project = _project()
    kept_apart = {**sources, "output": output, "theme": project.theme, "plugins": project.plugins}
    for name, kept in kept_apart.items():
        kept = kept.resolve()
        if chosen == kept or kept in chosen.parents or chosen in kept.parents:
            raise Exit(f"The {what} folder {chosen} would be inside or around the {name} folder {kept}; choose another")
    return chosen


@task
def schemas(c: Context) -> None:
    """Write the JSON Schemas (one per data kind) into schemas/."""
    from netzwerk_data.schema import write_schemas

    for path in write_schemas(ROOT / "schemas"):
        print(f"wrote {path.relative_to(ROOT)}")


@task
def docs(c: Context) -> None:
    """Regenerate the field tables and allowed values in docs/data-format.md from the models."""
    from netzwerk_data.reference import update

    path = ROOT / "docs" / "data-format.md"
    print(f"{'updated' if update(path) else 'unchanged'}: {path.relative_to(ROOT)}")


@task
def i18n(c: Context) -> None:
    """Extract interface strings and update every theme/translations/<lang>.po."""
    from netzwerk_i18n.extract import update_catalogues

    for path in update_catalogues(ROOT):
        print(f"updated {path.relative_to(ROOT)}")


@task(help={"data": "data folder (default data)", "content": "content folder (default content)"})
def translations(c: Context, data: str = "data", content: str = "content") -> None:
    """List, per language, which data texts, pages, info mails and interface strings still fall back."""
    from netzwerk_i18n.fallbacks import fallbacks, report

    dataset = _dataset(_path(data), _path(content))
    found = fallbacks(dataset, _path(content), _project().translations)
    print(report(found, dataset.default_language))


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
    for name in (".cache", ".pytest_cache", ".ruff_cache", ".hypothesis"):
        shutil.rmtree(ROOT / name, ignore_errors=True)
