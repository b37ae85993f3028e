/**
 * Follow-up tasks and their reminders, as the app's jobs leave them. The server's job worker runs on the real clock
 * against the benchmark's data: the cadence job would create an open cadence task for every owned customer without
 * one, and the reminders job would notify every open task past due. So the generator writes what those jobs converge
 * to: one open cadence task per owned, undeleted customer, for its owner, due at its last contact (else since when it
 * is owned) plus its tier's cadence days — the tier the recompute just gave it — and every open task's overdue reminder
 * sent (on the reminders job's 5-minute slot after it fell due), with the notification it sent. The jobs then find
 * nothing to do, and the data stays as generated. Each rep also has a few tasks made by hand: open ones overdue, due
 * on AS_OF's day or in the next two weeks, and some done.
 * Before the open cadence task, the customer's earlier ones: a rep who logs a contact by completing the cadence task
 * closes it (done at the contact, on time or late against its due time) and the next one starts — so follow-up
 * compliance (on-time share of cadence tasks due) has a history to measure.
 */
import { notifications } from '../../apps/server/src/modules/notifications/notifications.table.ts';
import { cadenceTitle } from '../../apps/server/src/modules/tasks/tasks.rules.ts';
import { tasks } from '../../apps/server/src/modules/tasks/tasks.table.ts';
import { type Customers, cols, DAY, f, type Gen, HOUR, iso, MINUTE, type People, type RepQuarterStats } from './generate.shared.ts';
import { uuidv7At, WeightedPicker } from './prng.ts';
import { AS_OF } from './scales.ts';
import { TASK_TITLES } from './vocabulary.ts';

/** The reminders job runs every 5 minutes: a reminder goes out at the first slot after the task falls due. */
const REMINDER_SLOT = 5 * MINUTE;
/** Share of contacts logged by completing the customer's cadence task (the others just move it), and of those on time. */
const COMPLETED_BY_CONTACT = 0.6;
const ON_TIME = 0.72;

/** Each customer's contacts (not notes, not deleted), oldest first: customer i's are times[start[i]] … times[start[i + 1] − 1]. */
export type Contacts = { start: Int32Array; times: Float64Array };

