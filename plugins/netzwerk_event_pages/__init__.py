"""Template helpers of event pages and event lists: changed dates, the date a page leads with,
months, map links and schema.org JSON-LD. The logic lives in netzwerk_site (event_view, jsonld);
this plugin only makes it callable from every template."""

from __future__ import annotations

from typing import Any

from jinja2 import pass_context
from markupsafe import Markup
from pelican import signals

from netzwerk_data import Occurrence
from netzwerk_data.models import Event
from netzwerk_site.event_view import by_month, date_change, leading_occurrence, openstreetmap_url
from netzwerk_site.jsonld import event_jsonld


@pass_context
def _event_jsonld(context: Any, event: Event, occurrence: Occurrence | None) -> Markup:
    """The page's schema.org Event, in the page's language (its Localizer "L") with its public addresses."""
    return event_jsonld(event, occurrence, context["L"], context["dataset"], context["public_url"])


HELPERS = {
    "by_month": by_month,
    "date_change": date_change,
    "event_jsonld": _event_jsonld,
    "leading_occurrence": leading_occurrence,
    "openstreetmap_url": openstreetmap_url,
}


def _install(generator: Any) -> None:
    generator.env.globals.update(HELPERS)


def register() -> None:
    signals.generator_init.connect(_install)
