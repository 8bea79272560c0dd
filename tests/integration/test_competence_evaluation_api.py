"""The learner's core loop through the API (docs/rules/learning.md): a competence evaluation is started
(or resumed), questions come one at a time from the positioning (docs/rules/positioning.md), an answer
gets its result and the next question in one round trip, an answer to anything but the question served
is refused with nothing written, the assessment ends, and the profile counts the pix won."""
import glob
import json
import os
import threading
import unittest

import yaml

from tests.support import sql
from tests.support.harness import Server

TEACHER = ("enseignant@demo.numeria.localhost", "Enseignant2026")
DIRECTION = ("direction@demo.numeria.localhost", "Direction2026")
HERE = os.path.dirname(os.path.abspath(__file__))


def solutions():
    """challenge id → its API value when the content gives a QCU/QCM solution."""
    found = {}
    for path in glob.glob(os.path.join(HERE, "..", "..", "content", "competences", "*.yaml")):
        with open(path, encoding="utf-8") as handle:
            competence = yaml.safe_load(handle)
        for tube in competence.get("tubes", []):
            for skill in tube.get("skills", []):
                for challenge in skill.get("challenges", []):
                    if challenge.get("type") == "QCU":
                        found[challenge["id"]] = str(challenge["solution"])
                    elif challenge.get("type") == "QCM":
                        found[challenge["id"]] = ",".join(str(n) for n in challenge["solution"])
    return found


class CompetenceEvaluationApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(extra_args=["--demo"]).start()
        cls.solutions = solutions()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def call(self, method, path, body=None, token=None):
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = "Bearer " + token
        status, _, payload = self.server.request(method, path, body=json.dumps(body) if body is not None else None,
                                                 headers=headers)
        return status, json.loads(payload) if payload else None

    def token(self, account):
        status, payload = self.call("POST", "/api/v1/auth/token", {"login": account[0], "password": account[1]})
        self.assertEqual(status, 200)
        return payload["access_token"]

    def start(self, token, competence):
        status, payload = self.call("POST", "/api/v1/me/competence-evaluations", {"competence": competence}, token)
        self.assertIn(status, (200, 201), payload)
        return status, payload["assessment_id"]

    def answers_of(self, assessment):
        return int(sql.scalar(self.server.database_url, f"SELECT COUNT(*) FROM answers WHERE assessment_id = {assessment}"))

    def test_starting_twice_resumes_the_same_evaluation(self):
        token = self.token(TEACHER)

        first, assessment = self.start(token, "2.1")
        again, resumed = self.start(token, "2.1")

        self.assertEqual((first, again), (201, 200))
        self.assertEqual(resumed, assessment)

    def test_an_unknown_competence_is_refused(self):
        status, payload = self.call("POST", "/api/v1/me/competence-evaluations", {"competence": "9.9"},
                                    self.token(TEACHER))

        self.assertEqual(status, 404)
        self.assertEqual(payload["error"]["code"], "competence.unknown")

    def test_the_question_served_stays_until_answered_and_hides_its_solution(self):
        token = self.token(TEACHER)
        _, assessment = self.start(token, "3.1")

        _, first = self.call("GET", f"/api/v1/assessments/{assessment}/next", token=token)
        _, again = self.call("GET", f"/api/v1/assessments/{assessment}/next", token=token)

        self.assertEqual(first["state"], "started")
        self.assertEqual(first, again)
        self.assertEqual(set(first["challenge"]), {"id", "type", "statement", "proposals", "fields", "timer"})
        self.assertNotIn("solution", json.dumps(first))

    def test_an_answer_to_another_question_is_refused_and_writes_nothing(self):
        token = self.token(TEACHER)
        _, assessment = self.start(token, "3.2")
        _, served = self.call("GET", f"/api/v1/assessments/{assessment}/next", token=token)
        other = next(challenge for challenge in self.solutions if challenge != served["challenge"]["id"])

        status, payload = self.call("POST", f"/api/v1/assessments/{assessment}/answers",
                                    {"challenge_id": other, "value": "1"}, token)

        self.assertEqual(status, 409)
        self.assertEqual(payload["error"]["code"], "assessment.not_current")
        self.assertEqual(self.answers_of(assessment), 0)

    def test_two_answers_to_one_question_at_once_are_taken_once(self):
        token = self.token(TEACHER)
        _, assessment = self.start(token, "5.1")
        _, served = self.call("GET", f"/api/v1/assessments/{assessment}/next", token=token)
        body = {"challenge_id": served["challenge"]["id"], "skipped": True}
        statuses = []

        def answer():
            statuses.append(self.call("POST", f"/api/v1/assessments/{assessment}/answers", body, token)[0])

        threads = [threading.Thread(target=answer) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        self.assertEqual(sorted(statuses), [201, 409, 409, 409])
        self.assertEqual(self.answers_of(assessment), 1)
        elements = sql.query(self.server.database_url, "SELECT skill, COUNT(*) FROM knowledge_elements WHERE "
                                                       f"assessment_id = {assessment} GROUP BY skill")
        self.assertTrue(all(int(count) == 1 for _, count in elements), elements)

    def test_a_value_of_the_wrong_shape_is_refused_and_writes_nothing(self):
        token = self.token(TEACHER)
        _, assessment = self.start(token, "5.2")
        _, served = self.call("GET", f"/api/v1/assessments/{assessment}/next", token=token)
        challenge = served["challenge"]
        wrong = {"a": "b"} if challenge["type"] in ("QCU", "QCM", "QROC") else "texte"

        status, payload = self.call("POST", f"/api/v1/assessments/{assessment}/answers",
                                    {"challenge_id": challenge["id"], "value": wrong}, token)

        self.assertEqual(status, 400)
        self.assertEqual(payload["error"]["code"], "answer.invalid")
        self.assertEqual(self.answers_of(assessment), 0)

    def test_another_learners_assessment_is_not_found(self):
        _, assessment = self.start(self.token(TEACHER), "3.3")

        status, _ = self.call("GET", f"/api/v1/assessments/{assessment}/next", token=self.token(DIRECTION))

        self.assertEqual(status, 404)

    def test_a_learner_answering_right_ends_the_evaluation_with_pix_in_the_profile(self):
        token = self.token(DIRECTION)
        _, assessment = self.start(token, "4.2")
        _, next_body = self.call("GET", f"/api/v1/assessments/{assessment}/next", token=token)
        results = []
        for _ in range(100):
            if next_body["state"] == "completed":
                break
            challenge = next_body["challenge"]["id"]
            body = {"challenge_id": challenge, "value": self.solutions[challenge]} if challenge in self.solutions \
                else {"challenge_id": challenge, "skipped": True}
            status, answered = self.call("POST", f"/api/v1/assessments/{assessment}/answers", body, token)
            self.assertEqual(status, 201, answered)
            results.append(answered["result"])
            next_body = answered["next"]

        _, profile = self.call("GET", "/api/v1/me/profile", token=token)

        self.assertEqual(next_body["state"], "completed")
        self.assertIn("ok", results)
        self.assertEqual(len(profile["competences"]), 16)
        competence = next(c for c in profile["competences"] if c["code"] == "4.2")
        self.assertGreater(competence["pix"], 0)
        self.assertEqual(profile["pix_score"], sum(c["pix"] for c in profile["competences"]))
        self.assertEqual(self.answers_of(assessment), len(results))
        status, _ = self.call("POST", f"/api/v1/assessments/{assessment}/answers",
                              {"challenge_id": challenge, "skipped": True}, token)
        self.assertEqual(status, 409)


if __name__ == "__main__":
    unittest.main()
