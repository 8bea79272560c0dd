"""The kill test of student imports (docs/rules/student-import.md "Import jobs"), on the engine the
suite runs on: 20 trials, each SIGKILLs the server at a random moment of an import's upload,
validation or apply (in turn), starts it again on the same database and waits. Every upload the
server acknowledged (202) must end applied (IMPORTED), none may stay in between, and none may be
applied twice or in part: the school's active pupils are exactly the file's. Each trial's file has a
pupil count of its own and moves every pupil to new classes, so every apply writes every pupil."""
import collections
import random
import sys
import threading
import time
import unittest

from tests.support import sql
from tests.support.harness import ENGINE
from tests.support.orga_imports import RESTING, DemoImports, siecle

TRIALS = 20
PUPILS = 4000
SEED = 20261207
PHASES = ("upload", "validation", "apply")


class ImportKillTest(unittest.TestCase):
    def setUp(self):
        self.school = DemoImports(claim_seconds=1)

    def tearDown(self):
        self.school.stop()

    def upload_in_background(self, data):
        """Starts the upload; returns the thread and a dict that gets the id once 202 is received."""
        acknowledged = {}

        def send():
            try:
                acknowledged["id"] = self.school.upload(data)
            except Exception as error:  # the server died under the request: not acknowledged
                acknowledged["error"] = repr(error)
            acknowledged["at"] = time.time()

        thread = threading.Thread(target=send, daemon=True)
        thread.start()
        return thread, acknowledged

    def newest_after(self, known):
        # attempts > 0 once a job runner started the import's run (docs/rules/student-import.md "Import jobs").
        rows = [(state, attempts != "0") for i, state, attempts in
                sql.query(self.school.url, "SELECT id, state, attempts FROM learner_imports") if int(i) > known]
        return rows[0] if rows else None

    def phase_of(self, row):
        if row is None:
            return "upload"
        state, started = row
        if state == "UPLOADED":
            return "validation" if started else "upload"
        return "apply" if state == "VALIDATED" else "after"

    def measure_phases(self, data):
        """How long each phase of an import takes here, to spread the kills over each."""
        known = max((i for i, _, _ in self.school.imports()), default=0)
        started = time.time()
        thread, acknowledged = self.upload_in_background(data)
        seen = {}
        while True:
            phase = self.phase_of(self.newest_after(known))
            seen.setdefault(phase, time.time())
            if phase == "after":
                break
            time.sleep(0.005)
        thread.join(timeout=30)
        self.assertEqual(self.school.row(acknowledged["id"])[0], "IMPORTED")
        upload = acknowledged["at"] - started
        validation = seen.get("apply", seen["after"]) - seen.get("validation", acknowledged["at"])
        apply = seen["after"] - seen.get("apply", seen["after"])
        return {"upload": upload, "validation": max(validation, 0.01), "apply": max(apply, 0.01)}

    def kill_during(self, phase, known, durations, rng):
        """Waits for `phase` to start (as far as the database shows), then kills at a random moment of it."""
        if phase != "upload":
            self.school.wait_until(lambda: self.phase_of(self.newest_after(known)) in PHASES[PHASES.index(phase):] + (
                "after",), timeout=30, step=0.003)
        time.sleep(rng.uniform(0, durations[phase]))
        self.school.kill()

    def test_every_acknowledged_import_ends_applied_once_after_a_kill(self):
        rng = random.Random(SEED)
        self.measure_phases(siecle(PUPILS, "K0A,K0B,K0C"))  # creates the pupils
        durations = self.measure_phases(siecle(PUPILS, "J0A,J0B,J0C"))  # updates them all, like a trial
        expected = PUPILS
        acknowledged_count = 0
        killed_in = collections.Counter()
        for trial in range(1, TRIALS + 1):
            known = max((i for i, _, _ in self.school.imports()), default=0)
            pupils = PUPILS + trial
            thread, acknowledged = self.upload_in_background(siecle(pupils, f"K{trial}A,K{trial}B,K{trial}C"))
            self.kill_during(PHASES[trial % 3], known, durations, rng)
            thread.join(timeout=30)
            killed_in[self.phase_of(self.newest_after(known))] += 1
            self.school.restart()

            rows = self.school.wait_for_rest(timeout=60)
            where = f"trial {trial}: {self.school.imports()} {acknowledged}"
            self.assertTrue(rows, "an import stayed in between: " + where)
            new = [(i, state) for i, state, _ in rows if i > known]
            if "id" in acknowledged:
                acknowledged_count += 1
                self.assertEqual([i for i, _ in new], [acknowledged["id"]], where)
            self.assertLessEqual(len(new), 1, where)  # stored but never acknowledged: it runs too
            for _, state in new:
                self.assertEqual(state, "IMPORTED", where)
                expected = pupils
            self.assertEqual(self.school.active_learners(), expected, where)
        self.assertGreater(acknowledged_count, 0)
        print(f"\nkills ({ENGINE}): {dict(killed_in)}, {acknowledged_count} of {TRIALS} uploads acknowledged, "
              f"phases {', '.join(f'{k} {v:.2f} s' for k, v in durations.items())}", file=sys.stderr)


if __name__ == "__main__":
    unittest.main()
