"""netzwerk_i18n.fallbacks: what a language still lacks, on a copy of the fixture with Ukrainian."""

from __future__ import annotations

import shutil
from pathlib import Path

from netzwerk_i18n.fallbacks import content_fallbacks, data_fallbacks, fallbacks, interface_fallbacks, report

FIXTURE = Path(__file__).parents[1] / "fixtures" / "site"
POT = 'msgid ""\nmsgstr ""\n\nmsgid "Members"\nmsgstr ""\n\nmsgid "Events"\nmsgstr ""\n\nmsgid "Home"\nmsgstr ""\n'


def test_data_texts_without_the_language(load):
    dataset = load({"venues/rathaus.yaml": 'name: {de: "Rathaus", uk: "Ратуша"}\nstreet: "Fischmarkt 1"\n'
                    'postcode: "99084"\ncity: "Erfurt"\naccessibility: "Aufzug vorhanden"\n'})  # fmt: skip
    found = data_fallbacks(dataset, "uk")
    assert "data/venues/rathaus.yaml:5: accessibility" in found
    assert not any(entry.startswith("data/venues/rathaus.yaml:1:") for entry in found)
    assert "data/working-groups/sprache.yaml:4: goals[0]" in found


def test_pages_without_a_translation(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE / "content", content)
    (content / "pages" / "about.uk.md").write_text(
        "Title: Про нас\nSlug: about\nLang: uk\n\nТекст.\n", encoding="utf-8"
    )
    found = content_fallbacks(content, "de", "uk")
    assert not any("about.md" in entry for entry in found)
    assert "content/pages/join.md (add join.uk.md with Slug: join and Lang: uk)" in found


def test_interface_strings_empty_fuzzy_or_missing(tmp_path):
    (tmp_path / "messages.pot").write_text(POT, encoding="utf-8")
    (tmp_path / "uk.po").write_text(
        'msgid ""\nmsgstr ""\n\nmsgid "Members"\nmsgstr "Учасники"\n\n#, fuzzy\nmsgid "Events"\nmsgstr "Події"\n',
        encoding="utf-8",
    )
    assert interface_fallbacks(tmp_path, "uk") == (["Events", "Home"], None)
    missing, why = interface_fallbacks(tmp_path, "tr")
    assert missing == ["Members", "Events", "Home"]
    assert why == "there is no catalogue tr.po"


def test_report_counts_then_lists_by_language(load):
    dataset = load({})
    translations = Path(__file__).parents[2] / "theme" / "translations"
    found = fallbacks(dataset, FIXTURE / "content", translations)
    assert [(item.lang, item.on_site) for item in found][:3] == [("de", True), ("en", True), ("ar", True)]
    assert ("uk", False) in [(item.lang, item.on_site) for item in found]
    text = report(found, "de")
    assert text.splitlines()[0] == "What falls back to the default language (de), per language:"
    assert "== uk ==" in text
