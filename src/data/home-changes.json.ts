// Framework data loader -> /data/home-changes.json: the home chart's points (src/lib/home/changes.ts), a few KB,
// so the home page draws its chart without downloading the 120 KB panel and the Arrow decoder first (issue #12).
import {buildPanel} from "../../loaders/build.js";
import {writeStdout} from "../../loaders/stdout.js";
import {changes, type ChangeInputRow} from "../lib/home/changes.js";

const {frame} = await buildPanel();
const col = (name: string) => frame.columns[name] as ArrayLike<unknown>;
const [iso3, country, countryZh, year, dstri, exports] = ["iso3", "country", "country_zh", "year", "dstri", "exports_cn_usd"].map(col);
const rows: ChangeInputRow[] = Array.from({length: frame.nrows}, (_, i) => ({
  iso3: String(iso3[i]), country: String(country[i]), country_zh: countryZh[i] == null ? null : String(countryZh[i]),
  year: Number(year[i]), dstri: Number(dstri[i] ?? NaN), exports_cn_usd: Number(exports[i] ?? NaN)
}));
await writeStdout(JSON.stringify(changes(rows)) + "\n");
