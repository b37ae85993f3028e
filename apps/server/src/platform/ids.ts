import { uuidv7 } from 'uuidv7';

/** Time-ordered ids: they index well and sort by creation. */
export const newId = (): string => uuidv7();
