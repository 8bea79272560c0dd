"""`numeria org add-member` (docs/rules/organizations.md "Operator commands"): the operator gives an
account a role in an organisation, creating the account with a one-time password when needed."""
import html
import json
import unittest

from tests.integration.test_accounts import Browser
from tests.support import sql
from tests.support.harness import Server, run_cli


class OrgAddMemberTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server().start()
        cls.url = cls.server.database_url
        cls.school = cls.create_org("0750001A", "Collège Sophie-Germain")
        cls.archived = cls.create_org("0750002B", "Collège fermé")
        sql.query(cls.url, f"UPDATE organizations SET archived_at = 1 WHERE id = {cls.archived}")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    @classmethod
    def create_org(cls, uai, name):
        created = run_cli("org", "create", "--type", "SCO", "--uai", uai, "--name", name, "--database", cls.url)
        assert created.returncode == 0, created.stderr
        return json.loads(created.stdout)["id"]

    def add(self, *args):
        return run_cli("org", "add-member", "--database", self.url, *args)

    def snapshot(self):
        return (sql.query(self.url, "SELECT id, email, first_name, last_name, password_hash, must_change_password "
                                    "FROM users ORDER BY id"),
                sql.query(self.url, "SELECT organization_id, user_id, role, removed_at FROM memberships "
                                    "ORDER BY organization_id, user_id"),
                sql.query(self.url, "SELECT id FROM audit_events ORDER BY id"))

    def test_a_new_account_is_created_and_must_change_its_password_at_first_log_in(self):
        result = self.add("--org", "0750001a", "--email", " Ada.Lovelace@Exemple.fr ", "--role", "ADMIN",
                          "--first-name", "Ada", "--last-name", "Lovelace")
        self.assertEqual(result.returncode, 0, result.stderr)
        out = json.loads(result.stdout)
        account = sql.query(self.url, "SELECT first_name, last_name, must_change_password FROM users "
                                      f"WHERE id = {out['user_id']}")
        browser = Browser(self.server)

        status, _, _ = browser.log_in("ada.lovelace@exemple.fr", out["password"])
        _, elsewhere, _ = browser.request("GET", "/orga")
        done, _, _ = browser.request("POST", "/mot-de-passe/changer",
                                     {"csrf": browser.cookies["numeria_csrf"], "mot_de_passe": "Analytique1843",
                                      "confirmation": "Analytique1843"})
        _, _, journal = browser.request("GET", f"/orga/{out['organization_id']}/journal")

        self.assertEqual(set(out), {"user_id", "organization_id", "role", "created", "password"})
        self.assertEqual((out["organization_id"], out["role"], out["created"]), (self.school, "ADMIN", True))
        self.assertEqual(account, [("Ada", "Lovelace", "1")])
        self.assertTrue(sql.scalar(self.url, f"SELECT password_hash FROM users WHERE id = {out['user_id']}")
                        .startswith("$argon2id$"))
        self.assertEqual(sql.scalar(self.url, "SELECT role FROM memberships WHERE organization_id = "
                                              f"{self.school} AND user_id = {out['user_id']}"), "ADMIN")
        self.assertEqual(sql.query(self.url, "SELECT actor_user_id, detail FROM audit_events WHERE action = "
                                             f"'member.added' AND target = '{out['user_id']}'"), [(None, "ADMIN")])
        self.assertEqual(status, 303)
        self.assertEqual(elsewhere["location"], "/mot-de-passe/changer")
        self.assertEqual(done, 303)
        journal = html.unescape(journal)
        self.assertIn("Membre ajouté par l'exploitant", journal)
        self.assertIn("Exploitant (ligne de commande)", journal)
        self.assertIn("Ada Lovelace", journal)

    def test_an_existing_account_gets_the_role_then_a_second_call_changes_it(self):
        user = sql.create_user(self.url, "Émilie", "du Châtelet", email="emilie@exemple.fr")

        first = self.add("--org", str(self.school), "--email", "EMILIE@exemple.fr", "--role", "member")
        second = self.add("--org", "0750001A", "--email", "emilie@exemple.fr", "--role", "ADMIN")

        self.assertEqual(first.returncode, 0, first.stderr)
        self.assertEqual(json.loads(first.stdout), {"user_id": int(user), "organization_id": self.school,
                                                    "role": "MEMBER", "created": False})
        self.assertEqual(second.returncode, 0, second.stderr)
        self.assertEqual(json.loads(second.stdout)["role"], "ADMIN")
        self.assertEqual(sql.scalar(self.url, "SELECT role FROM memberships WHERE organization_id = "
                                              f"{self.school} AND user_id = {user}"), "ADMIN")
        self.assertEqual(sql.query(self.url, "SELECT action, detail FROM audit_events WHERE target = "
                                             f"'{user}' ORDER BY id"),
                         [("member.added", "MEMBER"), ("role.changed", "MEMBER→ADMIN")])
        self.assertEqual(sql.scalar(self.url, f"SELECT password_hash FROM users WHERE id = {user}"),
                         "not-a-real-hash")

    def test_each_refusal_says_why_in_french_and_writes_nothing(self):
        lone = self.create_org("0750003C", "Collège Émilie-du-Châtelet")
        admin = sql.create_user(self.url, "Seule", "Admin", email="seule.admin@exemple.fr")
        self.assertEqual(self.add("--org", str(lone), "--email", "seule.admin@exemple.fr", "--role", "ADMIN")
                         .returncode, 0)
        new = ["--first-name", "Nouveau", "--last-name", "Compte"]
        cases = [
            (["--org", "0759999Z", "--email", "x@exemple.fr", "--role", "ADMIN"] + new, "aucune organisation"),
            (["--org", "987654", "--email", "x@exemple.fr", "--role", "ADMIN"] + new, "aucune organisation"),
            (["--org", str(self.archived), "--email", "x@exemple.fr", "--role", "ADMIN"] + new, "archivée"),
            (["--org", "0750001A", "--email", "pas-une-adresse", "--role", "ADMIN"] + new, "adresse e-mail invalide"),
            (["--org", "0750001A", "--email", "x@exemple.fr", "--role", "CHEF"] + new, "rôle inconnu"),
            (["--org", "0750001A", "--email", "x@exemple.fr", "--role", "MEMBER"], "--first-name et --last-name"),
            (["--org", "0750001A", "--email", "x@exemple.fr", "--role", "MEMBER", "--first-name", "Nouveau"],
             "--first-name et --last-name"),
            (["--org", "0750001A", "--email", "x@exemple.fr", "--role", "MEMBER", "--first-name", "Nou\nveau",
              "--last-name", "Compte"], "une ligne"),
            (["--org", str(lone), "--email", "seule.admin@exemple.fr", "--role", "MEMBER"], "dernier administrateur"),
        ]
        for args, message in cases:
            with self.subTest(args=args):
                before = self.snapshot()
                result = self.add(*args)
                self.assertNotEqual(result.returncode, 0)
                self.assertIn(message, result.stderr)
                self.assertEqual(result.stdout, "")
                self.assertEqual(self.snapshot(), before)
        self.assertIsNone(sql.scalar(self.url, "SELECT id FROM users WHERE email = 'x@exemple.fr'"))
        self.assertEqual(sql.scalar(self.url, f"SELECT role FROM memberships WHERE user_id = {admin}"), "ADMIN")


if __name__ == "__main__":
    unittest.main()
