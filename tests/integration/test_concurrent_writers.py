"""Two writers at once (docs/rules/organizations.md "The team"): on PostgreSQL several
processes and threads write together, so a rule checked before a write must hold against a
concurrent writer. Two admins demote (or remove) each other at the same moment, again and again:
one of them always stays admin. Runs on both engines; PostgreSQL is the one where it can fail."""
import json
import threading
import unittest

from tests.support import sql
from tests.support.harness import Server

DIRECTION = ("direction@demo.numeria.localhost", "Direction2026")
TEACHER = ("enseignant@demo.numeria.localhost", "Enseignant2026")
ROUNDS = 15


class LastAdminTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(extra_args=["--demo"]).start()
        cls.tokens = [cls.token(*DIRECTION), cls.token(*TEACHER)]
        _, _, body = cls.api("GET", "/api/v1/organizations", cls.tokens[0])
        cls.org = next(o["id"] for o in json.loads(body)["data"] if o["name"] == "Collège Jeanne-Barret")
        _, _, body = cls.api("GET", f"/api/v1/organizations/{cls.org}/members", cls.tokens[0])
        by_email = {m["email"]: m["user_id"] for m in json.loads(body)["data"]}
        cls.ids = [by_email[DIRECTION[0]], by_email[TEACHER[0]]]

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    @classmethod
    def token(cls, login, password):
        status, _, body = cls.server.request("POST", "/api/v1/auth/token",
                                             json.dumps({"login": login, "password": password}),
                                             {"Content-Type": "application/json"})
        assert status == 200, body
        return json.loads(body)["access_token"]

    @classmethod
    def api(cls, method, path, token, payload=None):
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        return cls.server.request(method, path, json.dumps(payload) if payload is not None else None, headers)

    def admins(self):
        rows = sql.query(self.server.database_url, "SELECT user_id FROM memberships WHERE organization_id = "
                                                   f"{self.org} AND role = 'ADMIN' AND removed_at IS NULL")
        return sorted(int(row[0]) for row in rows)

    def make_both_admins(self):
        ids = ", ".join(str(i) for i in self.ids)
        sql.query(self.server.database_url, "UPDATE memberships SET role = 'ADMIN', removed_at = NULL WHERE "
                                            f"organization_id = {self.org} AND user_id IN ({ids})")
        self.assertEqual(self.admins(), sorted(self.ids))

    def at_once(self, action):
        """Each admin runs `action(me, other)` at the same moment; returns both statuses."""
        barrier = threading.Barrier(2)
        statuses = [None, None]

        def run(me):
            barrier.wait()
            statuses[me] = action(me, 1 - me)

        threads = [threading.Thread(target=run, args=(me,)) for me in (0, 1)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return statuses

    def test_two_admins_demoting_each_other_at_once_leave_one_admin(self):
        for _ in range(ROUNDS):
            self.make_both_admins()
            statuses = self.at_once(lambda me, other: self.api(
                "PATCH", f"/api/v1/organizations/{self.org}/members/{self.ids[other]}", self.tokens[me],
                {"role": "MEMBER"})[0])
            self.assertEqual(len(self.admins()), 1, statuses)
            self.assertIn(204, statuses)

    def test_two_admins_removing_each_other_at_once_leave_one_admin(self):
        for _ in range(ROUNDS):
            self.make_both_admins()
            statuses = self.at_once(lambda me, other: self.api(
                "DELETE", f"/api/v1/organizations/{self.org}/members/{self.ids[other]}", self.tokens[me])[0])
            self.assertEqual(len(self.admins()), 1, statuses)
            self.assertIn(204, statuses)


if __name__ == "__main__":
    unittest.main()
