"""Account inheritance by INE between schools (docs/rules/student-import.md "Account inheritance"),
through the real server and its background import: the demo Collège Jeanne-Barret (school A) gives a
pupil an account; another school imports the same INE. Under another identity, the new learner gets
no account, the importing school is told why, and its credentials action cannot touch the account.
Under the same identity (written differently), the account follows the pupil and school A is told:
an event in its journal and an e-mail to its administrators (the outbox)."""
import email
import email.policy
import glob
import html
import json
import os
import re
import time

from tests.integration.demo_school import DemoSchoolTest
from tests.integration.test_accounts import Browser
from tests.support import sql
from tests.support.harness import run_cli

HEAD_B = "direction.b@exemple.fr"


def siecle_of_one(uai, ine, last_name, first_name, birthdate):
    """A SIECLE export (UTF-8) with one pupil; birthdate as jj/mm/aaaa."""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<BEE_ELEVES VERSION="2.1">\n'
            f"<PARAMETRES><UAJ>{uai}</UAJ><ANNEE_SCOLAIRE>2026</ANNEE_SCOLAIRE></PARAMETRES>\n"
            '<DONNEES><ELEVES><ELEVE ELEVE_ID="1">'
            f"<ID_NATIONAL>{ine}</ID_NATIONAL><NOM_DE_FAMILLE>{last_name}</NOM_DE_FAMILLE><NOM_USAGE></NOM_USAGE>"
            f"<PRENOM>{first_name}</PRENOM><PRENOM2></PRENOM2><CODE_SEXE>1</CODE_SEXE>"
            f"<DATE_NAISS>{birthdate}</DATE_NAISS><CODE_PAYS>100</CODE_PAYS>"
            "<CODE_DEPARTEMENT_NAISS>075</CODE_DEPARTEMENT_NAISS>"
            "<CODE_COMMUNE_INSEE_NAISS>75056</CODE_COMMUNE_INSEE_NAISS><CODE_MEF>20010018110</CODE_MEF>"
            "<CODE_STATUT>ST</CODE_STATUT></ELEVE></ELEVES>\n"
            '<STRUCTURES><STRUCTURES_ELEVE ELEVE_ID="1"><STRUCTURE><CODE_STRUCTURE>2A</CODE_STRUCTURE>'
            "<TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE></STRUCTURES_ELEVE></STRUCTURES></DONNEES>\n"
            "</BEE_ELEVES>\n").encode("utf-8")


