"""Open pages in Debian's Chromium and report what a Content-Security-Policy or a broken page shows:
CSP violations, console errors, failed requests and answers of 400 or more.

    python csp_walk.py BASE_URL PATH... (a path containing "nothing" is expected to answer 404)

Prints a JSON list of problems (empty: none). Runs in its own process, so a test can use it beside
the test session's own Playwright browser.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from urllib.parse import unquote

sys.path.insert(0, str(Path(__file__).resolve().parent))

import sitekit

COLLECT_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
});
"""


def walk(base: str, paths: list[str]) -> list[str]:
    from playwright.sync_api import sync_playwright

    problems: list[str] = []
    current = {"path": "", "url": ""}

    def on_console(message) -> None:
        if message.type != "error":
            return
        # The 404 page's own status is expected; a missing stylesheet or script is not.
        if unquote(message.location.get("url", "")) == current["url"] and "status of 404" in message.text:
            return
        problems.append(f"{current['path']}: console: {message.text} ({message.location.get('url')})")

    def on_response(response) -> None:
        if unquote(response.url) != current["url"] and response.status >= 400:
            problems.append(f"{current['path']}: {response.status} for {response.url}")

    with sync_playwright() as playwright:
        browser = sitekit.launch_chromium(playwright)
        try:
            context = browser.new_context()
            sitekit.block_non_local(context)
            context.add_init_script(COLLECT_VIOLATIONS)
            page = context.new_page()
            page.on("console", on_console)
            page.on("response", on_response)
            page.on("pageerror", lambda error: problems.append(f"{current['path']}: script error: {error}"))
            page.on("requestfailed", lambda r: problems.append(f"{current['path']}: request failed: {r.url}"))
            for path in paths:
                current.update(path=path, url=base + path)
                response = page.goto(current["url"], wait_until="load")
                expected = 404 if "nothing" in path else 200
                if response is None or response.status != expected:
                    problems.append(f"{path}: HTTP {response and response.status}, expected {expected}")
                    continue
                page.wait_for_load_state("networkidle")
                problems += [f"{path}: CSP: {v}" for v in page.evaluate("window.__csp")]
        finally:
            browser.close()
    return problems


if __name__ == "__main__":
    print(json.dumps(walk(sys.argv[1], sys.argv[2:])))
