/** Placeholder until built (issue 9). */
export {};
