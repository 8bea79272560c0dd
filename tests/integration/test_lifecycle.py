"""Start-up refusals and the graceful stop on SIGTERM/SIGINT."""
import http.client
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import unittest

from tests.support import sql
from tests.support.harness import BIN, ENGINE, ROOT, Server, fresh_database_url, run_cli


class StartupTest(unittest.TestCase):
    def test_unopenable_sqlite_database_stops_the_start_with_one_clear_line(self):
        result = run_cli("serve", "--port", "0", "--database", "sqlite:/proc/numeria/impossible.db")

        self.assertNotEqual(result.returncode, 0)
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        self.assertEqual(len(lines), 1, result.stderr)
        self.assertIn("impossible d'ouvrir la base de données", lines[0])

    def test_unreachable_postgresql_stops_the_start_with_one_clear_line(self):
        result = run_cli("serve", "--port", "0", "--database",
                         "postgresql://numeria@/postgres?host=/nonexistent-socket-dir")

        self.assertNotEqual(result.returncode, 0)
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        self.assertEqual(len(lines), 1, result.stderr)
        self.assertIn("impossible d'ouvrir la base de données", lines[0])

    def test_unknown_database_url_is_refused(self):
        result = run_cli("serve", "--port", "0", "--database", "mysql://x")

        self.assertNotEqual(result.returncode, 0)
        self.assertIn("sqlite:PATH or postgresql://", result.stderr)

    def test_a_failing_migration_stops_the_start_and_names_the_file(self):
        home = tempfile.mkdtemp(prefix="numeria-home-")
        try:
            for sub in ("src/web", "node_modules/@gouvfr"):
                os.makedirs(os.path.join(home, sub), exist_ok=True)
            shutil.copytree(os.path.join(ROOT, "src/storage/migrations"), os.path.join(home, "src/storage/migrations"))
            for engine in ("sqlite", "pg"):
                with open(os.path.join(home, f"src/storage/migrations/9999_broken.{engine}.sql"), "w") as broken:
                    broken.write("CREATE TABLE broken (id INTEGER PRIMARY KEY;\n")
            db = os.path.join(home, "x.db")

            result = run_cli("serve", "--port", "0", "--home", home, "--database", "sqlite:" + db)

            self.assertNotEqual(result.returncode, 0)
            lines = [line for line in result.stderr.splitlines() if line.strip()]
            self.assertEqual(len(lines), 1, result.stderr)
            self.assertIn("impossible de migrer", lines[0])
            self.assertIn("9999_broken.sqlite.sql", lines[0])
        finally:
            shutil.rmtree(home, ignore_errors=True)

    def test_migrate_is_idempotent(self):
        server_dir = tempfile.mkdtemp()
        try:
            url = "sqlite:" + os.path.join(server_dir, "m.db")
            first = run_cli("migrate", "--database", url)
            second = run_cli("migrate", "--database", url)

            self.assertEqual(first.returncode, 0, first.stderr)
            self.assertEqual(second.returncode, 0, second.stderr)
            self.assertEqual(first.stdout, second.stdout)
        finally:
            shutil.rmtree(server_dir, ignore_errors=True)


class ConcurrentMigrationTest(unittest.TestCase):
    def test_three_processes_migrating_one_fresh_database_at_once_all_succeed_once(self):
        workdir = tempfile.mkdtemp()
        try:
            url = fresh_database_url(workdir)
            processes = [subprocess.Popen([BIN, "migrate", "--database", url], stdout=subprocess.PIPE,
                                          stderr=subprocess.PIPE, text=True) for _ in range(3)]
            outcomes = [(process.wait(timeout=60), process.stderr.read()) for process in processes]
            for process in processes:
                process.stdout.close()
                process.stderr.close()
            duplicates = sql.query(url, "SELECT version FROM schema_migrations GROUP BY version HAVING COUNT(*) > 1")
            versions = sql.scalar(url, "SELECT COUNT(*) FROM schema_migrations")
        finally:
            shutil.rmtree(workdir, ignore_errors=True)

        self.assertEqual([code for code, _ in outcomes], [0, 0, 0], outcomes)
        self.assertEqual(duplicates, [])
        self.assertEqual(int(versions), len([name for name in os.listdir(os.path.join(ROOT, "src/storage/migrations"))
                                             if name.endswith("." + ("sqlite" if ENGINE == "sqlite" else "pg") + ".sql")]))


