"""The HTTP-level defences of docs/rules/security.md, through the real server: no header injection
nor open redirect through `retour`; large bodies authorised from the head, capped and written to
disk; CSRF tokens bound to the session; accept() backing off when descriptors run out."""
import json
import os
import resource
import socket
import time
import unittest

from tests.integration.demo_school import DIRECTION, DemoSchoolTest
from tests.integration.test_accounts import Browser
from tests.support import sql
from tests.support.harness import ENGINE, Server

TEACHER = ("enseignant@demo.numeria.localhost", "Enseignant2026")


def raw_exchange(port, data, timeout=5.0):
    """Sends raw bytes and returns everything the server answered before closing."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(data)
        received = b""
        try:
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                received += chunk
                if b"\r\n\r\n" in received and b"Connection: close" not in received:
                    break
        except (socket.timeout, ConnectionResetError):
            pass
    return received


def head_lines(response):
    return response.split(b"\r\n\r\n", 1)[0].split(b"\r\n")


class RedirectTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server().start()
        Browser(cls.server).sign_up("retour-securite@exemple.fr")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def log_in_with_return(self, retour):
        browser = Browser(self.server)
        _, headers, _ = browser.request("POST", "/connexion?retour=" + retour, {
            "csrf": browser.csrf("/connexion"), "identifiant": "retour-securite@exemple.fr",
            "mot_de_passe": "Radium1898"})
        return headers

    def test_a_return_address_with_a_line_break_cannot_add_a_header(self):
        browser = Browser(self.server)
        csrf = browser.csrf("/connexion")
        body = f"csrf={csrf}&identifiant=retour-securite%40exemple.fr&mot_de_passe=Radium1898".encode()
        request = (b"POST /connexion?retour=/%0d%0aSet-Cookie:%20pirate=1 HTTP/1.1\r\nHost: x\r\n"
                   b"Cookie: " + browser._cookie_header().encode() + b"\r\n"
                   b"Content-Type: application/x-www-form-urlencoded\r\nConnection: close\r\n"
                   b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)

        lines = head_lines(raw_exchange(self.server.port, request))

        self.assertTrue(lines[0].startswith(b"HTTP/1.1 303"), lines[0])
        self.assertNotIn(b"Set-Cookie: pirate=1", lines)
        self.assertIn(b"Location: /mon-espace", lines)

    def test_a_return_address_with_a_tab_does_not_leave_the_site(self):
        headers = self.log_in_with_return("/%09/evil.example")

        self.assertEqual(headers["location"], "/mon-espace")

    def test_a_return_address_with_a_backslash_does_not_leave_the_site(self):
        headers = self.log_in_with_return("/%5Cevil.example")

        self.assertEqual(headers["location"], "/mon-espace")

    def test_a_return_address_of_this_site_is_followed(self):
        headers = self.log_in_with_return("/orga%3Fonglet%3D1")

        self.assertEqual(headers["location"], "/orga?onglet=1")

    def test_the_log_in_page_does_not_echo_a_line_break_into_a_header(self):
        response = raw_exchange(self.server.port,
                                b"GET /connexion?retour=/%0d%0aX-Pirate:%201 HTTP/1.1\r\nHost: x\r\n"
                                b"Connection: close\r\n\r\n")

        self.assertNotIn(b"X-Pirate", response.split(b"\r\n\r\n", 1)[0])


def upload_head(port, path, cookies="", csrf=None, length=20 * 1024 * 1024):
    """Opens a connection and sends only the head of a 20 MB upload; returns the socket."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    head = f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
    if cookies:
        head += f"Cookie: {cookies}\r\n"
    if csrf:
        head += f"X-CSRF-Token: {csrf}\r\n"
    head += f"Content-Length: {length}\r\n\r\n"
    sock.sendall(head.encode())
    return sock


def status_of(sock, timeout=3.0):
    """The status code the server answered on `sock`, or None when it answered nothing in time."""
    sock.settimeout(timeout)
    try:
        data = sock.recv(4096)
    except (socket.timeout, ConnectionResetError):
        return None
    if not data.startswith(b"HTTP/1.1 "):
        return None
    return int(data[9:12])


