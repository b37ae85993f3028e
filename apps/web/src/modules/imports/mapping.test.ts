import { IMPORT_ENTITIES, IMPORT_FIELDS, type TImportField, type TImportMapping } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { en } from '../../app/i18n/en.ts';
import { zhCN } from '../../app/i18n/zh-CN.ts';
import {
  buildImportForm,
  buildPreviewForm,
  cleanMapping,
  completeRecordsLength,
  entitiesFor,
  fieldsByColumn,
  fileFormat,
  hasValueMap,
  IMPORT_ENTITY_LIST,
  IMPORT_MODES,
  IMPORT_STATUSES,
  isCategoryColumn,
  missingRequired,
  offersCreateMissingCustomers,
  previewPart,
  progressPercent,
  realRunMode,
  setColumn,
  setDefault,
  setValue,
  unmappedValues,
  unusedColumns,
  valuesToMap,
} from './mapping.ts';

const field = (key: string, extra: Partial<TImportField> = {}): TImportField => ({ key, required: false, kind: 'text', ...extra });

const encode = (text: string) => new TextEncoder().encode(text);

describe('entities', () => {
  it('lists every entity of the contracts, in the contracts order', () => {
    expect([...IMPORT_ENTITY_LIST]).toEqual([...IMPORT_ENTITIES]);
  });

  it('offers the users import to admins only', () => {
    expect(entitiesFor('admin')).toContain('users');
    for (const role of ['director', 'manager', 'rep', 'viewer'] as const) {
      expect(entitiesFor(role)).not.toContain('users');
      expect(entitiesFor(role)).toHaveLength(IMPORT_ENTITY_LIST.length - 1);
    }
  });

  it('offers to create missing customers exactly where a row names a customer', () => {
    for (const entity of IMPORT_ENTITY_LIST) {
      const namesCustomer = (IMPORT_FIELDS[entity] as readonly string[]).includes('customer');
      expect(offersCreateMissingCustomers(entity), entity).toBe(namesCustomer);
    }
  });
});

describe('the file', () => {
  it('knows CSV and xlsx by the name, whatever the case', () => {
    expect(fileFormat('客户.CSV')).toBe('csv');
    expect(fileFormat('orders.xlsx')).toBe('xlsx');
    expect(fileFormat('orders.xls')).toBeNull();
    expect(fileFormat('notes.txt')).toBeNull();
  });

  it('cuts after the last complete record, never inside a quoted field', () => {
    expect(completeRecordsLength(encode('a,b\n1,2\n3,'))).toBe(8);
    expect(completeRecordsLength(encode('a,b\r\n1,2\r\n'))).toBe(10);
    // The newline inside "x\ny" is part of a field; the record ends at the one after it.
    expect(completeRecordsLength(encode('a,b\n1,"x\ny"\n2,"open\nstill'))).toBe(12);
    // A doubled quote is an escaped quote, not the end of the field.
    expect(completeRecordsLength(encode('a\n"say ""hi""\nok"\n'))).toBe(18);
    expect(completeRecordsLength(encode('no newline at all'))).toBe(0);
    // Chinese text (multi-byte UTF-8) does not confuse the scan.
    const text = '名称,地区\n华东钢铁,上海\n华北';
    expect(new TextDecoder().decode(encode(text).slice(0, completeRecordsLength(encode(text))))).toBe('名称,地区\n华东钢铁,上海\n');
  });

  it('sends a small CSV or any xlsx whole, and the head of a large CSV', async () => {
    const small = new File(['a,b\n1,2\n'], 'small.csv');
    expect(await previewPart(small)).toBe(small);
    const xlsx = new File([new Uint8Array(50)], 'big.xlsx');
    expect(await previewPart(xlsx, 10)).toBe(xlsx);
    const large = new File(['name,city\nAcme,"Shang\nhai"\nBeta,Beijing\n'], 'large.csv');
    const part = await previewPart(large, 30);
    expect(await part.text()).toBe('name,city\nAcme,"Shang\nhai"\n');
  });

  it('puts the file last in both forms', () => {
    const file = new File(['a\n1\n'], '客户.csv');
    const preview = buildPreviewForm('customers', file, file.name);
    expect([...preview.keys()]).toEqual(['entity', 'file']);
    expect((preview.get('file') as File).name).toBe('客户.csv');

    const start = buildImportForm({
      entity: 'orders',
      mode: 'skip-invalid',
      mapping: { orderNumber: { column: '订单号' }, currency: { default: '' }, customer: { column: 'cust', values: { a: '' } } },
      options: { createMissingCustomers: true },
      file,
    });
    expect([...start.keys()]).toEqual(['entity', 'mode', 'mapping', 'options', 'file']);
    expect(start.get('mode')).toBe('skip-invalid');
    expect(JSON.parse(start.get('mapping') as string)).toEqual({ orderNumber: { column: '订单号' }, customer: { column: 'cust' } });
    expect(JSON.parse(start.get('options') as string)).toEqual({ createMissingCustomers: true });
    expect((start.get('file') as File).name).toBe('客户.csv');
  });

  it('drops createMissingCustomers where it does not apply', () => {
    const form = buildImportForm({
      entity: 'leads',
      mode: 'dry-run',
      mapping: {},
      options: { createMissingCustomers: true },
      file: new File([''], 'l.csv'),
    });
    expect(JSON.parse(form.get('options') as string)).toEqual({});
  });
});

