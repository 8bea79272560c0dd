"""The JSON API under /api/v1 with Bearer tokens, and its OpenAPI document."""
import json
import re
import unittest

from tests.support.harness import Server, run_cli

DIRECTION = ("direction@demo.numeria.localhost", "Direction2026")
TEACHER = ("enseignant@demo.numeria.localhost", "Enseignant2026")


class ApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(extra_args=["--demo"]).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def call(self, method, path, body=None, token=None, raw=None):
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = "Bearer " + token
        data = raw if raw is not None else (json.dumps(body) if body is not None else None)
        status, response_headers, payload = self.server.request(method, path, body=data, headers=headers)
        return status, response_headers, json.loads(payload) if payload else None

    def token(self, account):
        status, _, payload = self.call("POST", "/api/v1/auth/token", {"login": account[0], "password": account[1]})
        self.assertEqual(status, 200)
        return payload["access_token"]

    def test_a_token_is_granted_for_the_right_password_only(self):
        good, _, granted = self.call("POST", "/api/v1/auth/token", {"login": DIRECTION[0], "password": DIRECTION[1]})
        bad, _, refused = self.call("POST", "/api/v1/auth/token", {"login": DIRECTION[0], "password": "Mauvais1"})

        self.assertEqual(good, 200)
        self.assertEqual(granted["token_type"], "Bearer")
        self.assertEqual(granted["expires_in"], 3600)
        self.assertRegex(granted["access_token"], r"^[0-9a-f]{64}$")
        self.assertEqual(bad, 401)
        self.assertEqual(refused["error"]["code"], "login.invalid_credentials")
        self.assertIn("incorrect", refused["error"]["message"])

    def test_malformed_json_is_a_400_with_a_json_error(self):
        status, headers, payload = self.call("POST", "/api/v1/auth/token", raw="{pas du json")

        self.assertEqual(status, 400)
        self.assertEqual(headers["content-type"], "application/json")
        self.assertEqual(payload["error"]["code"], "invalid_body")

    def test_me_and_organizations_with_a_token(self):
        token = self.token(DIRECTION)

        _, _, me = self.call("GET", "/api/v1/me", token=token)
        _, _, organizations = self.call("GET", "/api/v1/organizations", token=token)

        self.assertEqual(me["email"], DIRECTION[0])
        self.assertEqual(organizations["data"][0]["name"], "Collège Jeanne-Barret")
        self.assertEqual(organizations["data"][0]["role"], "ADMIN")

    def test_without_a_token_the_api_answers_401_even_with_a_session_cookie(self):
        status, _, payload = self.call("GET", "/api/v1/me")

        self.assertEqual(status, 401)
        self.assertEqual(payload["error"]["code"], "unauthenticated")

    def test_an_admin_invites_through_the_api_and_a_member_may_not(self):
        admin = self.token(DIRECTION)
        member = self.token(TEACHER)
        _, _, organizations = self.call("GET", "/api/v1/organizations", token=admin)
        org = organizations["data"][0]["id"]

        created, _, invitation = self.call("POST", f"/api/v1/organizations/{org}/invitations",
                                           {"email": "api.prof@exemple.fr", "role": "MEMBER"}, token=admin)
        invalid, _, error = self.call("POST", f"/api/v1/organizations/{org}/invitations", {"email": "x"},
                                      token=admin)
        forbidden, _, _ = self.call("POST", f"/api/v1/organizations/{org}/invitations",
                                    {"email": "y@exemple.fr"}, token=member)
        _, _, pending = self.call("GET", f"/api/v1/organizations/{org}/invitations", token=admin)
        _, _, members = self.call("GET", f"/api/v1/organizations/{org}/members", token=member)
        other, _, _ = self.call("GET", "/api/v1/organizations/999999/members", token=admin)

        self.assertEqual(created, 201)
        self.assertEqual(invitation["email"], "api.prof@exemple.fr")
        self.assertEqual(invalid, 400)
        self.assertEqual(error["error"]["code"], "invitation.email_invalid")
        self.assertEqual(forbidden, 403)
        self.assertIn("api.prof@exemple.fr", [row["email"] for row in pending["data"]])
        self.assertEqual(len(members["data"]), 2)
        self.assertEqual(other, 404)

    def test_sign_up_then_token_through_the_api(self):
        created, _, body = self.call("POST", "/api/v1/users", {"first_name": "Api", "last_name": "Eleve",
                                                              "email": "api.eleve@exemple.fr",
                                                              "password": "Cartable2026", "accepts_terms": True})
        weak, _, error = self.call("POST", "/api/v1/users", {"first_name": "Api", "last_name": "Eleve",
                                                            "email": "autre@exemple.fr", "password": "court",
                                                            "accepts_terms": True})

        self.assertEqual(created, 202)
        self.assertEqual(body, {"status": "accepted"})
        self.assertEqual(weak, 400)
        self.assertEqual(error["error"]["code"], "password.too_short")
        self.assertTrue(self.token(("api.eleve@exemple.fr", "Cartable2026")))

    def test_team_changes_and_audit_events_through_the_api(self):
        admin = self.token(DIRECTION)
        _, _, organizations = self.call("GET", "/api/v1/organizations", token=admin)
        org = organizations["data"][0]["id"]
        _, _, members = self.call("GET", f"/api/v1/organizations/{org}/members", token=admin)
        ids = {row["email"]: row["user_id"] for row in members["data"]}

        last_admin, _, refusal = self.call("PATCH", f"/api/v1/organizations/{org}/members/{ids[DIRECTION[0]]}",
                                           {"role": "MEMBER"}, token=admin)
        promoted, _, _ = self.call("PATCH", f"/api/v1/organizations/{org}/members/{ids[TEACHER[0]]}",
                                   {"role": "ADMIN"}, token=admin)
        demoted, _, _ = self.call("PATCH", f"/api/v1/organizations/{org}/members/{ids[TEACHER[0]]}",
                                  {"role": "MEMBER"}, token=admin)
        _, _, events = self.call("GET", f"/api/v1/organizations/{org}/audit-events", token=admin)

        self.assertEqual(last_admin, 422)
        self.assertEqual(refusal["error"]["code"], "membership.last_admin")
        self.assertEqual((promoted, demoted), (204, 204))
        self.assertEqual([e["detail"] for e in events["data"][:2]], ["ADMIN→MEMBER", "MEMBER→ADMIN"])

    def test_activation_request_through_the_api_answers_in_french(self):
        unknown, _, error = self.call("POST", "/api/v1/activations", {"uai": "0123456X", "first_name": "A",
                                                                     "last_name": "B"})
        accepted, _, body = self.call("POST", "/api/v1/activations", {"uai": "0139905E", "first_name": "A",
                                                                     "last_name": "B"})

        self.assertEqual(unknown, 404)
        self.assertIn("annuaire", error["error"]["message"])
        self.assertEqual(accepted, 202)
        self.assertEqual(body["establishment"], "Collège Marcel-Pagnol")

    def test_the_admin_api_is_for_national_admins_only(self):
        national = self.token(("admin@demo.numeria.localhost", "AdminNationale2026"))
        direction = self.token(DIRECTION)

        created, _, body = self.call("POST", "/api/v1/admin/organizations",
                                     {"type": "SCO-AGRI", "name": "Lycée agricole", "uai": "0339914P"}, token=national)
        _, _, listing = self.call("GET", "/api/v1/admin/organizations", token=national)
        refused, _, _ = self.call("GET", "/api/v1/admin/organizations", token=direction)

        self.assertEqual(created, 201)
        self.assertIn("Lycée agricole", [row["name"] for row in listing["data"]])
        self.assertEqual(refused, 404)

    def test_log_out_revokes_the_token(self):
        token = self.token(TEACHER)

        status, _, _ = self.call("POST", "/api/v1/auth/logout", {}, token=token)
        after, _, _ = self.call("GET", "/api/v1/me", token=token)

        self.assertEqual((status, after), (204, 401))

    def test_a_one_time_password_must_be_changed_before_using_the_api(self):
        created = json.loads(run_cli("admin", "create-superadmin", "--email", "api.admin@exemple.fr",
                                     "--database", self.server.database_url).stdout)
        status, _, granted = self.call("POST", "/api/v1/auth/token", {"login": "api.admin@exemple.fr",
                                                                     "password": created["one_time_password"]})
        token = granted["access_token"]

        blocked, _, error = self.call("GET", "/api/v1/me", token=token)
        changed, _, _ = self.call("POST", "/api/v1/me/password", {"password": "NouveauSecret2026"}, token=token)
        free, _, _ = self.call("GET", "/api/v1/me", token=token)

        self.assertTrue(granted["must_change_password"])
        self.assertEqual(blocked, 403)
        self.assertEqual(error["error"]["code"], "password.must_change")
        self.assertEqual((changed, free), (204, 200))

    def test_the_openapi_document_lists_every_api_route(self):
        status, _, document = self.call("GET", "/api/v1/openapi.json")
        routes = json.loads(run_cli("routes").stdout)

        self.assertEqual(status, 200)
        self.assertEqual(document["openapi"], "3.0.3")
        for route in routes:
            if route["pattern"].startswith("/api/"):
                path = re.sub(r":([a-z_]+)", r"{\1}", route["pattern"])
                self.assertIn(route["method"].lower(), document["paths"][path], path)
                self.assertTrue(document["paths"][path][route["method"].lower()]["summary"], path)


if __name__ == "__main__":
    unittest.main()
