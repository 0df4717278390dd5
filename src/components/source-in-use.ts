/**
 * Data-page note: which data each series uses right now (the snapshot shipped with the code, an outside snapshot,
 * or a live `dtb data fetch`), and a warning when a series comes from another origin than the shipped snapshot
 * (e.g. live UN Comtrade exports instead of the shipped IMF DOTS series), so numbers never change without a word.
 * Reads `in_use` from data/provenance.json (loaders/provenance.ts). Text only (textContent): provenance is data.
 */
import {L, el} from "./format.js";

export interface InUse {
  from: "shipped" | "DTB_SNAPSHOT_DIR" | "live";
  origin: string;
  shipped_origin: string | null;
  differs_from_shipped: boolean;
}

interface Source {
  source: string;
  retrieved_at?: string;
  warnings?: string[];
  in_use?: InUse;
}

const NAMES: Record<string, () => string> = {
  dstri: () => L("DSTRI", "DSTRI"),
  wdi: () => L("Controls (World Bank)", "控制变量（世界银行）"),
  exports: () => L("China's exports by partner", "中国对各伙伴的出口")
};

/** Chinese names of the origins the pipeline writes (loaders/sources/index.ts); other text is shown as recorded. */
const ORIGIN_ZH: Record<string, string> = {
  "OECD Going Digital Toolkit, indicator 73 (republishes the Digital STRI), retrieved 2025-11-29": "经合组织“走向数字化”工具包第 73 项指标（转载数字服务贸易限制指数），2025-11-29 获取",
  "World Bank WDI bulk files (aggregates removed); government consumption from the WDI release of 2024-09-19": "世界银行《世界发展指标》批量文件（已剔除地区与收入组汇总）；政府消费支出取自 2024-09-19 版",
  "IMF Direction of Trade Statistics (DOTS), exports FOB of China (mainland) by partner": "国际货币基金组织《贸易方向统计》（DOTS），中国（大陆）对各伙伴的离岸价出口",
  "OECD Digital STRI (SDMX)": "经合组织数字服务贸易限制指数（SDMX 接口）",
  "World Bank WDI (API v2)": "世界银行《世界发展指标》（API v2）",
  "UN Comtrade": "联合国商品贸易统计数据库（UN Comtrade）"
};
const origin = (text: string) => L(text, ORIGIN_ZH[text] ?? text);

function where(u: InUse, date: string): string {
  if (u.from === "live") return L(`fetched live from the official source (${date})`, `${date} 从官方来源实时获取`);
  if (u.from === "DTB_SNAPSHOT_DIR") return L("from an outside snapshot folder (DTB_SNAPSHOT_DIR)", "来自外部快照文件夹（DTB_SNAPSHOT_DIR）");
  return L("from the snapshot shipped with the code (data/snapshot)", "来自随代码发布的数据快照（data/snapshot）");
}

/** A list, one item per source: "<series>: <origin>, <where>", plus a note when it differs from the shipped data. */
export function sourceInUse(doc: {sources: Source[]}): HTMLElement {
  const list = el("ul", {className: "source-in-use"});
  let differs = false;
  for (const s of doc.sources) {
    const u = s.in_use;
    if (!u) continue;
    const item = el("li", {}, el("strong", {text: `${(NAMES[s.source] ?? (() => s.source))()}: `}), L(`${origin(u.origin)}, `, `${origin(u.origin)}，`) + where(u, String(s.retrieved_at ?? "").slice(0, 10)) + L(".", "。"));
    if (u.differs_from_shipped && u.shipped_origin) {
      differs = true;
      item.append(" ", el("strong", {className: "source-differs", text: L(
        `This differs from the shipped snapshot (${u.shipped_origin}): the whole series comes from the source above, and its numbers can differ from the published site's.`,
        `与随代码发布的快照（${origin(u.shipped_origin)}）不同：整个序列都来自上述来源，数值可能与公开网站上的不一致。`
      )}));
    }
    for (const w of s.warnings ?? []) item.append(el("div", {className: "muted", text: L(`Skipped a damaged copy: ${w}`, `已跳过一份损坏的副本：${w}`)}));
    list.append(item);
  }
  const box = el("div", {className: differs ? "source-note differs" : "source-note"});
  box.setAttribute("role", "note");
  box.append(el("p", {text: L("Data in use on this site:", "本网站当前使用的数据：")}), list);
  return box;
}
