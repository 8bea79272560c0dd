// Accounts in the browser: sign-up, log-out, log-in with a wrong then the right password.
import assert from 'node:assert/strict';
import path from 'node:path';

const email = `eleve-${Date.now()}@exemple.fr`;

export const tests = [
  {
    name: 'sign-up form refuses a weak password in French, then creates the account',
    // The refused form is answered with 400, which chromium logs as a failed resource.
    allowedConsoleErrors: [/status of 400/],
    async run({ page, base, screenshots, checkAccessibility }) {
      await page.goto(`${base}/inscription`);
      await checkAccessibility(page, '/inscription');
      await page.fill('#prenom', 'Zoé');
      await page.fill('#nom', 'Lefèvre');
      await page.fill('#email', email);
      await page.fill('#mot_de_passe', 'motdepasse');
      await page.check('#cgu', { force: true });
      await page.click('#bouton-inscription');
      assert.match(await page.textContent('#mot_de_passe-erreur'), /au moins une lettre majuscule/);
      await page.screenshot({ path: path.join(screenshots, 'inscription-erreur.png') });
      await checkAccessibility(page, '/inscription (erreur)');

      await page.fill('#mot_de_passe', 'Motdepasse1');
      await page.click('#bouton-inscription');
      // The same answer whether the address already had an account or not: no sign-in here.
      assert.match(await page.textContent('#inscription-envoyee'), /Vérifiez votre boîte aux lettres/);
      await checkAccessibility(page, '/inscription (envoyée)');
    },
  },
  {
    name: 'log-in with a wrong then the right password, then log-out',
    allowedConsoleErrors: [/status of 401/],
    async run({ page, base, screenshots, checkAccessibility }) {
      await page.goto(`${base}/connexion`);
      await checkAccessibility(page, '/connexion');
      await page.fill('#identifiant', email);
      await page.fill('#mot_de_passe', 'Mauvais123');
      await page.click('#bouton-connexion');
      assert.match(await page.textContent('#erreur-formulaire'), /incorrect/);
      await page.screenshot({ path: path.join(screenshots, 'connexion-erreur.png') });

      await page.fill('#mot_de_passe', 'Motdepasse1');
      await page.click('#bouton-connexion');
      await page.waitForURL(`${base}/mon-espace`);
      assert.match(await page.textContent('#bienvenue'), /Bonjour Zoé/);
      assert.equal((await page.textContent('#menu-utilisateur')).trim(), 'Zoé Lefèvre');
      await checkAccessibility(page, '/mon-espace (connecté)');

      await page.click('#bouton-deconnexion');
      await page.waitForURL(`${base}/`);
      assert.ok(await page.isVisible('#lien-connexion'));
    },
  },
  {
    name: 'the unlock page refuses a spent link in French on a phone, axe-clean',
    viewport: { width: 360, height: 740 },
    allowedConsoleErrors: [/status of 4\d\d/],
    async run({ page, base, screenshots, checkAccessibility }) {
      await page.goto(`${base}/connexion/debloquer?jeton=${'0'.repeat(64)}`);
      await checkAccessibility(page, '/connexion/debloquer (360 px)');
      await page.fill('#mot_de_passe', 'Motdepasse1');
      await page.click('#bouton-debloquer');
      assert.match(await page.textContent('#erreur-formulaire'), /lien/i);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      assert.equal(overflow, false, 'no sideways scrolling at 360 px');
      await page.screenshot({ path: path.join(screenshots, 'deblocage-360.png') });
      await checkAccessibility(page, '/connexion/debloquer (erreur, 360 px)');
    },
  },
];