describe('editing the mapping', () => {
  const guessed: TImportMapping = {
    name: { column: '客户名称' },
    status: { column: '状态', values: { 成交: 'active' } },
    tier: { default: 'A' },
  };

  it('sets and clears a column; another column drops the old value map, the default stays', () => {
    const withOwner = setColumn(guessed, 'owner', '负责人');
    expect(withOwner.owner).toEqual({ column: '负责人' });
    expect(guessed.owner).toBeUndefined(); // never mutated
    expect(setColumn(guessed, 'status', '状态')).toBe(guessed);
    expect(setColumn(guessed, 'status', 'Status').status).toEqual({ column: 'Status' });
    const withDefault = setDefault(guessed, 'status', 'prospect');
    expect(setColumn(withDefault, 'status', undefined).status).toEqual({ default: 'prospect' });
  });

  it('sets and clears a default', () => {
    expect(setDefault(guessed, 'name', '未命名').name).toEqual({ column: '客户名称', default: '未命名' });
    expect(setDefault(guessed, 'tier', '').tier).toEqual({});
    expect(setDefault(guessed, 'tier', undefined).tier).toEqual({});
  });

  it('adds, changes and removes value map entries', () => {
    let m = setValue(guessed, 'status', '停止', 'inactive');
    expect(m.status?.values).toEqual({ 成交: 'active', 停止: 'inactive' });
    m = setValue(m, 'status', '成交', 'prospect');
    expect(m.status?.values).toEqual({ 成交: 'prospect', 停止: 'inactive' });
    m = setValue(m, 'status', '成交', undefined);
    m = setValue(m, 'status', '停止', '');
    expect(m.status).toEqual({ column: '状态' });
    expect(guessed.status?.values).toEqual({ 成交: 'active' });
  });

  it('sends only fields with a column or a default', () => {
    expect(cleanMapping({ ...guessed, owner: {}, team: { default: '  ' }, region: { values: { a: 'b' } } })).toEqual(guessed);
  });

  it('names the required fields left without a column or a default', () => {
    const fields = [
      field('externalId'),
      field('name', { required: true }),
      field('tier', { required: true }),
      field('owner', { required: true }),
    ];
    expect(missingRequired(fields, guessed).map((f) => f.key)).toEqual(['owner']);
    expect(missingRequired(fields, setColumn(guessed, 'name', undefined)).map((f) => f.key)).toEqual(['name', 'owner']);
    expect(missingRequired(fields, setDefault(guessed, 'owner', 'me@example.com'))).toEqual([]);
  });

  it('tells which columns no field reads and which fields read each column', () => {
    const m = setColumn(guessed, 'industry', '客户名称');
    expect(unusedColumns(['客户名称', '状态', '备注'], m)).toEqual(['备注']);
    expect(fieldsByColumn(m).get('客户名称')).toEqual(['name', 'industry']);
  });
});

