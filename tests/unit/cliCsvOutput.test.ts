import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument, csvRow } from '../../src/core/export/csvCell.ts';
import { CATEGORY_PALETTE, categoriesFromValues, collectCategoryValues } from '../../src/core/merchants/categoriesFromData.ts';
import { readMerchantsCsv } from '../../src/core/merchants/readMerchantsCsv.ts';

describe('csvCell', () => {
  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x.example","Bấm")')).toBe(`"'=HYPERLINK(""http://x.example"",""Bấm"")"`);
    expect(csvCell('+84 905 000 000')).toBe("'+84 905 000 000");
    expect(csvCell('-SUM(A1)')).toBe("'-SUM(A1)");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('\tx')).toBe(`"'\tx"`);
    expect(csvCell('\rx')).toBe(`"'\rx"`);
  });

  it('keeps numbers as numbers, and quotes delimiters, quotes and line breaks', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('-3.5')).toBe('-3.5');
    expect(csvCell('+12')).toBe('+12');
    expect(csvCell(0.6667)).toBe('0.6667');
    expect(csvCell(NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell('00123')).toBe('00123');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvRow(['Phường Một', 4, ''])).toBe('Phường Một,4,');
    expect(csvDocument([['a', 'b'], [1, 2]])).toBe('\ufeffa,b\r\n1,2\r\n');
  });
});

describe('categories from the data', () => {
  const csv = 'id,name,category,lat,lon,has_qr\n1,A,Thực phẩm,16,108,1\n2,B,thuc pham,16,108,0\n3,C,Thời trang,16,108,1\n4,D,,16,108,1\n5,"E, F",Ăn uống,16,108,0\n';

  it('collects distinct values in one pass, one spelling per folded value, sorted the Vietnamese way', () => {
    expect(collectCategoryValues(csv, {})).toEqual(['Ăn uống', 'Thời trang', 'Thực phẩm']);
    expect(collectCategoryValues('id;name;loại hình;lat;lon;có qr\n1;A;Y tế;16;108;có\n', {})).toEqual(['Y tế']);
    expect(collectCategoryValues('id,name\n1,A\n', {})).toEqual([]);
  });

  it('gives readMerchantsCsv categories whose id and labels are the value, with a deterministic palette', () => {
    const categories = categoriesFromValues(collectCategoryValues(csv, {}));
    expect(categories.map((c) => [c.id, c.label.vi, c.label.en, c.color])).toEqual([
      ['Ăn uống', 'Ăn uống', 'Ăn uống', CATEGORY_PALETTE[0]],
      ['Thời trang', 'Thời trang', 'Thời trang', CATEGORY_PALETTE[1]],
      ['Thực phẩm', 'Thực phẩm', 'Thực phẩm', CATEGORY_PALETTE[2]],
    ]);
    const result = readMerchantsCsv(csv, {}, categories);
    expect(Array.from(result.table.category)).toEqual([2, 2, 1, 3, 0]);
    // Only the empty cell falls outside the list, and is reported.
    expect(result.problems.map((p) => [p.code, p.line])).toEqual([['merchant-unknown-category', 5]]);
    expect(categoriesFromValues(Array.from({ length: 20 }, (_, i) => `c${i}`))[16]?.color).toBe(CATEGORY_PALETTE[0]);
  });
});