export async function generateTasks(g: Gen, orgId: string, people: People, c: Customers, contacts: Contacts, stats: RepQuarterStats) {
  const { loader } = g;
  const n = c.n;
  const asOfMs = AS_OF.getTime();
  const customerTiers = await loader.query<{ id: string; tier_id: string; name: string }>(
    `select id, tier_id, name from customers where org_id = '${orgId}' order by id`,
  );
  if (customerTiers.length !== n || customerTiers.some((r, i) => r.id !== c.ids[i]))
    throw new Error('the customers do not read back in the order they were generated');
  const cadenceDays = new Map(
    (
      await loader.query<{ tier_id: string; cadence_days: number }>(
        `select tier_id, cadence_days from tier_policies where org_id = '${orgId}'`,
      )
    ).map((p) => [p.tier_id, Number(p.cadence_days)]),
  );
  const trng = g.root.fork(10);
  const drng = g.root.fork(20);
  const tw = g.writer(
    tasks,
    cols(
      tasks.orgId,
      tasks.id,
      tasks.title,
      tasks.dueAt,
      tasks.assigneeId,
      tasks.teamId,
      tasks.priority,
      tasks.status,
      tasks.source,
      tasks.activityKind,
      tasks.customerId,
      tasks.completedAt,
      tasks.overdueNotifiedAt,
      tasks.createdBy,
      tasks.createdAt,
      tasks.updatedAt,
    ),
  );
  const slotAfter = (t: number) => (Math.floor(t / REMINDER_SLOT) + 1) * REMINDER_SLOT;
  const reminded: { due: number; id: string; rep: number; title: string; customer: number }[] = [];
  const repCustomers: number[][] = people.repIds.map(() => []);
  let taskSeq = 0;
  let doneCadence = 0;
  for (let i = 0; i < n; i++) {
    const owner = c.ownerOf[i];
    if (owner < 0 || c.deletedOf[i]) continue;
    repCustomers[owner].push(i);
    const days = cadenceDays.get(customerTiers[i].tier_id);
    if (days === undefined) continue;
    const title = cadenceTitle(customerTiers[i].name, 'zh-CN');
    const rep = people.repIds[owner];
    const team = people.teamIds[people.repTeam[owner]];
    // The earlier cadence tasks, each open from the contact before (or since the customer was owned) to its contact.
    let prev = c.createdAt[i];
    let lastDone = Number.NaN;
    for (let k = contacts.start[i]; k < contacts.start[i + 1]; k++) {
      const at = contacts.times[k];
      if (at < prev + 4 * HOUR || !drng.chance(COMPLETED_BY_CONTACT)) {
        prev = Math.max(prev, at);
        continue;
      }
      // Late by an hour to ten days, never so late that it fell due before the contact that opened it.
      const due = drng.chance(ON_TIME)
        ? at + drng.next() * days * DAY
        : at - HOUR - drng.next() * (Math.min(10 * DAY, (at - prev) / 2) - HOUR);
      const created = Math.max(prev, due - days * DAY);
      await tw.row([
        '@ORG@',
        uuidv7At(created, taskSeq++, drng),
        f(title),
        iso(due),
        rep,
        team,
        'normal',
        'done',
        'cadence',
        '',
        c.ids[i],
        iso(at),
        '',
        '',
        iso(created),
        iso(at),
      ]);
      stats.add('cadenceDue', owner, due);
      if (at <= due) stats.add('cadenceOnTime', owner, due);
      doneCadence++;
      lastDone = at;
      prev = at;
    }
    const last = c.lastContactOf[i];
    const due = (Number.isNaN(last) ? c.createdAt[i] : last) + days * DAY;
    // Completing the previous one made this one at once; else it has been there since the customer was owned.
    const created = Number.isNaN(lastDone) ? c.createdAt[i] + trng.int(0, 15) * MINUTE : lastDone;
    const id = uuidv7At(created, taskSeq++, trng);
    reminded.push({ due, id, rep: owner, title, customer: i });
    stats.add('cadenceDue', owner, due);
    await tw.row([
      '@ORG@',
      id,
      f(title),
      iso(due),
      rep,
      team,
      'normal',
      'open',
      'cadence',
      '',
      c.ids[i],
      '',
      iso(slotAfter(due)),
      '',
      iso(created),
      iso(Math.max(created, Number.isNaN(last) ? created : last)),
    ]);
  }
  const priorityPicker = new WeightedPicker([15, 55, 22, 8]);
  const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
  for (let r = 0; r < people.repIds.length; r++) {
    const mine = repCustomers[r];
    const open = trng.int(3, 8);
    const done = trng.int(4, 12);
    for (let k = 0; k < open + done; k++) {
      const isOpen = k < open;
      const what = trng.pick(TASK_TITLES);
      const customer = mine.length && trng.chance(0.85) ? trng.pick(mine) : -1;
      const roll = trng.next();
      // AS_OF is midnight in Shanghai: AS_OF + d days + 9..18 hours is a working hour of that day there.
      const day = !isOpen ? -trng.int(1, 120) : roll < 0.4 ? -trng.int(1, 20) : roll < 0.65 ? 0 : trng.int(1, 14);
      const due = asOfMs + day * DAY + trng.int(9, 18) * HOUR + trng.int(0, 3) * 15 * MINUTE;
      const created = Math.min(due, asOfMs - HOUR) - trng.int(1, 14) * DAY - trng.int(0, 480) * MINUTE;
      const completed = isOpen ? null : Math.max(created, Math.min(due + trng.int(-48, 4) * HOUR, asOfMs - HOUR));
      const id = uuidv7At(created, taskSeq++, trng);
      if (isOpen) reminded.push({ due, id, rep: r, title: what.title, customer });
      await tw.row([
        '@ORG@',
        id,
        f(what.title),
        iso(due),
        people.repIds[r],
        people.teamIds[people.repTeam[r]],
        PRIORITIES[priorityPicker.pick(trng)],
        isOpen ? 'open' : 'done',
        'manual',
        what.kind ?? '',
        customer < 0 ? '' : c.ids[customer],
        completed === null ? '' : iso(completed),
        isOpen ? iso(slotAfter(due)) : '',
        people.repIds[r],
        iso(created),
        iso(completed ?? created),
      ]);
    }
  }
  await tw.close();

  // The overdue reminders, in the order the reminders job sent them; those older than three days before AS_OF mostly read.
  reminded.sort((a, b) => a.due - b.due || (a.id < b.id ? -1 : 1));
  const nw = g.writer(
    notifications,
    cols(
      notifications.orgId,
      notifications.id,
      notifications.userId,
      notifications.kind,
      notifications.params,
      notifications.entity,
      notifications.entityId,
      notifications.createdAt,
      notifications.readAt,
    ),
  );
  const nrng = g.root.fork(11);
  for (let k = 0; k < reminded.length; k++) {
    const t = reminded[k];
    const at = slotAfter(t.due);
    const read = at < asOfMs - 3 * DAY && nrng.chance(0.85) ? at + nrng.int(10, 36 * 60) * MINUTE : null;
    const params = JSON.stringify({
      title: t.title,
      dueAt: iso(t.due),
      customerId: t.customer < 0 ? null : c.ids[t.customer],
      dealId: null,
    });
    await nw.row([
      '@ORG@',
      uuidv7At(at, k, nrng),
      people.repIds[t.rep],
      'task_overdue',
      f(params),
      'task',
      t.id,
      iso(at),
      read === null ? '' : iso(read),
    ]);
  }
  await nw.close();
  g.log(`  tasks: ${tw.rows} rows (${doneCadence} cadence tasks done before the open ones), notifications: ${nw.rows} rows`);
  return [tw, nw].map((w) => ({ table: w.table, rows: w.rows, ms: w.ms }));
}
