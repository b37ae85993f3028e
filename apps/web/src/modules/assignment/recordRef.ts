import type { TAssignmentEntity } from '@tierline/contracts';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const PAGE = new RegExp(`/(customers|deals|leads)/(${UUID})`, 'i');
const BARE = new RegExp(UUID, 'i');
const ENTITY_OF_PATH: Record<string, TAssignmentEntity> = { customers: 'customer', deals: 'deal', leads: 'lead' };

/**
 * A record named by what an admin pasted: a page's address ("…/deals/0197…") says which kind of
 * record it is; a bare id leaves the kind to the picker. Null when the text holds no id.
 */
export function parseRecordRef(text: string): { entity?: TAssignmentEntity; id: string } | null {
  const page = PAGE.exec(text);
  if (page?.[1] && page[2]) return { entity: ENTITY_OF_PATH[page[1].toLowerCase()], id: page[2].toLowerCase() };
  const bare = BARE.exec(text);
  return bare ? { id: bare[0].toLowerCase() } : null;
}
