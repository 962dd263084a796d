import type { LocalizedText } from '../text';

/**
 * What a preset prescribes besides its clocks, as data with citations (issue 23 #5–6): how accounts
 * are named, whether a unit has offices (phòng ban), how many levels of local government there are,
 * the source line every reuse of content carries, and the advisory notice on answers. A preset that
 * is silent gets the national convention.
 */
export type PortalLanguage = 'vi' | 'en' | 'zh';

/** The portal whose content is cited: the provincial portal or a sub-portal. */
export interface CitedPortal {
  readonly kind: 'province' | 'department' | 'district' | 'commune';
  readonly name: LocalizedText;
  readonly domain: string;
}

export interface SourceLineRule {
  readonly basis: string;
  /** The line for an item in `language` of `portal`. */
  readonly line: (portal: CitedPortal, language: PortalLanguage) => string;
}

export interface PresetConventions {
  /** NA 10.2d: every account is `admin.<unit>` or `admin.<office>.<unit>`; absent: any valid username. */
  readonly accountNames?: { readonly basis: string };
  /** Offices (phòng ban) within a unit, named in account names (NA 10.2d); absent: units have no offices. */
  readonly offices?: { readonly basis: string };
  /** Two levels (province → communes, NA 1.2a) refuse districts; three levels take both shapes. */
  readonly levels: { readonly value: 2 | 3; readonly basis: string };
  readonly sourceLine: SourceLineRule;
  /** Only where the regulation has one (CB 11.6). */
  readonly advisoryNotice?: LocalizedText;
}

/** "Tỉnh Quảng Ninh" → "tỉnh Quảng Ninh" inside a sentence. */
const inSentence = (name: string) => name.charAt(0).toLocaleLowerCase('vi') + name.slice(1);

/** The wording of "Theo Cổng thông tin điện tử …" in each language, naming the portal (and its address when `withAddress`). */
function portalLine(withAddress: boolean, chineseProvince?: string) {
  return (portal: CitedPortal, language: PortalLanguage): string => {
    const address = withAddress ? ` (${portal.domain})` : '';
    if (language === 'en') return `According to the e-information portal of ${portal.name.en}${address}`;
    if (language === 'zh') {
      const name = portal.kind === 'province' && chineseProvince ? chineseProvince : portal.name.en;
      return `来源：${name}电子信息门户网站${withAddress ? `（${portal.domain}）` : ''}`;
    }
    // "Tỉnh Quảng Ninh" reads "tỉnh Quảng Ninh" inside the line (QN 13.1); a sub-portal keeps its own name as written.
    return `Theo Cổng thông tin điện tử ${portal.kind === 'province' ? inSentence(portal.name.vi) : portal.name.vi}${address}`;
  };
}

/** The generic line of a regulation that asks for "the source" without prescribing its words. */
const namedSource = (basis: string): SourceLineRule => ({ basis, line: portalLine(true) });

const threeLevels = (basis: string) => ({ value: 3 as const, basis });

export const nationalConventions: PresetConventions = {
  levels: threeLevels('Luật Tổ chức chính quyền địa phương: both shapes, for provinces not yet on two levels'),
  sourceLine: namedSource('NĐ 147/2024/NĐ-CP Điều 28 (ghi rõ nguồn tin)'),
};

export const presetConventions: Readonly<Record<string, PresetConventions>> = {
  national: nationalConventions,
  'binh-dinh-2020': {
    levels: threeLevels('BĐ Điều 3 (UBND các huyện, thị xã, thành phố; các xã, phường, thị trấn)'),
    sourceLine: namedSource('BĐ 9.3 (ghi rõ thông tin về tác giả, nguồn của thông tin từ Cổng TTĐT tỉnh)'),
  },
  'quang-ninh-2023': {
    levels: threeLevels('QN 4.2–4.3 (huyện, thị xã, thành phố; xã, phường, thị trấn)'),
    // QN 13.1 prescribes the words, without an address; QN 2 has a Chinese version (广宁省 = Quảng Ninh).
    sourceLine: { basis: 'QN 13.1 (“Theo Cổng thông tin điện tử tỉnh Quảng Ninh”)', line: portalLine(false, '广宁省') },
  },
  'cao-bang-2015': {
    levels: threeLevels('CB 13.1 (UBND các huyện, thành phố)'),
    // CB 4.3 allows "Theo Cổng thông tin điện tử tỉnh Cao Bằng" or "theo www.caobang.gov.vn": the address form.
    sourceLine: {
      basis: 'CB 4.3 (“theo www.caobang.gov.vn”)',
      line: (portal, language) => {
        const address = portal.kind === 'province' ? `www.${portal.domain}` : portal.domain;
        return language === 'en' ? `Source: ${address}` : language === 'zh' ? `来源：${address}` : `theo ${address}`;
      },
    },
    advisoryNotice: {
      vi: 'Ý kiến trả lời chỉ có ý nghĩa tham khảo, không phải là cơ sở pháp lý để giải quyết các quan hệ dân sự (CB 11.6).',
      en: 'This answer is advisory only, for reference; it is not a legal basis for settling civil matters (CB 11.6).',
    },
  },
  'nghe-an-2025': {
    accountNames: {
      basis:
        'NA 10.2d (admin.<tên viết tắt cơ quan, đơn vị> hoặc admin.<tên viết tắt phòng ban>.<tên viết tắt cơ quan, đơn vị>)',
    },
    offices: { basis: 'NA 10.2d (phòng ban của cơ quan, đơn vị)' },
    levels: { value: 2, basis: 'NA 1.2a (sở, ban, ngành; UBND các phường, xã — hai cấp chính quyền địa phương)' },
    sourceLine: namedSource('NA 3.3 (ghi chính xác nguồn tin theo Điều 28 NĐ 147/2024/NĐ-CP)'),
  },
  'tien-giang-2024': {
    levels: threeLevels('TG 4.3b–c (huyện, thị xã, thành phố; xã, phường, thị trấn)'),
    sourceLine: namedSource('TG 23.1 (ghi rõ tên nguồn dẫn và địa chỉ truy cập)'),
  },
};

export function conventionsOf(presetId: string): PresetConventions {
  return presetConventions[presetId] ?? nationalConventions;
}
