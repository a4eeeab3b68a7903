"""Lighthouse 12 (npm `lighthouse`, in Debian's Chromium) on the pages the issue names: the
homepage, the events page and a member page, in German and Arabic. Accessibility, best practices
and SEO must score 100, performance at least 95 (Lighthouse's default mobile run, simulated
throttling). The failing audits are named in the message."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
import sitekit

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
REQUIRED = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
PAGES = [("de", "home"), ("de", "events"), ("de", "member"), ("ar", "home"), ("ar", "events"), ("ar", "member")]
LIGHTHOUSE = sitekit.node_modules() / "lighthouse" / "cli" / "index.js"


def lighthouse(url: str, report: Path) -> dict:
    if not LIGHTHOUSE.is_file() or not sitekit.chromium_available():
        pytest.fail(f"Lighthouse or Chromium is missing: {sitekit.HOW_TO_GET_TOOLS}", pytrace=False)
    flags = " ".join(["--headless=new", *sitekit.CHROMIUM_ARGS])
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={flags}",
        "--quiet",
    ]
    env = {**os.environ, "CHROME_PATH": sitekit.CHROMIUM}
    result = subprocess.run(command, capture_output=True, text=True, timeout=180, env=env, check=False)
    if result.returncode != 0 or not report.is_file():
        pytest.fail(f"Lighthouse failed on {url}:\n{result.stderr[-3000:]}", pytrace=False)
    return json.loads(report.read_text(encoding="utf-8"))


def shortfalls(report: dict) -> list[str]:
    """Each category below its target, with the audits that cost it points."""
    problems = []
    for name, target in REQUIRED.items():
        category = report["categories"][name]
        if category["score"] is None or category["score"] < target:
            lost = [
                f"{ref['id']} ({report['audits'][ref['id']].get('displayValue', '')})"
                for ref in category["auditRefs"]
                if ref["weight"] > 0 and (report["audits"][ref["id"]]["score"] or 0) < 1
            ]
            problems.append(f"{name}: {category['score']} < {target}; audits: {', '.join(lost)}")
    return problems


@pytest.mark.parametrize(("lang", "page_type"), PAGES, ids=[f"{lang}-{page}" for lang, page in PAGES])
def test_lighthouse_scores(default_site: Path, tmp_path: Path, lang: str, page_type: str) -> None:
    page = sitekit.find_page(default_site, lang, page_type)
    assert page is not None, f"the built site has no {lang} {page_type} page"
    with sitekit.serve_directory(default_site) as base:
        report = lighthouse(base + sitekit.url_path(default_site, page), tmp_path / "report.json")
    assert "runtimeError" not in report, report.get("runtimeError")
    assert not shortfalls(report), "\n".join(shortfalls(report))
