// Fixed vocabulary of the fictional demo district (东岭区, 鹏城市), modelled on the Longgang report with made-up names:
// streets, working committees, handling units, industry points and the pools names are drawn from.
import type { HandlingUnitKind, MatterCategory } from '@minyi/domain/registry';

export const PROVINCE = { name: '南粤省', nameEn: 'Nanyue Province', code: '440000' };
export const CITY = { name: '鹏城市', nameEn: 'Pengcheng City', code: '440300' };
export const DISTRICT = { name: '东岭区', nameEn: 'Dongling District', code: '440399' };

/**
 * The 11 streets (街道), each with its communities (社区). Every name is made up for the fictional district (none
 * is a real street or community of Shenzhen or Longgang); the demo's roads, rivers and schools are drawn from them.
 */
export const STREETS: { name: string; nameEn: string; communities: string[] }[] = [
  {
    name: '东岭街道',
    nameEn: 'Dongling Street',
    communities: ['东岭', '新东', '岭南', '红岭', '碧湖', '东兴'],
  },
  {
    name: '平岗街道',
    nameEn: 'Pinggang Street',
    communities: ['平岗', '白石岭', '山背', '新围', '凤凰', '禾塘', '鹅岭'],
  },
  { name: '溪头街道', nameEn: 'Xitou Street', communities: ['溪头', '上溪', '下溪围', '竹坑', '沙塘'] },
  {
    name: '坂湖街道',
    nameEn: 'Banhu Street',
    communities: ['坂湖', '杨梅岭', '岗背', '马鞍塘', '五岭', '象山', '大埔围', '南塘'],
  },
  { name: '吉岭街道', nameEn: 'Jiling Street', communities: ['吉岭', '三和', '水岭', '上吉围'] },
  {
    name: '南岗街道',
    nameEn: 'Nangang Street',
    communities: ['南岗', '南和', '岗西', '五围', '爱民', '盛岗'],
  },
  { name: '横坪街道', nameEn: 'Hengping Street', communities: ['横坪', '六和', '西岭', '保平', '四围'] },
  { name: '荷山街道', nameEn: 'Heshan Street', communities: ['荷山', '荷塘', '大岭', '安和', '银岗'] },
  { name: '宝溪街道', nameEn: 'Baoxi Street', communities: ['宝溪', '宝丰', '同和', '南围', '溪新', '新岭'] },
  { name: '坪岭街道', nameEn: 'Pingling Street', communities: ['坪岭', '坪南', '六合', '和平', '沙岭'] },
  {
    name: '湖田街道',
    nameEn: 'Hutian Street',
    communities: ['湖田', '田心', '田背', '黄竹坑', '石岭', '大田', '金塘'],
  },
];

export const WORKING_COMMITTEES: { name: string; nameEn: string; description: string }[] = [
  {
    name: '代表工作委员会',
    nameEn: "Deputies' Affairs Committee",
    description: '代表工委：代表履职服务、代表建议办理、家站点建设',
  },
  {
    name: '财政经济工作委员会',
    nameEn: 'Finance and Economy Committee',
    description: '财经工委：预算决算审查、国有资产管理监督',
  },
  {
    name: '选举联络工作委员会',
    nameEn: 'Elections and Liaison Committee',
    description: '选联工委：选举、任免、街道工委联络',
  },
  {
    name: '法制工作委员会',
    nameEn: 'Legal Affairs Committee',
    description: '法制工委：规范性文件备案审查、执法检查',
  },
  {
    name: '社会建设工作委员会',
    nameEn: 'Social Development Committee',
    description: '社会建设工委：民生实事、社会事业监督',
  },
  {
    name: '城乡建设环境资源工作委员会',
    nameEn: 'Urban-Rural Construction, Environment and Resources Committee',
    description: '城环工委：城市建设、生态环境监督',
  },
  {
    name: '教育科学文化卫生工作委员会',
    nameEn: 'Education, Science, Culture and Health Committee',
    description: '教科文卫工委：教育、科技、文化、卫生监督',
  },
];

export interface UnitSeed {
  name: string;
  nameEn: string;
  kind: HandlingUnitKind;
  categories: MatterCategory[];
}

