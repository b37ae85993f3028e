/**
 * The parsed type of a contracts schema, for schemas that have no exported T-type.
 * Used with `import type`, so zod itself never reaches the browser bundle (its JIT would need
 * 'unsafe-eval', which our CSP forbids).
 */
export type Infer<S extends { parse: (data: unknown) => unknown }> = ReturnType<S['parse']>;

/** A page of a cursor-paginated list, as every list endpoint returns it. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
