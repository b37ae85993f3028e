import { postForm } from '../multipart.ts';
import { type Caller, seedOrg, seedUser, type TestApp } from '../testApp.ts';

/**
 * One world for the access matrix (issue 11): organisation A with every role, two teams, and records of every
 * kind owned by rep1 (team 1); organisation B with its own admin and records. Every record is made through the
 * API as the person who would make it, so the world is what the product itself writes.
 * Names carry a marker (`SECRET_A`, `SECRET_B`) so a leak is found by searching any response body for it.
 */
export const SECRET_A = 'ZqA-rep1';
export const SECRET_B = 'ZqB-orgb';

type Res = { statusCode: number; body: string; json: () => any };
async function must(what: string, res: Promise<Res> | Res, status?: number): Promise<any> {
  const r = await res;
  if (status ? r.statusCode !== status : r.statusCode >= 300) throw new Error(`seeding ${what}: ${r.statusCode} ${r.body}`);
  return r.body ? r.json() : undefined;
}

/** The period the manual clock starts in (2026-01-05): figures and targets are asked for it. */
export const PERIOD = '2026-01';
export const FROM = '2025-01-01';
export const TO = '2026-12-31';

export async function seedAccessWorld(t: TestApp) {
  const a = await seedOrg(t, 'Alpha Matrix');
  const b = await seedOrg(t, 'Bravo Matrix');
  const admin = a.admin;
  const levels: { id: string; key: string; rank: number }[] = (await must('levels', admin.get('/api/v1/levels'))).data;
  const [level1, level2] = [...levels].sort((x, y) => x.rank - y.rank);
  const director = await seedUser(t, a.orgId, 'director');
  const manager = await seedUser(t, a.orgId, 'manager', { name: 'Manager One' });
  const team1 = await must('team 1', admin.post('/api/v1/teams', { name: 'Team One', managerId: manager.userId }));
  const team2 = await must('team 2', admin.post('/api/v1/teams', { name: 'Team Two' }));
  // Deleted by the matrix (DELETE /teams/{id}): never the team a caller belongs to.
  const spareTeam = await must('spare team', admin.post('/api/v1/teams', { name: 'Team Spare' }));
  const rep1 = await seedUser(t, a.orgId, 'rep', { teamId: team1.id, levelId: level1.id, name: 'Rep One' });
  // rep1 alone is at the first level, so an assignment rule for that level and team 1 picks rep1 and nobody else.
  const repSame = await seedUser(t, a.orgId, 'rep', { teamId: team1.id, levelId: level2.id, name: 'Rep Same Team' });
  const repOther = await seedUser(t, a.orgId, 'rep', { teamId: team2.id, levelId: level2.id, name: 'Rep Other Team' });
  // Not a caller: the user the matrix adds to account teams and resets passwords of, so no caller's scope moves.
  const spareRep = await seedUser(t, a.orgId, 'rep', { teamId: team2.id, levelId: level2.id, name: 'Rep Spare' });
  const viewer = await seedUser(t, a.orgId, 'viewer');

  const revoked = await must('token', admin.post('/api/v1/api-tokens', { name: 'soon revoked' }));
  await must('revoke token', admin.delete(`/api/v1/api-tokens/${revoked.id}`));
  const rep1Token = await must('rep1 token', rep1.post('/api/v1/api-tokens', { name: 'rep1 token' }));

  const pipelines: { id: string; processType: string; stages: { id: string; key: string }[] }[] = (
    await must('pipelines', rep1.get('/api/v1/pipelines'))
  ).data;
  const short = pipelines.find((p) => p.processType === 'short')!;
  const project = pipelines.find((p) => p.processType === 'project')!;

  // rep1's records: every kind a path names.
  const customer = await must('customer', rep1.post('/api/v1/customers', { name: `${SECRET_A} Customer` }));
  const releasable = await must('customer 2', rep1.post('/api/v1/customers', { name: `${SECRET_A} Releasable` }));
  const pooled = await must('pool customer', rep1.post('/api/v1/customers', { name: 'Pooled Customer' }));
  await must('release', rep1.post(`/api/v1/customers/${pooled.id}/release`, { reason: 'to the pool' }));
  const contact = await must('contact', rep1.post('/api/v1/contacts', { customerId: customer.id, name: `${SECRET_A} Contact` }));
  const lead = await must('lead', rep1.post('/api/v1/leads', { name: `${SECRET_A} Lead` }));
  const lead2 = await must('lead 2', rep1.post('/api/v1/leads', { name: `${SECRET_A} Lead Two` }));
  const assignable = await must('lead 3', rep1.post('/api/v1/leads', { name: `${SECRET_A} Lead Assignable` }));
  const deal = await must(
    'deal',
    rep1.post('/api/v1/deals', { name: `${SECRET_A} Deal`, pipelineId: short.id, customerId: customer.id, amount: '1000' }),
  );
  const projectDeal = await must(
    'project deal',
    rep1.post('/api/v1/deals', { name: `${SECRET_A} Project`, pipelineId: project.id, customerId: customer.id, amount: '5000' }),
  );
  const milestone = await must('milestone', rep1.post(`/api/v1/deals/${projectDeal.id}/milestones`, { name: 'Kick-off' }));
  const dealTask = await must('deal task', rep1.post(`/api/v1/deals/${projectDeal.id}/tasks`, { title: 'Survey', department: 'ops' }));
  const approval = await must(
    'discount approval',
    rep1.post(`/api/v1/deals/${deal.id}/discount-approvals`, {
      lines: [{ productCode: 'P-1', quantity: 1, unitPrice: '1000', discountPct: 40 }],
    }),
  );
  const contract = await must(
    'contract',
    rep1.post('/api/v1/contracts', { number: `${SECRET_A}-K1`, amount: '5000', customerId: customer.id }),
  );
  const planned = await must(
    'installments',
    rep1.put(`/api/v1/contracts/${contract.id}/installments`, { installments: [{ dueOn: '2026-02-01', amount: '5000' }], version: 1 }),
  );
  await must('activate contract', rep1.post(`/api/v1/contracts/${contract.id}/status`, { status: 'active', version: planned.version }));
  await must('payment', rep1.post(`/api/v1/contracts/${contract.id}/payments`, { amount: '100', receivedOn: '2026-01-04' }));
  const activity = await must(
    'activity',
    rep1.post('/api/v1/activities', { kind: 'call', subject: `${SECRET_A} Call`, customerId: customer.id }),
  );
  const task = await must(
    'task',
    rep1.post('/api/v1/tasks', { title: `${SECRET_A} Task`, dueAt: '2026-01-04T09:00:00Z', customerId: customer.id }),
  );
  const serviceRequest = await must(
    'service request',
    rep1.post('/api/v1/service-requests', { customerId: customer.id, title: `${SECRET_A} Service` }),
  );
  const order = await must(
    'order',
    rep1.post('/api/v1/orders', {
      customerId: customer.id,
      orderedAt: '2026-01-02T10:00:00Z',
      lines: [{ productCode: 'P-1', productName: `${SECRET_A} Product`, quantity: 2, unitPrice: '150' }],
    }),
  );
  await must('satisfaction', rep1.post('/api/v1/satisfaction-scores', { customerId: customer.id, score: 4, recordedOn: '2026-01-03' }));

  const plan = await must(
    'follow-up plan',
    manager.post('/api/v1/follow-up-plans', {
      name: 'Matrix cadence',
      target: 'customer',
      tierId: customer.tierId,
      steps: [{ dayOffset: 1, kind: 'call', title: 'Call' }],
    }),
  );
  const enrollment = await must('plan enrolment', rep1.post(`/api/v1/follow-up-plans/${plan.id}/enrollments`, { customerId: customer.id }));
  const cycle = await must('appraisal cycle', director.post('/api/v1/appraisal-cycles', { name: 'Matrix cycle', period: PERIOD }));
  const draft = await must('review', rep1.post('/api/v1/reviews', { cycleId: cycle.id, repId: rep1.userId, kind: 'self' }));
  const review = await must('submit review', rep1.post(`/api/v1/reviews/${draft.id}/submit`, { version: draft.version }));
  const course = await must(
    'course',
    director.post('/api/v1/courses', {
      title: 'Matrix course',
      source: 'internal',
      category: 'sales_skills',
      format: 'online',
      durationMinutes: 30,
      quiz: {
        passScore: 50,
        attemptsAllowed: 3,
        questions: [
          {
            id: 'q1',
            kind: 'single',
            prompt: 'One?',
            options: [
              { id: 'a', text: 'a' },
              { id: 'b', text: 'b' },
            ],
            correct: ['a'],
          },
        ],
      },
    }),
  );
  const enrolment = (
    await must('enrolment', manager.post('/api/v1/enrolments', { courseId: course.id, target: { kind: 'rep', id: rep1.userId } }))
  ).data[0];
  const skill = await must('skill', director.post('/api/v1/skills', { name: 'Matrix skill' }));
  const spareSkill = await must('spare skill', director.post('/api/v1/skills', { name: 'Spare skill' }));
  await must('skill rating', manager.put(`/api/v1/skills-matrix/${rep1.userId}/${skill.id}`, { manager: 3 }));
  const devPlan = await must(
    'development plan',
    manager.post('/api/v1/development-plans', { repId: rep1.userId, targetLevelId: level2.id, title: `${SECRET_A} Plan` }),
  );
  const trigger = await must(
    'training trigger',
    director.post('/api/v1/training-triggers', {
      name: 'Matrix trigger',
      metric: { kind: 'kpi', kpi: 'revenueWon' },
      threshold: '1',
      periodKind: 'month',
      courseId: course.id,
    }),
  );
  const target = (
    await must(
      'target',
      manager.put('/api/v1/targets', { targets: [{ kpi: 'activities', period: PERIOD, repId: rep1.userId, value: 10 }] }),
    )
  ).data[0];
  await must('forecast commit', rep1.put('/api/v1/forecast-commits', { period: PERIOD, amount: '900' }));
  const rule = await must(
    'assignment rule',
    director.post('/api/v1/assignment-rules', {
      entity: 'lead',
      name: 'Matrix rule',
      strategy: 'round_robin',
      eligibleTeamIds: [team1.id],
      eligibleLevelIds: [level1.id],
    }),
  );
  await must('assign lead', manager.post(`/api/v1/assignments/lead/${assignable.id}/assign`));
  const imported = await must(
    'import',
    postForm(manager, '/api/v1/imports', { entity: 'customers', mode: 'dry-run' }, { name: 'c.csv', content: 'name\nImported' }),
    202,
  );
  const jobs: { id: string }[] = (await must('jobs', admin.get('/api/v1/jobs'))).data;
  const webhook = await must('webhook', admin.post('/api/v1/webhooks', { url: 'http://127.0.0.1:9/matrix' }));
  const delivery = await must('webhook test', admin.post(`/api/v1/webhooks/${webhook.id}/test`), 202);
  const notifications: { id: string }[] = (await must('notifications', rep1.get('/api/v1/notifications'))).data;
  if (!notifications.length) throw new Error('seeding: rep1 has no notification');

  // repOther's own customer: lists and figures as repOther must show exactly this one.
  const otherCustomer = await must('rep other customer', repOther.post('/api/v1/customers', { name: 'Other Team Customer' }));

  // Organisation B: its own records, for calls from A with B's ids.
  const bCustomer = await must('B customer', b.admin.post('/api/v1/customers', { name: `${SECRET_B} Customer` }));
  const bLead = await must('B lead', b.admin.post('/api/v1/leads', { name: `${SECRET_B} Lead` }));
  const bPipelines: typeof pipelines = (await must('B pipelines', b.admin.get('/api/v1/pipelines'))).data;
  const bDeal = await must(
    'B deal',
    b.admin.post('/api/v1/deals', { name: `${SECRET_B} Deal`, pipelineId: bPipelines[0].id, customerId: bCustomer.id }),
  );
  const bContact = await must('B contact', b.admin.post('/api/v1/contacts', { customerId: bCustomer.id, name: `${SECRET_B} Contact` }));
  const bTask = await must('B task', b.admin.post('/api/v1/tasks', { title: `${SECRET_B} Task`, dueAt: '2026-01-04T09:00:00Z' }));
  const bActivity = await must(
    'B activity',
    b.admin.post('/api/v1/activities', { kind: 'note', subject: `${SECRET_B} Note`, customerId: bCustomer.id }),
  );
  const bTeam = await must('B team', b.admin.post('/api/v1/teams', { name: `${SECRET_B} Team` }));

  const spare = await must('spare rep', admin.get(`/api/v1/users/${spareRep.userId}`));
  return {
    t,
    spareRepEmail: spare.email as string,
    orgA: a.orgId,
    orgB: b.orgId,
    callers: { admin, director, manager, rep1, repSame, repOther, viewer, adminB: b.admin },
    revokedToken: revoked.token as string,
    users: { rep1: rep1.userId!, spareRep: spareRep.userId!, manager: manager.userId! },
    levels: { level1: level1.id, level2: level2.id },
    teams: { team1: team1.id, team2: team2.id, spare: spareTeam.id },
    pipelines: { short, project },
    ids: {
      customer: customer.id as string,
      releasable: releasable.id as string,
      pooled: pooled.id as string,
      contact: contact.id as string,
      lead: lead.id as string,
      lead2: lead2.id as string,
      assignable: assignable.id as string,
      deal: deal.id as string,
      projectDeal: projectDeal.id as string,
      milestone: milestone.id as string,
      dealTask: dealTask.id as string,
      approval: approval.id as string,
      contract: contract.id as string,
      activity: activity.id as string,
      task: task.id as string,
      serviceRequest: serviceRequest.id as string,
      order: order.id as string,
      plan: plan.id as string,
      enrollment: enrollment.id as string,
      cycle: cycle.id as string,
      review: review.id as string,
      course: course.id as string,
      enrolment: enrolment.id as string,
      skill: skill.id as string,
      spareSkill: spareSkill.id as string,
      devPlan: devPlan.id as string,
      trigger: trigger.id as string,
      target: target.id as string,
      rule: rule.id as string,
      import: imported.id as string,
      job: jobs[0].id,
      webhook: webhook.id as string,
      delivery: delivery.id as string,
      notification: notifications[0].id,
      rep1Token: rep1Token.id as string,
      tier: customer.tierId as string,
      otherCustomer: otherCustomer.id as string,
    },
    b: {
      customer: bCustomer.id as string,
      lead: bLead.id as string,
      deal: bDeal.id as string,
      contact: bContact.id as string,
      task: bTask.id as string,
      activity: bActivity.id as string,
      team: bTeam.id as string,
    },
  };
}
export type AccessWorld = Awaited<ReturnType<typeof seedAccessWorld>>;
export type { Caller };
