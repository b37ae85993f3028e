import type { trainingTeamZh } from '../zh-CN/trainingTeam.ts';
import type { Messages } from '../zh-CN.ts';

export const trainingTeamEn: Messages<typeof trainingTeamZh> = {
  trainingTeam: {
    title: 'Training',
  },
};
