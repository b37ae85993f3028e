/** Placeholder until its page is built in this change. */
export function LeaderboardPage() {
  return null;
}
