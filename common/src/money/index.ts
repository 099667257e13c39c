export { currencyExponent, isCurrencyCode } from './currency.js';
export {
  formatMajorUnits,
  formatMoney,
  parseMajorUnits,
  toDecimalString,
  toInputText,
  toMajorUnits,
  type Money,
} from './money.js';
export { moneyCsvCell, moneyCsvHeader } from './csv.js';
