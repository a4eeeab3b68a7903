"""The chronicle page (data/chronicle.yaml) and the annual report pages, in every language.

The report's figures come from netzwerk_data.report, as do those of `invoke report`; this module
only gives them their labels in the reader's language and draws each as a chart (charts.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from netzwerk_data.report import AnnualReport, Figure, annual_report, held_by_year, report_years

from . import routes, vocabulary
from .charts import Bar, bar_chart


def N_(message: str) -> str:
    return message


# figure key -> (title, what it counts, heading of the items' column)
FIGURES = {
    "events": (
        N_("Events per category"),
        N_("Event dates that took place, per category; a series counts each of its dates."),
        N_("Category"),
    ),
    "working-groups": (
        N_("Meetings of the working groups"),
        N_("Meetings held by each working group, against the number it plans per year."),
        N_("Working group"),
    ),
    "members": (
        N_("Members joined and left"),
        N_("Member organisations that joined or left the network in the year."),
        N_("Change"),
    ),
    "member-types": (
        N_("Member organisations per type"),
        N_("Member organisations of the network at the end of the period, per type."),
        N_("Type"),
    ),
    "event-languages": (
        N_("Languages of the events"),
        N_("Event dates that took place, per language offered."),
        N_("Language"),
    ),
    "member-languages": (
        N_("Languages of the member organisations"),
        N_("Member organisations at the end of the period, per language they offer."),
        N_("Language"),
    ),
    "attendance": (
        N_("Participants"),
        N_("Participants per category, counted where an attendance figure is recorded."),
        N_("Category"),
    ),
}
MEASURES = {
    "dates": N_("Event dates"),
    "held": N_("Meetings held"),
    "planned": N_("Planned per year"),
    "members": N_("Member organisations"),
    "participants": N_("Participants"),
}
# In the attendance figure, "dates" are the dates that have an attendance figure.
ATTENDANCE_DATES = N_("Dates with a figure")
MOVEMENT = {"joined": N_("Joined"), "left": N_("Left")}


@dataclass(frozen=True)
class RowView:
    item: str
    label: str
    label_lang: str  # the language the label is in (a group's name may be a fallback)
    values: tuple[int, ...]


@dataclass(frozen=True)
class FigureView:
    key: str
    title: str
    description: str
    item_heading: str
    measures: tuple[tuple[str, str], ...]  # (key, label)
    rows: tuple[RowView, ...]
    chart: Markup | None


def _label(figure: Figure, item: str, localizer: Any, dataset: Any) -> tuple[str, str]:
    lang = localizer.lang
    if figure.key in ("events", "attendance"):
        return localizer.gettext(vocabulary.EVENT_CATEGORIES[item]), lang
    if figure.key == "member-types":
        return localizer.gettext(vocabulary.MEMBER_TYPES[item]), lang
    if figure.key in ("event-languages", "member-languages"):
        return localizer.language_name(item), lang
    if figure.key == "members":
        return localizer.gettext(MOVEMENT[item]), lang
    if figure.key == "working-groups":
        name = localizer.text(dataset.working_groups[item].name)
        return name.text, name.lang
    return item, lang


def figure_view(figure: Figure, localizer: Any, dataset: Any, rtl: bool) -> FigureView:
    title, description, item_heading = (localizer.gettext(text) for text in FIGURES[figure.key])
    measures = tuple(
        (m, localizer.gettext(ATTENDANCE_DATES if (figure.key, m) == ("attendance", "dates") else MEASURES[m]))
        for m in figure.measures
    )
    rows = []
    for row in figure.rows:
        label, lang = _label(figure, row.item, localizer, dataset)
        rows.append(RowView(row.item, label, lang, row.values))
    bar_index = figure.measures.index(figure.bar)
    target_index = figure.measures.index(figure.target) if figure.target else None
    chart = None
    if rows:
        bars = [
            Bar(r.item, r.label, r.values[bar_index], r.values[target_index] if target_index is not None else None)
            for r in rows
        ]
        target_label = dict(measures)[figure.target] if figure.target else None
        chart = bar_chart(f"chart-{figure.key}", title, description, bars, rtl=rtl, target_label=target_label)
    return FigureView(figure.key, title, description, item_heading, measures, tuple(rows), chart)


def report_views(report: AnnualReport, localizer: Any, dataset: Any) -> list[FigureView]:
    rtl = localizer.dir == "rtl"
    return [figure_view(figure, localizer, dataset, rtl) for figure in report.figures]


def write_pages(generator: Any, writer: Any) -> None:
    """The chronicle (when data/chronicle.yaml exists), the report index and a report per year."""
    model = generator.model
    dataset = model.dataset
    if dataset.chronicle is not None:
        entries = sorted(dataset.chronicle.entries, key=lambda entry: entry.date)
        generator._write(writer, routes.CHRONICLE, "chronicle.html", shows=(), entries=entries, search_kind=N_("Page"))
    years = report_years(dataset, model.today)
    held = held_by_year(dataset, model.today)
    reports = [annual_report(dataset, year, model.today, held) for year in years]
    # A report shows its figures (and its neighbours'), not the events they count.
    generator._write(
        writer, routes.REPORTS, "reports.html", shows=(), also=(repr(reports),), reports=list(reversed(reports))
    )
    for index, report in enumerate(reports):
        neighbours = reports[max(0, index - 1) : index + 2]
        generator._write(
            writer,
            routes.report(report.year),
            "report.html",
            shows=(),
            also=(repr(neighbours),),
            report=report,
            report_views=report_views,
            previous=reports[index - 1] if index > 0 else None,
            following=reports[index + 1] if index + 1 < len(reports) else None,
            search_kind=N_("Page"),
        )
