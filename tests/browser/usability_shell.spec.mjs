// The shell's usability on every screen: the footer's legal pages (docs/rules/web.md "Legal pages")
// reached from the footer, and the tables on a 360 px phone (docs/rules/web.md "Phones"): each row
// shown as labelled lines, the key column visible, no sideways scroll. Every page visited goes
// through axe-core (at the test's width and at 360 px). Needs the server started with --demo.
import assert from 'node:assert/strict';
import path from 'node:path';

const PHONE = { width: 360, height: 740 };

async function logInAsHead(page, base) {
  await page.goto(`${base}/connexion`);
  await page.fill('#identifiant', 'direction@demo.numeria.localhost');
  await page.fill('#mot_de_passe', 'Direction2026');
  await page.click('#bouton-connexion');
  await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
  await page.goto(`${base}/orga`);
  const href = await page.getAttribute('[id^="lien-eleves-"]', 'href');
  return href.match(/^\/orga\/(\d+)\//)[1];
}

// The page does not scroll sideways, and every cell of `column` (a data-label) in `table` is shown
// whole inside the phone's width.
async function assertReadableOnPhone(page, table, column) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `the page is ${width} px wide on a 360 px phone`);
  const cells = page.locator(`${table} tbody td[data-label="${column}"]`);
  const count = await cells.count();
  assert.ok(count > 0, `no "${column}" cell in ${table}`);
  for (let index = 0; index < Math.min(count, 10); index += 1) {
    const cell = cells.nth(index);
    await cell.scrollIntoViewIfNeeded();
    assert.ok(await cell.isVisible(), `"${column}" cell ${index} of ${table} is hidden`);
    const box = await cell.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 360, `"${column}" cell ${index} of ${table} leaves the screen`);
    const label = await cell.evaluate((element) => getComputedStyle(element, '::before').content);
    assert.equal(label, `"${column} : "`, `"${column}" cell ${index} is not labelled by its column`);
  }
  // No region of the table scrolls sideways (it would need the keyboard to reach it).
  const scrolling = await page.evaluate((selector) => [...document.querySelectorAll(`${selector}, ${selector} *`)]
    .filter((e) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth + 1)
    .map((e) => e.tagName), table);
  assert.deepEqual(scrolling, []);
}

export const tests = [
  {
    name: 'usability: the footer links to the accessibility statement, legal notice and personal data, axe-clean',
    async run({ page, base, screenshots, checkAccessibility }) {
      const pages = [
        ['#lien-accessibilite', '/accessibilite', 'Déclaration d\'accessibilité'],
        ['#lien-mentions-legales', '/mentions-legales', 'Mentions légales'],
        ['#lien-donnees-personnelles', '/donnees-personnelles', 'Données personnelles'],
      ];
      for (const [link, address, title] of pages) {
        await page.goto(`${base}/`);
        assert.equal(await page.textContent('#lien-accessibilite'), 'Accessibilité : partiellement conforme');
        await page.click(`#pied-de-page ${link}`);
        await page.waitForURL(`${base}${address}`);
        assert.equal(await page.textContent('h1'), title);
        // The demo server has no site file: the operator's details are visible placeholders.
        assert.match(await page.textContent('main'), /\[à compléter par l'hébergeur : [^\]]+\]/);
        await page.screenshot({ path: path.join(screenshots, `pied-de-page${address.replace('/', '-')}.png`),
          fullPage: true });
        await checkAccessibility(page, address);
      }
    },
  },
  {
    name: 'usability: on a 360 px phone the students list shows every pupil\'s name without sideways scroll',
    viewport: PHONE,
    async run({ page, base, screenshots, checkAccessibility }) {
      const org = await logInAsHead(page, base);
      await page.goto(`${base}/orga/${org}/eleves`);
      await assertReadableOnPhone(page, '#table-eleves', 'Nom');
      await assertReadableOnPhone(page, '#table-eleves', 'Classe');
      await page.screenshot({ path: path.join(screenshots, 'eleves-telephone.png') });
      await checkAccessibility(page, 'liste des élèves (téléphone)');
    },
  },
  {
    name: 'usability: on a 360 px phone the team and its journal show their key columns without sideways scroll',
    viewport: PHONE,
    async run({ page, base, screenshots, checkAccessibility }) {
      const org = await logInAsHead(page, base);
      await page.goto(`${base}/orga/${org}/equipe`);
      // An invitation puts a row in the invitations table and an event in the journal.
      await page.fill('#email', `invite-telephone-${Date.now()}@exemple.fr`);
      await page.click('#bouton-inviter');
      await page.waitForSelector('#table-invitations');
      await assertReadableOnPhone(page, '#table-membres', 'Nom');
      await assertReadableOnPhone(page, '#table-invitations', 'Adresse e-mail');
      await page.screenshot({ path: path.join(screenshots, 'equipe-telephone.png'), fullPage: true });
      await checkAccessibility(page, 'équipe (téléphone)');

      await page.goto(`${base}/orga/${org}/journal`);
      await assertReadableOnPhone(page, '#table-journal', 'Date');
      await assertReadableOnPhone(page, '#table-journal', 'Événement');
      await page.screenshot({ path: path.join(screenshots, 'journal-telephone.png'), fullPage: true });
      await checkAccessibility(page, 'journal (téléphone)');
    },
  },
];
