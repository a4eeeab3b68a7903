"""QR codes made at build time (segno), as inline SVG: nothing is fetched, print and PDF show them."""

from __future__ import annotations

from markupsafe import Markup, escape

# Medium error correction survives a smudged or folded notice-board print.
ERROR_CORRECTION = "m"
# The quiet zone around the code, in modules (ISO/IEC 18004 asks for 4).
QUIET_ZONE = 4


def qr_svg(text: str, label: str) -> Markup:
    """An <svg role="img"> QR code of `text`, named `label` for screen readers; sized by CSS."""
    import segno  # imported here: pages without a QR code do not need it

    code = segno.make(text, error=ERROR_CORRECTION, micro=False)
    svg = code.svg_inline(scale=1, border=QUIET_ZONE, omitsize=True, svgclass="qr-code", lineclass=None)
    # segno writes '<svg viewBox=... class="qr-code">...'; name it and keep the modules crisp.
    head, _, body = svg.partition(">")
    return Markup(
        f'{head} role="img" aria-label="{escape(label)}" shape-rendering="crispEdges">'
        f"<title>{escape(label)}</title>{body}"
    )
