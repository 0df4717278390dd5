/**
 * `dtb data snapshot --out DIR`: the small snapshot shipped with the code (`data/snapshot/`), cut from whatever the
 * resolution order gives (normally the cache) down to what the panel and the pages use:
 *   - dstri.csv: every row (the DSTRI economies define the panel's partners);
 *   - wdi.csv: the DSTRI economies except China, the panel's years, the four indicators the panel uses;
 *   - exports.csv: China's exports to those economies in the panel's years.
 * Each file is written in the tidy format (sorted, so the same data give the same bytes) with a manifest.json
 * (source, URL, retrieval date, licence, citation, origin, rows and sha256 of the file and of the upstream file it
 * was cut from) and a README.md with the licences and citations. The folder is replaced atomically: everything is
 * written to a temp folder beside it, which is then renamed into place.
 */
import {existsSync, mkdirSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {randomBytes} from "node:crypto";
import {basename, dirname, join, resolve} from "node:path";
import {EXPORTER, PANEL_YEARS} from "./panel.js";
import {resolveSource} from "./resolve.js";
import {SOURCES, SOURCE_NAMES, type SourceName} from "./sources/index.js";
import {formatTidy, type TidyTable} from "./tidy.js";
import {sha256} from "./verify.js";
import {SNAPSHOT_FORMAT, type Manifest, type ManifestEntry} from "./manifest.js";
import type {Provenance} from "./cache.js";

/** The WDI indicators the panel reads (loaders/panel.ts): GDP, population, government consumption, urban share. */
export const PANEL_WDI_INDICATORS = ["NY.GDP.MKTP.CD", "SP.POP.TOTL", "NE.CON.GOVT.CD", "SP.URB.TOTL.IN.ZS"];

const YEARS = new Set(PANEL_YEARS);
const [FIRST, LAST] = [PANEL_YEARS[0], PANEL_YEARS[PANEL_YEARS.length - 1]];

/**
 * Keep what the panel uses (pure). Example: a WDI row `["FRA", 1990, "SP.POP.TOTL", 5.8e7]` is dropped (year outside
 * 2008-2024); `["FRA", 2019, "SP.POP.TOTL", 6.7e7]` is kept when FRA has DSTRI data.
 */
export function trimForPanel(tables: Record<SourceName, TidyTable>): {tables: Record<SourceName, TidyTable>; kept: Record<SourceName, string>} {
  const partners = new Set(tables.dstri.rows.map((r) => String(r[0])).filter((c) => c !== EXPORTER));
  const wdiKeep = new Set(PANEL_WDI_INDICATORS);
  return {
    tables: {
      dstri: tables.dstri,
      wdi: {...tables.wdi, rows: tables.wdi.rows.filter((r) => partners.has(String(r[0])) && YEARS.has(Number(r[1])) && wdiKeep.has(String(r[2])))},
      exports: {...tables.exports, rows: tables.exports.rows.filter((r) => r[0] === EXPORTER && partners.has(String(r[1])) && YEARS.has(Number(r[2])))}
    },
    kept: {
      dstri: "all rows",
      wdi: `the ${partners.size} DSTRI partner economies (China excluded), ${FIRST}-${LAST}, indicators ${PANEL_WDI_INDICATORS.join(", ")}`,
      exports: `China's exports to the ${partners.size} DSTRI partner economies, ${FIRST}-${LAST}`
    }
  };
}

/** Where the upstream file was read from, without absolute paths. */
function upstreamLocation(p: Provenance): string {
  return p.location ?? p.url;
}

/** Build the snapshot's files in memory: name -> text, plus the manifest. */
export async function snapshotFiles(now = new Date()): Promise<{files: Map<string, string>; manifest: Manifest}> {
  const resolved = {} as Record<SourceName, Awaited<ReturnType<typeof resolveSource>>>;
  for (const name of SOURCE_NAMES) resolved[name] = await resolveSource(name);
  const {tables, kept} = trimForPanel({dstri: resolved.dstri.table, wdi: resolved.wdi.table, exports: resolved.exports.table});
  const files = new Map<string, string>();
  const entries: ManifestEntry[] = [];
  for (const name of SOURCE_NAMES) {
    const spec = SOURCES[name];
    const p = resolved[name].provenance;
    const text = formatTidy(tables[name]);
    files.set(spec.file, text);
    const from = p.method === "cache" ? p.cached_from ?? "cache" : p.method;
    entries.push({
      file: spec.file,
      source: name,
      title: spec.title,
      columns: spec.columns,
      rows: tables[name].rows.length,
      sha256: sha256(text),
      url: p.url,
      retrieved_at: p.retrieved_at,
      licence: p.licence,
      citation: p.citation,
      origin: p.origin ?? spec.snapshotOrigin,
      kept: kept[name],
      upstream: {method: from, location: upstreamLocation(p), rows: p.rows, sha256: p.sha256}
    });
  }
  const manifest: Manifest = {format: SNAPSHOT_FORMAT, created_at: now.toISOString(), made_by: "dtb data snapshot", files: entries};
  files.set("manifest.json", JSON.stringify(manifest, null, 2) + "\n");
  files.set("README.md", readme(manifest));
  return {files, manifest};
}

function readme(m: Manifest): string {
  const rows = m.files.map((f) => `| \`${f.file}\` | ${f.title} | ${f.rows} | ${f.origin} | ${f.licence} | ${f.retrieved_at?.slice(0, 10) ?? ""} |`);
  const cites = m.files.map((f) => `- ${f.citation} Licence: ${f.licence}. Data page: <${f.url}>.`);
  return [
    "# Data snapshot shipped with the code",
    "",
    `Made by \`dtb data snapshot\` on ${m.created_at?.slice(0, 10)}; do not edit by hand (every read checks each file's`,
    "sha256 and rows against `manifest.json`). Tidy CSV: UTF-8, header row, `.` decimals, one observation a row.",
    "Only what the panel and the pages use is kept (see `kept` in the manifest).",
    "",
    "| file | what | rows | origin | licence | retrieved |",
    "|---|---|---|---|---|---|",
    ...rows,
    "",
    "## Citations",
    "",
    ...cites,
    ""
  ].join("\n");
}

/**
 * Write the snapshot to `outDir`, replacing it atomically (temp folder beside it, then rename). Returns the
 * manifest. Example: `await writeSnapshot("data/snapshot")`.
 */
export async function writeSnapshot(outDir: string): Promise<Manifest> {
  const out = resolve(outDir);
  const {files, manifest} = await snapshotFiles();
  const parent = dirname(out);
  mkdirSync(parent, {recursive: true});
  const tag = `${process.pid}.${randomBytes(4).toString("hex")}`;
  const tmp = join(parent, `.${basename(out)}.${tag}.tmp`);
  const old = join(parent, `.${basename(out)}.${tag}.old`);
  try {
    mkdirSync(tmp);
    for (const [name, text] of files) writeFileSync(join(tmp, name), text);
    if (existsSync(out)) renameSync(out, old);
    try {
      renameSync(tmp, out);
    } catch (e) {
      if (existsSync(old)) renameSync(old, out);
      throw e;
    }
    rmSync(old, {recursive: true, force: true});
  } finally {
    rmSync(tmp, {recursive: true, force: true});
  }
  return manifest;
}
