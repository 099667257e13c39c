import { describe, expect, test } from 'vitest';
import { csvCell, csvText } from '../src/index.js';

describe('CSV cells', () => {
  test('text a spreadsheet would run as a formula gets a leading apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1 great')).toBe("'+1 great");
    expect(csvCell('-rude')).toBe("'-rude");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
  });

  test('numbers stay numbers, negative ones included', () => {
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell('-3')).toBe('-3');
    expect(csvCell('1.500')).toBe('1.500');
    expect(csvCell(0)).toBe('0');
  });

  test('quotes, commas and line breaks are quoted (RFC 4180); null is empty', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
  });

  test('a file: header row, rows, CRLF after every line', () => {
    expect(
      csvText(
        ['a', 'b'],
        [
          [1, 'x,y'],
          [null, '=1+1'],
        ],
      ),
    ).toBe('a,b\r\n1,"x,y"\r\n,\'=1+1\r\n');
    expect(csvText(['only'], [])).toBe('only\r\n');
  });
});
