/** Debian's Chromium, headless, as the report printer, the e2e tests and the benchmark start it. */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Where Chromium is: `CHROMIUM_PATH`, else Debian's package (`apt-get install chromium`). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a closed network: without the background-networking ones Chromium calls home at start. */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** Launches headless Chromium with the project's flags (plus any extra ones). */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
	return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** Headless Chromium with the project's flags on a profile kept in `dir` (a returning visitor). */
export function launchPersistentChromium(dir: string): Promise<BrowserContext> {
	return chromium.launchPersistentContext(dir, {
		executablePath: CHROMIUM_PATH,
		args: CHROMIUM_ARGS,
		locale: 'nl-NL',
		timezoneId: 'Europe/Amsterdam'
	});
}