export const GOVERNMENT_UNITS: UnitSeed[] = [
  {
    name: '区人民政府办公室',
    nameEn: 'District Government Office',
    kind: 'governmentDepartment',
    categories: ['other'],
  },
  {
    name: '区发展和改革局',
    nameEn: 'Development and Reform Bureau',
    kind: 'governmentDepartment',
    categories: ['economy', 'planning'],
  },
  { name: '区教育局', nameEn: 'Education Bureau', kind: 'governmentDepartment', categories: ['education'] },
  {
    name: '区科技创新局',
    nameEn: 'Science, Technology and Innovation Bureau',
    kind: 'governmentDepartment',
    categories: ['science', 'economy'],
  },
  {
    name: '区工业和信息化局',
    nameEn: 'Industry and Information Technology Bureau',
    kind: 'governmentDepartment',
    categories: ['economy', 'science'],
  },
  {
    name: '鹏城市公安局东岭分局',
    nameEn: 'Dongling Public Security Sub-bureau',
    kind: 'governmentDepartment',
    categories: ['publicSecurity'],
  },
  {
    name: '鹏城市公安局交通警察支队东岭大队',
    nameEn: 'Dongling Traffic Police Brigade',
    kind: 'governmentDepartment',
    categories: ['transport', 'publicSecurity'],
  },
  {
    name: '区民政局',
    nameEn: 'Civil Affairs Bureau',
    kind: 'governmentDepartment',
    categories: ['civilAffairs'],
  },
  { name: '区司法局', nameEn: 'Justice Bureau', kind: 'governmentDepartment', categories: ['justice'] },
  { name: '区财政局', nameEn: 'Finance Bureau', kind: 'governmentDepartment', categories: ['finance'] },
  {
    name: '区人力资源局',
    nameEn: 'Human Resources Bureau',
    kind: 'governmentDepartment',
    categories: ['socialSecurity'],
  },
  {
    name: '鹏城市规划和自然资源局东岭管理局',
    nameEn: 'Dongling Planning and Natural Resources Administration',
    kind: 'governmentDepartment',
    categories: ['planning'],
  },
  {
    name: '鹏城市生态环境局东岭管理局',
    nameEn: 'Dongling Ecology and Environment Administration',
    kind: 'governmentDepartment',
    categories: ['environment'],
  },
  {
    name: '区住房和建设局',
    nameEn: 'Housing and Construction Bureau',
    kind: 'governmentDepartment',
    categories: ['housing'],
  },
  {
    name: '区交通运输局',
    nameEn: 'Transport Bureau',
    kind: 'governmentDepartment',
    categories: ['transport'],
  },
  {
    name: '区水务局',
    nameEn: 'Water Affairs Bureau',
    kind: 'governmentDepartment',
    categories: ['water', 'environment'],
  },
  {
    name: '区商务局',
    nameEn: 'Commerce Bureau',
    kind: 'governmentDepartment',
    categories: ['economy', 'market'],
  },
  {
    name: '区文化广电旅游体育局',
    nameEn: 'Culture, Radio, Tourism and Sports Bureau',
    kind: 'governmentDepartment',
    categories: ['culture'],
  },
  { name: '区卫生健康局', nameEn: 'Health Bureau', kind: 'governmentDepartment', categories: ['health'] },
  {
    name: '区退役军人事务局',
    nameEn: 'Veterans Affairs Bureau',
    kind: 'governmentDepartment',
    categories: ['civilAffairs', 'socialSecurity'],
  },
  {
    name: '区应急管理局',
    nameEn: 'Emergency Management Bureau',
    kind: 'governmentDepartment',
    categories: ['emergency', 'publicSecurity'],
  },
  { name: '区审计局', nameEn: 'Audit Bureau', kind: 'governmentDepartment', categories: ['finance'] },
  {
    name: '区国有资产监督管理局',
    nameEn: 'State-owned Assets Supervision Bureau',
    kind: 'governmentDepartment',
    categories: ['economy', 'finance'],
  },
  {
    name: '区市场监督管理局',
    nameEn: 'Market Regulation Bureau',
    kind: 'governmentDepartment',
    categories: ['market'],
  },
  { name: '区统计局', nameEn: 'Statistics Bureau', kind: 'governmentDepartment', categories: ['economy'] },
  {
    name: '区医疗保障局',
    nameEn: 'Healthcare Security Bureau',
    kind: 'governmentDepartment',
    categories: ['health', 'socialSecurity'],
  },
  {
    name: '区城市管理和综合执法局',
    nameEn: 'Urban Management and Law Enforcement Bureau',
    kind: 'governmentDepartment',
    categories: ['urbanManagement', 'environment'],
  },
  {
    name: '区政务服务数据管理局',
    nameEn: 'Government Services and Data Bureau',
    kind: 'governmentDepartment',
    categories: ['other'],
  },
  {
    name: '区信访局',
    nameEn: 'Letters and Visits Bureau',
    kind: 'governmentDepartment',
    categories: ['civilAffairs'],
  },
  {
    name: '区建筑工务署',
    nameEn: 'Public Works Bureau',
    kind: 'governmentDepartment',
    categories: ['housing', 'transport'],
  },
  {
    name: '区城市更新和土地整备局',
    nameEn: 'Urban Renewal and Land Consolidation Bureau',
    kind: 'governmentDepartment',
    categories: ['planning', 'housing'],
  },
  {
    name: '区农业农村局',
    nameEn: 'Agriculture and Rural Affairs Bureau',
    kind: 'governmentDepartment',
    categories: ['agriculture'],
  },
  {
    name: '区投资推广和企业服务中心',
    nameEn: 'Investment Promotion and Enterprise Service Centre',
    kind: 'governmentDepartment',
    categories: ['economy'],
  },
  {
    name: '区住房保障署',
    nameEn: 'Housing Security Office',
    kind: 'governmentDepartment',
    categories: ['housing', 'socialSecurity'],
  },
  {
    name: '区地方金融监督管理局',
    nameEn: 'Local Financial Supervision Bureau',
    kind: 'governmentDepartment',
    categories: ['finance', 'market'],
  },
  {
    name: '区人才工作局',
    nameEn: 'Talent Bureau',
    kind: 'governmentDepartment',
    categories: ['socialSecurity', 'science'],
  },
  {
    name: '区公路事务中心',
    nameEn: 'Highway Affairs Centre',
    kind: 'governmentDepartment',
    categories: ['transport'],
  },
  {
    name: '区机关事务管理局',
    nameEn: 'Government Offices Administration',
    kind: 'governmentDepartment',
    categories: ['other'],
  },
  {
    name: '区消防救援大队',
    nameEn: 'Fire and Rescue Brigade',
    kind: 'governmentDepartment',
    categories: ['emergency', 'publicSecurity'],
  },
  {
    name: '国家税务总局鹏城市东岭区税务局',
    nameEn: 'Dongling Tax Bureau',
    kind: 'governmentDepartment',
    categories: ['finance'],
  },
  {
    name: '区疾病预防控制中心',
    nameEn: 'Centre for Disease Control',
    kind: 'governmentDepartment',
    categories: ['health'],
  },
  { name: '区总工会', nameEn: 'Federation of Trade Unions', kind: 'other', categories: ['socialSecurity'] },
  { name: '区妇女联合会', nameEn: "Women's Federation", kind: 'other', categories: ['civilAffairs'] },
  {
    name: '区残疾人联合会',
    nameEn: 'Disabled Persons Federation',
    kind: 'other',
    categories: ['civilAffairs', 'socialSecurity'],
  },
  {
    name: '鹏城供电局东岭供电分局',
    nameEn: 'Dongling Power Supply Branch',
    kind: 'other',
    categories: ['urbanManagement'],
  },
  {
    name: '鹏城水务集团东岭分公司',
    nameEn: 'Dongling Water Supply Company',
    kind: 'other',
    categories: ['water'],
  },
];

