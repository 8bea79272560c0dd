"""Sign-up that reveals no account, its length limits and its per-address throttle, and log-in times
that do not tell known accounts from unknown ones (docs/rules/security.md)."""
import threading
import unittest

from tests.integration.identity_support import PASSWORD, api_call, body_of, outbox_messages
from tests.integration.test_accounts import Browser
from tests.support import sql
from tests.support.harness import Server


class NonRevealingSignUpTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server().start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_a_taken_email_gets_the_same_answer_as_a_new_account(self):
        new_status, _, new_html = Browser(self.server).sign_up("pris@exemple.fr")

        taken_status, _, taken_html = Browser(self.server).sign_up("PRIS@exemple.fr")

        self.assertEqual(new_status, 200)
        self.assertEqual(taken_status, 200)
        self.assertIn("Vérifiez votre boîte", new_html)
        self.assertIn("Vérifiez votre boîte", taken_html)

    def test_a_taken_email_mails_its_owner(self):
        Browser(self.server).sign_up("proprietaire@exemple.fr")

        Browser(self.server).sign_up("proprietaire@exemple.fr")
        messages = outbox_messages(self.server, to="proprietaire@exemple.fr")

        self.assertIn("Quelqu'un a essayé de créer un compte", body_of(messages[-1]))

    def test_a_new_account_can_log_in_after_signing_up(self):
        Browser(self.server).sign_up("nouveau@exemple.fr")

        status, _, _ = Browser(self.server).log_in("nouveau@exemple.fr", PASSWORD)

        self.assertEqual(status, 303)

    def test_the_api_answers_a_taken_email_like_a_new_one(self):
        account = {"first_name": "Api", "last_name": "Eleve", "email": "api.pris@exemple.fr",
                   "password": PASSWORD, "accepts_terms": True}

        new = api_call(self.server, "POST", "/api/v1/users", account)
        taken = api_call(self.server, "POST", "/api/v1/users", account)

        self.assertEqual((new[0], new[2]), (202, {"status": "accepted"}))
        self.assertEqual((taken[0], taken[2]), (202, {"status": "accepted"}))


    def test_eight_sign_ups_of_one_address_at_once_make_one_account_and_no_server_error(self):
        account = {"first_name": "Course", "last_name": "Eleve", "email": "en.meme.temps@exemple.fr",
                   "password": PASSWORD, "accepts_terms": True}
        statuses = []

        def sign_up():
            statuses.append(api_call(self.server, "POST", "/api/v1/users", account)[0])

        threads = [threading.Thread(target=sign_up) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        # 503 is the hashing pool saying it is full (docs/rules/security.md "Password hashing"); a 500
        # would be the unique constraint failing the second insert.
        self.assertNotIn(500, statuses)
        self.assertTrue(set(statuses) <= {202, 503}, statuses)
        self.assertIn(202, statuses)
        self.assertEqual(sql.scalar(self.server.database_url,
                                    "SELECT COUNT(*) FROM users WHERE email = 'en.meme.temps@exemple.fr'"), "1")


class SignUpLimitsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server().start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def sign_up(self, email, prenom="Marie", nom="Curie", password=PASSWORD):
        browser = Browser(self.server)
        return browser.request("POST", "/inscription", {"csrf": browser.csrf("/inscription"), "prenom": prenom,
                                                        "nom": nom, "email": email, "mot_de_passe": password,
                                                        "cgu": "oui"})

    def count(self, email):
        return sql.scalar(self.server.database_url, f"SELECT COUNT(*) FROM users WHERE email = '{email}'")

    def test_a_first_name_of_101_characters_is_refused(self):
        status, _, html = self.sign_up("long.prenom@exemple.fr", prenom="é" * 101)

        self.assertEqual(status, 400)
        self.assertIn("100 caractères au plus", html)
        self.assertEqual(self.count("long.prenom@exemple.fr"), "0")

    def test_a_first_name_of_100_accented_characters_is_accepted(self):
        status, _, _ = self.sign_up("cent.accents@exemple.fr", prenom="é" * 100)

        self.assertEqual(status, 200)
        self.assertEqual(self.count("cent.accents@exemple.fr"), "1")

    def test_a_last_name_on_two_lines_is_refused(self):
        status, _, html = self.sign_up("deux.lignes@exemple.fr", nom="Curie\nhttp://evil.example")

        self.assertEqual(status, 400)
        self.assertIn("une seule ligne", html)
        self.assertEqual(self.count("deux.lignes@exemple.fr"), "0")

    def test_an_email_of_255_characters_is_refused(self):
        address = "a" * 244 + "@exemple.fr"

        status, _, html = self.sign_up(address)

        self.assertEqual(status, 400)
        self.assertIn("254 caractères au plus", html)
        self.assertEqual(self.count(address), "0")

    def test_a_password_of_129_bytes_is_refused(self):
        status, _, html = self.sign_up("long.mdp@exemple.fr", password="Aa1" + "x" * 126)

        self.assertEqual(status, 400)
        self.assertIn("128 caractères au plus", html)
        self.assertEqual(self.count("long.mdp@exemple.fr"), "0")


class SignUpThrottleTest(unittest.TestCase):
    def test_the_eleventh_sign_up_of_an_address_in_an_hour_is_refused_in_french(self):
        server = Server(env={"NUMERIA_SIGN_UPS_PER_ADDRESS_HOUR": "10"}).start()
        try:
            for i in range(10):
                Browser(server).sign_up(f"classe{i}@exemple.fr")

            status, _, html = Browser(server).sign_up("classe.onze@exemple.fr")
            created = sql.scalar(server.database_url, "SELECT COUNT(*) FROM users WHERE email = 'classe.onze@exemple.fr'")
        finally:
            server.stop()

        self.assertEqual(status, 429)
        self.assertIn("Trop d&#39;inscriptions", html.replace("'", "&#39;"))
        self.assertEqual(created, "0")


if __name__ == "__main__":
    unittest.main()
