"""The demo school's student imports driven like the Orga page does (raw upload, state URL), on a
server that the tests may SIGKILL and start again on the same database: for the import-job tests
(docs/rules/student-import.md "Import jobs") and the kill test."""
import json
import io
import os
import zipfile
import re
import signal
import subprocess
import sys
import tempfile
import time

from tests.integration.demo_school import DIRECTION
from tests.integration.test_accounts import Browser
from tests.support import sql
from tests.support.harness import Server

MAKE_SIECLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "make_siecle.py")
RESTING = ("IMPORTED", "VALIDATION_ERROR", "IMPORT_ERROR", "CANCELLED")


def siecle(pupils, classes):
    """A SIECLE export of the demo school (0759901A): its first 90 pupils are the demo's
    (src/app/demo_pupils.cpp), all put in `classes`."""
    handle, path = tempfile.mkstemp(suffix=".xml")
    os.close(handle)
    try:
        subprocess.run([sys.executable, MAKE_SIECLE, "--demo", "--pupils", str(pupils), "--classes", classes, path],
                       check=True)
        with open(path, "rb") as data:
            return data.read()
    finally:
        os.unlink(path)


def zipped(data, name="ElevesSansAdresses.xml"):
    """`data` as the only file of a ZIP archive, the way SIECLE exports are often downloaded."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, data)
    return buffer.getvalue()


class DemoImports:
    """A `numeria serve --demo` whose imports' claims last `claim_seconds`, its head logged in."""

    def __init__(self, claim_seconds=1):
        claim = ["--job-claim-seconds", str(claim_seconds)] if claim_seconds else []
        self.server = Server(extra_args=["--demo"] + claim)
        self.server.start()
        self.url = self.server.database_url
        self.direction = Browser(self.server)
        self.direction.log_in(*DIRECTION)
        _, _, page = self.direction.request("GET", "/orga")
        self.org = re.search(r"/orga/(\d+)/equipe", page).group(1)
        self.base = f"/orga/{self.org}/eleves"
        self.direction.request("GET", self.base + "/import")

    def upload_headers(self):
        return {"Cookie": self.direction._cookie_header(), "Content-Type": "application/octet-stream",
                "X-File-Name": "ElevesSansAdresses.xml", "X-CSRF-Token": self.direction.cookies["numeria_csrf"]}

    def upload(self, data, timeout=30):
        """Posts the file; returns the import id once the server answered 202."""
        connection = self.server.connection(timeout=timeout)
        try:
            connection.request("POST", self.base + "/imports?format=siecle", body=data, headers=self.upload_headers())
            response = connection.getresponse()
            body = response.read()
        finally:
            connection.close()
        if response.status != 202:
            raise AssertionError(f"upload answered {response.status}: {body[:300]!r}")
        return json.loads(body)["id"]

    def kill(self):
        self.server.process.send_signal(signal.SIGKILL)
        self.server.process.wait(timeout=10)
        for stream in (self.server.process.stdout, self.server.process.stderr):
            stream.close()

    def restart(self):
        self.server.start()

    def imports(self):
        """(id, state, attempts) of every import, oldest first."""
        return [(int(i), state, int(attempts)) for i, state, attempts in
                sql.query(self.url, "SELECT id, state, attempts FROM learner_imports ORDER BY id")]

    def row(self, import_id):
        return sql.query(self.url, "SELECT state, attempts, running, outcome FROM learner_imports "
                                   f"WHERE id = {int(import_id)}")[0]

    def wait_until(self, predicate, timeout, step=0.01):
        deadline = time.time() + timeout
        while time.time() < deadline:
            value = predicate()
            if value:
                return value
            time.sleep(step)
        return None

    def wait_for_rest(self, timeout=60):
        """Waits until every import has reached a resting state; returns the imports, or None."""
        return self.wait_until(lambda: (lambda rows: rows if all(state in RESTING for _, state, _ in rows) else None)(
            self.imports()), timeout, step=0.1)

    def active_learners(self):
        return int(sql.scalar(self.url, f"SELECT COUNT(*) FROM learners WHERE organization_id = {self.org} "
                                        "AND disabled = 0"))

    def stop(self):
        self.server.stop()
