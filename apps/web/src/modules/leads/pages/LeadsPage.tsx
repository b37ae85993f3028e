// Placeholder wired by the lead; the page is being built.
export function LeadsPage() {
  return null;
}
