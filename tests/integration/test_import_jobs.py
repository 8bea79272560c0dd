"""Student imports as background jobs that survive their process (docs/rules/student-import.md
"Import jobs"), on the engine the suite runs on: a server SIGKILLed while it applies an import takes
it again after a restart and finishes it; an import whose every attempt kills its server is given up
after three attempts with a French message, so the server no longer dies at every start."""
import json
import time
import unittest

from tests.support.harness import Server
from tests.support.orga_imports import RESTING, DemoImports, siecle, zipped

PUPILS = 6000


class ImportJobsTest(unittest.TestCase):
    def setUp(self):
        self.school = DemoImports(claim_seconds=1)
        self.data = siecle(PUPILS, "7A,7B,7C")

    def tearDown(self):
        self.school.stop()

    def kill_when(self, predicate, import_id):
        seen = self.school.wait_until(lambda: predicate(self.school.row(import_id)), timeout=30, step=0.005)
        self.assertTrue(seen, f"never seen before the import rested: {self.school.row(import_id)[:3]}")
        self.school.kill()

    def test_an_import_killed_while_it_is_applied_is_taken_again_and_finishes(self):
        import_id = self.school.upload(self.data)
        self.kill_when(lambda row: row[0] == "VALIDATED", import_id)

        self.school.restart()

        self.assertTrue(self.school.wait_for_rest(timeout=60), self.school.imports())
        self.assertEqual(self.school.row(import_id)[0], "IMPORTED")
        self.assertEqual(self.school.active_learners(), PUPILS)

    def test_an_import_that_kills_its_server_is_given_up_after_three_attempts(self):
        import_id = self.school.upload(self.data)
        for attempt in (1, 2, 3):
            self.kill_when(lambda row: row[0] not in RESTING and int(row[1]) == attempt, import_id)
            self.school.restart()

        self.assertTrue(self.school.wait_for_rest(timeout=60), self.school.imports())
        state, _, running, outcome = self.school.row(import_id)
        self.assertEqual((state, running), ("IMPORT_ERROR", "0"))
        self.assertEqual(json.loads(outcome)["errors"][0]["code"], "IMPORT_RETRIES_EXHAUSTED")
        status, _, state = self.school.direction.request("GET", f"{self.school.base}/imports/{import_id}")
        self.assertEqual(status, 200)
        self.assertIn("L'import a échoué à plusieurs reprises (3 tentatives",
                      json.loads(state)["outcome"]["errors"][0]["message"])
        self.assertEqual(self.school.active_learners(), 90)
        self.assertIsNone(self.school.server.process.poll())


    def test_a_claim_is_renewed_while_the_import_runs_so_no_other_process_takes_it(self):
        other = Server(extra_args=["--job-claim-seconds", "1"], database_url=self.school.url).start()
        try:
            started = time.time()
            # 100,000 pupils (83 MB of XML, a 3 MB ZIP under the 20 MB upload limit): long enough to
            # outlive several 1 s claims on any machine.
            import_id = self.school.upload(zipped(siecle(100000, "8A,8B,8C")))

            self.assertTrue(self.school.wait_for_rest(timeout=120), self.school.imports())
            self.assertGreater(time.time() - started, 2.5, "too fast to outlive a 1 s claim: use a bigger file")
            self.assertEqual(self.school.row(import_id)[0], "IMPORTED")
            logs = self.school.server.drain_output(0.5) + other.drain_output(0.5)
            self.assertEqual([line for line in logs if "learner import failed" in line], [])
        finally:
            other.stop()


if __name__ == "__main__":
    unittest.main()
