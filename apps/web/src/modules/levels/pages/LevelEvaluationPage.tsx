/** Placeholder until its page is built in this change. */
export function LevelEvaluationPage() {
  return null;
}
