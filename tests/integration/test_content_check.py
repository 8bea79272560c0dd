"""`numeria content check` (docs/rules/content.md "Bank minimums"): the repository's bank passes with its counts, and
a broken copy is reported with the file and line of each mistake."""
import os
import re
import shutil
import tempfile
import unittest

import yaml

from tests.support.harness import run_cli

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


class ContentCheckTest(unittest.TestCase):
    def test_the_bank_passes_and_prints_its_counts(self):
        result = run_cli("content", "check", os.path.join(ROOT, "content"))

        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        total = int(re.search(r"Épreuves : (\d+)", result.stdout).group(1))
        self.assertGreaterEqual(total, 640)
        per_competence = re.findall(r"^  (\d\.\d) : (\d+) \[([\d ]+)\]$", result.stdout, re.M)
        self.assertEqual(len(per_competence), 16)
        for code, count, levels in per_competence:
            self.assertGreaterEqual(int(count), 40, code)
            self.assertTrue(all(int(n) >= 4 for n in levels.split()[:6]), code)
        for type_code, count in re.findall(r"(QCU|QCM|QROC|QROCM-ind|QROCM-dep)=(\d+)", result.stdout):
            self.assertGreaterEqual(int(count), 40, type_code)
        self.assertRegex(result.stdout, r"Parcours : \d+ \(CERTIFICABILITE=\d+, DISCIPLINAIRE=\d+, RENTREE=8,")


class BrokenContentTest(unittest.TestCase):
    def setUp(self):
        self.home = tempfile.mkdtemp(prefix="numeria-content-")
        self.content = os.path.join(self.home, "content")
        shutil.copytree(os.path.join(ROOT, "content"), self.content)

    def tearDown(self):
        shutil.rmtree(self.home, ignore_errors=True)

    def edit(self, relative, old, new):
        """Replaces the first match of the regex `old`; returns the 1-based line where it starts."""
        path = os.path.join(self.content, relative)
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        match = re.search(old, text, re.M)
        self.assertIsNotNone(match, old)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text[:match.start()] + match.expand(new) + text[match.end():])
        return text[:match.start()].count("\n") + 1

    def line_of(self, relative, literal, after=0):
        """The 1-based line of the first occurrence of `literal` below line `after`."""
        with open(os.path.join(self.content, relative), encoding="utf-8") as handle:
            lines = handle.read().split("\n")
        return next(i for i, text in enumerate(lines, 1) if i > after and literal in text)

    def check(self):
        result = run_cli("content", "check", self.content)
        self.assertEqual(result.returncode, 1)
        return result.stdout + result.stderr

    def test_a_duplicate_id_is_reported_with_its_file_and_line(self):
        with open(os.path.join(self.content, "competences", "5.2.yaml"), encoding="utf-8") as handle:
            first_id = re.search(r'^\s+- id: "([^"]+)"', handle.read(), re.M).group(1)
        # The second challenge takes the id of the first.
        line = self.edit("competences/5.2.yaml", r'(?s)(- id: "[^"]+".*?)- id: "[^"]+"', rf'\1- id: "{first_id}"')
        duplicate = self.line_of("competences/5.2.yaml", f'id: "{first_id}"', after=line)

        self.assertRegex(self.check(), rf"competences/5\.2\.yaml:{duplicate}: .*{re.escape(first_id)}")

    def test_a_missing_solution_is_reported_with_the_line_of_its_challenge(self):
        with open(os.path.join(self.content, "competences", "3.4.yaml"), encoding="utf-8") as handle:
            text = handle.read()
        challenge = re.search(r'^ +- id: "[^"]+"\n(?: {12}(?!solution:).*\n)*? {12}solution:.*\n', text, re.M)
        line = text[:challenge.start()].count("\n") + 1
        self.edit("competences/3.4.yaml", r"^ {12}solution:.*\n", "")

        self.assertRegex(self.check(), rf"competences/3\.4\.yaml:{line}: .*sans solution")

    def test_an_unknown_tube_in_a_profile_is_reported(self):
        line = self.edit("target-profiles/rentree-6e.yaml", r'"@\w+"', '"@sujetInconnu"')

        self.assertRegex(self.check(), rf"target-profiles/rentree-6e\.yaml:{line}: .*@sujetInconnu")

    def test_a_qcu_with_two_right_answers_is_reported_with_its_line(self):
        line = self.edit("competences/2.2.yaml", r"(type: QCU\n(?: {12}(?!solution:).*\n)*? {12})solution: \d+$",
                         r"\1solution: [1, 2]")
        solution = self.line_of("competences/2.2.yaml", "solution: [1, 2]", after=line)

        self.assertRegex(self.check(), rf"competences/2\.2\.yaml:{solution}: un QCU a une seule bonne réponse")

    def test_a_misspelt_key_is_reported_with_its_line(self):
        line = self.edit("competences/1.3.yaml", r"^( +)timer:", r"\1timeur:")

        self.assertRegex(self.check(), rf"competences/1\.3\.yaml:{line}: .*clé inconnue « timeur »")

    def test_an_unknown_format_is_reported_with_its_line(self):
        line = self.edit("competences/1.3.yaml", r"^( +)format: nombre$", r"\1format: nombres")

        self.assertRegex(self.check(), rf"competences/1\.3\.yaml:{line}: .*valeur inconnue « nombres »")

    def test_a_variant_left_empty_by_its_tolerances_is_reported(self):
        with open(os.path.join(self.content, "competences", "4.2.yaml"), encoding="utf-8") as handle:
            document = yaml.safe_load(handle)
        qroc = next(c for t in document["tubes"] for s in t["skills"] for c in s["challenges"]
                    if c["type"] == "QROC" and c.get("format") != "nombre" and "t2" not in (c.get("tolerances") or []))
        self.edit("competences/4.2.yaml", rf'(- id: "{re.escape(qroc["id"])}"\n(?: {{12}}.*\n)*? {{12}}solution: )\["',
                  r'\1["?!", "')
        line = self.line_of("competences/4.2.yaml", '["?!", "')

        self.assertRegex(self.check(), rf"competences/4\.2\.yaml:{line}: .*la variante « \?! » est vide")

    def test_sos_certificabilite_must_reach_eight_pix_in_five_competences(self):
        path = os.path.join(self.content, "target-profiles", "sos-certificabilite.yaml")
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(re.sub(r"level: \d", "level: 1", text))  # one level-1 skill per tube: 1.6 or 2 pix

        self.assertRegex(self.check(), r"Minimum non atteint : parcours « sos-certificabilite » : le niveau 1 "
                                       r"\(8 pix\) doit être atteignable dans au moins 5 compétences \([0-4]\)")


if __name__ == "__main__":
    unittest.main()
