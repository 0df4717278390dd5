/**
 * A plain-DOM country picker usable with Framework's `view()`: its `value` is the selected ISO3 code
 * and it fires "input" on change. (Observable Inputs is not used: it would be fetched from a CDN.)
 */
export function countrySelect(
  options: Array<{iso3: string; country: string}>, // `country` already in the page's language
  {label = "Partner", value}: {label?: string; value?: string} = {}
): HTMLElement & {value: string} {
  const wrap = document.createElement("label") as unknown as HTMLElement & {value: string};
  wrap.className = "control";
  const text = document.createElement("span");
  text.textContent = label;
  const select = document.createElement("select");
  for (const o of [...options].sort((a, b) => a.country.localeCompare(b.country))) {
    const opt = document.createElement("option");
    opt.value = o.iso3;
    opt.textContent = o.country;
    select.append(opt);
  }
  if (value && options.some((o) => o.iso3 === value)) select.value = value;
  wrap.append(text, select);
  Object.defineProperty(wrap, "value", {get: () => select.value, set: (v: string) => void (select.value = v)});
  // The select's own "input" event bubbles to the wrapper, which is what view() listens to.
  return wrap;
}
