"""Shared helpers of the identity hardening tests: accounts made directly in the database (so a test
does not depend on the sign-up page or its throttle), the outbox, and an API client."""
import email
import email.policy
import glob
import json
import os
import re
import time
import urllib.parse

from tests.integration.test_accounts import Browser
from tests.support import sql

PASSWORD = "Radium1898"


class Accounts:
    """Makes accounts that all have the password PASSWORD: the first one through the sign-up page,
    the others with a copy of its hash."""

    def __init__(self, server):
        self.server = server
        self.hash = None

    def make(self, email_address, first_name="Marie", last_name="Curie"):
        if self.hash is None:
            Browser(self.server).sign_up("modele." + email_address)
            self.hash = sql.scalar(self.server.database_url,
                                   f"SELECT password_hash FROM users WHERE email = 'modele.{email_address}'")
        return sql.create_user(self.server.database_url, first_name, last_name, email=email_address,
                               password_hash=self.hash)


def outbox_messages(server, to=None, wait=0.3):
    """The e-mails of the outbox (parsed), oldest first, optionally only those sent to `to`."""
    time.sleep(wait)
    server.wait_for_mail()
    messages = []
    for name in sorted(glob.glob(os.path.join(server.workdir, "outbox", "*.eml"))):
        with open(name, "rb") as handle:
            message = email.message_from_bytes(handle.read(), policy=email.policy.default)
        if to is None or message["To"].addresses[0].addr_spec == to:
            messages.append(message)
    return messages


def body_of(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def link_in(message, path):
    return re.search(r"(http://\S+" + re.escape(path) + r"\?jeton=[0-9a-f]{64})", body_of(message)).group(1)


def token_of(link):
    return urllib.parse.parse_qs(urllib.parse.urlsplit(link).query)["jeton"][0]


def request_reset(server, address):
    browser = Browser(server)
    return browser.request("POST", "/mot-de-passe-oublie",
                           {"csrf": browser.csrf("/mot-de-passe-oublie"), "email": address})


def api_call(server, method, path, body=None, token=None, headers=None):
    all_headers = {"Content-Type": "application/json", **(headers or {})}
    if token:
        all_headers["Authorization"] = "Bearer " + token
    data = json.dumps(body) if body is not None else None
    status, response_headers, payload = server.request(method, path, body=data, headers=all_headers)
    return status, response_headers, json.loads(payload) if payload else None


def api_token(server, login, password=PASSWORD):
    status, _, payload = api_call(server, "POST", "/api/v1/auth/token", {"login": login, "password": password})
    return payload["access_token"] if status == 200 else None
