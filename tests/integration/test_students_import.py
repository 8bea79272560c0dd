"""The student-base import through `numeria students import` (docs/rules/student-import.md), on the
engine the suite runs on (SQLite or PostgreSQL): every sample file of tests/fixtures/students gives
the outcome its SOURCES.md describes, and every bad file is refused with a French message while
NOTHING changes in the database."""
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile

from tests.support import sql
from tests.support.harness import ENGINE, fresh_database_url, run_cli

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "fixtures", "students")
MAKE_BAD_CSV = os.path.join(HERE, "..", "support", "make_bad_csv.py")
FREGATA_HEADER = ("Identifiant unique*;Premier prénom*;Deuxième prénom;Troisième prénom;Nom de famille*;Nom d'usage;"
                  "Code sexe*;Date de naissance (jj/mm/aaaa)*;Code commune naissance**;Libellé commune naissance**;"
                  "Code département naissance*;Code pays naissance*;Statut*;Code MEF*;Division*\n")


class StudentsImportCliTest(unittest.TestCase):
    def setUp(self):
        self.workdir = tempfile.mkdtemp(prefix="numeria-students-")
        self.env = {"NUMERIA_DATABASE": fresh_database_url(self.workdir)}
        created = run_cli("org", "create", "--type", "SCO", "--name", "Lycée des fixtures", "--uai", "123ABC",
                          "--allow-nonstandard-uai", env=self.env)
        self.assertEqual(created.returncode, 0, created.stderr)

    def tearDown(self):
        shutil.rmtree(self.workdir, ignore_errors=True)

    def write(self, name, data):
        path = os.path.join(self.workdir, name)
        with open(path, "wb") as handle:
            handle.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        return path

    def run_import(self, path, *extra):
        result = run_cli("students", "import", "--org", "123ABC", path, *extra, env=self.env)
        return result.returncode, json.loads(result.stdout) if result.stdout.strip() else None, result.stderr

    def fixture(self, name):
        return os.path.join(FIXTURES, name)

    def import_two_valid(self):
        code, outcome, _ = self.run_import(self.fixture("siecle-with-two-valid-students.xml"))
        self.assertEqual((code, outcome["status"], outcome["imported"]), (0, "IMPORTED", 2))

    def assert_nothing_changed(self):
        """Re-importing the two valid pupils changes nothing: the database still holds exactly them."""
        code, outcome, _ = self.run_import(self.fixture("siecle-with-two-valid-students.xml"))
        self.assertEqual((code, outcome["imported"], outcome["updated"], outcome["disabled"], outcome["unchanged"]),
                         (0, 0, 0, 0, 2))

    def assert_refused(self, path, code_expected, *extra):
        code, outcome, stderr = self.run_import(path, *extra)
        self.assertEqual(code, 1, stderr)
        self.assertEqual(outcome["status"], "VALIDATION_ERROR")
        self.assertIn(code_expected, [error["code"] for error in outcome["errors"]])
        for error in outcome["errors"]:
            self.assertTrue(error["message"].strip(), error)
        self.assert_nothing_changed()
        return outcome

    # Samples (SOURCES.md)
    def test_two_valid_students_are_imported(self):
        code, outcome, _ = self.run_import(self.fixture("siecle-with-two-valid-students.xml"))

        self.assertEqual(code, 0)
        self.assertEqual((outcome["status"], outcome["imported"], outcome["skipped"], outcome["errors"]),
                         ("IMPORTED", 2, 0, []))

    def test_a_second_import_of_the_same_file_changes_nothing(self):
        self.import_two_valid()

        self.assert_nothing_changed()

    def test_pupils_no_longer_in_school_are_all_skipped_and_the_others_disabled(self):
        self.import_two_valid()

        code, outcome, _ = self.run_import(self.fixture("siecle-with-registrations-no-longer-in-school.xml"),
                                           "--confirm")

        self.assertEqual(code, 0)
        self.assertEqual((outcome["imported"], outcome["skipped"], outcome["disabled"]), (0, 5, 2))

    def test_disabling_more_than_half_asks_for_confirmation_first(self):
        self.import_two_valid()

        code, outcome, _ = self.run_import(self.fixture("siecle-with-registrations-no-longer-in-school.xml"))

        self.assertEqual((code, outcome["status"], outcome["disabled"]), (1, "CONFIRMATION_REQUIRED", 2))
        self.assert_nothing_changed()

    def test_a_duplicate_ine_refuses_the_file(self):
        self.import_two_valid()

        outcome = self.assert_refused(self.fixture("siecle-with-duplicate-national-student-id.xml"), "INE_UNIQUE")

        self.assertEqual(outcome["errors"][0]["ine"], "00000000123")

    def test_another_schools_file_is_refused(self):
        self.import_two_valid()

        self.assert_refused(self.fixture("siecle-with-wrong-uai.xml"), "UAI_MISMATCHED")

    def test_the_csv_sample_is_imported_with_the_fregata_format(self):
        code, outcome, _ = self.run_import(self.fixture("siecle-csv-with-two-valid-students.csv"), "--format", "fregata")

        self.assertEqual((code, outcome["status"], outcome["imported"]), (0, "IMPORTED", 2))

    def test_a_zip_holding_one_siecle_file_is_imported(self):
        archive = io.BytesIO()
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as handle:
            with open(self.fixture("siecle-with-two-valid-students.xml"), "rb") as xml:
                handle.writestr("export/ElevesSansAdresses.xml", xml.read())

        code, outcome, _ = self.run_import(self.write("eleves.zip", archive.getvalue()))

        self.assertEqual((code, outcome["imported"]), (0, 2))

    # Bad input: each refused, nothing changed
    def test_a_file_without_uaj_is_refused(self):
        self.import_two_valid()
        with open(self.fixture("siecle-with-two-valid-students.xml"), "rb") as handle:
            data = handle.read().replace(b"<UAJ>123ABC</UAJ>", b"")

        self.assert_refused(self.write("sans-uaj.xml", data), "UAI_MISMATCHED")

    def test_broken_xml_is_refused(self):
        self.import_two_valid()
        with open(self.fixture("siecle-with-two-valid-students.xml"), "rb") as handle:
            data = handle.read().replace(b"</ELEVES>", b"")

        self.assert_refused(self.write("casse.xml", data), "INVALID_FILE")

    def test_an_unknown_encoding_is_refused(self):
        self.import_two_valid()
        with open(self.fixture("siecle-with-two-valid-students.xml"), "rb") as handle:
            data = handle.read().replace(b"ISO-8859-15", b"X-MAC-KLINGON")

        self.assert_refused(self.write("encodage.xml", data), "ENCODING_NOT_SUPPORTED")

    def zip_of(self, entries):
        archive = io.BytesIO()
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as handle:
            for name, data in entries.items():
                handle.writestr(name, data)
        return archive.getvalue()

    def test_a_zip_with_two_xml_files_is_refused(self):
        self.import_two_valid()
        with open(self.fixture("siecle-with-two-valid-students.xml"), "rb") as handle:
            xml = handle.read()

        self.assert_refused(self.write("deux.zip", self.zip_of({"a.xml": xml, "b.xml": xml})), "ZIP_SEVERAL_FILES")

    def test_a_zip_with_a_hidden_file_is_refused(self):
        self.import_two_valid()
        with open(self.fixture("siecle-with-two-valid-students.xml"), "rb") as handle:
            xml = handle.read()

        self.assert_refused(self.write("cache.zip", self.zip_of({"eleves.xml": xml, ".DS_Store": b"x"})),
                            "ZIP_SEVERAL_FILES")

    def test_a_zip_bomb_is_refused(self):
        self.import_two_valid()
        bomb = b"<?xml version='1.0'?><BEE_ELEVES>" + b" " * (30 * 1024 * 1024) + b"</BEE_ELEVES>"

        self.assert_refused(self.write("bombe.zip", self.zip_of({"eleves.xml": bomb})), "ZIP_TOO_LARGE")

    def test_a_25_mb_file_is_refused(self):
        self.import_two_valid()
        with open(self.fixture("siecle-with-two-valid-students.xml"), "rb") as handle:
            xml = handle.read()
        padded = xml.replace(b"<DONNEES>", b"<!--" + b"x" * (25 * 1024 * 1024) + b"--><DONNEES>")

        self.assert_refused(self.write("gros.xml", padded), "FILE_TOO_LARGE")

    def test_a_csv_with_a_missing_column_is_refused(self):
        self.import_two_valid()
        csv = FREGATA_HEADER.replace("Division*", "Classe") + "1;A;;;B;;M;01/01/2010;75056;;75;99100;ST;M1;6A\n"

        self.assert_refused(self.write("colonne.csv", csv), "CSV_MISSING_COLUMN", "--format", "fregata")

    def test_a_csv_with_a_duplicate_identifier_is_refused(self):
        self.import_two_valid()
        csv = (FREGATA_HEADER + "1;A;;;B;;M;01/01/2010;75056;;75;99100;ST;M1;6A\n"
               "1;C;;;D;;F;01/01/2010;75056;;75;99100;ST;M1;6A\n")

        self.assert_refused(self.write("doublon.csv", csv), "IDENTIFIER_UNIQUE", "--format", "fregata")

    def test_a_zip_without_xml_says_so(self):
        self.import_two_valid()

        self.assert_refused(self.write("texte.zip", self.zip_of({"a.txt": b"bonjour"})), "ZIP_NO_XML")

    def test_a_csv_byte_that_is_not_utf8_is_refused_with_its_line(self):
        self.import_two_valid()
        csv = (FREGATA_HEADER + "1;A;;;B;;M;01/01/2010;75056;;75;99100;ST;M1;6A\n").encode() + \
            "2;Léa;;;B;;M;01/01/2010;75056;;75;99100;ST;M1;6A\n".encode("latin-1")

        outcome = self.assert_refused(self.write("latin.csv", csv), "INVALID_CHAR_DETECTED", "--format", "fregata")

        self.assertEqual(outcome["errors"][0]["line"], 3)

    # Bounded errors (docs/rules/student-import.md)
    def test_a_file_with_5000_bad_rows_reports_the_first_100_errors_and_counts_them_all(self):
        path = os.path.join(self.workdir, "mauvais.csv")
        subprocess.run([sys.executable, MAKE_BAD_CSV, "--rows", "5000", path], check=True)

        code, outcome, stderr = self.run_import(path, "--format", "fregata")

        self.assertEqual((code, outcome["status"]), (1, "VALIDATION_ERROR"), stderr)
        self.assertEqual(len(outcome["errors"]), 100)
        self.assertEqual(outcome["error_count"], 5000 * 4)  # four errors on every row
        self.assertEqual(outcome["errors"][-1]["line"], 26)

    # Fregata (docs/rules/student-import.md "Fregata CSV")
    def test_fregata_identifiers_differing_only_in_case_are_refused(self):
        self.import_two_valid()
        csv = (FREGATA_HEADER + "123456789ab;A;;;B;;M;01/01/2010;75056;;75;99100;ST;M1;6A\n"
               "123456789AB;C;;;D;;F;01/01/2010;75056;;75;99100;ST;M1;6A\n")

        outcome = self.assert_refused(self.write("casse.csv", csv), "IDENTIFIER_UNIQUE", "--format", "fregata")

        self.assertEqual((outcome["errors"][0]["ine"], outcome["errors"][0]["line"]), ("123456789AB", 3))

    def test_fregata_rows_need_every_starred_value(self):
        self.import_two_valid()
        csv = FREGATA_HEADER + "1;A;;;B;;M;01/01/2010;75056;;;99100;ST;;6A\n"

        outcome = self.assert_refused(self.write("vides.csv", csv), "FIELD_REQUIRED", "--format", "fregata")

        self.assertEqual([error.get("field") for error in outcome["errors"]], ["Code département naissance", "Code MEF"])

    def test_fregata_commune_columns_depend_on_the_birth_country(self):
        header = FREGATA_HEADER.replace("Code commune naissance**;", "")
        csv = header + "1;A;;;B;;M;01/01/2010;Plymouth;99;99132;ST;M1;6A\n"

        code, outcome, stderr = self.run_import(self.write("etranger.csv", csv), "--format", "fregata")

        self.assertEqual((code, outcome["status"], outcome["imported"]), (0, "IMPORTED", 1), stderr)

    # --mode (SUP only)
    def test_mode_is_refused_for_a_format_without_modes(self):
        self.import_two_valid()

        code, outcome, stderr = self.run_import(self.fixture("siecle-with-registrations-no-longer-in-school.xml"),
                                                "--mode", "add", "--confirm")

        self.assertNotEqual(code, 0)
        self.assertIsNone(outcome)
        self.assertIn("--mode ne s'applique qu'au format sup", stderr)
        self.assert_nothing_changed()

    # A failure the file cannot cause still answers with the JSON object
    def hold_a_lock(self):
        """Another connection holds the lock the import needs: SQLite's write lock, or PostgreSQL's
        lock on the learners table (the CLI then gives up after lock_timeout, through PGOPTIONS)."""
        url = self.env["NUMERIA_DATABASE"]
        if ENGINE == "sqlite":
            import sqlite3
            locker = sqlite3.connect(url[len("sqlite:"):], isolation_level=None)
            locker.execute("BEGIN IMMEDIATE")
            return lambda: (locker.execute("ROLLBACK"), locker.close()), {}
        import subprocess
        locker = subprocess.Popen(["psql", "-q", "-X", "-A", "-t", url], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  text=True)
        locker.stdin.write("BEGIN; LOCK TABLE learners IN ACCESS EXCLUSIVE MODE; SELECT 'locked';\n")
        locker.stdin.flush()
        self.assertEqual(locker.stdout.readline().strip(), "locked")
        return lambda: (locker.communicate("ROLLBACK;\n", timeout=10)), {"PGOPTIONS": "-c lock_timeout=1000"}

    def test_an_unexpected_failure_prints_an_import_error(self):
        release, env = self.hold_a_lock()
        try:
            result = run_cli("students", "import", "--org", "123ABC", self.fixture("siecle-with-two-valid-students.xml"),
                             env=dict(self.env, **env))
        finally:
            release()

        self.assertEqual(result.returncode, 1, result.stderr)
        outcome = json.loads(result.stdout)
        self.assertEqual(outcome["status"], "IMPORT_ERROR")
        self.assertIn("aucun élève n'a été modifié", outcome["errors"][0]["message"])
        self.import_two_valid()

    # Accounts (docs/rules/student-import.md "Applying the import")
    def learner(self, ine, uai="123ABC"):
        return sql.query(self.env["NUMERIA_DATABASE"],
                         "SELECT l.id, l.user_id, l.disabled, l.division FROM learners l JOIN organizations o "
                         f"ON o.id = l.organization_id WHERE o.uai = '{uai}' AND l.national_key = '{ine}'")[0]

    def link(self, ine, uai="123ABC"):
        url = self.env["NUMERIA_DATABASE"]
        user = sql.create_user(url, "Élève", ine, username="eleve." + ine.lower() + uai.lower())
        sql.query(url, f"UPDATE learners SET user_id = {user} WHERE national_key = '{ine}' AND organization_id = "
                       f"(SELECT id FROM organizations WHERE uai = '{uai}')")
        return user

    def first_ine(self):
        return sql.scalar(self.env["NUMERIA_DATABASE"], "SELECT MIN(national_key) FROM learners")

    def test_an_import_keeps_a_learners_account_through_a_class_change(self):
        self.import_two_valid()
        ine = self.first_ine()
        user = self.link(ine)
        with open(self.fixture("siecle-with-two-valid-students.xml"), "rb") as handle:
            moved = handle.read().replace(b"<CODE_STRUCTURE>", b"<CODE_STRUCTURE>N")

        code, outcome, _ = self.run_import(self.write("nouvelles-classes.xml", moved))

        self.assertEqual((code, outcome["updated"]), (0, 2))
        _, user_after, disabled, division = self.learner(ine)
        self.assertEqual((user_after, disabled), (user, "0"))
        self.assertTrue(division.startswith("N"), division)

    def test_an_import_keeps_the_account_of_a_pupil_who_left_and_came_back(self):
        self.import_two_valid()
        ine = self.first_ine()
        user = self.link(ine)
        self.run_import(self.fixture("siecle-with-registrations-no-longer-in-school.xml"), "--confirm")
        self.assertEqual(self.learner(ine)[1:3], (user, "1"))

        self.import_two_valid_again()

        self.assertEqual(self.learner(ine)[1:3], (user, "0"))

    def import_two_valid_again(self):
        code, outcome, _ = self.run_import(self.fixture("siecle-with-two-valid-students.xml"))
        self.assertEqual((code, outcome["updated"]), (0, 2))

    def test_a_pupil_of_another_school_with_the_same_ine_keeps_its_account(self):
        created = run_cli("org", "create", "--type", "SCO", "--name", "Collège d'avant", "--uai", "456DEF",
                          "--allow-nonstandard-uai", env=self.env)
        self.assertEqual(created.returncode, 0, created.stderr)
        with open(self.fixture("siecle-with-two-valid-students.xml"), "rb") as handle:
            before = self.write("avant.xml", handle.read().replace(b"<UAJ>123ABC</UAJ>", b"<UAJ>456DEF</UAJ>"))
        result = run_cli("students", "import", "--org", "456DEF", before, env=self.env)
        self.assertEqual(result.returncode, 0, result.stderr)
        ine = sql.scalar(self.env["NUMERIA_DATABASE"], "SELECT MIN(national_key) FROM learners")
        user = self.link(ine, "456DEF")

        self.import_two_valid()

        self.assertEqual(self.learner(ine)[1], user)
        self.assertEqual(self.learner(ine, "456DEF")[1], user)

    def test_an_unknown_organisation_is_refused_in_french(self):
        result = run_cli("students", "import", "--org", "0000000X", self.fixture("siecle-with-two-valid-students.xml"),
                         env=self.env)

        self.assertNotEqual(result.returncode, 0)
        self.assertIn("aucune organisation", result.stderr)


