"""Sign-up, log-in, log-out and CSRF through the real server (docs/rules/accounts.md)."""
import json
import re
import unittest
import urllib.parse

from tests.support.harness import Server, run_cli


class Browser:
    """A tiny cookie-keeping client: enough to walk the account forms like a browser."""

    def __init__(self, server):
        self.server = server
        self.cookies = {}

    def _cookie_header(self):
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def _remember(self, headers):
        for name, value in headers:
            if name.lower() != "set-cookie":
                continue
            pair = value.split(";", 1)[0]
            key, _, val = pair.partition("=")
            if "Max-Age=0" in value:
                self.cookies.pop(key, None)
            else:
                self.cookies[key] = val

    def request(self, method, path, form=None):
        connection = self.server.connection()
        headers = {"Cookie": self._cookie_header()} if self.cookies else {}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            raw_headers = response.getheaders()
            self._remember(raw_headers)
            return response.status, {k.lower(): v for k, v in raw_headers}, response.read().decode("utf-8")
        finally:
            connection.close()

    def csrf(self, path):
        _, _, html = self.request("GET", path)
        return re.search(r'name="csrf" value="([0-9a-f]{64})"', html).group(1)

    def sign_up(self, email, password="Radium1898", accept="oui"):
        form = {"csrf": self.csrf("/inscription"), "prenom": "Marie", "nom": "Curie", "email": email,
                "mot_de_passe": password}
        if accept:
            form["cgu"] = accept
        return self.request("POST", "/inscription", form)

    def sign_up_and_log_in(self, email, password="Radium1898"):
        """Signing up does not sign in (the answer must not tell a new account from a taken address):
        signs up, then logs in; returns the log-in's answer."""
        self.sign_up(email, password)
        return self.log_in(email, password)

    def log_in(self, login, password):
        return self.request("POST", "/connexion", {"csrf": self.csrf("/connexion"), "identifiant": login,
                                                   "mot_de_passe": password})


class AccountsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server().start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_sign_up_says_to_check_the_mailbox_and_does_not_sign_in(self):
        browser = Browser(self.server)

        status, _, html = browser.sign_up("marie.curie.boite@exemple.fr")
        _, _, space = browser.request("GET", "/mon-espace")

        self.assertEqual(status, 200)
        self.assertIn("Vérifiez votre boîte aux lettres", html)
        self.assertNotIn("Bonjour Marie", space)

    def test_the_new_account_logs_in_and_shows_the_name_in_the_header(self):
        browser = Browser(self.server)

        status, headers, _ = browser.sign_up_and_log_in("marie.curie@exemple.fr")
        _, _, html = browser.request("GET", "/mon-espace")

        self.assertEqual(status, 303)
        self.assertEqual(headers["location"], "/mon-espace")
        self.assertIn("Marie Curie", html)
        self.assertIn("Bonjour Marie", html)

    def test_session_cookie_is_http_only_and_same_site_lax(self):
        browser = Browser(self.server)

        _, headers, _ = browser.sign_up_and_log_in("cookie@exemple.fr")

        self.assertIn("numeria_session=", headers["set-cookie"])
        self.assertIn("HttpOnly", headers["set-cookie"])
        self.assertIn("SameSite=Lax", headers["set-cookie"])

    def test_weak_password_is_refused_in_french_and_nothing_is_created(self):
        browser = Browser(self.server)

        status, _, html = browser.sign_up("faible@exemple.fr", password="radium1898")
        login_status, _, _ = Browser(self.server).log_in("faible@exemple.fr", "radium1898")

        self.assertEqual(status, 400)
        self.assertIn("au moins une lettre majuscule", html)
        self.assertIn('value="faible@exemple.fr"', html)
        self.assertEqual(login_status, 401)

    def test_terms_must_be_accepted(self):
        status, _, html = Browser(self.server).sign_up("cgu@exemple.fr", accept=None)

        self.assertEqual(status, 400)
        self.assertIn("conditions d&#39;utilisation", html.replace("'", "&#39;"))

    def test_an_email_can_hold_only_one_account(self):
        Browser(self.server).sign_up("double@exemple.fr")

        Browser(self.server).sign_up("DOUBLE@exemple.fr", password="Polonium1898")

        self.assertEqual(Browser(self.server).log_in("double@exemple.fr", "Polonium1898")[0], 401)
        self.assertEqual(Browser(self.server).log_in("double@exemple.fr", "Radium1898")[0], 303)

    def test_log_in_with_a_wrong_then_the_right_password(self):
        Browser(self.server).sign_up("connexion@exemple.fr")
        browser = Browser(self.server)

        wrong, _, html = browser.log_in("connexion@exemple.fr", "Radium1899")
        right, headers, _ = browser.log_in("Connexion@Exemple.fr", "Radium1898")

        self.assertEqual(wrong, 401)
        self.assertIn("est incorrect", html)
        self.assertEqual(right, 303)
        self.assertEqual(headers["location"], "/mon-espace")

    def test_log_out_kills_the_session_on_the_server(self):
        browser = Browser(self.server)
        browser.sign_up_and_log_in("deconnexion@exemple.fr")
        stolen = dict(browser.cookies)

        status, _, _ = browser.request("POST", "/deconnexion", {"csrf": browser.csrf("/mon-espace")})
        thief = Browser(self.server)
        thief.cookies = stolen
        _, _, html = thief.request("GET", "/mon-espace")

        self.assertEqual(status, 303)
        self.assertNotIn("Bonjour Marie", html)

    def test_a_form_posted_without_the_csrf_token_is_refused(self):
        browser = Browser(self.server)
        browser.csrf("/inscription")

        status, _, _ = browser.request("POST", "/inscription", {"prenom": "A", "nom": "B", "email": "csrf@exemple.fr",
                                                                "mot_de_passe": "Radium1898", "cgu": "oui"})

        self.assertEqual(status, 403)

    def test_a_page_for_signed_in_users_redirects_to_the_log_in(self):
        browser = Browser(self.server)
        browser.request("GET", "/")

        status, headers, _ = browser.request("POST", "/deconnexion", {"csrf": browser.cookies["numeria_csrf"]})

        self.assertEqual(status, 303)
        self.assertTrue(headers["location"].startswith("/connexion"))

    def test_the_return_address_after_log_in_stays_on_this_site(self):
        Browser(self.server).sign_up("retour@exemple.fr")
        browser = Browser(self.server)

        _, headers, _ = browser.request("POST", "/connexion", {
            "csrf": browser.csrf("/connexion"), "identifiant": "retour@exemple.fr", "mot_de_passe": "Radium1898",
            "retour": "//evil.example/"})

        self.assertEqual(headers["location"], "/mon-espace")


