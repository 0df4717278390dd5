/**
 * The impact mechanism as a graph: DSTRI policy areas -> direct impacts -> long-term impacts (study, section 3),
 * each node and edge explained in our own words, each edge with its evidence status:
 * - "tested": estimated on this site; `evidence` says where (a link) and which panel column is the regressor;
 * - "argued": argued in the paper (the section is given) but not tested here, and not testable with
 *   country-level export totals.
 * The only link the public data can test is the reduced form "area score -> export volume", so the tested
 * edges skip the middle layer: the regression says nothing about which channel carries the effect.
 */
import {AREA_DEFS} from "./areas.js";
import type {Bi} from "./text.js";

export type Layer = "barrier" | "direct" | "longterm";

export interface GraphNode {
  id: string;
  layer: Layer;
  label: Bi;
  explain: Bi;
  /** Panel column for barrier nodes. */
  column?: string;
}

export type Evidence =
  | {status: "tested"; href: string; label: Bi; column: string}
  | {status: "argued"; section: string};

export interface GraphEdge {
  from: string;
  to: string;
  explain: Bi;
  evidence: Evidence;
}

export const LAYER_LABELS: Record<Layer, Bi> = {
  barrier: {en: "Barrier (DSTRI area)", zh: "壁垒（DSTRI 领域）"},
  direct: {en: "Direct impact", zh: "直接影响"},
  longterm: {en: "Long-term impact", zh: "长期影响"}
};

/** Where the per-area regressions are shown (an anchor on the mechanism page). */
export const EVIDENCE_HREF = "#evidence-by-area";

const barrierNodes: GraphNode[] = AREA_DEFS.map((a) => ({
  id: a.key,
  layer: "barrier",
  label: a.label,
  explain: a.description,
  column: a.column
}));

export const NODES: readonly GraphNode[] = [
  ...barrierNodes,
  {
    id: "market-access",
    layer: "direct",
    label: {en: "Market access restrictions", zh: "市场准入受限"},
    explain: {
      en: "Rules such as keeping data on local servers force foreign sellers to build or rent capacity in the market before they can serve it, which keeps smaller firms out.",
      zh: "数据须存放在本地服务器等规定，迫使境外卖家先在当地建设或租用设施才能开展业务，小企业因此难以进入。"
    }
  },
  {
    id: "trade-costs",
    layer: "direct",
    label: {en: "Higher trade costs", zh: "贸易成本上升"},
    explain: {
      en: "Checking a market's IP situation and guarding against disputes costs money up front; small sellers feel it most.",
      zh: "摸清目标市场的知识产权状况、防范纠纷都需要前期投入，中小卖家负担最重。"
    }
  },
  {
    id: "export-obstacles",
    layer: "direct",
    label: {en: "Export obstacles", zh: "出口受阻"},
    explain: {
      en: "A damaged platform reputation means spending on brand repair, stricter import rules and more customs inspections, so goods clear more slowly and logistics cost more.",
      zh: "平台声誉受损后，企业要花钱修复品牌形象，还可能面临更严的进口监管和更高的查验率，通关变慢、物流成本上升。"
    }
  },
  {
    id: "compliance-costs",
    layer: "direct",
    label: {en: "Regulatory and legal costs", zh: "法律合规成本上升"},
    explain: {
      en: "With no common international rulebook, each market sets its own data-protection and payment rules; meeting all of them is costly and uncertain.",
      zh: "国际上缺乏统一规则，各国自定数据保护和支付监管要求，逐一满足这些要求成本高、不确定性大。"
    }
  },
  {
    id: "volume",
    layer: "longterm",
    label: {en: "Lower export volume", zh: "出口规模下降"},
    explain: {
      en: "Higher costs and risks make exported goods less competitive, so fewer are sold. This is the one outcome the public data measure (as China's exports by partner).",
      zh: "成本和风险上升削弱了出口商品的竞争力，销量随之下降。这是公开数据唯一能够衡量的结果（以中国对各伙伴国的出口额表示）。"
    }
  },
  {
    id: "product-mix",
    layer: "longterm",
    label: {en: "Shift to higher value added", zh: "向高附加值产品转型"},
    explain: {
      en: "Extra costs eat the thin margins of cheap goods, so firms move towards branded, higher-margin products (rising wages push the same way).",
      zh: "额外成本侵蚀了低价商品本就微薄的利润，企业转向品牌化、高利润的产品（劳动力成本上升也在推动这一转变）。"
    }
  },
  {
    id: "price",
    layer: "longterm",
    label: {en: "Loss of price advantage", zh: "价格优势减弱"},
    explain: {
      en: "Licence fees, infringement claims and the cost of meeting foreign technical standards end up in the selling price.",
      zh: "许可费、侵权索赔以及达到外国技术标准的投入，最终都会体现在售价上。"
    }
  },
  {
    id: "rnd",
    layer: "longterm",
    label: {en: "More R&D spending", zh: "研发投入增加"},
    explain: {
      en: "To meet strict standards and data rules abroad, firms and the country have to invest more in research and technology.",
      zh: "为达到境外严格的技术标准和数据规则，企业乃至国家都需要加大研发和技术投入。"
    }
  }
];

const argued = (section: string): Evidence => ({status: "argued", section});

const testedEdges: GraphEdge[] = AREA_DEFS.map((a) => ({
  from: a.key,
  to: "volume",
  explain: {
    en: `Estimated on this site: China's exports regressed on the ${a.label.en.toLowerCase()} score with controls and partner and year fixed effects. The regression does not say through which channel the area acts.`,
    zh: `本站估计：以中国出口额对“${a.label.zh}”得分回归，控制经济变量以及伙伴国和年份固定效应。回归结果无法说明该领域通过哪条渠道起作用。`
  },
  evidence: {
    status: "tested",
    href: EVIDENCE_HREF,
    label: {en: "Per-area regression (this page)", zh: "分领域回归（本页）"},
    column: a.column
  }
}));

