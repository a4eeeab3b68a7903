"""Interface languages: gettext catalogues per language, chosen per rendered page."""

from __future__ import annotations

from typing import Any

from jinja2 import pass_context
from pelican import signals

from .catalogues import MissingCatalogue, load_catalogue
from .localizer import Localizer

__all__ = ["Localizer", "MissingCatalogue", "load_catalogue", "register"]


@pass_context
def _gettext(context: Any, message: str) -> str:
    localizer = context.get("L")
    return localizer.gettext(message) if localizer else message


@pass_context
def _ngettext(context: Any, singular: str, plural: str, count: int) -> str:
    localizer = context.get("L")
    if localizer:
        return localizer.ngettext(singular, plural, count)
    return singular if count == 1 else plural


def _install(generator: Any) -> None:
    # newstyle gettext: autoescaping and %(name)s formatting work in every template;
    # the page's Localizer (context "L") picks the language.
    generator.env.install_gettext_callables(_gettext, _ngettext, newstyle=True)


def register() -> None:
    signals.generator_init.connect(_install)