SUP_HEADER = ("Premier prénom*;Deuxième prénom;Troisième prénom;Nom de famille*;Nom d'usage;"
              "Date de naissance (jj/mm/aaaa)*;Email;Numéro étudiant*;Composante;Équipe pédagogique;Groupe;Diplôme;"
              "Régime\n")


def sup_row(number, last_name="Durand"):
    return (f"Alice;;;{last_name};;02/03/2004;alice.{number.lower()}@univ.example;{number};UFR Sciences;Équipe L1;"
            "TD 3;Licence informatique;Formation initiale\n")


class SupImportCliTest(unittest.TestCase):
    """Higher education (docs/rules/student-import.md "SUP CSV"): a SUP organisation manages its students by
    default and imports the SUP CSV in replace mode (absent students disabled) or add mode."""

    def setUp(self):
        self.workdir = tempfile.mkdtemp(prefix="numeria-sup-")
        self.env = {"NUMERIA_DATABASE": fresh_database_url(self.workdir)}
        created = run_cli("org", "create", "--type", "SUP", "--name", "Université Exemple", "--uai", "0751717J",
                          env=self.env)
        self.assertEqual(created.returncode, 0, created.stderr)

    def tearDown(self):
        shutil.rmtree(self.workdir, ignore_errors=True)

    def run_import(self, rows, *extra, uai="0751717J"):
        path = os.path.join(self.workdir, "etudiants.csv")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(SUP_HEADER + "".join(rows))
        result = run_cli("students", "import", "--org", uai, path, *extra, env=self.env)
        return result.returncode, json.loads(result.stdout) if result.stdout.strip() else None, result.stderr

    def states(self):
        return sql.query(self.env["NUMERIA_DATABASE"],
                         "SELECT national_key, disabled FROM learners ORDER BY national_key")

    def test_the_sup_csv_is_imported_with_every_column(self):
        code, outcome, stderr = self.run_import([sup_row("E1")])

        self.assertEqual((code, outcome["status"], outcome["imported"]), (0, "IMPORTED", 1), stderr)
        row = sql.query(self.env["NUMERIA_DATABASE"],
                        "SELECT email, department, educational_team, division, diploma, study_scheme FROM learners")
        self.assertEqual(row, [("alice.e1@univ.example", "UFR Sciences", "Équipe L1", "TD 3", "Licence informatique",
                                "Formation initiale")])

    def test_replace_mode_disables_the_students_absent_from_the_file(self):
        self.run_import([sup_row("E1"), sup_row("E2")])

        code, outcome, stderr = self.run_import([sup_row("E2"), sup_row("E3")], "--mode", "replace")

        self.assertEqual((code, outcome["imported"], outcome["disabled"]), (0, 1, 1), stderr)
        self.assertEqual(self.states(), [("E1", "1"), ("E2", "0"), ("E3", "0")])

    def test_replace_is_the_default_mode(self):
        self.run_import([sup_row("E1"), sup_row("E2")])

        code, outcome, _ = self.run_import([sup_row("E2"), sup_row("E3")])

        self.assertEqual((code, outcome["disabled"]), (0, 1))

    def test_add_mode_keeps_the_students_absent_from_the_file(self):
        self.run_import([sup_row("E1"), sup_row("E2")])

        code, outcome, stderr = self.run_import([sup_row("E2", "Martin"), sup_row("E3")], "--mode", "add")

        self.assertEqual((code, outcome["imported"], outcome["updated"], outcome["disabled"]), (0, 1, 1, 0), stderr)
        self.assertEqual(self.states(), [("E1", "0"), ("E2", "0"), ("E3", "0")])

    def test_add_mode_with_the_explicit_format(self):
        self.run_import([sup_row("E1")])

        code, outcome, _ = self.run_import([sup_row("E2")], "--format", "sup", "--mode", "add")

        self.assertEqual((code, outcome["imported"], outcome["disabled"]), (0, 1, 0))

    def test_an_organisation_created_without_students_cannot_import(self):
        created = run_cli("org", "create", "--type", "SUP", "--name", "École sans élèves", "--uai", "0751718K",
                          "--no-manages-students", env=self.env)
        self.assertEqual(created.returncode, 0, created.stderr)

        code, _, stderr = self.run_import([sup_row("E1")], uai="0751718K")

        self.assertNotEqual(code, 0)
        self.assertIn("ne gère pas d'élèves", stderr)


if __name__ == "__main__":
    unittest.main()
