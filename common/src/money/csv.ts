import { toDecimalString, type Money } from './money.js';

/*
 * Money in CSV exports, one rule for the server's and the apps' files: every amount is in major
 * units of the row's currency, as an exact decimal with the currency's exponent, and its column
 * says so in the header; a `currency` column names the currency of each row.
 */

/** The header of a money column: `revenue` -> `revenue_major_units`. */
export function moneyCsvHeader(name: string): string {
  return `${name}_major_units`;
}

/** The cell of a money column. */
export function moneyCsvCell(money: Money): string {
  return toDecimalString(money);
}
