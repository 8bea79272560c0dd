// The import page of Orga, as school staff use it (docs/rules/student-import.md "Import states",
// docs/rules/web.md "French formatting"): in a browser set to English, the file input still reads
// in French and stays reachable by the keyboard; once an import ends, the history shows it, its
// format named in French, without a reload; a page reloaded while an import waits for its
// confirmation follows it again. Every page is checked with axe-core. Needs the server started
// with --demo.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
// Another school's SIECLE file: refused, so the demo's pupils stay as they are for the other tests.
const fixture = path.join(here, '..', 'fixtures', 'students', 'siecle-with-wrong-uai.xml');

async function openImportPage(page, base) {
  await page.goto(`${base}/connexion`);
  await page.fill('#identifiant', 'direction@demo.numeria.localhost');
  await page.fill('#mot_de_passe', 'Direction2026');
  await page.click('#bouton-connexion');
  await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
  await page.goto(`${base}/orga`);
  await page.click('[id^="lien-eleves-"]');
  await page.click('#lien-importer');
  await page.waitForURL(/\/eleves\/import$/);
}

export const tests = [
  {
    name: 'usability import: French file input, history refreshed by itself with French format names',
    locale: 'en-US',
    async run({ page, base, screenshots, checkAccessibility }) {
      await openImportPage(page, base);
      assert.equal(await page.evaluate(() => navigator.language), 'en-US');

      // The file input: French button and file name, the real input transparent on top, labelled.
      const chooser = page.locator('#choix-fichier');
      assert.equal(await chooser.locator('.numeria-upload__button').innerText(), 'Parcourir…');
      assert.equal(await page.locator('#fichier-choisi').innerText(), 'Aucun fichier sélectionné');
      assert.equal(await page.locator('#fichier').evaluate((input) => getComputedStyle(input).opacity), '0');
      assert.equal(await page.getByLabel('Fichier à importer').getAttribute('id'), 'fichier');
      assert.equal(await page.locator('#fichier').getAttribute('aria-describedby'), 'fichier-choisi');
      const box = await page.locator('#fichier').boundingBox();
      const button = await chooser.locator('.numeria-upload__button').boundingBox();
      assert.ok(box.x <= button.x && box.y <= button.y && box.x + box.width >= button.x + button.width,
        'the real input covers the French button, so a click on it opens the file picker');
      await page.focus('#format');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'fichier');
      assert.notEqual(await chooser.locator('.numeria-upload__button').evaluate((b) => getComputedStyle(b).outlineStyle),
        'none', 'the focus of the input shows on the French button');
      await checkAccessibility(page, 'import des élèves en anglais');

      await page.setInputFiles('#fichier', fixture);
      assert.equal(await page.locator('#fichier-choisi').innerText(), 'siecle-with-wrong-uai.xml');

      // The history refreshes by itself: the same document all along (no reload).
      const rowsBefore = await page.locator('#historique tbody tr').count();
      await page.evaluate(() => { window.sansRechargement = true; });
      await page.click('#bouton-importer');
      await page.waitForFunction(() => document.getElementById('bandeau-titre').textContent === 'Aucun élève n\'a été importé',
        null, { timeout: 20000 });
      await page.waitForFunction((count) => {
        const rows = document.querySelectorAll('#historique tbody tr');
        return rows.length === count + 1 && rows[0].cells[3].textContent === 'Fichier refusé';
      }, rowsBefore, { timeout: 10000 });
      assert.equal(await page.evaluate(() => window.sansRechargement), true);
      const cells = await page.locator('#historique tbody tr').first().locator('td').allTextContents();
      assert.equal(cells[1], 'siecle-with-wrong-uai.xml');
      assert.equal(cells[2], 'Fichier SIECLE (XML)');
      assert.match(cells[4], /^\d+ erreur\(s\) : /);
      const formats = await page.locator('#historique tbody tr td:nth-child(3)').allTextContents();
      assert.ok(formats.every((format) => /^Fichier /.test(format)), formats.join(','));
      await checkAccessibility(page, 'historique mis à jour');
      await page.screenshot({ path: path.join(screenshots, 'import-historique.png'), fullPage: true });
    },
  },
  {
    name: 'usability import: a page reloaded while an import waits for confirmation follows it',
    async run({ page, base, checkAccessibility }) {
      const file = path.join(os.tmpdir(), `numeria-eleves-${Date.now()}.xml`);
      // 10 pupils of whom none is in the demo: the import would disable most pupils, so it waits.
      execFileSync('python3', [path.join(here, '..', 'support', 'make_siecle.py'), '--uai', '0759901A',
        '--pupils', '10', '--seed', '99', '--classes', '6A', file]);
      await openImportPage(page, base);
      await page.setInputFiles('#fichier', file);
      await page.click('#bouton-importer');
      await page.waitForSelector('#bouton-annuler-import', { state: 'visible', timeout: 20000 });
      fs.unlinkSync(file);

      await page.reload();
      await page.waitForSelector('#bouton-annuler-import', { state: 'visible', timeout: 10000 });
      assert.equal(await page.textContent('#bandeau-titre'), 'Confirmation nécessaire');
      await page.waitForFunction(() => document.querySelector('#historique tbody tr td:nth-child(5)')
        ?.textContent === 'En attente de confirmation');
      await checkAccessibility(page, 'import en attente de confirmation');
      await page.evaluate(() => { window.sansRechargement = true; });
      await page.click('#bouton-annuler-import');
      await page.waitForFunction(() => document.getElementById('bandeau-titre').textContent === 'Import annulé');
      await page.waitForFunction(() => document.querySelector('#historique tbody tr td:nth-child(4)')
        ?.textContent === 'Import annulé', null, { timeout: 10000 });
      assert.equal(await page.evaluate(() => window.sansRechargement), true);
    },
  },
];
