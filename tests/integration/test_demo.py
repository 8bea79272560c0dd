"""`numeria serve --demo` (what `make run` starts): demo data loaded once, demo log-ins work."""
import unittest

from tests.integration.test_accounts import Browser
from tests.support.harness import Server


class DemoDataTest(unittest.TestCase):
    def test_demo_log_ins_are_printed_and_work_and_the_data_loads_once(self):
        first = Server(extra_args=["--demo"]).start()
        try:
            printed = "\n".join(first.lines)
            browser = Browser(first)
            status, _, _ = browser.log_in("direction@demo.numeria.localhost", "Direction2026")
            _, _, orga = browser.request("GET", "/orga")
            first.stop_process()
            second = Server(extra_args=["--demo"], database_url=first.database_url).start()
            second.stop()
        finally:
            first.stop()

        self.assertIn("direction@demo.numeria.localhost / Direction2026", printed)
        self.assertEqual(status, 303)
        self.assertIn("<strong>Collège Jeanne-Barret</strong> (SCO) : Administrateur", orga)
        self.assertIn("déjà chargées", "\n".join(second.lines))


if __name__ == "__main__":
    unittest.main()