class GracefulStopTest(unittest.TestCase):
    def hammer(self, server, stop_event, results):
        """Keep-alive clients sending requests until told to stop; records every outcome."""
        connection = server.connection(timeout=10)
        while not stop_event.is_set():
            try:
                connection.request("GET", "/")
                response = connection.getresponse()
                body = response.read()
                declared = int(response.getheader("content-length"))
                results.append(("ok" if len(body) == declared else "cut", response.status))
            except http.client.IncompleteRead:
                # A response whose body stopped before its Content-Length: exactly what must not happen.
                results.append(("cut", 0))
                connection.close()
                connection = server.connection(timeout=10)
            except (ConnectionError, http.client.RemoteDisconnected, http.client.BadStatusLine, OSError):
                # The server closed an idle keep-alive connection, or refuses new ones: allowed.
                connection.close()
                connection = server.connection(timeout=10)
                time.sleep(0.01)
        connection.close()

    def stop_under_load(self, signal_number):
        server = Server().start()
        stop_event = threading.Event()
        results = []
        # Daemon threads, stopped in `finally`: a server that does not stop fails this test, never
        # leaves eight clients hammering a dead port and the test run waiting for them forever.
        workers = [threading.Thread(target=self.hammer, args=(server, stop_event, results), daemon=True)
                   for _ in range(8)]
        try:
            for worker in workers:
                worker.start()
            time.sleep(1.0)

            started = time.time()
            server.signal(signal_number)
            stacks = ""
            try:
                code = server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                code = None
                stacks = server.thread_dump()
            elapsed = time.time() - started
        finally:
            stop_event.set()
            for worker in workers:
                worker.join(timeout=15)
            server.stop()
        self.assertIsNotNone(code, "the server was still running 10 s after the signal:\n" + stacks)
        return code, elapsed, results

    def test_sigterm_under_load_cuts_no_response_and_exits_0_within_5_seconds(self):
        code, elapsed, results = self.stop_under_load(signal.SIGTERM)

        self.assertEqual(code, 0)
        self.assertLess(elapsed, 5.0)
        self.assertGreater(len(results), 50)
        self.assertNotIn("cut", [outcome for outcome, _ in results])
        self.assertEqual({status for _, status in results}, {200})

    def test_sigint_stops_gracefully_too(self):
        code, elapsed, results = self.stop_under_load(signal.SIGINT)

        self.assertEqual(code, 0)
        self.assertLess(elapsed, 5.0)
        self.assertNotIn("cut", [outcome for outcome, _ in results])


class SchemaParityTest(unittest.TestCase):
    def test_both_engines_end_with_the_same_tables_and_columns(self):
        if ENGINE != "postgresql":
            self.skipTest("runs in the PostgreSQL pass, which has both engines")
        workdir = tempfile.mkdtemp()
        try:
            from tests.support.harness import fresh_database_url
            sqlite = run_cli("migrate", "--print-schema", "--database", "sqlite:" + os.path.join(workdir, "s.db"))
            postgresql = run_cli("migrate", "--print-schema", "--database", fresh_database_url(workdir))

            self.assertEqual(sqlite.returncode, 0, sqlite.stderr)
            self.assertEqual(postgresql.returncode, 0, postgresql.stderr)
            self.assertIn('"schema_migrations"', sqlite.stdout)
            self.assertEqual(sqlite.stdout, postgresql.stdout)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()


class ContentAtStartTest(unittest.TestCase):
    def test_invalid_content_stops_the_start_with_the_file_and_line(self):
        home = tempfile.mkdtemp(prefix="numeria-home-")
        try:
            for sub in ("src/storage", "src/web", "node_modules/@gouvfr"):
                os.makedirs(os.path.join(home, sub), exist_ok=True)
            shutil.copytree(os.path.join(ROOT, "src/storage/migrations"), os.path.join(home, "src/storage/migrations"))
            shutil.copytree(os.path.join(ROOT, "content"), os.path.join(home, "content"))
            with open(os.path.join(home, "content/competences/1.1.yaml"), "a", encoding="utf-8") as broken:
                broken.write("  - name: \"@sansTitre\"\n")

            result = run_cli("serve", "--port", "0", "--home", home, "--database", "sqlite:" + os.path.join(home, "x.db"))

            self.assertNotEqual(result.returncode, 0)
            lines = [line for line in result.stderr.splitlines() if line.strip()]
            self.assertEqual(len(lines), 1, result.stderr)
            self.assertIn("contenu pédagogique invalide", lines[0])
            self.assertRegex(lines[0], r"competences/1\.1\.yaml:\d+: champ « title »")
        finally:
            shutil.rmtree(home, ignore_errors=True)
