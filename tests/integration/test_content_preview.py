"""The content preview of the Admin space (docs/rules/content.md "Answer checking"): browse the framework, show a challenge
as a student sees it, answer it and see the verdict of the answer-checking library.

Content writers change the bank: challenges are picked from content/*.yaml at test time, by what
they are (type, format, suffix…), never by a hard-coded id."""
import glob
import html as html_module
import os
import re
import unittest

import yaml

from tests.integration.test_accounts import Browser
from tests.support.harness import Server

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
NATIONAL = ("admin@demo.numeria.localhost", "AdminNationale2026")
TEACHER = ("enseignant@demo.numeria.localhost", "Enseignant2026")


def bank():
    """Every challenge of content/competences, with its competence and tube."""
    challenges = []
    for path in sorted(glob.glob(os.path.join(ROOT, "content", "competences", "*.yaml"))):
        with open(path, encoding="utf-8") as handle:
            document = yaml.safe_load(handle)
        for tube in document["tubes"]:
            for skill in tube["skills"]:
                for challenge in skill["challenges"]:
                    challenges.append(dict(challenge, competence=document["competence"], tube=tube))
    return challenges


def first(predicate):
    for challenge in bank():
        if predicate(challenge):
            return challenge
    raise unittest.SkipTest("no such challenge in the bank today")


