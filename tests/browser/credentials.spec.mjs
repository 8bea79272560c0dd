// Class credentials and the students list in the browser (docs/rules/accounts.md "Class credentials
// batches", docs/rules/organizations.md "Students list"): the head of the demo Collège Jeanne-Barret
// prepares a class's batch from the section above the list, confirms it, watches it run, downloads
// it twice as CSV and as PDF (the same passwords), and a pupil who then chose a password is left
// out of the next batch unless ticked. Resetting or dissociating a pupil's account asks first. The
// list's buttons show their labels on a phone. Needs the server started with --demo.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const HEAD = ['direction@demo.numeria.localhost', 'Direction2026'];

async function logIn(page, base, [login, password]) {
  await page.goto(`${base}/connexion`);
  await page.fill('#identifiant', login);
  await page.fill('#mot_de_passe', password);
  await page.click('#bouton-connexion');
  await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
}

async function studentsPage(page, base) {
  await page.goto(`${base}/orga`);
  await page.click('[id^="lien-eleves-"]');
  await page.waitForURL(/\/orga\/\d+\/eleves$/);
}

// Saves a download started by clicking `selector`; returns its bytes.
async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const saved = path.join(os.tmpdir(), `numeria-telechargement-${Date.now()}-${Math.random()}`);
  await file.saveAs(saved);
  const bytes = fs.readFileSync(saved);
  fs.unlinkSync(saved);
  return bytes;
}

function csvPasswords(bytes) {
  const lines = bytes.toString('utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  assert.equal(lines[0], 'Classe;Nom;Prénom;Identifiant;Mot de passe');
  return new Map(lines.slice(1).map((line) => {
    const fields = line.split(';');
    return [fields[3], fields[4]];
  }));
}

function pdfText(bytes) {
  const file = path.join(os.tmpdir(), `numeria-fiches-${Date.now()}.pdf`);
  fs.writeFileSync(file, bytes);
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.unlinkSync(file);
  }
}

// From the list filtered on the class's first option, through the confirmation, to a finished batch.
async function runBatch(page, checkAccessibility, tick = []) {
  await page.click('#lien-identifiants-classe');
  await page.waitForURL(/\/eleves\/identifiants\?classe=/);
  await checkAccessibility(page, 'confirmation des identifiants de la classe');
  for (const name of tick) {
    await page.locator('#eleves-mot-de-passe-choisi .fr-checkbox-group', { hasText: name }).locator('label').click();
  }
  await page.click('#bouton-generer');
  await page.waitForURL(/\/identifiants\/lots\/\d+$/);
  await page.waitForSelector('#lot-pret', { timeout: 60000 });
}

