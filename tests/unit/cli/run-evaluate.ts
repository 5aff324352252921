/** Runs `src/cli/evaluate.ts` in a child process, as `npm run evaluate` does; never throws. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const TSX = path.resolve('node_modules/.bin/tsx');

/** The exit code, standard output and standard error of one run. */
export async function evaluate(
	args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
	try {
		const { stdout, stderr } = await run(TSX, ['src/cli/evaluate.ts', ...args], {
			maxBuffer: 1 << 26
		});
		return { code: 0, stdout, stderr };
	} catch (error) {
		const e = error as { code: number; stdout: string; stderr: string };
		return { code: e.code, stdout: e.stdout, stderr: e.stderr };
	}
}
