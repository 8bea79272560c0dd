"""The "Élèves" tab of Orga (docs/rules/student-import.md, docs/rules/organizations.md "Students list",
docs/rules/accounts.md "Pupils' credentials"), on the demo Collège Jeanne-Barret and
its 90 pupils: the list and its filters, the asynchronous import followed through its state URL,
the confirmation asked before disabling most pupils, and pupils' credentials."""
import csv
import html
import io
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import unittest

from tests.integration.demo_school import DIRECTION, DemoSchoolTest
from tests.integration.test_accounts import Browser

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "fixtures", "students")
MAKE_SIECLE = os.path.join(HERE, "..", "support", "make_siecle.py")
TEACHER = ("enseignant@demo.numeria.localhost", "Enseignant2026")


def siecle(pupils, seed, classes="6A,6B,5A"):
    path = tempfile.mktemp(suffix=".xml")
    subprocess.run([sys.executable, MAKE_SIECLE, "--uai", "0759901A", "--pupils", str(pupils), "--seed", str(seed),
                    "--classes", classes, path], check=True)
    with open(path, "rb") as handle:
        data = handle.read()
    os.unlink(path)
    return data


def demo_siecle(pupils):
    """The demo's 90 pupils (src/app/demo_pupils.cpp), then newcomers."""
    path = tempfile.mktemp(suffix=".xml")
    subprocess.run([sys.executable, MAKE_SIECLE, "--demo", "--pupils", str(pupils), path], check=True)
    with open(path, "rb") as handle:
        data = handle.read()
    os.unlink(path)
    return data


