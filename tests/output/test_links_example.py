"""Every internal link and anchor of the shipped example resolves in a sub-folder (see test_links.py).

The example is crawled once, in the sub-folder, the stricter case with its 404 pages: about 2,500
addresses. It has a file of its own so that it runs beside the edge data sets' crawls.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_links import check_site_in_sub_folder, sub_folder_site

__all__ = ["sub_folder_site"]  # imported, the fixture is known in this file too


def test_every_internal_link_and_anchor_of_the_example_resolves_in_a_sub_folder(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    check_site_in_sub_folder("default", request.getfixturevalue("sub_folder_site"), tmp_path)
