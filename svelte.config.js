import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ fallback: undefined, strict: true }),
		// Prerendered pages carry this policy in a <meta>; src/cli/serve.ts also sends it as a
		// header (plus frame-ancestors, which a <meta> cannot carry). SvelteKit adds the hashes
		// of its inline bootstrap script to script-src.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				// DuckDB-WASM compiles its .wasm: allowed by 'wasm-unsafe-eval', not 'unsafe-eval'.
				'script-src': ['self', 'wasm-unsafe-eval'],
				// The DuckDB and import workers are files of the site itself; no blob: workers.
				'worker-src': ['self'],
				'connect-src': ['self'],
				'img-src': ['self', 'data:', 'blob:'],
				// Stylesheets only from the site; inline style *attributes* (app.html's wrapper,
				// Svelte's style: directives) need 'unsafe-inline' in style-src-attr, since hashes
				// do not cover attributes without 'unsafe-hashes'. No inline <style> elements.
				'style-src': ['self'],
				'style-src-attr': ['unsafe-inline'],
				'font-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
