"""Fixtures for tests that check the *built* site with independent tools
(Nu HTML validator, axe-core in Chromium, request recording).

Two sites are built once per test session, each into its own temporary folder:

* ``fixture_site``: ``tests/fixtures/site/{data,content}``
* ``default_site``: the shipped ``data/`` and ``content/`` at the repo root

both with ``invoke build ... --today 2026-11-24``.

For working on the tests themselves, an already built folder can be used
instead of building: set ``NETZWERK_FIXTURE_SITE_OUTPUT`` and/or
``NETZWERK_DEFAULT_SITE_OUTPUT`` to its path.

Tools (Debian's chromium, a JRE, ``node_modules`` from ``npm ci``) are not
optional: a test that needs a missing tool FAILS and says to run ``make test``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

import sitekit

REPO_ROOT = sitekit.REPO_ROOT
TODAY = "2026-11-24"
BUILD_TIMEOUT_S = 600

SITES = {
    # name: (data dir, content dir, env variable naming a prebuilt output)
    "fixture": (
        REPO_ROOT / "tests" / "fixtures" / "site" / "data",
        REPO_ROOT / "tests" / "fixtures" / "site" / "content",
        "NETZWERK_FIXTURE_SITE_OUTPUT",
    ),
    "default": (REPO_ROOT / "data", REPO_ROOT / "content", "NETZWERK_DEFAULT_SITE_OUTPUT"),
}


def build_site(data: Path, content: Path, output: Path, today: str = TODAY) -> Path:
    """Run the project's build command; fail the test with its output if it fails."""
    cmd = [
        sys.executable,
        "-m",
        "invoke",
        "build",
        "--data",
        str(data),
        "--content",
        str(content),
        "--output",
        str(output),
        "--today",
        today,
    ]
    try:
        proc = subprocess.run(cmd, cwd=REPO_ROOT, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        pytest.fail(f"build did not finish within {BUILD_TIMEOUT_S} s: {' '.join(cmd)}")
    if proc.returncode != 0:
        pytest.fail(
            f"build failed (exit {proc.returncode}): {' '.join(cmd)}\n"
            f"--- stdout ---\n{proc.stdout[-5000:]}\n--- stderr ---\n{proc.stderr[-5000:]}",
            pytrace=False,
        )
    if not (output / "index.html").is_file():
        pytest.fail(f"build exited 0 but wrote no {output / 'index.html'}", pytrace=False)
    return output


def _site(name: str, tmp_path_factory) -> Path:
    data, content, env = SITES[name]
    prebuilt = os.environ.get(env)
    if prebuilt:
        path = Path(prebuilt).resolve()
        if not (path / "index.html").is_file():
            pytest.fail(f"{env}={prebuilt} has no index.html", pytrace=False)
        return path
    return build_site(data, content, tmp_path_factory.mktemp(f"{name}-site") / "output")


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """Output folder of tests/fixtures/site built with --today 2026-11-24."""
    return _site("fixture", tmp_path_factory)


@pytest.fixture(scope="session")
def default_site(tmp_path_factory) -> Path:
    """Output folder of the shipped data/ + content/ built with --today 2026-11-24."""
    return _site("default", tmp_path_factory)


@pytest.fixture(scope="session", params=["fixture", "default"])
def built_site(request) -> Path:
    """Both built sites, one after the other (tests using it run twice)."""
    return request.getfixturevalue(f"{request.param}_site")


# --------------------------------------------------------------------------
# Serving


@pytest.fixture(scope="session")
def serve_site():
    """Factory: ``serve_site(folder)`` serves the folder on 127.0.0.1 with a
    free port (once per folder and session) and returns the base URL, without
    trailing slash."""
    stack = []
    urls: dict[Path, str] = {}

    def serve(folder: Path) -> str:
        folder = Path(folder).resolve()
        if folder not in urls:
            cm = sitekit.serve_directory(folder)
            urls[folder] = cm.__enter__()
            stack.append(cm)
        return urls[folder]

    yield serve
    for cm in reversed(stack):
        cm.__exit__(None, None, None)


@pytest.fixture(scope="session")
def built_site_url(built_site, serve_site) -> str:
    """Base URL of ``built_site`` served on 127.0.0.1."""
    return serve_site(built_site)


# --------------------------------------------------------------------------
# External tools: missing ones are failures, not skips.


def _need(condition: bool, what: str) -> None:
    if not condition:
        pytest.fail(f"{what} is missing: {sitekit.HOW_TO_GET_TOOLS}", pytrace=False)


@pytest.fixture(scope="session")
def node_modules() -> Path:
    path = sitekit.node_modules()
    _need(path.is_dir(), f"{path} (npm ci)")
    return path


@pytest.fixture(scope="session")
def java() -> str:
    path = sitekit.java_binary()
    _need(path is not None, "java (Debian package default-jre-headless)")
    return path


@pytest.fixture(scope="session")
def vnu_jar(node_modules) -> Path:
    path = sitekit.vnu_jar()
    _need(path.is_file(), f"{path} (npm package vnu-jar)")
    return path


@pytest.fixture(scope="session")
def axe_script(node_modules) -> Path:
    path = sitekit.axe_script()
    _need(path.is_file(), f"{path} (npm package axe-core)")
    return path


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright, shared by the whole session."""
    _need(sitekit.chromium_available(), f"{sitekit.CHROMIUM} (Debian package chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - depends on the environment
        _need(False, "the Python package playwright")
    with sync_playwright() as p:
        browser = sitekit.launch_chromium(p)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh browser context and page for one test (German locale, desktop
    viewport). Requests to anything but 127.0.0.1 are aborted, so a faulty
    page cannot send traffic out; test_privacy records and reports them."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    context.set_default_timeout(15_000)
    sitekit.block_non_local(context)
    pg = context.new_page()
    yield pg
    context.close()


# --------------------------------------------------------------------------
# Edge data sets (tests/fixtures/edge-sites/<name>/{data,content}): small sites that stress the
# edges the shipped example does not reach, each built once per session like the sites above.

EDGE_SITES_DIR = REPO_ROOT / "tests" / "fixtures" / "edge-sites"
EDGE_SITES = {
    # a filter value only a former member has, working groups without (current) members or
    # meetings, a site language (uk) without a single translated text
    "gaps": "filter values only a former member has, empty working groups, a language without texts",
    # one event in the whole data set, one member, no working group, no info mail
    "single-event": "a single event only",
}


@pytest.fixture(scope="session")
def edge_site(tmp_path_factory):
    """Factory: ``edge_site(name)`` is the output folder of the edge data set `name`, built once."""
    built: dict[str, Path] = {}

    def site(name: str) -> Path:
        if name not in built:
            source = EDGE_SITES_DIR / name
            built[name] = build_site(
                source / "data", source / "content", tmp_path_factory.mktemp(f"edge-{name}") / "output"
            )
        return built[name]

    return site
