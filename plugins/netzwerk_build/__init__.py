"""The build command's engine (used by tasks.py; not a Pelican plugin).

Checks every data and content file, refuses output folders that would overwrite
something else, builds with Pelican into a staging folder under a lock, and swaps
the result in, so the output is never missing, half written or mixed.
"""

from __future__ import annotations

from .pipeline import (
    BuildFailed,
    Project,
    SitePaths,
    build,
    check,
    parse_today,
    refuse_unsafe_output,
    stale_data_warnings,
)

__all__ = [
    "BuildFailed",
    "Project",
    "SitePaths",
    "build",
    "check",
    "parse_today",
    "refuse_unsafe_output",
    "stale_data_warnings",
]