export const JUDICIAL_UNITS: UnitSeed[] = [
  { name: '区人民法院', nameEn: "District People's Court", kind: 'court', categories: ['justice'] },
  {
    name: '区人民检察院',
    nameEn: "District People's Procuratorate",
    kind: 'procuratorate',
    categories: ['justice'],
  },
  {
    name: '区监察委员会',
    nameEn: 'District Supervision Commission',
    kind: 'supervisionCommission',
    categories: ['justice'],
  },
];

/** The 11 industry points (代表产业联系点), one per street; the first is the green-industry point. */
export const INDUSTRY_POINTS: { name: string; sector: string }[] = [
  { name: '人大代表绿色产业联系点', sector: '绿色环保' },
  { name: '人大代表新一代信息技术产业联系点', sector: '新一代信息技术' },
  { name: '人大代表智能制造产业联系点', sector: '智能制造' },
  { name: '人大代表生物医药产业联系点', sector: '生物医药' },
  { name: '人大代表文化创意产业联系点', sector: '文化创意' },
  { name: '人大代表现代物流产业联系点', sector: '现代物流' },
  { name: '人大代表新能源汽车产业联系点', sector: '新能源汽车' },
  { name: '人大代表数字经济产业联系点', sector: '数字经济' },
  { name: '人大代表现代金融产业联系点', sector: '现代金融' },
  { name: '人大代表跨境电商产业联系点', sector: '跨境电商' },
  { name: '人大代表先进材料产业联系点', sector: '先进材料' },
];

