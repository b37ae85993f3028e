/** 培训 — see the page files; en/trainingTeam.ts has the same keys. */
export const trainingTeamZh = {
  trainingTeam: {
    title: '培训',
  },
};
