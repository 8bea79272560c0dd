"""Bad requests: each gets its status (400, 413, 431, a cut for slow clients) and the server keeps
serving the others."""
import socket
import threading
import time
import unittest

from tests.support.harness import Server


def exchange(port, data, timeout=5.0):
    """Sends raw bytes and returns the status line (b"" if the server closed without answering)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        try:
            sock.sendall(data)
        except (BrokenPipeError, ConnectionResetError):
            pass
        received = b""
        try:
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                received += chunk
        except (socket.timeout, ConnectionResetError):
            pass
    return received.split(b"\r\n", 1)[0]


class BadInputTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(extra_args=["--header-timeout-ms", "1500"]).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def assert_still_serving(self):
        status, _, _ = self.server.request("GET", "/healthz")
        self.assertEqual(status, 200)

    def test_malformed_request_line_gets_400(self):
        for data in (b"GARBAGE\r\n\r\n", b"GET / HTTP/1.1 extra\r\nHost: x\r\n\r\n", b"GET\r\n\r\n",
                     b"GET http//nope HTTP/1.1\r\nHost: x\r\n\r\n", b"GET / HTTP/9.9\r\nHost: x\r\n\r\n",
                     b"GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n"):
            self.assertEqual(exchange(self.server.port, data), b"HTTP/1.1 400 Bad Request", data)
        self.assert_still_serving()

    def test_two_gigabyte_content_length_gets_413_without_reading_the_body(self):
        started = time.time()

        status = exchange(self.server.port, b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2147483648\r\n\r\nabc")

        self.assertEqual(status, b"HTTP/1.1 413 Payload Too Large")
        self.assertLess(time.time() - started, 2)
        self.assert_still_serving()

    def test_chunked_body_over_the_route_limit_gets_413(self):
        chunk = b"a" * (2 * 1024 * 1024)
        data = (b"POST /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" +
                f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n0\r\n\r\n")

        status = exchange(self.server.port, data)

        self.assertEqual(status, b"HTTP/1.1 413 Payload Too Large")
        self.assert_still_serving()

    def test_oversized_headers_get_431(self):
        data = b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 40000 + b"\r\n\r\n"

        status = exchange(self.server.port, data)

        self.assertEqual(status, b"HTTP/1.1 431 Request Header Fields Too Large")
        self.assert_still_serving()

    def test_slow_client_is_cut_after_the_header_timeout_while_others_are_served(self):
        slow = socket.create_connection(("127.0.0.1", self.server.port), timeout=10)
        slow.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
        started = time.time()
        served = []

        def others():
            for _ in range(5):
                served.append(self.server.request("GET", "/healthz")[0])

        worker = threading.Thread(target=others)
        worker.start()
        worker.join()
        remaining = slow.recv(1024)
        elapsed = time.time() - started
        slow.close()

        self.assertEqual(served, [200] * 5)
        self.assertEqual(remaining, b"")
        self.assertGreater(elapsed, 1.0)
        self.assertLess(elapsed, 5.0)

    def test_a_body_sent_to_a_get_route_within_the_limit_is_accepted(self):
        status, _, _ = self.server.request("GET", "/healthz", body=b"x" * 1000)

        self.assertEqual(status, 200)


if __name__ == "__main__":
    unittest.main()