class StudentsPagesTest(DemoSchoolTest):
    def count(self, query=""):
        return int(re.search(r'id="nombre-eleves">(\d+) élève', self.page(self.base + query)).group(1))

    def upload(self, data, name="ElevesSansAdresses.xml", browser=None, csrf=True):
        browser = browser or self.direction
        self.direction.request("GET", self.base + "/import")
        headers = {"Cookie": browser._cookie_header(), "Content-Type": "application/octet-stream",
                   "X-File-Name": name}
        if csrf:
            headers["X-CSRF-Token"] = browser.cookies.get("numeria_csrf", "")
        status, _, body = self.server.request("POST", self.base + "/imports?format=siecle", body=data, headers=headers)
        return status, json.loads(body) if body.startswith(b"{") else None

    def follow(self, state_url):
        for _ in range(100):
            _, _, body = self.direction.request("GET", state_url)
            state = json.loads(body)
            if state["finished"]:
                return state
            time.sleep(0.1)
        self.fail("the import never finished")

    def test_01_the_list_shows_the_demo_pupils(self):
        self.assertEqual(self.count(), 90)

    def test_02_the_list_filters_by_class(self):
        self.assertEqual(self.count("?classe=6A"), 23)

    def test_03_the_list_searches_by_name_in_any_case(self):
        last_name = re.search(r'<td data-label="Nom"><a href="/orga/\d+/eleves/\d+">([A-ZÉÈ]+)</a>',
                              self.page(self.base)).group(1)

        found = self.count("?recherche=" + urllib.parse.quote(last_name.lower()))
        self.assertGreater(found, 0)
        self.assertLess(found, 90)

    def test_04_the_list_filters_by_certificability(self):
        # The demo data (src/app/demo_data.cpp, version 5): only the 22 pupils of 3A have an account; of
        # every 4 of them, 2 certifiable, 1 not, 1 unknown; every pupil without an account is unknown.
        self.assertEqual(self.count("?certificabilite=oui"), 12)
        self.assertEqual(self.count("?certificabilite=non"), 5)
        self.assertEqual(self.count("?certificabilite=inconnu"), 73)
        self.assertEqual(self.count("?classe=3A&certificabilite=oui"), 12)
        self.assertEqual(self.count("?classe=6A&certificabilite=inconnu"), 23)

    def test_04b_the_list_shows_the_certificability_date(self):
        page = self.page(self.base + "?certificabilite=non")

        self.assertRegex(page, r"Non certifiable <span class=\"fr-text--xs\">\(le \d{2}/\d{2}/\d{4}\)</span>")

    def test_05_an_upload_is_imported_in_the_background(self):
        status, created = self.upload(demo_siecle(95))

        self.assertEqual(status, 202)
        state = self.follow(created["state_url"])
        self.assertEqual(state["state"], "IMPORTED")
        self.assertEqual((state["outcome"]["imported"], state["outcome"]["unchanged"]), (5, 90))
        self.assertEqual(self.count(), 95)

    def test_06_another_schools_file_is_refused_and_changes_nothing(self):
        before = self.count()
        with open(os.path.join(FIXTURES, "siecle-with-wrong-uai.xml"), "rb") as handle:
            status, created = self.upload(handle.read())

        state = self.follow(created["state_url"])
        self.assertEqual(state["state"], "VALIDATION_ERROR")
        self.assertEqual(state["outcome"]["errors"][0]["code"], "UAI_MISMATCHED")
        self.assertEqual(self.count(), before)

    def test_07_disabling_most_pupils_waits_for_confirmation_and_can_be_cancelled(self):
        before = self.count()
        _, created = self.upload(siecle(10, 99))

        state = self.follow(created["state_url"])
        self.assertTrue(state["confirmation_required"])
        self.assertEqual(self.count(), before)
        status, _, _ = self.server.request("POST", created["state_url"] + "/annuler", headers={
            "Cookie": self.direction._cookie_header(), "X-CSRF-Token": self.direction.cookies["numeria_csrf"]})
        self.assertEqual(status, 200)
        self.assertEqual(self.follow(created["state_url"])["state"], "CANCELLED")
        self.assertEqual(self.count(), before)

    def test_08_an_upload_without_csrf_token_is_refused(self):
        status, _ = self.upload(demo_siecle(95), csrf=False)

        self.assertEqual(status, 403)

    def test_09_a_teacher_may_not_import(self):
        teacher = Browser(self.server)
        teacher.log_in(*TEACHER)
        teacher.request("GET", self.base)

        status, _ = self.upload(demo_siecle(95), browser=teacher)

        self.assertEqual(status, 403)

    def test_10_the_history_lists_the_imports(self):
        page = self.page(self.base + "/import")

        self.assertIn("Import terminé", page)
        self.assertIn("Fichier refusé", page)

    def test_10b_the_history_names_the_formats_in_french(self):
        page = self.page(self.base + "/import")

        self.assertIn(">Fichier SIECLE (XML)</td>", page)
        self.assertNotIn(">siecle</td>", page)

    def test_10c_a_page_opened_when_no_import_runs_follows_none(self):
        self.assertNotIn("data-suivi", self.page(self.base + "/import"))

    def test_17_a_page_opened_while_an_import_waits_follows_it(self):
        _, created = self.upload(siecle(10, 99))
        self.follow(created["state_url"])

        page = self.page(self.base + "/import")

        self.assertIn(f'data-suivi="{created["state_url"]}"', html.unescape(page))
        self.server.request("POST", created["state_url"] + "/annuler", headers={
            "Cookie": self.direction._cookie_header(), "X-CSRF-Token": self.direction.cookies["numeria_csrf"]})
        self.assertEqual(self.follow(created["state_url"])["state"], "CANCELLED")
        self.assertNotIn("data-suivi", self.page(self.base + "/import"))

    def test_11_class_credentials_are_downloaded_and_work_once(self):
        batch = self.class_batch("5A")
        status, headers, body = self.download(batch + "/identifiants.csv")

        self.assertEqual(status, 200)
        self.assertIn("attachment", headers["content-disposition"])
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
        self.assertEqual(rows[0], ["Classe", "Nom", "Prénom", "Identifiant", "Mot de passe"])
        self.assertGreaterEqual(len(rows), 24)
        username, password = rows[1][3], rows[1][4]
        self.assertRegex(username, r"^[a-z0-9]+\.[a-z0-9]+\d{4}$")
        self.assertRegex(password, r"^[a-hjkmnp-z]{6}\d{2}$")
        pupil = Browser(self.server)
        status, headers, _ = pupil.log_in(username, password)
        self.assertEqual(status, 303)
        status, headers, _ = pupil.request("GET", "/mon-espace")
        self.assertEqual(headers.get("location"), "/mot-de-passe/changer")
        self.assertEqual(self.count("?connexion=identifiant&classe=5A"), len(rows) - 1)

    def test_12_class_credentials_print_as_a_pdf(self):
        batch = self.class_batch("4A")

        status, headers, body = self.download(batch + "/identifiants.pdf")

        self.assertEqual((status, headers["content-type"]), (200, "application/pdf"))
        self.assertTrue(body.startswith(b"%PDF-"))

    def test_13_a_pupil_page_shows_identity_and_dissociates_the_account(self):
        link = re.search(r'href="(/orga/\d+/eleves/\d+)"',
                         self.page(self.base + "?classe=5A&connexion=identifiant")).group(1)
        _, _, page = self.direction.request("GET", link)
        self.assertIn("Date de naissance", page)
        self.assertIn("5A", page)

        confirmation = self.page(link + "?confirmer=dissocier")
        self.assertIn("Dissocier le compte de", confirmation)
        self.assertIn(f'action="{link}/dissocier"', confirmation)
        status, headers, _ = self.direction.request("POST", link + "/dissocier",
                                                    {"csrf": self.direction.cookies["numeria_csrf"]})
        self.assertEqual(status, 303)
        after = self.page(headers["location"])

        self.assertIn("Le compte a été dissocié", after)
        self.assertIn("Aucun compte n'est lié", after)

    def test_14_one_pupil_gets_credentials_shown_once(self):
        link = re.search(r'href="(/orga/\d+/eleves/\d+)"', self.page(self.base + "?classe=6A&connexion=aucune")).group(1)

        _, _, page = self.direction.request("POST", link + "/identifiant", {"csrf": self.direction.cookies["numeria_csrf"]})

        self.assertIn('id="identifiants-generes"', page)
        self.assertRegex(page, r"mot de passe provisoire : <strong>[a-hjkmnp-z]{6}\d{2}</strong>")

    def test_16_a_file_above_20_mb_is_refused_before_it_is_stored(self):
        before = self.count()
        size = 21 * 1024 * 1024
        head = (f"POST {self.base}/imports?format=siecle HTTP/1.1\r\nHost: localhost\r\n"
                f"Cookie: {self.direction._cookie_header()}\r\nX-CSRF-Token: {self.direction.cookies['numeria_csrf']}\r\n"
                f"Content-Type: application/octet-stream\r\nContent-Length: {size}\r\n\r\n")
        with socket.create_connection(("127.0.0.1", self.server.port), timeout=10) as connection:
            connection.sendall(head.encode())
            try:
                connection.sendall(b"x" * (1024 * 1024))
            except OSError:
                pass  # the server may answer and close before the body is sent
            answer = connection.recv(4096).decode("utf-8", "replace")

        self.assertIn(" 413 ", answer.split("\r\n")[0])
        self.assertEqual(self.count(), before)

    def test_15_an_import_of_another_organisation_is_not_found(self):
        status, _, _ = self.direction.request("GET", "/orga/999/eleves/imports/1")

        self.assertEqual(status, 404)


if __name__ == "__main__":
    unittest.main()
