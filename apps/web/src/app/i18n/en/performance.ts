/** 绩效: scorecards, leaderboards, targets, appraisal cycles (the performance pages). */
export const performanceEn = {
  performance: {
    title: 'Performance',
  },
};
