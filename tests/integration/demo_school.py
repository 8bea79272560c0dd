"""The demo Collège Jeanne-Barret (`numeria serve --demo`, 90 pupils) as its head sees it, shared by
the tests of the Orga "Élèves" tab: one server per test class, the head logged in, `org` and `base`
(the students' URL) found from the Orga home page."""
import html
import json
import re
import time
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

    def start_class_batch(self, division, ticked=()):
        """Confirms a class credentials batch (docs/rules/accounts.md "Class credentials batches"), ticking the
        learners `ticked`; returns the POST's status and where it redirects."""
        self.direction.request("GET", f"{self.base}/identifiants?classe={division}")
        form = {"csrf": self.direction.cookies["numeria_csrf"], "classe": division}
        form.update({f"inclure-{learner}": "1" for learner in ticked})
        status, headers, _ = self.direction.request("POST", self.base + "/identifiants", form)
        return status, headers.get("location", "")

    def wait_for_batch(self, batch, seconds=60):
        """Waits until the batch's job has finished; returns its state as JSON."""
        deadline = time.monotonic() + seconds
        while True:
            _, _, text = self.direction.request("GET", batch + "/etat")
            state = json.loads(text)
            if state["state"] != "RUNNING" or time.monotonic() > deadline:
                return state
            time.sleep(0.1)

    def class_batch(self, division, ticked=()):
        """A finished batch of the class: its path."""
        status, batch = self.start_class_batch(division, ticked)
        self.assertEqual(status, 303)
        self.assertEqual(self.wait_for_batch(batch)["state"], "DONE")
        return batch

    def download(self, path):
        """GET with the head's cookies, the body as bytes."""
        return self.server.request("GET", path, headers={"Cookie": self.direction._cookie_header()})