describe('value maps', () => {
  const status = field('status', { kind: 'enum', options: ['prospect', 'active', 'inactive'] });
  const distinct = { 状态: ['成交', 'Active', ' ', '停止合作'], 名称: ['Acme'] };

  it('offers the mapped column’s non-blank values', () => {
    expect(valuesToMap({ column: '状态' }, distinct)).toEqual(['成交', 'Active', '停止合作']);
    expect(valuesToMap({ default: 'x' }, distinct)).toEqual([]);
    expect(valuesToMap(undefined, distinct)).toEqual([]);
  });

  it('warns of enum values that are neither an option nor mapped (options compared case-insensitively)', () => {
    expect(unmappedValues(status, { column: '状态' }, distinct)).toEqual(['成交', '停止合作']);
    expect(unmappedValues(status, { column: '状态', values: { 成交: 'active' } }, distinct)).toEqual(['停止合作']);
    expect(unmappedValues(field('name'), { column: '名称' }, distinct)).toEqual([]);
  });
});

describe('which fields get a value map', () => {
  const preview = {
    columns: ['名称', '行业', '负责人', '状态', '金额'],
    sampleRows: [
      ['Acme', '制造', '张三', '成交', '100'],
      ['Beta', '能源', '李四', '潜在', '100'],
      ['Gamma', '制造', '张三', '', '200'],
    ],
    distinctValues: {
      名称: ['Acme', 'Beta', 'Gamma'],
      行业: ['制造', '能源'],
      负责人: ['张三', '李四'],
      状态: ['成交', '潜在'],
      金额: ['100', '200'],
    },
  };

  it('knows category columns: values repeat in the sample and stay under the cap', () => {
    expect(isCategoryColumn('行业', preview)).toBe(true);
    expect(isCategoryColumn('名称', preview)).toBe(false);
    expect(isCategoryColumn('状态', preview)).toBe(false); // no repeat in the sample
    const many = { ...preview, distinctValues: { ...preview.distinctValues, 行业: Array.from({ length: 50 }, (_, i) => `v${i}`) } };
    expect(isCategoryColumn('行业', many)).toBe(false);
  });

  it('offers one for enums with a column, and for text-like fields reading a category column', () => {
    const status = field('status', { kind: 'enum', options: ['prospect', 'active'] });
    expect(hasValueMap(status, { column: '状态' }, preview)).toBe(true);
    expect(hasValueMap(status, { default: 'active' }, preview)).toBe(false);
    expect(hasValueMap(field('industry'), { column: '行业' }, preview)).toBe(true);
    expect(hasValueMap(field('owner', { kind: 'lookup' }), { column: '负责人' }, preview)).toBe(true);
    expect(hasValueMap(field('name'), { column: '名称' }, preview)).toBe(false);
    // An order's lines repeat its number, which is still no category.
    expect(hasValueMap(field('orderNumber'), { column: '行业' }, preview)).toBe(false);
    expect(hasValueMap(field('amount', { kind: 'money' }), { column: '金额' }, preview)).toBe(false);
  });
});

describe('the run', () => {
  it('reports progress, indeterminate while the total is unknown', () => {
    expect(progressPercent({ status: 'queued', total: null, processed: 0 })).toBeNull();
    expect(progressPercent({ status: 'running', total: 200, processed: 50 })).toBe(25);
    expect(progressPercent({ status: 'running', total: 3, processed: 2 })).toBe(66);
    expect(progressPercent({ status: 'running', total: 0, processed: 0 })).toBe(0);
    expect(progressPercent({ status: 'succeeded', total: 200, processed: 199 })).toBe(100);
    expect(progressPercent({ status: 'failed', total: null, processed: 0 })).toBe(100);
  });

  it('preselects skipping invalid rows for the real run when the dry run found some', () => {
    expect(realRunMode({ errorCount: 3 })).toBe('skip-invalid');
    expect(realRunMode({ errorCount: 0 })).toBe('all-or-nothing');
  });
});

describe('labels', () => {
  const lookup = (messages: object, path: string) =>
    path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], messages);

  it('has a label for every entity, field, mode and status in both languages', () => {
    for (const messages of [zhCN, en]) {
      for (const entity of IMPORT_ENTITIES) {
        expect(typeof lookup(messages, `imports.entities.${entity}`), entity).toBe('string');
        for (const key of IMPORT_FIELDS[entity]) {
          expect(typeof lookup(messages, `imports.fields.${entity}.${key}`), `${entity}.${key}`).toBe('string');
        }
      }
      for (const mode of IMPORT_MODES) expect(typeof lookup(messages, `imports.modes.${mode}`), mode).toBe('string');
      for (const status of IMPORT_STATUSES) expect(typeof lookup(messages, `imports.statuses.${status}`), status).toBe('string');
    }
  });
});
