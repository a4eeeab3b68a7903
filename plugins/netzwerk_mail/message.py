"""A published info mail as a ready-to-send e-mail (.eml): multipart/alternative, plain text and HTML.

The text comes from the built site's Atom feed of the mail's language (netzwerk_feeds.published), so
only a published mail can be sent and it says what its web version says. The HTML part is the
template theme/templates/email/info_mail.html with its CSS inlined (css-inline): 600 px wide, layout
tables for Outlook, colours that hold in dark mode, absolute links and images. Nothing comes from the
clock: Date is the mail's date, the Message-ID and the MIME boundary derive from the mail, so the same
site gives the same bytes.

Mailing-list headers come from the environment (never from the repository):
  NETZWERK_MAIL_LIST                   the list address the mail is sent to (To:); else the network's address
  NETZWERK_MAIL_UNSUBSCRIBE            where to unsubscribe: mailto: and/or https: addresses, comma-separated
  NETZWERK_MAIL_UNSUBSCRIBE_ONE_CLICK  "yes" when the https address unsubscribes with one POST (RFC 8058)
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

import css_inline
from email_validator import EmailNotValidError, validate_email
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from PIL import Image, UnidentifiedImageError

from netzwerk_data import Dataset
from netzwerk_feeds.links import HtmlRewriter, is_absolute, start_tag
from netzwerk_feeds.published import PublishedMail, read_info_mail_feed
from netzwerk_i18n import Localizer, load_catalogue
from netzwerk_site import routes
from netzwerk_site.richtext import _PlainText

WIDTH = 600  # the mail's width in px: what every mail program shows without scrolling
CONTENT_WIDTH = 552  # the text column: WIDTH less the padding on both sides
TEMPLATE = "info_mail.html"
MONTH = re.compile(r"(\d{4})-(\d{2})")


def N_(message: str) -> str:
    """Marks a message for extraction (`make i18n`); it is translated where it is used."""
    return message


READ_ON_THE_WEB = N_("Read this info mail in your browser")
UNSUBSCRIBE = N_("Unsubscribe")
UNSUBSCRIBE_BY_MAIL = N_("To stop receiving the info mail, write to %(email)s.")
E_MAIL, WEBSITE = N_("E-mail"), N_("Website")


class MailProblem(Exception):
    """What keeps the e-mail from being written, in the editor's words."""


# -- settings from the environment ---------------------------------------------------------------


def _address(value: str, name: str) -> str:
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError as error:
        raise MailProblem(f"{name}={value!r} is not an e-mail address ({error})") from None


@dataclass(frozen=True)
class ListSettings:
    """The mailing list the info mail goes to, as the environment configures it."""

    address: str | None = None
    unsubscribe: tuple[str, ...] = ()  # mailto: and https: addresses
    one_click: bool = False

    @classmethod
    def from_environment(cls, env: Mapping[str, str]) -> ListSettings:
        address = env.get("NETZWERK_MAIL_LIST", "").strip()
        targets = []
        for item in (part.strip() for part in env.get("NETZWERK_MAIL_UNSUBSCRIBE", "").split(",")):
            if not item:
                continue
            if item.startswith("https://") and urlsplit(item).hostname:
                targets.append(item)
            else:
                bare = item.removeprefix("mailto:")
                targets.append(f"mailto:{_address(bare.partition('?')[0], 'NETZWERK_MAIL_UNSUBSCRIBE')}")
        one_click = env.get("NETZWERK_MAIL_UNSUBSCRIBE_ONE_CLICK", "").strip().lower() == "yes"
        if one_click and not any(t.startswith("https://") for t in targets):
            raise MailProblem(
                "NETZWERK_MAIL_UNSUBSCRIBE_ONE_CLICK=yes needs an https: address in NETZWERK_MAIL_UNSUBSCRIBE "
                "(RFC 8058: one-click unsubscribing posts to a web address)"
            )
        return cls(_address(address, "NETZWERK_MAIL_LIST") if address else None, tuple(targets), one_click)

    @property
    def unsubscribe_link(self) -> str | None:
        """The address the mail's footer links: a web page if there is one, else an e-mail address."""
        web = [t for t in self.unsubscribe if t.startswith("https://")]
        return (web or list(self.unsubscribe) or [None])[0]


# -- choosing the mail ---------------------------------------------------------------------------


