"""Extract interface strings from templates and Python into messages.pot and update each <lang>.po."""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

METHODS = [("theme/templates/**.html", "jinja2"), ("plugins/**.py", "python")]
OPTIONS = {"theme/templates/**.html": {"extensions": "jinja2.ext.i18n", "trimmed": "true"}}
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}


def extract(root: Path) -> Catalog:
    catalog = Catalog(project="netzwerk-site", charset="utf-8", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        str(root), METHODS, OPTIONS, keywords=KEYWORDS, strip_comment_tags=True
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def update_catalogues(root: Path) -> list[Path]:
    folder = root / "theme" / "translations"
    template = extract(root)
    written = [folder / "messages.pot"]
    with written[0].open("wb") as handle:
        write_po(handle, template, omit_header=True, sort_output=True, width=100)
    for po_path in sorted(folder.glob("*.po")):
        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=po_path.stem)
        catalog.update(template, no_fuzzy_matching=True)
        with po_path.open("wb") as handle:
            write_po(handle, catalog, omit_header=True, sort_output=True, width=100, ignore_obsolete=True)
        written.append(po_path)
    return written
