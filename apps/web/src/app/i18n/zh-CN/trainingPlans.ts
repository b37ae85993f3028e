/** 培训 — see the page files; en/trainingPlans.ts has the same keys. */
export const trainingPlansZh = {
  trainingPlans: {
    title: '培训',
  },
};
