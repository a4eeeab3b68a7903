"""HTML page -> PDF with WeasyPrint: offline, tagged, fonts embedded, the same bytes for the same page.

WeasyPrint (and the Pango libraries it loads) is optional: `missing_reason()` says why it cannot
be used, and the build then makes no PDFs instead of failing.
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from .kept import KeptFiles

# Tagged PDF for screen readers (PDF/UA-1: structure tags, document language and title).
PDF_VARIANT = "pdf/ua-1"


@cache
def missing_reason() -> str | None:
    """None when WeasyPrint works here, else why not (in one line)."""
    try:
        import weasyprint  # noqa: F401  (loads Pango through cffi: OSError when the library is missing)
    except ImportError as error:
        return f"the Python package WeasyPrint is not installed ({error})"
    except OSError as error:
        first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
        return f"WeasyPrint cannot load the Pango libraries (Debian: libpango-1.0-0 libpangoft2-1.0-0): {first_line}"
    return None


class PdfFailed(Exception):
    """A PDF could not be made; the message says which and why."""


def _fetcher_class() -> type:
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class OutputFolderFetcher(URLFetcher):
        """Serves the built site's files for its public addresses: a PDF makes no request to any host."""

        def __init__(self, root: Path, public_base: str) -> None:
            # A missing stylesheet stops the PDF instead of printing it without its layout.
            super().__init__(fail_on_errors=True)
            self.root = root.resolve()
            self.public_base = public_base.rstrip("/") + "/"

        def fetch(self, url: str, headers: Any = None) -> Any:
            if not url.startswith(self.public_base):
                raise ValueError(f"{url}: only files of the built site are used in a PDF")
            relative = unquote(urlsplit(url[len(self.public_base) :]).path)
            path = (self.root / relative).resolve()
            if not path.is_relative_to(self.root) or not path.is_file():
                raise ValueError(f"{url}: not a file of the built site")
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})

    return OutputFolderFetcher


class _Kept(logging.Handler):
    """WeasyPrint's own messages during one PDF, kept apart from the build's warnings."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        # Warnings are CSS meant for browsers only (WeasyPrint skips it); errors are lost resources.
        if record.levelno >= logging.ERROR:
            self.errors.append(record.getMessage())


@contextmanager
def _weasyprint_messages() -> Iterator[_Kept]:
    logger = logging.getLogger("weasyprint")
    kept = _Kept()
    saved = logger.propagate
    logger.addHandler(kept)
    logger.propagate = False
    try:
        yield kept
    finally:
        logger.removeHandler(kept)
        logger.propagate = saved


@dataclass(frozen=True)
class PdfJob:
    page: str  # the written page, relative to the output folder
    pdf: str  # the PDF to write, relative to the output folder
    public_url: str  # the page's public address: its links in the PDF lead there
    identifier: str  # the PDF's permanent ID


# Printing takes about a second per PDF; most builds (an editor's preview, the tests) print pages that
# did not change. A PDF is kept under a digest of everything it is made from, so the same page with
# the same theme and the same WeasyPrint gives the very same bytes without printing again. About 35 kB
# each: room for the PDFs of a 20-year site in several languages (120 periods each) several times over
# (the tests' and the benchmark's sites share the cache); the ones used longest ago go first.
CACHE_ENTRIES = 2000


def theme_files(site_root: Path) -> bytes:
    """The theme files a page is printed with (its CSS, fonts and images), each named: read once per
    build. Not its scripts: WeasyPrint runs none, so a changed script does not print every PDF again."""
    return b"".join(
        theme_file.relative_to(site_root).as_posix().encode() + b"\0" + theme_file.read_bytes()
        for theme_file in sorted((site_root / "theme").rglob("*"))
        if theme_file.is_file() and theme_file.suffix != ".js"
    )


def _cache_key(job: PdfJob, site_root: Path, theme: bytes) -> str:
    import pydyf
    import weasyprint

    digest = hashlib.sha256()
    for part in (weasyprint.__version__, pydyf.__version__, PDF_VARIANT, job.identifier, job.public_url):
        digest.update(part.encode() + b"\0")
    digest.update((site_root / job.page).read_bytes())
    digest.update(theme)
    return digest.hexdigest()


def _from_cache(cache: Path, key: str) -> bytes | None:
    return KeptFiles(cache, ".pdf", CACHE_ENTRIES).get(key)


def _keep(cache: Path, key: str, pdf: bytes) -> None:
    KeptFiles(cache, ".pdf", CACHE_ENTRIES).keep(key, pdf)


def write_kept_pdf(job: PdfJob, site_root: Path, cache: Path | None, theme: bytes) -> bool:
    """Write the PDF of `job` from the cache when this very page was printed before; else False.
    theme: theme_files(site_root)."""
    return cache is not None and _copy_kept(job, site_root, cache, _cache_key(job, site_root, theme))


def _copy_kept(job: PdfJob, site_root: Path, cache: Path, key: str) -> bool:
    kept_pdf = _from_cache(cache, key)
    if kept_pdf is None:
        return False
    target = site_root / job.pdf
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(kept_pdf)
    return True


def write_pdf(
    job: PdfJob, site_root: Path, public_base: str, cache: Path | None = None, theme: bytes | None = None
) -> None:
    """Print the written HTML page of `job` (with its print CSS) to its PDF.

    The page is read as if from its public address, so its links in the PDF lead to the website
    (not to this machine's files), while its stylesheets come from the output folder. Together
    with the page, the identifier fixes every byte: WeasyPrint adds no date from the clock.
    """
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError  # a BaseException: it passes `except Exception`

    theme = theme_files(site_root) if theme is None else theme
    key = _cache_key(job, site_root, theme) if cache is not None else None
    if cache is not None and key is not None and _copy_kept(job, site_root, cache, key):
        return
    page, target = site_root / job.page, site_root / job.pdf
    fetcher = _fetcher_class()(site_root, public_base)
    with _weasyprint_messages() as kept:
        try:
            document = HTML(filename=str(page), base_url=job.public_url, url_fetcher=fetcher)
            pdf = document.write_pdf(pdf_variant=PDF_VARIANT, pdf_identifier=job.identifier.encode())
        except FatalURLFetchingError as error:
            raise PdfFailed(f"{job.page}: {error} ({error.__cause__})") from None
        except Exception as error:  # WeasyPrint raises many kinds; the build reports which page
            raise PdfFailed(f"{job.page}: {type(error).__name__}: {error}") from None
    if kept.errors:
        raise PdfFailed(f"{job.page}: {'; '.join(kept.errors)}")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(pdf)
    if cache is not None and key is not None:
        _keep(cache, key, pdf)


def write_pdfs(jobs: tuple[PdfJob, ...], site_root: Path, public_base: str, cache: Path | None = None) -> list[str]:
    """Print each job's page, one after the other; return what went wrong."""
    failures = []
    theme = theme_files(site_root)
    for job in jobs:
        try:
            write_pdf(job, site_root, public_base, cache, theme)
        except PdfFailed as failure:
            failures.append(str(failure))
    return failures
