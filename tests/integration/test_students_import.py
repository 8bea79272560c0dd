"""The student-base import through `numeria students import` (issue 5 items 2, 4, 5 and "Bad input"),
on the engine the suite runs on (SQLite or PostgreSQL): every sample of shared/samples (copied in
tests/fixtures/students) gives the outcome its SOURCES.md describes, and every bad file is refused with
a French message while NOTHING changes in the database."""
import io
import json
import os
import shutil
import tempfile
import unittest
import zipfile

from tests.support.harness import fresh_database_url, run_cli

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "fixtures", "students")
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

    def test_an_unknown_organisation_is_refused_in_french(self):
        result = run_cli("students", "import", "--org", "0000000X", self.fixture("siecle-with-two-valid-students.xml"),
                         env=self.env)

        self.assertNotEqual(result.returncode, 0)
        self.assertIn("aucune organisation", result.stderr)


if __name__ == "__main__":
    unittest.main()
