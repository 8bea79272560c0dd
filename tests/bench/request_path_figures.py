"""Request-path figures (docs/adr/0008-application-layer.md), on a real server on SQLite:

- pages: req/s and p99 of the same page anonymous and signed in (GET /, GET /mon-espace as a
  learner), and of the Orga students list (90 pupils) signed in as the school's admin;
- writes: p50/p99 of a cheap write (an admin toggles a teacher's role through the API) alone, then
  while 4 log-ins run in a loop with the production password hashing.

    python3 -m tests.bench.request_path_figures [pages|writes]...   (NUMERIA_BIN picks the binary)
"""
import json
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

from tests.support import harness
from tests.support.harness import Server

DIRECTION = ("direction@demo.numeria.localhost", "Direction2026")
TEACHER = ("enseignant@demo.numeria.localhost", "Enseignant2026")
DURATION = "8s"


class QuietServer(Server):
    """The server without its access log, which would cost as much as the requests measured."""

    def start(self, timeout=15):
        import os
        import socket
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        args = [harness.BIN, "serve", "--port", str(self.port), "--database", self.database_url,
                "--secret-file", os.path.join(self.workdir, "secret.key"),
                "--outbox-dir", os.path.join(self.workdir, "outbox"), "--log-level", "warn"]
        if self.fast_hashing:
            args.append("--insecure-fast-password-hashing")
        self.process = subprocess.Popen(args + self.extra_args, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, env=self.env, cwd=self.workdir)
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                if self.request("GET", "/healthz")[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError("numeria serve did not start")


def form_post(server, path, fields, cookie=""):
    token = "a" * 64
    body = urllib.parse.urlencode(dict(fields, csrf=token))
    return server.request("POST", path, body=body,
                          headers={"Content-Type": "application/x-www-form-urlencoded",
                                   "Cookie": f"numeria_csrf={token}" + cookie})


def session_cookie(server, login, password):
    status, headers, _ = form_post(server, "/connexion", {"identifiant": login, "mot_de_passe": password})
    assert status == 303, status
    return re.search(r"numeria_session=[0-9a-f]{64}", headers["set-cookie"]).group(0)


def wrk(url, cookie=None):
    command = ["wrk", "-t2", "-c16", f"-d{DURATION}", "--latency", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"req_s": round(rps), "p99": p99, **({"non_2xx": int(non_2xx.group(1))} if non_2xx else {})}


def pages():
    server = QuietServer(extra_args=["--demo"]).start()
    try:
        form_post(server, "/inscription", {"prenom": "Lea", "nom": "Eleve", "email": "lea@exemple.fr",
                                           "mot_de_passe": "Radium1898", "cgu": "oui"})
        learner = session_cookie(server, "lea@exemple.fr", "Radium1898")
        admin = session_cookie(server, *DIRECTION)
        _, _, orga = server.request("GET", "/orga", headers={"Cookie": admin})
        students = re.search(r"/orga/(\d+)/", orga.decode().replace("&#x2F;", "/")).group(0) + "eleves"
        base = f"http://127.0.0.1:{server.port}"
        figures = {}
        for path in ("/", "/mon-espace"):
            anonymous = wrk(base + path)
            signed_in = wrk(base + path, learner)
            figures[path] = {"anonymous": anonymous, "learner": signed_in,
                             "cost_ratio": round(anonymous["req_s"] / max(1, signed_in["req_s"]), 2)}
        figures[students + " (90 pupils, admin)"] = wrk(base + students, admin)
        return figures
    finally:
        server.stop()


def writes(rounds=200):
    server = QuietServer(extra_args=["--demo"], fast_hashing=False).start()
    try:
        status, _, body = server.request("POST", "/api/v1/auth/token", json.dumps(
            {"login": DIRECTION[0], "password": DIRECTION[1]}), {"Content-Type": "application/json"})
        token = json.loads(body)["access_token"]
        auth = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        _, _, body = server.request("GET", "/api/v1/organizations", headers=auth)
        org = json.loads(body)["data"][0]["id"]
        _, _, body = server.request("GET", f"/api/v1/organizations/{org}/members", headers=auth)
        teacher = next(m["user_id"] for m in json.loads(body)["data"] if m["email"] == TEACHER[0])

        def toggles():
            times = []
            for i in range(rounds):
                role = "ADMIN" if i % 2 == 0 else "MEMBER"
                started = time.monotonic()
                status, _, _ = server.request("PATCH", f"/api/v1/organizations/{org}/members/{teacher}",
                                              json.dumps({"role": role}), auth)
                times.append((time.monotonic() - started) * 1000)
                assert status == 204, status
            times.sort()
            return {"p50_ms": round(statistics.median(times), 1), "p99_ms": round(times[int(0.99 * len(times)) - 1], 1)}

        alone = toggles()
        stop = threading.Event()
        log_ins = [0]

        def log_in_loop():
            while not stop.is_set():
                form_post(server, "/connexion", {"identifiant": TEACHER[0], "mot_de_passe": TEACHER[1]})
                log_ins[0] += 1

        threads = [threading.Thread(target=log_in_loop) for _ in range(4)]
        for thread in threads:
            thread.start()
        time.sleep(0.5)
        started = time.monotonic()
        loaded = toggles()
        elapsed = time.monotonic() - started
        stop.set()
        for thread in threads:
            thread.join()
        return {"alone": alone, "during_4_log_ins": loaded,
                "log_ins_per_s_meanwhile": round(log_ins[0] / (elapsed + 0.5), 1)}
    finally:
        server.stop()


if __name__ == "__main__":
    for name in sys.argv[1:] or ["pages", "writes"]:
        print(json.dumps({name: globals()[name]()}, ensure_ascii=False))
