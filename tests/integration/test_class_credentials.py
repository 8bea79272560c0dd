"""Class credentials batches (docs/rules/accounts.md "Class credentials batches") on the demo Collège
Jeanne-Barret: the confirmation names who gets a password, one batch is downloaded as CSV and PDF any
number of times with the same passwords, a pupil who chose a password keeps it unless ticked, the next
batch replaces the previous one, the audit log names the pupils, another school's batch is not found,
and a batch whose server was killed mid-way is finished after the restart."""
import csv
import html
import io
import re
import signal
import subprocess
import tempfile
import threading
import os

from tests.integration.demo_school import DemoSchoolTest
from tests.integration.test_accounts import Browser
from tests.support import sql
from tests.support.harness import run_cli


def sheet(body):
    """The CSV's rows after its header, as {username: password}."""
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    return {row[3]: row[4] for row in rows[1:]}


def pdf_text(body):
    with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as file:
        file.write(body)
    try:
        return subprocess.run(["pdftotext", "-layout", file.name, "-"], check=True, capture_output=True,
                              text=True).stdout
    finally:
        os.unlink(file.name)


class ClassCredentialsTest(DemoSchoolTest):
    server_args = ["--demo", "--insecure-fast-password-hashing", "--job-claim-seconds", "1"]

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The demo's classes, whatever they are: each test acts on one of the first three.
        cls.classes = [row[0] for row in sql.query(cls.url, "SELECT DISTINCT division FROM learners WHERE "
                                                             f"organization_id = {cls.org} AND disabled = 0 "
                                                             "ORDER BY division")]

    def learners(self, division):
        return sql.query(self.url, "SELECT id, first_name, last_name FROM learners WHERE organization_id = "
                                   f"{self.org} AND division = '{division}' AND disabled = 0 ORDER BY last_name, id")

    def user_of(self, learner):
        return sql.scalar(self.url, f"SELECT user_id FROM learners WHERE id = {learner}")

    def hash_of(self, user):
        return sql.scalar(self.url, f"SELECT password_hash FROM users WHERE id = {user}")

    def change_own_password(self, username, password, new_password="MonSecret2027"):
        pupil = Browser(self.server)
        status, _, _ = pupil.log_in(username, password)
        self.assertEqual(status, 303)
        form = {"csrf": pupil.csrf("/mot-de-passe/changer"), "mot_de_passe": new_password,
                "confirmation": new_password}
        status, _, page = pupil.request("POST", "/mot-de-passe/changer", form)
        self.assertIn(status, (200, 303), page)
        self.assertEqual(sql.scalar(self.url, "SELECT must_change_password FROM users WHERE username = "
                                              f"'{username}'"), "0")

    def test_the_confirmation_names_every_pupil_who_gets_a_password(self):
        division = self.classes[0]
        page = self.page(self.base + "/identifiants?classe=" + division)

        count = len(self.learners(division))
        self.assertIn(f"{count} élève(s) recevront un nouveau mot de passe provisoire", page)
        for _, first_name, last_name in self.learners(division):
            self.assertIn(f"{last_name} {first_name}", page)

    def test_showing_the_confirmation_changes_nothing(self):
        before = (sql.scalar(self.url, "SELECT COUNT(*) FROM users"),
                  sql.scalar(self.url, "SELECT COUNT(*) FROM credential_batches"))

        self.page(self.base + "/identifiants?classe=" + self.classes[0])

        self.assertEqual((sql.scalar(self.url, "SELECT COUNT(*) FROM users"),
                          sql.scalar(self.url, "SELECT COUNT(*) FROM credential_batches")), before)

    def test_a_batch_downloaded_twice_as_csv_and_pdf_gives_the_same_passwords(self):
        division = self.classes[0]
        batch = self.class_batch(division)

        first = sheet(self.download(batch + "/identifiants.csv")[2])
        second = sheet(self.download(batch + "/identifiants.csv")[2])
        pdf_once = pdf_text(self.download(batch + "/identifiants.pdf")[2])
        pdf_twice = pdf_text(self.download(batch + "/identifiants.pdf")[2])

        self.assertEqual(len(first), len(self.learners(division)))
        self.assertEqual(first, second)
        self.assertEqual(pdf_once, pdf_twice)
        for username, password in first.items():
            self.assertIn(username, pdf_once)
            self.assertIn(password, pdf_once)
        self.assertEqual(pdf_once.count("Cliquez sur « Se connecter »"), len(first))
        self.assertEqual(pdf_once.count(f"Ouvrez http://127.0.0.1:{self.server.port}"), len(first))
        username, password = next(iter(first.items()))
        self.assertEqual(Browser(self.server).log_in(username, password)[0], 303)

    def test_a_pupil_who_chose_a_password_is_untouched_unless_ticked(self):
        division = self.classes[2]
        first = sheet(self.download(self.class_batch(division) + "/identifiants.csv")[2])
        username, password = sorted(first.items())[0]
        self.change_own_password(username, password)
        user = sql.scalar(self.url, f"SELECT id FROM users WHERE username = '{username}'")
        learner = sql.scalar(self.url, f"SELECT id FROM learners WHERE user_id = {user}")
        chosen_hash = self.hash_of(user)
        page = self.page(self.base + "/identifiants?classe=" + division)
        self.assertIn("Élèves qui ont déjà choisi leur mot de passe", page)
        self.assertIn(f'id="inclure-{learner}"', page)

        untouched = sheet(self.download(self.class_batch(division) + "/identifiants.csv")[2])

        self.assertNotIn(username, untouched)
        self.assertEqual(self.hash_of(user), chosen_hash)
        self.assertEqual(len(untouched), len(first) - 1)

        ticked = sheet(self.download(self.class_batch(division, ticked=[learner]) + "/identifiants.csv")[2])

        self.assertIn(username, ticked)
        self.assertNotEqual(self.hash_of(user), chosen_hash)
        self.assertEqual(Browser(self.server).log_in(username, ticked[username])[0], 303)

    def test_no_text_of_the_pdf_leaves_its_page_even_for_a_very_long_name(self):
        division = self.classes[2]
        learner = self.learners(division)[0][0]
        long_name = "De La Fontaine-Montmorency " * 3 + "Wolfeschlegelsteinhausenbergerdorff"
        sql.query(self.url, f"UPDATE learners SET last_name = '{long_name}' WHERE id = {learner}")
        batch = self.class_batch(division)

        pdf = self.download(batch + "/identifiants.pdf")[2]

        with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as file:
            file.write(pdf)
        try:
            boxes = subprocess.run(["pdftotext", "-bbox", file.name, "-"], check=True, capture_output=True,
                                   text=True).stdout
        finally:
            os.unlink(file.name)
        page = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', boxes)
        width, height = float(page.group(1)), float(page.group(2))
        words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">', boxes)
        self.assertGreater(len(words), 50)
        for x_min, y_min, x_max, y_max in words:
            self.assertTrue(0 <= float(x_min) and float(x_max) <= width - 20, (x_min, x_max))
            self.assertTrue(0 <= float(y_min) and float(y_max) <= height - 20, (y_min, y_max))
        self.assertIn("Montmorency", boxes)

    def test_the_next_batch_replaces_the_previous_one(self):
        old = self.class_batch(self.classes[1])

        new = self.class_batch(self.classes[1])

        status, headers, _ = self.download(old + "/identifiants.csv")
        self.assertEqual((status, headers.get("location")), (303, old))
        self.assertIn("Ce lot a été remplacé par un lot plus récent", self.page(old))
        batch_id = old.rsplit("/", 1)[1]
        self.assertEqual(sql.scalar(self.url, "SELECT COUNT(*) FROM credential_batch_lines WHERE batch_id = "
                                              f"{batch_id} AND sealed_password IS NOT NULL"), "0")
        self.assertEqual(self.download(new + "/identifiants.csv")[0], 200)

    def test_the_audit_log_names_the_batch_and_each_pupil(self):
        division = self.classes[1]
        self.class_batch(division)

        journal = self.page(f"/orga/{self.org}/journal")

        self.assertIn(f"Classe {division}", journal)
        for _, first_name, last_name in self.learners(division)[:3]:
            self.assertIn(f"{first_name} {last_name} ({division})", journal)

    def test_another_schools_batch_is_not_found(self):
        created = run_cli("org", "create", "--type", "SCO", "--uai", "0759903C", "--name", "Collège voisin",
                          env={"NUMERIA_DATABASE": self.url})
        self.assertEqual(created.returncode, 0, created.stderr)
        other = sql.scalar(self.url, "SELECT id FROM organizations WHERE uai = '0759903C'")
        sql.query(self.url, "INSERT INTO credential_batches (organization_id, division, state, created_at) "
                            f"VALUES ({other}, '6A', 'DONE', 0)")
        foreign = sql.scalar(self.url, f"SELECT MAX(id) FROM credential_batches WHERE organization_id = {other}")

        for suffix in ("", "/etat", "/identifiants.csv", "/identifiants.pdf"):
            status, _, _ = self.download(f"{self.base}/identifiants/lots/{foreign}{suffix}")
            self.assertEqual(status, 404, suffix)

    def test_a_refused_start_redirects_and_writes_nothing(self):
        status, location = self.start_class_batch("<script>")

        self.assertEqual(status, 303)
        page = self.page(location)
        self.assertIn("n'existe pas", page)
        self.assertNotIn("<script>", html.escape(page, quote=False).replace("&lt;script&gt;", ""))
        self.assertEqual(sql.scalar(self.url, "SELECT COUNT(*) FROM credential_batches WHERE division = '<script>'"),
                         "0")

    def test_two_starts_at_once_make_one_batch(self):
        division = self.classes[0]
        before = int(sql.scalar(self.url, "SELECT COUNT(*) FROM credential_batches"))
        self.direction.request("GET", f"{self.base}/identifiants?classe={division}")
        form = {"csrf": self.direction.cookies["numeria_csrf"], "classe": division}
        answers = []

        def start():
            answers.append(self.direction.request("POST", self.base + "/identifiants", form))

        threads = [threading.Thread(target=start) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        locations = {headers["location"].split("?")[0] for _, headers, _ in answers}
        self.assertEqual([status for status, _, _ in answers], [303] * 4)
        self.assertEqual(len(locations), 1, locations)
        self.assertEqual(int(sql.scalar(self.url, "SELECT COUNT(*) FROM credential_batches")), before + 1)
        self.assertEqual(self.wait_for_batch(locations.pop())["state"], "DONE")

    def test_a_batch_cut_by_a_killed_server_is_finished_after_the_restart(self):
        division = self.classes[1]
        status, batch = self.start_class_batch(division)
        self.assertEqual(status, 303)
        self.server.signal(signal.SIGKILL)
        self.server.wait(10)
        self.server.start()  # the same database and secret file: the head's session still holds

        state = self.wait_for_batch(batch)

        self.assertEqual(state["state"], "DONE")
        rows = sheet(self.download(batch + "/identifiants.csv")[2])
        self.assertEqual(len(rows), len(self.learners(division)))
        username, password = next(iter(rows.items()))
        self.assertEqual(Browser(self.server).log_in(username, password)[0], 303)
