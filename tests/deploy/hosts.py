"""Helpers for tests/deploy: real nginx and Apache serving a built site from the sample configurations.

Each server runs in the foreground on a free port of 127.0.0.1, from a temporary copy of the sample
in deploy/ with only the listening address and the document root replaced.
"""

from __future__ import annotations

import contextlib
import grp
import http.client
import os
import pwd
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NGINX = "/usr/sbin/nginx"
APACHE = "/usr/sbin/apache2"
APACHE_MODULES = Path("/usr/lib/apache2/modules")
SAMPLE_ROOT = "/var/www/netzwerk/current"  # the document root written in both samples
NEEDS = "run `bash .ci/run` (it installs nginx and apache2 from Debian)"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, log: Path, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server stopped (exit {process.returncode}):\n{read_tail(log)}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return
        time.sleep(0.05)
    raise AssertionError(f"the server did not listen on port {port} within {seconds} s:\n{read_tail(log)}")


def read_tail(path: Path) -> str:
    return path.read_text(errors="replace")[-3000:] if path.is_file() else f"({path.name} was not written)"


def substitute(text: str, old: str, new: str, name: str) -> str:
    """Replace `old` (which must be in the sample) by `new`."""
    assert old in text, f"{name}: the sample no longer contains {old!r}; update tests/deploy/hosts.py"
    return text.replace(old, new)


@dataclass
class Response:
    status: int
    headers: Message
    body: bytes

    def one(self, name: str) -> str:
        """The value of a header that must be sent exactly once."""
        values = self.headers.get_all(name) or []
        assert len(values) == 1, f"{name}: expected one header, got {values}"
        return values[0]

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


