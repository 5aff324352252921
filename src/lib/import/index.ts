/** The import module's public API: `importFiles` and the rejected-rows download. */
export { importFiles } from './combine';
export { rejectedRowsCsv } from './rejected-csv';
export { describeFinding } from './personal-data';
export type * from './types';
