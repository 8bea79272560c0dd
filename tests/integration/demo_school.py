"""The demo Collège Jeanne-Barret (`numeria serve --demo`, 90 pupils) as its head sees it, shared by
the tests of the Orga "Élèves" tab: one server per test class, the head logged in, `org` and `base`
(the students' URL) found from the Orga home page."""
import html
import re
import unittest

from tests.integration.test_accounts import Browser
from tests.support.harness import Server

DIRECTION = ("direction@demo.numeria.localhost", "Direction2026")


class DemoSchoolTest(unittest.TestCase):
    server_args = ["--demo", "--insecure-fast-password-hashing"]

    @classmethod
    def setUpClass(cls):
        cls.server = Server(extra_args=cls.server_args).start()
        cls.url = cls.server.database_url
        cls.direction = Browser(cls.server)
        cls.direction.log_in(*DIRECTION)
        _, _, page = cls.direction.request("GET", "/orga")
        cls.org = re.search(r"/orga/(\d+)/equipe", page).group(1)
        cls.base = f"/orga/{cls.org}/eleves"

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def page(self, path):
        _, _, text = self.direction.request("GET", path)
        return html.unescape(text)
