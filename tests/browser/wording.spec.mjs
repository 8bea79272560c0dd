// Page weight, wording and demo data in the browser (docs/rules/web.md "Compressed assets", "DSFR
// bundle", "French formatting"; docs/rules/organizations.md "Orga pages"): the home page loads one
// gzipped DSFR bundle; the head of the demo Collège Jeanne-Barret reads every Orga page without a
// code, the school named with its article, the current tab marked, and pupils of 6e to 3e whose
// certificability is "Non communiqué" until they have an account. Needs the server started with --demo.
import assert from 'node:assert/strict';

const RAW_CODES = /\b(SCO|SCO-AGRI|SUP|PRO|MEMBER|ADMIN|siecle|fregata)\b|compte n°/;

export const tests = [
  {
    name: 'page weight: the home page loads one DSFR bundle, its text assets gzipped',
    async run({ page, base, checkAccessibility }) {
      const assets = [];
      page.on('response', (response) => {
        if (response.url().includes('/assets/')) assets.push(response);
      });
      await page.goto(base + '/');
      await page.waitForLoadState('networkidle');
      const stylesheets = assets.filter((response) => response.url().endsWith('.css')).map((r) => r.url());
      assert.ok(stylesheets.some((url) => /\/assets\/dsfr_pages-[0-9a-f]+\/dsfr\.css$/.test(url)), stylesheets.join(','));
      assert.ok(!stylesheets.some((url) => url.endsWith('dsfr.min.css')), 'the whole DSFR is not loaded');
      // Stylesheets and scripts (icons under 1 KiB are sent as they are: docs/rules/web.md).
      for (const response of assets.filter((r) => /\.(css|js)$/.test(r.url()))) {
        const headers = await response.allHeaders();
        assert.equal(headers['content-encoding'], 'gzip', response.url());
        assert.match(headers.vary || '', /Accept-Encoding/i, response.url());
      }
      await checkAccessibility(page, '/');
    },
  },
  {
    name: 'wording: Orga pages without codes, the school with its article, the current tab marked',
    async run({ page, base, checkAccessibility }) {
      await page.goto(`${base}/connexion`);
      await page.fill('#identifiant', 'direction@demo.numeria.localhost');
      await page.fill('#mot_de_passe', 'Direction2026');
      await page.click('#bouton-connexion');
      await page.waitForURL(/\/orga\/\d+\/eleves$/);
      const students = page.url();
      const orga = students.replace(/\/eleves$/, '');

      for (const [path, tab, current, heading] of [
        ['/eleves', 'eleves', 'page', /^Élèves du Collège Jeanne-Barret$/],
        ['/equipe', 'equipe', 'page', /^Équipe du Collège Jeanne-Barret$/],
        ['/journal', 'journal', 'page', /^Journal du Collège Jeanne-Barret$/],
        ['/eleves/import', 'eleves', 'true', /^Importer la liste des élèves$/],
      ]) {
        await page.goto(orga + path);
        assert.match((await page.textContent('h1')).trim(), heading);
        assert.equal(await page.getAttribute(`#onglet-${tab}`, 'aria-current'), current, path);
        const text = await page.textContent('main');
        assert.doesNotMatch(text, RAW_CODES, `a code on ${path}`);
        await checkAccessibility(page, `Orga ${path}`);
      }
      await page.goto(`${base}/orga`);
      assert.doesNotMatch(await page.textContent('main'), RAW_CODES);
      assert.equal(await page.getAttribute('#navigation-principale a[href="/mon-espace"]', 'aria-current'), null);
    },
  },
  {
    name: 'demo data: pupils of 6e to 3e, "Non communiqué" without an account',
    async run({ page, base, checkAccessibility }) {
      await page.goto(`${base}/connexion`);
      await page.fill('#identifiant', 'direction@demo.numeria.localhost');
      await page.fill('#mot_de_passe', 'Direction2026');
      await page.click('#bouton-connexion');
      await page.waitForURL(/\/orga\/\d+\/eleves$/);
      const classes = await page.locator('#classe option').allTextContents();
      for (const level of ['6', '5', '4', '3']) {
        assert.ok(classes.some((name) => name.startsWith(level)), `a class of ${level}e among ${classes}`);
      }
      await page.goto(`${page.url()}?connexion=aucune`);
      const certificability = await page.locator('#table-eleves tbody td[data-label="Certificabilité"]').allTextContents();
      assert.ok(certificability.length > 0);
      assert.ok(certificability.every((text) => text.trim() === 'Non communiqué'), certificability.join(','));
      await checkAccessibility(page, 'élèves sans compte');
    },
  },
];
