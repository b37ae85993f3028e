// Placeholder wired by the lead; the page is being built.
export function MyDayPage() {
  return null;
}