export const EDGES: readonly GraphEdge[] = [
  {
    from: "infra",
    to: "market-access",
    explain: {en: "Data-localisation rules raise the cost of entering a market and limit how far foreign sellers can reach.", zh: "数据本地化要求抬高了进入市场的门槛，限制了境外卖家的市场渗透。"},
    evidence: argued("3.1.1")
  },
  {
    from: "infra",
    to: "compliance-costs",
    explain: {en: "Limits on access to and transfer of local data make compliance harder for firms operating across borders.", zh: "对本地数据访问和跨境传输的限制，加大了跨国经营企业的合规难度。"},
    evidence: argued("3.1.4")
  },
  {
    from: "ipr",
    to: "trade-costs",
    explain: {en: "Researching IP protection in each market and planning against disputes is an extra cost of exporting.", zh: "逐一研究各市场的知识产权保护并制定防范预案，是出口的额外成本。"},
    evidence: argued("3.1.2")
  },
  {
    from: "etrans",
    to: "export-obstacles",
    explain: {en: "The notorious-markets listing of platforms brings reputational costs, stricter controls and more inspections.", zh: "平台被列入“恶名市场”名单，带来声誉损失、更严的监管和更多的查验。"},
    evidence: argued("3.1.3")
  },
  {
    from: "payment",
    to: "compliance-costs",
    explain: {en: "Each country's own rules on payments and personal data add to the legal work of selling abroad.", zh: "各国自行制定的支付和个人数据规则，增加了跨境销售的法律工作量。"},
    evidence: argued("3.1.4")
  },
  {
    from: "market-access",
    to: "volume",
    explain: {en: "Markets that are harder to enter buy less.", zh: "市场越难进入，出口越少。"},
    evidence: argued("3.2.1")
  },
  {
    from: "trade-costs",
    to: "volume",
    explain: {en: "Higher costs weaken competitiveness and shrink the scale of exports.", zh: "成本上升削弱竞争力，出口规模随之收缩。"},
    evidence: argued("3.2.1")
  },
  {
    from: "trade-costs",
    to: "product-mix",
    explain: {en: "Extra costs squeeze low-margin goods and push firms towards branded, higher-value lines.", zh: "额外成本挤压低利润商品，促使企业转向品牌化、高附加值的产品线。"},
    evidence: argued("3.2.2")
  },
  {
    from: "trade-costs",
    to: "price",
    explain: {en: "IP licence fees and infringement claims are passed on to prices.", zh: "知识产权许可费和侵权索赔会转嫁到价格上。"},
    evidence: argued("3.2.3")
  },
  {
    from: "export-obstacles",
    to: "volume",
    explain: {en: "Slower clearance and reputational damage hold back sales in the affected markets.", zh: "通关变慢和声誉受损会拖累在相关市场的销售。"},
    evidence: argued("3.1.3")
  },
  {
    from: "export-obstacles",
    to: "price",
    explain: {en: "Brand-repair and logistics costs enter the cost of each exported item.", zh: "品牌修复和物流成本会计入每件出口商品的成本。"},
    evidence: argued("3.1.3")
  },
  {
    from: "compliance-costs",
    to: "rnd",
    explain: {en: "Tighter data rules abroad call for more investment in technology to meet them.", zh: "境外数据规则趋严，需要更多技术投入才能达标。"},
    evidence: argued("3.2.4")
  },
  {
    from: "compliance-costs",
    to: "volume",
    explain: {en: "Meeting diverging technical and legal requirements raises the cost of every transaction.", zh: "满足各不相同的技术和法律要求，会抬高每笔交易的成本。"},
    evidence: argued("3.2.1")
  },
  ...testedEdges
];

/**
 * Structural checks (used by the tests): unique node ids, every edge's endpoints exist, edges go forward
 * (barrier -> direct -> long-term, or barrier -> long-term), every tested edge names its evidence (a link, a
 * label and a panel column), every argued edge names a section. Returns a list of problems (empty = valid).
 */
export function validateGraph(nodes: readonly GraphNode[] = NODES, edges: readonly GraphEdge[] = EDGES): string[] {
  const problems: string[] = [];
  const byId = new Map<string, GraphNode>();
  for (const n of nodes) {
    if (byId.has(n.id)) problems.push(`duplicate node id ${n.id}`);
    byId.set(n.id, n);
  }
  const rank: Record<Layer, number> = {barrier: 0, direct: 1, longterm: 2};
  const seen = new Set<string>();
  for (const e of edges) {
    const key = `${e.from}->${e.to}`;
    if (seen.has(key)) problems.push(`duplicate edge ${key}`);
    seen.add(key);
    const a = byId.get(e.from), b = byId.get(e.to);
    if (!a) problems.push(`edge ${key}: unknown source ${e.from}`);
    if (!b) problems.push(`edge ${key}: unknown target ${e.to}`);
    if (a && b && rank[a.layer] >= rank[b.layer]) problems.push(`edge ${key} does not go forward`);
    if (e.evidence.status === "tested") {
      if (!e.evidence.href || !e.evidence.label.en || !e.evidence.label.zh || !e.evidence.column) {
        problems.push(`tested edge ${key} does not name its evidence`);
      }
    } else if (!e.evidence.section) problems.push(`argued edge ${key} names no section`);
  }
  return problems;
}
