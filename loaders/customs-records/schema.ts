/**
 * The customs transaction-record schema (documented in data/customs/README.md, section "Transaction
 * records") and the parsing of the command-line options that describe it: column mapping (`--map`),
 * regions as code prefixes (`--regions`) and groups of customs supervision modes (`--modes`).
 * Every problem is a one-line UserError saying which option and which item was wrong.
 */
import {UserError} from "../../src/lib/errors.js";

/** Canonical columns and the SQL type each is read as (codes are text: leading zeros matter, e.g. mode 0110). */
export const RECORD_COLUMNS = {
  year: "INTEGER",
  month: "INTEGER",
  firm_id: "VARCHAR",
  region_code: "VARCHAR",
  partner_iso3: "VARCHAR",
  hs_code: "VARCHAR",
  customs_mode: "VARCHAR",
  value_usd: "DOUBLE"
} as const;
export type RecordColumn = keyof typeof RECORD_COLUMNS;
export const RECORD_COLUMN_NAMES = Object.keys(RECORD_COLUMNS) as RecordColumn[];

/** Cross-border e-commerce supervision modes of China Customs: 9610 parcels, 9710 B2B direct, 9810 overseas warehouse, 1210 bonded. */
export const CBEC_MODES = ["9610", "9710", "9810", "1210"] as const;

/** Canonical name -> name in the input (identity for unmapped columns). */
export type ColumnMap = Record<RecordColumn, string>;

/** One output region: a label (a region code of the four-column customs file) and the record filter. */
export interface RegionSpec {
  label: string;
  prefix: string;
}
export interface ModeGroup {
  name: string;
  modes: string[];
}

const LABEL = /^[a-z][a-z0-9_]{0,15}$/; // the customs validator's region rule (src/lib/customs/validate.ts)
const SQL_IDENT = /^[A-Za-z_][A-Za-z0-9_ .-]{0,63}$/;

/**
 * `--map value_usd=amount,firm_id=ent_code` -> the full map (unmapped columns keep their names).
 * Example: `parseMap("value_usd=amount").value_usd` -> "amount".
 */
export function parseMap(text: string | undefined): ColumnMap {
  const map = Object.fromEntries(RECORD_COLUMN_NAMES.map((c) => [c, c])) as ColumnMap;
  if (!text) return map;
  const seen = new Set<string>();
  for (const item of text.split(",")) {
    const [canon, source, ...rest] = item.split("=").map((s) => s.trim());
    if (!canon || !source || rest.length) throw new UserError(`--map: "${item}" is not of the form column=name (e.g. value_usd=amount)`);
    if (!(canon in RECORD_COLUMNS)) throw new UserError(`--map: "${canon}" is not a record column (allowed: ${RECORD_COLUMN_NAMES.join(", ")})`);
    if (!SQL_IDENT.test(source)) throw new UserError(`--map: input column name "${source}" has characters that are not allowed (letters, digits, _ . - and spaces)`);
    if (seen.has(canon)) throw new UserError(`--map: "${canon}" is mapped twice`);
    seen.add(canon);
    map[canon as RecordColumn] = source;
  }
  return map;
}

/**
 * `--regions zj=33,wz=3303` -> [{label: "zj", prefix: "33"}, {label: "wz", prefix: "3303"}]. A prefix is the
 * leading digits of the region code (province 2 digits, city 4, county 6).
 */
export function parseRegions(text: string | undefined): RegionSpec[] {
  if (!text) throw new UserError("missing --regions (e.g. --regions zj=33,wz=3303)");
  const out: RegionSpec[] = [];
  for (const item of text.split(",")) {
    const [label, prefix, ...rest] = item.split("=").map((s) => s.trim());
    if (!label || !prefix || rest.length) throw new UserError(`--regions: "${item}" is not of the form label=prefix (e.g. zj=33)`);
    if (!LABEL.test(label)) throw new UserError(`--regions: label "${label}" must be lowercase letters, digits or _, starting with a letter, at most 16 characters`);
    if (!/^\d{2,12}$/.test(prefix)) throw new UserError(`--regions: prefix "${prefix}" of ${label} must be 2 to 12 digits (33 = Zhejiang, 3303 = Wenzhou)`);
    if (out.some((r) => r.label === label)) throw new UserError(`--regions: label "${label}" is given twice`);
    out.push({label, prefix});
  }
  return out;
}

/**
 * `--modes cbec=9610,9710,9810,1210` -> [{name: "cbec", modes: [...]}]; a token without `=` adds a mode to
 * the group before it, so several groups read `cbec=9610,9710,9810,1210,parcel=9610`.
 */
export function parseModes(text: string | undefined): ModeGroup[] {
  if (!text) return [];
  const out: ModeGroup[] = [];
  for (const raw of text.split(",")) {
    const item = raw.trim();
    let mode = item;
    if (item.includes("=")) {
      const [name, first, ...rest] = item.split("=").map((s) => s.trim());
      if (!name || !first || rest.length) throw new UserError(`--modes: "${item}" is not of the form group=mode (e.g. cbec=9610)`);
      if (!/^[a-z][a-z0-9]{0,7}$/.test(name)) throw new UserError(`--modes: group name "${name}" must be lowercase letters or digits, at most 8`);
      if (out.some((g) => g.name === name)) throw new UserError(`--modes: group "${name}" is given twice`);
      out.push({name, modes: []});
      mode = first;
    }
    const group = out[out.length - 1];
    if (!group) throw new UserError(`--modes: "${item}" comes before any group name (e.g. --modes cbec=9610,9710)`);
    if (!/^\d{4}$/.test(mode)) throw new UserError(`--modes: "${mode}" in group ${group.name} is not a 4-digit customs supervision mode (e.g. 9610)`);
    if (!group.modes.includes(mode)) group.modes.push(mode);
  }
  return out;
}

/** Output labels: each region, then each region x mode group (`zj_cbec`); checked against the customs label rule. */
export function outputLabels(regions: RegionSpec[], groups: ModeGroup[]): string[] {
  const labels = [...regions.map((r) => r.label), ...regions.flatMap((r) => groups.map((g) => `${r.label}_${g.name}`))];
  for (const l of labels) if (!LABEL.test(l)) throw new UserError(`output region "${l}" is longer than 16 characters: use shorter labels`);
  const dup = labels.find((l, i) => labels.indexOf(l) !== i);
  if (dup) throw new UserError(`output region "${dup}" arises twice (a region label equals a region_mode label)`);
  return labels;
}
