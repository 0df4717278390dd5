/**
 * Schema of `data/paper/tables.json`: the study's reported Tables 1-7, transcribed as printed.
 * Every printed cell keeps its text (`printed`, `t_printed`) beside the parsed numbers, so the
 * transcription can be checked against itself and shown exactly as the paper shows it.
 */
import {z} from "zod";

const Stars = z.number().int().min(0).max(3);

/** A coefficient cell: "-0.273***" over "(-6.46)". */
export const CoefCell = z.object({
  printed: z.string().regex(/^-?\d+\.\d+\**$/),
  t_printed: z.string().regex(/^\(-?\d+\.\d+\)$/),
  coef: z.number(),
  t: z.number(),
  stars: Stars
});

export const PaperModel = z.object({
  id: z.string(),
  table: z.number().int().min(4).max(7),
  column: z.string(),
  dependent: z.enum(["lnexport_zj", "lnexport_wz"]),
  estimator: z.enum(["fe", "gmm"]),
  sample: z.string(),
  key_regressor: z.enum(["DSTRI", "LDSTRI"]),
  terms: z.record(z.string(), CoefCell),
  observations: z.number().int().positive(),
  r2: z.number().min(0).max(1).nullable(),
  n_countries: z.number().int().positive().nullable(),
  fe_rows: z.record(z.string(), z.string())
});

export const DescriptiveRow = z.object({
  variable: z.string(),
  obs: z.number().int().positive(),
  mean: z.number(),
  sd: z.number().nonnegative(),
  min: z.number(),
  max: z.number(),
  printed: z.array(z.string()).length(4)
});

export const CorrelationPanel = z.object({
  dependent: z.string(),
  variables: z.array(z.string()),
  rows: z.array(z.object({
    variable: z.string(),
    cells: z.array(z.object({printed: z.string(), r: z.number().min(-1).max(1), stars: Stars}))
  }))
});

export const PaperTables = z.object({
  version: z.literal(1),
  source: z.object({seed: z.literal("000"), title: z.string(), authors: z.array(z.string()), note: z.string()}),
  claims: z.object({period: z.tuple([z.number().int(), z.number().int()]), n_countries: z.number().int(), vif_mean: z.number()}),
  table1: z.array(z.object({symbol: z.string(), type: z.enum(["dependent", "explanatory", "control"]), name: z.string(), measurement: z.string()})),
  table2: z.array(DescriptiveRow),
  table3: z.array(CorrelationPanel),
  models: z.array(PaperModel)
});

export type PaperTables = z.infer<typeof PaperTables>;
export type PaperModel = z.infer<typeof PaperModel>;
export type CoefCell = z.infer<typeof CoefCell>;
