"""The legal pages linked from every page's footer (docs/rules/web.md "Legal pages"): the
accessibility statement, the legal notice and the personal data page, filled from the operator's
site file (`--site-file`, model config/site.example.yaml), with a visible placeholder for every
value left empty; a wrong site file stops the server."""
import html
import os
import tempfile
import unittest

from tests.support.harness import Server, run_cli

PAGES = {"/accessibilite": "Déclaration d'accessibilité", "/mentions-legales": "Mentions légales",
         "/donnees-personnelles": "Données personnelles"}

FILLED = {
    "publisher_name": "Collège Jeanne-Barret",
    "publisher_address": "12 rue de l'Exemple, 75000 Paris",
    "publication_director": "Anne Proviseure, principale",
    "host_name": "Académie d'Exemple, DSI",
    "host_address": "1 avenue du Rectorat, 75000 Paris",
    "host_phone": "01 23 45 67 89",
    "accessibility_email": "accessibilite@exemple.fr",
    "personal_data_email": "donnees@exemple.fr",
    "dpo_name": "Délégué Académique",
    "dpo_email": "dpd@exemple.fr",
    "accessibility_statement_date": "8 décembre 2026",
    "data_retention": "un an après le départ de l'élève",
}


def site_file(text):
    handle, path = tempfile.mkstemp(suffix=".yaml")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    return path


def refusal(site_path):
    """What `numeria serve --site-file site_path` says when it refuses to start (it must)."""
    with tempfile.TemporaryDirectory() as folder:
        result = run_cli("serve", "--port", "0", "--database", "sqlite:" + os.path.join(folder, "numeria.db"),
                         "--secret-file", os.path.join(folder, "secret.key"), "--site-file", site_path, timeout=30)
    assert result.returncode != 0, "the server started"
    return result.stdout + result.stderr


def yaml_of(values):
    return "".join(f'{key}: "{value}"\n' for key, value in values.items())