export const tests = [
  {
    name: 'credentials batch: confirmed, downloaded twice as CSV and PDF, chosen passwords kept unless ticked',
    async run({ page, base, screenshots, checkAccessibility }) {
      await logIn(page, base, HEAD);
      await studentsPage(page, base);
      const division = await page.locator('#classe option').nth(1).getAttribute('value');
      await page.selectOption('#classe', division);
      await page.click('#bouton-filtrer');
      await page.waitForURL(/classe=/);
      // The section sits above the table and names the class it acts on.
      const section = await page.locator('#section-identifiants').boundingBox();
      const table = await page.locator('#table-eleves').boundingBox();
      assert.ok(section.y < table.y, 'the credentials section is above the table');
      assert.match(await page.textContent('#titre-identifiants'), new RegExp(`Identifiants de la classe ${division}`));

      await page.click('#lien-identifiants-classe');
      const fresh = await page.locator('#liste-nouveaux li').count();
      assert.ok(fresh > 0, 'the confirmation lists who gets a password');
      assert.match(await page.textContent('#titre-nouveaux'), new RegExp(`^${fresh} élève\\(s\\) recevront`));
      await page.goBack();
      await runBatch(page, checkAccessibility);
      await checkAccessibility(page, 'lot d’identifiants prêt');
      await page.screenshot({ path: path.join(screenshots, 'lot-identifiants.png'), fullPage: true });

      const first = csvPasswords(await download(page, '#lien-csv'));
      const second = csvPasswords(await download(page, '#lien-csv'));
      assert.equal(first.size, fresh);
      assert.deepEqual([...second], [...first]);
      const pdfOnce = pdfText(await download(page, '#lien-pdf'));
      const pdfTwice = pdfText(await download(page, '#lien-pdf'));
      assert.equal(pdfTwice, pdfOnce);
      for (const [username, password] of first) {
        assert.ok(pdfOnce.includes(username) && pdfOnce.includes(password), `${username} on the sheet`);
      }

      // A pupil logs in with the sheet and chooses a password.
      const [username, password] = [...first][0];
      await page.click('#bouton-deconnexion');
      await logIn(page, base, [username, password]);
      await page.waitForURL(/\/mot-de-passe\/changer/);
      await page.fill('#mot_de_passe', 'MonSecret2027');
      await page.fill('#confirmation', 'MonSecret2027');
      await page.click('#bouton-changer-mot-de-passe');
      await page.waitForURL((url) => !url.pathname.startsWith('/mot-de-passe'));
      await page.click('#bouton-deconnexion');

      // The next batch leaves them alone, unless ticked.
      await logIn(page, base, HEAD);
      await studentsPage(page, base);
      await page.selectOption('#classe', division);
      await page.click('#bouton-filtrer');
      await page.waitForURL(/classe=/);
      await page.click('#lien-identifiants-classe');
      const chosen = page.locator('#eleves-mot-de-passe-choisi .fr-checkbox-group', { hasText: username });
      assert.equal(await chosen.count(), 1, 'the pupil is among those who chose their password');
      assert.equal(await chosen.locator('input').isChecked(), false);
      const name = (await chosen.locator('label').textContent()).split('identifiant')[0].trim();
      await page.goBack();
      await runBatch(page, checkAccessibility);
      const untouched = csvPasswords(await download(page, '#lien-csv'));
      assert.equal(untouched.has(username), false);
      assert.equal(untouched.size, fresh - 1);

      await studentsPage(page, base);
      await page.selectOption('#classe', division);
      await page.click('#bouton-filtrer');
      await page.waitForURL(/classe=/);
      await runBatch(page, checkAccessibility, [name]);
      const ticked = csvPasswords(await download(page, '#lien-csv'));
      assert.ok(ticked.has(username), 'a ticked pupil gets a new temporary password');
    },
  },
  {
    name: 'students list on a phone: labelled buttons; a pupil reset and a dissociation ask first',
    viewport: { width: 360, height: 740 },
    async run({ page, base, checkAccessibility }) {
      await logIn(page, base, HEAD);
      await studentsPage(page, base);
      for (const [selector, label] of [['#lien-importer', 'Importer la liste'], ['#lien-exporter', 'Télécharger la liste (CSV)']]) {
        const button = page.locator(selector);
        assert.equal((await button.innerText()).trim(), label);
        const box = await button.boundingBox();
        assert.ok(box.width > 120, `${selector} shows its label (${box.width} px wide)`);
      }
      await checkAccessibility(page, 'liste des élèves (téléphone)');

      // A pupil without an account gets one at once (nothing to lose); their next reset asks first.
      await page.goto(`${page.url()}?connexion=aucune`);
      await page.locator('#table-eleves tbody a').first().click();
      await page.waitForURL(/\/eleves\/\d+$/);
      const pupil = page.url();
      await page.click('#bouton-identifiant');
      assert.match(await page.textContent('#identifiants-generes'), /mot de passe provisoire/);
      await page.goto(pupil);
      await page.click('#bouton-identifiant');
      assert.match(await page.textContent('#confirmation'), /Remplacer le mot de passe de/);
      await checkAccessibility(page, 'confirmation de réinitialisation');
      await page.click('#confirmation a');
      assert.equal(page.url(), pupil);
      await page.click('#bouton-dissocier');
      assert.match(await page.textContent('#confirmation'), /Dissocier le compte de/);
      await page.click('#confirmation a');
      assert.match(await page.textContent('#compte-eleve'), /Méthode\(s\) de connexion/);
    },
  },
];
