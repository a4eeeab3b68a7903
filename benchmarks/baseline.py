"""The baseline: plain Pelican (same installed version, no plugins) building ordinary Markdown pages.

The site has exactly as many output HTML pages as the kit's build it is compared with, in the kit's
three languages (Pelican's own translations: same Slug, another Lang), with texts of the same kind and
length as the corpus' descriptions, and a small theme of its own (baseline_theme/) whose menu is a
fixed list of five links. Pelican's default theme lists every page in the menu of every page, which
makes its cost grow with the square of the page count; that would flatter the kit.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from benchmarks.corpus import texts

THEME = Path(__file__).resolve().parent / "baseline_theme"
LANGUAGES = ("de", "en", "ar")
# The menu: five pages that every baseline site has (the first five slugs).
MENU = (("Start", "start"), ("Über uns", "ueber-uns"), ("Mitglieder", "mitglieder"), ("Termine", "termine"),
        ("Kontakt", "kontakt"))  # fmt: skip

SETTINGS = """\
# Plain Pelican for the benchmark: no plugins, a theme whose menu does not grow with the site.
SITENAME = "Netzwerk für Integration (Pelican)"
SITEURL = ""
TIMEZONE = "Europe/Berlin"
DEFAULT_LANG = "de"
THEME = {theme!r}
PLUGINS = []
PATH = "content"
PAGE_PATHS = ["pages"]
ARTICLE_PATHS = ["articles"]
PAGE_URL = "{{slug}}/"
PAGE_SAVE_AS = "{{slug}}/index.html"
PAGE_LANG_URL = "{{lang}}/{{slug}}/"
PAGE_LANG_SAVE_AS = "{{lang}}/{{slug}}/index.html"
DIRECT_TEMPLATES = []
PAGINATED_TEMPLATES = {{}}
FEED_ALL_ATOM = FEED_ALL_RSS = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
CATEGORY_SAVE_AS = TAG_SAVE_AS = AUTHOR_SAVE_AS = ""
ARCHIVES_SAVE_AS = AUTHORS_SAVE_AS = CATEGORIES_SAVE_AS = TAGS_SAVE_AS = ""
MARKDOWN = {{
    "extension_configs": {{"markdown.extensions.extra": {{}}, "markdown.extensions.toc": {{}}}},
    "output_format": "html5",
}}
MENU_LINKS = {menu!r}
# The same settings as the kit where they matter: relative links, no caches.
RELATIVE_URLS = True
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
"""

_ARABIC = (
    "تجمع الشبكة المنظمات والجمعيات والمتطوعين في إرفورت. نلتقي بانتظام لتبادل الخبرات وتنسيق الخدمات للقادمين الجدد.",
    "يمكن لجميع المهتمين المشاركة في الفعاليات. تتوفر الترجمة إلى العربية عند الطلب، والدخول مجاني.",
    "تجدون جميع المواعيد مع الأماكن ومعلومات إمكانية الوصول في تقويم الفعاليات على موقعنا.",
)  # fmt: skip


def _body(rng: random.Random, lang: str, number: int) -> str:
    """A page text like the corpus' descriptions: paragraphs, a list, emphasis and a link."""
    if lang == "ar":
        return "\n\n".join(rng.sample(_ARABIC, 3)) + f"\n\n## المواعيد\n\n- **{number}** [الشبكة]({texts.PADLET})\n"
    kind = number % 3
    if kind == 0:
        text = texts.network_meeting(rng, number + 1, "Teilhabe vor Ort", "Participation locally")
    elif kind == 1:
        text = texts.training(rng, "Aufenthaltsrecht kompakt", "Residence law in brief", online=bool(number % 2))
    else:
        text = texts.conference(rng, "Mehrsprachigkeit", "Multilingualism")
    return text.get(lang, text["de"])


def _slugs(count: int) -> list[str]:
    fixed = [slug for _, slug in MENU]
    return fixed[:count] + [f"seite-{number:05d}" for number in range(len(fixed), count)]


def write_plain_site(folder: Path, pages: int, seed: int = 1) -> list[str]:
    """Write a plain Pelican site into `folder` that builds exactly `pages` HTML pages; return its build command."""
    rng = random.Random(f"{seed}:baseline")
    content = folder / "content" / "pages"
    content.mkdir(parents=True)
    groups, rest = divmod(pages, len(LANGUAGES))
    slugs = _slugs(groups + rest)
    for number, slug in enumerate(slugs):
        languages = LANGUAGES if number < groups else LANGUAGES[:1]
        for lang in languages:
            name = f"{slug}.md" if lang == "de" else f"{slug}.{lang}.md"
            title = {"de": f"Seite {number}", "en": f"Page {number}", "ar": f"الصفحة {number}"}[lang]
            text = f"Title: {title}\nSlug: {slug}\nLang: {lang}\n\n{_body(rng, lang, number)}"
            (content / name).write_text(text, encoding="utf-8")
    settings = folder / "plainconf.py"
    settings.write_text(SETTINGS.format(theme=str(THEME), menu=MENU), encoding="utf-8")
    return plain_command(folder)


def plain_command(folder: Path) -> list[str]:
    return [sys.executable, "-m", "pelican", str(folder / "content"), "-s", str(folder / "plainconf.py"),
            "-o", str(folder / "output"), "-q"]  # fmt: skip
