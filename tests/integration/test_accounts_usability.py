"""The accounts pages as people use them (docs/rules/accounts.md "Sign-up", "After log-in",
"Changing one's password"; docs/rules/organizations.md "Invitations"): every sign-up problem at
once, where a log-in lands, "Mon espace" and its password change, the invitation page."""
import html
import os
import re
import unittest
import urllib.parse

from tests.integration.test_accounts import Browser
from tests.support.harness import Server, outbox_token

DIRECTION = ("direction@demo.numeria.localhost", "Direction2026")
TEACHER = ("enseignant@demo.numeria.localhost", "Enseignant2026")


def text_of(page):
    return html.unescape(page)


def current_spaces(page):
    """The labels of the header's spaces marked aria-current."""
    nav = re.search(r'id="navigation-principale".*?</nav>', page, re.S).group(0)
    return re.findall(r'aria-current="[^"]+"[^>]*>([^<]+)<', nav)


class AccountsUsabilityTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(extra_args=["--demo", "--insecure-fast-password-hashing"]).start()
        direction = Browser(cls.server)
        direction.log_in(*DIRECTION)
        _, _, orga = direction.request("GET", "/orga")
        cls.org = re.search(r"/orga/(\d+)/equipe", text_of(orga)).group(1)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def signed_in(self, account):
        browser = Browser(self.server)
        status, _, _ = browser.log_in(*account)
        self.assertEqual(status, 303)
        return browser

    # Sign-up (item: every error at once)

    def test_a_refused_sign_up_reports_every_problem_at_once(self):
        browser = Browser(self.server)

        status, _, page = browser.request("POST", "/inscription", {
            "csrf": browser.csrf("/inscription"), "prenom": " ", "nom": "", "email": "pas-une-adresse",
            "mot_de_passe": "court"})
        page = text_of(page)

        self.assertEqual(status, 400)
        self.assertIn("Le formulaire contient 5 erreurs", page)
        for field, message in (("prenom", "Indiquez votre prénom."), ("nom", "Indiquez votre nom."),
                               ("email", "Indiquez une adresse e-mail valide"),
                               ("cgu", "Vous devez accepter les conditions d'utilisation"),
                               ("mot_de_passe", "au moins 8 caractères")):
            self.assertRegex(page, f'id="{field}-erreur">[^<]*{re.escape(message)}')
            self.assertIn(f'<a href="#{field}">', page)

    def test_a_refused_sign_up_keeps_the_fields_and_asks_for_the_password_again(self):
        browser = Browser(self.server)

        status, _, page = browser.request("POST", "/inscription", {
            "csrf": browser.csrf("/inscription"), "prenom": "Irène", "nom": "Joliot", "email": "irene@exemple.fr",
            "mot_de_passe": "Radium1935"})
        page = text_of(page)

        self.assertEqual(status, 400)
        self.assertIn('value="Irène"', page)
        self.assertIn('value="irene@exemple.fr"', page)
        self.assertNotIn("Radium1935", page)
        self.assertRegex(page, r'id="mot_de_passe-erreur">Saisissez à nouveau votre mot de passe')
        self.assertIn("Le formulaire contient 2 erreurs", page)

    def test_the_terms_label_ticks_the_box_and_the_terms_link_stands_apart(self):
        _, _, page = Browser(self.server).request("GET", "/inscription")
        page = text_of(page)

        label = re.search(r'<label class="fr-label" for="cgu"[^>]*>(.*?)</label>', page, re.S).group(1)
        self.assertEqual(label, "J'ai lu et j'accepte les conditions d'utilisation de Numeria")
        self.assertRegex(page, r'<a href="/conditions-utilisation" target="_blank" rel="noopener" '
                               r'title="[^"]*nouvelle fenêtre"')

    # After log-in

    def test_a_teacher_lands_on_the_orga_home_of_the_school(self):
        status, headers, _ = Browser(self.server).log_in(*TEACHER)

        self.assertEqual(status, 303)
        self.assertEqual(headers["location"], f"/orga/{self.org}/eleves")

    def test_a_person_of_no_organisation_lands_on_mon_espace(self):
        status, headers, _ = Browser(self.server).sign_up_and_log_in("sans.orga@exemple.fr")

        self.assertEqual(status, 303)
        self.assertEqual(headers["location"], "/mon-espace")

    def test_a_pupil_lands_on_mon_espace_and_is_told_the_forced_change_worked(self):
        direction = self.signed_in(DIRECTION)
        _, _, students = direction.request("GET", f"/orga/{self.org}/eleves")
        learner = re.search(rf"/orga/{self.org}/eleves/(\d+)", text_of(students)).group(1)
        _, _, done = direction.request("POST", f"/orga/{self.org}/eleves/{learner}/identifiant",
                                       {"csrf": direction.cookies["numeria_csrf"]})
        username, password = re.search(r"Identifiant : <strong>([^<]+)</strong> — mot de passe provisoire : "
                                       r"<strong>([^<]+)</strong>", text_of(done)).groups()
        pupil = Browser(self.server)

        status, landing, _ = pupil.log_in(username, password)
        _, forced, _ = pupil.request("GET", landing["location"])
        _, _, change_page = pupil.request("GET", "/mot-de-passe/changer")
        changed, after, _ = pupil.request("POST", "/mot-de-passe/changer", {
            "csrf": pupil.cookies["numeria_csrf"], "mot_de_passe": "Cartable2026", "confirmation": "Cartable2026"})
        _, _, space = pupil.request("GET", after["location"])
        space = text_of(space)

        self.assertEqual((status, landing["location"]), (303, "/mon-espace"))
        self.assertEqual(forced["location"], "/mot-de-passe/changer")
        self.assertNotIn('id="mot_de_passe_actuel"', change_page)
        self.assertEqual(changed, 303)
        self.assertIn("Votre nouveau mot de passe est enregistré", space)
        self.assertIn(f'id="compte-identifiant">{username}<', space)

    def test_an_explicit_safe_return_address_still_wins(self):
        browser = Browser(self.server)

        status, headers, _ = browser.request("POST", "/connexion", {
            "csrf": browser.csrf("/connexion"), "identifiant": TEACHER[0], "mot_de_passe": TEACHER[1],
            "retour": f"/orga/{self.org}/equipe"})

        self.assertEqual((status, headers["location"]), (303, f"/orga/{self.org}/equipe"))

    def test_the_log_in_page_opened_from_orga_highlights_orga_not_mon_espace(self):
        browser = Browser(self.server)

        _, redirect, _ = browser.request("GET", f"/orga/{self.org}/eleves")
        _, _, from_orga = browser.request("GET", redirect["location"])
        _, _, plain = browser.request("GET", "/connexion")
        _, _, sign_up = browser.request("GET", "/inscription?retour=" + urllib.parse.quote("/certif"))

        self.assertEqual(current_spaces(from_orga), ["Orga"])
        self.assertEqual(current_spaces(plain), [])
        self.assertEqual(current_spaces(sign_up), ["Certif"])

    # Mon espace

    def test_mon_espace_shows_the_account(self):
        browser = self.signed_in(TEACHER)

        _, _, page = browser.request("GET", "/mon-espace")
        page = text_of(page)

        self.assertIn('id="compte-nom">Paul Enseignant<', page)
        self.assertIn('id="compte-email">enseignant@demo.numeria.localhost<', page)
        self.assertIn('href="/mot-de-passe/changer"', page)

    def test_a_voluntary_change_asks_the_current_password_and_the_new_one_twice(self):
        browser = Browser(self.server)
        browser.sign_up_and_log_in("changement.volontaire@exemple.fr")
        csrf = browser.csrf("/mot-de-passe/changer")

        def change(current, new, again):
            return browser.request("POST", "/mot-de-passe/changer", {
                "csrf": csrf, "mot_de_passe_actuel": current, "mot_de_passe": new, "confirmation": again})

        wrong, _, wrong_page = change("Mauvais1898", "Polonium1898", "Polonium1898")
        different, _, different_page = change("Radium1898", "Polonium1898", "Polonium1899")
        done, after, _ = change("Radium1898", "Polonium1898", "Polonium1898")
        _, _, space = browser.request("GET", after["location"])

        self.assertEqual(wrong, 400)
        self.assertIn("Le mot de passe actuel est incorrect.", text_of(wrong_page))
        self.assertEqual(different, 400)
        self.assertIn("Les deux saisies du nouveau mot de passe sont différentes.", text_of(different_page))
        self.assertEqual((done, after["location"]), (303, "/mon-espace?fait=mot-de-passe"))
        self.assertIn("Votre mot de passe a été changé.", text_of(space))
        self.assertEqual(Browser(self.server).log_in("changement.volontaire@exemple.fr", "Polonium1898")[0], 303)
        self.assertEqual(Browser(self.server).log_in("changement.volontaire@exemple.fr", "Radium1898")[0], 401)

    # Invitation

    def test_the_invitation_page_names_the_school_the_role_and_who_invited(self):
        direction = self.signed_in(DIRECTION)
        direction.request("POST", f"/orga/{self.org}/equipe/invitations", {
            "csrf": direction.cookies["numeria_csrf"], "email": "invite.usage@exemple.fr", "role": "MEMBER"})
        token = outbox_token(os.path.join(self.server.workdir, "outbox"), r"invitation\?jeton=([0-9a-f]{64})")
        invited = Browser(self.server)
        invited.sign_up_and_log_in("invite.usage@exemple.fr")

        status, _, page = invited.request("GET", "/invitation?jeton=" + token)
        _, _, spent = invited.request("GET", "/invitation?jeton=" + "0" * 64)
        page = text_of(page)

        self.assertEqual(status, 200)
        self.assertIn("Anne Proviseure vous invite à rejoindre l'espace Orga du <strong>Collège Jeanne-Barret"
                      "</strong> en tant que membre.", page)
        self.assertIn('id="invitation-role">membre<', page)
        self.assertNotIn("MEMBER", page)
        self.assertIn("n'est plus valable", text_of(spent))
        self.assertNotIn('id="bouton-accepter-invitation"', spent)


if __name__ == "__main__":
    unittest.main()
