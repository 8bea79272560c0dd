"""The national Admin space: list and create organisations (docs/rules/organizations.md "Types")."""
import unittest

from tests.integration.test_accounts import Browser
from tests.support.harness import Server

NATIONAL = ("admin@demo.numeria.localhost", "AdminNationale2026")


class AdminSpaceTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(extra_args=["--demo"]).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_a_national_admin_lists_and_creates_organisations(self):
        admin = Browser(self.server)
        admin.log_in(*NATIONAL)

        _, _, home = admin.request("GET", "/")
        _, _, before = admin.request("GET", "/admin/organisations")
        status, headers, _ = admin.request("POST", "/admin/organisations", {
            "csrf": admin.cookies["numeria_csrf"], "type": "SUP", "nom": "Université Exemple", "uai": ""})
        _, _, after = admin.request("GET", headers["location"])

        self.assertIn('id="lien-admin"', home)
        self.assertIn("Collège Jeanne-Barret", before)
        self.assertEqual(status, 303)
        self.assertIn("L&#39;organisation a été créée.", after.replace("'", "&#39;"))
        self.assertIn('<td data-label="Nom">Université Exemple</td><td data-label="Type">enseignement supérieur</td>', after)

    def test_a_school_without_uai_is_refused_in_french(self):
        admin = Browser(self.server)
        admin.log_in(*NATIONAL)
        admin.request("GET", "/admin/organisations")

        status, headers, _ = admin.request("POST", "/admin/organisations", {
            "csrf": admin.cookies["numeria_csrf"], "type": "SCO", "nom": "Collège sans UAI", "uai": ""})
        _, _, html = admin.request("GET", headers["location"])

        self.assertEqual(status, 303)
        self.assertIn("7 chiffres", html)
        self.assertIn('value="Collège sans UAI"', html)

    def test_the_admin_space_does_not_exist_for_others(self):
        teacher = Browser(self.server)
        teacher.log_in("direction@demo.numeria.localhost", "Direction2026")

        status, _, _ = teacher.request("GET", "/admin/organisations")
        _, _, home = teacher.request("GET", "/")

        self.assertEqual(status, 404)
        self.assertNotIn('id="lien-admin"', home)


if __name__ == "__main__":
    unittest.main()
