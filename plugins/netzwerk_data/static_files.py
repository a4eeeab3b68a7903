"""Files the site publishes as they are (content/images/): only harmless kinds.

A web page, a script or an SVG image with a script inside would run in the site's name
when someone opens it, and an SVG that loads a font or picture from another host would
tell that host who is reading: both are refused.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.parsers import expat

from .problems import Problem

IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg")
DOCUMENT_TYPES = (".pdf", ".odt", ".ods", ".odp", ".docx", ".xlsx", ".pptx", ".txt", ".csv")
PUBLISHED_TYPES = IMAGE_TYPES + DOCUMENT_TYPES
MAX_STATIC_BYTES = 20_000_000
MAX_SVG_BYTES = 2_000_000

_SVG_FORBIDDEN_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"}
_LOCAL_REFERENCE = re.compile(r"^(#[\w.:-]*|data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*)$")
_CSS_EXTERNAL = re.compile(r"@import|url\(\s*(?!['\"]?#)", re.IGNORECASE)


def check_static_file(path: Path, shown: str) -> list[Problem]:
    suffix = path.suffix.lower()
    if suffix not in PUBLISHED_TYPES:
        return [
            Problem(
                shown,
                1,
                "(file)",
                f"files of type '{suffix or '(none)'}' are not published; allowed are images "
                f"({', '.join(IMAGE_TYPES)}) and documents ({', '.join(DOCUMENT_TYPES)})",
            )
        ]
    try:
        size = path.stat().st_size
    except OSError as error:
        return [Problem(shown, 1, "(file)", f"the file cannot be read: {error.strerror}")]
    if size > MAX_STATIC_BYTES:
        return [
            Problem(shown, 1, "(file)", f"the file has {size:,} bytes; at most {MAX_STATIC_BYTES:,}: make it smaller")
        ]
    if suffix == ".svg":
        return _svg_problems(path, shown, size)
    return _signature_problems(path, shown, suffix)


# How files of each type begin: a web page renamed to .png is not an image (and a browser might sniff it).
_SIGNATURES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".pdf": (b"%PDF-",),
    ".odt": (b"PK\x03\x04",),
    ".ods": (b"PK\x03\x04",),
    ".odp": (b"PK\x03\x04",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".pptx": (b"PK\x03\x04",),
}


def _signature_problems(path: Path, shown: str, suffix: str) -> list[Problem]:
    try:
        with path.open("rb") as handle:
            start = handle.read(12)
    except OSError as error:
        return [Problem(shown, 1, "(file)", f"the file cannot be read: {error.strerror}")]
    expected = _SIGNATURES.get(suffix)
    webp = suffix == ".webp" and not (start[:4] == b"RIFF" and start[8:12] == b"WEBP")
    if webp or (expected is not None and not start.startswith(expected)):
        return [
            Problem(
                shown,
                1,
                "(file)",
                f"the file is not a {suffix[1:].upper()} file, although its name ends in {suffix}: "
                "save or export it again in that format, or give it the right ending",
            )
        ]
    return []


def _svg_problems(path: Path, shown: str, size: int) -> list[Problem]:
    if size > MAX_SVG_BYTES:
        return [Problem(shown, 1, "(file)", f"the SVG has {size:,} bytes; at most {MAX_SVG_BYTES:,}: simplify it")]
    try:
        raw = path.read_bytes()
    except OSError as error:
        return [Problem(shown, 1, "(file)", f"the file cannot be read: {error.strerror}")]
    problems: list[Problem] = []
    parser = expat.ParserCreate(namespace_separator="}")
    in_style = False

    def complain(message: str) -> None:
        problems.append(Problem(shown, parser.CurrentLineNumber, "(file)", message))

    def refuse_doctype(*_args: object) -> None:
        complain("the SVG declares a DOCTYPE or entities; export it again as plain SVG")
        raise _StopParsing

    def start(tag: str, attributes: dict[str, str]) -> None:
        nonlocal in_style
        name = tag.rsplit("}", 1)[-1].lower()
        in_style = name == "style"
        if name in _SVG_FORBIDDEN_ELEMENTS:
            complain(f"the SVG contains a <{name}> element, which can run code; remove it")
        for attribute, value in attributes.items():
            attr = attribute.rsplit("}", 1)[-1].lower()
            if attr.startswith("on"):
                complain(f"the SVG has an event attribute '{attr}', which runs code; remove it")
            elif attr == "href" and not _LOCAL_REFERENCE.match(value.strip()):
                complain(f"the SVG refers to '{value[:60]}'; an image may only refer to its own parts (#id): embed it")
            elif attr == "style" and _CSS_EXTERNAL.search(value):
                complain("the SVG's style loads something from elsewhere; remove url() and @import")
            elif attr == "attributename" and value.strip().lower() in ("href", "xlink:href"):
                complain("the SVG animates a link target; remove the animation")

    def text(data: str) -> None:
        if in_style and _CSS_EXTERNAL.search(data):
            complain("the SVG's style loads something from elsewhere; remove url() and @import")

    parser.StartDoctypeDeclHandler = refuse_doctype
    parser.EntityDeclHandler = refuse_doctype
    parser.StartElementHandler = start
    parser.CharacterDataHandler = text
    try:
        parser.Parse(raw, True)
    except _StopParsing:
        pass
    except expat.ExpatError as error:
        problems.append(Problem(shown, error.lineno, "(file)", "the SVG is not well-formed XML; export it again"))
    return problems


class _StopParsing(Exception):
    """A DOCTYPE ends the check: entities are never expanded."""
