/**
 * Golden-file check: compares text with tests/golden/<name>.txt. Locally a difference (or a
 * missing file) is written to <name>-changed.txt next to it for review; under CI=true nothing is
 * written. Either way the test fails until the golden file matches.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const GOLDEN_DIR = fileURLToPath(new URL('../../golden/', import.meta.url));

export async function expectGolden(name: string, actual: string): Promise<void> {
	const expectedPath = `${GOLDEN_DIR}${name}.txt`;
	const changedPath = `${GOLDEN_DIR}${name}-changed.txt`;
	const expected = await readFile(expectedPath, 'utf8').catch(() => null);
	const ci = process.env.CI === 'true';
	if (!ci) {
		if (expected === actual) await rm(changedPath, { force: true });
		else await writeFile(changedPath, actual, 'utf8');
	}
	const hint = ci ? 'run the tests locally to write' : 'see';
	expect(expected, `${name}.txt is missing (${hint} ${name}-changed.txt)`).not.toBeNull();
	expect(actual, `${name}.txt differs (${hint} ${name}-changed.txt)`).toBe(expected);
}
