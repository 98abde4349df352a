// Errors show at their fields (and the form's own message above Run); a second list at the
// top would repeat them far from where they can be fixed.
export function ErrorListTemplate() {
  return null;
}
