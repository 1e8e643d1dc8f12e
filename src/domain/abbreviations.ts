/** Standard short forms of bodies (as data): 科委 → 科学技术委员会. */
export const ABBREVIATIONS: Record<string, string> = {
  科委: '科学技术委员会', 发改委: '发展和改革委员会', 发改局: '发展和改革局', 人社局: '人力资源和社会保障局',
  住建局: '住房和城乡建设局', 市监局: '市场监督管理局', 生态环境局: '生态环境局', 卫健委: '卫生健康委员会', 卫健局: '卫生健康局',
  教委: '教育委员会', 经信委: '经济和信息化委员会', 交通委: '交通委员会', 规自局: '规划和自然资源局', 农业农村局: '农业农村局',
  政府办: '人民政府办公室', 协作办: '协作办公室', 应急局: '应急管理局', 文旅局: '文化广电旅游局', 医保局: '医疗保障局',
};

/** "上海市科委" → "上海市科学技术委员会" when the name ends in a known short form. */
export function expandAbbreviation(org: string): string | null {
  for (const [short, full] of Object.entries(ABBREVIATIONS)) {
    if (org.endsWith(short) && !org.endsWith(full) && short !== full) return org.slice(0, -short.length) + full;
  }
  return null;
}
