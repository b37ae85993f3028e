/** 培训: words shared by every training page (nav, categories, formats, statuses). en/training.ts has the same keys. */
export const trainingZh = {
  training: {
    nav: {
      label: '培训页面',
      mine: '我的学习',
      catalogue: '课程目录',
      team: '团队合规',
      skills: '技能矩阵',
      plans: '发展计划',
      settings: '设置',
    },
    categories: { product: '产品知识', sales_skills: '销售技巧', negotiation: '谈判', industry: '行业知识', compliance: '合规' },
    formats: { online: '在线课程', classroom: '线下课堂', video: '视频', document: '文档', workshop: '工作坊' },
    sources: { internal: '内部', external: '外部' },
    statuses: { assigned: '已分配', in_progress: '学习中', completed: '已完成', failed: '未通过', cancelled: '已取消' },
    certificationStatuses: { valid: '有效', expiring: '即将到期', expired: '已过期' },
    enrolmentSources: { manual: '手动分配', trigger: '结果触发', recertification: '复认证' },
    overdue: '已逾期',
    minutes: '{{count}} 分钟',
  },
};
