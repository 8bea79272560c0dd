"""The authorisation matrix (docs/rules/security.md "Access"): every registered route, read from
`numeria routes`, is called as anonymous, learner, member, admin, admin of another organisation
and national administrator, and must answer as its declared access says. Anything of an
organisation one is not a member of answers 404."""
import json
import os
import re
import unittest

from tests.integration.test_accounts import Browser
from tests.support.harness import Server, outbox_token, run_cli

DIRECTION = ("direction@demo.numeria.localhost", "Direction2026")
TEACHER = ("enseignant@demo.numeria.localhost", "Enseignant2026")
NATIONAL = ("admin@demo.numeria.localhost", "AdminNationale2026")


class AuthorizationMatrixTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(extra_args=["--demo"]).start()
        cls.routes = json.loads(run_cli("routes").stdout)
        direction = cls.browser(DIRECTION)
        _, _, orga = direction.request("GET", "/orga")
        cls.org_id = re.search(r"/orga/(\d+)/equipe", orga.replace("&#x2F;", "/")).group(1)
        created = run_cli("org", "create", "--type", "SCO", "--uai", "0759902B", "--name", "Lycée Sophie-Germain",
                          "--database", cls.server.database_url)
        cls.other_org = json.loads(created.stdout)["id"]
        cls.callers = {
            "anonymous": Browser(cls.server),
            "learner": cls.signed_up("eleve.matrice@exemple.fr"),
            "member": cls.browser(TEACHER),
            "admin": direction,
            "other_admin": cls.admin_of_other_org(),
            "national_admin": cls.browser(NATIONAL),
        }
        accounts = {"learner": ("eleve.matrice@exemple.fr", "Radium1898"), "member": TEACHER, "admin": DIRECTION,
                    "other_admin": ("admin.autre@exemple.fr", "Radium1898"), "national_admin": NATIONAL}
        cls.tokens = {"anonymous": None}
        for name, caller in cls.callers.items():
            caller.request("GET", "/")  # gets a CSRF cookie
            if name in accounts:
                status, _, body = cls.server.request(
                    "POST", "/api/v1/auth/token",
                    body=json.dumps({"login": accounts[name][0], "password": accounts[name][1]}),
                    headers={"Content-Type": "application/json"})
                assert status == 200, (name, status)
                cls.tokens[name] = json.loads(body)["access_token"]

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    @classmethod
    def browser(cls, account):
        browser = Browser(cls.server)
        browser.log_in(*account)
        return browser

    @classmethod
    def signed_up(cls, address):
        browser = Browser(cls.server)
        browser.sign_up_and_log_in(address)
        return browser

    @classmethod
    def admin_of_other_org(cls):
        """Becomes ADMIN of the other school the way a head of school does: activation by UAI,
        link read from the outbox."""
        browser = cls.signed_up("admin.autre@exemple.fr")
        browser.request("POST", "/activation", {"csrf": browser.csrf("/activation"), "uai": "0759902B",
                                                "prenom": "Autre", "nom": "Admin"})
        outbox = os.path.join(cls.server.workdir, "outbox")
        token = outbox_token(outbox, r"activation/confirmer\?jeton=([0-9a-f]{64})")
        status, _, _ = browser.request("POST", "/activation/confirmer",
                                       {"csrf": browser.cookies["numeria_csrf"], "jeton": token})
        assert status == 303, status
        return browser

    def call(self, caller_name, route):
        caller = self.callers[caller_name]
        path = route["pattern"].replace(":org_id", self.org_id)
        path = re.sub(r":[a-z_]+", "1", path).replace("*path", "x")
        if path.startswith("/api/"):
            headers = {"Content-Type": "application/json"}
            if self.tokens[caller_name]:
                headers["Authorization"] = "Bearer " + self.tokens[caller_name]
            status, response_headers, body = self.server.request(
                route["method"], path, body="{}" if route["method"] != "GET" else None, headers=headers)
            return status, response_headers, body.decode("utf-8")
        if route["method"] == "GET":
            return caller.request("GET", path)
        if route["body_limit"] > 1024 * 1024:
            # Large-body routes take a raw body and their CSRF token in a header
            # (docs/rules/security.md "Large bodies").
            connection_headers = {"Cookie": caller._cookie_header(),
                                  "X-CSRF-Token": caller.cookies.get("numeria_csrf", ""),
                                  "Content-Type": "application/octet-stream"}
            status, response_headers, body = self.server.request(route["method"], path, body=b"x",
                                                                  headers=connection_headers)
            return status, response_headers, body.decode("utf-8")
        return caller.request(route["method"], path, {"csrf": caller.cookies.get("numeria_csrf", "")})

    def expectations(self, access):
        """Status families per caller: 'login' = 303 to /connexion, 'ok' = neither 401/403/404 nor login."""
        if access == "anonymous":
            return {}
        if access == "learner":
            return {"anonymous": "login"}
        if access == "member":
            return {"anonymous": "login", "learner": 404, "other_admin": 404, "national_admin": 404,
                    "member": "ok", "admin": "ok"}
        if access == "org_admin":
            return {"anonymous": "login", "learner": 404, "other_admin": 404, "national_admin": 404,
                    "member": 403, "admin": "ok"}
        if access == "national_admin":
            return {"anonymous": "login", "learner": 404, "member": 404, "admin": 404, "other_admin": 404,
                    "national_admin": "ok"}
        self.fail(f"access {access} has no expectations yet: add them here")

    def test_every_route_answers_each_caller_as_declared(self):
        checked = 0
        for route in self.routes:
            for caller_name, expected in self.expectations(route["access"]).items():
                status, headers, body = self.call(caller_name, route)
                api = route["pattern"].startswith("/api/")
                label = f'{route["method"]} {route["pattern"]} as {caller_name}'
                if expected == "login" and api:
                    self.assertEqual(status, 401, label)
                elif expected == "login":
                    self.assertEqual(status, 303, label)
                    self.assertTrue(headers["location"].startswith("/connexion"), label)
                elif expected == "ok":
                    # Allowed through: a 404 may only be the use case's "no such invitation/member"
                    # shown on the page itself, never the site's "Page non trouvée".
                    self.assertNotIn(status, (401, 403), label)
                    self.assertFalse(status == 404 and ("Page non trouvée" in body or '"not_found"' in body), label)
                    self.assertFalse(status == 303 and headers["location"].startswith("/connexion"), label)
                else:
                    self.assertEqual(status, expected, label)
                    if expected == 404:
                        self.assertTrue("Page non trouvée" in body or '"not_found"' in body, label)
                checked += 1
        self.assertGreater(checked, 40)

    def test_every_route_with_an_organisation_in_its_path_declares_member_or_admin_access(self):
        for route in self.routes:
            if ":org_id" in route["pattern"]:
                self.assertIn(route["access"], ("member", "org_admin"), route["pattern"])

    def test_every_state_changing_route_refuses_a_missing_csrf_token(self):
        admin = self.callers["admin"]
        for route in self.routes:
            if route["method"] == "GET" or route["pattern"].startswith("/api/"):
                continue
            path = re.sub(r":[a-z_]+", "1", route["pattern"].replace(":org_id", self.org_id))
            status, _, _ = admin.request(route["method"], path, {"x": "1"})
            self.assertEqual(status, 403, f'{route["method"]} {route["pattern"]}')


if __name__ == "__main__":
    unittest.main()
