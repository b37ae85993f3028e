/**
 * How leads are recognised as the same person or company: each contact field is reduced to a key,
 * and two records with an equal key are duplicates. Pure functions, so every case is a table row
 * in leads.rules.test.ts. The choices are explained in docs/decisions/0011-lead-duplicates.md.
 */

/** Mailbox providers known to ignore dots and `+tag`s in the local part; elsewhere both may be significant. */
const DOT_BLIND_DOMAINS: Record<string, string> = { 'gmail.com': 'gmail.com', 'googlemail.com': 'gmail.com' };

/**
 * Lower-cased and trimmed; for Gmail addresses also without dots and `+tag` (Gmail delivers
 * `j.o.h.n+crm@gmail.com` to `john@gmail.com`). Other providers are left alone: on a company domain
 * `j.smith` and `jsmith` may be two people, and a false "duplicate" costs more than a missed one.
 */
export function emailKey(email: string | null | undefined): string | null {
  const e = email?.trim().toLowerCase();
  if (!e) return null;
  const at = e.lastIndexOf('@');
  if (at <= 0 || at === e.length - 1) return e;
  const domain = DOT_BLIND_DOMAINS[e.slice(at + 1)];
  if (!domain) return e;
  const local = e.slice(0, at).split('+')[0].replaceAll('.', '');
  return local ? `${local}@${domain}` : e;
}

/** A mainland China mobile number: 11 digits starting 13–19. */
const CN_MOBILE = /^1[3-9]\d{9}$/;
/** Fewer digits than this is an extension or a typo, not something to match people on. */
const MIN_PHONE_DIGITS = 6;

/**
 * Digits only, so "+86 138-0000-1234", "0086 13800001234", "8613800001234" and "138 0000 1234"
 * all become 13800001234. The China country code is dropped when what follows is a CN mobile;
 * after an explicit `+86`/`0086` a landline gets its domestic trunk 0 back ("+86 21 6123 4567"
 * → 02161234567, as it is written at home). Other numbers keep every digit.
 */
export function phoneKey(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const raw = phone.trim();
  let digits = raw.replace(/\D/g, '');
  const explicitCn = /^(\+|00)\s*86/.test(raw);
  if (digits.startsWith('0086')) digits = digits.slice(2);
  if (digits.startsWith('86') && CN_MOBILE.test(digits.slice(2))) digits = digits.slice(2);
  else if (explicitCn && digits.startsWith('86')) {
    const rest = digits.slice(2).replace(/^0/, '');
    digits = rest.length >= 9 ? `0${rest}` : digits;
  }
  return digits.length >= MIN_PHONE_DIGITS ? digits : null;
}

/** Legal-form words that say nothing about which company it is; longest first so the longest wins. */
const CN_SUFFIXES = [
  '集团股份有限公司',
  '集团有限责任公司',
  '集团有限公司',
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '集团公司',
  '集团',
  '分公司',
  '公司',
];
const EN_SUFFIX_WORDS = new Set([
  'co',
  'company',
  'corp',
  'corporation',
  'inc',
  'incorporated',
  'ltd',
  'limited',
  'llc',
  'llp',
  'lp',
  'plc',
  'gmbh',
  'ag',
  'kg',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'oy',
  'ab',
  'as',
  'pte',
  'pty',
  'kk',
  'group',
  'holdings',
]);

/**
 * The company name reduced to what identifies it: full-width forms folded (NFKC), lower-cased,
 * trailing legal forms removed (有限公司, 股份有限公司, 集团, Co., Ltd., Inc., LLC, GmbH …, repeatedly,
 * so "Acme Group Co., Ltd." → "acme"), then punctuation and spaces dropped. A name that is
 * nothing but a legal form keeps its words rather than becoming empty.
 */
export function companyKey(company: string | null | undefined): string | null {
  if (!company) return null;
  const words = company
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  for (;;) {
    const last = words.at(-1);
    if (last === undefined || words.length === 1) break;
    if (EN_SUFFIX_WORDS.has(last) || CN_SUFFIXES.includes(last)) {
      words.pop();
      continue;
    }
    const cn = CN_SUFFIXES.find((s) => last.endsWith(s) && last.length > s.length);
    if (cn) {
      words[words.length - 1] = last.slice(0, -cn.length);
      continue;
    }
    break;
  }
  let key = words.join('');
  // A single word may still end in a Chinese legal form ("华为技术有限公司" is one word).
  for (let cn = findCnSuffix(key); cn; cn = findCnSuffix(key)) key = key.slice(0, -cn.length);
  return key.length ? key : null;
}

/** The legal form a key ends in; none when the key is nothing but one (that is kept as the name). */
const findCnSuffix = (key: string) =>
  CN_SUFFIXES.includes(key) ? undefined : CN_SUFFIXES.find((s) => key.endsWith(s) && key.length > s.length);

export type LeadKeys = { emailKey: string | null; phoneKey: string | null; companyKey: string | null };

export const leadKeys = (lead: { email?: string | null; phone?: string | null; company?: string | null }): LeadKeys => ({
  emailKey: emailKey(lead.email),
  phoneKey: phoneKey(lead.phone),
  companyKey: companyKey(lead.company),
});

export type MatchedOn = 'email' | 'phone' | 'company';

/** Which keys two records share; empty when they are not duplicates. */
export function sharedKeys(a: LeadKeys, b: LeadKeys): MatchedOn[] {
  const on: MatchedOn[] = [];
  if (a.emailKey && a.emailKey === b.emailKey) on.push('email');
  if (a.phoneKey && a.phoneKey === b.phoneKey) on.push('phone');
  if (a.companyKey && a.companyKey === b.companyKey) on.push('company');
  return on;
}

/** Fields a merge may fill on the kept lead: only those it lacks, never overwriting what it has. */
export const MERGE_FILLABLE = ['company', 'title', 'email', 'phone', 'source', 'region', 'industry'] as const;
type Fillable = (typeof MERGE_FILLABLE)[number];

type FillableFields = Record<Fillable, string | null>;

export function mergeFill(kept: FillableFields, other: FillableFields): Partial<Record<Fillable, string>> {
  const fill: Partial<Record<Fillable, string>> = {};
  for (const f of MERGE_FILLABLE) {
    const mine = kept[f];
    const theirs = other[f];
    if ((mine === null || mine.trim() === '') && theirs !== null && theirs.trim() !== '') fill[f] = theirs;
  }
  return fill;
}

/**
 * The digit strings a customer's stored phone (all digits, country code kept) may have for this
 * key: 13800001234 is also written 8613800001234 or 008613800001234; 02161234567 as 862161234567.
 */
export function phoneDigitVariants(key: string | null): string[] {
  if (!key) return [];
  if (CN_MOBILE.test(key)) return [key, `86${key}`, `0086${key}`];
  if (/^0[1-9]/.test(key)) return [key, `86${key.slice(1)}`, `0086${key.slice(1)}`];
  return [key];
}
