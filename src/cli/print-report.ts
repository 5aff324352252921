/**
 * The printed report from the command line: the built site's /rapport page in headless Chromium,
 * with the same files loaded through its file picker, printed to PDF. So the PDF is exactly what
 * the browser prints.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from './chromium';
import { startServer } from './serve';

export interface PrintOptions {
	/** The exchange files to load, as paths. */
	files: string[];
	/** The selection (and `modus`) as query parameters of the page. */
	query: URLSearchParams;
	/** The page to print: the report or the briefing. */
	page: 'rapport' | 'briefing';
	/** The built site (default `build`). */
	buildDir?: string;
}

/** Prints the report page for these files and selection; resolves to the PDF bytes. */
export async function printReportPdf(options: PrintOptions): Promise<Uint8Array> {
	const dir = options.buildDir ?? 'build';
	if (!existsSync(path.join(dir, 'index.html'))) {
		throw new Error(`geen gebouwde site in ${dir}/: voer eerst npm run build uit`);
	}
	const server = await startServer({ dir, port: 0 });
	const browser = await launchChromium();
	try {
		const page = await browser.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await page.goto(`${server.url}?${options.query}`);
		await page.locator('html[data-state="ready"]').waitFor({ timeout: 60_000 });
		await page.setInputFiles('input[type="file"]', options.files);
		// The demo banner goes once the files are loaded (or an alert says why not).
		await page
			.locator('.demo-banner')
			.waitFor({ state: 'detached', timeout: 300_000 })
			.catch(() => undefined);
		const alert = page.locator('[role="alert"]');
		if (await alert.count())
			throw new Error((await alert.first().textContent()) ?? 'fout op de pagina');
		await page.locator(`a[href^="/${options.page}"]`).first().click();
		await page.waitForURL(`**/${options.page}?**`);
		await page.locator('html[data-state="ready"]').waitFor({ timeout: 60_000 });
		await page.locator('article[data-print-mode]').waitFor();
		await page.waitForFunction(() =>
			[...document.querySelectorAll('canvas')].every((canvas) => canvas.width > 0)
		);
		if (errors.length) throw new Error(errors.join('; '));
		await page.emulateMedia({ media: 'print' });
		return await page.pdf({ preferCSSPageSize: true, printBackground: true });
	} finally {
		await browser.close();
		await server.close();
	}
}
