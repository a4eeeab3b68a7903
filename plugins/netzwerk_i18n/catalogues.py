"""Message catalogues: theme/translations/<lang>.po, read directly (no compiled .mo files)."""

from __future__ import annotations

from functools import cache
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations


class MissingCatalogue(Exception):
    """A language is listed in network.yaml but has no catalogue."""


@cache
def load_catalogue(folder: str, lang: str) -> Translations:
    path = Path(folder) / f"{lang}.po"
    if not path.is_file():
        raise MissingCatalogue(
            f"network.yaml lists the language '{lang}' but there is no message catalogue {path}: "
            f"copy theme/translations/messages.pot to {lang}.po and translate it (see README, 'Add a language')"
        )
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    buffer = BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(fp=buffer, domain="messages")
