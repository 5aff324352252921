/** The columns of the one protected table (protected-figures.ts) and the id of a cell in it. */

export const TOTAL = 'totaal';
export const PREVIOUS = 'vorige';
export const corporationColumn = (label: string) => `corporatie:${label}`;
export const halfYearColumn = (key: string) => `halfjaar:${key}`;
export const gemeenteColumn = (code: string) => `gemeente:${code}`;

/** The id of one cell: column and the figure's dotted path. */
export const cellId = (column: string, path: string) => `${column}|${path}`;
