export { csvCell, csvText, type CsvValue } from './csv-cell.js';