@dataclass
class Server:
    name: str
    port: int

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def get(self, path: str) -> Response:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request("GET", path, headers={"Accept-Encoding": "identity"})
            answer = connection.getresponse()
            return Response(answer.status, answer.msg, answer.read())
        finally:
            connection.close()


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@contextlib.contextmanager
def run_nginx(site: Path, work: Path) -> Iterator[Server]:
    """nginx in the foreground with deploy/nginx/netzwerk.conf serving `site`."""
    assert Path(NGINX).is_file(), f"{NGINX} is missing: {NEEDS}"
    work.mkdir(parents=True)
    port = free_port()
    sample = (ROOT / "deploy" / "nginx" / "netzwerk.conf").read_text(encoding="utf-8")
    sample = substitute(sample, "    listen 80;\n", f"    listen 127.0.0.1:{port};\n", "nginx")
    sample = substitute(sample, "    listen [::]:80;\n", "", "nginx")
    sample = substitute(sample, f"root {SAMPLE_ROOT};", f"root {site};", "nginx")
    (work / "netzwerk.conf").write_text(sample, encoding="utf-8")
    # nginx's standard list of types, beside the configuration (the sample includes mime.types).
    shutil.copy("/etc/nginx/mime.types", work / "mime.types")
    temp = "\n".join(
        f"    {kind}_temp_path {work / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    main = work / "nginx.conf"
    main.write_text(
        "worker_processes 1;\n"
        "events { worker_connections 64; }\n"
        "http {\n"
        "    include mime.types;\n"
        "    default_type application/octet-stream;\n"
        "    access_log off;\n"
        f"{temp}\n"
        "    include netzwerk.conf;\n"
        "}\n",
        encoding="utf-8",
    )
    log = work / "error.log"
    check = subprocess.run(
        [NGINX, "-t", "-p", str(work), "-e", str(log), "-c", str(main), "-g", f"pid {work / 'nginx.pid'};"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, f"nginx -t refused the sample:\n{check.stderr}"
    assert "warn" not in check.stderr, f"nginx warns about the sample:\n{check.stderr}"
    process = subprocess.Popen(
        [
            NGINX,
            "-p",
            str(work),
            "-e",
            str(log),
            "-c",
            str(main),
            "-g",
            f"daemon off; pid {work / 'nginx.pid'}; error_log {log};",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for_port(port, process, log)
        yield Server("nginx", port)
    finally:
        _stop(process)


APACHE_MODULE_FILES = {
    "mpm_event_module": "mod_mpm_event.so",
    "authz_core_module": "mod_authz_core.so",
    "mime_module": "mod_mime.so",
    "dir_module": "mod_dir.so",
    "headers_module": "mod_headers.so",
}


def apache_main_config(work: Path, port: int, sample: Path) -> Path:
    """A minimal main configuration that loads the needed modules and includes the sample."""
    loads = "\n".join(f"LoadModule {name} {APACHE_MODULES / file}" for name, file in APACHE_MODULE_FILES.items())
    user = ""
    if os.geteuid() == 0:
        # Apache serves as an unprivileged user; the test's folders are readable for everyone.
        nobody = pwd.getpwnam("nobody")
        user = f"User {nobody.pw_name}\nGroup {grp.getgrgid(nobody.pw_gid).gr_name}\n"
    main = work / "apache2.conf"
    main.write_text(
        f"{loads}\n"
        f"ServerRoot {work}\n"
        "ServerName 127.0.0.1\n"
        f"Listen 127.0.0.1:{port}\n"
        f"PidFile {work / 'apache2.pid'}\n"
        f"DefaultRuntimeDir {work}\n"
        f"ErrorLog {work / 'error.log'}\n"
        "LogLevel warn\n"
        "TypesConfig /etc/mime.types\n"
        f"{user}"
        # Like Debian's apache2.conf: nothing outside the site is served.
        "<Directory />\n    Options FollowSymLinks\n    AllowOverride None\n    Require all denied\n</Directory>\n"
        f"Include {sample}\n",
        encoding="utf-8",
    )
    return main


@contextlib.contextmanager
def run_apache(site: Path, work: Path) -> Iterator[Server]:
    """Apache httpd in the foreground with deploy/apache/netzwerk.conf serving `site`."""
    assert Path(APACHE).is_file(), f"{APACHE} is missing: {NEEDS}"
    work.mkdir(parents=True)
    port = free_port()
    sample = (ROOT / "deploy" / "apache" / "netzwerk.conf").read_text(encoding="utf-8")
    sample = substitute(sample, "<VirtualHost *:80>", f"<VirtualHost 127.0.0.1:{port}>", "apache")
    sample = substitute(sample, f'"{SAMPLE_ROOT}"', f'"{site}"', "apache")
    copy = work / "netzwerk.conf"
    copy.write_text(sample, encoding="utf-8")
    main = apache_main_config(work, port, copy)
    log = work / "error.log"
    check = subprocess.run([APACHE, "-t", "-f", str(main)], capture_output=True, text=True, check=False)
    assert check.returncode == 0, f"apache2 -t refused the sample:\n{check.stdout}{check.stderr}"
    process = subprocess.Popen(
        [APACHE, "-f", str(main), "-DFOREGROUND"], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT
    )
    try:
        wait_for_port(port, process, log)
        yield Server("apache", port)
    finally:
        _stop(process)


# -- reading the samples -------------------------------------------------------------------------------


def nginx_headers(text: str) -> dict[str, str]:
    """The add_header lines of the sample (active ones only), name -> value."""
    found = {}
    for name, quoted, bare in re.findall(r'^\s*add_header\s+(\S+)\s+(?:"([^"]*)"|(\S+))\s+always;', text, flags=re.M):
        assert name not in found, f"nginx: {name} is added twice"
        found[name] = quoted or bare
    return found


def nginx_map(text: str, variable: str) -> dict[str, str]:
    block = re.search(r"map \$uri \$" + variable + r" \{(.*?)\n\}", text, flags=re.S)
    assert block, f"nginx: no map for ${variable}"
    return dict(re.findall(r'^\s*(\S+)\s+"?([^";]+)"?;', block.group(1), flags=re.M))


def apache_headers(text: str) -> dict[str, dict[str, str]]:
    """`Header always set` lines by section ("" = the VirtualHost itself, else the section's opening line)."""
    found: dict[str, dict[str, str]] = {}
    section = ""
    for line in text.splitlines():
        stripped = line.strip()
        if re.match(r"<(Location|LocationMatch|Files|FilesMatch|Directory)\b", stripped):
            section = stripped
        elif re.match(r"</(Location|LocationMatch|Files|FilesMatch|Directory)>", stripped):
            section = ""
        match = re.match(r'Header\s+always\s+set\s+(\S+)\s+"([^"]*)"$', stripped)
        if match:
            found.setdefault(section, {})[match.group(1)] = match.group(2)
    return found


def netlify_headers(text: str) -> dict[str, dict[str, str]]:
    """The rules of a `_headers` file: path -> {name: value}."""
    rules: dict[str, dict[str, str]] = {}
    path = None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            path = line.strip()
            assert path not in rules, f"_headers: {path} has two rules"
            rules[path] = {}
            continue
        assert path, f"_headers: a header before any path: {line!r}"
        name, _, value = line.strip().partition(":")
        assert name not in rules[path], f"_headers: {name} twice for {path}"
        rules[path][name.strip()] = value.strip()
    return rules
