/**
 * A download link for a small text file generated in the page (a Blob URL, so no request leaves the
 * browser). Used for the customs template.
 */
export function templateLink(text: string, {name, label}: {name: string; label: string}): HTMLAnchorElement {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([text], {type: "text/csv"}));
  a.download = name;
  a.textContent = label;
  return a;
}
