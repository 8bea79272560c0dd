"""Pupils' accounts in the "Élèves" tab of Orga (docs/rules/accounts.md "Pupils' credentials"), on the demo
Collège Jeanne-Barret: class credentials batches refuse an empty or unknown class and leave out pupils
who log in by e-mail, the single-pupil action adds a username to an e-mail account only when asked, a dissociated account is
not linked again by the next import, and the files Orga gives (class sheet, current list) are dated
in Europe/Paris as dd/mm/yyyy. Accounts linked in another school are set up with SQL (tests/support/sql.py)."""
import csv
import datetime
import html
import io
import os
import re
import subprocess
import sys
import tempfile
import unittest
import zoneinfo

from tests.integration.demo_school import DIRECTION, DemoSchoolTest
from tests.integration.test_accounts import Browser
from tests.support import sql
from tests.support.harness import Server, run_cli

HERE = os.path.dirname(os.path.abspath(__file__))
MAKE_SIECLE = os.path.join(HERE, "..", "support", "make_siecle.py")


class StudentsAccountsTest(DemoSchoolTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = {"NUMERIA_DATABASE": cls.url}

    def post(self, path, form):
        self.direction.request("GET", self.base)
        form = dict(form, csrf=self.direction.cookies["numeria_csrf"])
        body = "&".join(f"{key}={value}" for key, value in form.items())
        return self.server.request("POST", path, body=body.encode(), headers={
            "Cookie": self.direction._cookie_header(), "Content-Type": "application/x-www-form-urlencoded"})

    def accounts_with_username(self):
        return int(sql.scalar(self.url, "SELECT COUNT(*) FROM users WHERE username IS NOT NULL"))

    def learner_of_class(self, division, rank=0):
        return sql.query(self.url, "SELECT id, national_key FROM learners WHERE organization_id = "
                                   f"{self.org} AND division = '{division}' ORDER BY national_key")[rank]

    def link_email_account(self, learner_id, email):
        user = sql.create_user(self.url, "Élève", "Courriel", email=email, password_hash="hash-choisi-par-l-eleve")
        sql.query(self.url, f"UPDATE learners SET user_id = {user} WHERE id = {learner_id}")
        return user

    def siecle(self, uai):
        path = tempfile.mktemp(suffix=".xml")
        # The demo's 90 pupils (src/app/demo_pupils.cpp), in the school `uai`.
        subprocess.run([sys.executable, MAKE_SIECLE, "--demo", "--uai", uai, "--pupils", "90", path], check=True)
        self.addCleanup(os.unlink, path)
        return path

    # Class credentials
    def test_an_empty_class_is_refused_before_any_password_changes(self):
        before = self.accounts_with_username()

        status, location = self.start_class_batch("")

        self.assertEqual(status, 303)
        self.assertIn("refus=credentials.class_missing", location)
        self.assertIn("Choisissez une classe", self.page(location))
        self.assertEqual(self.accounts_with_username(), before)

    def test_an_unknown_class_is_refused(self):
        before = self.accounts_with_username()

        status, location = self.start_class_batch("9Z")

        self.assertEqual(status, 303)
        self.assertIn("La classe « 9Z » n'existe pas", self.page(location))
        self.assertEqual(self.accounts_with_username(), before)

    def test_the_class_batch_leaves_out_pupils_who_log_in_by_email(self):
        learner_id, _ = self.learner_of_class("4A")
        user = self.link_email_account(learner_id, "eleve.4a@exemple.fr")
        self.assertIn("1 élève(s) de cette classe se connectent avec leur adresse e-mail",
                      self.page(self.base + "?classe=4A"))
        self.assertIn("Non concernés : ils se connectent avec leur adresse e-mail",
                      self.page(self.base + "/identifiants?classe=4A"))

        batch = self.class_batch("4A")

        status, _, body = self.download(batch + "/identifiants.csv")
        self.assertEqual(status, 200)
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
        self.assertEqual(len(rows) - 1, 21)  # the 22 pupils of 4A but one
        self.assertEqual(sql.query(self.url, f"SELECT password_hash, username FROM users WHERE id = {user}"),
                         [("hash-choisi-par-l-eleve", None)])

    def test_the_class_sheet_is_named_with_the_time_in_paris(self):
        batch = self.class_batch("5A")

        status, headers, _ = self.download(batch + "/identifiants.csv")

        self.assertEqual(status, 200)
        name = re.search(r'filename="(\d{8}_\d{4})_identifiants_5A\.csv"', headers["content-disposition"]).group(1)
        stamp = datetime.datetime.strptime(name, "%Y%m%d_%H%M").replace(tzinfo=zoneinfo.ZoneInfo("Europe/Paris"))
        self.assertLess(abs(datetime.datetime.now(datetime.timezone.utc) - stamp), datetime.timedelta(minutes=2))

    # One pupil
    def test_one_pupil_who_logs_in_by_email_is_offered_a_username(self):
        learner_id, _ = self.learner_of_class("6A", 6)
        self.link_email_account(learner_id, "eleve.6a.page@exemple.fr")

        page = html.unescape(self.page(f"{self.base}/{learner_id}"))

        self.assertIn("Ajouter un identifiant et un mot de passe provisoire", page)
        self.assertIn("« Mot de passe oublié »", page)

    def test_one_pupil_who_logs_in_by_email_gets_a_username_and_keeps_the_email(self):
        learner_id, _ = self.learner_of_class("6A", 3)
        user = self.link_email_account(learner_id, "eleve.6a@exemple.fr")

        status, _, body = self.post(f"{self.base}/{learner_id}/identifiant", {})

        self.assertEqual(status, 200)
        self.assertRegex(html.unescape(body.decode()), r"mot de passe provisoire : <strong>[a-hjkmnp-z]{6}\d{2}</strong>")
        self.assertEqual(sql.scalar(self.url, f"SELECT email FROM users WHERE id = {user}"), "eleve.6a@exemple.fr")
        self.assertIsNotNone(sql.scalar(self.url, f"SELECT username FROM users WHERE id = {user}"))
        self.assertNotEqual(sql.scalar(self.url, f"SELECT password_hash FROM users WHERE id = {user}"),
                            "hash-choisi-par-l-eleve")

    def test_one_pupil_with_a_username_gets_a_new_temporary_password(self):
        learner_id, _ = self.learner_of_class("6A", 4)
        self.post(f"{self.base}/{learner_id}/identifiant", {})
        user = sql.scalar(self.url, f"SELECT user_id FROM learners WHERE id = {learner_id}")
        first_hash = sql.scalar(self.url, f"SELECT password_hash FROM users WHERE id = {user}")

        status, _, body = self.post(f"{self.base}/{learner_id}/identifiant", {})

        self.assertEqual(status, 200)
        self.assertIn('id="identifiants-generes"', body.decode())
        self.assertNotEqual(sql.scalar(self.url, f"SELECT password_hash FROM users WHERE id = {user}"), first_hash)

    # Dissociation
    def test_a_dissociated_account_is_not_linked_again_by_the_next_import(self):
        created = run_cli("org", "create", "--type", "SCO", "--uai", "0759902B", "--name", "Collège d'avant",
                          env=self.env)
        self.assertEqual(created.returncode, 0, created.stderr)
        result = run_cli("students", "import", "--org", "0759902B", self.siecle("0759902B"), env=self.env)
        self.assertEqual(result.returncode, 0, result.stderr)
        learner_id, ine = self.learner_of_class("5A", 2)
        user = sql.create_user(self.url, "Élève", "Ailleurs", username="eleve.ailleurs0101")
        sql.query(self.url, f"UPDATE learners SET user_id = {user} WHERE national_key = '{ine}' "
                            "AND organization_id <> " + self.org)
        demo_file = self.siecle("0759901A")
        self.assertEqual(run_cli("students", "import", "--org", "0759901A", demo_file, env=self.env).returncode, 0)
        self.assertEqual(sql.scalar(self.url, f"SELECT user_id FROM learners WHERE id = {learner_id}"), user)

        status, headers, _ = self.post(f"{self.base}/{learner_id}/dissocier", {})
        self.assertEqual(status, 303)
        self.assertIn("Le compte a été dissocié", self.page(headers["location"]))
        result = run_cli("students", "import", "--org", "0759901A", demo_file, env=self.env)

        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIsNone(sql.scalar(self.url, f"SELECT user_id FROM learners WHERE id = {learner_id}"))
        self.assertIn("Aucun compte n'est lié", self.page(f"{self.base}/{learner_id}"))

    # What the list offers
    def test_the_connection_filter_offers_only_methods_that_exist(self):
        page = self.page(self.base)

        self.assertNotIn('value="sso"', page)
        self.assertNotIn("Connexion externe", page)

    def test_the_current_list_downloads_with_french_dates(self):
        status, headers, body = self.server.request("GET", self.base + "/export.csv",
                                                    headers={"Cookie": self.direction._cookie_header()})

        self.assertEqual(status, 200)
        # Streamed 500 pupils at a time (docs/adr/0009-streaming-and-live-pages.md): memory stays flat for any school.
        self.assertEqual(headers.get("transfer-encoding"), "chunked")
        self.assertTrue(body.startswith(b"\xef\xbb\xbf"))
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
        self.assertEqual(rows[0][3], "Date de naissance")
        self.assertTrue(all(re.fullmatch(r"\d{2}/\d{2}/\d{4}", row[3]) for row in rows[1:]), rows[1])
        # The demo (src/app/demo_data.cpp, version 5) knows the certificability of 17 pupils of 3A.
        dated = [row for row in rows[1:] if row[6]]
        self.assertEqual(len(dated), 17)
        self.assertTrue(all(re.fullmatch(r"\d{2}/\d{2}/\d{4}", row[6]) for row in dated), dated[0])

    def test_the_rollover_guard_words_its_download_honestly(self):
        page = self.page(self.base + "/import")

        self.assertIn("Télécharger la liste actuelle des élèves et leur certificabilité (CSV)", page)
        self.assertNotIn("résultats de certification", page)


class SupStudentPageTest(unittest.TestCase):
    """A SUP student's page shows the columns of the SUP CSV (docs/rules/student-import.md "SUP CSV")."""

    @classmethod
    def setUpClass(cls):
        cls.server = Server(extra_args=["--demo", "--insecure-fast-password-hashing"]).start()
        cls.url = cls.server.database_url
        env = {"NUMERIA_DATABASE": cls.url}
        created = run_cli("org", "create", "--type", "SUP", "--uai", "0751717J", "--name", "Université", env=env)
        cls.org = re.search(r'"id":(\d+)', created.stdout).group(1)
        path = tempfile.mktemp(suffix=".csv")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write("Premier prénom*;Nom de famille*;Date de naissance (jj/mm/aaaa)*;Email;Numéro étudiant*;"
                         "Composante;Équipe pédagogique;Groupe;Diplôme;Régime\n"
                         "Alice;Durand;02/03/2004;alice@univ.example;E123;UFR Sciences;Équipe L1;TD 3;"
                         "Licence informatique;Formation continue\n")
        imported = run_cli("students", "import", "--org", "0751717J", path, env=env)
        os.unlink(path)
        assert imported.returncode == 0, imported.stdout + imported.stderr
        direction = sql.scalar(cls.url, "SELECT id FROM users WHERE email = 'direction@demo.numeria.localhost'")
        sql.query(cls.url, "INSERT INTO memberships (organization_id, user_id, role, created_at, updated_at) "
                           f"VALUES ({cls.org}, {direction}, 'ADMIN', 0, 0)")
        cls.browser = Browser(cls.server)
        cls.browser.log_in(*DIRECTION)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_the_student_page_shows_the_sup_columns(self):
        learner = sql.scalar(self.url, f"SELECT id FROM learners WHERE organization_id = {self.org}")

        _, _, page = self.browser.request("GET", f"/orga/{self.org}/eleves/{learner}")

        page = html.unescape(page)
        for label, value in [("Numéro étudiant", "E123"), ("Groupe", "TD 3"), ("Composante", "UFR Sciences"),
                             ("Équipe pédagogique", "Équipe L1"), ("Diplôme", "Licence informatique"),
                             ("Régime", "Formation continue"), ("Adresse e-mail (fichier importé)",
                                                                "alice@univ.example")]:
            self.assertRegex(page, f"<dt>{re.escape(label)}</dt><dd[^>]*>{re.escape(value)}</dd>")


if __name__ == "__main__":
    unittest.main()