/** The district's roads (all made up): main roads through several streets, and each street's own. */
const MAIN_ROADS = ['东岭大道', '岭南路', '碧湖路', '凤岭路', '金塘路', '岭溪路'];
const STREET_ROADS: Record<string, string[]> = {
  东岭街道: ['红岭路'],
  平岗街道: ['平岗大道'],
  溪头街道: ['溪头路'],
  坂湖街道: ['坂湖大道'],
  吉岭街道: ['吉岭路'],
  南岗街道: ['岗西路'],
  横坪街道: ['横坪路'],
  荷山街道: ['荷山路'],
  宝溪街道: ['宝溪大道'],
  坪岭街道: ['坪岭路'],
  湖田街道: ['湖田路'],
};
export const ROADS = [...MAIN_ROADS, ...Object.values(STREET_ROADS).flat()];
/** The roads an address in the street can be on. */
export const roadsOf = (street: string): string[] => [...MAIN_ROADS, ...(STREET_ROADS[street] ?? [])];

// Surnames weighted roughly by frequency in Guangdong.
export const SURNAMES =
  '陈陈陈陈李李李黄黄黄张张张王王林林刘刘吴吴杨杨何何郑郑梁梁罗罗谢谢钟钟叶叶周周徐朱曾邓彭赖许蔡冯廖卢江温赵邱潘胡孙丘方余肖欧阳袁'.split(
    '',
  );
export const GIVEN_MALE =
  '伟强志明建国华军平勇杰涛斌俊峰磊鹏辉海东波宏刚文龙永锋浩宇新国庆家振荣智鑫晓光德坤耀'.split('');
export const GIVEN_FEMALE = '芳娜敏静丽艳娟霞燕玲婷雪慧颖琳洁欣怡佳秀英红梅兰凤晶莉倩璐思雅玉珍琴岚'.split(
  '',
);

export const DEMOCRATIC_PARTIES = ['民革', '民盟', '民建', '民进', '农工党', '致公党', '九三学社'];

