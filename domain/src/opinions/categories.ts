// The opinion categories the form offers (default list; the routing table is keyed by them).
export const OPINION_CATEGORIES = [
  { code: 'urbanManagement', zh: '城市管理', en: 'Urban management' },
  { code: 'transport', zh: '交通出行', en: 'Transport' },
  { code: 'education', zh: '教育', en: 'Education' },
  { code: 'health', zh: '医疗卫生', en: 'Health' },
  { code: 'housing', zh: '住房物业', en: 'Housing and property management' },
  { code: 'environment', zh: '生态环境', en: 'Environment' },
  { code: 'socialSecurity', zh: '社会保障', en: 'Social security' },
  { code: 'publicSafety', zh: '公共安全', en: 'Public safety' },
  { code: 'economy', zh: '经济发展与营商环境', en: 'Economy and business environment' },
  { code: 'livelihoodProjectIdea', zh: '项目建议（民生实事）', en: 'Livelihood project idea' },
  { code: 'other', zh: '其他', en: 'Other' },
] as const;
export type OpinionCategory = (typeof OPINION_CATEGORIES)[number]['code'];
export const OPINION_CATEGORY_CODES = OPINION_CATEGORIES.map((c) => c.code) as [
  OpinionCategory,
  ...OpinionCategory[],
];
