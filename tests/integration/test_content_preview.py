"""The content preview of the Admin space (issue 4 item 8): browse the framework, show a challenge
as a student sees it, answer it and see the verdict of the answer-checking library."""
import unittest

from tests.integration.test_accounts import Browser
from tests.support.harness import Server

NATIONAL = ("admin@demo.numeria.localhost", "AdminNationale2026")
TEACHER = ("enseignant@demo.numeria.localhost", "Enseignant2026")


class ContentPreviewTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(extra_args=["--demo"]).start()
        cls.admin = Browser(cls.server)
        cls.admin.log_in(*NATIONAL)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def answer(self, challenge, form):
        form = dict(form, csrf=self.admin.cookies["numeria_csrf"])
        return self.admin.request("POST", "/admin/contenu/epreuves/" + challenge, form)

    def test_the_index_lists_the_sixteen_competences(self):
        status, _, html = self.admin.request("GET", "/admin/contenu")

        self.assertEqual(status, 200)
        self.assertEqual(html.count('id="lien-competence-'), 16)

    def test_a_competence_page_lists_its_tubes_skills_and_challenges(self):
        status, _, html = self.admin.request("GET", "/admin/contenu/competences/4.3")

        self.assertEqual(status, 200)
        self.assertIn("Gérer son temps d&#39;écran", html)
        self.assertIn('href="/admin/contenu/epreuves/4.3-tempsEcran1-a"', html)

    def test_a_challenge_is_shown_as_a_student_sees_it(self):
        status, _, html = self.admin.request("GET", "/admin/contenu/epreuves/4.3-tempsEcran1-a")

        self.assertEqual(status, 200)
        self.assertIn("Pourquoi éviter les écrans juste avant de dormir ?", html)
        self.assertEqual(html.count('type="radio"'), 4)
        self.assertNotIn('id="verdict"', html)

    def test_a_right_qcu_answer_is_judged_right(self):
        _, _, html = self.answer("4.3-tempsEcran1-a", {"reponse": "1", "action": "valider"})

        self.assertIn("Bonne réponse", html)

    def test_a_wrong_qcm_answer_is_judged_wrong(self):
        _, _, html = self.answer("4.3-tempsEcran2-a", {"proposition-1": "1", "proposition-4": "1", "action": "valider"})

        self.assertIn("Mauvaise réponse", html)

    def test_a_numeric_qroc_accepts_spaces_around_the_number(self):
        _, _, html = self.answer("4.3-tempsEcran3-a", {"reponse": " 105 ", "action": "valider"})

        self.assertIn("Bonne réponse", html)

    def test_qrocm_ind_fields_are_judged_one_by_one(self):
        _, _, html = self.answer("4.3-tempsEcran4-a", {"champ-total": "14", "champ-moyenne": "3", "action": "valider"})

        self.assertIn("Mauvaise réponse", html)
        self.assertIn("Champ juste", html)
        self.assertIn("Champ faux", html)

    def test_skipping_is_its_own_result(self):
        _, _, html = self.answer("4.3-tempsEcran1-a", {"action": "passer"})

        self.assertIn("Question passée", html)

    def test_an_unknown_challenge_is_a_404(self):
        status, _, _ = self.admin.request("GET", "/admin/contenu/epreuves/inexistante")

        self.assertEqual(status, 404)

    def test_the_preview_is_hidden_from_a_teacher(self):
        teacher = Browser(self.server)
        teacher.log_in(*TEACHER)

        status, _, _ = teacher.request("GET", "/admin/contenu")

        self.assertEqual(status, 404)


if __name__ == "__main__":
    unittest.main()
