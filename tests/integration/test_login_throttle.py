"""Log-in throttling behind a shared address (a school's NAT), the unlock link and the trusted proxy
(docs/rules/security.md, "Log-in throttling")."""
import json
import unittest

from tests.integration.identity_support import PASSWORD, Accounts, link_in, outbox_messages, token_of
from tests.integration.test_accounts import Browser
from tests.support.harness import Server


def unlock(browser, link, password):
    path = link.split("/connexion/debloquer")[1]
    csrf = browser.csrf("/connexion/debloquer" + path)
    return browser.request("POST", "/connexion/debloquer",
                           {"csrf": csrf, "jeton": token_of(link), "mot_de_passe": password})


class SharedAddressTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server().start()
        cls.accounts = Accounts(cls.server)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_ten_failures_on_ten_accounts_from_one_address_do_not_block_an_eleventh_account(self):
        for i in range(10):
            self.accounts.make(f"nat{i}@exemple.fr")
            Browser(self.server).log_in(f"nat{i}@exemple.fr", "Mauvais2024")
        self.accounts.make("nat.onzieme@exemple.fr")

        status, headers, _ = Browser(self.server).log_in("nat.onzieme@exemple.fr", PASSWORD)

        self.assertEqual(status, 303)
        self.assertEqual(headers["location"], "/mon-espace")

    def test_a_blocked_account_still_refuses_a_wrong_password(self):
        self.accounts.make("bloque@exemple.fr")
        for _ in range(10):
            Browser(self.server).log_in("bloque@exemple.fr", "Mauvais2024")

        status, _, html = Browser(self.server).log_in("bloque@exemple.fr", "Mauvais2025")

        self.assertEqual(status, 429)
        self.assertIn("Trop de tentatives", html)

    def test_blocking_an_account_mails_it_an_unlock_link(self):
        self.accounts.make("debloquer@exemple.fr")
        for _ in range(10):
            Browser(self.server).log_in("debloquer@exemple.fr", "Mauvais2024")

        messages = outbox_messages(self.server, to="debloquer@exemple.fr")

        self.assertEqual(len(messages), 1)
        self.assertIn("Débloquer mon compte", messages[0]["Subject"])
        self.assertTrue(link_in(messages[0], "/connexion/debloquer"))

    def test_the_unlock_link_logs_in_with_the_right_password_once(self):
        self.accounts.make("une.fois@exemple.fr")
        for _ in range(10):
            Browser(self.server).log_in("une.fois@exemple.fr", "Mauvais2024")
        link = link_in(outbox_messages(self.server, to="une.fois@exemple.fr")[-1], "/connexion/debloquer")
        browser = Browser(self.server)

        status, headers, _ = unlock(browser, link, PASSWORD)
        _, _, space = browser.request("GET", "/mon-espace")
        again, _, html = unlock(Browser(self.server), link, PASSWORD)

        self.assertEqual(status, 303)
        self.assertEqual(headers["location"], "/mon-espace")
        self.assertIn("Bonjour Marie", space)
        self.assertEqual(again, 400)
        self.assertIn("plus valable", html)

    def test_the_unlock_link_refuses_a_wrong_password(self):
        self.accounts.make("mauvais.deblocage@exemple.fr")
        for _ in range(10):
            Browser(self.server).log_in("mauvais.deblocage@exemple.fr", "Mauvais2024")
        link = link_in(outbox_messages(self.server, to="mauvais.deblocage@exemple.fr")[-1], "/connexion/debloquer")

        status, _, html = unlock(Browser(self.server), link, "Mauvais2025")
        still, _, _ = Browser(self.server).log_in("mauvais.deblocage@exemple.fr", PASSWORD)

        self.assertEqual(status, 401)
        self.assertIn("est incorrect", html)
        self.assertEqual(still, 429)


class TrustedProxyTest(unittest.TestCase):
    def remote_of_a_request(self, server, forwarded_for):
        server.drain_output()
        server.request("GET", "/healthz", headers={"X-Forwarded-For": forwarded_for})
        for line in server.drain_output():
            try:
                event = json.loads(line)
            except ValueError:
                continue
            if event.get("route") == "/healthz":
                return event.get("remote")
        return None

    def test_the_last_forwarded_hop_is_the_client_behind_a_trusted_proxy(self):
        server = Server(extra_args=["--trusted-proxy", "127.0.0.1"]).start()
        try:
            remote = self.remote_of_a_request(server, "198.51.100.9, 203.0.113.7")
        finally:
            server.stop()

        self.assertEqual(remote, "203.0.113.7")

    def test_a_forwarded_header_is_ignored_by_default(self):
        server = Server().start()
        try:
            remote = self.remote_of_a_request(server, "203.0.113.7")
        finally:
            server.stop()

        self.assertEqual(remote, "127.0.0.1")


if __name__ == "__main__":
    unittest.main()
