"""Activation of a school space by UAI (docs/rules/organizations.md "Activation by UAI"), through the
real server."""
import email
import email.policy
import glob
import json
import os
import re
import time
import unittest
import urllib.parse

from tests.integration.test_accounts import Browser
from tests.support.harness import ROOT, Server, run_cli

SAMPLE = os.path.join(ROOT, "data", "establishments-sample.csv")


class ActivationTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server().start()
        imported = run_cli("establishments", "import", SAMPLE, "--database", cls.server.database_url)
        assert imported.returncode == 0, imported.stderr
        cls.outbox = os.path.join(cls.server.workdir, "outbox")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def mail_to(self, address):
        self.server.wait_for_mail()
        deadline = time.time() + 5
        while time.time() < deadline:
            for name in sorted(glob.glob(os.path.join(self.outbox, "*.eml")), reverse=True):
                with open(name, "rb") as handle:
                    message = email.message_from_bytes(handle.read(), policy=email.policy.default)
                if message["To"].addresses[0].addr_spec == address:
                    return message
            time.sleep(0.05)
        self.fail(f"no mail to {address}")

    def mails_to(self, address):
        self.server.wait_for_mail()
        found = []
        for name in sorted(glob.glob(os.path.join(self.outbox, "*.eml"))):
            with open(name, "rb") as handle:
                message = email.message_from_bytes(handle.read(), policy=email.policy.default)
            if message["To"].addresses[0].addr_spec == address:
                found.append(message)
        return found

    def request_activation(self, browser, uai):
        return browser.request("POST", "/activation", {"csrf": browser.csrf("/activation"), "uai": uai,
                                                       "prenom": "Anne", "nom": "Proviseure"})

    def test_head_of_school_activates_the_space_through_the_official_mailbox(self):
        browser = Browser(self.server)

        status, _, html = self.request_activation(browser, "0759901a")
        message = self.mail_to("ce.0759901a@ac-exemple.fr")
        link = re.search(r"(http://\S+/activation/confirmer\?jeton=[0-9a-f]{64})",
                         message.get_body(preferencelist=("plain",)).get_content()).group(1)
        target = urllib.parse.urlsplit(link)
        path = target.path + "?" + target.query
        _, redirect, _ = browser.request("GET", path)
        login_target = urllib.parse.unquote(redirect["location"].split("retour=", 1)[1])
        browser.request("POST", "/inscription", {
            "csrf": browser.cookies["numeria_csrf"], "prenom": "Anne", "nom": "Proviseure",
            "email": "anne.proviseure@exemple.fr", "mot_de_passe": "Direction2026", "cgu": "oui",
            "retour": login_target})
        _, signed_up, _ = browser.request("POST", "/connexion", {
            "csrf": browser.cookies["numeria_csrf"], "identifiant": "anne.proviseure@exemple.fr",
            "mot_de_passe": "Direction2026", "retour": login_target})
        _, _, confirm_page = browser.request("GET", signed_up["location"])
        token = re.search(r'name="jeton" value="([0-9a-f]{64})"', confirm_page).group(1)
        confirmed, done, _ = browser.request("POST", "/activation/confirmer",
                                             {"csrf": browser.cookies["numeria_csrf"], "jeton": token})
        _, _, orga = browser.request("GET", done["location"])

        self.assertEqual(status, 200)
        self.assertIn("c•••@ac-exemple.fr", html)
        self.assertTrue(redirect["location"].startswith("/connexion?retour="))
        self.assertEqual(login_target, path)
        self.assertEqual(confirmed, 303)
        self.assertRegex(done["location"], r"^/orga\?fait=activation&organisation=\d+$")
        self.assertIn("<strong>Collège Jeanne-Barret</strong> (collège ou lycée) : Administrateur", orga)
        self.assertIn("L&#39;espace Orga du Collège Jeanne-Barret est activé", orga.replace("'", "&#39;"))
        organization = done["location"].rsplit("=", 1)[1]
        self.assertIn(f'href="/orga/{organization}/eleves" id="lien-espace-active"', orga.replace("&#x2F;", "/"))

    def test_the_link_works_only_once(self):
        first = Browser(self.server)
        first.sign_up_and_log_in("premier@exemple.fr")
        self.request_activation(first, "0759902B")
        link = re.search(r"jeton=([0-9a-f]{64})", self.mail_to("ce.0759902b@ac-exemple.fr")
                         .get_body(preferencelist=("plain",)).get_content()).group(1)

        ok, _, _ = first.request("POST", "/activation/confirmer", {"csrf": first.cookies["numeria_csrf"], "jeton": link})
        again, _, html = first.request("POST", "/activation/confirmer",
                                       {"csrf": first.cookies["numeria_csrf"], "jeton": link})

        self.assertEqual(ok, 303)
        self.assertEqual(again, 400)
        self.assertIn("plus valable", html)

    def test_an_unknown_uai_is_refused_in_french(self):
        status, _, html = self.request_activation(Browser(self.server), "0123456X")

        self.assertEqual(status, 404)
        self.assertIn("ne figure pas dans l&#39;annuaire", html.replace("'", "&#39;"))

    def test_an_establishment_without_official_email_gets_no_link(self):
        status, _, html = self.request_activation(Browser(self.server), "0359919V")

        self.assertEqual(status, 422)
        self.assertIn("adresse e-mail officielle", html)

    def test_a_malformed_uai_is_refused(self):
        status, _, html = self.request_activation(Browser(self.server), "75001")

        self.assertEqual(status, 400)
        self.assertIn("7 chiffres", html)

    def test_a_name_on_two_lines_is_refused_and_no_mail_leaves(self):
        browser = Browser(self.server)

        status, _, html = browser.request("POST", "/activation", {
            "csrf": browser.csrf("/activation"), "uai": "0139905E", "prenom": "Anne",
            "nom": "Proviseure\nCliquez ici : https://evil.example/"})

        self.assertEqual(status, 400)
        self.assertIn("une seule ligne", html)
        self.assertEqual(self.mails_to("ce.0139905e@ac-exemple.fr"), [])

    def test_a_name_longer_than_100_characters_is_refused(self):
        browser = Browser(self.server)

        status, _, html = browser.request("POST", "/activation", {
            "csrf": browser.csrf("/activation"), "uai": "0139905E", "prenom": "Anne", "nom": "é" * 101})

        self.assertEqual(status, 400)
        self.assertIn("100 caractères", html)

    def test_a_url_in_the_name_arrives_quoted_and_neutralised(self):
        browser = Browser(self.server)

        status, _, _ = browser.request("POST", "/activation", {
            "csrf": browser.csrf("/activation"), "uai": "0139906F", "prenom": "Voir",
            "nom": "https://evil.example/connexion www.evil.example"})
        body = self.mail_to("ce.0139906f@ac-exemple.fr").get_body(preferencelist=("plain",)).get_content()

        self.assertEqual(status, 200)
        self.assertIn("« Voir https[:]//evil[.]example/connexion www[.]evil[.]example » a demandé", body)
        self.assertNotIn("evil.example", body)
        self.assertNotIn("www.", body)

    def test_too_many_requests_for_one_uai_are_refused(self):
        statuses = [self.request_activation(Browser(self.server), "0699903C")[0] for _ in range(6)]

        self.assertEqual(statuses, [200] * 5 + [422])