/** Occupation and organization templates; `{s}` is the deputy's street, `{c}` a community, `{n}` a number. */
export const OCCUPATIONS: { occupation: string; organization: string; weight: number }[] = [
  { occupation: '社区党委书记', organization: '{s}{c}社区党委', weight: 8 },
  { occupation: '社区工作站站长', organization: '{s}{c}社区工作站', weight: 4 },
  { occupation: '股份合作公司董事长', organization: '{c}股份合作公司', weight: 6 },
  { occupation: '企业董事长', organization: '鹏城{x}科技有限公司', weight: 8 },
  { occupation: '企业总经理', organization: '鹏城{x}实业有限公司', weight: 6 },
  { occupation: '工程师', organization: '鹏城{x}电子有限公司', weight: 5 },
  { occupation: '一线工人', organization: '鹏城{x}精密制造有限公司', weight: 5 },
  { occupation: '教师', organization: '东岭区第{n}中学', weight: 5 },
  { occupation: '校长', organization: '东岭区{c}小学', weight: 3 },
  { occupation: '医生', organization: '东岭区人民医院', weight: 4 },
  { occupation: '护士长', organization: '东岭区第{n}人民医院', weight: 2 },
  { occupation: '社康中心主任', organization: '{c}社区健康服务中心', weight: 2 },
  { occupation: '律师', organization: '南粤{x}律师事务所', weight: 3 },
  { occupation: '街道办事处主任', organization: '{s}办事处', weight: 2 },
  { occupation: '街道党工委书记', organization: '{s}党工委', weight: 2 },
  { occupation: '区直机关干部', organization: '东岭区{u}', weight: 4 },
  { occupation: '个体工商户', organization: '{c}{x}商行', weight: 3 },
  { occupation: '物业公司经理', organization: '鹏城{x}物业管理有限公司', weight: 2 },
  { occupation: '社会组织负责人', organization: '东岭区{x}社会工作服务中心', weight: 2 },
  { occupation: '快递员', organization: '鹏城{x}速运有限公司', weight: 1 },
  { occupation: '网约车司机', organization: '鹏城{x}出行服务有限公司', weight: 1 },
  { occupation: '农业技术员', organization: '东岭区{c}农业合作社', weight: 1 },
];

export const COMPANY_WORDS = [
  '华创',
  '天成',
  '鸿泰',
  '中科',
  '新能',
  '海纳',
  '金岭',
  '瑞丰',
  '远航',
  '博亚',
  '恒信',
  '智联',
  '安达',
  '宏图',
  '美佳',
  '盛世',
  '锐捷',
  '清源',
  '东方',
  '佳和',
];
export const BUREAU_WORDS = [
  '发展和改革局',
  '教育局',
  '住房和建设局',
  '交通运输局',
  '卫生健康局',
  '民政局',
  '财政局',
  '水务局',
];

/** Pinyin of the characters in the demo's place names, for their English names. */
const PINYIN: Record<string, string> = {
  东: 'dong',
  岭: 'ling',
  新: 'xin',
  南: 'nan',
  红: 'hong',
  碧: 'bi',
  湖: 'hu',
  兴: 'xing',
  平: 'ping',
  岗: 'gang',
  白: 'bai',
  泥: 'ni',
  坑: 'keng',
  山: 'shan',
  厦: 'sha',
  木: 'mu',
  凤: 'feng',
  凰: 'huang',
  禾: 'he',
  花: 'hua',
  鹅: 'e',
  公: 'gong',
  溪: 'xi',
  头: 'tou',
  上: 'shang',
  水: 'shui',
  下: 'xia',
  李: 'li',
  朗: 'lang',
  丹: 'dan',
  竹: 'zhu',
  沙: 'sha',
  湾: 'wan',
  坂: 'ban',
  杨: 'yang',
  美: 'mei',
  马: 'ma',
  安: 'an',
  堂: 'tang',
  五: 'wu',
  和: 'he',
  象: 'xiang',
  角: 'jiao',
  塘: 'tang',
  大: 'da',
  发: 'fa',
  埔: 'pu',
  吉: 'ji',
  三: 'san',
  联: 'lian',
  径: 'jing',
  龙: 'long',
  西: 'xi',
  爱: 'ai',
  盛: 'sheng',
  横: 'heng',
  坪: 'ping',
  六: 'liu',
  约: 'yue',
  保: 'bao',
  四: 'si',
  园: 'yuan',
  荷: 'he',
  坳: 'ao',
  康: 'kang',
  良: 'liang',
  银: 'yin',
  宝: 'bao',
  同: 'tong',
  乐: 'le',
  坣: 'tang',
  田: 'tian',
  心: 'xin',
  祖: 'zu',
  黄: 'huang',
  石: 'shi',
  金: 'jin',
  丰: 'feng',
  合: 'he',
  围: 'wei',
  梅: 'mei',
  民: 'min',
  背: 'bei',
  鞍: 'an',
};

/** '白泥坑' → 'Bainikeng' (unknown characters are left as they are). */
export function romanize(name: string): string {
  const s = [...name].map((ch) => PINYIN[ch] ?? ch).join('');
  return s.charAt(0).toUpperCase() + s.slice(1);
}
