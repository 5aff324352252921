import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { precompress, precompressSummary } from './src/cli/precompress.ts';

/**
 * A step once the adapter has written build/ (SvelteKit's adapter runs at the end of the server
 * build; the site is complete then). Steps run in the order of the plugins.
 */
function afterSiteWritten(name: string, step: () => Promise<void>): Plugin {
	let ssr = false;
	return {
		name,
		apply: 'build',
		configResolved(config) {
			ssr = Boolean(config.build.ssr);
		},
		closeBundle: {
			sequential: true,
			order: 'post',
			async handler() {
				if (ssr) await step();
			}
		}
	};
}

/**
 * The demo's first view, computed by the same code on the same engine as the page
 * (src/cli/demo-snapshot.ts), in its own process (it needs the Node engine, not the build's).
 * A failure fails the build.
 */
const demoSnapshotBuild = afterSiteWritten('demo-snapshot-build', async () => {
	const tsx = new URL('./node_modules/tsx/dist/cli.mjs', import.meta.url).pathname;
	const { stdout } = await promisify(execFile)(process.execPath, [
		tsx,
		'src/cli/demo-snapshot.ts',
		'build'
	]);
	console.log(stdout.trim());
});

/**
 * Brotli and gzip copies for src/cli/serve.ts to send (quick settings for the large files, cached
 * in .cache/precompress; see src/cli/precompress.ts).
 */
const precompressBuild = afterSiteWritten('precompress-build', async () => {
	console.log(precompressSummary(await precompress('build')));
});

export default defineConfig({
	// The snapshot is written before the copies are compressed (closeBundle hooks run in this order).
	plugins: [sveltekit(), demoSnapshotBuild, precompressBuild],
	build: {
		// A data: URL would be blocked by the CSP (connect-src 'self'): ship the demo CSVs as files.
		assetsInlineLimit: (file) => (file.endsWith('.csv') ? false : undefined)
	},
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					environment: 'node',
					// The CLI tests start a tsx process per run (several per test): generous on a busy machine.
					testTimeout: 180_000,
					hookTimeout: 120_000
				}
			},
			{
				// The built site (`build/`) in Chromium: run `vite build` first (npm run test does).
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					environment: 'node',
					testTimeout: 180_000,
					hookTimeout: 120_000,
					fileParallelism: false
				}
			}
		]
	}
});