class ThrottleTest(unittest.TestCase):
    """On its own server: the blocked address (127.0.0.1) must not disturb the other tests."""

    @classmethod
    def setUpClass(cls):
        cls.server = Server().start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_ten_failures_block_the_log_in_for_two_minutes_with_a_french_message(self):
        Browser(self.server).sign_up("bloque@exemple.fr")
        browser = Browser(self.server)
        statuses = [browser.log_in("bloque@exemple.fr", "Mauvais123")[0] for _ in range(10)]

        status, headers, html = browser.log_in("bloque@exemple.fr", "Radium1898")

        self.assertEqual(statuses, [401] * 10)
        self.assertEqual(status, 429)
        self.assertIn("Trop de tentatives de connexion. Réessayez dans 2 minutes.", html)
        self.assertEqual(headers["retry-after"], "120")


if __name__ == "__main__":
    unittest.main()


class ForcedPasswordChangeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server().start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_superadmin_one_time_password_must_be_changed_at_first_log_in(self):
        created = run_cli("admin", "create-superadmin", "--email", "admin@academie.fr",
                          "--database", self.server.database_url)
        self.assertEqual(created.returncode, 0, created.stderr)
        one_time = json.loads(created.stdout)["one_time_password"]
        browser = Browser(self.server)

        status, headers, _ = browser.log_in("admin@academie.fr", one_time)
        _, elsewhere, _ = browser.request("GET", "/orga")
        weak, _, weak_html = browser.request("POST", "/mot-de-passe/changer",
                                             {"csrf": browser.cookies["numeria_csrf"], "mot_de_passe": "faible",
                                              "confirmation": "faible"})
        done, after, _ = browser.request("POST", "/mot-de-passe/changer",
                                         {"csrf": browser.cookies["numeria_csrf"], "mot_de_passe": "Academie2026",
                                          "confirmation": "Academie2026"})
        _, _, space = browser.request("GET", after["location"])
        free, _, _ = browser.request("GET", "/orga")

        self.assertEqual(status, 303)
        self.assertEqual(elsewhere["location"], "/mot-de-passe/changer")
        self.assertEqual(weak, 400)
        self.assertIn("au moins 8 caractères", weak_html)
        self.assertEqual(done, 303)
        self.assertEqual(after["location"], "/mon-espace?fait=mot-de-passe-choisi")
        self.assertIn("Votre nouveau mot de passe est enregistré", space)
        self.assertEqual(free, 200)
        self.assertEqual(Browser(self.server).log_in("admin@academie.fr", "Academie2026")[0], 303)

    def test_create_superadmin_refuses_an_invalid_address(self):
        result = run_cli("admin", "create-superadmin", "--email", "pas-une-adresse",
                         "--database", self.server.database_url)

        self.assertNotEqual(result.returncode, 0)
        self.assertIn("adresse e-mail invalide", result.stderr)


class SecureCookieTest(unittest.TestCase):
    def test_cookies_are_secure_when_the_public_address_is_https(self):
        server = Server(extra_args=["--base-url", "https://numeria.college-exemple.fr"]).start()
        try:
            _, headers, _ = Browser(server).sign_up_and_log_in("https@exemple.fr")
            _, page_headers, _ = server.request("GET", "/")
        finally:
            server.stop()

        self.assertIn("; Secure", headers["set-cookie"])
        self.assertIn("max-age=31536000", page_headers["strict-transport-security"])
