/** Analytics: the shared words of the analytics pages (nav, filters, exports); zh-CN/analytics.ts has the same keys. */
export const analyticsEn = {
  analytics: {
    nav: { label: 'Analytics', pipeline: 'Funnel', forecast: 'Forecast', tiers: 'Customer tiers', market: 'Market' },
    window: {
      label: 'Period',
      thisMonth: 'This month',
      thisQuarter: 'This quarter',
      lastQuarter: 'Last quarter',
      thisYear: 'This year',
      last12Months: 'Last 12 months',
    },
    filters: {
      team: 'Team',
      region: 'Region',
      level: 'Rep level',
      tier: 'Customer tier',
      pipeline: 'Sales process',
      compare: 'Compare with previous',
    },
    asOf: 'Figures as of {{time}}',
    refresh: 'Refresh',
    asOfRefresh: 'Figures as of {{time}}: click to compute them now',
    export: 'Export data',
    empty: 'No data in this period',
    vsPrevious: 'vs previous period',
    noPrevious: 'No figure for the previous period to compare with',
    previous: 'Previous',
    current: 'Current',
    openRecords: 'Open records',
    deals: { name: 'Deal', stage: 'Stage', amount: 'Amount', owner: 'Owner', expectedClose: 'Expected close' },
  },
};
