"""The bimonthly calendar as print: a PDF of each period's page (WeasyPrint) and its QR code.

- Templates get helpers for the calendar sheet (`period_name`, `day_name`, `qr_svg`, `period_index`).
- Before the pages are written, the build decides which periods get a PDF (SiteModel.has_pdf, from
  PERIOD_PDFS); without WeasyPrint it says so in one line and no page links a PDF.
- After every file is written, each of those period pages is printed to its PDF, in every language,
  from the very HTML the build wrote.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pelican import signals

from .index import period_index
from .jobs import PrintPlan, plan_of
from .labels import day_name, period_name
from .pdf import missing_reason, write_pdfs
from .qr import qr_svg

__all__ = ["PrintPlan", "register"]

logger = logging.getLogger(__name__)
# The plan travels from the first signal to the last in the build's own settings (no global state).
PLAN_SETTING = "NETWORK_PRINT_PLAN"


def _install_helpers(generator: Any) -> None:
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
    cache = pelican.settings.get("PDF_CACHE")
    for failure in write_pdfs(plan.jobs, plan.root, plan.public_base, Path(cache) if cache else None):
        logger.error("A calendar PDF could not be made: %s", failure)


def register() -> None:
    signals.generator_init.connect(_install_helpers)
    signals.all_generators_finalized.connect(_plan_pdfs)
    signals.finalized.connect(_write_pdfs)
