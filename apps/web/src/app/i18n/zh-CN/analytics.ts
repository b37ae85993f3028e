/** 数据分析: the shared words of the analytics pages (nav, filters, exports); en/analytics.ts has the same keys. */
export const analyticsZh = {
  analytics: {
    nav: { label: '数据分析', pipeline: '销售漏斗', forecast: '销售预测', tiers: '客户分级', market: '市场分析' },
    window: {
      label: '统计期间',
      thisMonth: '本月',
      thisQuarter: '本季度',
      lastQuarter: '上季度',
      thisYear: '今年',
      last12Months: '近 12 个月',
    },
    filters: { team: '团队', region: '区域', level: '销售职级', tier: '客户等级', pipeline: '销售流程', compare: '对比上期' },
    asOf: '数据更新于 {{time}}',
    refresh: '刷新',
    asOfRefresh: '数据更新于 {{time}}，点击重新计算',
    export: '导出数据',
    empty: '该期间内没有数据',
    vsPrevious: '较上期',
    noPrevious: '上期无数据，无法比较',
    previous: '上期',
    current: '本期',
    openRecords: '查看明细',
    deals: { name: '商机', stage: '阶段', amount: '金额', owner: '负责人', expectedClose: '预计成交' },
  },
};
