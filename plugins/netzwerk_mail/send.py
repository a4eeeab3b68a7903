"""Delivering a written info mail (.eml, see message.py) through an SMTP server.

The server and the recipients come from environment variables, never from the repository:
  NETZWERK_SMTP_HOST       the server, e.g. smtp.example.org (required)
  NETZWERK_SMTP_PORT       default 587 with STARTTLS, 465 with SSL, 25 without
  NETZWERK_SMTP_SECURITY   starttls (default), ssl, or none (only for a server on this machine when logging in)
  NETZWERK_SMTP_USER       login name, if the server asks for one
  NETZWERK_SMTP_PASSWORD   its password (both or neither)
  NETZWERK_MAIL_LIST       the list address the mail goes to (a task's --to overrides it, e.g. for a test)

The file's bytes are sent as they are: what was checked is what arrives.
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Mapping
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

from email_validator import EmailNotValidError, validate_email

SECURITY_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
TIMEOUT_S = 60


class SendProblem(Exception):
    """Why the mail was not sent, in the coordinator's words."""


def _address(value: str, where: str) -> str:
    try:
        return validate_email(value.strip(), check_deliverability=False).normalized
    except EmailNotValidError as error:
        raise SendProblem(f"{where}: {value.strip()!r} is not an e-mail address ({error})") from None


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: str  # starttls, ssl or none
    user: str | None = None
    password: str | None = field(default=None, repr=False)

    @classmethod
    def from_environment(cls, env: Mapping[str, str]) -> SmtpSettings:
        """The server settings, or one SendProblem that names every missing or wrong variable."""
        problems = []
        host = env.get("NETZWERK_SMTP_HOST", "").strip()
        if not host:
            problems.append("NETZWERK_SMTP_HOST is not set: the name of your SMTP server, e.g. smtp.example.org")
        security = env.get("NETZWERK_SMTP_SECURITY", "starttls").strip().lower() or "starttls"
        if security not in SECURITY_PORTS:
            problems.append(f"NETZWERK_SMTP_SECURITY={security!r}: write starttls, ssl or none")
            security = "starttls"
        port_text = env.get("NETZWERK_SMTP_PORT", "").strip()
        port = SECURITY_PORTS[security]
        if port_text:
            if port_text.isdigit() and 0 < int(port_text) < 65536:
                port = int(port_text)
            else:
                problems.append(f"NETZWERK_SMTP_PORT={port_text!r}: write a port number, e.g. 587")
        user = env.get("NETZWERK_SMTP_USER", "").strip() or None
        password = env.get("NETZWERK_SMTP_PASSWORD") or None
        if bool(user) != bool(password):
            problems.append("set both NETZWERK_SMTP_USER and NETZWERK_SMTP_PASSWORD, or neither")
        if user and security == "none" and host not in LOCAL_HOSTS:
            problems.append(
                "NETZWERK_SMTP_SECURITY=none would send the password unencrypted to another machine: "
                "use starttls or ssl"
            )
        if problems:
            raise SendProblem("The SMTP settings are incomplete:\n" + "\n".join(f"  {p}" for p in problems))
        return cls(host, port, security, user, password)

    def describe(self) -> str:
        how = {"starttls": "STARTTLS", "ssl": "SSL/TLS", "none": "no encryption"}[self.security]
        who = f", logging in as {self.user!r}" if self.user else ", without login"
        return f"{self.host}:{self.port} ({how}{who})"


def recipients(env: Mapping[str, str], to: str | None = None) -> list[str]:
    """Where the mail goes: `to` (comma-separated) if given, else NETZWERK_MAIL_LIST."""
    given, where = (to, "--to") if to else (env.get("NETZWERK_MAIL_LIST", ""), "NETZWERK_MAIL_LIST")
    found = [_address(part, where) for part in given.split(",") if part.strip()]
    if not found:
        raise SendProblem(
            "No recipient: set NETZWERK_MAIL_LIST to the list address that distributes the info mail "
            "(or name one with TO= for a test)"
        )
    return found


@dataclass(frozen=True)
class Outgoing:
    """A written .eml as it will be sent."""

    path: Path
    raw: bytes
    sender: str
    subject: str
    to_header: str

    @classmethod
    def read(cls, path: Path) -> Outgoing:
        raw = path.read_bytes()
        message = message_from_bytes(raw, policy=policy.default)
        senders = getaddresses([str(message.get("From", ""))])
        if not senders or not senders[0][1]:
            raise SendProblem(f"{path} has no From address: write it again with make mail-eml")
        return cls(path, raw, senders[0][1], str(message.get("Subject", "")), str(message.get("To", "")))