def check_month(month: str) -> str:
    match = MONTH.fullmatch(month.strip())
    if not match or not 1 <= int(match[2]) <= 12:
        raise MailProblem(f"MONTH={month!r}: write the month as YYYY-MM, e.g. MONTH=2026-12")
    return month.strip()


def feed_file(output: Path, lang: str, default_lang: str) -> Path:
    return output / routes.in_language(routes.INFO_MAIL_ATOM, lang, default_lang)


def published_in_month(output: Path, dataset: Dataset, month: str, slug: str | None = None) -> list[PublishedMail]:
    """The month's published mail in every language it has a text in (the default language first).

    A month normally has one mail; with several, `slug` chooses (the one whose slug is the month
    is taken without asking).
    """
    zone = ZoneInfo(dataset.network.timezone)
    default = dataset.default_language
    found: list[PublishedMail] = []
    for lang in dataset.network.languages:
        path = feed_file(output, lang, default)
        if not path.is_file():
            raise MailProblem(f"{path} is missing: build the site first (make build), then make the e-mail")
        feed = read_info_mail_feed(path)
        found += [m for m in feed.mails if m.lang == lang and m.published.astimezone(zone).strftime("%Y-%m") == month]
    slugs = sorted({m.slug for m in found})
    if slug is not None:
        chosen = [m for m in found if m.slug == slug]
        if not chosen:
            raise MailProblem(f"no published info mail of {month} has the Slug {slug!r}; the month has: {slugs}")
        return chosen
    if not slugs:
        raise MailProblem(
            f"no info mail of {month} is published in the site at {output}. A mail is published when its "
            "file in content/info-mail/ has a Date in that month that is not after the build day, and no "
            "'Status: draft'. Check its Date, build again (make build, or TODAY=YYYY-MM-DD), then make the e-mail"
        )
    if len(slugs) > 1:
        if month in slugs:
            return [m for m in found if m.slug == month]
        raise MailProblem(f"{month} has {len(slugs)} published info mails ({', '.join(slugs)}): choose one with SLUG=")
    return found


# -- the HTML and the text of the mail ----------------------------------------------------------


ImageSize = Callable[[str], tuple[int, int] | None]


def image_sizes(output: Path, base: str) -> ImageSize:
    """Width and height of an image of the built site by its public address (None: unknown, e.g. SVG)."""
    prefix = f"{base.rstrip('/')}/"

    def size(url: str) -> tuple[int, int] | None:
        if not url.startswith(prefix):
            return None
        path = (output / unquote(urlsplit(url).path[len(urlsplit(prefix).path) :])).resolve()
        if output.resolve() not in path.parents or not path.is_file():
            return None
        try:
            with Image.open(path) as image:
                return image.size
        except (UnidentifiedImageError, Image.DecompressionBombError, OSError):
            return None  # not a raster image Pillow knows (SVG), or not one to open

    return size


class _MailContent(HtmlRewriter):
    """The feed's content HTML for an e-mail: addresses the site hides from harvesters written out as
    mailto links (the readers are known), images sized for the text column (Outlook ignores CSS
    widths), and nothing relative. With `images_as_text`, an image becomes its description in brackets
    (for the plain-text part)."""

    def __init__(self, sizes: ImageSize, images_as_text: bool = False) -> None:
        super().__init__()
        self.sizes = sizes
        self.images_as_text = images_as_text
        self.hidden_depth = 0  # inside a protected address: its visible text is replaced
        self.unsized: list[str] = []

    def start(self, tag: str, attrs: list[tuple[str, str | None]], closed: bool) -> None:
        values = dict(attrs)
        if self.hidden_depth:
            self.hidden_depth += tag == "span"
            return
        if tag == "span" and "email" in (values.get("class") or "").split() and values.get("data-rot13"):
            address = codecs.decode(values["data-rot13"] or "", "rot13")
            self.out.append(Markup('<a href="mailto:{0}" dir="ltr">{0}</a>').format(address))
            self.hidden_depth = 1
            return
        for name in ("href", "src"):
            value = values.get(name)
            if value is not None and not is_absolute(value) and not value.startswith("#"):
                raise MailProblem(f"the mail links {value!r}, an address that only works on the site")
        if tag == "img":
            self.image(values)
            return
        super().start(tag, attrs, closed)

    def image(self, values: dict[str, str | None]) -> None:
        alt, src = values.get("alt") or "", values.get("src") or ""
        if self.images_as_text:
            self.out.append(Markup(" [{}] ").format(alt))
            return
        attrs: list[tuple[str, str | None]] = [("src", src), ("alt", alt)]
        size = self.sizes(src)
        if size is None:
            self.unsized.append(src)
        else:
            width, height = size
            shown = min(width, CONTENT_WIDTH)
            attrs += [("width", str(shown)), ("height", str(round(height * shown / width)))]
        self.out.append(start_tag("img", attrs))

    def end(self, tag: str) -> None:
        if self.hidden_depth:
            self.hidden_depth -= tag == "span"
            return
        super().end(tag)

    def handle_data(self, data: str) -> None:
        if not self.hidden_depth:
            super().handle_data(data)

    def handle_entityref(self, name: str) -> None:
        if not self.hidden_depth:
            super().handle_entityref(name)

    def handle_charref(self, name: str) -> None:
        if not self.hidden_depth:
            super().handle_charref(name)


