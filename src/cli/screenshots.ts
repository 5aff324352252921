/**
 * Screenshots of every page of the built site at 1366 and 390 px, for a person to look at before
 * and after a change of the look: the dashboard (also with the DDAS delivery loaded), the report,
 * the briefing, the import report, the accountability and accessibility pages, and the mapping
 * screen with a waiting export. Each page is saved whole and in parts of at most 1,600 px high.
 *
 *     npx vite build && tsx src/cli/screenshots.ts [--out test-results/screens-look] [--dir build]
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { startServer } from './serve';

/** The widths and the viewport height of each. */
const VIEWPORTS = [
	{ width: 1366, height: 900 },
	{ width: 390, height: 844 }
] as const;

/** One shot: a name and how to get the page there from a fresh tab. */
interface Shot {
	name: string;
	open(page: Page, origin: string): Promise<void>;
}

const ready = (page: Page) =>
	page.locator('html[data-state="ready"]').waitFor({ timeout: 120_000 });

/** Opens a path and waits until the page says it is ready. */
const visit = (path: string) => async (page: Page, origin: string) => {
	await page.goto(new URL(path, origin).href);
	await ready(page);
};

const SHOTS: Shot[] = [
	{ name: 'dashboard', open: visit('/') },
	{ name: 'rapport', open: visit('/rapport') },
	{ name: 'rapport-publicatie', open: visit('/rapport?modus=publicatie') },
	{ name: 'briefing', open: visit('/briefing') },
	{ name: 'import', open: visit('/import') },
	{ name: 'verantwoording', open: visit('/verantwoording') },
	{ name: 'toegankelijkheid', open: visit('/toegankelijkheid') },
	{
		name: 'dashboard-ddas',
		async open(page, origin) {
			await visit('/')(page, origin);
			await page
				.locator('input[type="file"][multiple]')
				.setInputFiles(resolve('data/vroegsignalering-haarlem.json'));
			await page.locator('[data-section="vroegsignalering"]').waitFor({ timeout: 120_000 });
			await ready(page);
		}
	},
	{
		name: 'koppelen',
		async open(page, origin) {
			await visit('/')(page, origin);
			await page
				.locator('input[type="file"][multiple]')
				.setInputFiles(resolve('data/bronnen/elan-wonen-huurincasso.csv'));
			await page.getByTestId('koppelen-aanbod').waitFor({ timeout: 120_000 });
			await page.getByRole('link', { name: 'Kolommen koppelen' }).click();
			await page.waitForURL((url) => url.pathname === '/koppelen');
			await page.getByTestId('voorbeeld').waitFor();
			await ready(page);
		}
	}
];

/** The whole page, and the page in parts of at most 1,600 px (a long page in one image is too small to read). */
async function save(page: Page, stem: string): Promise<string[]> {
	const files = [`${stem}.png`];
	await page.screenshot({ path: files[0], fullPage: true });
	const { width, height } = await page.evaluate(() => ({
		width: document.documentElement.clientWidth,
		height: document.documentElement.scrollHeight
	}));
	for (let y = 0, part = 1; y < height; y += 1600, part++) {
		const file = `${stem}-deel${part}.png`;
		const clip = { x: 0, y, width, height: Math.min(1600, height - y) };
		await page.screenshot({ path: file, fullPage: true, clip });
		files.push(file);
	}
	return files;
}

/** Takes every shot at every width into `out`; resolves to the files written. */
export async function takeScreenshots(options: { dir: string; out: string; only?: string[] }) {
	mkdirSync(options.out, { recursive: true });
	const server = await startServer({ dir: options.dir, port: 0 });
	const origin = new URL(server.url).origin;
	let browser: Browser | undefined;
	const written: string[] = [];
	try {
		browser = await launchChromium();
		for (const shot of SHOTS) {
			if (options.only && !options.only.includes(shot.name)) continue;
			for (const viewport of VIEWPORTS) {
				const context = await browser.newContext({
					viewport,
					locale: 'nl-NL',
					timezoneId: 'Europe/Amsterdam'
				});
				const page = await context.newPage();
				await shot.open(page, origin);
				// Charts draw after the figures: give them one frame and their animation time.
				await page.waitForTimeout(400);
				written.push(...(await save(page, `${options.out}/${shot.name}-${viewport.width}`)));
				await context.close();
			}
		}
	} finally {
		await browser?.close();
		await server.close();
	}
	return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { values } = parseArgs({
		options: {
			out: { type: 'string', default: 'test-results/screens-look' },
			dir: { type: 'string', default: 'build' },
			only: { type: 'string', multiple: true }
		}
	});
	const files = await takeScreenshots({ dir: values.dir!, out: values.out!, only: values.only });
	console.log(`${files.length} schermafdrukken in ${values.out}`);
}