class LargeBodyTest(DemoSchoolTest):
    """The 20 MB import route: nobody gets to send 20 MB without being allowed to."""

    server_args = DemoSchoolTest.server_args + ["--max-concurrent-uploads", "2"]

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.path = f"/orga/{cls.org}/eleves/imports?format=siecle"

    def test_an_anonymous_upload_is_refused_before_its_body_is_read(self):
        with upload_head(self.server.port, self.path) as sock:
            self.assertEqual(status_of(sock), 403)  # no CSRF pair

    def test_an_anonymous_upload_with_its_own_csrf_pair_is_sent_to_the_log_in_before_its_body(self):
        token = "b" * 64
        with upload_head(self.server.port, self.path, cookies="numeria_csrf=" + token, csrf=token) as sock:
            self.assertEqual(status_of(sock), 303)

    def test_forty_anonymous_uploads_are_all_refused_from_their_head(self):
        sockets = [upload_head(self.server.port, self.path) for _ in range(40)]
        try:
            statuses = [status_of(sock) for sock in sockets]
        finally:
            for sock in sockets:
                sock.close()

        self.assertEqual(statuses, [403] * 40)

    def test_an_upload_without_the_csrf_header_is_refused_before_its_body_is_read(self):
        with upload_head(self.server.port, self.path, cookies=self.direction._cookie_header()) as sock:
            self.assertEqual(status_of(sock), 403)

    def test_a_teacher_who_is_not_admin_is_refused_before_the_body_is_read(self):
        teacher = Browser(self.server)
        teacher.log_in(*TEACHER)
        teacher.request("GET", "/orga")
        with upload_head(self.server.port, self.path, cookies=teacher._cookie_header(),
                         csrf=teacher.cookies["numeria_csrf"]) as sock:
            self.assertEqual(status_of(sock), 403)

    def test_another_schools_import_route_is_refused_before_the_body_is_read(self):
        path = f"/orga/{int(self.org) + 1000}/eleves/imports?format=siecle"
        with upload_head(self.server.port, path, cookies=self.direction._cookie_header(),
                         csrf=self.direction.cookies["numeria_csrf"]) as sock:
            self.assertEqual(status_of(sock), 404)

    def test_uploads_beyond_the_cap_wait_their_turn_with_503(self):
        cookies, csrf = self.direction._cookie_header(), self.direction.cookies["numeria_csrf"]
        first = upload_head(self.server.port, self.path, cookies, csrf)
        second = upload_head(self.server.port, self.path, cookies, csrf)
        try:
            time.sleep(0.5)  # both are now receiving their body
            with upload_head(self.server.port, self.path, cookies, csrf) as third:
                third.settimeout(3)
                answer = third.recv(4096)
        finally:
            first.close()
            second.close()

        self.assertTrue(answer.startswith(b"HTTP/1.1 503"), answer[:40])
        self.assertIn(b"Retry-After: 10", answer)

    def test_an_accepted_upload_leaves_no_file_behind(self):
        upload_dir = os.path.join(self.server.workdir, "var", "uploads")
        data = b"<?xml version='1.0' encoding='UTF-8'?><BEE_ELEVES></BEE_ELEVES>"
        status, _, _ = self.server.request("POST", self.path, body=data, headers={
            "Cookie": self.direction._cookie_header(), "X-CSRF-Token": self.direction.cookies["numeria_csrf"],
            "Content-Type": "application/octet-stream", "X-File-Name": "vide.xml"})

        self.assertEqual(status, 202)
        self.assertEqual(os.listdir(upload_dir) if os.path.isdir(upload_dir) else [], [])


class CsrfTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server().start()
        Browser(cls.server).sign_up("csrf-a@exemple.fr")
        Browser(cls.server).sign_up("csrf-b@exemple.fr")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_the_token_changes_at_log_in(self):
        browser = Browser(self.server)
        before = browser.csrf("/connexion")
        browser.log_in("csrf-a@exemple.fr", "Radium1898")

        after = browser.csrf("/mon-espace")
        status, _, _ = browser.request("POST", "/deconnexion", {"csrf": before})

        self.assertNotEqual(before, after)
        self.assertEqual(browser.cookies["numeria_csrf"], after)
        self.assertEqual(status, 403)

    def test_a_token_of_another_session_is_refused(self):
        alice, bob = Browser(self.server), Browser(self.server)
        alice.log_in("csrf-a@exemple.fr", "Radium1898")
        bob.log_in("csrf-b@exemple.fr", "Radium1898")

        status, _, _ = bob.request("POST", "/deconnexion", {"csrf": alice.csrf("/mon-espace")})

        self.assertEqual(status, 403)

    def test_a_planted_cookie_and_matching_field_do_not_pass_for_a_signed_in_user(self):
        victim = Browser(self.server)
        victim.log_in("csrf-a@exemple.fr", "Radium1898")
        planted = "a" * 64
        victim.cookies["numeria_csrf"] = planted

        status, _, _ = victim.request("POST", "/deconnexion", {"csrf": planted})

        self.assertEqual(status, 403)

    def test_cookies_carry_the_host_prefix_under_https(self):
        server = Server(extra_args=["--base-url", "https://numeria.college-exemple.fr"]).start()
        try:
            _, headers, _ = server.request("GET", "/connexion")
        finally:
            server.stop()

        cookie = headers["set-cookie"]
        self.assertTrue(cookie.startswith("__Host-numeria_csrf="), cookie)
        self.assertIn("; Path=/", cookie)
        self.assertIn("; Secure", cookie)
        self.assertNotIn("Domain", cookie)


