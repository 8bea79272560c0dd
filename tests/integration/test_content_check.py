"""`numeria content check` (issue 4 "Done when"): the repository's bank passes with its counts, and
a broken copy is reported with the file and line of each mistake."""
import os
import re
import shutil
import tempfile
import unittest

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
        path = os.path.join(self.content, relative)
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        self.assertIn(old, text)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text.replace(old, new, 1))
        return text[:text.index(old)].count("\n") + 1

    def check(self):
        result = run_cli("content", "check", self.content)
        self.assertEqual(result.returncode, 1)
        return result.stdout + result.stderr

    def test_a_duplicate_id_is_reported_with_its_file_and_line(self):
        line = self.edit("competences/5.2.yaml", 'id: "5.2-cheminsFichiers1-b"', 'id: "5.2-cheminsFichiers1-a"')

        self.assertRegex(self.check(), rf"competences/5\.2\.yaml:{line}: .*5\.2-cheminsFichiers1-a")

    def test_a_missing_solution_is_reported(self):
        self.edit("competences/3.4.yaml", '            solution: ["16"]\n', "")

        self.assertRegex(self.check(), r"competences/3\.4\.yaml:\d+: .*sans solution")

    def test_an_unknown_tube_in_a_profile_is_reported(self):
        line = self.edit("target-profiles/rentree-6e.yaml", '"@motsCles"', '"@sujetInconnu"')

        self.assertRegex(self.check(), rf"target-profiles/rentree-6e\.yaml:{line}: .*@sujetInconnu")

    def test_a_qcu_with_two_right_answers_is_reported(self):
        self.edit("competences/2.2.yaml", "            solution: 2\n", "            solution: [1, 2]\n")

        self.assertRegex(self.check(), r"competences/2\.2\.yaml:\d+: un QCU a une seule bonne réponse")


if __name__ == "__main__":
    unittest.main()
