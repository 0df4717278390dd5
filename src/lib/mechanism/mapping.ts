/**
 * The study's four forms of digital trade barrier (section 2, from interviews with Wenzhou firms) mapped onto
 * the five policy areas of the OECD DSTRI. All texts are our own summaries.
 *
 * A link is "main" when the form and the area describe the same kind of rule, "partial" when only part of the
 * form falls in the area (e.g. privacy rules on payments also concern data flows). The DSTRI's fifth area,
 * "other barriers", has no counterpart among the paper's four forms.
 */
import type {Area} from "../support/vocabulary.js";
import type {Bi} from "./text.js";

export type FormKey = "infra" | "ipr" | "etrans" | "payment";

export interface PaperForm {
  key: FormKey;
  /** Section of the study where the form is described. */
  section: string;
  label: Bi;
  summary: Bi;
}

export interface MappingLink {
  form: FormKey;
  area: Area;
  strength: "main" | "partial";
  why: Bi;
}

/** The four forms, in the paper's order. */
export const PAPER_FORMS: readonly PaperForm[] = [
  {
    key: "infra",
    section: "2",
    label: {en: "Infrastructure and connectivity", zh: "基础设施与网络连接"},
    summary: {
      en: "Firms selling abroad meet limits on internet access and communication apps, and tight control of data leaving or entering the country.",
      zh: "企业开拓海外市场时，会遇到网络接入和通信应用受限、数据跨境传输受到严格管控等问题。"
    }
  },
  {
    key: "ipr",
    section: "2",
    label: {en: "Intellectual property", zh: "知识产权"},
    summary: {
      en: "Weak IP awareness among some footwear and clothing sellers leads to infringement complaints, delisted products, lower store rankings and closed shops.",
      zh: "部分鞋服卖家知识产权意识薄弱，仿冒设计引发投诉，导致商品下架、店铺降权乃至关店。"
    }
  },
  {
    key: "etrans",
    section: "2",
    label: {en: "Electronic transactions", zh: "电子交易"},
    summary: {
      en: "Major Chinese selling platforms appear on the US list of notorious markets; the damage to the platforms' reputation spills over to the firms selling on them.",
      zh: "多家中国跨境电商平台被列入美国“恶名市场”名单，平台声誉受损，连带影响在平台上经营的企业。"
    }
  },
  {
    key: "payment",
    section: "2",
    label: {en: "Cross-border payments", zh: "跨境支付"},
    summary: {
      en: "Small, frequent online payments run into annual limits on cross-border payments and strict identity checks in countries that stress privacy.",
      zh: "小额高频的跨境电子支付，在注重隐私保护的国家会遇到年度跨境支付限额和严格的身份信息核验。"
    }
  }
];

/** Links from the paper's forms to the DSTRI areas. */
export const MAPPING: readonly MappingLink[] = [
  {
    form: "infra",
    area: "infra",
    strength: "main",
    why: {
      en: "Same subject: network access, cross-border data flows and data localisation are what the DSTRI scores in this area.",
      zh: "内容一致：网络接入、数据跨境流动和数据本地化正是该领域的评分对象。"
    }
  },
  {
    form: "ipr",
    area: "ipr",
    strength: "main",
    why: {
      en: "Same subject, seen from the other side: the DSTRI scores the partner's IP rules and enforcement, the paper the exporters' infringement problems under them.",
      zh: "对象相同、视角不同：DSTRI 评价伙伴国的知识产权规则与执法，论文讨论的是出口企业在这些规则下遇到的侵权纠纷。"
    }
  },
  {
    form: "etrans",
    area: "etrans",
    strength: "main",
    why: {
      en: "The paper files platform problems under electronic transactions, the DSTRI area for the rules on selling online.",
      zh: "论文把平台问题归入电子交易，对应 DSTRI 中规范在线交易的领域。"
    }
  },
  {
    form: "etrans",
    area: "ipr",
    strength: "partial",
    why: {
      en: "The notorious-markets list is about counterfeits and piracy, so part of this barrier is really an IP-enforcement matter.",
      zh: "“恶名市场”名单针对的是假冒和盗版，因此这类壁垒有一部分实际属于知识产权执法问题。"
    }
  },
  {
    form: "payment",
    area: "payment",
    strength: "main",
    why: {
      en: "Payment limits and verification rules for foreign payment services are scored in the payment-systems area.",
      zh: "针对境外支付服务的限额和核验规则，属于支付系统领域的评分内容。"
    }
  },
  {
    form: "payment",
    area: "infra",
    strength: "partial",
    why: {
      en: "The paper ties the payment checks to privacy and data protection, which the DSTRI scores under cross-border data flows.",
      zh: "论文把支付核验与隐私和数据保护联系在一起，而 DSTRI 将这类规则计入数据跨境流动。"
    }
  }
];
