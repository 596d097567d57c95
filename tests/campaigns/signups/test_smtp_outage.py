"""The confirmation worker against a real SMTP server that is stopped: the
neighbour's sign-up is thanked and kept throughout, the confirmation waits in
the outbox while the server is down, and goes, once, when it is back."""

import socket
import socketserver
import threading
from datetime import timedelta
from email import message_from_bytes
from email.header import decode_header, make_header

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from campaigns.models import Signup
from home.outbox.models import OutgoingEmail
from tests.campaigns.signups.neighbour import post
from tests.support.factories import SIGNUP_FORM

pytestmark = pytest.mark.django_db


class SMTPHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP for Django's SMTP backend: every command accepted, every
    message kept as (recipients, raw bytes)."""

    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        recipients = []
        self.reply("220 localhost test SMTP")
        for raw in self.rfile:
            command = raw.decode().strip()
            verb = command[:4].upper()
            if verb == "QUIT":
                self.reply("221 bye")
                return
            if verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip(" <>"))
            if verb == "MAIL":
                recipients = []
            if verb == "DATA":
                self.reply("354 end with <CRLF>.<CRLF>")
                lines = []
                for data_line in self.rfile:
                    if data_line == b".\r\n":
                        break
                    lines.append(data_line[1:] if data_line[:2] == b".." else data_line)
                self.server.received.append((recipients, b"".join(lines)))
                self.reply("250 queued")
                continue
            self.reply("250 ok")


class SMTPServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, port):
        super().__init__(("127.0.0.1", port), SMTPHandler)
        self.received = []
        threading.Thread(target=self.serve_forever, daemon=True).start()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_port(settings):
    """Django's SMTP backend pointed at a port where nothing listens yet."""
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 2
    return port


@pytest.fixture
def started_servers():
    servers = []
    yield servers
    for server in servers:
        server.shutdown()
        server.server_close()


def test_the_confirmation_waits_out_a_stopped_smtp_server_and_goes_once_it_returns(
    client, campaign_es, smtp_port, started_servers, django_capture_on_commit_callbacks
):
    # The server is stopped: the neighbour signs up in Spanish all the same.
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, campaign_es)
    assert response.status_code == 302 and "signed-up=1" in response["Location"]
    assert client.get(response["Location"]).status_code == 200
    assert Signup.objects.get().email == SIGNUP_FORM["email"]
    waiting = OutgoingEmail.objects.get()
    assert waiting.attempts == 1 and "Connection" in waiting.last_error

    # The worker runs, past the retry time, while the server is still down.
    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        call_command("send_queued_email")
    waiting = OutgoingEmail.objects.get()
    assert waiting.attempts == 2
    assert Signup.objects.count() == 1

    server = SMTPServer(smtp_port)
    started_servers.append(server)
    with time_machine.travel(timezone.now() + timedelta(hours=1)):
        call_command("send_queued_email")

    [(recipients, raw)] = server.received
    assert recipients == [SIGNUP_FORM["email"]]
    message = message_from_bytes(raw)
    subject = str(make_header(decode_header(message["Subject"])))
    assert subject == f"Se inscribió: {campaign_es.title}"
    unsubscribe = " ".join(message["List-Unsubscribe"].split())
    assert unsubscribe.startswith("<http://testserver/es/"), unsubscribe
    assert not OutgoingEmail.objects.exists()  # sent, so no address kept
    assert Signup.objects.count() == 1
