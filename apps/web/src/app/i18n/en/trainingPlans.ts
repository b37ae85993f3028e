import type { trainingPlansZh } from '../zh-CN/trainingPlans.ts';
import type { Messages } from '../zh-CN.ts';

export const trainingPlansEn: Messages<typeof trainingPlansZh> = {
  trainingPlans: {
    title: 'Training',
  },
};
