"""The bimonthly calendar as print: a PDF of each period's page (WeasyPrint) and its QR code."""

from __future__ import annotations


def register() -> None:
    """Connected to Pelican's signals once the PDF step exists."""
