/** 晋级评估, 考核表, 提成: reviews, level evaluation, rep profiles, commissions. */
export const levelEvaluationEn = {
  levelEvaluation: {
    title: 'Level evaluation',
  },
};
