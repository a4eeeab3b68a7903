"""Every internal link and anchor of the built site resolves, at the site root and in a sub-folder.

LinkChecker (tests/tools/linkcheck_site.py) crawls each site over HTTP from its index.html (then
from the 404 pages and every other page, so pages nothing links to are checked too), follows every
link on the local server and checks every #anchor. Links to other hosts, mailto: and tel: are checked for syntax only.

* At the root: the site as `invoke build` makes it (pelicanconf.py), served as the whole host.
* In a sub-folder: built with publishconf.py and SITEURL set to the local server's
  ``/netzwerk`` address, and served from a parent folder that holds nothing else. So the
  canonical and hreflang links, the sitemap and the 404 pages' root-absolute links point at the
  local server and are checked too; a link that leaves the sub-folder meets a 404.

Sites: the shipped example and the edge data sets of tests/fixtures/edge-sites/.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import linkcheck_site
import pytest
import yaml
from conftest import BUILD_TIMEOUT_S, EDGE_SITES, EDGE_SITES_DIR, REPO_ROOT, SITES, TODAY

SUB_FOLDER = "netzwerk"


def _sources(name: str) -> tuple[Path, Path]:
    if name in SITES:
        data, content, _ = SITES[name]
        return data, content
    return EDGE_SITES_DIR / name / "data", EDGE_SITES_DIR / name / "content"


def _invoke(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
        check=False,
        env={**os.environ, **(env or {})},
    )


def _root_site(name: str, request: pytest.FixtureRequest) -> Path:
    if name == "default":
        return request.getfixturevalue("default_site")
    return request.getfixturevalue("edge_site")(name)


@pytest.fixture(scope="session")
def sub_folder_site(tmp_path_factory):
    """Factory: ``sub_folder_site(name)`` builds the site once with publishconf.py into the
    sub-folder netzwerk/ of an otherwise empty folder served on 127.0.0.1; returns the origin
    (``http://127.0.0.1:PORT``) and the output folder."""
    built: dict[str, tuple[str, Path]] = {}
    with contextlib.ExitStack() as servers:

        def site(name: str) -> tuple[str, Path]:
            if name not in built:
                parent = tmp_path_factory.mktemp(f"sub-folder-{name}")
                origin = servers.enter_context(linkcheck_site.serve(parent))
                output = parent / SUB_FOLDER
                data, content = _sources(name)
                # Pelican drops a trailing slash of SITEURL (and says so); give it without one.
                env = {"SITEURL": f"{origin}/{SUB_FOLDER}"}
                result = _invoke(
                    "build", "--data", str(data), "--content", str(content), "--output", str(output),
                    "--today", TODAY, "--settings", "publishconf.py", env=env,
                )  # fmt: skip
                if result.returncode != 0 or not (output / "index.html").is_file():
                    pytest.fail(f"build with SITEURL failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
                built[name] = (origin, output)
            return built[name]

        yield site


def _public_path(name: str) -> str:
    """The path of the network's website ("/" or "/netzwerk/"): the public address without SITEURL."""
    data, _ = _sources(name)
    website = yaml.safe_load((data / "network.yaml").read_text(encoding="utf-8"))["website"]
    return urlsplit(website).path.rstrip("/") + "/"


def _start_urls(site: Path, base: str, with_sitemap: bool, not_found_pages: bool = True) -> list[str]:
    """index.html, every 404 page (served for any unknown address, so linked from nowhere; its links
    start at the public address's path) and, where its addresses are local, the sitemap."""
    urls = [f"{base}index.html"]
    if not_found_pages:
        urls += [base + page.relative_to(site).as_posix() for page in sorted(site.rglob("404.html"))]
    # Then every other page: a page no other page links to (a former member's without events) has its
    # links checked too. LinkChecker checks each address once, however often it is reached.
    urls += [
        base + page.relative_to(site).as_posix()
        for page in sorted(site.rglob("*.html"))
        if page.name != "404.html" and page != site / "index.html"
    ]
    if with_sitemap and (site / "sitemap.xml").is_file():
        urls.append(f"{base}sitemap.xml")
    return urls


def _assert_all_links_resolve(
    site: Path, origin: str, below: str, start: list[str], workdir: Path, skip: tuple[str, ...] = ()
) -> None:
    report = linkcheck_site.check_links(start, origin, workdir)
    assert not report.problems, f"{site}:\n{report.explain()}"
    reached = report.pages(origin, below)
    pages = sorted(page.relative_to(site).as_posix() for page in site.rglob("*.html") if page.name not in skip)
    unreached = [page for page in pages if page not in reached and page.removesuffix("index.html") not in reached]
    assert len(pages) > 10 and not unreached, (
        f"LinkChecker did not reach {len(unreached)} of {len(pages)} pages, e.g. {unreached[:10]}"
    )


# The shipped example is crawled once, in the sub-folder (the stricter case, 404 pages included):
# a second crawl of its 2,000 addresses at the root would add a minute and find nothing new.
@pytest.mark.parametrize("name", list(EDGE_SITES))
def test_every_internal_link_and_anchor_resolves_at_the_site_root(
    name: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    site = _root_site(name, request)
    # Without SITEURL the 404 pages' links start at the path of the network's website: checked here
    # only where that is "/" (else in the sub-folder test, which serves them at their public path).
    not_found = _public_path(name) == "/"
    with linkcheck_site.serve(site) as origin:
        start = _start_urls(site, f"{origin}/", with_sitemap=False, not_found_pages=not_found)
        _assert_all_links_resolve(site, origin, "/", start, tmp_path, skip=() if not_found else ("404.html",))


# The shipped example's crawl is in test_links_example.py, so that the two long crawls run side by side.
@pytest.mark.parametrize("name", list(EDGE_SITES))
def test_every_internal_link_and_anchor_resolves_in_a_sub_folder(name: str, sub_folder_site, tmp_path: Path) -> None:
    check_site_in_sub_folder(name, sub_folder_site, tmp_path)


def check_site_in_sub_folder(name: str, sub_folder_site, tmp_path: Path) -> None:
    """Build `name` for the local sub-folder address, serve it there and crawl it: nothing broken."""
    origin, site = sub_folder_site(name)
    below = f"/{SUB_FOLDER}/"
    canonical = (site / "index.html").read_text(encoding="utf-8")
    assert f'href="{origin}{below}"' in canonical, "the build did not take the public address from SITEURL"
    start = _start_urls(site, origin + below, with_sitemap=True)
    _assert_all_links_resolve(site, origin, below, start, tmp_path)


@pytest.mark.parametrize("name", list(EDGE_SITES))
def test_edge_data_sets_are_valid(name: str) -> None:
    data, content = _sources(name)
    result = _invoke("validate", "--data", str(data), "--content", str(content))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_link_check_finds_broken_links_and_anchors(edge_site, tmp_path: Path) -> None:
    """The check itself: a missing page, a missing anchor and a link out of the sub-folder are found."""
    site = tmp_path / "parent" / SUB_FOLDER
    shutil.copytree(edge_site("single-event"), site)
    home = site / "index.html"
    html = home.read_text(encoding="utf-8")
    extra = '<a href="members/nobody/">x</a><a href="#no-such-anchor">y</a><a href="../outside/">z</a>'
    home.write_text(html.replace("</main>", f"{extra}</main>", 1), encoding="utf-8")
    with linkcheck_site.serve(site.parent) as origin:
        report = linkcheck_site.check_links([f"{origin}/{SUB_FOLDER}/index.html"], origin, tmp_path)
    broken = {problem.url.removeprefix(origin) for problem in report.problems}
    assert {f"/{SUB_FOLDER}/members/nobody/", f"/{SUB_FOLDER}/index.html#no-such-anchor", "/outside/"} <= broken, (
        report.explain()
    )