def plain_text_of(html: str) -> str:
    """Sanitised HTML as plain text, read as the site's plain texts are (netzwerk_site.richtext)."""
    return _PlainText().run(html)


@dataclass(frozen=True)
class Network:
    """Who sends the info mail, as the mail's footer and headers name it."""

    name: str
    short_name: str
    email: str
    home: str  # the site's homepage in the mail's language
    postal: tuple[str, ...]

    @classmethod
    def of(cls, dataset: Dataset, localizer: Localizer, base: str) -> Network:
        network = dataset.network
        venue = dataset.venues[network.venue]
        name = localizer.text(network.name)
        venue_name = localizer.text(venue.name)
        return cls(
            name=name.text if name else network.short_name,
            short_name=network.short_name,
            email=network.email,
            home=routes.public_url(base, routes.lang_prefix(localizer.lang, dataset.default_language)),
            postal=(venue_name.text if venue_name else "", venue.street, f"{venue.postcode} {venue.city}"),
        )


@dataclass
class MailParts:
    html: str
    text: str
    notes: list[str] = field(default_factory=list)


def _environment(templates: Path, localizer: Localizer) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates)),
        autoescape=select_autoescape(default=True),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_callables(localizer.gettext, localizer.ngettext, newstyle=True)  # type: ignore[attr-defined]
    return env


def _inline(html: str) -> str:
    """CSS moved into style attributes; only rules that cannot be inlined (dark mode, narrow screens) stay."""
    inliner = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False, apply_width_attributes=True)
    return inliner.inline(html)


def mail_parts(
    mail: PublishedMail,
    network: Network,
    settings: ListSettings,
    localizer: Localizer,
    templates: Path,
    sizes: ImageSize,
) -> MailParts:
    """The HTML part (inlined CSS) and the plain-text part of one mail, in its language."""
    content = _MailContent(sizes)
    body = content.run(mail.content_html)
    text_body = plain_text_of(_MailContent(sizes, images_as_text=True).run(mail.content_html))
    values: dict[str, Any] = {
        "lang": mail.lang,
        "dir": localizer.dir,
        # the sides text starts and ends on, for mail programs that ignore dir
        "start": "right" if localizer.dir == "rtl" else "left",
        "end": "left" if localizer.dir == "rtl" else "right",
        "width": WIDTH,
        "title": mail.title,
        "date": localizer.date(mail.published.date(), long=True),
        "preheader": plain_text_of(mail.summary_html).replace("\n", " "),
        "content": Markup(body),
        "web_url": mail.url,
        "network": network,
        "unsubscribe": settings.unsubscribe_link,
    }
    html = _inline(_environment(templates, localizer).get_template(TEMPLATE).render(values))
    notes = [
        f"{mail.lang}: the image {src} is not a PNG, JPEG, GIF or WebP of the site: many mail programs "
        "(Outlook, Gmail) show its description instead. Use a PNG or JPEG in info mails."
        for src in dict.fromkeys(content.unsized)
    ]
    return MailParts(html, _plain_text(mail, text_body, network, settings, localizer), notes)