class LegalPagesTest(unittest.TestCase):
    def pages_of(self, server):
        pages = {}
        for path in PAGES:
            status, _, body = server.request("GET", path)
            self.assertEqual(status, 200, path)
            pages[path] = html.unescape(body.decode())
        return pages

    def test_the_footer_of_every_page_links_the_three_pages(self):
        server = Server().start()
        try:
            _, _, home = server.request("GET", "/")
            pages = self.pages_of(server)
        finally:
            server.stop()
        for page in [html.unescape(home.decode())] + list(pages.values()):
            self.assertIn('href="/accessibilite" id="lien-accessibilite">Accessibilité : partiellement conforme</a>',
                          page)
            self.assertIn('href="/mentions-legales" id="lien-mentions-legales">Mentions légales</a>', page)
            self.assertIn('href="/donnees-personnelles" id="lien-donnees-personnelles">Données personnelles</a>', page)
        for path, title in PAGES.items():
            self.assertIn(f"<h1>{title}</h1>", pages[path])

    def test_without_a_site_file_every_value_is_a_visible_placeholder(self):
        server = Server().start()  # runs in a fresh folder: no config/site.yaml there
        try:
            pages = self.pages_of(server)
        finally:
            server.stop()
        statement, notice, data = pages["/accessibilite"], pages["/mentions-legales"], pages["/donnees-personnelles"]
        placeholder = '<strong class="numeria-placeholder">[à compléter par l\'hébergeur : '
        self.assertIn(placeholder + "date de la déclaration]", statement)
        self.assertIn(placeholder + "adresse e-mail de contact accessibilité]", statement)
        for what in ("nom de l'éditeur (établissement ou académie)", "adresse postale de l'éditeur",
                     "directeur ou directrice de la publication", "nom de l'hébergeur", "adresse de l'hébergeur",
                     "téléphone de l'hébergeur"):
            self.assertIn(placeholder + what + "]", notice)
        for what in ("adresse e-mail de contact données personnelles", "nom du délégué à la protection des données",
                     "adresse e-mail du délégué à la protection des données",
                     "durées de conservation fixées par le responsable de traitement"):
            self.assertIn(placeholder + what + "]", data)
        self.assertNotIn("mailto:", statement + notice + data)

    def test_the_statement_follows_the_rgaa_model(self):
        server = Server().start()
        try:
            statement = self.pages_of(server)["/accessibilite"]
        finally:
            server.stop()
        for heading in ("État de conformité", "Contenus non accessibles", "Établissement de cette déclaration "
                        "d'accessibilité", "Environnement de test", "Retour d'information et contact",
                        "Voies de recours"):
            self.assertIn(f"<h2>{heading}</h2>" if heading != "Environnement de test" else f"<h3>{heading}</h3>",
                          statement)
        self.assertIn("<strong>partiellement conforme</strong>", statement)
        self.assertIn("Chromium", statement)
        self.assertIn("axe-core", statement)
        self.assertIn("Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07", statement)

    def test_the_personal_data_page_names_the_basis_the_rights_the_cnil_and_the_only_cookies(self):
        server = Server().start()
        try:
            data = self.pages_of(server)["/donnees-personnelles"]
        finally:
            server.stop()
        self.assertIn("mission d'intérêt public", data)
        self.assertIn("mineurs", data)
        self.assertIn("<h2>Durées de conservation</h2>", data)
        self.assertIn("droit d'accès, de rectification, d'effacement", data)
        self.assertIn("CNIL", data)
        self.assertIn("<code>numeria_session</code>", data)
        self.assertIn("strictement nécessaires", data)

    def test_a_filled_site_file_shows_its_values_and_no_placeholder(self):
        path = site_file(yaml_of(FILLED))
        server = Server(extra_args=["--site-file", path]).start()
        try:
            pages = self.pages_of(server)
        finally:
            server.stop()
            os.unlink(path)
        every = "".join(pages.values())
        self.assertNotIn("à compléter", every)
        self.assertIn("Collège Jeanne-Barret<br>12 rue de l'Exemple, 75000 Paris", pages["/mentions-legales"])
        self.assertIn("Téléphone : 01 23 45 67 89", pages["/mentions-legales"])
        self.assertIn('<a href="mailto:accessibilite@exemple.fr">accessibilite@exemple.fr</a>', pages["/accessibilite"])
        self.assertIn("Cette déclaration a été établie le 8 décembre 2026.", pages["/accessibilite"])
        self.assertIn('Délégué Académique, <a href="mailto:dpd@exemple.fr">dpd@exemple.fr</a>',
                      pages["/donnees-personnelles"])

    def test_a_partly_filled_site_file_keeps_placeholders_for_the_rest_and_escapes_html(self):
        path = site_file('publisher_name: "<b>Lycée</b>"\nhost_phone: ""\n')
        server = Server(extra_args=["--site-file", path]).start()
        try:
            _, _, raw = server.request("GET", "/mentions-legales")
        finally:
            server.stop()
            os.unlink(path)
        notice = raw.decode()
        self.assertIn("&lt;b&gt;Lycée&lt;", notice)
        self.assertNotIn("<b>Lycée</b>", notice)
        self.assertIn("téléphone de l&#39;hébergeur]", notice)

    def test_a_wrong_site_file_stops_the_server_in_french(self):
        cases = {"unknown key": ("publisher: x\n", "clé inconnue « publisher »"),
                 "two lines": ('host_name: "a\\nb"\n', "doit tenir sur une ligne"),
                 "bad e-mail": ("dpo_email: personne\n", "« dpo_email » doit être une adresse e-mail"),
                 "not text": ("host_name: [a, b]\n", "doit être un texte")}
        for case, (text, message) in cases.items():
            with self.subTest(case):
                path = site_file(text)
                try:
                    self.assertIn(message, refusal(path))
                finally:
                    os.unlink(path)

    def test_a_named_site_file_that_does_not_exist_stops_the_server(self):
        self.assertIn("le fichier du site « /nonexistent/site.yaml » est introuvable",
                      refusal("/nonexistent/site.yaml"))


if __name__ == "__main__":
    unittest.main()
