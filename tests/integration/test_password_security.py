"""Sessions revoked on a password change or reset, reset links rate-limited and single-use, concurrent
uses of one link (docs/rules/security.md)."""
import threading
import unittest

from tests.integration.identity_support import (PASSWORD, Accounts, api_call, api_token, link_in, outbox_messages,
                                                request_reset, token_of)
from tests.integration.test_accounts import Browser
from tests.support.harness import Server


def use_reset_link(link, server, password):
    browser = Browser(server)
    csrf = browser.csrf("/mot-de-passe/nouveau?jeton=" + token_of(link))
    return browser.request("POST", "/mot-de-passe/nouveau",
                           {"csrf": csrf, "jeton": token_of(link), "mot_de_passe": password})


def reset_links(server, address):
    return [link_in(message, "/mot-de-passe/nouveau") for message in outbox_messages(server, to=address)]


class RevocationTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server().start()
        cls.accounts = Accounts(cls.server)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def signed_in(self, address):
        browser = Browser(self.server)
        browser.log_in(address, PASSWORD)
        return browser

    def test_a_password_change_signs_out_the_other_browsers(self):
        self.accounts.make("change.autres@exemple.fr")
        current, other = self.signed_in("change.autres@exemple.fr"), self.signed_in("change.autres@exemple.fr")

        current.request("POST", "/mot-de-passe/changer",
                        {"csrf": current.csrf("/mot-de-passe/changer"), "mot_de_passe_actuel": PASSWORD,
                         "mot_de_passe": "Polonium1898", "confirmation": "Polonium1898"})
        _, _, html = other.request("GET", "/mon-espace")

        self.assertNotIn("Bonjour Marie", html)

    def test_a_password_change_keeps_the_current_session(self):
        self.accounts.make("change.courante@exemple.fr")
        current = self.signed_in("change.courante@exemple.fr")

        status, _, _ = current.request("POST", "/mot-de-passe/changer",
                                       {"csrf": current.csrf("/mot-de-passe/changer"), "mot_de_passe_actuel": PASSWORD,
                                        "mot_de_passe": "Polonium1898", "confirmation": "Polonium1898"})
        _, _, html = current.request("GET", "/mon-espace")

        self.assertEqual(status, 303)
        self.assertIn("Bonjour Marie", html)

    def test_a_password_change_through_the_api_revokes_the_other_tokens(self):
        self.accounts.make("change.api@exemple.fr")
        kept, revoked = api_token(self.server, "change.api@exemple.fr"), api_token(self.server, "change.api@exemple.fr")

        changed, _, _ = api_call(self.server, "POST", "/api/v1/me/password", {"password": "Polonium1898"}, token=kept)
        other, _, _ = api_call(self.server, "GET", "/api/v1/me", token=revoked)
        same, _, _ = api_call(self.server, "GET", "/api/v1/me", token=kept)

        self.assertEqual((changed, other, same), (204, 401, 200))

    def test_a_password_reset_signs_out_every_browser_and_token(self):
        self.accounts.make("reinit.partout@exemple.fr")
        browser = self.signed_in("reinit.partout@exemple.fr")
        token = api_token(self.server, "reinit.partout@exemple.fr")
        request_reset(self.server, "reinit.partout@exemple.fr")

        status, _, _ = use_reset_link(reset_links(self.server, "reinit.partout@exemple.fr")[-1], self.server,
                                      "Polonium1898")
        _, _, html = browser.request("GET", "/mon-espace")
        api_status, _, _ = api_call(self.server, "GET", "/api/v1/me", token=token)

        self.assertEqual(status, 200)
        self.assertNotIn("Bonjour Marie", html)
        self.assertEqual(api_status, 401)


class ResetLinksTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server().start()
        cls.accounts = Accounts(cls.server)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_using_one_reset_link_invalidates_the_others(self):
        self.accounts.make("deux.liens@exemple.fr")
        request_reset(self.server, "deux.liens@exemple.fr")
        request_reset(self.server, "deux.liens@exemple.fr")
        first, second = reset_links(self.server, "deux.liens@exemple.fr")

        used, _, _ = use_reset_link(second, self.server, "Polonium1898")
        other, _, html = use_reset_link(first, self.server, "Uranium1898")

        self.assertEqual((used, other), (200, 400))
        self.assertIn("plus valable", html)

    def test_an_account_gets_at_most_three_reset_mails_an_hour_with_the_same_answer(self):
        self.accounts.make("trois@exemple.fr")

        answers = [request_reset(self.server, "trois@exemple.fr") for _ in range(5)]

        self.assertEqual(len(outbox_messages(self.server, to="trois@exemple.fr")), 3)
        self.assertEqual({status for status, _, _ in answers}, {200})
        self.assertTrue(all("Si un compte existe" in html for _, _, html in answers))


class ResetAddressLimitTest(unittest.TestCase):
    def test_one_address_gets_at_most_twenty_reset_mails_an_hour(self):
        server = Server().start()
        try:
            accounts = Accounts(server)
            for i in range(22):
                accounts.make(f"adresse{i}@exemple.fr")

            answers = [request_reset(server, f"adresse{i}@exemple.fr") for i in range(22)]
            sent = [m for m in outbox_messages(server) if "nouveau mot de passe" in m["Subject"]]
        finally:
            server.stop()

        self.assertEqual(len(sent), 20)
        self.assertTrue(all("Si un compte existe" in html for _, _, html in answers))


class ConcurrentResetTest(unittest.TestCase):
    """Two browsers post the same reset link at the same moment: one wins, the other is told the link
    is spent (on PostgreSQL too, where both transactions run at once)."""

    def test_two_concurrent_uses_of_one_reset_link_exactly_one_succeeds(self):
        server = Server().start()
        try:
            accounts = Accounts(server)
            outcomes = []
            for trial in range(5):
                address = f"course{trial}@exemple.fr"
                accounts.make(address)
                request_reset(server, address)
                link = reset_links(server, address)[-1]
                token = token_of(link)
                browsers = [Browser(server), Browser(server)]
                csrfs = [b.csrf("/mot-de-passe/nouveau?jeton=" + token) for b in browsers]
                start = threading.Barrier(2)
                statuses = [None, None]

                def post(i):
                    start.wait()
                    statuses[i] = browsers[i].request("POST", "/mot-de-passe/nouveau",
                                                      {"csrf": csrfs[i], "jeton": token,
                                                       "mot_de_passe": f"Course{i}Gagnant2024"})[0]

                threads = [threading.Thread(target=post, args=(i,)) for i in range(2)]
                for thread in threads:
                    thread.start()
                for thread in threads:
                    thread.join()
                outcomes.append(sorted(statuses))
        finally:
            server.stop()

        self.assertEqual(outcomes, [[200, 400]] * 5)


if __name__ == "__main__":
    unittest.main()
