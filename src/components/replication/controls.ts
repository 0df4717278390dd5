/**
 * Plain-DOM choice controls usable with Framework's `view()` (Observable Inputs would be fetched from a CDN):
 * the element's `value` is the chosen option and it fires a bubbling "input" event on change.
 */
import {el} from "../format.js";

export interface Option<T extends string> {
  value: T;
  label: string;
}

/** A labelled <select>. */
export function choiceSelect<T extends string>(label: string, options: Option<T>[], value: T, id: string): HTMLElement & {value: T} {
  const select = el("select");
  select.id = id;
  for (const o of options) {
    const opt = el("option", {text: o.label});
    opt.value = o.value;
    select.append(opt);
  }
  select.value = options.some((o) => o.value === value) ? value : options[0].value;
  const wrap = el("label", {className: "control"}, el("span", {text: label}), select) as unknown as HTMLElement & {value: T};
  Object.defineProperty(wrap, "value", {get: () => select.value as T, set: (v: T) => void (select.value = v)});
  return wrap;
}

/** A labelled group of radio buttons (for two or three short options). */
export function choiceRadios<T extends string>(label: string, options: Option<T>[], value: T, name: string): HTMLElement & {value: T} {
  const wrap = el("fieldset", {className: "control radios"}, el("legend", {text: label})) as unknown as HTMLElement & {value: T};
  for (const o of options) {
    const input = el("input");
    input.type = "radio";
    input.name = name;
    input.value = o.value;
    input.checked = o.value === value;
    wrap.append(el("label", {}, input, el("span", {text: o.label})));
  }
  // Read the checked radio itself: view() reads `value` on the bubbling "input", before any "change" handler.
  const checked = () => wrap.querySelector<HTMLInputElement>("input:checked");
  Object.defineProperty(wrap, "value", {
    get: () => (checked()?.value ?? value) as T,
    set: (v: T) => wrap.querySelectorAll<HTMLInputElement>("input").forEach((i) => void (i.checked = i.value === v))
  });
  return wrap;
}