class DescriptorsTest(unittest.TestCase):
    def test_running_out_of_descriptors_neither_spins_nor_floods_the_log(self):
        def few_descriptors():
            resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))

        server = Server()
        server.start_hook = few_descriptors
        server.start()
        sockets = []
        try:
            for _ in range(120):
                try:
                    sockets.append(socket.create_connection(("127.0.0.1", server.port), timeout=2))
                except OSError:
                    break
            time.sleep(2)
            lines = server.drain_output(0.5)
            failures = [line for line in lines if '"accept failed"' in line]
            for sock in sockets:
                sock.close()
            sockets = []
            time.sleep(0.5)
            status, _, _ = server.request("GET", "/healthz")
        finally:
            for sock in sockets:
                sock.close()
            server.stop()

        self.assertGreater(len(failures), 0)
        self.assertLessEqual(len(failures), 4)
        self.assertEqual(status, 200)


class StoredTextTest(unittest.TestCase):
    def test_one_bad_name_in_storage_does_not_break_the_members_list(self):
        if ENGINE != "sqlite":
            self.skipTest("PostgreSQL refuses malformed UTF-8 in a UTF8 database: nothing to read back")
        server = Server(extra_args=["--demo"]).start()
        try:
            # SQLite stores any bytes: the kind of name an old import or a manual fix could leave.
            sql.query(server.database_url, "UPDATE users SET last_name = CAST(X'4475C3' || X'FF' AS TEXT) "
                                           "WHERE email = 'enseignant@demo.numeria.localhost'")
            _, _, granted = server.request("POST", "/api/v1/auth/token", body=json.dumps(
                {"login": DIRECTION[0], "password": DIRECTION[1]}), headers={"Content-Type": "application/json"})
            token = json.loads(granted)["access_token"]
            _, _, organizations = server.request("GET", "/api/v1/organizations",
                                                 headers={"Authorization": "Bearer " + token})
            org = json.loads(organizations)["data"][0]["id"]
            status, _, body = server.request("GET", f"/api/v1/organizations/{org}/members",
                                             headers={"Authorization": "Bearer " + token})
        finally:
            server.stop()

        self.assertEqual(status, 200)
        self.assertEqual(len(json.loads(body)["data"]), 2)

    def test_a_form_with_malformed_utf8_is_refused_and_creates_nothing(self):
        server = Server().start()
        try:
            browser = Browser(server)
            csrf = browser.csrf("/inscription")
            status, _, _ = browser.request("POST", "/inscription", {
                "csrf": csrf, "prenom": "Marie", "nom": b"Cu\xed\xa0\x80rie", "email": "utf8@exemple.fr",
                "mot_de_passe": "Radium1898", "cgu": "oui"})
            count = sql.scalar(server.database_url, "SELECT COUNT(*) FROM users")
        finally:
            server.stop()

        self.assertEqual(status, 400)
        self.assertEqual(count, "0")

    def test_a_json_body_with_a_nul_character_is_refused(self):
        server = Server().start()
        try:
            status, _, body = server.request("POST", "/api/v1/users", body=json.dumps({
                "first_name": "Ma\u0000rie", "last_name": "Curie", "email": "nul@exemple.fr",
                "password": "Radium1898", "accepts_terms": True}), headers={"Content-Type": "application/json"})
            count = sql.scalar(server.database_url, "SELECT COUNT(*) FROM users")
        finally:
            server.stop()

        self.assertEqual(status, 400)
        self.assertEqual(json.loads(body)["error"]["code"], "invalid_body")
        self.assertEqual(count, "0")


if __name__ == "__main__":
    unittest.main()