class OrganizationCliTest(unittest.TestCase):
    def setUp(self):
        self.server = Server()
        self.url = self.server.database_url

    def tearDown(self):
        self.server.stop()

    def test_directory_import_is_idempotent(self):
        first = json.loads(run_cli("establishments", "import", SAMPLE, "--database", self.url).stdout)
        second = json.loads(run_cli("establishments", "import", SAMPLE, "--database", self.url).stdout)

        self.assertEqual(first["inserted"], 20)
        self.assertEqual((second["inserted"], second["updated"]), (0, 20))

    def test_a_directory_without_the_mail_column_is_refused(self):
        path = os.path.join(self.server.workdir, "bad.csv")
        with open(path, "w", encoding="utf-8") as bad:
            bad.write("Identifiant_de_l_etablissement;Nom_etablissement\n0750001A;X\n")

        result = run_cli("establishments", "import", path, "--database", self.url)

        self.assertNotEqual(result.returncode, 0)
        self.assertIn("colonne manquante « Type_etablissement »", result.stderr)

    def test_org_create_prints_the_id_and_refuses_a_duplicate_uai(self):
        created = run_cli("org", "create", "--type", "SCO", "--uai", "0750001A", "--name", "Collège", "--database",
                          self.url)
        duplicate = run_cli("org", "create", "--type", "SCO-AGRI", "--uai", "0750001A", "--name", "Autre",
                            "--database", self.url)

        self.assertEqual(created.returncode, 0, created.stderr)
        self.assertIsInstance(json.loads(created.stdout)["id"], int)
        self.assertNotEqual(duplicate.returncode, 0)
        self.assertIn("existe déjà", duplicate.stderr)


if __name__ == "__main__":
    unittest.main()