def _plain_text(mail: PublishedMail, body: str, network: Network, settings: ListSettings, L: Localizer) -> str:
    unsubscribe = settings.unsubscribe_link
    leave = (
        f"{L.gettext(UNSUBSCRIBE)}: {unsubscribe.removeprefix('mailto:')}"
        if unsubscribe
        else L.gettext(UNSUBSCRIBE_BY_MAIL) % {"email": network.email}
    )
    lines = [
        mail.title,
        L.date(mail.published.date(), long=True),
        "",
        f"{L.gettext(READ_ON_THE_WEB)}: {mail.url}",
        "",
        body,
        "",
        "-- ",
        network.name,
        *network.postal,
        f"{L.gettext(E_MAIL)}: {network.email}",
        f"{L.gettext(WEBSITE)}: {network.home}",
        "",
        leave,
    ]
    return "\n".join(lines) + "\n"


# -- the message ----------------------------------------------------------------------------------


def message_id(mail: PublishedMail, network: Network) -> str:
    """The same mail always has the same Message-ID (a resent copy is recognised as the same mail)."""
    return f"<info-mail.{mail.slug}.{mail.lang}@{network.email.rpartition('@')[2]}>"


def build_message(mail: PublishedMail, parts: MailParts, network: Network, settings: ListSettings) -> EmailMessage:
    message = EmailMessage(policy=policy.SMTP)
    message["Subject"] = mail.title
    message["From"] = Address(network.short_name, addr_spec=network.email)
    message["To"] = settings.address or network.email
    message["Date"] = format_datetime(mail.published)
    message["Message-ID"] = message_id(mail, network)
    if settings.unsubscribe:
        message["List-Unsubscribe"] = ", ".join(f"<{target}>" for target in settings.unsubscribe)
        if settings.one_click:
            message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.set_content(parts.text, subtype="plain", charset="utf-8", cte="quoted-printable")
    message.add_alternative(parts.html, subtype="html", charset="utf-8", cte="quoted-printable")
    for part in message.iter_parts():
        del part["MIME-Version"]  # the message has it once; email's multipart/alternative copies it into a part
    message["Content-Language"] = mail.lang  # after the parts: email moves Content-* headers into the first part
    # A boundary from the content, not a random one; "=_" never occurs in quoted-printable text.
    digest = hashlib.sha256(f"{parts.text}\0{parts.html}".encode()).hexdigest()[:32]
    message.set_boundary(f"=_info-mail_{digest}")
    return message


# -- the files ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MailRequest:
    dataset: Dataset
    output: Path  # the built site
    month: str
    folder: Path  # where the .eml files go (not published)
    templates: Path  # theme/templates/email
    translations: Path  # theme/translations
    settings: ListSettings
    slug: str | None = None
    languages: tuple[str, ...] = ()  # empty: every language the mail is written in


@dataclass
class WrittenMail:
    paths: list[Path]
    notes: list[str]


def site_base(output: Path, dataset: Dataset) -> str:
    """The public address the site was built for, as its default-language info-mail feed says."""
    feed = read_info_mail_feed(feed_file(output, dataset.default_language, dataset.default_language))
    return feed.page.removesuffix(routes.INFO_MAIL).rstrip("/")


def eml_name(slug: str, lang: str) -> str:
    return f"{slug}.{lang}.eml"


def write_info_mail(request: MailRequest) -> WrittenMail:
    """Write the month's published mail as one .eml per language; return the paths and notes."""
    dataset = request.dataset
    month = check_month(request.month)
    mails = published_in_month(request.output, dataset, month, request.slug)
    if request.languages:
        unknown = sorted(set(request.languages) - {m.lang for m in mails})
        if unknown:
            have = ", ".join(m.lang for m in mails)
            raise MailProblem(f"the info mail of {month} is not published in {', '.join(unknown)} (only in {have})")
        mails = [m for m in mails if m.lang in request.languages]
    base = site_base(request.output, dataset)
    sizes = image_sizes(request.output, base)
    request.folder.mkdir(parents=True, exist_ok=True)
    written = WrittenMail([], [])
    for mail in mails:
        localizer = Localizer(mail.lang, dataset.default_language, load_catalogue(str(request.translations), mail.lang))
        network = Network.of(dataset, localizer, base)
        parts = mail_parts(mail, network, request.settings, localizer, request.templates, sizes)
        path = request.folder / eml_name(mail.slug, mail.lang)
        path.write_bytes(build_message(mail, parts, network, request.settings).as_bytes())
        written.paths.append(path)
        written.notes += parts.notes
    return written
