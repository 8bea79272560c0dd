// The UI shell: home page, navigation to a space, keyboard skip link, phone width, error page.
import assert from 'node:assert/strict';
import path from 'node:path';

export const tests = [
  {
    name: 'home page loads with the DSFR and passes axe-core',
    async run({ page, base, screenshots, checkAccessibility }) {
      const response = await page.goto(`${base}/`);
      assert.equal(response.status(), 200);
      assert.equal(await page.title(), 'Accueil — Numeria');
      // The DSFR stylesheet is applied: its header class gets its own styles.
      const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
      assert.match(font, /Marianne/);
      await page.screenshot({ path: path.join(screenshots, 'accueil.png'), fullPage: true });
      await checkAccessibility(page, '/');
    },
  },
  {
    name: 'following the Orga card opens the Orga space, marked current in the menu',
    async run({ page, base, screenshots, checkAccessibility }) {
      await page.goto(`${base}/`);
      await page.click('#lien-orga');
      await page.waitForURL(`${base}/orga`);
      assert.equal(await page.textContent('h1'), 'Orga');
      const current = await page.getAttribute('.fr-nav__link[aria-current="page"]', 'href');
      assert.equal(current, '/orga');
      await page.screenshot({ path: path.join(screenshots, 'orga.png') });
      await checkAccessibility(page, '/orga');
    },
  },
  {
    name: 'the first Tab reaches the skip link, which moves to the content',
    async run({ page, base }) {
      await page.goto(`${base}/`);
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement.getAttribute('href'));
      assert.equal(focused, '#contenu');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => location.hash === '#contenu');
    },
  },
  {
    name: 'on a 360 px phone the menu opens from the burger button and nothing overflows',
    viewport: { width: 360, height: 740 },
    async run({ page, base, screenshots, checkAccessibility }) {
      await page.goto(`${base}/`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
      await page.click('#bouton-menu');
      await page.waitForSelector('#menu-principal.fr-modal--opened');
      assert.ok(await page.isVisible('#menu-principal >> text=Certif'));
      await page.screenshot({ path: path.join(screenshots, 'menu-mobile.png') });
      await checkAccessibility(page, '/ (mobile menu open)');
    },
  },
  {
    name: 'an unknown address shows the French 404 page, axe-clean',
    // The document itself is the 404: chromium reports it as a failed resource.
    allowedConsoleErrors: [/status of 404/],
    async run({ page, base, checkAccessibility }) {
      const response = await page.goto(`${base}/cette-page-n-existe-pas`);
      assert.equal(response.status(), 404);
      assert.equal(await page.textContent('h1'), 'Page non trouvée');
      await checkAccessibility(page, '404');
    },
  },
];
