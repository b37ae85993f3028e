/** Placeholder until its page is built in this change. */
export function TeamScorecardsPage() {
  return null;
}
