"""The request path (docs/adr/0008-application-layer.md "Request path"), counted in database
transactions through the pool's lease counter of /metrics: static files and health checks never
look at the session; a signed-in page resolves its caller, their national-admin flag and their
memberships (the Orga menu, the access check of organisation routes) in one transaction."""
import re
import unittest
import urllib.parse

from tests.support.harness import Server

TOKEN = "jeton-des-metriques-du-chemin"
DIRECTION = ("direction@demo.numeria.localhost", "Direction2026")


class RequestPathTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(extra_args=["--demo", "--metrics-token", TOKEN]).start()
        csrf = "c" * 64
        status, headers, _ = cls.server.request(
            "POST", "/connexion", urllib.parse.urlencode({"csrf": csrf, "identifiant": DIRECTION[0],
                                                         "mot_de_passe": DIRECTION[1]}),
            {"Content-Type": "application/x-www-form-urlencoded", "Cookie": "numeria_csrf=" + csrf})
        assert status == 303, status
        cls.cookie = re.search(r"numeria_session=[0-9a-f]{64}", headers["set-cookie"]).group(0)
        _, _, home = cls.server.request("GET", "/orga", headers={"Cookie": cls.cookie})
        cls.team = re.search(r"/orga/\d+/equipe", home.decode().replace("&#x2F;", "/")).group(0)
        _, _, page = cls.server.request("GET", "/", headers={"Cookie": cls.cookie})
        cls.asset = re.search(r'href="([^"]+\.css)"', page.decode().replace("&#x2F;", "/")).group(1)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def leases(self):
        _, _, body = self.server.request("GET", "/metrics", headers={"Authorization": "Bearer " + TOKEN})
        return int(re.search(r"numeria_db_pool_leases_total\{[^}]*\} (\d+)", body.decode()).group(1))

    def transactions_of(self, path, times=10):
        before = self.leases()
        for _ in range(times):
            status, _, _ = self.server.request("GET", path, headers={"Cookie": self.cookie})
            self.assertEqual(status, 200, path)
        return (self.leases() - before) / times

    def test_a_static_file_asked_with_a_session_cookie_reads_nothing(self):
        self.assertEqual(self.transactions_of(self.asset), 0)

    def test_the_health_check_reads_only_its_select(self):
        self.assertEqual(self.transactions_of("/healthz"), 1)

    def test_a_signed_in_page_without_data_costs_one_transaction_for_its_caller_and_menu(self):
        _, _, page = self.server.request("GET", "/mon-espace", headers={"Cookie": self.cookie})
        self.assertIn("Collège Jeanne-Barret", page.decode())  # the Orga menu came with the caller
        self.assertEqual(self.transactions_of("/mon-espace"), 1)

    def test_an_organisation_page_adds_only_its_own_read(self):
        self.assertEqual(self.transactions_of(self.team), 2)


if __name__ == "__main__":
    unittest.main()
