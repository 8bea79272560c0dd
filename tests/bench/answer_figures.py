"""The answer hot path (docs/rules/learning.md "Answers"), on a real server on SQLite: 64 simulated
learners answer over HTTP at once, each following the `next` of its answers (one round trip per
answer: check, answer and knowledge elements written durably, next question chosen and returned),
moving on to the next competence when one ends. Prints answers/s and the p50/p99 of the answer
requests; `make bench` prints them next to the nginx ceiling of the same run.

    python3 -m tests.bench.answer_figures [SECONDS]   (NUMERIA_BIN picks the binary)
"""
import http.client
import json
import random
import sys
import threading
import time

from tests.bench.request_path_figures import QuietServer

LEARNERS = 64
COMPETENCES = ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3",
               "5.1", "5.2"]


class Learner:
    def __init__(self, server, number):
        self.connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        self.number = number
        email = f"eleve-bench-{number}@exemple.fr"
        self.call("POST", "/api/v1/users", {"first_name": "Élève", "last_name": f"Mesure{number}", "email": email,
                                            "password": "Mesure2026", "accepts_terms": True})
        status, token = self.call("POST", "/api/v1/auth/token", {"login": email, "password": "Mesure2026"})
        if status != 200:
            raise RuntimeError(f"no token for {email}: {status} {token}")
        self.token = token["access_token"]
        self.random = random.Random(number)

    def call(self, method, path, body=None):
        headers = {"Content-Type": "application/json"}
        if getattr(self, "token", None):
            headers["Authorization"] = "Bearer " + self.token
        self.connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
        response = self.connection.getresponse()
        payload = response.read()
        return response.status, json.loads(payload) if payload else None

    def answer(self, challenge):
        kind = challenge["type"]
        if self.random.random() < 0.15:
            return {"challenge_id": challenge["id"], "skipped": True}
        if kind in ("QCU", "QCM"):
            count = max(1, len(challenge["proposals"]))
            return {"challenge_id": challenge["id"], "value": str(self.random.randint(1, count))}
        if kind == "QROC":
            return {"challenge_id": challenge["id"], "value": "réponse"}
        return {"challenge_id": challenge["id"], "value": {field["key"]: "réponse" for field in challenge["fields"]}}

    def run(self, until, timings, errors):
        for competence in COMPETENCES[self.number % 16:] + COMPETENCES[:self.number % 16]:
            status, started = self.call("POST", "/api/v1/me/competence-evaluations", {"competence": competence})
            assessment = started["assessment_id"]
            _, state = self.call("GET", f"/api/v1/assessments/{assessment}/next")
            while state["state"] == "started":
                if time.perf_counter() > until:
                    return
                begin = time.perf_counter()
                status, answered = self.call("POST", f"/api/v1/assessments/{assessment}/answers",
                                             self.answer(state["challenge"]))
                timings.append(time.perf_counter() - begin)
                if status != 201:
                    errors.append(status)
                    return
                state = answered["next"]


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
    server = QuietServer(extra_args=["--threads", "4"]).start()
    try:
        learners = [Learner(server, number) for number in range(LEARNERS)]
        timings, errors = [], []
        until = time.perf_counter() + seconds
        start = time.perf_counter()
        threads = [threading.Thread(target=learner.run, args=(until, timings, errors)) for learner in learners]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - start
    finally:
        server.stop()
    timings.sort()
    p = lambda q: timings[min(len(timings) - 1, int(q * len(timings)))] * 1000 if timings else 0.0  # noqa: E731
    print(f"{'answers over HTTP, 64 learners (SQLite)':44} {len(timings) / elapsed:12.0f} answers/s   "
          f"p50 {p(0.50):.2f} ms   p99 {p(0.99):.2f} ms   ({len(timings)} answers, {len(errors)} errors)")


if __name__ == "__main__":
    main()
