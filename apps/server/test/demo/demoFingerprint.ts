import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import { rowsOf } from '../../src/db/rows.ts';

/**
 * The content of an organisation without its random parts: every main table projected onto stable columns —
 * references followed to a name, an email or a number instead of an id; no password hashes — and hashed per
 * table. Two organisations made from the same seed and as-of date must have equal fingerprints.
 */
const PROJECTIONS: Record<string, string> = {
  users: `select u.email, u.name, u.role, t.name, l.key, u.hire_date, u.created_at from users u
    left join teams t on t.org_id = u.org_id and t.id = u.team_id left join levels l on l.org_id = u.org_id and l.id = u.level_id where u.org_id = $org`,
  teams: `select t.name, t.region, m.email from teams t join users m on m.org_id = t.org_id and m.id = t.manager_id where t.org_id = $org`,
  levels: `select key, max_customers, max_open_deals, max_contract_amount from levels where org_id = $org`,
  customers: `select c.name, c.external_id, t.key, o.email, c.industry, c.region, c.source, c.phone, c.address, c.tags, c.status,
    c.last_contact_at, c.owned_since, c.created_at from customers c join tiers t on t.org_id = c.org_id and t.id = c.tier_id
    left join users o on o.org_id = c.org_id and o.id = c.owner_id where c.org_id = $org`,
  contacts: `select c.name, k.name, k.title, k.seniority, k.buying_role, k.phone, k.email, k.created_at from contacts k
    join customers c on c.org_id = k.org_id and c.id = k.customer_id where k.org_id = $org`,
  orders: `select o.external_id, c.name, o.ordered_at, o.amount, o.created_at from orders o join customers c on c.org_id = o.org_id and c.id = o.customer_id where o.org_id = $org`,
  order_lines: `select o.external_id, l.line_no, l.product_code, l.product_name, l.category, l.quantity, l.unit_price from order_lines l
    join orders o on o.org_id = l.org_id and o.id = l.order_id where l.org_id = $org`,
  deals: `select d.name, c.name, p.process_type, s.key, o.email, d.amount, d.expected_close_date, d.loss_reason, d.forecast_category,
    d.created_at, d.closed_at, d.stage_entered_at from deals d join pipelines p on p.org_id = d.org_id and p.id = d.pipeline_id
    join stages s on s.org_id = d.org_id and s.id = d.stage_id join users o on o.org_id = d.org_id and o.id = d.owner_id
    left join customers c on c.org_id = d.org_id and c.id = d.customer_id where d.org_id = $org`,
  deal_stage_history: `select d.name, d.created_at, s.key, h.entered_at, h.left_at from deal_stage_history h
    join deals d on d.org_id = h.org_id and d.id = h.deal_id join stages s on s.org_id = h.org_id and s.id = h.stage_id where h.org_id = $org`,
  deal_parts: `select d.name, d.created_at, l.product_code, l.quantity, l.discount_pct, (select count(*) from deal_contacts x where x.org_id = d.org_id and x.deal_id = d.id),
    (select string_agg(m.name || ':' || m.status, ',' order by m.name) from deal_milestones m where m.org_id = d.org_id and m.deal_id = d.id)
    from deals d left join deal_lines l on l.org_id = d.org_id and l.deal_id = d.id where d.org_id = $org`,
  leads: `select l.external_id, l.name, l.company, l.status, l.score, l.source, o.email, l.created_at, l.converted_at from leads l
    left join users o on o.org_id = l.org_id and o.id = l.owner_id where l.org_id = $org`,
  contracts: `select k.number, c.name, k.amount, k.status, k.signed_on, k.ends_on, k.created_at from contracts k
    join customers c on c.org_id = k.org_id and c.id = k.customer_id where k.org_id = $org`,
  installments: `select k.number, i.position, i.due_on, i.amount from installments i join contracts k on k.org_id = i.org_id and k.id = i.contract_id where i.org_id = $org`,
  payments: `select k.number, p.received_on, p.amount, p.method, p.reference from payments p join contracts k on k.org_id = p.org_id and k.id = p.contract_id where p.org_id = $org`,
  approvals: `select a.kind, a.status, a.details->>'number', a.details->>'amount', a.details->>'limit', r.email, a.decided_at, a.created_at from approvals a join users r on r.org_id = a.org_id and r.id = a.requested_by where a.org_id = $org`,
  activities: `select a.kind, a.subject, a.notes, a.outcome, a.occurred_at, a.duration_minutes, c.name, l.external_id, k.name, o.email, a.location,
    a.latitude, a.longitude, jsonb_array_length(a.contact_ids), jsonb_array_length(a.user_ids), a.created_at from activities a
    join users o on o.org_id = a.org_id and o.id = a.owner_id left join customers c on c.org_id = a.org_id and c.id = a.customer_id
    left join leads l on l.org_id = a.org_id and l.id = a.lead_id left join contacts k on k.org_id = a.org_id and k.id = a.contact_id where a.org_id = $org`,
  tasks: `select t.title, t.due_at, t.status, t.source, t.priority, u.email, c.name, t.completed_at, t.created_at from tasks t
    join users u on u.org_id = t.org_id and u.id = t.assignee_id left join customers c on c.org_id = t.org_id and c.id = t.customer_id where t.org_id = $org`,
  service_requests: `select c.name, r.title, r.status, r.priority, r.channel, r.opened_at, r.sla_due_at, r.first_answered_at, r.resolved_at
    from service_requests r join customers c on c.org_id = r.org_id and c.id = r.customer_id where r.org_id = $org`,
  pool_events: `select c.name, e.kind, u.email, e.reason, e.at from pool_events e join customers c on c.org_id = e.org_id and c.id = e.customer_id
    left join users u on u.org_id = e.org_id and u.id = e.user_id where e.org_id = $org`,
  tier_changes: `select c.name, f.key, t.key, x.source, x.reason, x.effective_at from tier_changes x join customers c on c.org_id = x.org_id and c.id = x.customer_id
    left join tiers f on f.org_id = x.org_id and f.id = x.from_tier_id join tiers t on t.org_id = x.org_id and t.id = x.to_tier_id where x.org_id = $org`,
  account_teams: `select c.name, u.email, m.role, m.access from account_team_members m join customers c on c.org_id = m.org_id and c.id = m.customer_id
    join users u on u.org_id = m.org_id and u.id = m.user_id where m.org_id = $org`,
  assignment_log: `select a.entity, u.email, a.at from assignment_log a left join users u on u.org_id = a.org_id and u.id = a.assigned_user_id where a.org_id = $org`,
  targets: `select t.kpi, t.period, r.email, m.name, l.key, t.value from targets t left join users r on r.org_id = t.org_id and r.id = t.rep_id
    left join teams m on m.org_id = t.org_id and m.id = t.team_id left join levels l on l.org_id = t.org_id and l.id = t.level_id where t.org_id = $org`,
  appraisal_cycles: `select name, period, status, quantitative_weight, attainment_cap, jsonb_array_length(level_schemes) from appraisal_cycles where org_id = $org`,
  reviews: `select c.period, r.kind, u.email, r.ratings, r.comment, r.status, r.submitted_at from reviews r join appraisal_cycles c on c.org_id = r.org_id and c.id = r.cycle_id
    join users u on u.org_id = r.org_id and u.id = r.rep_id where r.org_id = $org`,
  forecast_commits: `select u.email, f.period, f.amount, f.committed_at from forecast_commits f join users u on u.org_id = f.org_id and u.id = f.rep_id where f.org_id = $org`,
  satisfaction_scores: `select c.name, s.score, s.recorded_on, s.external_id, o.email from satisfaction_scores s join customers c on c.org_id = s.org_id and c.id = s.customer_id
    left join users o on o.org_id = s.org_id and o.id = s.owner_id where s.org_id = $org`,
  level_history: `select u.email, f.key, t.key, h.effective_on, h.reason from level_history h join users u on u.org_id = h.org_id and u.id = h.user_id
    left join levels f on f.org_id = h.org_id and f.id = h.from_level_id left join levels t on t.org_id = h.org_id and t.id = h.to_level_id where h.org_id = $org`,
  commission_plans: `select l.key, p.base_rate, p.accelerators from commission_plans p join levels l on l.org_id = p.org_id and l.id = p.level_id where p.org_id = $org`,
  courses: `select title, description, source, provider, category, format, duration_minutes, materials, quiz, certification, active, created_at, version
    from courses where org_id = $org`,
  curriculum_items: `select l.key, c.title, i.purpose from curriculum_items i join levels l on l.org_id = i.org_id and l.id = i.level_id
    join courses c on c.org_id = i.org_id and c.id = i.course_id where i.org_id = $org`,
  enrolments: `select c.title, r.email, e.source, e.assigned_via, a.email, e.due_on, e.status, e.progress, e.quiz_score, e.passed, e.attempts_used,
    e.started_at, e.completed_at, e.due_soon_notified_at, e.overdue_notified_at, e.created_at from enrolments e
    join courses c on c.org_id = e.org_id and c.id = e.course_id join users r on r.org_id = e.org_id and r.id = e.rep_id
    left join users a on a.org_id = e.org_id and a.id = e.assigned_by where e.org_id = $org`,
  quiz_attempts: `select c.title, r.email, e.created_at, q.attempt_number, q.answers, q.score, q.passed, q.submitted_at from quiz_attempts q
    join enrolments e on e.org_id = q.org_id and e.id = q.enrolment_id join courses c on c.org_id = e.org_id and c.id = e.course_id
    join users r on r.org_id = q.org_id and r.id = q.rep_id where q.org_id = $org`,
  certifications: `select r.email, c.title, x.name, x.granted_on, x.expires_on, x.renewal_enrolled_at, x.created_at, e.created_at from certifications x
    join users r on r.org_id = x.org_id and r.id = x.rep_id join courses c on c.org_id = x.org_id and c.id = x.course_id
    join enrolments e on e.org_id = x.org_id and e.id = x.enrolment_id where x.org_id = $org`,
  skills: `select name, category, description, version from skills where org_id = $org`,
  skill_assessments: `select r.email, s.name, a.self_level, a.manager_level, a.self_at, a.manager_at, m.email, a.version from skill_assessments a
    join users r on r.org_id = a.org_id and r.id = a.rep_id join skills s on s.org_id = a.org_id and s.id = a.skill_id
    left join users m on m.org_id = a.org_id and m.id = a.manager_id where a.org_id = $org`,
  development_plans: `select r.email, l.key, p.title, p.due_on, p.status, p.notes, u.email, p.created_at, p.version,
    (select string_agg(concat_ws(':', g->>'kind', g->>'kpi', g->>'target', g->>'periodKind', c.title, s.name, g->>'level', g->>'dueOn'), ',' order by n)
      from jsonb_array_elements(p.goals) with ordinality as x(g, n) left join courses c on c.org_id = p.org_id and c.id::text = g->>'courseId'
      left join skills s on s.org_id = p.org_id and s.id::text = g->>'skillId')
    from development_plans p join users r on r.org_id = p.org_id and r.id = p.rep_id join levels l on l.org_id = p.org_id and l.id = p.target_level_id
    left join users u on u.org_id = p.org_id and u.id = p.created_by where p.org_id = $org`,
  training_triggers: `select t.name, t.metric, t.threshold, t.period_kind, t.min_sample, c.title, t.due_days, cardinality(t.team_ids), cardinality(t.level_ids),
    t.enabled, t.created_at, t.version from training_triggers t join courses c on c.org_id = t.org_id and c.id = t.course_id where t.org_id = $org`,
  training_trigger_runs: `select t.name, x.period, x.evaluated, x.fired, x.ran_at, u.email from training_trigger_runs x
    join training_triggers t on t.org_id = x.org_id and t.id = x.trigger_id left join users u on u.org_id = x.org_id and u.id = x.ran_by where x.org_id = $org`,
  training_trigger_fires: `select t.name, f.period, r.email, f.value, f.threshold, f.sample, f.outcome, e.created_at, f.fired_at from training_trigger_fires f
    join training_triggers t on t.org_id = f.org_id and t.id = f.trigger_id join users r on r.org_id = f.org_id and r.id = f.rep_id
    left join enrolments e on e.org_id = f.org_id and e.id = f.enrolment_id where f.org_id = $org`,
  audit_log: `select entity, action, at from audit_log where org_id = $org`,
};

export async function demoFingerprint(db: Db, orgId: string): Promise<Record<string, string>> {
  if (!/^[0-9a-f-]{36}$/.test(orgId)) throw new Error(`not an id: ${orgId}`);
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    const out: Record<string, string> = {};
    for (const [table, query] of Object.entries(PROJECTIONS)) {
      const q = `select count(*)::int as n, md5(coalesce(string_agg(r::text, '|' order by r::text), '')) as h from (${query.replaceAll('$org', `'${orgId}'`)}) r`;
      const [row] = rowsOf<{ n: number; h: string }>(await tx.execute(sql.raw(q)));
      out[table] = `${row.n}:${row.h}`;
    }
    return out;
  });
}
