"""Password reset by e-mail, through the outbox and through a real SMTP server."""
import email
import email.policy
import glob
import os
import re
import shutil
import tempfile
import time
import unittest
import urllib.parse

from tests.integration.test_accounts import Browser
from tests.support import sql
from tests.support.harness import Server
from tests.support.smtp_sink import SmtpSink


def reset_link(raw_message):
    message = email.message_from_bytes(raw_message, policy=email.policy.default)
    body = message.get_body(preferencelist=("plain",)).get_content()
    return message, re.search(r"(http://\S+/mot-de-passe/nouveau\?jeton=[0-9a-f]{64})", body).group(1)


def follow_reset(browser, link, password):
    path = urllib.parse.urlsplit(link)
    token = urllib.parse.parse_qs(path.query)["jeton"][0]
    csrf = browser.csrf(path.path + "?" + path.query)
    return browser.request("POST", "/mot-de-passe/nouveau", {"csrf": csrf, "jeton": token, "mot_de_passe": password})


class OutboxResetTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server().start()
        cls.outbox = os.path.join(cls.server.workdir, "outbox")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def outbox_messages(self):
        self.server.wait_for_mail()
        deadline = time.time() + 5
        while time.time() < deadline:
            files = sorted(glob.glob(os.path.join(self.outbox, "*.eml")))
            if files:
                contents = []
            for name in files:
                with open(name, "rb") as handle:
                    contents.append(handle.read())
            return contents
            time.sleep(0.05)
        return []

    def test_forgotten_password_link_goes_to_the_outbox_and_sets_a_new_password(self):
        Browser(self.server).sign_up("oubli@exemple.fr")
        browser = Browser(self.server)

        _, _, html = browser.request("POST", "/mot-de-passe-oublie",
                                     {"csrf": browser.csrf("/mot-de-passe-oublie"), "email": "oubli@exemple.fr"})
        message, link = reset_link([m for m in self.outbox_messages() if b"To: <oubli@" in m][-1])
        status, _, done = follow_reset(browser, link, "Nouveau2024")
        again_status, _, again = follow_reset(browser, link, "Encore2024")

        self.assertIn("Si un compte existe", html)
        self.assertEqual(message["To"].addresses[0].addr_spec, "oubli@exemple.fr")
        self.assertIn("nouveau mot de passe", message["Subject"])
        self.assertEqual(status, 200)
        self.assertIn("Votre mot de passe a été changé", done)
        self.assertEqual(again_status, 400)
        self.assertIn("plus valable", again)
        self.assertEqual(Browser(self.server).log_in("oubli@exemple.fr", "Nouveau2024")[0], 303)
        self.assertEqual(Browser(self.server).log_in("oubli@exemple.fr", "Radium1898")[0], 401)

    def test_the_outbox_link_is_logged_for_developers(self):
        Browser(self.server).sign_up("journal@exemple.fr")
        browser = Browser(self.server)

        browser.request("POST", "/mot-de-passe-oublie",
                        {"csrf": browser.csrf("/mot-de-passe-oublie"), "email": "journal@exemple.fr"})

        lines = [line for line in self.server.drain_output() if "mail written to outbox" in line]
        self.assertTrue(any("/mot-de-passe/nouveau?jeton=" in line for line in lines))

    def test_an_unknown_address_gets_the_same_answer_and_no_mail(self):
        before = len(glob.glob(os.path.join(self.outbox, "*.eml")))
        browser = Browser(self.server)

        _, _, html = browser.request("POST", "/mot-de-passe-oublie",
                                     {"csrf": browser.csrf("/mot-de-passe-oublie"), "email": "personne@exemple.fr"})

        self.assertIn("Si un compte existe", html)
        time.sleep(0.2)
        self.assertEqual(len(glob.glob(os.path.join(self.outbox, "*.eml"))), before)


