"""The UI shell, the health check, the metrics and the error pages, through the real server."""
import json
import re
import unittest

from tests.support.harness import ENGINE, Server

METRICS_TOKEN = "jeton-des-metriques-de-test"
OPERATOR = {"Authorization": "Bearer " + METRICS_TOKEN}


class PagesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(extra_args=["--metrics-token", METRICS_TOKEN]).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_healthz_reports_the_engine_and_to_the_operator_the_version(self):
        status, headers, body = self.server.request("GET", "/healthz", headers=OPERATOR)

        self.assertEqual(status, 200)
        self.assertEqual(headers["content-type"], "application/json")
        payload = json.loads(body)
        self.assertEqual(payload["status"], "ok")
        self.assertEqual(payload["database"], ENGINE)
        self.assertRegex(payload["version"], r"^\d+\.\d+\.\d+$")

    def test_healthz_does_not_tell_anonymous_callers_the_version(self):
        status, _, body = self.server.request("GET", "/healthz")

        self.assertEqual(status, 200)
        self.assertNotIn("version", json.loads(body))

    def test_pages_do_not_show_anonymous_visitors_the_version(self):
        _, _, body = self.server.request("GET", "/")

        self.assertNotIn("Version ", body.decode("utf-8"))

    def test_metrics_need_the_operator_token(self):
        status, headers, body = self.server.request("GET", "/metrics")
        wrong, _, _ = self.server.request("GET", "/metrics", headers={"Authorization": "Bearer autre"})

        self.assertEqual(status, 401)
        self.assertEqual(wrong, 401)
        self.assertNotIn(b"numeria_http", body)

    def test_home_page_is_french_and_presents_the_three_spaces(self):
        status, headers, body = self.server.request("GET", "/")

        html = body.decode("utf-8")
        self.assertEqual(status, 200)
        self.assertIn("text/html", headers["content-type"])
        self.assertIn('<html lang="fr"', html)
        for space in ("/mon-espace", "/orga", "/certif"):
            self.assertIn(f'href="&#x2F;{space[1:]}"', html.replace('href="/', 'href="&#x2F;'))
        self.assertIn("Trois espaces", html)

    def test_home_page_has_skip_links_header_and_footer(self):
        _, _, body = self.server.request("GET", "/")

        html = body.decode("utf-8")
        self.assertIn('class="fr-skiplinks"', html)
        self.assertIn('href="#contenu"', html)
        self.assertIn('id="contenu"', html)
        self.assertIn('role="banner"', html)
        self.assertIn('role="contentinfo"', html)

    def test_pages_link_only_assets_the_server_serves(self):
        _, _, body = self.server.request("GET", "/")

        html = body.decode("utf-8").replace("&#x2F;", "/")
        assets = re.findall(r'(?:href|src)="(/assets/[^"]+)"', html)
        self.assertGreaterEqual(len(assets), 4)
        for asset in assets:
            status, headers, _ = self.server.request("GET", asset)
            self.assertEqual(status, 200, asset)
            self.assertIn("immutable", headers["cache-control"], asset)

    def test_pages_contain_no_inline_script(self):
        _, headers, body = self.server.request("GET", "/")

        html = body.decode("utf-8")
        self.assertNotRegex(html, r"<script(?![^>]*\bsrc=)[^>]*>")
        self.assertNotIn(" style=", html)
        self.assertIn("script-src 'self'", headers["content-security-policy"])

    def test_each_space_has_an_entry_page_marked_current_in_the_menu(self):
        for path, title in (("/mon-espace", "Mon espace"), ("/orga", "Orga"), ("/certif", "Certif")):
            status, _, body = self.server.request("GET", path)

            html = body.decode("utf-8")
            self.assertEqual(status, 200, path)
            self.assertIn(f'<h1 id="titre-espace">{title}</h1>', html)
            self.assertRegex(html, r'aria-current="page">' + re.escape(title) + "</a>")

    def test_unknown_page_gets_the_french_404_page(self):
        status, headers, body = self.server.request("GET", "/page-qui-n-existe-pas")

        self.assertEqual(status, 404)
        self.assertIn("text/html", headers["content-type"])
        self.assertIn("Page non trouvée", body.decode("utf-8"))

    def test_unknown_api_route_gets_a_json_error(self):
        status, headers, body = self.server.request("GET", "/api/v1/rien")

        self.assertEqual(status, 404)
        self.assertEqual(headers["content-type"], "application/json")
        self.assertEqual(json.loads(body)["error"]["code"], "not_found")

    def test_wrong_method_gets_405_with_allow(self):
        status, headers, _ = self.server.request("POST", "/healthz", body=b"")

        self.assertEqual(status, 405)
        self.assertEqual(headers["allow"], "GET")

    def test_head_answers_headers_without_body(self):
        status, headers, body = self.server.request("HEAD", "/")

        self.assertEqual(status, 200)
        self.assertEqual(body, b"")
        self.assertGreater(int(headers["content-length"]), 1000)

    def test_every_response_carries_the_security_headers(self):
        for path in ("/", "/healthz", "/inconnu"):
            _, headers, _ = self.server.request("GET", path)

            self.assertIn("frame-ancestors 'none'", headers["content-security-policy"], path)
            self.assertNotIn("unsafe-inline", headers["content-security-policy"], path)
            self.assertEqual(headers["x-content-type-options"], "nosniff", path)
            self.assertEqual(headers["referrer-policy"], "same-origin", path)

    def test_keep_alive_serves_several_requests_on_one_connection(self):
        connection = self.server.connection()
        try:
            for _ in range(3):
                connection.request("GET", "/healthz")
                response = connection.getresponse()
                response.read()
                self.assertEqual(response.status, 200)
                self.assertNotEqual(response.getheader("connection"), "close")
            self.assertIsNotNone(connection.sock)
        finally:
            connection.close()

    def test_a_request_id_is_returned_and_the_callers_one_is_kept(self):
        _, generated, _ = self.server.request("GET", "/healthz")
        _, kept, _ = self.server.request("GET", "/healthz", headers={"X-Request-Id": "trace-42"})

        self.assertRegex(generated["x-request-id"], r"^[0-9a-f]{16}$")
        self.assertEqual(kept["x-request-id"], "trace-42")

    def test_each_request_writes_one_json_access_log_line(self):
        self.server.request("GET", "/healthz", headers={"X-Request-Id": "log-line-check"})

        lines = [json.loads(line) for line in self.server.drain_output() if line.startswith("{")]
        matching = [line for line in lines if line.get("request_id") == "log-line-check"]
        self.assertEqual(len(matching), 1)
        self.assertEqual(matching[0]["method"], "GET")
        self.assertEqual(matching[0]["route"], "/healthz")
        self.assertEqual(matching[0]["status"], 200)
        self.assertIsInstance(matching[0]["us"], int)

    def test_metrics_count_requests_per_route_with_a_latency_histogram(self):
        self.server.request("GET", "/orga")

        status, headers, body = self.server.request("GET", "/metrics", headers=OPERATOR)

        text = body.decode("utf-8")
        self.assertEqual(status, 200)
        self.assertIn("text/plain", headers["content-type"])
        self.assertRegex(text, r'numeria_http_requests_total\{method="GET",route="/orga",status="200"\} [1-9]')
        self.assertRegex(text, r'numeria_http_request_duration_seconds_bucket\{method="GET",route="/orga",le="\+Inf"\} [1-9]')
        self.assertRegex(text, r'numeria_db_pool_size\{engine="' + ENGINE + r'"\} [1-9]')


class MetricsOffTest(unittest.TestCase):
    def test_metrics_are_not_served_without_a_token_setting(self):
        server = Server().start()
        try:
            status, _, body = server.request("GET", "/metrics")
        finally:
            server.stop()

        self.assertEqual(status, 404)
        self.assertNotIn(b"numeria_http", body)


if __name__ == "__main__":
    unittest.main()
