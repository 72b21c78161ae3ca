import assert from 'node:assert/strict';

/**
 * Reads a file as Excel with Danish settings does (written independently of cards/shared/excel-csv.ts, so
 * a test of the writer does not read with the writer's own assumptions): a UTF-8 byte order mark, fields
 * separated by ";", records ended by CRLF, a field in double quotes may hold ";", CR, LF and doubled quotes.
 * Fails on a bare LF or CR between records, a quote inside an unquoted field, or an unclosed quote.
 */
export function readExcelCsv(text: string): string[][] {
  assert.ok(text.startsWith('\uFEFF'), 'the file starts with a UTF-8 byte order mark');
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let index = 1;
  const endField = () => {
    record.push(field);
    field = '';
  };
  while (index < text.length) {
    const char = text[index] ?? '';
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 2;
      } else if (char === '"') {
        quoted = false;
        index += 1;
        const next = text[index];
        assert.ok(next === ';' || next === '\r', `a closing quote is followed by ";" or CRLF, at ${index}`);
      } else {
        field += char;
        index += 1;
      }
      continue;
    }
    if (char === '"') {
      assert.equal(field, '', `a quote inside an unquoted field, at ${index}`);
      quoted = true;
      index += 1;
    } else if (char === ';') {
      endField();
      index += 1;
    } else if (char === '\r') {
      assert.equal(text[index + 1], '\n', `a CR without LF at ${index}`);
      endField();
      records.push(record);
      record = [];
      index += 2;
    } else {
      assert.notEqual(char, '\n', `a bare LF ends a line at ${index}: lines must end with CRLF`);
      field += char;
      index += 1;
    }
  }
  assert.ok(!quoted, 'an unclosed quote at the end of the file');
  assert.ok(field === '' && record.length === 0, 'the last line ends with CRLF');
  return records;
}

/** The records as objects by the header row's names. */
export function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = readExcelCsv(text);
  assert.ok(header !== undefined, 'a header row');
  return rows.map((row) => {
    assert.equal(row.length, header.length, `a row of ${row.length} fields under a header of ${header.length}`);
    return Object.fromEntries(header.map((name, index) => [name, row[index] ?? '']));
  });
}

/** A number as Danish Excel reads it ("66,7" → 66.7); undefined for an empty field. Fails on anything else. */
export function danishNumber(field: string | undefined): number | undefined {
  if (field === undefined || field === '') return undefined;
  assert.match(field, /^-?\d+(,\d+)?$/, `"${field}" is a number with a decimal comma and no grouping`);
  return Number(field.replace(',', '.'));
}
