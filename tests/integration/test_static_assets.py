"""Static assets: content-hashed URLs cached a year, ETags, and paths that leave the folder."""
import gzip
import re
import socket
import unittest

from tests.support.harness import Server


def raw_status(port, target):
    """Sends the target byte for byte (no client-side normalisation of '..')."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(f"GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
    return int(data.split(b" ", 2)[1])


class StaticAssetsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server().start()
        _, _, body = cls.server.request("GET", "/")
        html = body.decode("utf-8").replace("&#x2F;", "/")
        # The DSFR style sheet the pages load: the bundle of the parts they use (web/dsfr_bundle.cpp).
        cls.dsfr_css = re.search(r'href="(/assets/dsfr_pages-[0-9a-f]+/dsfr\.css)"', html).group(1)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_hashed_url_is_cached_a_year_with_an_etag(self):
        status, headers, body = self.server.request("GET", self.dsfr_css)

        self.assertEqual(status, 200)
        self.assertEqual(headers["content-type"], "text/css; charset=utf-8")
        self.assertEqual(headers["cache-control"], "public, max-age=31536000, immutable")
        self.assertRegex(headers["etag"], r'^"[0-9a-f]+"$')
        self.assertGreater(len(body), 10000)

    def test_plain_static_url_is_revalidated_and_answers_304(self):
        _, headers, _ = self.server.request("GET", "/static/dsfr/dsfr.min.css")
        status, _, body = self.server.request("GET", "/static/dsfr/dsfr.min.css",
                                              headers={"If-None-Match": headers["etag"]})

        self.assertEqual(headers["cache-control"], "public, no-cache")
        self.assertEqual(status, 304)
        self.assertEqual(body, b"")

    def test_css_is_gzipped_for_a_client_that_accepts_it(self):
        _, plain_headers, plain = self.server.request("GET", self.dsfr_css)
        status, headers, packed = self.server.request("GET", self.dsfr_css,
                                                      headers={"Accept-Encoding": "gzip, deflate, br"})

        self.assertEqual(status, 200)
        self.assertEqual(headers["content-encoding"], "gzip")
        self.assertEqual(headers["vary"], "Accept-Encoding")
        self.assertEqual(plain_headers["vary"], "Accept-Encoding")
        self.assertNotIn("content-encoding", plain_headers)
        self.assertEqual(gzip.decompress(packed), plain)
        self.assertLess(len(packed), len(plain) / 4)
        self.assertNotEqual(headers["etag"], plain_headers["etag"])

    def test_the_gzipped_etag_revalidates_the_gzipped_answer(self):
        accept = {"Accept-Encoding": "gzip"}
        _, headers, _ = self.server.request("GET", "/static/dsfr/dsfr.min.css", headers=accept)
        status, _, _ = self.server.request("GET", "/static/dsfr/dsfr.min.css",
                                           headers=dict(accept, **{"If-None-Match": headers["etag"]}))
        plain_status, _, _ = self.server.request("GET", "/static/dsfr/dsfr.min.css",
                                                 headers={"If-None-Match": headers["etag"]})

        self.assertEqual(status, 304)
        self.assertEqual(plain_status, 200)  # another encoding, another representation

    def test_a_client_refusing_gzip_gets_the_plain_bytes(self):
        _, headers, _ = self.server.request("GET", self.dsfr_css, headers={"Accept-Encoding": "gzip;q=0, br"})

        self.assertNotIn("content-encoding", headers)

    def test_outdated_hash_is_served_without_long_caching(self):
        status, headers, _ = self.server.request("GET", "/assets/dsfr-0000000000/dsfr.min.css")

        self.assertEqual(status, 200)
        self.assertEqual(headers["cache-control"], "public, no-cache")

    def test_fonts_referenced_by_the_css_are_served(self):
        _, _, css = self.server.request("GET", self.dsfr_css)
        font = re.search(r"url\((/assets/dsfr-[0-9a-f]+/fonts/Marianne-Regular\.woff2)\)", css.decode("utf-8")).group(1)
        status, headers, _ = self.server.request("GET", font)

        self.assertEqual(status, 200)
        self.assertEqual(headers["content-type"], "font/woff2")

    def test_paths_leaving_the_folder_get_404(self):
        for target in ("/static/../../etc/passwd", "/static/app/../../../etc/passwd",
                       "/static/app/%2e%2e/%2e%2e/etc/passwd", "/static/app/..%2f..%2fetc%2fpasswd",
                       "/assets/app-x/%2e%2e%2f%2e%2e%2fCMakeLists.txt", "/static/app/.hidden",
                       "/static/app//etc/passwd", "/static/nowhere/passwd"):
            self.assertEqual(raw_status(self.server.port, target), 404, target)

    def test_server_keeps_serving_after_traversal_attempts(self):
        raw_status(self.server.port, "/static/../../etc/passwd")

        status, _, _ = self.server.request("GET", "/healthz")

        self.assertEqual(status, 200)


if __name__ == "__main__":
    unittest.main()
