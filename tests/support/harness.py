"""Starts the real `numeria serve` binary for integration tests, on a fresh SQLite file or a fresh
PostgreSQL database of the cluster that scripts/run_tests.sh started.

Environment:
  NUMERIA_BIN          the binary (default build/release/numeria)
  NUMERIA_TEST_ENGINE  sqlite (default) or postgresql
  NUMERIA_TEST_PG_DIR  the cluster's socket folder (postgresql only)
"""
import http.client
import json
import os
import queue
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import uuid

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("NUMERIA_BIN", os.path.join(ROOT, "build", "release", "numeria"))
ENGINE = os.environ.get("NUMERIA_TEST_ENGINE", "sqlite")


def fresh_database_url(workdir):
    """A database nobody used: a new SQLite file, or a new PostgreSQL database."""
    if ENGINE == "sqlite":
        return "sqlite:" + os.path.join(workdir, "numeria.db")
    pg_dir = os.environ["NUMERIA_TEST_PG_DIR"]
    name = "t_" + uuid.uuid4().hex[:12]
    subprocess.run(["psql", "-q", "-X", f"postgresql://numeria@/postgres?host={pg_dir}", "-c",
                    f"CREATE DATABASE {name}"], check=True, capture_output=True)
    return f"postgresql://numeria@/{name}?host={pg_dir}"


class Server:
    """One `numeria serve` process on a free port; its stdout lines are kept in `lines`."""

    def __init__(self, extra_args=(), database_url=None, env=None, fast_hashing=True):
        self.fast_hashing = fast_hashing
        self.workdir = tempfile.mkdtemp(prefix="numeria-it-")
        self.database_url = database_url or fresh_database_url(self.workdir)
        self.extra_args = list(extra_args)
        # Tests sign up many accounts from 127.0.0.1: the per-address sign-up limit is lifted unless a
        # test sets it.
        self.env = dict(os.environ, NUMERIA_SIGN_UPS_PER_ADDRESS_HOUR="100000")
        self.env.update(env or {})
        self.lines = []
        self.process = None
        self.port = None
        self.start_hook = None  # run in the child before exec (e.g. to lower its limits)

    def start(self, timeout=15):
        args = [BIN, "serve", "--port", "0", "--database", self.database_url,
                "--secret-file", os.path.join(self.workdir, "secret.key"),
                "--outbox-dir", os.path.join(self.workdir, "outbox")]
        if self.fast_hashing:
            args.append("--insecure-fast-password-hashing")
        args += self.extra_args
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=self.env,
                                        cwd=self.workdir, preexec_fn=self.start_hook)
        # The server logs every request: its stdout is read continuously, or the pipe would fill
        # up and block the server.
        self._queue = queue.Queue()
        self._reader = threading.Thread(target=self._pump, daemon=True)
        self._reader.start()
        deadline = time.time() + timeout
        while time.time() < deadline:
            line = self._read_line(deadline - time.time())
            if line is None:
                if self.process.poll() is not None:
                    break
                continue
            try:
                event = json.loads(line)
            except ValueError:
                continue
            if event.get("msg") == "listening":
                self.port = event["port"]
                return self
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        why = self.stderr_text()
        self.stop()
        raise RuntimeError("numeria serve did not start: " + why)

    def _pump(self):
        for raw in self.process.stdout:
            self._queue.put(raw.decode("utf-8", "replace").rstrip("\n"))

    def _read_line(self, timeout):
        try:
            line = self._queue.get(timeout=max(0.01, timeout))
        except queue.Empty:
            return None
        self.lines.append(line)
        return line

    def drain_output(self, wait=0.3):
        """Reads what the server printed so far (access-log lines)."""
        deadline = time.time() + wait
        while time.time() < deadline:
            self._read_line(deadline - time.time())
        return self.lines

    def stderr_text(self):
        if self.process and self.process.poll() is not None:
            return self.process.stderr.read().decode("utf-8", "replace")
        return ""

    def connection(self, timeout=10):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(self, method, path, body=None, headers=None):
        connection = self.connection()
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, dict((k.lower(), v) for k, v in response.getheaders()), response.read()
        finally:
            connection.close()

    def wait_for_mail(self, timeout=10.0):
        """Waits until the job runner has handed over every e-mail enqueued so far (mails leave
        through the jobs table shortly after the request that wrote them: docs/rules/jobs.md)."""
        from tests.support import sql
        deadline = time.time() + timeout
        while time.time() < deadline:
            pending = sql.query(self.database_url, "SELECT COUNT(*) FROM jobs WHERE state IN ('READY', 'RUNNING')")
            if pending[0][0] == "0":
                return
            time.sleep(0.02)

    def signal(self, number=signal.SIGTERM):
        self.process.send_signal(number)

    def wait(self, timeout):
        return self.process.wait(timeout=timeout)

    def thread_dump(self):
        """Every thread's stack of the running server (gdb, when installed): what a test prints when
        the server does not stop, so a hang in CI says where it is."""
        if not self.process or self.process.poll() is not None or not shutil.which("gdb"):
            return ""
        dump = subprocess.run(["gdb", "-p", str(self.process.pid), "-batch", "-ex", "thread apply all bt 30"],
                              capture_output=True, text=True, timeout=60)
        return dump.stdout[-20000:]

    def stop_process(self):
        """Stops the server but keeps its folder (and its SQLite database)."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=10)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process:
            for stream in (self.process.stdout, self.process.stderr):
                if stream:
                    stream.close()
        shutil.rmtree(self.workdir, ignore_errors=True)


def run_cli(*args, env=None, timeout=60):
    return subprocess.run([BIN] + list(args), capture_output=True, text=True, timeout=timeout,
                          env=dict(os.environ, **(env or {})))


def outbox_token(outbox, pattern, timeout=5.0):
    """The last match of `pattern`'s group 1 in the .eml files of `outbox`, waiting up to `timeout`
    seconds for one: mails leave through the job runner shortly after the request that wrote them."""
    import glob
    import re
    deadline = time.time() + timeout
    while True:
        token = None
        for name in sorted(glob.glob(os.path.join(outbox, "*.eml"))):
            with open(name, encoding="utf-8", errors="replace") as handle:
                found = re.search(pattern, handle.read())
            token = found.group(1) if found else token
        if token is not None or time.time() > deadline:
            return token
        time.sleep(0.05)
