"""A real SMTP server for mail tests (Debian's python3-aiosmtpd): stores every message it
receives as a file in a folder. Used by tests/integration/test_mail.py."""
import os
import socket
import time

from aiosmtpd.controller import Controller


class _SaveToFolder:
    def __init__(self, folder):
        self.folder = folder

    async def handle_DATA(self, server, session, envelope):
        name = os.path.join(self.folder, f"{time.time_ns()}.eml")
        with open(name, "wb") as out:
            out.write(envelope.original_content or envelope.content)
        return "250 Message accepted for delivery"


class SmtpSink:
    def __init__(self, folder):
        self.folder = folder
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.controller = Controller(_SaveToFolder(folder), hostname="127.0.0.1", port=self.port)

    def start(self):
        self.controller.start()
        return self

    def stop(self):
        self.controller.stop()

    def messages(self, wait=5.0):
        deadline = time.time() + wait
        while time.time() < deadline:
            files = sorted(os.listdir(self.folder))
            if files:
                contents = []
                for name in files:
                    with open(os.path.join(self.folder, name), "rb") as handle:
                        contents.append(handle.read())
                return contents
            time.sleep(0.05)
        return []

    def message_containing(self, text, wait=10.0):
        """The first stored message whose raw bytes contain `text`, waiting up to `wait` seconds."""
        deadline = time.time() + wait
        while time.time() < deadline:
            for name in sorted(os.listdir(self.folder)):
                with open(os.path.join(self.folder, name), "rb") as handle:
                    content = handle.read()
                if text.encode() in content:
                    return content
            time.sleep(0.05)
        return None
