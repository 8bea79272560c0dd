// Orga in the browser (docs/rules/organizations.md): a head of school activates the school's space through the link
// sent to the official mailbox (read from the outbox), invites a teacher who signs up and joins,
// then promotes and removes them. Needs the server started with --demo (establishments directory)
// and NUMERIA_OUTBOX set to its outbox folder.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const outbox = process.env.NUMERIA_OUTBOX;

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

async function signUp(page, firstName, lastName, email, password) {
  await page.click('#lien-creer-compte');
  await page.fill('#prenom', firstName);
  await page.fill('#nom', lastName);
  await page.fill('#email', email);
  await page.fill('#mot_de_passe', password);
  await page.check('#cgu', { force: true });
  await page.click('#bouton-inscription');
  // Signing up does not sign in (the answer is the same when the address already has an account):
  // the "Se connecter" link keeps where to go next.
  await page.click('#lien-connexion-inscription');
  await page.fill('#identifiant', email);
  await page.fill('#mot_de_passe', password);
  await page.click('#bouton-connexion');
}

export const tests = [
  {
    name: 'activation by UAI, invitation of a teacher, acceptance, role change and removal',
    async run({ page, base, screenshots, checkAccessibility }) {
      assert.ok(outbox, 'NUMERIA_OUTBOX must name the server outbox');
      const stamp = Date.now();
      const head = `principale-${stamp}@exemple.fr`;
      const teacher = `prof-${stamp}@exemple.fr`;

      await page.goto(`${base}/activation`);
      await checkAccessibility(page, '/activation');
      await page.fill('#uai', '0699903C');
      await page.fill('#prenom', 'Claire');
      await page.fill('#nom', 'Principale');
      await page.click('#bouton-activation');
      assert.match(await page.textContent('#activation-envoyee'), /Collège Louise-Michel/);
      const activation = linkTo('ce.0699903c@ac-exemple.fr', /http:\/\/\S+\/activation\/confirmer\?jeton=[0-9a-f]{64}/);

      await page.goto(activation);
      await page.waitForURL(/\/connexion\?retour=/);
      await signUp(page, 'Claire', 'Principale', head, 'Principale2026');
      await page.waitForURL(/\/activation\/confirmer/);
      await page.click('#bouton-confirmer-activation');
      await page.waitForURL(/\/orga\?fait=activation&organisation=\d+$/);
      assert.match(await page.textContent('#message-activation'), /espace Orga du Collège Louise-Michel est activé/);
      assert.match(await page.textContent('#mes-organisations'), /Collège Louise-Michel.*Administrateur/);

      await page.click('#mes-organisations a');
      await page.fill('#email', teacher);
      await page.check('#role-membre', { force: true });
      await page.click('#bouton-inviter');
      assert.match(await page.textContent('#message-equipe'), /invitation a été envoyée/);
      assert.match(await page.textContent('#table-invitations'), new RegExp(teacher));
      await page.screenshot({ path: path.join(screenshots, 'equipe.png'), fullPage: true });
      await checkAccessibility(page, '/orga/:id/equipe');
      const team = page.url().split('?')[0];

      await page.click('#bouton-deconnexion');
      await page.goto(linkTo(teacher, /http:\/\/\S+\/invitation\?jeton=[0-9a-f]{64}/));
      await page.waitForURL(/\/connexion\?retour=/);
      await signUp(page, 'Marc', 'Professeur', teacher, 'Professeur2026');
      await page.waitForURL(/\/invitation\?jeton=/);
      await page.click('#bouton-accepter-invitation');
      await page.waitForURL(team);
      assert.match(await page.textContent('#table-membres'), /Marc Professeur.*Membre/s);

      await page.click('#bouton-deconnexion');
      await page.goto(`${base}/connexion`);
      await page.fill('#identifiant', head);
      await page.fill('#mot_de_passe', 'Principale2026');
      await page.click('#bouton-connexion');
      await page.goto(team);
      const row = page.locator('#table-membres tr', { hasText: 'Marc Professeur' });
      await row.locator('button', { hasText: 'Passer administrateur' }).click();
      assert.match(await page.textContent('#message-equipe'), /rôle a été modifié/);
      assert.match(await page.locator('#table-membres tr', { hasText: 'Marc Professeur' }).textContent(), /Administrateur/);
      // Removing asks first, naming the person; "Annuler" leaves the team as it was.
      await page.locator('#table-membres tr', { hasText: 'Marc Professeur' }).locator('a', { hasText: 'Retirer' }).click();
      assert.match(await page.textContent('#confirmation'), /Retirer Marc Professeur de l'équipe \?/);
      await checkAccessibility(page, '/orga/:id/equipe (confirmation du retrait)');
      await page.click('#bouton-annuler-confirmation');
      assert.match(await page.textContent('#table-membres'), /Marc Professeur/);
      await page.locator('#table-membres tr', { hasText: 'Marc Professeur' }).locator('a', { hasText: 'Retirer' }).click();
      await page.click('#bouton-confirmer');
      assert.match(await page.textContent('#message-equipe'), /retiré de l'équipe/);
      // The only admin left is offered neither to step down nor to leave.
      const own = page.locator('#table-membres tr', { hasText: 'Claire Principale' });
      assert.equal(await own.locator('a, button').count(), 0);
      assert.match(await own.textContent(), /Seul administrateur/);
      assert.doesNotMatch(await page.textContent('#table-membres'), /Marc Professeur/);

      await page.click('#lien-journal');
      const journal = await page.textContent('#table-journal');
      for (const event of ['Activation de l\'espace', 'Invitation envoyée', 'Invitation acceptée', 'Rôle modifié', 'Membre retiré']) {
        assert.ok(journal.includes(event), `journal lacks ${event}`);
      }
      await checkAccessibility(page, '/orga/:id/journal');
    },
  },
];
