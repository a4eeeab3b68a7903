"""`make mail-send`: the written info mail delivered to a real SMTP server (aiosmtpd on 127.0.0.1, a free port),
a dry run by default, and clear words for a missing configuration, a refused login or an unreachable server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from email import message_from_bytes, policy
from pathlib import Path

import pytest
import yaml
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, Envelope

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "tools"))
from mail_commands import invoke  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "site"
MONTH = "2026-11"
LIST = "infomail@lists.test.example"
USER, PASSWORD = "netzwerk", "richtig"


class LocalController(Controller):
    """aiosmtpd's Controller on a free port: it learns the port the system chose before it checks the server."""

    def _trigger_server(self) -> None:
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


class Inbox:
    """Keeps every message the server accepts."""

    def __init__(self) -> None:
        self.envelopes: list[Envelope] = []
        self.logged_in: list[bool] = []

    async def handle_DATA(self, server, session, envelope: Envelope) -> str:
        self.envelopes.append(envelope)
        self.logged_in.append(bool(session.authenticated))
        return "250 Message accepted for delivery"


def _check_login(server, session, envelope, mechanism, auth_data) -> AuthResult:
    # handled=False: aiosmtpd answers a failure with 535 itself
    return AuthResult(
        success=(auth_data.login, auth_data.password) == (USER.encode(), PASSWORD.encode()), handled=False
    )


def _serve(**options: object) -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    controller = LocalController(inbox, hostname="127.0.0.1", port=0, **options)
    controller.start()
    try:
        yield inbox, controller.port
    finally:
        controller.stop()


@pytest.fixture
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    """A real SMTP server on 127.0.0.1 that takes mail without a login."""
    yield from _serve()


