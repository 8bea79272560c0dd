"""Every sample file of tests/fixtures/students through the Orga import page, as the
head of the demo Collège Jeanne-Barret: the samples' UAJ "123ABC" is replaced by the school's UAI so
that only the file's own content decides the outcome its SOURCES.md describes."""
import json
import os
import time
import unittest

from tests.integration.demo_school import DemoSchoolTest
from tests.integration.test_students_pages import FIXTURES


class StudentsSamplesThroughThePageTest(DemoSchoolTest):
    server_args = ["--demo"]

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.direction.request("GET", cls.base + "/import")

    def headers(self, extra=None):
        return dict({"Cookie": self.direction._cookie_header(),
                     "X-CSRF-Token": self.direction.cookies["numeria_csrf"]}, **(extra or {}))

    def upload(self, name, fmt="siecle", confirm=False):
        with open(os.path.join(FIXTURES, name), "rb") as handle:
            data = handle.read().replace(b"<UAJ>123ABC</UAJ>", b"<UAJ>0759901A</UAJ>")
        status, _, body = self.server.request("POST", f"{self.base}/imports?format={fmt}", body=data,
                                              headers=self.headers({"Content-Type": "application/octet-stream"}))
        self.assertEqual(status, 202)
        url = json.loads(body)["state_url"]
        state = self.follow(url)
        if confirm and state["confirmation_required"]:
            status, _, _ = self.server.request("POST", url + "/confirmer", headers=self.headers())
            self.assertEqual(status, 202)
            state = self.follow(url, wait_for_confirmed=True)
        return state

    def follow(self, url, wait_for_confirmed=False):
        for _ in range(150):
            _, _, body = self.server.request("GET", url, headers=self.headers())
            state = json.loads(body)
            if state["finished"] and not (wait_for_confirmed and state["state"] == "VALIDATED"):
                return state
            time.sleep(0.1)
        self.fail("the import never finished")

    def test_the_samples_in_sequence(self):
        two = self.upload("siecle-with-two-valid-students.xml", confirm=True)
        self.assertEqual((two["state"], two["outcome"]["imported"], two["outcome"]["disabled"]), ("IMPORTED", 2, 90))

        again = self.upload("siecle-with-two-valid-students.xml")
        self.assertEqual((again["state"], again["outcome"]["unchanged"], again["outcome"]["imported"]),
                         ("IMPORTED", 2, 0))

        duplicate = self.upload("siecle-with-duplicate-national-student-id.xml")
        self.assertEqual(duplicate["state"], "VALIDATION_ERROR")
        self.assertEqual(duplicate["outcome"]["errors"][0]["code"], "INE_UNIQUE")

        wrong = self.upload("siecle-with-wrong-uai.xml")
        self.assertEqual(wrong["state"], "VALIDATION_ERROR")
        self.assertEqual(wrong["outcome"]["errors"][0]["code"], "UAI_MISMATCHED")

        gone = self.upload("siecle-with-registrations-no-longer-in-school.xml", confirm=True)
        self.assertEqual((gone["state"], gone["outcome"]["skipped"], gone["outcome"]["disabled"]), ("IMPORTED", 5, 2))

        csv = self.upload("siecle-csv-with-two-valid-students.csv", fmt="fregata")
        self.assertEqual((csv["state"], csv["outcome"]["imported"]), ("IMPORTED", 2))


if __name__ == "__main__":
    unittest.main()
