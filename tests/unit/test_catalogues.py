"""Interface catalogues: complete, placeholders intact, in step with the templates."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from netzwerk_i18n import load_catalogue
from netzwerk_i18n.extract import extract

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "theme" / "translations"
LANGUAGES = sorted(path.stem for path in FOLDER.glob("*.po"))
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def test_every_shipped_language_has_a_catalogue() -> None:
    assert {"de", "en", "ar"} <= set(LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogue_is_complete_and_keeps_placeholders(lang: str) -> None:
    with (FOLDER / f"{lang}.po").open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    source_ids = {m.id if isinstance(m.id, str) else m.id[0] for m in extract(ROOT) if m.id}
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
    assert ids == source_ids, "run `make i18n` and translate the new strings"
    for message in catalog:
        if not message.id:
            continue
        singular = message.id if isinstance(message.id, str) else message.id[0]
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(forms), f"{lang}: untranslated: {singular!r}"
        if isinstance(message.id, tuple):
            assert len(forms) == catalog.num_plurals, f"{lang}: {singular!r} needs {catalog.num_plurals} forms"
        for form in forms:
            assert set(PLACEHOLDER.findall(form)) <= set(PLACEHOLDER.findall(singular + str(message.id))), (
                f"{lang}: {form!r} uses a placeholder the source does not give"
            )
    problems = list(catalog.check())
    assert not problems, f"{lang}: {problems[:3]}"


def test_translations_are_used_at_runtime() -> None:
    german = load_catalogue(str(FOLDER), "de")
    arabic = load_catalogue(str(FOLDER), "ar")
    assert german.gettext("Skip to content") == "Zum Inhalt springen"
    assert arabic.gettext("Skip to content") != "Skip to content"
    assert "3" in german.ngettext("%(num)d member", "%(num)d members", 3) % {"num": 3}
