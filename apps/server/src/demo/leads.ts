import type { TLeadScoringRuleInput } from '@tierline/contracts';
import { createActivity } from '../modules/activities/activities.usecases.ts';
import { assignRecord } from '../modules/assignment/assignments.usecases.ts';
import { convertLead } from '../modules/leads/leadConvert.usecases.ts';
import { replaceScoringRules } from '../modules/leads/leadScoring.usecases.ts';
import { createLead, getVisibleLead, updateLead } from '../modules/leads/leads.usecases.ts';
import { as, type DemoCustomer, type DemoWorld, scaled } from './demoWorld.ts';
import type { Rng } from './random.ts';
import { companyOf, INDUSTRIES, LEAD_SOURCES, LEAD_TITLES, mobileOf, personOf, SALES_REGIONS } from './vocabulary.ts';

const SCORING_RULES: TLeadScoringRuleInput[] = [
  { kind: 'field', label: '来自展会或转介绍', field: 'source', operator: 'in', value: ['展会', '转介绍', '渠道伙伴'], points: 20 },
  { kind: 'field', label: '决策层职位', field: 'title', operator: 'contains', value: '总', points: 15 },
  { kind: 'field', label: '留有邮箱', field: 'email', operator: 'present', points: 10 },
  { kind: 'field', label: '重点行业', field: 'industry', operator: 'in', value: ['制造业', '汽车零部件', '电子电器'], points: 15 },
  { kind: 'activity', label: '已电话沟通', activityKind: 'call', points: 10 },
  { kind: 'activity', label: '已拜访', activityKind: 'visit', points: 20 },
];

type Status = 'new' | 'working' | 'qualified' | 'disqualified' | 'converted';
const STATUSES: [Status, number][] = [
  ['new', 28],
  ['working', 30],
  ['qualified', 14],
  ['disqualified', 12],
  ['converted', 16],
];

/**
 * Leads of the last half year from the usual sources, with lead scoring rules in place. Most are entered by the
 * reps who found them; the rest land unassigned with the team's manager and go through the assignment rules
 * (a few still wait in the inbox). Some are duplicates of other leads or of customers. They are worked — a call,
 * an email — qualified or disqualified, and some converted into customer, contact and deal in one go.
 * The customers and deals of conversions join the world, so activities follow them.
 */
export async function createLeads(w: DemoWorld, rng: Rng) {
  await replaceScoringRules(as(w, w.admin, w.time.at(-200, 9 * 60)), SCORING_RULES);
  const earlier: { company: string; phone: string; email: string | null }[] = [];
  const n = scaled(w, 150, 8);
  const plans = Array.from({ length: n }, () => ({ day: rng.int(-180, -1) })).sort((a, b) => a.day - b.day);
  for (const [i, { day }] of plans.entries()) {
    const r = rng.weighted(
      SALES_REGIONS.map((_, k) => k),
      (k) => SALES_REGIONS[k].weight,
    );
    const team = w.teams[r];
    const industry = rng.weighted(INDUSTRIES, (x) => x.weight);
    const city = rng.pick(SALES_REGIONS[r].cities);
    const company = companyOf(rng, city.name, industry);
    const person = personOf(rng);
    const fields = { company: company.name, phone: mobileOf(rng), email: rng.chance(0.7) ? `${person.local}@${company.domain}` : null };
    const roll = rng.next();
    if (earlier.length && roll < 0.06) Object.assign(fields, { phone: rng.pick(earlier).phone });
    else if (earlier.length && roll < 0.1) Object.assign(fields, { company: rng.pick(earlier).company });
    else if (roll < 0.13) fields.company = rng.pick(w.customers).name;
    const duplicate = roll < 0.13;
    earlier.push(fields);
    const byManager = rng.chance(0.35);
    const finder = rng.pick(team.reps.filter((x) => x.levelKey !== 'senior'));
    const createdAt = w.time.officeHours(rng, day);
    const { lead } = await createLead(as(w, byManager ? team.manager : finder, createdAt), {
      name: person.name,
      ...fields,
      title: rng.pick(LEAD_TITLES),
      source: rng.pick(LEAD_SOURCES),
      region: team.region.region,
      industry: industry.industry,
      externalId: `XS${String(i + 1).padStart(5, '0')}`,
      ownerId: byManager ? null : finder.id,
    });
    let ownerId = lead.ownerId;
    if (byManager && rng.chance(0.9))
      ownerId = (await assignRecord(as(w, team.manager, new Date(createdAt.getTime() + 20 * 60_000)), 'lead', lead.id)).ownerId;
    const owner = team.reps.find((x) => x.id === ownerId);
    if (!owner) continue; // still in the inbox
    const drawn = day > -7 ? 'new' : rng.weighted(STATUSES, (x) => x[1])[0];
    // A duplicate is not converted a second time: it is disqualified (or merged by hand, later).
    const status = duplicate && drawn === 'converted' ? 'disqualified' : drawn;
    if (status === 'new') continue;
    const touched = new Date(
      Math.max(w.time.officeHours(rng, Math.min(day + rng.int(1, 5), -1)).getTime(), createdAt.getTime() + 3_600_000),
    );
    await createActivity(as(w, owner, new Date(touched.getTime() + 15 * 60_000)), {
      kind: rng.pick(['call', 'call', 'email'] as const),
      subject: rng.pick(['首次电话沟通，了解需求', '发送公司介绍与产品资料', '电话确认采购时间表']),
      outcome: rng.pick(['reached', 'interested', 'no_answer'] as const),
      occurredAt: touched.toISOString(),
      leadId: lead.id,
    });
    const later = new Date(touched.getTime() + 60 * 60_000);
    const current = await getVisibleLead(as(w, owner, later), lead.id);
    const worked = await updateLead(as(w, owner, later), lead.id, current.version, {
      status: status === 'converted' ? 'qualified' : status,
    });
    if (status !== 'converted') continue;
    const converted = await convertLead(as(w, owner, new Date(later.getTime() + 30 * 60_000)), lead.id, worked.version, {
      customer: { name: fields.company, industry: industry.industry, region: team.region.region },
      contact: { name: person.name, seniority: 'manager', buyingRole: 'decision_maker' },
      deal: { name: `${company.shortName}首单采购`, pipelineId: w.pipelines.short.id, amount: String(rng.int(3, 30) * 5000) },
    });
    const customer: DemoCustomer = {
      id: converted.customerId,
      externalId: '',
      name: fields.company,
      shortName: company.shortName,
      domain: company.domain,
      industry: industry.industry,
      city,
      district: city.districts[0],
      team,
      plannedTier: 'smb',
      spendWeight: 0,
      owner,
      createdDay: w.time.dayOf(later),
      lastContactDay: null,
      contacts: [{ id: converted.contactId, name: person.name, title: '', buyingRole: 'decision_maker' }],
    };
    w.customers.push(customer);
    if (converted.dealId)
      w.deals.push({
        id: converted.dealId,
        name: `${company.shortName}首单采购`,
        customer,
        owner,
        processType: 'short',
        amount: '0',
        createdDay: customer.createdDay,
        outcome: 'open',
        closedDay: null,
      });
  }
}