def find_eml(folder: Path, month: str, lang: str, slug: str | None = None) -> Path:
    """The written .eml of that month in that language (by its Date), or a SendProblem saying what to do."""
    matches = []
    for path in sorted(folder.glob(f"*.{lang}.eml")):
        if slug is not None and path.name != f"{slug}.{lang}.eml":
            continue
        message = message_from_bytes(path.read_bytes(), policy=policy.default)
        sent = message.get("Date")
        if sent and parsedate_to_datetime(str(sent)).strftime("%Y-%m") == month:  # its own (the network's) offset
            matches.append(path)
    if not matches:
        raise SendProblem(
            f"There is no written info mail of {month} in {lang} in {folder}: run make mail-eml MONTH={month} first"
        )
    if len(matches) > 1:
        names = ", ".join(p.name for p in matches)
        raise SendProblem(f"{folder} has several info mails of {month} in {lang} ({names}): choose one with SLUG=")
    return matches[0]


def dry_run_report(outgoing: Outgoing, to: list[str], smtp: SmtpSettings) -> str:
    lines = [
        "Dry run: nothing was sent.",
        f"  would send {outgoing.path} ({len(outgoing.raw) // 1024 + 1} KB)",
        f"  subject:   {outgoing.subject}",
        f"  from:      {outgoing.sender}",
        f"  to:        {', '.join(to)}",
        f"  through:   {smtp.describe()}",
    ]
    if outgoing.to_header and set(a for _n, a in getaddresses([outgoing.to_header])) != set(to):
        lines.append(f"  (the mail's To: line says {outgoing.to_header}; it is delivered to the addresses above)")
    lines.append("To send it, run the same command with SEND=yes.")
    return "\n".join(lines)


def _connect(smtp: SmtpSettings, timeout: float) -> smtplib.SMTP:
    context = ssl.create_default_context()
    if smtp.security == "ssl":
        return smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=timeout, context=context)
    client = smtplib.SMTP(smtp.host, smtp.port, timeout=timeout)
    if smtp.security == "starttls":
        client.ehlo()
        client.starttls(context=context)
    return client


def deliver(outgoing: Outgoing, to: list[str], smtp: SmtpSettings, timeout: float = TIMEOUT_S) -> None:
    """Send the file's bytes to `to`; every failure becomes a SendProblem that says what to check."""
    server = f"the SMTP server {smtp.host}:{smtp.port}"
    try:
        with _connect(smtp, timeout) as client:
            client.ehlo()
            if smtp.user:
                client.login(smtp.user, smtp.password or "")
            refused = client.sendmail(outgoing.sender, to, outgoing.raw)
    except smtplib.SMTPAuthenticationError as error:
        raise SendProblem(
            f"{server} refused the login of {smtp.user!r} ({error.smtp_code} {_said(error.smtp_error)}). "
            "Check NETZWERK_SMTP_USER and NETZWERK_SMTP_PASSWORD."
        ) from None
    except smtplib.SMTPNotSupportedError as error:
        raise SendProblem(
            f"{server} does not support what was asked ({error}): with NETZWERK_SMTP_SECURITY=starttls it must "
            "offer STARTTLS; try ssl (port 465), and a login needs a server that offers AUTH."
        ) from None
    except smtplib.SMTPSenderRefused as error:
        raise SendProblem(
            f"{server} does not accept mail from {outgoing.sender} ({error.smtp_code} {_said(error.smtp_error)}): "
            "the login may not be allowed to send as the network's address."
        ) from None
    except smtplib.SMTPRecipientsRefused as error:
        refused_all = ", ".join(f"{a} ({code} {_said(text)})" for a, (code, text) in error.recipients.items())
        raise SendProblem(f"{server} refused every recipient: {refused_all}. Nothing was sent.") from None
    except ssl.SSLError as error:
        raise SendProblem(
            f"The encrypted connection to {server} failed ({error.reason or error}). Check NETZWERK_SMTP_SECURITY "
            "(starttls for port 587, ssl for port 465) and NETZWERK_SMTP_PORT."
        ) from None
    except smtplib.SMTPException as error:
        raise SendProblem(f"{server} did not take the mail: {error}") from None
    except OSError as error:
        raise SendProblem(
            f"Could not reach {server} ({error.strerror or error}). Check NETZWERK_SMTP_HOST and NETZWERK_SMTP_PORT, "
            "and that this computer is online."
        ) from None
    if refused:
        listed = ", ".join(f"{a} ({code} {_said(text)})" for a, (code, text) in refused.items())
        raise SendProblem(f"Sent, but {server} refused some recipients: {listed}.")


def _said(reply: bytes | str) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
