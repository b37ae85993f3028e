// Placeholder wired by the lead; the page is being built.
export function ServiceRequestPage() {
  return null;
}
