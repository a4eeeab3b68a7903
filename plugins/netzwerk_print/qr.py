"""QR codes made at build time (segno), as inline SVG: nothing is fetched, print and PDF show them."""

from __future__ import annotations

import hashlib
from importlib.metadata import version
from pathlib import Path

from markupsafe import Markup, escape

from .kept import KeptFiles

# Medium error correction survives a smudged or folded notice-board print.
ERROR_CORRECTION = "m"
# The quiet zone around the code, in modules (ISO/IEC 18004 asks for 4).
QUIET_ZONE = 4
# About 3 kB each: a 20-year site has 120 periods per language.
CACHE_ENTRIES = 5000


class QrCodes:
    """`qr_svg(text, label)` for the templates; with a folder, each code is kept there by its text (segno
    weighs all eight masks of a code: about 15 ms each, 360 codes in a 20-year site)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.kept = KeptFiles(folder, ".svg", CACHE_ENTRIES) if folder is not None else None
        self._made_by = f"{version('segno')}\0{ERROR_CORRECTION}\0{QUIET_ZONE}\0"

    def __call__(self, text: str, label: str) -> Markup:
        """An <svg role="img"> QR code of `text`, named `label` for screen readers; sized by CSS."""
        svg = self._code(text)
        # segno writes '<svg viewBox=... class="qr-code">...'; name it and keep the modules crisp.
        head, _, body = svg.partition(">")
        return Markup(
            f'{head} role="img" aria-label="{escape(label)}" shape-rendering="crispEdges">'
            f"<title>{escape(label)}</title>{body}"
        )

    def _code(self, text: str) -> str:
        if self.kept is None:
            return _segno_svg(text)
        key = hashlib.sha256((self._made_by + text).encode()).hexdigest()
        found = self.kept.get(key)
        if found is not None:
            return found.decode("utf-8")
        svg = _segno_svg(text)
        self.kept.keep(key, svg.encode("utf-8"))
        return svg


def _segno_svg(text: str) -> str:
    import segno  # imported here: pages without a QR code do not need it

    code = segno.make(text, error=ERROR_CORRECTION, micro=False)
    return code.svg_inline(scale=1, border=QUIET_ZONE, omitsize=True, svgclass="qr-code", lineclass=None)
