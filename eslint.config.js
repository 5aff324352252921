import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * The layers of the README's architecture, lowest first. A module may import from its own layer
 * and the ones before it; an import from a later layer fails lint.
 */
const LAYERS = [
	['domain', 'src/lib/domain'],
	['import', 'src/lib/import'],
	['db', 'src/lib/db'],
	['demo', 'src/lib/demo'],
	['metrics', 'src/lib/metrics'],
	['sources', 'src/lib/sources'],
	['worker', 'src/lib/worker'],
	['report', 'src/lib/report'],
	['charts', 'src/lib/charts'],
	['state', 'src/lib/state'],
	['components', 'src/lib/components'],
	['routes', 'src/routes'],
	['cli', 'src/cli']
];

/** `no-restricted-imports` for one layer: every later layer, by `$lib/…` or a relative path. */
function layerRule([name, dir], index) {
	const later = LAYERS.slice(index + 1).map(([n]) => n);
	if (later.length === 0) return [];
	return [
		{
			files: [`${dir}/**/*.ts`, `${dir}/**/*.js`, `${dir}/**/*.svelte`],
			rules: {
				'no-restricted-imports': [
					'error',
					{
						patterns: [
							{
								regex: `^(?:\\$lib/|(?:\\.\\./)+(?:lib/)?)(?:${later.join('|')})(?:/|$)`,
								message: `${name} sits below ${later.join(', ')} (README, Architectuur): move the code down or the import up.`
							}
						]
					}
				]
			}
		}
	];
}

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'bench-cache/', 'data/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	...LAYERS.flatMap(layerRule)
);
