/**
 * Fuzzing as a habit (issue 19): generated hostile exchange CSVs, DDAS deliveries and source
 * profiles with their exports, a few seconds here; `npm run fuzz-inputs` runs the same properties
 * for as long as asked. The checks per input are in src/cli/fuzz/inputs.ts.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import {
	checkDdas,
	checkExchange,
	checkProfile,
	ddasInput,
	exchangeInput,
	profileInput
} from '../../../src/cli/fuzz/inputs';

const RUNS = 60;

describe('hostile inputs (property)', () => {
	it('exchange CSVs: no throw, in time, refused in Dutch or balanced, exports read back', async () => {
		await fc.assert(fc.asyncProperty(exchangeInput, checkExchange), { numRuns: RUNS });
	}, 60_000);

	it('DDAS deliveries: no throw, in time, refused in Dutch or balanced, no client data', async () => {
		await fc.assert(fc.asyncProperty(ddasInput, checkDdas), { numRuns: RUNS });
	}, 60_000);

	it('profiles and their exports: the key and the pseudonymised values are never shown', async () => {
		await fc.assert(fc.asyncProperty(profileInput, checkProfile), { numRuns: RUNS });
	}, 60_000);
});
