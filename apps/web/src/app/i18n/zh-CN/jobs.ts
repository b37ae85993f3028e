/** 后台任务 (zh-CN). en/jobs.ts has the same keys. */
export const jobsZh = {
  jobs: {
    title: '后台任务',
    subtitle: '公海回收、跟进任务、提醒等在后台按计划运行；失败的任务会自动重试，重试用尽后显示在这里。',
    kind: '任务',
    statusLabel: '状态',
    allStatuses: '全部状态',
    kindPlaceholder: '按任务类型筛选',
    attempts: '尝试次数',
    runAt: '计划时间',
    finishedAt: '完成时间',
    outcome: '结果 / 错误',
    retry: '重试',
    retried: '已重新排队',
    system: '系统',
    backlog: '有任务自 {{time}} 起等待执行：后台进程可能未运行',
    status: { queued: '排队中', running: '运行中', succeeded: '成功', failed: '失败' },
    kinds: {
      pool_sweep: '公海回收',
      jobs_purge: '清理旧任务',
      tasks_cadence: '跟进节奏任务',
      tasks_plans: '跟进计划',
      tasks_reminders: '任务提醒',
      service_requests_sla: '服务时限提醒',
      webhooks_deliver: 'Webhook 推送',
    },
  },
};
