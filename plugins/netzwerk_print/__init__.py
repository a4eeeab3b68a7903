"""The bimonthly calendar as print: a PDF of each period's page (WeasyPrint) and its QR code.

- Templates get helpers for the calendar sheet (`period_name`, `day_name`, `qr_svg`, `period_index`).
- Before the pages are written, the build decides which periods get a PDF (SiteModel.has_pdf, from
  PERIOD_PDFS); without WeasyPrint it says so in one line and no page links a PDF.
- After every file is written, each of those period pages is printed to its PDF, in every language,
  from the very HTML the build wrote (under `make serve`, the ones not printed before follow in the
  background, after the new pages are shown).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pelican import signals

from netzwerk_site.reuse import OutputCache

from .index import period_index
from .jobs import PrintPlan, plan_of
from .labels import day_name, period_name
from .pdf import PdfJob, missing_reason, theme_files, write_kept_pdf, write_pdfs
from .qr import QrCodes

__all__ = ["PrintPlan", "register"]

logger = logging.getLogger(__name__)
# The plan travels from the first signal to the last in the build's own settings (no global state).
PLAN_SETTING = "NETWORK_PRINT_PLAN"


def _install_helpers(generator: Any) -> None:
    folder = generator.settings.get("QR_CACHE")
    qr_svg = QrCodes(Path(folder) if folder else None)
    generator.env.globals.update(period_name=period_name, day_name=day_name, qr_svg=qr_svg, period_index=period_index)


def _plan_pdfs(generators: list[Any]) -> None:
    """Decide which PDFs this build makes, before any page links one."""
    if not generators:
        return
    settings = generators[0].settings
    settings.pop(PLAN_SETTING, None)  # never a plan left over from an earlier run
    model = next((g.context["NETWORK_SITE"] for g in generators if "NETWORK_SITE" in g.context), None)
    if model is None:
        return
    plan = plan_of(model, settings, generators[0].output_path)
    if not plan.jobs:
        return
    reason = missing_reason()
    if reason is not None:
        print(f"Calendar PDFs skipped: {reason}. The pages are built without PDF links.")
        model.pdf_periods = "none"  # SiteModel.has_pdf is then False: no page links a missing PDF
        return
    settings[PLAN_SETTING] = plan


def _write_pdfs(pelican: Any) -> None:
    plan: PrintPlan | None = pelican.settings.pop(PLAN_SETTING, None)
    if plan is None:
        return
    cache = Path(pelican.settings["PDF_CACHE"]) if pelican.settings.get("PDF_CACHE") else None
    jobs = plan.jobs
    serving = pelican.settings.get("NETWORK_OUTPUT_CACHE")
    if serving is not None:
        # `make serve`: PDFs printed before are copied now, the ones to print (about a second each)
        # follow in the background once the new pages are shown; nothing in the build reads them.
        theme = theme_files(plan.root)
        jobs = tuple(job for job in jobs if not _kept_or_copied(job, plan.root, serving, cache, theme))
        if jobs:
            serving.will_make(job.pdf for job in jobs)
            serving.defer(lambda output: _report(write_pdfs(jobs, output, plan.public_base, cache)))
            return
    _report(write_pdfs(jobs, plan.root, plan.public_base, cache))


def _kept_or_copied(job: PdfJob, root: Path, serving: OutputCache, cache: Path | None, theme: bytes) -> bool:
    """Under `make serve`: the PDF of a page this build kept stays as it is; the PDF of a page made again
    comes from the PDF cache when that page was printed before. False: it must be printed."""
    if not (root / job.page).is_file():
        # Not written into this build's folder: the page was kept, and its PDF with it (if it is there).
        return serving.keep(job.pdf)
    return write_kept_pdf(job, root, cache, theme)


def _report(failures: list[str]) -> None:
    for failure in failures:
        logger.error("A calendar PDF could not be made: %s", failure)


def register() -> None:
    signals.generator_init.connect(_install_helpers)
    signals.all_generators_finalized.connect(_plan_pdfs)
    signals.finalized.connect(_write_pdfs)
