"""Which period pages are printed to which PDF files, in every language of the site."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from netzwerk_site import routes
from netzwerk_site.site_model import SiteModel

from .pdf import PdfJob


@dataclass(frozen=True)
class PrintPlan:
    root: Path  # the output folder
    public_base: str  # the site's public address (SITEURL, else the network's website)
    jobs: tuple[PdfJob, ...]


def plan_of(model: SiteModel, settings: dict[str, Any], output_path: str | Path) -> PrintPlan:
    """One PDF per period that SiteModel.has_pdf names, per language."""
    network = model.dataset.network
    default = network.default_language
    base = routes.public_base(settings, network.website)
    jobs = [
        PdfJob(
            page=routes.output_file(period.path, lang, default),
            pdf=routes.in_language(routes.period_pdf(period.key), lang, default),
            public_url=routes.public_url(base, routes.in_language(period.path, lang, default)),
            identifier=f"netzwerk-calendar-{period.key}-{lang}",
        )
        for period in model.periods
        if model.has_pdf(period)
        for lang in network.languages
    ]
    return PrintPlan(Path(output_path), base, tuple(jobs))
