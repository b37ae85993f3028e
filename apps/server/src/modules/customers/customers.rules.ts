/** Digits only: how phone numbers are compared ("+86 138-0000-1234" finds "13800001234"). */
export function phoneDigits(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  return digits.length ? digits : null;
}

/** Escapes LIKE wildcards so a user's search text matches literally. */
export const likeLiteral = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Tags are compared trimmed and de-duplicated, keeping the order given. */
export const normaliseTags = (tags: string[] | undefined) => [...new Set((tags ?? []).map((t) => t.trim()).filter(Boolean))];
