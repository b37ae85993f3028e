/** 绩效: scorecards, leaderboards, targets, appraisal cycles (the performance pages). */
export const performanceZh = {
  performance: {
    title: '绩效',
  },
};
