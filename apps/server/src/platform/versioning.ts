import { AppError } from './errors.ts';

/**
 * The version an update is based on, from `If-Match: "3"` or the body's `version`.
 * Required: an update that does not say what it was based on could silently overwrite someone's change.
 */
export function requiredVersion(ifMatch: string | undefined, bodyVersion: number | undefined): number {
  if (bodyVersion !== undefined) return bodyVersion;
  const match = ifMatch?.match(/^(?:W\/)?"?(\d+)"?$/);
  if (match) return Number(match[1]);
  throw new AppError(
    428,
    'version_required',
    'Precondition required',
    'Send the version this change is based on, as If-Match or a version field',
    [{ path: 'version', message: 'required' }],
  );
}

export const etagOf = (version: number) => `"${version}"`;