class SmtpResetTest(unittest.TestCase):
    def test_the_reset_mail_goes_through_a_real_smtp_server(self):
        folder = tempfile.mkdtemp(prefix="numeria-smtp-")
        sink = SmtpSink(folder).start()
        server = Server(extra_args=["--smtp-url", f"smtp://127.0.0.1:{sink.port}",
                                    "--mail-from", "numeria@college-exemple.fr"]).start()
        try:
            Browser(server).sign_up("smtp@exemple.fr")
            browser = Browser(server)

            browser.request("POST", "/mot-de-passe-oublie",
                            {"csrf": browser.csrf("/mot-de-passe-oublie"), "email": "smtp@exemple.fr"})
            message, link = reset_link(sink.message_containing("/mot-de-passe/nouveau?jeton="))

            self.assertEqual(message["From"], "Numeria <numeria@college-exemple.fr>")
            self.assertEqual(follow_reset(browser, link, "ParSmtp2024")[0], 200)
            self.assertFalse(glob.glob(os.path.join(server.workdir, "outbox", "*.eml")))
        finally:
            server.stop()
            sink.stop()
            shutil.rmtree(folder, ignore_errors=True)


class SmtpInvitationTest(unittest.TestCase):
    def test_an_invitation_goes_through_a_real_smtp_server_and_is_read_back(self):
        folder = tempfile.mkdtemp(prefix="numeria-smtp-")
        sink = SmtpSink(folder).start()
        server = Server(extra_args=["--demo", "--smtp-url", f"smtp://127.0.0.1:{sink.port}"]).start()
        try:
            browser = Browser(server)
            browser.log_in("direction@demo.numeria.localhost", "Direction2026")
            _, _, orga = browser.request("GET", "/orga")
            team = re.search(r'(/orga/\d+/equipe)', orga.replace("&#x2F;", "/")).group(1)

            browser.request("POST", team + "/invitations", {"csrf": browser.cookies["numeria_csrf"],
                                                            "email": "smtp.prof@exemple.fr", "role": "MEMBER"})
            message = email.message_from_bytes(sink.message_containing("/invitation?jeton="),
                                               policy=email.policy.default)
            body = message.get_body(preferencelist=("plain",)).get_content()

            self.assertEqual(message["To"].addresses[0].addr_spec, "smtp.prof@exemple.fr")
            self.assertIn("Collège Jeanne-Barret", message["Subject"])
            self.assertRegex(body, r"/invitation\?jeton=[0-9a-f]{64}")
            self.assertIn("Anne Proviseure vous invite", body)
        finally:
            server.stop()
            sink.stop()
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()


class SmtpRetryTest(unittest.TestCase):
    """docs/rules/jobs.md "Mail outbox": the request that writes a mail succeeds whatever the SMTP
    server does; a mail it refuses is sent again by the job runner once it answers."""

    def test_a_mail_the_smtp_server_could_not_take_is_sent_again_and_the_request_succeeded(self):
        folder = tempfile.mkdtemp(prefix="numeria-smtp-")
        sink = SmtpSink(folder)  # its port is chosen but nothing listens yet: the first sends fail
        server = Server(extra_args=["--smtp-url", f"smtp://127.0.0.1:{sink.port}"]).start()
        try:
            status, _, page = Browser(server).sign_up("plus.tard@exemple.fr")
            time.sleep(1.5)
            failed = sql.query(server.database_url, "SELECT state, attempts, last_error FROM jobs")
            sink.start()
            delivered = sink.message_containing("plus.tard@exemple.fr", wait=20)
            done = sql.query(server.database_url, "SELECT state, attempts FROM jobs")
        finally:
            server.stop()
            sink.stop()
            shutil.rmtree(folder, ignore_errors=True)

        self.assertEqual(status, 200)
        self.assertIn("Vérifiez votre boîte", page)
        self.assertEqual(len(failed), 1)
        self.assertEqual(failed[0][0], "READY")
        self.assertGreaterEqual(int(failed[0][1]), 1)
        self.assertNotEqual(failed[0][2], "")
        self.assertIsNotNone(delivered)
        self.assertEqual(done[0][0], "DONE")
        self.assertGreaterEqual(int(done[0][1]), 2)
