/** 培训 — see the page files; en/trainingLearning.ts has the same keys. */
export const trainingLearningZh = {
  trainingLearning: {
    title: '培训',
  },
};
