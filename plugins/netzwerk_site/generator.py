"""Writes every page of the site, in every language of network.yaml."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from markupsafe import Markup, escape
from pelican import signals
from pelican.generators import Generator

from netzwerk_data import Dataset
from netzwerk_i18n import Localizer, load_catalogue
from netzwerk_i18n.template_gettext import TemplateGettext

from . import annual_pages, discovery, forms, parallel, reuse, routes, vocabulary
from .jsonld import organization_jsonld
from .richtext import plain_text, protected_email, render_markdown
from .site_model import SiteModel

# The theme's icons (theme/static/icons/): what browsers, home screens and link previews show.
ICON_SVG = "icons/icon.svg"
ICON_TOUCH = "icons/apple-touch-icon.png"
MANIFEST_ICONS = [("icons/icon-192.png", "192x192", "image/png"), ("icons/icon-512.png", "512x512", "image/png")]
SHARE_IMAGE = {"path": "icons/share.png", "width": 1200, "height": 630}
THEME_COLOR = "#0b5394"
# The parts every page of a language at one depth shares, rendered once (see SiteGenerator._chrome).
CHROME = "_chrome.html"
CHROME_BLOCKS = ("head_icons", "head_shares", "site_name_link", "search_form", "footer")
log = logging.getLogger(__name__)
# Sent when every page is written (the sender is the generator): the search index can start on them
# while the calendars, feeds and PDFs are still being made.
pages_written = signals.signal("netzwerk_pages_written")


@dataclass(frozen=True)
class PageJob:
    """One page of the site (written in every language): its address, template and template values."""

    path: str
    template: str
    search_kind: str | None
    listed: bool
    any_address: bool
    values: dict[str, Any]
    cache_key: str | None  # under `make serve`: the digest of everything the page is made from


def site_today(setting: str, timezone: str) -> date:
    """The day that splits upcoming from past: pinned by the setting, or the build day."""
    if setting == "today":
        return datetime.now(ZoneInfo(timezone)).date()
    return date.fromisoformat(setting)


class SiteGenerator(Generator):
    """Pages from the data (home, members, groups, events) and from Markdown (info mail, pages)."""

    def generate_context(self) -> None:
        dataset: Dataset = self.settings["NETWORK_DATASET"]
        network = dataset.network
        self.languages = list(network.languages)
        self.default_lang = network.default_language
        self.localizers = {
            lang: Localizer(lang, self.default_lang, load_catalogue(self.settings["THEME_TRANSLATIONS"], lang))
            for lang in self.languages
        }
        # The pages' `_` and `ngettext`: the environment's look the Localizer up on every call.
        self.gettexts = {
            lang: TemplateGettext(localizer).template_values() for lang, localizer in self.localizers.items()
        }
        # Once per language: the network's name (as the pages show it) and the titles of its feeds.
        self.site_names = {
            lang: escape(localizer.text(network.name).text) for lang, localizer in self.localizers.items()
        }
        self.feed_titles = {
            lang: {kind: gettext["_"](title) for kind, title in FEED_TITLES.items()}
            for lang, gettext in self.gettexts.items()
        }
        self.model = SiteModel(
            dataset=dataset,
            today=site_today(str(self.settings["SITE_TODAY"]), network.timezone),
            horizon_days=int(self.settings["EVENT_HORIZON_DAYS"]),
            articles=sorted(self.context.get("articles", []), key=lambda a: (a.date, a.slug), reverse=True),
            pages=sorted(self.context.get("pages", []), key=lambda p: p.slug),
            pdf_periods=str(self.settings.get("PERIOD_PDFS", "all")),
        )
        self.context["NETWORK_SITE"] = self.model
        # Pelican resolves {static} and {filename} links against this; see routes.ROOT_TOKEN.
        self.context["localsiteurl"] = routes.ROOT_TOKEN
        # Feeds every page links in <head> (and the homepage offers to subscribe to).
        self.feeds = [
            # "localized": one feed per language (under /<lang>/), else one for the whole site
            {"path": routes.CALENDAR_FEED, "type": "text/calendar", "kind": "calendar", "localized": True},
            {"path": routes.INFO_MAIL_ATOM, "type": "application/atom+xml", "kind": "atom", "localized": True},
            {"path": routes.INFO_MAIL_RSS, "type": "application/rss+xml", "kind": "rss", "localized": True},
            {"path": routes.EVENTS_ATOM, "type": "application/atom+xml", "kind": "events", "localized": True},
        ]
        self.public_base = routes.public_base(self.settings, network.website)
        self.languages_of_site = discovery.Languages(tuple(self.languages), self.default_lang)
        # Once per build: Babel's locale lookup costs about a millisecond, and every page names them all.
        self.og_locales = {lang: discovery.og_locale(lang) for lang in self.languages}
        self.asset_versions = _asset_versions(Path(self.settings["THEME"]) / "static")
        self.sitemap_paths: list[str] = []
        self.jobs: list[PageJob] = []  # planned by _write, rendered by _render_all
        self._chromes: dict[tuple[str, str], dict[str, Markup]] = {}  # by language and root: see _chrome
        self._navs: dict[tuple[str, str, str | None, str | None], Markup] = {}  # see _site_nav
        self.planned_outputs: set[str] = set()
        # The main menu per language: (target, label, area) of the fixed sections (the calendar leads to
        # the current period, its area is every period), then pages marked `Menu: main`.
        current = self.model.current_period
        calendar = routes.period(current.key) if current else routes.PERIODS
        sections = [
            (calendar, label, target) if target == routes.PERIODS else (target, label, target)
            for target, label in vocabulary.SECTIONS
        ]
        self.navigation = {
            lang: [(target, localizer.gettext(label), area) for target, label, area in sections]
            + [
                (routes.content_page(p.slug), in_language(p, lang).title, routes.content_page(p.slug))
                for p in self.model.menu("main")
            ]
            for lang, localizer in self.localizers.items()
        }
        self.input_keys: reuse.InputKeys | None = None  # under `make serve`: made in generate_output

    def _input_keys(self) -> reuse.InputKeys:
        """What every page is made from, besides the events it shows (see reuse.py)."""
        model, data = self.model, self.model.dataset
        records = [data.network, data.chronicle, *data.venues.values(), *data.members.values()]
        records += data.working_groups.values()
        shared = reuse.digest(
            [repr(record) for record in records],  # every field of every record, nested ones too
            sorted(data.venues),
            sorted(data.members),
            sorted(data.working_groups),
            sorted(data.group_members.items()),
            reuse.folder_state(Path(self.settings["PATH"])),  # content, documents and images
            [(c.slug, c.lang, c.title, str(c.date), str(getattr(c, "summary", ""))) for c in model.articles],
            [(p.slug, p.lang, p.title, getattr(p, "menu", None), getattr(p, "order", None)) for p in model.pages],
            str(model.today),
            model.pdf_periods,
            self.navigation,
            self.public_base,
            self.asset_versions,
            {key: repr(self.settings.get(key)) for key in reuse.SETTINGS_READ},
        )
        return reuse.InputKeys(shared, data.events)

    # -- writing -----------------------------------------------------------------

    def _write(
        self,
        writer: Any,
        path: str,
        template: str,
        *,
        search_kind: str | None = None,
        listed: bool = True,
        any_address: bool = False,
        shows: Iterable[str] | None = reuse.ALL_EVENTS,
        also: tuple[Any, ...] = (),
        **values: Any,
    ) -> None:
        """Plan `path`, written once per language with that language's Localizer (by _render, later).

        search_kind: the label of the page's kind in search results (None: not in the search index);
        listed: in the sitemap (else marked noindex); any_address: a host serves the page at any
        address (the 404 page), so its links start at the site root's path instead of "../".
        shows, also: the events the page shows (ALL_EVENTS: any) and what else it is made from beyond
        the site's shared inputs; `make serve` makes the page again only when one of them changed
        (reuse.py). Name too much rather than too little.
        """
        if listed:
            self.sitemap_paths.append(path)
        for lang in self.languages:
            output = routes.output_file(path, lang, self.default_lang)
            if output in self.planned_outputs:  # the checks reserve addresses; this is the last defence
                log.error("%s as Pelican has already written to it previously", output)
            self.planned_outputs.add(output)
        cache_key = None
        if self.input_keys is not None:
            cache_key = self.input_keys.of(template, path, None if shows is None else tuple(shows), also)
        self.jobs.append(PageJob(path, template, search_kind, listed, any_address, values, cache_key))

    def _render_all(self, writer: Any) -> None:
        """Every planned page, shared out to the build's processes (the same bytes as one process)."""
        for template in dict.fromkeys([*(job.template for job in self.jobs), CHROME]):
            self.get_template(template.removesuffix(".html"))  # compiled once, before the processes part
        jobs = self.jobs
        cache: reuse.OutputCache | None = self.settings.get("NETWORK_OUTPUT_CACHE")
        if cache is not None:
            jobs = [job for job in jobs if not cache.reuse(self._outputs(job.path), job.cache_key or "")]
        processes = parallel.available_processes(self.settings.get("BUILD_PROCESSES"))
        parallel.run_shared(jobs, lambda job: self._render(writer, job), processes)

    def _outputs(self, path: str) -> list[str]:
        return [routes.output_file(path, lang, self.default_lang) for lang in self.languages]

    def _render(self, writer: Any, job: PageJob) -> None:
        path, any_address, listed = job.path, job.any_address, job.listed
        tmpl = self.get_template(job.template.removesuffix(".html"))
        site_languages = self.languages_of_site
        for lang in self.languages:
            localizer = self.localizers[lang]
            output = routes.output_file(path, lang, self.default_lang)
            root = routes.root_path(self.public_base) if any_address else routes.root_of(output)
            prefix = routes.lang_prefix(lang, self.default_lang)
            # The language switch of a page shown at any address leads to the other languages' homepages.
            switch_path = routes.HOME if any_address else path

            def href(target: str, _root: str = root, _prefix: str = prefix) -> str:
                return (_root + _prefix + routes.checked_internal(target)) or "./"

            def asset(target: str, _root: str = root) -> str:
                # The version makes a changed theme file a new address, so hosts may cache theme files long.
                return f"{_root}theme/{target}?v={self.asset_versions[target]}"

            def public_asset(target: str) -> str:
                return routes.public_url(self.public_base, f"theme/{target}")

            def file_href(target: str, _root: str = root, _prefix: str = prefix) -> str:
                """A file (feed, PDF) in this language's part of the site."""
                return _root + _prefix + routes.checked_file(target)

            def site_file_href(target: str, _root: str = root) -> str:
                """A file shared by all languages (images, the info-mail feeds)."""
                return _root + routes.checked_file(target)

            def content_html(html: str, _root: str = root) -> Markup:
                """Sanitised content HTML of a page or info mail, its links made relative to this page."""
                return Markup(routes.resolve_root(str(html), _root))

            def public_url(target: str, _prefix: str = prefix) -> str:
                """The absolute address of a page or file in this language (to copy, to print)."""
                return routes.public_url(self.public_base, _prefix + target)

            alternates = [
                {
                    "lang": other,
                    "name": localizer.language_name(other, in_own_language=True),
                    "dir": self.localizers[other].dir,
                    "href": (root + routes.lang_prefix(other, self.default_lang) + switch_path) or "./",
                    "current": other == lang,
                    # <head> alternates: absolute, as search engines read only those
                    "link": site_languages.address(self.public_base, path, other),
                }
                for other in self.languages
            ]
            values = dict(
                L=localizer,
                lang=lang,
                dir=localizer.dir,
                href=href,
                asset=asset,
                file_href=file_href,
                site_file_href=site_file_href,
                public_url=public_url,
                content_html=content_html,
                calendar_feed_path=routes.calendar_feed_path,
                site_root=root,
                page_path=path,
                alternates=alternates,
                canonical=site_languages.address(self.public_base, path, lang) if listed else None,
                x_default=site_languages.address(self.public_base, path, self.default_lang),
                og_locale=self.og_locales[lang],
                og_alternate_locales=[self.og_locales[other] for other in self.languages if other != lang],
                share_image={**SHARE_IMAGE, "url": public_asset(SHARE_IMAGE["path"])},
                icons={"svg": ICON_SVG, "touch": ICON_TOUCH},
                theme_color=THEME_COLOR,
                search_kind=job.search_kind,
                search_href=(root + prefix + routes.SEARCH),
                search_index=root + routes.SEARCH_INDEX,
                describe=describe,
                describe_html=describe_html,
                organization_jsonld=organization_jsonld,
                logo_url=public_asset(MANIFEST_ICONS[-1][0]),
                site=self.model,
                network=self.model.dataset.network,
                dataset=self.model.dataset,
                today=self.model.today,
                vocabulary=vocabulary,
                markdown=render_markdown,
                email=protected_email,
                external=routes.checked_external,
                phone_link=routes.phone_link,
                routes=routes,
                default_lang=self.default_lang,
                in_language=in_language,
                nav=self.navigation[lang],
                nav_current=current_section(path, [area for _target, _label, area in self.navigation[lang]]),
                feeds=self.feeds,
                site_name=self.site_names[lang],
                feed_titles=self.feed_titles[lang],
                **self.gettexts[lang],
                **{"page_feeds": [], **job.values},
            )
            values["chrome"] = self._chrome(lang, root, values)
            values["site_nav"] = self._site_nav(lang, root, path, values)
            writer.write_file(output, tmpl, self.context, **values)

    def _chrome(self, lang: str, root: str, values: dict[str, Any]) -> dict[str, Markup]:
        """The parts of the pages of one language at one depth that are the same on each of them (the
        blocks of _chrome.html but the menu), made once; base.html places them."""
        key = (lang, root)
        if key not in self._chromes:
            self._chromes[key] = {name: self._chrome_block(name, values) for name in CHROME_BLOCKS}
        return self._chromes[key]

    def _site_nav(self, lang: str, root: str, path: str, values: dict[str, Any]) -> Markup:
        """The main menu, the same on every page of one language, depth and menu section (and on every
        other page than the menu's own targets, which it marks as the current page)."""
        targets = {target for target, _label, _area in self.navigation[lang]}
        key = (lang, root, values["nav_current"], path if path in targets else None)
        if key not in self._navs:
            self._navs[key] = self._chrome_block("site_nav", values)
        return self._navs[key]

    def _chrome_block(self, name: str, values: dict[str, Any]) -> Markup:
        template = self.get_template(CHROME.removesuffix(".html"))
        context = template.new_context({**self.context, **values})
        return Markup("".join(template.blocks[name](context)).strip())  # base.html indents its first line

    def generate_output(self, writer: Any) -> None:
        model, data = self.model, self.model.dataset
        if "NETWORK_OUTPUT_CACHE" in self.settings:  # after the PDF plan (has_pdf) is made
            self.input_keys = self._input_keys()
            self.context["NETWORK_INPUT_KEYS"] = self.input_keys  # the calendar's files are keyed alike
        none: tuple[str, ...] = ()  # `shows`: the page shows no event
        newcomer = forms.offers_by_language(model.current_members)
        self._write(
            writer, routes.HOME, "home.html", upcoming=model.upcoming[:6], newcomer=newcomer, search_kind=N_("Home")
        )
        self._write(writer, routes.MEMBERS, "members.html", shows=none, members=model.current_members, facet=None)
        for facets in model.facets.values():
            for facet in facets:
                selected = [(mid, m) for mid, m in model.current_members if mid in facet.member_ids]
                self._write(writer, facet.path, "members.html", shows=none, members=selected, facet=facet)
        for member_id, member in data.members.items():
            path = routes.member(member_id)
            organised = {o.event.id for o in model.events_by_member(member_id)}
            self._write(
                writer,
                path,
                "member.html",
                shows=organised,
                member_id=member_id,
                member=member,
                search_kind=N_("Member"),
            )
        self._write(writer, routes.GROUPS, "groups.html", shows=none)
        group_events: dict[str, list[str]] = {}
        for event_id, event in data.events.items():
            if event.working_group:
                group_events.setdefault(event.working_group, []).append(event_id)
        for group_id, group in data.working_groups.items():
            feeds = [("group", group_id)]
            self._write(
                writer,
                routes.group(group_id),
                "group.html",
                shows=group_events.get(group_id, ()),
                group_id=group_id,
                group=group,
                page_feeds=feeds,
                search_kind=N_("Working group"),
            )
        # An event list shows its dates, and of all others only the filters' counts, the current period
        # and the years of the archive.
        list_also = (
            tuple((f.path, len(f.occurrences)) for facets in model.event_facets.values() for f in facets),
            model.current_period.key if model.current_period else None,
            tuple(model.past_by_year),
        )
        upcoming_ids = {o.event.id for o in model.upcoming}
        self._write(
            writer,
            routes.EVENTS,
            "events.html",
            shows=upcoming_ids,
            also=list_also,
            facet=None,
            occurrences=model.upcoming,
        )
        for facets in model.event_facets.values():
            for facet in facets:
                feeds = [("category", facet.value)] if facet.facet == "category" else []
                items = list(facet.occurrences)
                shown = {o.event.id for o in items}
                self._write(
                    writer,
                    facet.path,
                    "events.html",
                    shows=shown,
                    also=list_also,
                    facet=facet,
                    occurrences=items,
                    page_feeds=feeds,
                )
        self._write(writer, routes.PERIODS, "periods.html")
        for period in model.periods:
            before, after = model.neighbours(period)
            self._write(
                writer,
                period.path,
                "period.html",
                shows={o.event.id for o in period.occurrences},
                also=(period.key, before and before.key, after and after.key, model.has_pdf(period)),
                period=period,
                previous=before,
                following=after,
                page_feeds=[("period", period.key)],
            )
        self._write(writer, routes.SUBSCRIBE, "subscribe.html", search_kind=N_("Page"))
        for year, items in model.past_by_year.items():
            shown = {o.event.id for o in items}
            self._write(writer, routes.events_year(year), "events_year.html", shows=shown, year=year, occurrences=items)
        for event_id, event in data.events.items():
            occurrences = model.occurrences_of(event_id)
            feeds = [("event", event_id)]
            self._write(
                writer,
                routes.event(event_id),
                "event.html",
                shows=(event_id,),
                event=event,
                occurrences=occurrences,
                page_feeds=feeds,
                search_kind=N_("Event"),
            )
        self._write(writer, routes.INFO_MAIL, "info_mails.html", shows=none)
        self._write(writer, routes.INFO_MAIL_RECEIVE, "info_mail_receive.html", shows=none, search_kind=N_("Page"))
        # Markdown content: the template shows the reader's translation, or the original with a note.
        for article in model.articles:
            path = routes.info_mail(article.slug)
            also = reuse.content_state(article)  # its directives' facts from the data included
            self._write(
                writer, path, "info_mail.html", shows=none, also=also, content=article, search_kind=N_("Info mail")
            )
        for page in model.pages:
            also = reuse.content_state(page)
            path = routes.content_page(page.slug)
            self._write(writer, path, "page.html", shows=none, also=also, content=page, search_kind=N_("Page"))
        self._write_forms(writer)
        annual_pages.write_pages(self, writer)  # the chronicle and the annual reports
        self._write(writer, routes.SEARCH, "search.html", shows=none, listed=False)
        self._write(writer, routes.NOT_FOUND, "404.html", shows=none, listed=False, any_address=True)
        self._render_all(writer)
        self._write_discovery_files(Path(self.output_path))
        pages_written.send(self)

    def _write_forms(self, writer: Any) -> None:
        """The forms that open the visitor's e-mail program, and the page in Leichte Sprache."""
        model, data = self.model, self.model.dataset
        rules = forms.event_rules(data, model.today)
        self._write(writer, routes.PROPOSE_EVENT, "propose_event.html", rules=rules, search_kind=N_("Page"))
        rules = forms.member_rules(data, model.current_members)
        offers = forms.offer_values(model.current_members)
        self._write(
            writer,
            routes.CHANGE_MEMBER,
            "change_member.html",
            shows=(),
            rules=rules,
            site_offers=offers,
            search_kind=N_("Page"),
        )
        video = self.settings.get("SIGN_LANGUAGE_VIDEO")
        self._write(
            writer,
            routes.EASY_READ,
            "leichte_sprache.html",
            shows=(),
            sign_language_video=video,
            search_kind=N_("Page"),
        )

    def _write_discovery_files(self, output: Path) -> None:
        """The sitemap and robots.txt for the site, a manifest per language, the icon at the root."""
        network = self.model.dataset.network
        (output / routes.SITEMAP).write_text(
            discovery.sitemap_xml(self.public_base, self.sitemap_paths, self.languages_of_site), encoding="utf-8"
        )
        (output / routes.ROBOTS).write_text(discovery.robots_txt(self.public_base), encoding="utf-8")
        for lang, localizer in self.localizers.items():
            text = discovery.ManifestText(
                name=localizer.text(network.name).text,
                short_name=network.short_name,
                description=discovery.shorten(plain_text(localizer.text(network.description).text)),
                lang=lang,
                dir=localizer.dir,
            )
            prefix = routes.lang_prefix(lang, self.default_lang)
            theme = routes.root_of(prefix) + "theme/"
            icons = [(theme + src, sizes, kind) for src, sizes, kind in MANIFEST_ICONS]
            manifest = output / prefix / routes.MANIFEST
            manifest.parent.mkdir(parents=True, exist_ok=True)
            manifest.write_text(discovery.web_manifest(text, icons, THEME_COLOR), encoding="utf-8")
        theme_static = Path(self.settings["THEME"]) / "static"
        (output / routes.FAVICON).write_bytes((theme_static / "icons" / "favicon.ico").read_bytes())


