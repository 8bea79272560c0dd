"""The DSFR bundle (docs/rules/web.md "DSFR bundle"): pages load one style sheet and one script made
of the DSFR parts they use; no template may use a DSFR class the bundle lacks (a component missing
from the list in web/dsfr_bundle.cpp would silently lose its styles)."""
import glob
import gzip
import os
import re
import unittest

from tests.support.harness import ROOT, Server

DIST = os.path.join(ROOT, "node_modules", "@gouvfr", "dsfr", "dist")
# A class name in a template, a script or a page handler; "fr-alert--" (followed by a variable) is a
# prefix. The look-behind leaves out attributes such as data-fr-scheme.
USED = re.compile(r"(?<![\w-])fr-[a-z0-9_-]+")


def css_classes(css):
    return set(re.findall(r"\.(fr-[a-zA-Z0-9_-]+)", re.sub(r"url\([^)]*\)", "", css)))


def global_declarations(css):
    """(selector, property) of the rules that style no DSFR class: :root (the themes' colours), html,
    body, a, h1… whatever @media they sit in."""
    found = set()
    for rule in re.finditer(r"([^{};]+)\{([^{}]*)\}", re.sub(r"/\*.*?\*/", "", css, flags=re.S)):
        for selector in (s.strip() for s in rule.group(1).split(",")):
            if ".fr-" not in selector and "class" not in selector:
                found |= {(selector, d.split(":")[0].strip()) for d in rule.group(2).split(";") if ":" in d}
    return found


def read(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def used_classes():
    files = glob.glob(os.path.join(ROOT, "src/web/templates/*.mustache"))
    files += glob.glob(os.path.join(ROOT, "src/web/static/*.js"))
    files += [name for name in glob.glob(os.path.join(ROOT, "src/web/**/*.cpp"), recursive=True)
              if not name.endswith("_test.cpp") and not name.endswith("dsfr_bundle.cpp")]
    used = {}
    for name in files:
        for found in USED.findall(read(name)):
            used.setdefault(found, os.path.relpath(name, ROOT))
    return used


class DsfrBundleTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server().start()
        _, _, body = cls.server.request("GET", "/")
        cls.home = body.decode("utf-8").replace("&#x2F;", "/")
        cls.css_url = re.search(r'href="(/assets/dsfr_pages-[0-9a-f]+/dsfr\.css)"', cls.home).group(1)
        cls.js_url = re.search(r'src="(/assets/dsfr_pages-[0-9a-f]+/dsfr\.js)"', cls.home).group(1)
        _, _, css = cls.server.request("GET", cls.css_url)
        cls.css = css.decode("utf-8")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_pages_load_the_bundle_and_not_the_whole_dsfr(self):
        for path in ("/", "/connexion"):
            _, _, body = self.server.request("GET", path)
            html = body.decode("utf-8").replace("&#x2F;", "/")
            self.assertEqual(re.findall(r'<link rel="stylesheet" href="([^"]+)"', html),
                             [self.css_url, re.search(r'/assets/app-[0-9a-f]+/numeria\.css', html).group(0)], path)
            self.assertIn(f'<script type="module" src="{self.js_url}"></script>', html)
            for whole in ("dsfr.min.css", "icons.min.css", "dsfr.module.min.js", "dsfr.nomodule.min.js"):
                self.assertNotIn(whole, html, path)

    def test_every_dsfr_class_the_pages_use_is_in_the_bundle(self):
        dsfr = css_classes(read(os.path.join(DIST, "dsfr.main.min.css")))
        dsfr |= css_classes(read(os.path.join(DIST, "utility/icons/icons.main.min.css")))
        bundled = css_classes(self.css)
        missing = []
        for name, where in sorted(used_classes().items()):
            wanted = {c for c in dsfr if c.startswith(name)} if name.endswith("-") else {name} & dsfr
            missing += [f"{c} ({where})" for c in sorted(wanted - bundled)]
        self.assertEqual(missing, [], "add the DSFR part of these classes to web/dsfr_bundle.cpp")

    def test_the_bundle_keeps_every_global_rule_of_the_dsfr(self):
        whole = global_declarations(read(os.path.join(DIST, "dsfr.main.min.css")))

        self.assertEqual(sorted(whole - global_declarations(self.css))[:10], [])
        self.assertIn((":root[data-fr-theme=dark]", "--grey-1000-50"), global_declarations(self.css))

    def test_only_the_icons_the_pages_use_are_in_the_bundle(self):
        def icons(names):  # fr-icon-arrow-right-line, not the sizes (fr-icon--sm) of the core
            return {name for name in names if re.match(r"fr-icon-[a-z0-9]", name)}

        self.assertEqual(icons(css_classes(self.css)), icons(used_classes()))

    def test_every_font_and_icon_of_the_bundle_is_served(self):
        urls = set(re.findall(r'url\("?(/[^")]+)"?\)', self.css))
        self.assertTrue(any(url.endswith("/fonts/Marianne-Regular.woff2") for url in urls))
        for url in sorted(urls):
            status, _, _ = self.server.request("GET", url)
            self.assertEqual(status, 200, url)
        self.assertNotIn("url(../", self.css)

    def test_the_script_is_cached_a_year_and_gzipped(self):
        status, headers, plain = self.server.request("GET", self.js_url)
        _, packed_headers, packed = self.server.request("GET", self.js_url, headers={"Accept-Encoding": "gzip"})

        self.assertEqual(status, 200)
        self.assertEqual(headers["content-type"], "text/javascript; charset=utf-8")
        self.assertEqual(headers["cache-control"], "public, max-age=31536000, immutable")
        self.assertIn("window.dsfr", plain.decode("utf-8"))
        self.assertEqual(packed_headers["content-encoding"], "gzip")
        self.assertEqual(gzip.decompress(packed), plain)
        self.assertNotEqual(packed_headers["etag"], headers["etag"])

    def test_the_bundle_is_smaller_than_the_whole_dsfr(self):
        whole = len(read(os.path.join(DIST, "dsfr.min.css"))) + len(read(os.path.join(DIST, "utility/icons/icons.min.css")))

        self.assertLess(len(self.css), whole / 2)


if __name__ == "__main__":
    unittest.main()
