"""A school that has not imported its pupils yet (docs/rules/organizations.md "Students list"): its
students page invites its admins to import the list instead of showing an empty table."""
import html
import os
import re
import unittest

from tests.integration.test_accounts import Browser
from tests.support.harness import Server, outbox_token

DIRECTION = ("direction@demo.numeria.localhost", "Direction2026")


class EmptyStudentsListTest(unittest.TestCase):
    def test_a_school_without_pupils_is_invited_to_import_them(self):
        server = Server(extra_args=["--demo"]).start()
        try:
            head = Browser(server)
            head.log_in(*DIRECTION)
            head.request("POST", "/activation", {"csrf": head.csrf("/activation"), "uai": "0759902B",
                                                 "prenom": "Anne", "nom": "Proviseure"})
            token = outbox_token(os.path.join(server.workdir, "outbox"), r"jeton=([0-9a-f]{64})")
            head.request("POST", "/activation/confirmer", {"csrf": head.cookies["numeria_csrf"], "jeton": token})
            _, _, orga = head.request("GET", "/orga")
            schools = re.findall(r'href="(/orga/\d+)/equipe"[^>]*>([^<]+)<', orga.replace("&#x2F;", "/"))
            new_school = next(path for path, name in schools if "Sophie-Germain" in name)

            _, _, page = head.request("GET", new_school + "/eleves")
        finally:
            server.stop()

        page = html.unescape(page)
        self.assertIn("Aucun élève pour l'instant", page)
        self.assertIn(f'href="{new_school}/eleves/import"', page.replace("&#x2F;", "/"))
        self.assertNotIn('id="table-eleves"', page)
        self.assertNotIn('id="section-identifiants"', page)


if __name__ == "__main__":
    unittest.main()
