"""`numeria serve --demo` (what `make run` starts): demo data loaded once, demo log-ins work, and the
demo Collège Jeanne-Barret looks like a real collège of the school year under way: 90 pupils of 6e to
3e born in the year of their level, first names matching their sex, a certificability only for pupils
with an account, and its pupils' import in the school's import history."""
import datetime
import html
import os
import re
import unittest

from tests.integration.test_accounts import Browser
from tests.support import make_siecle, sql
from tests.support.harness import Server

LEVEL_AGE = {"6A": 11, "5A": 12, "4A": 13, "3A": 14}


class DemoDataTest(unittest.TestCase):
    def test_demo_log_ins_are_printed_and_work_and_the_data_loads_once(self):
        first = Server(extra_args=["--demo"]).start()
        try:
            printed = "\n".join(first.lines)
            browser = Browser(first)
            status, _, _ = browser.log_in("direction@demo.numeria.localhost", "Direction2026")
            _, _, orga = browser.request("GET", "/orga")
            pupil = re.search(r"^  (\S+) / Eleve3A-2026  \(élève de 3A", printed, re.M).group(1)
            pupil_status, _, _ = Browser(first).log_in(pupil, "Eleve3A-2026")
            first.stop_process()
            second = Server(extra_args=["--demo"], database_url=first.database_url).start()
            second.stop()
        finally:
            first.stop()

        self.assertIn("direction@demo.numeria.localhost / Direction2026", printed)
        self.assertEqual(status, 303)
        self.assertEqual(pupil_status, 303)
        self.assertIn("<strong>Collège Jeanne-Barret</strong> (collège ou lycée) : Administrateur", html.unescape(orga))
        self.assertIn("le lien arrive en fichier .eml dans " + os.path.join(first.workdir, "outbox"), printed)
        self.assertIn("déjà chargées", "\n".join(second.lines))


class DemoSchoolTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(extra_args=["--demo"]).start()
        cls.url = cls.server.database_url
        cls.direction = Browser(cls.server)
        cls.direction.log_in("direction@demo.numeria.localhost", "Direction2026")
        _, _, page = cls.direction.request("GET", "/orga")
        cls.org = re.search(r"/orga/(\d+)/equipe", page).group(1)
        cls.pupils = sql.query(cls.url, "SELECT national_key, first_name, sex, birthdate, division, user_id, "
                                        f"certifiable FROM learners WHERE organization_id = {cls.org} "
                                        "ORDER BY national_key")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_the_pupils_are_in_6e_to_3e_and_born_in_the_year_of_their_level(self):
        school_year = make_siecle.school_year_start(datetime.date.today())
        self.assertEqual(len(self.pupils), 90)
        self.assertEqual(sorted({row[4] for row in self.pupils}), ["3A", "4A", "5A", "6A"])
        for ine, _, _, birthdate, division, _, _ in self.pupils:
            self.assertEqual(int(birthdate[:4]), school_year - LEVEL_AGE[division], f"{ine} of {division}")

    def test_first_names_match_the_recorded_sex(self):
        for ine, first_name, sex, *_ in self.pupils:
            self.assertIn(first_name, make_siecle.GIRLS if sex == "F" else make_siecle.BOYS, f"{ine} ({sex})")
        self.assertEqual({row[2] for row in self.pupils}, {"F", "M"})

    def test_only_pupils_with_an_account_have_a_certificability(self):
        with_account = [row for row in self.pupils if row[5] is not None]
        without = [row for row in self.pupils if row[5] is None]
        self.assertEqual({row[4] for row in with_account}, {"3A"})
        self.assertTrue(all(row[6] is None for row in without))
        self.assertGreater(sum(row[6] is not None for row in with_account), 0)
        _, _, page = self.direction.request("GET", f"/orga/{self.org}/eleves?classe=6A")
        page = html.unescape(page)
        self.assertEqual(page.count('<td data-label="Certificabilité">Non communiqué'), 23)

    def test_the_import_of_the_pupils_is_in_the_import_history(self):
        _, _, page = self.direction.request("GET", f"/orga/{self.org}/eleves/import")
        history = html.unescape(page).split('id="historique-imports"')[1]
        row = re.search(r"<tr>(.*?)</tr>", history.split("<tbody>")[1], re.S).group(1)
        self.assertIn("ElevesSansAdresses.xml", row)
        self.assertIn("90", row)

    def test_make_siecle_demo_writes_the_demo_pupils(self):
        school_year = make_siecle.school_year_start(datetime.date.today())
        expected = [make_siecle.demo_pupil(index, school_year) for index in range(1, 91)]
        self.assertEqual(sorted(pupil["ine"] for pupil in expected), [row[0] for row in self.pupils])


if __name__ == "__main__":
    unittest.main()
