"""`numeria cat estimate|replay|simulate|score|make-bank` (issue 6 item 2), checked against an
independent Python implementation of the reference rules (EAP on a grid with a normal prior; quota
balance; maximum information at the current estimate; ties to the lowest bank position)."""
import json
import math
import os
import random
import shutil
import tempfile
import unittest

from tests.support.harness import run_cli


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
        self.assertGreaterEqual(len(result.stdout.split('"eap":')[1].split(",")[0].strip().lstrip("-").replace(".", "")), 9)

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
                    "mean_test_information", "van_trees_bound", "oracle_van_trees_bound", "us_per_selection",
                    "us_per_update"):
            self.assertIn(key, printed)
        self.assertLessEqual(printed["max_exposure"], 0.25)
        self.assertGreater(printed["correlation"], 0.9)

    def test_the_reference_simulation_is_reproducible(self):
        first = json.loads(run_cli("cat", "simulate", "--bank", self.bank_path, "--n", "100", "--config",
                                   "reference").stdout)
        second = json.loads(run_cli("cat", "simulate", "--bank", self.bank_path, "--n", "100", "--config",
                                    "reference").stdout)

        self.assertEqual(first["rmse"], second["rmse"])


if __name__ == "__main__":
    unittest.main()
