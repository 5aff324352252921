/** The CSV writer under its former name, for the DDAS import report's download; see csv-writer.ts. */
export { escapeCsvCell, toExcelCsv } from './csv-writer';
