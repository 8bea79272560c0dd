"""Measures the figures of the account hardening (docs/rules/security.md) on a real server with the
production argon2id limits: what a school NAT of 30 pupils sees after 10 wrong passwords, log-in
times of known and unknown accounts, and /healthz latency while 16 sign-up loops run.

    python3 -m tests.bench.identity_figures [nat|timing|healthz]...   (NUMERIA_BIN picks the binary)
"""
import json
import statistics
import sys
import threading
import time
import urllib.parse

from tests.support import sql
from tests.support.harness import Server

PASSWORD = "Radium1898"


def form_post(server, path, fields):
    """One form post with a fresh CSRF pair (cookie and field)."""
    token = "a" * 64
    body = urllib.parse.urlencode(dict(fields, csrf=token))
    status, _, _ = server.request("POST", path, body=body,
                                  headers={"Content-Type": "application/x-www-form-urlencoded",
                                           "Cookie": "numeria_csrf=" + token})
    return status


def log_in(server, login, password):
    return form_post(server, "/connexion", {"identifiant": login, "mot_de_passe": password})


def sign_up(server, email):
    return form_post(server, "/inscription", {"prenom": "Marie", "nom": "Curie", "email": email,
                                              "mot_de_passe": PASSWORD, "cgu": "oui"})


def nat():
    """30 pupils behind one address; 10 wrong passwords (one each by 10 pupils, then 10 by one
    pupil); how many of the 30 (then of the 29 others) log in with the right password."""
    figures = {}
    for scenario in ("ten_pupils_one_mistake_each", "one_pupil_ten_mistakes"):
        server = Server().start()
        try:
            sign_up(server, "modele@exemple.fr")
            stored = sql.scalar(server.database_url, "SELECT password_hash FROM users WHERE email = 'modele@exemple.fr'")
            pupils = [f"eleve{i}@exemple.fr" for i in range(30)]
            for address in pupils:
                sql.create_user(server.database_url, "Eleve", "Test", email=address, password_hash=stored)
            wrong = pupils[:10] if scenario == "ten_pupils_one_mistake_each" else [pupils[0]] * 10
            for address in wrong:
                log_in(server, address, "Mauvais2024")
            others = pupils if scenario == "ten_pupils_one_mistake_each" else pupils[1:]
            succeeded = sum(1 for address in others if log_in(server, address, PASSWORD) == 303)
            figures[scenario] = f"{succeeded}/{len(others)} log in"
        finally:
            server.stop()
    return figures


def timing(rounds=10):
    """Median log-in time (wrong password) of a known account and of unknown ones, real hashing."""
    server = Server(fast_hashing=False).start()
    try:
        sign_up(server, "connu@exemple.fr")

        def timed(login):
            started = time.monotonic()
            log_in(server, login, "Mauvais2024")
            return (time.monotonic() - started) * 1000

        known = [timed("connu@exemple.fr") for _ in range(rounds // 2)]
        unknown = [timed(f"inconnu{i}@exemple.fr") for i in range(rounds)]
        sql.query(server.database_url, "DELETE FROM login_throttle")
        known += [timed("connu@exemple.fr") for _ in range(rounds // 2)]
    finally:
        server.stop()
    return {"known_ms_median": round(statistics.median(known), 1),
            "unknown_ms_median": round(statistics.median(unknown), 1)}


def healthz(loops=16, seconds=20, lift_sign_up_limit=False):
    """/healthz latency (p50, p99, max) while `loops` threads sign up new accounts without pause."""
    env = {"NUMERIA_SIGN_UPS_PER_ADDRESS_HOUR": "100000" if lift_sign_up_limit else "10"}
    server = Server(fast_hashing=False, env=env).start()
    stop = threading.Event()
    statuses = {}
    lock = threading.Lock()

    def loop(n):
        i = 0
        while not stop.is_set():
            try:
                status = sign_up(server, f"boucle{n}.{i}@exemple.fr")
            except OSError:
                status = "error"
            with lock:
                statuses[status] = statuses.get(status, 0) + 1
            i += 1

    threads = [threading.Thread(target=loop, args=(n,), daemon=True) for n in range(loops)]
    latencies = []
    timeouts = 0
    try:
        for thread in threads:
            thread.start()
        time.sleep(1)
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            started = time.monotonic()
            try:
                server.request("GET", "/healthz")
            except OSError:  # the client's 10 s timeout: counted as 10 s
                timeouts += 1
            latencies.append((time.monotonic() - started) * 1000)
            time.sleep(0.05)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
        server.stop()
    latencies.sort()
    return {"healthz_p50_ms": round(latencies[len(latencies) // 2], 1),
            "healthz_p99_ms": round(latencies[int(len(latencies) * 0.99)], 1),
            "healthz_max_ms": round(latencies[-1], 1), "samples": len(latencies), "timeouts_10s": timeouts,
            "sign_up_statuses": statuses}


def main(argv):
    wanted = argv or ["nat", "timing", "healthz"]
    results = {}
    if "nat" in wanted:
        results["nat"] = nat()
    if "timing" in wanted:
        results["timing"] = timing()
    if "healthz" in wanted:
        results["healthz_default_limit"] = healthz()
        results["healthz_limit_lifted"] = healthz(lift_sign_up_limit=True)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main(sys.argv[1:])
