// The accounts pages as people use them (docs/rules/accounts.md "Sign-up", "After log-in",
// "Changing one's password"; docs/rules/organizations.md "Activation by UAI", "Invitations").
// Needs the server started with --demo and NUMERIA_OUTBOX set to its outbox folder.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const outbox = process.env.NUMERIA_OUTBOX;
const stamp = Date.now();
const TEACHER = ['enseignant@demo.numeria.localhost', 'Enseignant2026'];
const DIRECTION = ['direction@demo.numeria.localhost', 'Direction2026'];

function linkTo(address, pattern) {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const files = fs.existsSync(outbox) ? fs.readdirSync(outbox).filter((f) => f.endsWith('.eml')).sort().reverse() : [];
    for (const file of files) {
      const text = fs.readFileSync(path.join(outbox, file), 'utf8');
      if (text.includes(`To: <${address}>`)) {
        const found = text.match(pattern);
        if (found) return found[0];
      }
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
  throw new Error(`no mail to ${address} in ${outbox}`);
}

async function logIn(page, base, [login, password]) {
  await page.goto(`${base}/connexion`);
  await page.fill('#identifiant', login);
  await page.fill('#mot_de_passe', password);
  await page.click('#bouton-connexion');
}

// Signs up from the page shown (a log-in page), then logs in with the same return address.
async function signUpThenLogIn(page, firstName, lastName, email, password) {
  await page.click('#lien-creer-compte');
  await page.fill('#prenom', firstName);
  await page.fill('#nom', lastName);
  await page.fill('#email', email);
  await page.fill('#mot_de_passe', password);
  await page.click('#cgu-libelle');
  await page.click('#bouton-inscription');
  await page.click('#lien-connexion-inscription');
  await page.fill('#identifiant', email);
  await page.fill('#mot_de_passe', password);
  await page.click('#bouton-connexion');
}

async function currentSpaces(page) {
  return page.locator('#navigation-principale [aria-current]').allTextContents();
}

export const tests = [
  {
    name: 'usability accounts: sign-up reports every error at once, the terms label ticks the box',
    allowedConsoleErrors: [/status of 400/],
    async run({ page, base, screenshots, checkAccessibility }) {
      await page.goto(`${base}/inscription`);
      await checkAccessibility(page, '/inscription');
      assert.deepEqual(await currentSpaces(page), []);
      await page.fill('#email', 'pas-une-adresse');
      await page.fill('#mot_de_passe', 'court');
      await page.click('#bouton-inscription');

      assert.match(await page.textContent('#erreurs-formulaire'), /Le formulaire contient 5 erreurs/);
      assert.equal(await page.locator('#erreurs-formulaire li').count(), 5);
      assert.match(await page.textContent('#prenom-erreur'), /Indiquez votre prénom/);
      assert.match(await page.textContent('#nom-erreur'), /Indiquez votre nom/);
      assert.match(await page.textContent('#email-erreur'), /adresse e-mail valide/);
      assert.match(await page.textContent('#cgu-erreur'), /accepter les conditions/);
      assert.match(await page.textContent('#mot_de_passe-erreur'), /au moins 8 caractères/);
      assert.equal(await page.inputValue('#email'), 'pas-une-adresse');
      await page.screenshot({ path: path.join(screenshots, 'usabilite-inscription-erreurs.png'), fullPage: true });
      await checkAccessibility(page, '/inscription (5 erreurs)');

      // A click on the sentence ticks the box; the terms open from their own link, in a new window.
      await page.click('#cgu-libelle');
      assert.equal(await page.isChecked('#cgu'), true);
      assert.equal(await page.getAttribute('#lien-cgu', 'target'), '_blank');
      assert.match(await page.getAttribute('#lien-cgu', 'title'), /nouvelle fenêtre/);
      assert.equal(await page.locator('label[for="cgu"] a').count(), 0);

      await page.fill('#prenom', 'Zoé');
      await page.fill('#nom', 'Lefèvre');
      await page.fill('#email', `usage-${stamp}@exemple.fr`);
      await page.click('#bouton-inscription');
      // Everything right but the password, which is never sent back: the form says to type it again.
      assert.match(await page.textContent('#mot_de_passe-erreur'), /au moins 8 caractères/);
      await page.fill('#mot_de_passe', 'Motdepasse1');
      await page.click('#bouton-inscription');
      assert.match(await page.textContent('#inscription-envoyee'), /Vérifiez votre boîte aux lettres/);
    },
  },
  {
    name: 'usability accounts: a teacher lands on the school\'s Orga, a pupil on Mon espace',
    async run({ page, base, screenshots, checkAccessibility }) {
      // A log-in asked by an Orga page belongs to Orga in the header.
      await page.goto(`${base}/orga/1/eleves`);
      await page.waitForURL(/\/connexion\?retour=/);
      assert.deepEqual(await currentSpaces(page), ['Orga']);
      await checkAccessibility(page, '/connexion?retour=/orga/…');

      await logIn(page, base, TEACHER);
      await page.waitForURL(/\/orga\/\d+\/eleves$/);
      await checkAccessibility(page, '/orga/:id/eleves (après connexion)');
      await page.click('#bouton-deconnexion');

      // The head of school gives a pupil a username and a temporary password.
      await logIn(page, base, DIRECTION);
      await page.waitForURL(/\/orga\/\d+\/eleves$/);
      // A pupil without an account yet: generating theirs is immediate (a reset would ask first).
      await page.goto(`${page.url()}?connexion=aucune`);
      await page.locator('table a[href*="/eleves/"]').first().click();
      await page.click('#bouton-identifiant');
      const credentials = await page.textContent('#identifiants-generes');
      const [, username, password] = credentials.match(/Identifiant : (\S+) — mot de passe provisoire : (\S+)\./);
      await page.click('#bouton-deconnexion');

      await logIn(page, base, [username, password]);
      await page.waitForURL(`${base}/mot-de-passe/changer`);
      await checkAccessibility(page, '/mot-de-passe/changer (obligatoire)');
      await page.fill('#mot_de_passe', 'Cartable2026');
      await page.fill('#confirmation', 'Cartable2026');
      await page.click('#bouton-changer-mot-de-passe');
      await page.waitForURL(`${base}/mon-espace?fait=mot-de-passe-choisi`);
      assert.match(await page.textContent('#message-succes'), /nouveau mot de passe est enregistré/);
      assert.equal((await page.textContent('#compte-identifiant')).trim(), username);
      await page.screenshot({ path: path.join(screenshots, 'usabilite-eleve-mon-espace.png'), fullPage: true });
      await checkAccessibility(page, '/mon-espace (élève)');

      await page.click('#bouton-deconnexion');
      await logIn(page, base, [username, 'Cartable2026']);
      await page.waitForURL(`${base}/mon-espace`);
    },
  },
  {
    name: 'usability accounts: Mon espace shows the account and changes the password',
    allowedConsoleErrors: [/status of 400/],
    async run({ page, base, screenshots, checkAccessibility }) {
      const email = `mon-espace-${stamp}@exemple.fr`;
      await page.goto(`${base}/connexion`);
      await signUpThenLogIn(page, 'Irène', 'Joliot', email, 'Radium1935');
      await page.waitForURL(`${base}/mon-espace`);
      assert.equal((await page.textContent('#compte-nom')).trim(), 'Irène Joliot');
      assert.equal((await page.textContent('#compte-email')).trim(), email);
      await checkAccessibility(page, '/mon-espace (compte)');

      await page.click('#lien-changer-mot-de-passe');
      await page.waitForURL(`${base}/mot-de-passe/changer`);
      await checkAccessibility(page, '/mot-de-passe/changer');
      await page.fill('#mot_de_passe_actuel', 'Mauvais1935');
      await page.fill('#mot_de_passe', 'Polonium1935');
      await page.fill('#confirmation', 'Polonium1935');
      await page.click('#bouton-changer-mot-de-passe');
      assert.match(await page.textContent('#mot_de_passe_actuel-erreur'), /mot de passe actuel est incorrect/);
      await checkAccessibility(page, '/mot-de-passe/changer (erreur)');

      await page.fill('#mot_de_passe_actuel', 'Radium1935');
      await page.fill('#mot_de_passe', 'Polonium1935');
      await page.fill('#confirmation', 'Polonium1935');
      await page.click('#bouton-changer-mot-de-passe');
      await page.waitForURL(`${base}/mon-espace?fait=mot-de-passe`);
      assert.match(await page.textContent('#message-succes'), /Votre mot de passe a été changé/);
      await page.screenshot({ path: path.join(screenshots, 'usabilite-mot-de-passe-change.png'), fullPage: true });
      await checkAccessibility(page, '/mon-espace (mot de passe changé)');
    },
  },
  {
    name: 'usability accounts: activation success links to the space, the invitation names school, role, inviter',
    async run({ page, base, screenshots, checkAccessibility }) {
      const head = `direction-ada-${stamp}@exemple.fr`;
      const teacher = `prof-ada-${stamp}@exemple.fr`;
      await page.goto(`${base}/connexion`);
      await signUpThenLogIn(page, 'Hedy', 'Lamarr', head, 'Frequence1942');
      await page.waitForURL(`${base}/mon-espace`);
      await page.goto(`${base}/activation`);
      await page.fill('#uai', '0699904D');
      await page.fill('#prenom', 'Hedy');
      await page.fill('#nom', 'Lamarr');
      await page.click('#bouton-activation');
      await page.goto(linkTo('ce.0699904d@ac-exemple.fr', /http:\/\/\S+\/activation\/confirmer\?jeton=[0-9a-f]{64}/));
      await page.click('#bouton-confirmer-activation');
      await page.waitForURL(/\/orga\?fait=activation&organisation=\d+$/);
      assert.match(await page.textContent('#message-activation'),
        /L'espace Orga du Lycée professionnel Ada-Lovelace est activé/);
      await page.screenshot({ path: path.join(screenshots, 'usabilite-activation.png'), fullPage: true });
      await checkAccessibility(page, '/orga (activation réussie)');
      await page.click('#lien-espace-active');
      await page.waitForURL(/\/orga\/\d+\/eleves$/);
      const space = page.url().replace(/\/eleves$/, '');

      await page.goto(`${space}/equipe`);
      await page.fill('#email', teacher);
      await page.check('#role-membre', { force: true });
      await page.click('#bouton-inviter');
      await page.click('#bouton-deconnexion');

      await page.goto(linkTo(teacher, /http:\/\/\S+\/invitation\?jeton=[0-9a-f]{64}/));
      await page.waitForURL(/\/connexion\?retour=/);
      await signUpThenLogIn(page, 'Grace', 'Hopper', teacher, 'Compilateur1952');
      await page.waitForURL(/\/invitation\?jeton=/);
      assert.match(await page.textContent('#invitation-details'),
        /Hedy Lamarr vous invite à rejoindre l'espace Orga du Lycée professionnel Ada-Lovelace en tant que membre\./);
      assert.equal((await page.textContent('#invitation-role')).trim(), 'membre');
      assert.equal((await page.textContent('#invitation-expediteur')).trim(), 'Hedy Lamarr');
      await page.screenshot({ path: path.join(screenshots, 'usabilite-invitation.png'), fullPage: true });
      await checkAccessibility(page, '/invitation');
      await page.click('#bouton-accepter-invitation');
      await page.waitForURL(`${space}/equipe`);
    },
  },
];
