import type { TServiceRequest } from '@tierline/contracts';
import type { ServiceRequestRecord, ServiceRequestRow } from './serviceRequests.repository.ts';
import { firstResponseMinutes, isBreached, isHighlighted, slaRemainingMinutes } from './serviceRequests.rules.ts';

/** What the API shows of a request as of `now`: its columns, the SLA figures and the highlight. No database row leaks out. */
export function serviceRequestView(record: ServiceRequestRecord, now: Date): TServiceRequest {
  const r: ServiceRequestRow = record.row;
  return {
    id: r.id,
    customerId: r.customerId,
    customerName: record.customerName,
    contactId: r.contactId,
    title: r.title,
    description: r.description,
    channel: r.channel,
    priority: r.priority,
    status: r.status,
    ownerId: r.ownerId,
    teamId: r.teamId,
    tierId: r.tierId,
    tierKey: record.tierKey,
    slaHours: r.slaHours,
    openedAt: r.openedAt.toISOString(),
    slaDueAt: r.slaDueAt?.toISOString() ?? null,
    firstAnsweredAt: r.firstAnsweredAt?.toISOString() ?? null,
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    resolution: r.resolution,
    breached: isBreached(r, now),
    slaRemainingMinutes: slaRemainingMinutes(r, now),
    firstResponseMinutes: firstResponseMinutes(r.openedAt, r.firstAnsweredAt),
    highlight: isHighlighted(record.tierRank, record.lowestRank),
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

/** The row as the audit log records it: its own columns only. */
export const auditView = (r: ServiceRequestRow) => ({
  customerId: r.customerId,
  contactId: r.contactId,
  title: r.title,
  description: r.description,
  channel: r.channel,
  priority: r.priority,
  status: r.status,
  ownerId: r.ownerId,
  teamId: r.teamId,
  tierId: r.tierId,
  slaHours: r.slaHours,
  openedAt: r.openedAt.toISOString(),
  slaDueAt: r.slaDueAt?.toISOString() ?? null,
  firstAnsweredAt: r.firstAnsweredAt?.toISOString() ?? null,
  resolvedAt: r.resolvedAt?.toISOString() ?? null,
  resolution: r.resolution,
  version: r.version,
});
