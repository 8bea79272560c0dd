// The students of Orga in the browser (docs/rules/student-import.md): the head of the demo Collège Jeanne-Barret imports
// a SIECLE file, watches the progress banner reach the end without reloading, filters the list by
// class and certificability (the class credentials are tests/browser/credentials.spec.mjs).
// Every page is checked with axe-core. Needs the server started with --demo.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export const tests = [
  {
    name: 'students: import with the progress banner, then filters',
    async run({ page, base, screenshots, checkAccessibility }) {
      const file = path.join(os.tmpdir(), `numeria-eleves-${Date.now()}.xml`);
      // The demo's 90 pupils (src/app/demo_pupils.cpp) and 5 newcomers.
      execFileSync('python3', [path.join(here, '..', 'support', 'make_siecle.py'), '--demo', '--pupils', '95', file]);

      await page.goto(`${base}/connexion`);
      await page.fill('#identifiant', 'direction@demo.numeria.localhost');
      await page.fill('#mot_de_passe', 'Direction2026');
      await page.click('#bouton-connexion');
      await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
      await page.goto(`${base}/orga`);
      await page.click('[id^="lien-eleves-"]');
      await page.waitForURL(/\/orga\/\d+\/eleves$/);
      await checkAccessibility(page, 'liste des élèves');

      await page.click('#lien-importer');
      await page.waitForURL(/\/eleves\/import$/);
      await checkAccessibility(page, 'import des élèves');
      await page.setInputFiles('#fichier', file);
      await page.click('#bouton-importer');
      await page.waitForFunction(() => document.getElementById('bandeau-titre').textContent === 'Import terminé',
        null, { timeout: 20000 });
      assert.match(await page.textContent('#bandeau-texte'), /5 élève\(s\) ajouté\(s\)/);
      await checkAccessibility(page, 'bandeau de fin d’import');
      await page.screenshot({ path: path.join(screenshots, 'import-eleves.png'), fullPage: true });
      fs.unlinkSync(file);

      await page.click('#lien-liste-eleves');
      await page.selectOption('#classe', '3A');
      // The demo gives 12 of the 22 pupils of 3A, who have an account, a "Certifiable" status
      // (src/app/demo_data.cpp); the newcomer of 3A has none, so the filter leaves out 11 of the 23.
      await page.selectOption('#certificabilite', 'oui');
      await page.click('#bouton-filtrer');
      await page.waitForURL(/classe=3A/);
      assert.match(await page.textContent('#nombre-eleves'), /^12 élève\(s\)/);
      const classes = await page.locator('#table-eleves tbody tr td:nth-child(4)').allTextContents();
      assert.ok(classes.length === 12 && classes.every((text) => text.trim() === '3A'), classes.join(','));
      const statuses = await page.locator('#table-eleves tbody tr td:nth-child(5)').allTextContents();
      assert.ok(statuses.every((text) => /^Certifiable \(le \d{2}\/\d{2}\/\d{4}\)$/.test(text.trim())), statuses.join(','));
      await checkAccessibility(page, 'liste filtrée par classe et certificabilité');
    },
  },
];