def variants(solution):
    return solution if isinstance(solution, list) else [solution]


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
        return self.admin.request("POST", "/admin/contenu/epreuves/" + challenge["id"], form)

    def test_the_index_lists_the_sixteen_competences(self):
        status, _, html = self.admin.request("GET", "/admin/contenu")

        self.assertEqual(status, 200)
        self.assertEqual(html.count('id="lien-competence-'), 16)

    def test_a_competence_page_lists_its_tubes_skills_and_challenges(self):
        challenge = first(lambda c: True)

        status, _, html = self.admin.request("GET", "/admin/contenu/competences/" + challenge["competence"])

        self.assertEqual(status, 200)
        self.assertIn(html_module.escape(challenge["tube"]["title"]).replace("&#x27;", "&#39;"), html)
        self.assertIn(f'href="/admin/contenu/epreuves/{challenge["id"]}"', html)

    def test_a_challenge_is_shown_as_a_student_sees_it(self):
        qcu = first(lambda c: c["type"] == "QCU" and "illustration" not in c)

        status, _, html = self.admin.request("GET", "/admin/contenu/epreuves/" + qcu["id"])

        self.assertEqual(status, 200)
        self.assertEqual(html.count('type="radio"'), len(qcu["proposals"]))
        self.assertNotIn('id="verdict"', html)

    def test_a_right_qcu_answer_is_judged_right(self):
        qcu = first(lambda c: c["type"] == "QCU")

        _, _, html = self.answer(qcu, {"reponse": str(qcu["solution"]), "action": "valider"})

        self.assertIn("Bonne réponse", html)

    def test_a_wrong_qcm_answer_is_judged_wrong(self):
        qcm = first(lambda c: c["type"] == "QCM" and len(c["solution"]) < len(c["proposals"]))
        wrong = next(i for i in range(1, len(qcm["proposals"]) + 1) if i not in qcm["solution"])
        form = {f"proposition-{i}": "1" for i in list(qcm["solution"]) + [wrong]}

        _, _, html = self.answer(qcm, dict(form, action="valider"))

        self.assertIn("Mauvaise réponse", html)

    def test_a_numeric_qroc_accepts_spaces_around_the_number(self):
        qroc = first(lambda c: c["type"] == "QROC" and c.get("format") == "nombre")

        _, _, html = self.answer(qroc, {"reponse": f" {variants(qroc['solution'])[0]} ", "action": "valider"})

        self.assertIn("Bonne réponse", html)

    def test_a_numeric_qroc_reads_a_no_break_space_as_thousands_separator(self):
        qroc = first(lambda c: c["type"] == "QROC" and c.get("format") == "nombre"
                     and any(re.fullmatch(r"\d{4,}", str(v)) for v in variants(c["solution"])))
        number = next(str(v) for v in variants(qroc["solution"]) if re.fullmatch(r"\d{4,}", str(v)))
        typed = number[:-3] + "\u202f" + number[-3:]  # "3 000" with a narrow no-break space

        _, _, html = self.answer(qroc, {"reponse": typed, "action": "valider"})

        self.assertIn("Bonne réponse", html)

    def test_qrocm_ind_fields_are_judged_one_by_one(self):
        qrocm = first(lambda c: c["type"] == "QROCM-ind" and len(c["fields"]) >= 2)
        right, wrong = qrocm["fields"][0]["key"], qrocm["fields"][1]["key"]
        form = {f"champ-{field['key']}": variants(qrocm["solution"][field["key"]])[0] for field in qrocm["fields"]}
        form[f"champ-{wrong}"] = "xqzwxqzwxqzw"

        _, _, html = self.answer(qrocm, dict(form, action="valider"))

        self.assertIn("Mauvaise réponse", html)
        self.assertRegex(html, rf'(?s)champ-{right}".*?Champ juste.*?champ-{wrong}".*?Champ faux')

    def test_a_right_qrocm_dep_answer_is_judged_right_in_any_order(self):
        dep = first(lambda c: c["type"] == "QROCM-dep" and len(c["fields"]) >= 2)
        answers = [variants(group)[0] for group in dep["solution"][: len(dep["fields"])]]
        form = {f"champ-{field['key']}": value for field, value in zip(dep["fields"], reversed(answers))}

        _, _, html = self.answer(dep, dict(form, action="valider"))

        self.assertIn("Bonne réponse", html)

    def test_skipping_is_its_own_result_for_every_type(self):
        for kind in ("QCU", "QCM", "QROC", "QROCM-ind", "QROCM-dep"):
            with self.subTest(kind):
                status, _, html = self.answer(first(lambda c, kind=kind: c["type"] == kind), {"action": "passer"})

                self.assertEqual(status, 200)
                self.assertIn("Question passée", html)

    def test_validating_no_answer_asks_to_answer_or_to_skip_for_every_type(self):
        expected = {
            "QCU": "Pour valider, sélectionnez une réponse.",
            "QCM": "Pour valider, sélectionnez au moins une réponse.",
            "QROC": "Pour valider, saisissez une réponse.",
            "QROCM-ind": "Pour valider, remplissez tous les champs.",
            "QROCM-dep": "Pour valider, remplissez tous les champs.",
        }
        for kind, message in expected.items():
            with self.subTest(kind):
                status, _, html = self.answer(first(lambda c, kind=kind: c["type"] == kind),
                                              {"reponse": "  ", "action": "valider"})

                self.assertEqual(status, 422)
                self.assertIn(message + " Sinon, passez la question avec « Je passe ».", html)
                self.assertNotIn('id="verdict"', html)

    def test_a_qrocm_with_one_empty_field_is_not_judged(self):
        qrocm = first(lambda c: c["type"] == "QROCM-ind" and len(c["fields"]) >= 2)
        filled = qrocm["fields"][0]["key"]

        status, _, html = self.answer(qrocm, {f"champ-{filled}": "octet", "action": "valider"})

        self.assertEqual(status, 422)
        self.assertIn("Champ à remplir", html)
        self.assertIn('value="octet"', html)

    def test_the_input_suffix_comes_after_the_input(self):
        qroc = first(lambda c: c["type"] == "QROC" and (c.get("input") or {}).get("suffix"))

        _, _, html = self.admin.request("GET", "/admin/contenu/epreuves/" + qroc["id"])

        suffix = html_module.escape(qroc["input"]["suffix"])
        self.assertRegex(html, r'(?s)fr-input-wrap--addon">\s*<input[^>]*id="reponse"[^>]*aria-describedby='
                               r'"suffixe-reponse"[^>]*>\s*<span class="numeria-input-suffix" id="suffixe-reponse">'
                               + re.escape(suffix) + "</span>")
        self.assertNotIn("Unité :", html)

    def test_proposals_are_text_not_markdown(self):
        # "#" alone was an empty <h1>, "=A1*A2*A3" lost its asterisks (content audit item 6).
        def markdown_like(text):
            return "`" not in text and (text.lstrip().startswith(("#", "- ", "> ")) or "*" in text or "_" in text)

        checked = 0
        for challenge in bank():
            if challenge["type"] not in ("QCU", "QCM"):
                continue
            proposals = [(i, str(p)) for i, p in enumerate(challenge["proposals"], 1) if markdown_like(str(p))]
            if not proposals:
                continue
            _, _, html = self.admin.request("GET", "/admin/contenu/epreuves/" + challenge["id"])
            for index, proposal in proposals:
                with self.subTest(challenge["id"], proposal=proposal):
                    label = re.search(rf'<label class="fr-label" for="proposition-{index}">(.*?)</label>', html, re.S)
                    self.assertEqual(html_module.unescape(label.group(1)), proposal)
                    checked += 1
        if checked == 0:
            self.skipTest("no proposal looks like Markdown in the bank today")

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
