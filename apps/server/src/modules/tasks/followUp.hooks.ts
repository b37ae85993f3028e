import type { Tx } from '../../db/client.ts';

export type ContactEvent = {
  orgId: string;
  customerId: string;
  dealId?: string | null;
  /** When the contact happened (the activity's occurredAt). */
  at: Date;
  /** False for a call nobody answered: it does not stop plans waiting for the customer to answer. */
  answered: boolean;
};

/**
 * Called by the activities module, in the activity's transaction, after a contact is logged:
 * moves the customer's open cadence task to the next due date and stops follow-up plans
 * waiting for the customer to answer.
 */
export async function onCustomerContacted(_tx: Tx, _event: ContactEvent): Promise<void> {
  // Implemented with the tasks module (issue 5, follow-up tasks).
}
