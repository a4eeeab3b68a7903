"""The host samples in deploy/ serve the shipped site as promised, and the CI templates and the Windows
commands in docs/ work.

The shipped site is built once; real nginx and real Apache serve it from temporary copies of
deploy/nginx/netzwerk.conf and deploy/apache/netzwerk.conf (only the address and the document root
replaced), and the answers are checked over HTTP: security headers, caching, content types, the
404 page per language. Chromium then opens pages through nginx and must see no Content-Security-
Policy violation and no console error. The CI templates are checked against GitHub's and GitLab's
published schemas and by evaluating their conditions for each kind of event; docs/windows.md's
commands are run for real.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

import hosts
import sitekit

ROOT = hosts.ROOT
TODAY = "2026-11-24"
PUBLIC_ADDRESS = "https://netzwerk.test/"  # a reserved name (RFC 6761): never a real host
VENV_BIN = Path(sys.executable).parent
CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self' mailto:; frame-ancestors 'none'"
)
SECURITY = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "X-Frame-Options": "DENY",
}
SHORT = "public, max-age=300"
YEAR = "public, max-age=31536000, immutable"
HOUR = "public, max-age=3600"
DAY = "public, max-age=86400"


# -- the site and the servers --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def workspace() -> Iterator[Path]:
    # Readable for everyone: Apache (and nginx's workers) serve as an unprivileged user when the tests run as root.
    folder = Path(tempfile.mkdtemp(prefix="netzwerk-deploy-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def site(workspace: Path) -> Path:
    """The shipped site, built as for a host that serves it at the root of its address (as the samples do).

    The 404 page is shown at any address, so its links start at the path of the public address
    (the network's website lies in a sub-folder); SITEURL sets that address, as `make publish` does.
    """
    output = workspace / "site"
    folders = ["--data", "data", "--content", "content", "--output", str(output)]
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "build", *folders, "--today", TODAY, "--settings", "publishconf.py"],
        cwd=ROOT,
        env={**os.environ, "SITEURL": PUBLIC_ADDRESS},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return output


@pytest.fixture(scope="module")
def nginx(site: Path, workspace: Path) -> Iterator[hosts.Server]:
    with hosts.run_nginx(site, workspace / "nginx") as server:
        yield server


@pytest.fixture(scope="module")
def apache(site: Path, workspace: Path) -> Iterator[hosts.Server]:
    with hosts.run_apache(site, workspace / "apache") as server:
        yield server


@pytest.fixture(scope="module", params=["nginx", "apache"])
def server(request: pytest.FixtureRequest) -> hosts.Server:
    return request.getfixturevalue(request.param)


def assert_security_headers(response: hosts.Response, where: str) -> None:
    for name, value in SECURITY.items():
        assert response.one(name) == value, f"{where}: {name}"
    assert not response.headers.get_all("Strict-Transport-Security"), f"{where}: HSTS belongs in a comment"


def stylesheet_href(home_html: str) -> str:
    match = re.search(r'<link rel="stylesheet" href="([^"]*theme/css/site\.css[^"]*)"', home_html)
    assert match, "the home page links no theme/css/site.css"
    return "/" + re.sub(r"^(\./)+", "", match.group(1))


# -- over HTTP ------------------------------------------------------------------------------------------


def test_html_page_headers(server: hosts.Server) -> None:
    for path in ("/", "/en/", "/members/"):
        response = server.get(path)
        assert response.status == 200, f"{server.name} {path}"
        assert response.one("Content-Type") == "text/html; charset=utf-8", f"{server.name} {path}"
        assert response.one("Cache-Control") == SHORT, f"{server.name} {path}"
        assert_security_headers(response, f"{server.name} {path}")


def test_theme_files_are_kept_for_a_year(server: hosts.Server) -> None:
    href = stylesheet_href(server.get("/").text)
    for path in (href, "/theme/js/site.js"):
        response = server.get(path)
        assert response.status == 200, f"{server.name} {path}"
        assert response.one("Cache-Control") == YEAR, f"{server.name} {path}"
        assert_security_headers(response, f"{server.name} {path}")
    assert server.get(href).one("Content-Type") == "text/css; charset=utf-8"


def test_theme_addresses_carry_a_version(site: Path) -> None:
    """A year of caching is only safe when a changed theme file gets a new address."""
    href = stylesheet_href((site / "index.html").read_text(encoding="utf-8"))
    assert re.search(r"\?v=\w+", href), f"{href}: no ?v=<hash> (theme files are cached for a year)"


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/feeds/info-mail.atom.xml", "application/atom+xml; charset=utf-8"),
        ("/en/feeds/events.atom.xml", "application/atom+xml; charset=utf-8"),
        ("/feeds/info-mail.rss.xml", "application/rss+xml; charset=utf-8"),
        ("/calendar/netzwerk.ics", "text/calendar; charset=utf-8"),
        ("/ar/calendar/netzwerk.ics", "text/calendar; charset=utf-8"),
    ],
)
def test_feeds_and_calendars(server: hosts.Server, path: str, content_type: str) -> None:
    response = server.get(path)
    assert response.status == 200, f"{server.name} {path}"
    assert response.one("Content-Type") == content_type, f"{server.name} {path}"
    assert response.one("Cache-Control") == SHORT, f"{server.name} {path}"
    assert_security_headers(response, f"{server.name} {path}")


def test_calendar_pdf_is_kept_for_a_day(server: hosts.Server, site: Path) -> None:
    pdf = next(iter(sorted(site.rglob("*.pdf"))), None)
    assert pdf, "the build made no calendar PDF (Pango missing? run `bash .ci/run`)"
    response = server.get("/" + pdf.relative_to(site).as_posix())
    assert response.status == 200
    assert response.one("Content-Type") == "application/pdf"
    assert response.one("Cache-Control") == DAY


def test_search_index(server: hosts.Server, site: Path) -> None:
    index = site / "pagefind"
    assert (index / "pagefind.js").is_file(), "the build made no search index (pagefind/pagefind.js)"
    response = server.get("/pagefind/pagefind.js")
    assert response.status == 200
    assert response.one("Cache-Control") == HOUR
    meta = next(iter(sorted(index.rglob("*.pf_meta"))), None)
    assert meta, "pagefind/ has no .pf_meta file"
    response = server.get("/" + meta.relative_to(site).as_posix())
    assert response.one("Content-Type") == "application/octet-stream"
    assert response.one("Cache-Control") == HOUR


@pytest.mark.parametrize(
    ("path", "page"),
    [
        ("/nothing/here", "404.html"),
        ("/nothing/here/", "404.html"),
        ("/en/nothing", "en/404.html"),
        ("/ar/nothing/x.ics", "ar/404.html"),
    ],
)
def test_unknown_address_gets_the_404_page_of_its_language(
    server: hosts.Server, site: Path, path: str, page: str
) -> None:
    assert (site / page).is_file(), f"the build made no {page}"
    response = server.get(path)
    assert response.status == 404, f"{server.name} {path}"
    assert response.body == (site / page).read_bytes(), f"{server.name} {path}: not the page {page}"
    assert response.one("Content-Type") == "text/html; charset=utf-8"
    assert_security_headers(response, f"{server.name} {path}")


def test_build_list_is_not_served(server: hosts.Server, site: Path) -> None:
    assert (site / ".netzwerk-build").is_file()
    assert server.get("/.netzwerk-build").status in (403, 404)


# -- in the browser -------------------------------------------------------------------------------------


def browser_pages(site: Path) -> list[str]:
    paths = []
    for lang, kind in [
        ("de", "home"),
        ("de", "members"),
        ("de", "member"),
        ("de", "events"),
        ("de", "event"),
        ("de", "period"),
        ("de", "subscribe"),
        ("de", "info-mail-article"),
        ("en", "event"),
        ("ar", "home"),
        ("ar", "period"),
    ]:
        page = sitekit.find_page(site, lang, kind)
        assert page, f"no {kind} page in {lang}"
        paths.append(sitekit.url_path(site, page))
    # The search pages, once the site has them.
    for lang, query in (("de", "Deutsch"), ("ar", "عربي")):
        if (site / sitekit.language_prefix(lang) / "search" / "index.html").is_file():
            paths.append(f"/{sitekit.language_prefix(lang)}search/?q={query}")
    return paths


def test_pages_honour_the_content_security_policy(nginx: hosts.Server, site: Path) -> None:
    assert sitekit.chromium_available(), f"{sitekit.CHROMIUM} is missing: {sitekit.HOW_TO_GET_TOOLS}"
    paths = [*browser_pages(site), "/nothing/here/", "/en/nothing/at/all"]
    # In a process of its own: the test session may already drive a Playwright browser.
    walker = Path(sitekit.__file__).with_name("csp_walk.py")
    result = subprocess.run(
        [sys.executable, str(walker), nginx.base, *paths], capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr[-3000:]
    problems = json.loads(result.stdout)
    assert not problems, "\n".join(problems)


# -- the samples agree ----------------------------------------------------------------------------------


def read(relative: str) -> str:
    return (ROOT / relative).read_text(encoding="utf-8")


def test_samples_state_the_same_headers() -> None:
    nginx = read("deploy/nginx/netzwerk.conf")
    apache = read("deploy/apache/netzwerk.conf")
    netlify = hosts.netlify_headers(read("deploy/_headers"))

    nginx_set = hosts.nginx_headers(nginx)
    assert nginx_set.pop("Cache-Control") == "$netzwerk_cache_control"
    assert nginx_set == SECURITY
    apache_set = hosts.apache_headers(apache)
    apache_all = dict(apache_set[""])
    assert apache_all.pop("Cache-Control") == SHORT
    assert apache_all == SECURITY
    assert netlify["/*"] == SECURITY

    cache = hosts.nginx_map(nginx, "netzwerk_cache_control")
    assert cache == {"default": SHORT, "~^/theme/": YEAR, "~^/pagefind/": HOUR, r"~\.pdf$": DAY}
    assert apache_set['<Location "/theme/">'] == {"Cache-Control": YEAR}
    assert apache_set['<Location "/pagefind/">'] == {"Cache-Control": HOUR}
    assert apache_set['<FilesMatch "\\.pdf$">'] == {"Cache-Control": DAY}
    assert netlify["/theme/*"] == {"Cache-Control": YEAR}
    assert netlify["/pagefind/*"] == {"Cache-Control": HOUR}
    for prefix in ("", "/en", "/ar"):
        assert netlify[f"{prefix}/calendar/*"] == {"Content-Type": "text/calendar; charset=utf-8"}

    not_found = hosts.nginx_map(nginx, "netzwerk_not_found")
    assert not_found == {"default": "/404.html", "~^/en/": "/en/404.html", "~^/ar/": "/ar/404.html"}
    for lang in ("en", "ar"):
        assert re.search(rf'<Location "/{lang}/">\s*ErrorDocument 404 /{lang}/404\.html\s*</Location>', apache)
    assert re.search(r"^\s*ErrorDocument 404 /404\.html$", apache, flags=re.M)

    # HSTS: documented everywhere, switched on nowhere.
    for name, text in (("nginx", nginx), ("apache", apache), ("_headers", read("deploy/_headers"))):
        lines = [line for line in text.splitlines() if "Strict-Transport-Security" in line]
        assert lines, f"{name}: HSTS is not documented"
        assert all(line.lstrip().startswith("#") for line in lines), f"{name}: HSTS must stay a comment"


def test_csp_allows_no_inline_code_and_no_other_host() -> None:
    directives = dict(part.strip().split(" ", 1) for part in CSP.split(";"))
    assert directives["default-src"] == "'self'"
    for name, value in directives.items():
        assert "unsafe-inline" not in value and "unsafe-eval'" not in value.replace("wasm-unsafe-eval'", ""), name
        assert not re.search(r"https?:|\*", value), f"{name} allows another host"


def test_netlify_sample() -> None:
    import tomllib

    config = tomllib.loads(read("deploy/netlify/netlify.toml"))
    command = config["build"]["command"]
    publish = config["build"]["publish"]
    assert command.startswith("set -e;")
    assert "--is-shallow-repository" in command and "fetch --unshallow" in command
    assert f"cp deploy/_headers {publish}/_headers" in command
    assert f"--output {publish}" in command and "--settings publishconf.py" in command
    redirects = {r["from"]: (r["to"], r["status"], r.get("force", False)) for r in config["redirects"]}
    assert redirects == {"/en/*": ("/en/404.html", 404, False), "/ar/*": ("/ar/404.html", 404, False)}


# -- the CI templates -------------------------------------------------------------------------------------


def makefile_targets() -> set[str]:
    return set(re.findall(r"^([a-z][\w-]*):", read("Makefile"), flags=re.M))


def make_commands(script: str) -> list[str]:
    return re.findall(r"(?:^|&&|;|\|\|)\s*make\s+([a-z][\w-]*)", script, flags=re.M)


@pytest.mark.parametrize(
    ("path", "schema"),
    [("deploy/ci/github-actions.yml", "vendor.github-workflows"), ("deploy/ci/gitlab-ci.yml", "vendor.gitlab-ci")],
)
def test_ci_template_matches_the_published_schema(path: str, schema: str) -> None:
    result = subprocess.run(
        [str(VENV_BIN / "check-jsonschema"), "--builtin-schema", schema, path],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def no_secrets(text: str) -> None:
    assert not re.search(r"PRIVATE KEY|ghp_|glpat-|github_pat_", text), "a secret in a CI template"


def github_if(expression: str, event: str, ref: str, failed: bool = False) -> bool:
    """Evaluate a workflow `if:` (the subset the template uses) for one event."""
    python = expression.replace("&&", " and ").replace("||", " or ")
    python = re.sub(r"!(?!=)", " not ", python)
    python = python.replace("github.event_name", repr(event)).replace("github.ref", repr(ref))
    assert re.fullmatch(r"[\s\w'()=!/.-]*", python), f"unexpected expression: {expression}"
    return bool(eval(python, {"__builtins__": {}}, {"cancelled": lambda: False, "failure": lambda: failed}))


def test_github_actions_template() -> None:
    text = read("deploy/ci/github-actions.yml")
    no_secrets(text)
    workflow = yaml.safe_load(text)
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads `on` as true
    assert triggers["push"] is None and triggers["pull_request"] is None, "every push and pull request"
    (cron,) = (entry["cron"] for entry in triggers["schedule"])
    assert re.fullmatch(r"\d+ \d+ \* \* \*", cron), f"{cron}: not daily"
    jobs = workflow["jobs"]

    def runs(job: str) -> list[str]:
        return [step["run"] for step in jobs[job]["steps"] if "run" in step]

    def checkout(job: str) -> dict:
        (step,) = (s for s in jobs[job]["steps"] if s.get("uses", "").startswith("actions/checkout@"))
        return step.get("with", {})

    def cached(job: str) -> bool:
        return any(
            s.get("uses", "").startswith("actions/cache@") and s["with"]["path"] == ".cache" for s in jobs[job]["steps"]
        )

    check = runs("check")
    assert [c for c in check if c in ("make validate", "make build", "bash .ci/run")] == [
        "make validate",
        "make build",
        "bash .ci/run",
    ]
    assert "make publish" in runs("publish")
    for job in ("check", "publish"):
        assert checkout(job).get("fetch-depth") == 0, f"{job}: the calendar needs the whole history"
        assert cached(job), f"{job}: .cache/ is not kept"
    env = jobs["publish"]["env"]
    assert set(env) >= {"PUBLISH_TARGET", "SITEURL"}
    assert all(re.fullmatch(r"\$\{\{ (vars|secrets)\.\w+ \}\}", value) for value in env.values()), env

    # Which jobs run, for each event (publish needs check: it runs when check passed or was skipped).
    main, branch = "refs/heads/main", "refs/heads/feature"
    for event, ref, check_runs, publish_runs in [
        ("push", branch, True, False),
        ("pull_request", "refs/pull/7/merge", True, False),
        ("push", main, True, True),
        ("schedule", main, False, True),
        ("workflow_dispatch", main, False, True),
    ]:
        assert github_if(jobs["check"]["if"], event, ref) is check_runs, (event, ref)
        assert github_if(jobs["windows"]["if"], event, ref) is check_runs, (event, ref)
        assert github_if(jobs["publish"]["if"], event, ref) is publish_runs, (event, ref)
        assert not github_if(jobs["publish"]["if"], event, ref, failed=True), "publishes after a failed check"
    assert jobs["publish"]["needs"] == "check"

    used = {target for script in runs("check") + runs("publish") for target in make_commands(script)}
    assert used <= makefile_targets(), f"make targets the Makefile lacks: {sorted(used - makefile_targets())}"

    # The Windows job types the commands of docs/windows.md.
    assert "windows" in jobs["windows"]["runs-on"]
    assert jobs["windows"]["defaults"]["run"]["shell"] == "pwsh"
    documented = set(windows_commands())
    typed = {
        line.strip()
        for script in runs("windows")
        for line in script.splitlines()
        if line.strip().startswith((".venv", "py "))
    }
    assert {c for c in typed if not c.startswith(".venv\\Scripts\\invoke --list")} <= documented, typed - documented


def gitlab_rule(expression: str, variables: dict[str, str]) -> bool:
    """Evaluate a GitLab `rules: if:` (the subset the template uses)."""
    python = expression.replace("&&", " and ").replace("||", " or ")
    python = re.sub(r"\$(\w+)", lambda m: repr(variables.get(m.group(1))), python)
    assert re.fullmatch(r"""[\s\w'"()=!/.-]*""", python), f"unexpected expression: {expression}"
    return bool(eval(python, {"__builtins__": {}}, {}))


def gitlab_runs(rules: list[dict], variables: dict[str, str]) -> bool:
    for rule in rules:
        if "if" not in rule or gitlab_rule(rule["if"], variables):
            return rule.get("when", "on_success") != "never"
    return False


def test_gitlab_ci_template() -> None:
    text = read("deploy/ci/gitlab-ci.yml")
    no_secrets(text)
    pipeline = yaml.safe_load(text)
    assert pipeline["variables"]["GIT_DEPTH"] == "0", "the calendar needs the whole history"
    assert ".cache/" in pipeline["default"]["cache"]["paths"]
    check, publish = pipeline["check"], pipeline["publish"]
    assert [c for c in check["script"] if c in ("make validate", "make build", "bash .ci/run")] == [
        "make validate",
        "make build",
        "bash .ci/run",
    ]
    assert "make publish" in publish["script"]
    assert pipeline["stages"].index(check["stage"]) < pipeline["stages"].index(publish["stage"])

    def event(source: str, branch: str | None, open_mr: bool = False) -> dict[str, str]:
        variables = {"CI_PIPELINE_SOURCE": source, "CI_DEFAULT_BRANCH": "main"}
        if branch:
            variables["CI_COMMIT_BRANCH"] = branch
        if open_mr:
            variables["CI_OPEN_MERGE_REQUESTS"] = "group/site!7"
        return variables

    for variables, check_runs, publish_runs in [
        (event("push", "feature"), True, False),
        (event("merge_request_event", None), True, False),
        (event("push", "main"), True, True),
        (event("schedule", "main"), False, True),
        (event("web", "main"), False, True),
        (event("schedule", "feature"), False, False),
    ]:
        assert gitlab_runs(pipeline["workflow"]["rules"], variables), variables
        assert gitlab_runs(check["rules"], variables) is check_runs, variables
        assert gitlab_runs(publish["rules"], variables) is publish_runs, variables
    # A push to a branch with an open merge request runs once, as the merge request pipeline.
    assert not gitlab_runs(pipeline["workflow"]["rules"], event("push", "feature", open_mr=True))

    scripts = [line for job in (check, publish) for line in job["script"]]
    used = {target for script in scripts for target in make_commands(script)}
    assert used <= makefile_targets(), f"make targets the Makefile lacks: {sorted(used - makefile_targets())}"


# -- Windows ----------------------------------------------------------------------------------------------


def windows_blocks() -> list[list[str]]:
    blocks = re.findall(r"^```powershell\n(.*?)^```", read("docs/windows.md"), flags=re.S | re.M)
    return [[line.strip() for line in block.splitlines() if line.strip()] for block in blocks]


def windows_commands() -> list[str]:
    return [line for block in windows_blocks() for line in block if not line.startswith("$env:")]


def local(command: str) -> list[str]:
    """A documented command with .venv\\Scripts\\ mapped to this environment's programs."""
    words = command.split()
    match = re.fullmatch(r"\.venv\\Scripts\\(\w+)", words[0])
    assert match, f"{command}: not a program of .venv\\Scripts"
    return [str(VENV_BIN / match.group(1)), *words[1:]]


def test_windows_install_commands_match_the_makefile() -> None:
    (install,) = (block for block in windows_blocks() if block[0].startswith("py -m venv"))
    assert install[0] == "py -m venv .venv"
    makefile = re.search(
        r"\$\(BIN\)/python -m pip install --quiet (-c constraints\.txt -e \.)$", read("Makefile"), re.M
    )
    assert makefile
    assert install[1] == f".venv\\Scripts\\python -m pip install {makefile.group(1)}"


def test_windows_tasks_exist_and_run(workspace: Path) -> None:
    commands = windows_commands()
    invoked = [c for c in commands if c.startswith(".venv\\Scripts\\invoke ")]
    tasks = {c.split()[1] for c in invoked}
    assert tasks >= {"build", "serve", "validate", "test", "publish"}, tasks

    listing = subprocess.run(local(".venv\\Scripts\\invoke --list"), cwd=ROOT, capture_output=True, text=True)
    assert listing.returncode == 0, listing.stderr
    listed = set(re.findall(r"^\s+([a-z][\w-]*)", listing.stdout, flags=re.M))
    assert tasks <= listed, f"docs/windows.md names tasks invoke lacks: {sorted(tasks - listed)}"
    # The Makefile's targets that the README documents have their task.
    assert {"build", "serve", "validate", "test"} <= listed

    validate = subprocess.run(local(".venv\\Scripts\\invoke validate"), cwd=ROOT, capture_output=True, text=True)
    assert validate.returncode == 0, validate.stdout + validate.stderr
    assert "valid" in validate.stdout
    assert ".venv\\Scripts\\invoke validate" in commands

    assert ".venv\\Scripts\\invoke build" in commands
    output = workspace / "windows-build"
    build = subprocess.run(
        [*local(".venv\\Scripts\\invoke build"), "--output", str(output), "--today", TODAY],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    assert (output / "index.html").is_file()
    # The longer build command in the text names real options.
    long_form = re.search(r"`(\.venv\\Scripts\\invoke build --[^`]+)`", read("docs/windows.md"))
    assert long_form
    options = set(re.findall(r"--([a-z-]+)", long_form.group(1)))
    help_text = subprocess.run(
        [*local(".venv\\Scripts\\invoke"), "--help", "build"], cwd=ROOT, capture_output=True, text=True
    )
    assert options <= set(re.findall(r"--([a-z-]+)", help_text.stdout)), options
