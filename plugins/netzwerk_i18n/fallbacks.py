"""What still falls back to German, per language: data texts, content pages and info mails, interface strings.

`make translations` prints it, so a new language (a catalogue theme/translations/<lang>.po, then a code
in network.yaml) can be completed step by step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from babel.messages.pofile import read_po
from pydantic import BaseModel

from netzwerk_data import Dataset, Translatable
from netzwerk_data.content import MARKDOWN_FOLDERS, read_metadata
from netzwerk_data.problems import relative


@dataclass
class Fallbacks:
    """Everything one language lacks."""

    lang: str
    on_site: bool
    data: list[str] = field(default_factory=list)  # file:line: field
    content: list[str] = field(default_factory=list)  # content files without a translation
    interface: list[str] = field(default_factory=list)  # interface strings without a translation
    catalogue: str | None = None  # why the catalogue could not be read, if so


def _texts(value: Any, path: tuple[str | int, ...]) -> list[tuple[tuple[str | int, ...], Translatable]]:
    """Every translatable text in a record, with its path."""
    if isinstance(value, Translatable):
        return [(path, value)]
    if isinstance(value, BaseModel):
        found = []
        for name in type(value).model_fields:
            if name != "id":
                found += _texts(getattr(value, name), (*path, name))
        return found
    if isinstance(value, tuple):
        found = []
        for index, item in enumerate(value):
            found += _texts(item, (*path, index))
        return found
    return []


def data_fallbacks(dataset: Dataset, lang: str) -> list[str]:
    """file:line: field of every text in the data without `lang`."""
    default = dataset.default_language
    found = []
    for (kind, record_id), source in sorted(dataset.sources.items(), key=lambda item: item[1].file):
        record = _record(dataset, kind, record_id)
        if record is None:
            continue
        for path, text in _texts(record, ()):
            if lang not in text.as_dict(default):
                problem = source.at(path, "")
                found.append(f"{problem.file}:{problem.line}: {problem.field}")
    return found


def _record(dataset: Dataset, kind: str, record_id: str) -> BaseModel | None:
    if kind == "network":
        return dataset.network
    records = {
        "venue": dataset.venues,
        "member": dataset.members,
        "working-group": dataset.working_groups,
        "event": dataset.events,
    }.get(kind)
    if records is None:  # a single-file kind such as the chronicle
        single = getattr(dataset, kind.replace("-", "_"), None)
        return single if isinstance(single, BaseModel) else None
    return records.get(record_id)


def content_fallbacks(content: Path, default: str, lang: str) -> list[str]:
    """Pages and info mails in the default language that have no file in `lang` (same Slug, Lang: <lang>)."""
    project = content.parent
    originals: dict[tuple[str, str], str] = {}
    translated: set[tuple[str, str, str]] = set()
    for folder in MARKDOWN_FOLDERS:
        for path in sorted((content / folder).glob("*.md")):
            try:
                fields, _duplicates, _body = read_metadata(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                continue
            slug = fields["slug"].value if "slug" in fields else PurePosixPath(path.name).stem.split(".")[0]
            file_lang = fields["lang"].value if "lang" in fields else default
            if file_lang == default:
                originals[(folder, slug)] = relative(path, project)
            translated.add((folder, slug, file_lang))
    return [
        f"{shown} (add {Path(shown).with_suffix(f'.{lang}.md').name} with Slug: {slug} and Lang: {lang})"
        for (folder, slug), shown in sorted(originals.items(), key=lambda item: item[1])
        if (folder, slug, lang) not in translated
    ]


def interface_fallbacks(translations: Path, lang: str) -> tuple[list[str], str | None]:
    """Interface strings of messages.pot that <lang>.po leaves untranslated (empty, missing or fuzzy)."""
    with (translations / "messages.pot").open("rb") as handle:
        template = read_po(handle)
    wanted = [message.id for message in template if message.id]
    path = translations / f"{lang}.po"
    if not path.is_file():
        return [_shown_id(message_id) for message_id in wanted], f"there is no catalogue {path.name}"
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=lang)
    missing = []
    for message_id in wanted:
        message = catalogue.get(message_id)
        strings = (
            () if message is None else (message.string if isinstance(message.string, tuple) else (message.string,))
        )
        if message is None or message.fuzzy or not any(strings) or not all(strings):
            missing.append(_shown_id(message_id))
    return missing, None


def _shown_id(message_id: str | tuple[str, ...]) -> str:
    return message_id[0] if isinstance(message_id, tuple) else message_id


def languages_to_report(dataset: Dataset, translations: Path) -> list[tuple[str, bool]]:
    """The site's languages, then every other language with a catalogue: (code, on the site?)."""
    site = list(dataset.network.languages)
    catalogues = sorted(path.stem for path in translations.glob("*.po"))
    return [(lang, True) for lang in site] + [(lang, False) for lang in catalogues if lang not in site]


def fallbacks(dataset: Dataset, content: Path, translations: Path) -> list[Fallbacks]:
    default = dataset.default_language
    result = []
    for lang, on_site in languages_to_report(dataset, translations):
        found = Fallbacks(lang, on_site)
        if lang != default:
            found.data = data_fallbacks(dataset, lang)
            found.content = content_fallbacks(content, default, lang)
        found.interface, found.catalogue = interface_fallbacks(translations, lang)
        result.append(found)
    return result


def report(found: list[Fallbacks], default: str) -> str:
    """Counts first, then the lists, grouped by language."""
    lines = [f"What falls back to the default language ({default}), per language:"]
    for item in found:
        where = "on the site" if item.on_site else "not on the site yet: catalogue only"
        lines.append(
            f"  {item.lang} ({where}): {len(item.data)} data texts, {len(item.content)} pages and info mails, "
            f"{len(item.interface)} interface strings"
        )
    for item in found:
        if not (item.data or item.content or item.interface):
            continue
        lines += ["", f"== {item.lang} =="]
        if item.data:
            lines.append(f"Data texts without '{item.lang}:' ({len(item.data)}): add '{item.lang}: \"…\"' to the text")
            lines += [f"  {entry}" for entry in item.data]
        if item.content:
            lines.append(f"Pages and info mails without a translation ({len(item.content)}):")
            lines += [f"  {entry}" for entry in item.content]
        if item.interface:
            note = f" ({item.catalogue})" if item.catalogue else ""
            lines.append(
                f"Interface strings not translated in theme/translations/{item.lang}.po{note} "
                f"({len(item.interface)}); shown in English until translated:"
            )
            lines += [f"  {entry!r}" for entry in item.interface]
    return "\n".join(lines)