class AccountInheritanceTest(DemoSchoolTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.head_b = Browser(cls.server)
        cls.head_b.sign_up(HEAD_B)
        cls.head_b.log_in(HEAD_B, "Radium1898")  # signing up does not sign in (docs/rules/security.md)
        cls.outbox = os.path.join(cls.server.workdir, "outbox")

    def school_b(self, uai):
        """Another school, administered by HEAD_B; returns its id."""
        created = run_cli("org", "create", "--type", "SCO", "--uai", uai, "--name", f"Lycée {uai}",
                          env={"NUMERIA_DATABASE": self.url})
        self.assertEqual(created.returncode, 0, created.stderr)
        org = re.search(r'"id":(\d+)', created.stdout).group(1)
        head = sql.scalar(self.url, f"SELECT id FROM users WHERE email = '{HEAD_B}'")
        sql.query(self.url, "INSERT INTO memberships (organization_id, user_id, role, created_at, updated_at) "
                            f"VALUES ({org}, {head}, 'ADMIN', 0, 0)")
        return org

    def pupil_of_a_with_account(self, division, rank):
        """A pupil of school A given a username and password by school A: (INE, last, first, birth, user)."""
        learner_id, ine, last, first, birth = sql.query(
            self.url, "SELECT id, national_key, last_name, first_name, birthdate FROM learners WHERE "
                      f"organization_id = {self.org} AND division = '{division}' ORDER BY national_key")[rank]
        self.direction.request("GET", self.base)
        self.direction.request("POST", f"{self.base}/{learner_id}/identifiant",
                               {"csrf": self.direction.cookies["numeria_csrf"]})
        user = sql.scalar(self.url, f"SELECT user_id FROM learners WHERE id = {learner_id}")
        self.assertIsNotNone(user)
        year, month, day = birth.split("-")
        return ine, last, first, f"{day}/{month}/{year}", user

    def import_in_b(self, org, data):
        self.head_b.request("GET", f"/orga/{org}/eleves/import")
        status, _, body = self.server.request("POST", f"/orga/{org}/eleves/imports?format=siecle", body=data, headers={
            "Cookie": self.head_b._cookie_header(), "Content-Type": "application/octet-stream",
            "X-File-Name": "ElevesSansAdresses.xml", "X-CSRF-Token": self.head_b.cookies["numeria_csrf"]})
        self.assertEqual(status, 202, body)
        for _ in range(100):
            _, _, state = self.head_b.request("GET", json.loads(body)["state_url"])
            state = json.loads(state)
            if state["finished"]:
                return state
            time.sleep(0.1)
        self.fail("the import never finished")

    def learner_in(self, org, ine):
        return sql.query(self.url, f"SELECT id, user_id FROM learners WHERE organization_id = {org} "
                                   f"AND national_key = '{ine}'")[0]

    def mails_to(self, address, containing):
        self.server.wait_for_mail()
        deadline = time.time() + 5
        while time.time() < deadline:
            for name in sorted(glob.glob(os.path.join(self.outbox, "*.eml"))):
                with open(name, "rb") as handle:
                    message = email.message_from_bytes(handle.read(), policy=email.policy.default)
                body = message.get_body(preferencelist=("plain",)).get_content()
                if message["To"].addresses[0].addr_spec == address and containing in body:
                    return message, body
            time.sleep(0.05)
        return None, None

    def test_another_identity_under_the_same_ine_gets_no_account_and_a_notice(self):
        ine, _, _, birth, user = self.pupil_of_a_with_account("6A", 1)
        org_b = self.school_b("0759902B")

        state = self.import_in_b(org_b, siecle_of_one("0759902B", ine, "INTRUS", "Mallory", birth))

        self.assertEqual(state["state"], "IMPORTED")
        self.assertEqual([notice["code"] for notice in state["outcome"]["notices"]], ["ACCOUNT_NOT_INHERITED"])
        self.assertEqual(state["outcome"]["notice_count"], 1)
        self.assertIn(ine, state["outcome"]["notices"][0]["message"])
        self.assertIn("identité", state["outcome"]["notices"][0]["message"])
        self.assertEqual(state["outcome"]["errors"], [])
        self.assertIsNone(self.learner_in(org_b, ine)[1])

    def test_the_import_history_keeps_the_notice(self):
        ine, _, _, birth, _ = self.pupil_of_a_with_account("5A", 1)
        org_b = self.school_b("0759906F")

        self.import_in_b(org_b, siecle_of_one("0759906F", ine, "INTRUS", "Mallory", birth))
        _, _, page = self.head_b.request("GET", f"/orga/{org_b}/eleves/import")

        self.assertIn(f"1 remarque(s) : L'élève d'INE {ine} est importé sans compte", html.unescape(page))

    def test_the_other_school_cannot_reset_the_password_of_an_account_it_did_not_inherit(self):
        ine, _, _, birth, user = self.pupil_of_a_with_account("6A", 2)
        org_b = self.school_b("0759903C")
        self.import_in_b(org_b, siecle_of_one("0759903C", ine, "INTRUS", "Mallory", birth))
        learner_b, _ = self.learner_in(org_b, ine)
        password_before = sql.scalar(self.url, f"SELECT password_hash FROM users WHERE id = {user}")

        _, _, page = self.head_b.request("POST", f"/orga/{org_b}/eleves/{learner_b}/identifiant",
                                         {"csrf": self.head_b.cookies["numeria_csrf"]})

        self.assertIn('id="identifiants-generes"', page)
        self.assertNotEqual(self.learner_in(org_b, ine)[1], user)
        self.assertEqual(sql.scalar(self.url, f"SELECT password_hash FROM users WHERE id = {user}"), password_before)

    def test_the_same_identity_written_differently_inherits_the_account(self):
        ine, last, first, birth, user = self.pupil_of_a_with_account("4A", 1)
        org_b = self.school_b("0759904D")

        state = self.import_in_b(org_b, siecle_of_one("0759904D", ine, f"  {last.lower()} ", first.upper(), birth))

        self.assertEqual(state["state"], "IMPORTED")
        self.assertEqual(state["outcome"]["notices"], [])
        self.assertEqual(self.learner_in(org_b, ine)[1], user)

    def test_school_a_sees_the_link_in_its_journal_and_its_admin_gets_a_mail(self):
        ine, last, first, birth, user = self.pupil_of_a_with_account("4A", 2)
        org_b = self.school_b("0759905E")

        self.import_in_b(org_b, siecle_of_one("0759905E", ine, last, first, birth))
        journal = html.unescape(self.page(f"/orga/{self.org}/journal"))
        message, body = self.mails_to("direction@demo.numeria.localhost", ine)

        self.assertIn("Compte d'élève rattaché dans un autre établissement", journal)
        self.assertIn(ine, journal)
        self.assertIn("Lycée 0759905E", journal)
        self.assertIsNotNone(message, "no mail to school A's admin")
        self.assertIn("Lycée 0759905E", body)
        self.assertEqual(self.learner_in(org_b, ine)[1], user)


if __name__ == "__main__":
    import unittest

    unittest.main()
