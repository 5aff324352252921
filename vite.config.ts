import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { precompress, precompressSummary } from './src/cli/precompress.ts';

/**
 * After the adapter has written build/: brotli and gzip copies for src/cli/serve.ts to send
 * (quick settings for the large files, cached in .cache/precompress; see src/cli/precompress.ts).
 */
function precompressBuild(): Plugin {
	let ssr = false;
	return {
		name: 'precompress-build',
		apply: 'build',
		configResolved(config) {
			ssr = Boolean(config.build.ssr);
		},
		closeBundle: {
			sequential: true,
			order: 'post',
			async handler() {
				// SvelteKit's adapter runs at the end of the server build; the site is complete then.
				if (!ssr) return;
				console.log(precompressSummary(await precompress('build')));
			}
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), precompressBuild()],
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