@pytest.fixture
def smtp_server_with_login() -> Iterator[tuple[Inbox, int]]:
    """A real SMTP server on 127.0.0.1 that offers a login without TLS (on this machine only) and checks it."""
    yield from _serve(authenticator=_check_login, auth_require_tls=False)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> dict[str, Path]:
    """The fixture site built, and its info mail of the month written as .eml files."""
    root = tmp_path_factory.mktemp("mail-send")
    paths = {"data": FIXTURE / "data", "content": FIXTURE / "content", "output": root / "output"}
    result = invoke(
        "mail-eml",
        *(f"--{name}={path}" for name, path in paths.items()),
        *("--today", "2026-11-24", "--month", MONTH),
        env={"NETZWERK_MAIL_LIST": LIST},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    german = next(line for line in result.stdout.splitlines() if line.endswith(f"{MONTH}.de.eml"))
    return {**paths, "eml": Path(german)}


def mail_send(site: dict[str, Path], env: dict[str, str], *extra: str) -> subprocess.CompletedProcess[str]:
    folders = [f"--{name}={site[name]}" for name in ("data", "content", "output")]
    return invoke("mail-send", *folders, "--month", MONTH, *extra, env=env)


def server_env(port: int, **more: str) -> dict[str, str]:
    return {
        "NETZWERK_SMTP_HOST": "127.0.0.1",
        "NETZWERK_SMTP_PORT": str(port),
        "NETZWERK_SMTP_SECURITY": "none",
        "NETZWERK_MAIL_LIST": LIST,
        **more,
    }


def network_email() -> str:
    return yaml.safe_load((FIXTURE / "data" / "network.yaml").read_text(encoding="utf-8"))["email"]


def test_a_dry_run_says_what_would_be_sent_and_sends_nothing(site, smtp_server) -> None:
    inbox, port = smtp_server
    result = mail_send(site, server_env(port))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Dry run" in result.stdout and LIST in result.stdout and f"127.0.0.1:{port}" in result.stdout
    assert "SEND=yes" in result.stdout
    assert inbox.envelopes == []


def test_send_yes_delivers_the_written_file(site, smtp_server) -> None:
    inbox, port = smtp_server
    result = mail_send(site, server_env(port), "--send", "yes")
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(inbox.envelopes) == 1
    envelope = inbox.envelopes[0]
    assert envelope.rcpt_tos == [LIST]
    assert envelope.mail_from == network_email()
    arrived = message_from_bytes(envelope.original_content, policy=policy.default)
    written = message_from_bytes(site["eml"].read_bytes(), policy=policy.default)
    for header in ("Subject", "From", "To", "Date", "Message-ID", "Content-Language"):
        assert arrived[header] == written[header], header
    for kind in ("plain", "html"):
        assert arrived.get_body((kind,)).get_content() == written.get_body((kind,)).get_content()


def test_a_login_the_server_accepts(site, smtp_server_with_login) -> None:
    inbox, port = smtp_server_with_login
    env = server_env(port, NETZWERK_SMTP_USER=USER, NETZWERK_SMTP_PASSWORD=PASSWORD)
    result = mail_send(site, env, "--send", "yes", "--to", "test@test.example")
    assert result.returncode == 0, result.stdout + result.stderr
    assert [e.rcpt_tos for e in inbox.envelopes] == [["test@test.example"]]
    assert inbox.logged_in == [True]


def test_a_refused_login_is_explained_and_nothing_is_sent(site, smtp_server_with_login) -> None:
    inbox, port = smtp_server_with_login
    env = server_env(port, NETZWERK_SMTP_USER=USER, NETZWERK_SMTP_PASSWORD="falsch")
    result = mail_send(site, env, "--send", "yes")
    message = result.stdout + result.stderr
    assert result.returncode == 1, message
    assert "refused the login" in message and "NETZWERK_SMTP_PASSWORD" in message and "Traceback" not in message
    assert "falsch" not in message  # the password is never shown
    assert inbox.envelopes == []


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize(
    ("env", "send", "expected"),
    [
        ({}, "yes", "NETZWERK_SMTP_HOST is not set"),
        ({}, "", "NETZWERK_SMTP_HOST is not set"),  # the dry run checks the settings too
        ({"NETZWERK_SMTP_HOST": "127.0.0.1", "NETZWERK_SMTP_SECURITY": "tls"}, "", "write starttls, ssl or none"),
        ({"NETZWERK_SMTP_HOST": "127.0.0.1", "NETZWERK_SMTP_USER": USER}, "", "set both NETZWERK_SMTP_USER"),
        (
            {"NETZWERK_SMTP_HOST": "smtp.test.example", "NETZWERK_SMTP_SECURITY": "none"}
            | {"NETZWERK_SMTP_USER": USER, "NETZWERK_SMTP_PASSWORD": PASSWORD},
            "yes",
            "would send the password unencrypted",
        ),
        ({"NETZWERK_SMTP_HOST": "127.0.0.1", "NETZWERK_MAIL_LIST": ""}, "yes", "set NETZWERK_MAIL_LIST"),
        ({"NETZWERK_SMTP_HOST": "127.0.0.1", "NETZWERK_SMTP_PORT": "CLOSED"}, "yes", "Could not reach"),
        ({"NETZWERK_SMTP_HOST": "127.0.0.1"}, "maybe", "SEND=yes sends the mail"),
    ],
)
def test_settings_that_cannot_work_are_explained(site, env: dict[str, str], send: str, expected: str) -> None:
    settings = {"NETZWERK_MAIL_LIST": LIST, "NETZWERK_SMTP_SECURITY": "none", **env}
    if settings.get("NETZWERK_SMTP_PORT") == "CLOSED":
        settings["NETZWERK_SMTP_PORT"] = str(_closed_port())
    result = mail_send(site, settings, "--send", send)
    message = result.stdout + result.stderr
    assert result.returncode == 1, message
    assert expected in message and "Traceback" not in message, message


def test_a_month_without_a_written_mail_says_what_to_run(site) -> None:
    folders = [f"--{name}={site[name]}" for name in ("data", "content", "output")]
    result = invoke("mail-send", *folders, "--month", "2026-10", env=server_env(25))
    assert result.returncode == 1
    assert "make mail-eml MONTH=2026-10" in result.stdout + result.stderr


def test_make_sends_only_when_send_is_written_on_the_command_line() -> None:
    """An exported SEND=yes in the shell must not send by accident: make passes --send "" then."""

    def planned(*args: str, env: dict[str, str]) -> str:
        result = subprocess.run(
            ["make", "-n", "mail-send", *args], cwd=ROOT, capture_output=True, text=True, check=False, env=env
        )
        assert result.returncode == 0, result.stderr
        return next(line for line in result.stdout.splitlines() if "invoke mail-send" in line)

    base = {k: v for k, v in os.environ.items() if k != "SEND"}
    assert '--send "yes"' in planned("MONTH=2026-11", "SEND=yes", env=base)
    assert '--send ""' in planned("MONTH=2026-11", env={**base, "SEND": "yes"})
    assert '--month "2026-11"' in planned("MONTH=2026-11", env=base)
