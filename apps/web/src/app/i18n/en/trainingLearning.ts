import type { trainingLearningZh } from '../zh-CN/trainingLearning.ts';
import type { Messages } from '../zh-CN.ts';

export const trainingLearningEn: Messages<typeof trainingLearningZh> = {
  trainingLearning: {
    title: 'Training',
  },
};