def N_(message: str) -> str:
    """Marks a label for the catalogues; the template translates it in the reader's language."""
    return message


# The feeds every page links in <head> (and the homepage lists), by kind: their titles.
FEED_TITLES = {
    "calendar": N_("Calendar of the network (iCalendar)"),
    "atom": N_("Info mail (Atom feed)"),
    "rss": N_("Info mail (RSS feed)"),
    "events": N_("New and changed events (Atom feed)"),
}


def describe(value: Any) -> str:
    """A page's description for search results and link previews, from a data text (Markdown)."""
    text = getattr(value, "text", value)
    return discovery.shorten(plain_text(text)) if text else ""


def describe_html(html: str | None) -> str:
    """A page's description from the summary Pelican made of its Markdown (sanitised HTML)."""
    return discovery.shorten(Markup(html).striptags()) if html else ""


def _asset_versions(static: Path) -> dict[str, str]:
    """A short digest of every theme file, keyed by its path under the theme's static folder."""
    return {
        file.relative_to(static).as_posix(): hashlib.sha256(file.read_bytes()).hexdigest()[:10]
        for file in sorted(static.rglob("*"))
        if file.is_file()
    }


def current_section(page_path: str, areas: list[str]) -> str | None:
    """The menu area a page belongs to: the longest that starts its path (home only for itself)."""
    matching = [area for area in areas if (page_path.startswith(area) if area else page_path == area)]
    return max(matching, key=len, default=None)


def in_language(content: Any, lang: str) -> Any:
    """The translation of a Pelican article or page in `lang`, else the original."""
    for candidate in (content, *getattr(content, "translations", [])):
        if candidate.lang == lang:
            return candidate
    return content
