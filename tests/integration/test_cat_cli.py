"""`numeria cat estimate|replay|simulate|score|make-bank` (docs/rules/certification-engine.md
"Command line"), checked against an independent Python implementation of the reference rules (EAP on
a grid with a normal prior; quota balance; maximum information at the current estimate; ties to the
lowest bank position)."""
import json
import math
import os
import random
import re
import shutil
import tempfile
import unittest

from tests.support.harness import run_cli

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PRODUCTION = os.path.join(ROOT, "content", "certification", "cat-production.yaml")


def probability(a, b, theta):
    return 1.0 / (1.0 + math.exp(-a * (theta - b)))


def eap(answers, mean=0.0, sd=1.0, low=-6.0, high=6.0, points=241):
    step = (high - low) / (points - 1)
    grid = [low + step * i for i in range(points)]
    weights = [math.exp(-0.5 * ((t - mean) / sd) ** 2) for t in grid]
    for a, b, correct in answers:
        weights = [w * (probability(a, b, t) if correct else 1 - probability(a, b, t)) for w, t in zip(weights, grid)]
    total = sum(weights)
    estimate = sum(w * t for w, t in zip(weights, grid)) / total
    return estimate, math.sqrt(sum(w * (t - estimate) ** 2 for w, t in zip(weights, grid)) / total)


def numbers_in(line):
    """The numbers of a one-line JSON object of numbers, as printed."""
    return re.findall(r'":(-?[0-9.eE+-]+)', line)


def significant_digits(token):
    return len(re.sub(r"[eE].*|[-.]", "", token).lstrip("0"))


class CatCliTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.workdir = tempfile.mkdtemp(prefix="numeria-cat-")
        result = run_cli("cat", "make-bank", "--seed", "11")
        assert result.returncode == 0, result.stderr
        cls.bank = json.loads(result.stdout)
        cls.bank_path = cls.write("bank.json", result.stdout)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.workdir, ignore_errors=True)

    @classmethod
    def write(cls, name, text):
        path = os.path.join(cls.workdir, name)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        return path

    def test_make_bank_gives_960_items_in_16_competences_deterministically(self):
        again = json.loads(run_cli("cat", "make-bank", "--seed", "11").stdout)
        other = json.loads(run_cli("cat", "make-bank", "--seed", "12").stdout)

        self.assertEqual(len(self.bank), 960)
        self.assertEqual(len({item["competence"] for item in self.bank}), 16)
        self.assertEqual(len({item["tube"] for item in self.bank}), 192)
        self.assertEqual(set(self.bank[0]), {"id", "competence", "tube", "a", "b"})
        self.assertEqual(again, self.bank)
        self.assertNotEqual(other, self.bank)

    def test_estimate_matches_an_independent_eap(self):
        chosen = self.bank[:12:2] + self.bank[300:305]
        responses = [{"id": item["id"], "correct": i % 3 != 0} for i, item in enumerate(chosen)]
        path = self.write("responses.json", json.dumps(responses))

        result = run_cli("cat", "estimate", "--items", self.bank_path, "--responses", path)

        self.assertEqual(result.returncode, 0, result.stderr)
        printed = json.loads(result.stdout)
        expected = eap([(i["a"], i["b"], r["correct"]) for i, r in zip(chosen, responses)])
        self.assertAlmostEqual(printed["eap"], expected[0], delta=1e-9)
        self.assertAlmostEqual(printed["sd"], expected[1], delta=1e-9)
        self.assertEqual([significant_digits(token) for token in numbers_in(result.stdout)], [17, 17])

    def test_estimate_prints_17_significant_digits_even_for_round_numbers(self):
        path = self.write("none.json", "[]")

        result = run_cli("cat", "estimate", "--items", self.bank_path, "--responses", path, "--prior-sd", "6",
                         "--grid-min", "-60", "--grid-max", "60")

        self.assertEqual(result.returncode, 0, result.stderr)
        printed = json.loads(result.stdout)
        self.assertAlmostEqual(printed["sd"], 6.0, delta=1e-9)
        self.assertEqual([significant_digits(token) for token in numbers_in(result.stdout)], [17, 17])

    def test_estimate_uses_the_prior_and_grid_flags(self):
        responses = [{"id": self.bank[0]["id"], "correct": True}]
        path = self.write("one.json", json.dumps(responses))

        result = run_cli("cat", "estimate", "--items", self.bank_path, "--responses", path, "--prior-mean", "0.5",
                         "--prior-sd", "1.5", "--grid-min", "-4", "--grid-max", "4", "--grid-points", "81")

        expected = eap([(self.bank[0]["a"], self.bank[0]["b"], True)], 0.5, 1.5, -4, 4, 81)
        self.assertAlmostEqual(json.loads(result.stdout)["eap"], expected[0], delta=1e-9)

    def test_estimate_refuses_an_unknown_item(self):
        path = self.write("unknown.json", json.dumps([{"id": "inconnu", "correct": True}]))

        result = run_cli("cat", "estimate", "--items", self.bank_path, "--responses", path)

        self.assertNotEqual(result.returncode, 0)
        self.assertIn("inconnu", result.stderr)

    def refused(self, *args, home=None):
        """Runs a command that must be refused: exit 1 (never an abort), one message on stderr."""
        result = run_cli(*args, env={"NUMERIA_HOME": home} if home else None)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertTrue(result.stderr.startswith("numeria: "), result.stderr)
        self.assertNotIn("terminate", result.stderr)
        return result.stderr

    def estimate_refused(self, responses):
        path = self.write("bad-responses.json", json.dumps(responses))
        return self.refused("cat", "estimate", "--items", self.bank_path, "--responses", path)

    def replay_refused(self, *lines):
        path = self.write("bad.jsonl", "\n".join(lines) + "\n")
        return self.refused("cat", "replay", "--bank", self.bank_path, "--simulees", path)

    def test_estimate_refuses_a_response_that_is_not_an_object(self):
        self.assertIn("réponse 2", self.estimate_refused([{"id": self.bank[0]["id"], "correct": True}, 1]))

    def test_estimate_refuses_a_correct_that_is_not_a_boolean(self):
        self.assertIn("correct", self.estimate_refused([{"id": self.bank[0]["id"], "correct": "oui"}]))

    def test_estimate_refuses_a_response_without_correct(self):
        self.assertIn("correct", self.estimate_refused([{"id": self.bank[0]["id"]}]))

    def test_estimate_refuses_a_prior_that_puts_no_mass_on_the_grid(self):
        path = self.write("empty.json", "[]")

        stderr = self.refused("cat", "estimate", "--items", self.bank_path, "--responses", path, "--prior-mean", "100",
                              "--prior-sd", "0.1")

        self.assertIn("aucune masse sur la grille", stderr)

    def test_replay_refuses_a_line_without_theta(self):
        good = json.dumps({"theta": 0.0, "U": [0.5] * 32})
        self.assertIn("ligne 2 : « theta »", self.replay_refused(good, json.dumps({"U": [0.5] * 32})))

    def test_replay_refuses_a_u_that_is_not_an_array(self):
        self.assertIn("ligne 1 : « U »", self.replay_refused(json.dumps({"theta": 0.1, "U": 0.5})))

    def test_replay_refuses_a_line_that_is_not_an_object(self):
        self.assertIn("ligne 1 : un objet", self.replay_refused("[0.1, 0.5]"))

    def test_replay_refuses_a_u_whose_size_is_not_the_length(self):
        good = json.dumps({"theta": 0.0, "U": [0.5] * 32})
        stderr = self.replay_refused(good, good, json.dumps({"theta": 0.0, "U": [0.5] * 31}))

        self.assertIn("ligne 3", stderr)
        self.assertIn("31", stderr)

    def test_replay_accepts_a_u_of_the_length_given(self):
        path = self.write("short.jsonl", json.dumps({"theta": 0.0, "U": [0.5] * 16}) + "\n")

        result = run_cli("cat", "replay", "--bank", self.bank_path, "--simulees", path, "--length", "16")

        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(len(json.loads(result.stdout)["items"]), 16)

    def test_a_bank_that_repeats_an_id_is_refused(self):
        path = self.write("twice.json", json.dumps(self.bank[:5] + [self.bank[2]]))
        responses = self.write("none.json", "[]")

        stderr = self.refused("cat", "estimate", "--items", path, "--responses", responses)

        self.assertIn(self.bank[2]["id"], stderr)
        self.assertIn("item 6", stderr)

    def bank_refused(self, field, value):
        """Runs `estimate` on the bank with `field` set to `value` on its 4th item; returns stderr."""
        bank = [dict(item) for item in self.bank[:6]]
        bank[3][field] = value
        path = self.write("bad-" + field + ".json", json.dumps(bank))
        responses = self.write("none.json", "[]")
        return self.refused("cat", "estimate", "--items", path, "--responses", responses)

    def test_a_bank_whose_skill_is_not_a_non_empty_text_is_refused(self):
        for value in (3, "", None, ["s"]):
            stderr = self.bank_refused("skill", value)
            self.assertIn("item 4", stderr)
            self.assertIn("« skill » doit être un texte non vide", stderr)

    def test_a_bank_whose_accessible_is_not_a_boolean_is_refused(self):
        for value in ("oui", 1, None):
            stderr = self.bank_refused("accessible", value)
            self.assertIn("item 4", stderr)
            self.assertIn("« accessible » doit valoir true ou false", stderr)

    def test_replay_is_the_same_with_skills_and_accessibility_in_the_bank(self):
        marked = [dict(item, skill="acquis " + item["tube"], accessible=position % 2 == 0)
                  for position, item in enumerate(self.bank)]
        marked_path = self.write("marked.json", json.dumps(marked))
        rng = random.Random(8)
        path = self.write("marked.jsonl", "\n".join(
            json.dumps({"theta": rng.gauss(0, 1), "U": [rng.random() for _ in range(32)]}) for _ in range(3)) + "\n")

        plain = run_cli("cat", "replay", "--bank", self.bank_path, "--simulees", path)
        with_fields = run_cli("cat", "replay", "--bank", marked_path, "--simulees", path)

        self.assertEqual(with_fields.returncode, 0, with_fields.stderr)
        self.assertEqual(with_fields.stdout, plain.stdout)

    def test_score_refuses_a_capacity_that_is_not_finite(self):
        for value in ("nan", "inf"):
            self.assertIn("--capacity", self.refused("cat", "score", "--capacity", value))

    def home_with(self, old, new):
        """A NUMERIA_HOME whose production configuration has `old` replaced by `new`."""
        home = tempfile.mkdtemp(prefix="home-", dir=self.workdir)
        os.makedirs(os.path.join(home, "content", "certification"))
        with open(PRODUCTION, encoding="utf-8") as handle:
            text = handle.read()
        self.assertIn(old, text)
        with open(os.path.join(home, "content", "certification", "cat-production.yaml"), "w", encoding="utf-8") as out:
            out.write(text.replace(old, new))
        return home

    def test_score_refuses_bounds_that_do_not_ascend(self):
        home = self.home_with("bounds: [-8.0, -1.4, -0.519,", "bounds: [-8.0, -0.519, -1.4,")

        self.assertIn("croître", self.refused("cat", "score", "--capacity", "0", home=home))

    def test_score_refuses_bounds_that_do_not_number_one_more_than_the_mesh_steps(self):
        home = self.home_with("bounds: [-8.0, -1.4, -0.519,", "bounds: [-8.0, -0.519,")

        self.assertIn("une borne de plus", self.refused("cat", "score", "--capacity", "0", home=home))

    def test_score_reads_a_per_competence_level_table(self):
        home = self.home_with("competence_levels: {}", """competence_levels:
    "1.2":
      - {level: 0, min: -5.34, max: -1.8162}
      - {level: 3, min: -1.8162, max: 2.8168}
      - {level: 4, min: 2.8168, max: 2.1678}
      - {level: 5, min: 2.1678, max: 7.3741}""")

        levels = [json.loads(run_cli("cat", "score", "--capacity", capacity, env={"NUMERIA_HOME": home}).stdout)["levels"]
                  for capacity in ("2.8167", "2.8168")]

        self.assertEqual([level["1.2"] for level in levels], [3, 5])
        self.assertEqual([level["1.1"] for level in levels], [5, 5])

    def test_replay_follows_the_reference_rules(self):
        rng = random.Random(5)
        simulees = [{"theta": rng.gauss(0, 1), "U": [rng.random() for _ in range(32)]} for _ in range(3)]
        path = self.write("simulees.jsonl", "\n".join(json.dumps(s) for s in simulees) + "\n")

        result = run_cli("cat", "replay", "--bank", self.bank_path, "--simulees", path)

        self.assertEqual(result.returncode, 0, result.stderr)
        lines = [json.loads(line) for line in result.stdout.splitlines()]
        self.assertEqual(len(lines), 3)
        by_id = {item["id"]: (position, item) for position, item in enumerate(self.bank)}
        for simulee, line in zip(simulees, lines):
            self.assertEqual(len(line["items"]), 32)
            competences = [by_id[i][1]["competence"] for i in line["items"]]
            self.assertTrue(all(competences.count(c) == 2 for c in set(competences)))
            # Re-derive every step independently.
            answers, counts, estimate = [], {c: 0 for c in {i["competence"] for i in self.bank}}, 0.0
            for t, item_id in enumerate(line["items"]):
                fewest = min(counts.values())
                asked = set(line["items"][:t])
                best, best_info = None, -1.0
                for position, item in enumerate(self.bank):
                    if item["id"] in asked or counts[item["competence"]] != fewest:
                        continue
                    p = probability(item["a"], item["b"], estimate)
                    if item["a"] ** 2 * p * (1 - p) > best_info:
                        best, best_info = item, item["a"] ** 2 * p * (1 - p)
                self.assertEqual(item_id, best["id"], f"question {t + 1}")
                right = simulee["U"][t] < probability(best["a"], best["b"], simulee["theta"])
                self.assertEqual(line["correct"][t], 1 if right else 0)
                counts[best["competence"]] += 1
                answers.append((best["a"], best["b"], right))
                estimate, sd = eap(answers)
            self.assertAlmostEqual(line["est"], estimate, delta=1e-9)
            self.assertAlmostEqual(line["sd"], sd, delta=1e-9)

    def test_score_gives_the_score_and_sixteen_levels(self):
        result = run_cli("cat", "score", "--capacity", "1.0")

        printed = json.loads(result.stdout)
        self.assertEqual(printed["score"], 312)
        self.assertEqual(len(printed["levels"]), 16)
        self.assertEqual(printed["levels"]["1.1"], 4)

    def test_simulate_reports_precision_exposure_and_speed(self):
        result = run_cli("cat", "simulate", "--bank", self.bank_path, "--n", "300", "--seed", "4")

        printed = json.loads(result.stdout)
        for key in ("rmse", "bias", "mean_sd", "correlation", "max_exposure", "unused_items_pct",
                    "mean_test_information", "van_trees_bound", "oracle_van_trees_bound",
                    "oracle_free_van_trees_bound", "rmse_over_oracle_bound", "us_per_selection", "us_per_update"):
            self.assertIn(key, printed)
        self.assertLessEqual(printed["max_exposure"], 0.25)
        self.assertLessEqual(printed["oracle_max_exposure"], 0.25)
        self.assertGreater(printed["correlation"], 0.9)
        # The oracle under the exposure control has less information than the free one.
        self.assertGreater(printed["oracle_van_trees_bound"], printed["oracle_free_van_trees_bound"])
        self.assertAlmostEqual(printed["rmse_over_oracle_bound"], printed["rmse"] / printed["oracle_van_trees_bound"])

    def test_the_reference_simulation_ignores_the_production_grid(self):
        home = self.home_with("  points: 241", "  points: 31")
        args = ("cat", "simulate", "--bank", self.bank_path, "--n", "50", "--config", "reference")

        with_production = json.loads(run_cli(*args).stdout)
        with_other = json.loads(run_cli(*args, env={"NUMERIA_HOME": home}).stdout)

        self.assertEqual(with_production["rmse"], with_other["rmse"])
        self.assertEqual(with_production["oracle_van_trees_bound"], with_production["oracle_free_van_trees_bound"])

    def test_the_production_simulation_uses_the_production_grid(self):
        home = self.home_with("  points: 241", "  points: 31")
        args = ("cat", "simulate", "--bank", self.bank_path, "--n", "50")

        self.assertNotEqual(json.loads(run_cli(*args).stdout)["rmse"],
                            json.loads(run_cli(*args, env={"NUMERIA_HOME": home}).stdout)["rmse"])

    def test_the_reference_simulation_is_reproducible(self):
        first = json.loads(run_cli("cat", "simulate", "--bank", self.bank_path, "--n", "100", "--config",
                                   "reference").stdout)
        second = json.loads(run_cli("cat", "simulate", "--bank", self.bank_path, "--n", "100", "--config",
                                    "reference").stdout)

        self.assertEqual(first["rmse"], second["rmse"])


if __name__ == "__main__":
    unittest.main()
