import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

/** Every leaf key as a dotted path, e.g. "auth.login.title". */
function keyPaths(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keyPaths(value as object, `${prefix}${key}.`),
  );
}

/** Interpolation placeholders of one message, e.g. ["name"] for "Welcome, {{name}}". */
function placeholders(message: string): string[] {
  return [...message.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

function lookup(messages: object, path: string): string {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], messages) as string;
}

describe('i18n resources', () => {
  it('zh-CN and en have the same key set', () => {
    expect(keyPaths(en).sort()).toEqual(keyPaths(zhCN).sort());
  });

  it('every message is translated (no empty strings)', () => {
    for (const messages of [zhCN, en]) {
      for (const path of keyPaths(messages)) expect(lookup(messages, path), path).not.toBe('');
    }
  });

  it('both languages use the same placeholders in each message', () => {
    for (const path of keyPaths(zhCN)) {
      expect(placeholders(lookup(en, path)), path).toEqual(placeholders(lookup(zhCN, path)));
    }
  });
});
