import { describe, expect, it } from 'vitest';
import { companyKey, emailKey, leadKeys, mergeFill, phoneDigitVariants, phoneKey, sharedKeys } from './leads.rules.ts';

describe('email key', () => {
  it.each([
    ['  Li.Wei@Example.COM ', 'li.wei@example.com'], // trimmed and lower-cased, dots kept off Gmail
    ['li.wei+crm@example.com', 'li.wei+crm@example.com'], // a + on a company domain may be part of the name
    ['J.O.H.N+newsletter@Gmail.com', 'john@gmail.com'], // Gmail ignores dots and +tags
    ['john@googlemail.com', 'john@gmail.com'], // the same mailbox under Google's other domain
    ['zhang.san@qq.com', 'zhang.san@qq.com'], // QQ Mail treats dots as significant
    ['+tag@gmail.com', '+tag@gmail.com'], // nothing left of the local part: keep as given
    ['not-an-email', 'not-an-email'],
    ['', null],
    ['   ', null],
    [null, null],
  ])('%s → %s', (input, key) => expect(emailKey(input)).toBe(key));
});

describe('phone key', () => {
  it.each([
    ['138 0000 1234', '13800001234'],
    ['138-0000-1234', '13800001234'],
    ['+86 138 0000 1234', '13800001234'], // country code dropped for a CN mobile
    ['+86-13800001234', '13800001234'],
    ['0086 13800001234', '13800001234'],
    ['8613800001234', '13800001234'], // bare 86 before a CN mobile
    ['(+86) 138.0000.1234', '13800001234'],
    ['+86 21 6123 4567', '02161234567'], // a landline gets its domestic trunk 0 back
    ['021-6123-4567', '02161234567'],
    ['+86 (0)21 6123 4567', '02161234567'], // the (0) some people write is not doubled
    ['861012345678', '861012345678'], // bare 86 before something not a mobile: left alone
    ['+1 (415) 555-0100', '14155550100'], // other countries keep every digit
    ['+44 20 7946 0958', '442079460958'],
    ['12345', null], // too short to match people on
    ['ext. 12', null],
    ['', null],
    [null, null],
  ])('%s → %s', (input, key) => expect(phoneKey(input)).toBe(key));

  it.each([
    ['13800001234', ['13800001234', '8613800001234', '008613800001234']],
    ['02161234567', ['02161234567', '862161234567', '00862161234567']],
    ['442079460958', ['442079460958']],
    [null, []],
  ])('a customer may have stored %s as %j', (key, variants) => expect(phoneDigitVariants(key)).toEqual(variants));
});

describe('company key', () => {
  it.each([
    ['华为技术有限公司', '华为技术'],
    ['华为技术 有限公司', '华为技术'], // the legal form as its own word
    ['阿里巴巴集团控股有限公司', '阿里巴巴集团控股'], // 控股 is part of the name, not a legal form
    ['万科企业股份有限公司', '万科企业'],
    ['中信集团', '中信'],
    ['北京字节跳动科技有限责任公司', '北京字节跳动科技'],
    ['腾讯科技（深圳）有限公司', '腾讯科技深圳'], // full-width brackets folded, then dropped as punctuation
    ['ＡＣＭＥ 有限公司', 'acme'], // full-width letters folded
    ['Acme Co., Ltd.', 'acme'],
    ['ACME Inc.', 'acme'],
    ['Acme, LLC', 'acme'],
    ['Acme Group Co., Ltd.', 'acme'], // legal forms stacked
    ['Siemens AG', 'siemens'],
    ['Robert Bosch GmbH', 'robertbosch'], // spaces dropped
    ['Procter & Gamble Co.', 'proctergamble'],
    ['The Company', 'the'], // only trailing legal forms go
    ['Inc.', 'inc'], // nothing but a legal form: keep it rather than match every such name
    ['有限公司', '有限公司'],
    ['  ', null],
    [null, null],
  ])('%s → %s', (input, key) => expect(companyKey(input)).toBe(key));
});

describe('duplicates and merging', () => {
  it('names every key two records share, and none when a key is missing on both', () => {
    const a = leadKeys({ email: 'A@x.com', phone: '+86 13800001234', company: 'X 有限公司' });
    expect(sharedKeys(a, leadKeys({ email: 'a@x.com', phone: '13800001234', company: 'X Ltd' }))).toEqual(['email', 'phone', 'company']);
    expect(sharedKeys(a, leadKeys({ phone: '8613800001234' }))).toEqual(['phone']);
    expect(sharedKeys(leadKeys({}), leadKeys({}))).toEqual([]);
  });

  it('fills only the kept lead’s empty fields, never overwriting', () => {
    const blank = { company: null, title: null, email: null, phone: null, source: null, region: null, industry: null };
    const kept = { ...blank, email: 'kept@x.com', title: ' ' };
    const other = { ...blank, email: 'other@x.com', title: 'CTO', phone: '138', source: null };
    expect(mergeFill(kept, other)).toEqual({ title: 'CTO', phone: '138' });
  });
});
