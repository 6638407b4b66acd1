// The demo's livelihood cycle: last year's 22 projects done and rated (the report's 2021 figure), this
// year's 15 projects in implementation with one adjusted (the report's 2022 figure), public ideas with
// support, and next year's vote OPEN — candidates, the roll frozen, quorum signed in by other deputies,
// the demo `deputy` on the roll and not yet signed in, so a newcomer can sign in and vote at once; its tellers
// (`teller1`..`teller3`) have held their key ceremony and have their shares in <data dir>/tellers/.
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { DEFAULT_EVALUATION_CRITERIA } from '@minyi/domain/livelihood';
import type { DemoContext } from '../../platform/demo';
import { systemCtx, type AppServices, type Ctx } from '../../platform/context';
import { newId } from '../../platform/ids';
import {
  livelihoodCandidates,
  livelihoodDeliberations,
  livelihoodEvaluations,
  livelihoodIdeaSupports,
  livelihoodIdeas,
  livelihoodMilestones,
  livelihoodProgressReports,
  livelihoodProjects,
} from './livelihood.table';
import { encryptBallot, partialDecrypt } from '@minyi/domain/ballots/crypto';
import {
  appointTellers,
  callRoll,
  castBallot,
  closeVote,
  createVote,
  enterPaperCount,
  findRoll,
  getCeremony,
  getVote,
  holdKeyCeremony,
  openVote,
  postPartialDecryption,
  signInMembers,
  writeShareFile,
} from '../ballots';
import { projectBallots } from './livelihood.repository';

/**
 * The livelihood projects (民生实事): the unit that really carries each one, a description, and the five stages
 * of its monthly progress notes (preparation, tender, works started, main works, finishing); `{n}` is the
 * quantity done so far, `{total}` the target, `{s}` where (a street, or 全区).
 */
interface Project {
  title: string;
  unit: string;
  total: number;
  desc: string;
  stages: [string, string, string, string, string];
  /** The project whose schedule is adjusted this year: why, and its notes from then on. */
  adjust?: { reason: string; note: string };
}
const PROJECTS: Project[] = [
  {
    title: '新建公办幼儿园学位 2000 个',
    unit: '区教育局',
    total: 2000,
    desc: '通过新建、回收小区配套园和改扩建，新增公办幼儿园学位，缓解入园难、入园贵。',
    stages: [
      '完成{s}学位缺口摸查，确定新建和回收的配套园名单',
      '完成6所幼儿园改扩建工程施工招标',
      '改扩建工程进场施工，回收的配套园已移交，提供学位{n}个',
      '主体工程基本完成，累计新增学位{n}个，同步开展教师招聘',
      '完成消防和卫生评价，已新增学位{n}个，秋季开学全部招生',
    ],
  },
  {
    title: '老旧小区加装电梯 120 台',
    unit: '区住房和建设局',
    total: 120,
    desc: '为七层以下无电梯的老旧住宅加装电梯，按规定给予财政补贴，方便老年人上下楼。',
    stages: [
      '梳理{s}有意愿加装的楼栋，协调业主签署加装协议',
      '完成加装电梯设计审查和施工单位遴选',
      '首批电梯进场施工，已完成{n}台井道基础',
      '累计完成井道钢结构安装{n}台，其中28台已进入设备调试',
      '已有{n}台电梯通过特种设备检验投入使用，其余进入验收',
    ],
  },
  {
    title: '城中村消防安全整治',
    unit: '区消防救援大队',
    total: 60,
    desc: '对城中村消防通道、电动自行车充电、出租屋消防设施开展系统整治，建设集中充电点。',
    stages: [
      '完成{s}城中村消防隐患入户排查，建立隐患台账',
      '完成集中充电设施和消防设施采购招标',
      '在{n}个城中村清理消防通道、建设电动自行车集中充电点',
      '累计完成{n}个城中村整治，微型消防站全部配齐器材',
      '整治完成{n}个城中村，开展复查和消防演练',
    ],
  },
  {
    title: '社区长者食堂全覆盖',
    unit: '区民政局',
    total: 62,
    desc: '每个社区建成至少一个长者食堂或助餐点，对高龄、困难老人给予助餐补贴。',
    stages: [
      '完成{s}长者助餐需求调查和点位选址',
      '完成助餐服务机构遴选和补贴标准制定',
      '新建助餐点装修施工，已有{n}个社区开餐',
      '累计{n}个社区的长者食堂投入运营，开通送餐上门',
      '长者食堂覆盖{n}个社区，开展满意度回访',
    ],
  },
  {
    title: '新增公共停车位 5000 个',
    unit: '区交通运输局',
    total: 5000,
    desc: '利用边角地、闲置地和学校、医院周边空间建设公共停车场，缓解停车难。',
    stages: [
      '完成{s}停车供需调查，确定12处停车场选址',
      '完成停车场建设工程招标，签订施工合同',
      '停车场进场施工，已建成车位{n}个',
      '累计建成车位{n}个，智慧停车系统接入全市平台',
      '已新增车位{n}个，剩余停车场进入竣工验收',
    ],
  },
  {
    title: '口袋公园建设 30 个',
    unit: '区城市管理和综合执法局',
    total: 30,
    desc: '利用社区闲置地、边角地建设口袋公园，让居民出门见绿。',
    stages: [
      '完成{s}口袋公园选址，方案经社区居民议事会征求意见',
      '完成口袋公园设计和施工招标',
      '首批口袋公园进场施工，已有{n}个完成场地平整',
      '累计{n}个口袋公园完成绿化种植和园路铺装',
      '{n}个口袋公园已开放使用，剩余进入验收',
    ],
  },
  {
    title: '中小学空调进教室',
    unit: '区教育局',
    total: 1800,
    desc: '为公办中小学普通教室安装空调，同步完成校园电力扩容。',
    stages: [
      '完成{s}各校教室和电力容量摸底，制定安装方案',
      '完成空调设备采购和电力扩容工程招标',
      '利用周末和假期施工，已完成{n}间教室安装',
      '累计完成{n}间教室空调安装，电力扩容同步推进',
      '已有{n}间教室空调投入使用，开展用电安全检查',
    ],
  },
  {
    title: '河道碧道建设 20 公里',
    unit: '区水务局',
    total: 20,
    desc: '沿岭溪河、溪头河建设连续的碧道和亲水平台，提升滨水空间品质。',
    stages: [
      '完成岭溪河、溪头河碧道方案设计和用地核查',
      '完成碧道一期工程施工招标',
      '碧道工程进场施工，完成{n}公里步道基础',
      '累计建成碧道{n}公里，亲水平台和驿站同步施工',
      '已建成碧道{n}公里并开放，开展绿化补植',
    ],
  },
  {
    title: '社区健康服务中心提质',
    unit: '区卫生健康局',
    total: 24,
    desc: '对业务用房不足的社康中心扩容改造，增加全科医生和儿科、康复服务。',
    stages: [
      '完成{s}社康中心业务用房评估，确定改造名单',
      '完成改造工程和医疗设备采购招标',
      '社康中心改造进场施工，其间设临时诊室不停诊，已完成{n}家',
      '累计{n}家社康中心完成改造，新增全科医生到岗',
      '已有{n}家社康中心完成提质并通过执业校验',
    ],
  },
  {
    title: '公交接驳微循环线路 15 条',
    unit: '区交通运输局',
    total: 15,
    desc: '开通连接地铁站与社区、园区的微循环公交线路，解决出行“最后一公里”。',
    stages: [
      '完成{s}居民出行需求调查，编制微循环线网方案',
      '完成线路运营企业遴选和车辆采购',
      '首批线路试运行，已开通{n}条',
      '累计开通{n}条线路，根据客流调整站点和班次',
      '已开通{n}条线路，开展乘客满意度调查',
    ],
    adjust: {
      reason:
        '途经坂湖大道、宝溪大道的4条线路受道路改造工期影响无法按期开通，经区人大常委会审议同意顺延至次年6月。',
      note: '途经坂湖大道的线路受道路改造影响暂缓开通，已开通{n}条，其余按调整后的计划于次年6月前开通',
    },
  },
  {
    title: '背街小巷环境整治',
    unit: '区城市管理和综合执法局',
    total: 150,
    desc: '对背街小巷的路面、排水、照明、架空线和立面进行综合整治。',
    stages: [
      '完成{s}背街小巷现状摸查，形成“一巷一策”',
      '完成整治工程设计和施工招标',
      '整治工程进场施工，已完成{n}条小巷',
      '累计完成{n}条小巷整治，三线下地同步推进',
      '已完成{n}条小巷整治，建立巷长制长效管理',
    ],
  },
  {
    title: '充电桩进小区',
    unit: '区住房和建设局',
    total: 3000,
    desc: '在老旧小区和无固定车位小区建设共享充电桩，由供电部门简化报装。',
    stages: [
      '完成{s}小区充电需求登记，协调物业和业主委员会同意建设',
      '完成充电设施运营企业遴选，供电部门完成电力接入方案',
      '首批小区进场施工，已建成充电桩{n}个',
      '累计建成充电桩{n}个，接入全区充电服务平台',
      '已建成充电桩{n}个，开展消防安全验收',
    ],
  },
  {
    title: '儿童友好街区建设',
    unit: '区住房和建设局',
    total: 6,
    desc: '在学校、社区之间建设安全连续的儿童步行路径和游戏空间。',
    stages: [
      '完成{s}儿童友好街区方案，邀请儿童议事会参与设计',
      '完成街区改造工程招标',
      '街区改造进场施工，已完成{n}个街区的步行路径',
      '累计{n}个街区完成游戏空间和安全设施建设',
      '{n}个儿童友好街区已开放，开展使用评估',
    ],
  },
  {
    title: '残疾人康复服务站',
    unit: '区残疾人联合会',
    total: 11,
    desc: '每个街道建成一个残疾人康复服务站，提供康复训练和辅具适配服务。',
    stages: [
      '完成{s}残疾人康复需求调查和站点选址',
      '完成站点装修和康复设备采购招标',
      '站点装修施工，已有{n}个站点完成装修',
      '累计{n}个站点投入试运营，康复师全部到岗',
      '已建成{n}个康复服务站，开展服务质量评估',
    ],
  },
  {
    title: '垃圾分类屋升级改造',
    unit: '区城市管理和综合执法局',
    total: 400,
    desc: '为垃圾分类屋加装除臭、洗手和智能称重设施，延长投放时间。',
    stages: [
      '完成{s}垃圾分类屋现状评估，确定改造清单',
      '完成改造设备采购和施工招标',
      '分批改造施工，已完成{n}座',
      '累计完成{n}座分类屋升级，智能称重数据接入平台',
      '已完成{n}座分类屋改造，开展居民满意度回访',
    ],
  },
  {
    title: '学校周边交通安全设施',
    unit: '区交通运输局',
    total: 86,
    desc: '在中小学、幼儿园周边完善人行过街、护栏、标志标线和临时停车区。',
    stages: [
      '会同交警大队完成{s}学校周边交通安全隐患排查',
      '完成交通设施设计和施工招标',
      '利用假期进场施工，已完成{n}所学校周边设施',
      '累计完成{n}所学校，护学岗同步设置',
      '已完成{n}所学校周边交通设施并通过交警验收',
    ],
  },
  {
    title: '社区图书馆智慧化改造',
    unit: '区文化广电旅游体育局',
    total: 40,
    desc: '对社区图书馆进行自助借还和通借通还改造，延长开放时间。',
    stages: [
      '完成{s}社区图书馆设施评估，确定改造名单',
      '完成自助借还设备采购招标',
      '设备安装调试，已完成{n}个图书馆改造',
      '累计{n}个图书馆接入全区通借通还系统',
      '已完成{n}个图书馆改造，实行夜间自助开放',
    ],
  },
  {
    title: '农贸市场升级改造',
    unit: '区商务局',
    total: 12,
    desc: '对老旧农贸市场的排水、通风、摊位和食品快检设施进行升级改造。',
    stages: [
      '完成{s}农贸市场现状评估，与市场开办方签订改造协议',
      '完成改造设计和施工招标，安排临时过渡经营点',
      '分区改造施工、不停业经营，已完成{n}个市场',
      '累计{n}个市场完成改造，食品快检室投入使用',
      '已完成{n}个市场升级，开展环境卫生考核',
    ],
  },
  {
    title: '夜间照明亮化工程',
    unit: '区城市管理和综合执法局',
    total: 2600,
    desc: '为照明不足的道路、背街小巷和公园步道增设和更新路灯。',
    stages: [
      '完成{s}照明盲点夜间巡查，确定路灯增设点位',
      '完成路灯采购和安装工程招标',
      '路灯安装施工，已新增和更换路灯{n}盏',
      '累计完成路灯{n}盏，纳入智慧路灯管理平台',
      '已完成路灯{n}盏，开展夜间照度检测',
    ],
  },
  {
    title: '街心公园无障碍改造',
    unit: '区城市管理和综合执法局',
    total: 18,
    desc: '对街心公园的出入口、园路、厕所进行无障碍改造。',
    stages: [
      '邀请残疾人代表参与{s}街心公园无障碍体验评估',
      '完成改造设计和施工招标',
      '改造施工，已完成{n}个公园的出入口坡道',
      '累计{n}个公园完成园路和无障碍厕所改造',
      '已完成{n}个公园改造，通过无障碍设施验收',
    ],
  },
  {
    title: '燃气管道老化更新',
    unit: '区住房和建设局',
    total: 85,
    desc: '对使用年限超过20年的老旧燃气管道进行更新改造，消除泄漏隐患。',
    stages: [
      '完成{s}老旧燃气管道检测评估，确定更新清单',
      '完成更新工程招标，燃气企业编制停气计划',
      '分段施工更新，已完成{n}公里',
      '累计更新管道{n}公里，同步加装燃气泄漏报警器',
      '已更新管道{n}公里，完成通气验收',
    ],
  },
  {
    title: '社区体育公园建设',
    unit: '区文化广电旅游体育局',
    total: 8,
    desc: '利用边角地和河边空地建设社区体育公园，配建足球场、篮球场和健身步道。',
    stages: [
      '完成{s}社区体育公园选址和方案设计',
      '完成施工招标',
      '体育公园进场施工，已有{n}个完成场地基础',
      '累计{n}个体育公园完成球场和步道建设',
      '{n}个社区体育公园已开放使用',
    ],
  },
  {
    title: '校园食堂明厨亮灶',
    unit: '区市场监督管理局',
    total: 210,
    desc: '在中小学和幼儿园食堂安装视频监控，实现后厨操作实时可视。',
    stages: [
      '会同区教育局完成{s}学校食堂现状摸查',
      '完成视频监控设备采购招标',
      '设备安装调试，已完成{n}所学校',
      '累计{n}所学校食堂接入监管平台，家长可在线查看',
      '已完成{n}所学校明厨亮灶改造，开展运行抽查',
    ],
  },
  {
    title: '二次供水设施改造',
    unit: '区水务局',
    total: 160,
    desc: '对老旧小区二次供水设施改造后移交供水企业统一管理。',
    stages: [
      '完成{s}小区二次供水设施摸查，与业主签订移交协议',
      '完成改造工程招标',
      '改造施工，已完成{n}个小区',
      '累计完成{n}个小区改造并移交供水企业',
      '已完成{n}个小区，开展水质检测',
    ],
  },
  {
    title: '一老一小综合服务体',
    unit: '区民政局',
    total: 11,
    desc: '每个街道建设一个集养老服务和托育服务于一体的综合服务体。',
    stages: [
      '完成{s}综合服务体选址和功能设计',
      '完成装修工程和运营机构招标',
      '装修施工，已有{n}个服务体完成装修',
      '累计{n}个服务体试运营',
      '已建成{n}个一老一小综合服务体',
    ],
  },
  {
    title: '人行天桥加装电梯',
    unit: '区交通运输局',
    total: 14,
    desc: '为医院、学校、地铁站周边人流大的人行天桥加装垂直电梯。',
    stages: [
      '完成{s}人行天桥人流量调查，确定加装名单',
      '完成加装电梯设计和施工招标',
      '加装施工，已完成{n}座天桥的电梯基础',
      '累计{n}座天桥完成电梯安装，进入调试',
      '已有{n}座天桥电梯通过检验投入使用',
    ],
  },
  {
    title: '慢行绿道连通',
    unit: '区城市管理和综合执法局',
    total: 35,
    desc: '打通绿道断点，连通公园、碧道和社区，形成连续的慢行网络。',
    stages: [
      '完成{s}绿道断点梳理和连通方案',
      '完成施工招标',
      '断点连通施工，已完成{n}公里',
      '累计连通绿道{n}公里，同步设置标识系统',
      '已连通绿道{n}公里并开放',
    ],
  },
  {
    title: '积水内涝点整治',
    unit: '区水务局',
    total: 42,
    desc: '对历年暴雨易积水的路段和小区进行排水管网扩容和泵站建设。',
    stages: [
      '完成{s}积水内涝点复核，制定“一点一策”',
      '完成整治工程招标，汛前先行布设临时抽排设备',
      '整治施工，已完成{n}处',
      '累计完成{n}处内涝点整治，经受汛期暴雨检验',
      '已完成{n}处整治，销号验收',
    ],
  },
  {
    title: '便民服务中心延时服务',
    unit: '区政务服务数据管理局',
    total: 11,
    desc: '街道便民服务中心在工作日晚间和周六提供延时服务。',
    stages: [
      '完成{s}便民服务中心群众办事时段调查',
      '制定延时服务方案，落实人员和经费保障',
      '已有{n}个便民服务中心开始延时服务',
      '累计{n}个便民服务中心实行延时和周六服务',
      '{n}个便民服务中心全部实行延时服务，开展评价',
    ],
  },
  {
    title: '社区工作站适老化改造',
    unit: '区民政局',
    total: 62,
    desc: '对社区工作站和党群服务中心进行适老化改造，设置爱心座椅、老花镜和无障碍通道。',
    stages: [
      '完成{s}社区工作站适老化评估',
      '完成改造工程招标',
      '改造施工，已完成{n}个社区工作站',
      '累计完成{n}个社区工作站改造',
      '已完成{n}个社区工作站适老化改造并通过验收',
    ],
  },
];
const PROJECT_TITLES = PROJECTS.map((p) => p.title);
/** The second month of a stage without quantities (preparation, tender). */
const STAGE_FOLLOW_UP = [
  '实施方案经专家评审并报区政府同意，完成财政评审',
  '施工单位完成进场前准备和安全技术交底',
];
const FEASIBILITY = [
  (unit: string, wan: number, y: number) =>
    `${unit}已完成前期调研和选址，投资估算${wan}万元，资金已申报纳入${y}年度区级财政预算。`,
  (unit: string, wan: number) =>
    `项目由${unit}牵头实施，已完成可行性研究，估算总投资${wan}万元，用地和审批条件已落实。`,
  (unit: string, wan: number) =>
    `${unit}已会同各街道完成需求摸查，投资估算${wan}万元，建成后的管护经费已明确由${unit}负责。`,
];
const DELIBERATIONS = [
  '建议明确建设标准和完成时限，兼顾后续管护经费。',
  '建议优先安排在人口密集、需求最集中的社区，实施前充分征求居民意见。',
  '预算偏紧，建议分两年实施，第一年先解决群众反映最集中的点位。',
  '建议在实施方案中明确各街道的任务分工，按季度向代表通报进度。',
  '支持列入项目，建议引入第三方评估，验收时邀请代表和居民参与。',
];
const IDEAS: { title: string; content: string }[] = [
  {
    title: '小区门口增设公交站',
    content:
      '新围社区几个小区门口离最近的公交站有800米，老人去菜市场要走很久，建议在小区门口增设一个公交站。',
  },
  {
    title: '社区增设24小时自助图书馆',
    content: '社区图书室下午五点就关门，上班族和学生用不上，建议在党群服务中心门口设一台24小时自助借还书机。',
  },
  {
    title: '老旧路灯更换为LED',
    content: '小区周边道路的老式钠灯又暗又费电，建议全部更换为LED路灯，晚上走路更安全。',
  },
  {
    title: '学校周边增设家长接送区',
    content: '放学时家长的车停满学校门口的路，孩子过马路很危险，建议在学校旁边空地划一个家长接送区。',
  },
  {
    title: '公园增设儿童游乐设施',
    content: '荷山公园只有健身器材，没有给小朋友玩的滑梯和沙池，周末孩子没处玩，建议增设儿童游乐区。',
  },
  {
    title: '菜市场增设公共厕所',
    content: '金塘菜市场每天人很多，附近却没有公共厕所，摊主和买菜的老人都很不方便，建议在市场旁建一座公厕。',
  },
  {
    title: '社区增设长者助餐点',
    content: '田心社区老人多，子女白天上班，中午吃饭成问题，建议在社区增设长者助餐点，能送餐上门更好。',
  },
  {
    title: '河边步道增设夜间照明',
    content: '岭溪河边的步道晚上散步的人很多，但一段路没有路灯，建议增设照明，注意不要太刺眼。',
  },
  {
    title: '增设电动自行车集中充电点',
    content: '城中村楼道里充电太危险了，建议在村口空地建一个带监控和灭火设施的电动自行车集中充电棚。',
  },
  {
    title: '城中村道路修缮',
    content: '下溪围村里的主路坑坑洼洼，一下雨全是积水，消防车也进不来，建议重新铺设路面、疏通排水沟。',
  },
  {
    title: '增加篮球场夜间开放',
    content: '社区篮球场晚上八点就锁门，下班后的年轻人没地方打球，建议加装照明，开放到晚上十点。',
  },
  {
    title: '地铁站接驳共享单车停放区',
    content: '吉岭站出口共享单车乱停，把盲道都占了，建议在出口旁边划设规范的停放区。',
  },
];
const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

export async function seedLivelihoodDemo(app: AppServices, demo: DemoContext): Promise<void> {
  const { congressId, random } = demo;
  const db = app.db;
  const year = demo.now.getUTCFullYear();
  // Each project to the unit named for it; a name that is not a demo unit is a mistake in this file.
  const unitNamed = (name: string) => {
    const unit = demo.handlingUnits.find((u) => u.name === name);
    if (!unit)
      throw new Error(`The demo livelihood projects name a handling unit that does not exist: ${name}`);
    return unit;
  };
  const projectOf = (title: string) => PROJECTS.find((p) => p.title === title)!;
  const street = (i: number) => demo.streets[i % demo.streets.length];
  const deputyAccount = demo.accounts.deputy;
  const budget = () => (200 + Math.floor(random() * 4800)) * 10_000;

  const candidateRows = (y: number, titles: string[]) =>
    titles.map((title, i) => {
      const p = projectOf(title);
      const amount = budget();
      return {
        id: newId(),
        congressId,
        year: y,
        title,
        description: p.desc,
        leadUnitId: unitNamed(p.unit).id,
        budget: amount,
        streetId: i % 3 === 0 ? street(i).id : null,
        feasibilityNote: FEASIBILITY[(i + y) % FEASIBILITY.length](p.unit, amount / 10_000, y),
      };
    });

  // ---------- last year: 22 projects implemented, accepted and rated ----------
  const lastCands = candidateRows(year - 1, PROJECT_TITLES.slice(0, 26));
  await db.insert(livelihoodCandidates).values(lastCands);
  const lastProjects = lastCands.slice(0, 22).map((c) => ({
    id: newId(),
    congressId,
    year: year - 1,
    candidateId: c.id,
    title: c.title,
    leadUnitId: c.leadUnitId,
    budget: c.budget,
    streetId: c.streetId,
    status: 'accepted' as const,
    percent: 100,
    targetDate: `${year - 1}-12-31`,
  }));
  await db.insert(livelihoodProjects).values(lastProjects);
  const raters = demo.deputyIds.slice(0, 40);
  await db.insert(livelihoodEvaluations).values(
    lastProjects.flatMap((p) =>
      raters.map((deputyId) => ({
        id: newId(),
        congressId,
        projectId: p.id,
        deputyId,
        comment: '',
        scores: Object.fromEntries(DEFAULT_EVALUATION_CRITERIA.map((c) => [c, 3 + Math.floor(random() * 3)])),
      })),
    ),
  );

  // ---------- this year: 15 projects in implementation, one adjusted ----------
  const thisCands = candidateRows(year, PROJECT_TITLES.slice(5, 23));
  await db.insert(livelihoodCandidates).values(thisCands);
  const month = demo.now.getUTCMonth() + 1;
  const thisProjects = thisCands.slice(0, 15).map((c, i) => {
    const adjusted = i === 4;
    const adjust = projectOf(c.title).adjust;
    if (adjusted && !adjust)
      throw new Error(`The demo's adjusted livelihood project says no reason: ${c.title}`);
    const percent = Math.min(95, Math.round((month / 12) * 100 * (adjusted ? 0.5 : 0.9 + random() * 0.2)));
    return {
      id: newId(),
      congressId,
      year,
      candidateId: c.id,
      title: c.title,
      leadUnitId: c.leadUnitId,
      budget: c.budget,
      streetId: c.streetId,
      status: adjusted ? ('adjusted' as const) : ('onTrack' as const),
      percent,
      targetDate: adjusted ? `${year + 1}-06-30` : `${year}-12-31`,
      adjustmentReason: adjusted ? adjust!.reason : '',
      adjustmentApprovedOn: adjusted ? `${year}-07-15` : null,
      adjustmentReference: adjusted ? `常委会第${12 + (year % 10)}次会议决定` : '',
    };
  });
  // The projects came out of this year's vote (its close put them into implementation): each gets its progress.
  const chosen = await holdThisYearsVote(
    app,
    demo,
    year,
    thisCands.map((c) => c.id),
    thisCands.length - 3,
  );
  for (const p of thisProjects) {
    const [row] = await db
      .update(livelihoodProjects)
      .set({
        status: p.status,
        percent: p.percent,
        targetDate: p.targetDate,
        adjustmentReason: p.adjustmentReason,
        adjustmentApprovedOn: p.adjustmentApprovedOn,
        adjustmentReference: p.adjustmentReference,
      })
      .where(eq(livelihoodProjects.id, chosen.get(p.candidateId) ?? ''))
      .returning({ id: livelihoodProjects.id });
    if (!row) throw new Error(`The demo's vote of ${year} did not choose ${p.title}`);
    p.id = row.id;
  }
  await db.insert(livelihoodMilestones).values(
    thisProjects.flatMap((p) => [
      {
        id: newId(),
        congressId,
        projectId: p.id,
        title: '完成立项和招标',
        targetDate: `${year}-03-31`,
        doneOn: `${year}-03-25`,
      },
      {
        id: newId(),
        congressId,
        projectId: p.id,
        title: '完成过半工程量',
        targetDate: `${year}-06-30`,
        doneOn: p.status === 'adjusted' ? null : `${year}-06-28`,
      },
      { id: newId(), congressId, projectId: p.id, title: '完工验收', targetDate: p.targetDate },
    ]),
  );
  // Each month's note says the stage the project is at (preparation, tender, works, main works, finishing) and how
  // much of it is done, in the project's own terms.
  const streetName = (streetId: string | null) =>
    streetId ? (demo.streets.find((x) => x.id === streetId)?.name ?? '全区') : '全区';
  const reports = thisProjects.flatMap((p) => {
    const spec = projectOf(p.title);
    let previous = -1;
    return Array.from({ length: Math.max(1, month - 1) }, (_, k) => {
      const percent = Math.round((p.percent * (k + 1)) / Math.max(1, month - 1));
      const adjusted = p.status === 'adjusted' && k >= 5;
      const stage = percent < 12 ? 0 : percent < 22 ? 1 : percent < 50 ? 2 : percent < 80 ? 3 : 4;
      // A second month in preparation or tender says what followed, not the same line again.
      const again = stage === previous && stage < 2;
      previous = stage;
      const text = (adjusted ? spec.adjust!.note : again ? STAGE_FOLLOW_UP[stage] : spec.stages[stage])
        .replace('{n}', String(Math.max(1, Math.round((spec.total * percent) / 100))))
        .replace('{total}', String(spec.total))
        .replace('{s}', streetName(p.streetId));
      return {
        id: newId(),
        congressId,
        projectId: p.id,
        month: `${year}-${String(k + 1).padStart(2, '0')}`,
        percent,
        narrative: `${k + 1}月：${text}。`,
        status: adjusted ? 'adjusted' : 'onTrack',
      };
    });
  });
  for (let i = 0; i < reports.length; i += 500)
    await db.insert(livelihoodProgressReports).values(reports.slice(i, i + 500));

  // ---------- next year: public ideas with support, candidates with deliberation, the vote OPEN ----------
  const ideas = IDEAS.map(({ title, content }, i) => ({
    id: newId(),
    congressId,
    year: year + 1,
    title,
    content,
    streetId: street(i).id,
    estimatedCost: (20 + Math.floor(random() * 300)) * 10_000,
    source: i % 4 === 0 ? ('deputy' as const) : ('public' as const),
    deputyId: i % 4 === 0 ? pick(random, demo.deputyIds) : null,
    submitterName: i % 4 === 0 ? '' : '居民',
  }));
  await db.insert(livelihoodIdeas).values(ideas);
  const supports = ideas.flatMap((idea, i) =>
    Array.from({ length: 3 + ((i * 11) % 40) }, (_, k) => ({
      congressId,
      ideaId: idea.id,
      supporterKey: `demo:${i}:${k}`,
    })),
  );
  await db.insert(livelihoodIdeaSupports).values(supports);
  for (const idea of ideas) {
    await db
      .update(livelihoodIdeas)
      .set({ supportCount: supports.filter((s) => s.ideaId === idea.id).length })
      .where(eq(livelihoodIdeas.id, idea.id));
  }

  const nextCands = candidateRows(year + 1, [...PROJECT_TITLES.slice(16, 30)]);
  await db.insert(livelihoodCandidates).values(nextCands);
  await db.insert(livelihoodDeliberations).values(
    nextCands.slice(0, 5).map((c, i) => ({
      id: newId(),
      congressId,
      candidateId: c.id,
      delegation: `${street(i).name}代表团`,
      accountId: deputyAccount.accountId,
      deputyId: deputyAccount.deputyId ?? null,
      content: DELIBERATIONS[i % DELIBERATIONS.length],
    })),
  );

  // The vote is made and run as the demo's staff account would (the engine authorizes every step).
  const staff = demo.accounts.staff;
  const ctx = {
    ...systemCtx(app, { requestId: 'demo-seed' }),
    actor: {
      accountId: staff.accountId,
      username: 'staff',
      displayName: 'staff',
      roles: ['congressStaff' as const],
      congressId,
      deputyId: null,
      handlingUnitId: null,
      via: 'session' as const,
    },
  };
  const { id: voteId } = await createVote(ctx, projectBallots, {
    year: year + 1,
    title: `${year + 1}年度区民生实事项目票决`,
    scope: 'district',
    streetId: null,
    maxChoices: 10,
    candidateIds: nextCands.map((c) => c.id),
    voterRepresentatives: [],
  });
  await callRoll(ctx, voteId);
  // Quorum signed in at the desk: every deputy on the roll but one in ten, and never the demo deputy.
  const roll = (await findRoll(app.db, congressId, voteId)).items.filter(
    (m) => m.memberId !== deputyAccount.deputyId,
  );
  const present = roll.filter((_, i) => i % 10 !== 0).map((r) => r.memberId);
  await signInMembers(ctx, voteId, present, demo.now);
  // The tellers hold their key ceremony (each as itself); their shares go to files under the data directory,
  // as each teller would download theirs, never to the database. A demo in memory keeps none.
  const tellers = (['teller1', 'teller2', 'teller3'] as const).map((username) => ({
    username,
    accountId: demo.accounts[username].accountId,
    roles: ['congressStaff' as const],
  }));
  await appointTellers(
    ctx,
    voteId,
    tellers.map((t) => t.accountId),
  );
  const shares = await holdKeyCeremony(app, congressId, voteId, tellers);
  const dataDir = app.config.dataDir;
  if (dataDir)
    for (const [i, t] of tellers.entries())
      writeShareFile(path.join(dataDir, 'tellers'), t.username, shares[i]);
  await openVote(ctx, voteId);
}

/** A staff, teller or deputy of the demo as the actor of an engine step (the engine authorizes each). */
function actorCtx(
  app: AppServices,
  congressId: string,
  who: {
    accountId: string;
    username: string;
    roles: ('congressStaff' | 'deputy')[];
    deputyId?: string | null;
  },
): Ctx {
  return {
    ...systemCtx(app, { requestId: 'demo-seed' }),
    actor: {
      accountId: who.accountId,
      username: who.username,
      displayName: who.username,
      roles: who.roles,
      congressId,
      deputyId: who.deputyId ?? null,
      handlingUnitId: null,
      via: 'session' as const,
    },
  };
}

/**
 * This year's vote, held at the congress's session in January and since closed: the roll, the tellers' key
 * ceremony, electronic ballots encrypted on the deputies' phones (the browser's code, real proofs), the paper
 * ballots' statement entered by two tellers, the close, and two tellers' partial decryptions with their shares
 * (which are used here and kept nowhere: the vote is over). Its bulletin is public, so a visitor can verify the
 * count. Answers the projects its close put into implementation, by candidate.
 */
async function holdThisYearsVote(
  app: AppServices,
  demo: DemoContext,
  year: number,
  candidateIds: string[],
  places: number,
): Promise<Map<string, string>> {
  const { congressId, random } = demo;
  const staff = actorCtx(app, congressId, {
    accountId: demo.accounts.staff.accountId,
    username: 'staff',
    roles: ['congressStaff'],
  });
  const { id: voteId } = await createVote(staff, projectBallots, {
    year,
    title: `${year}年度区民生实事项目票决`,
    scope: 'district',
    streetId: null,
    maxChoices: places,
    candidateIds,
    voterRepresentatives: [],
  });
  await callRoll(staff, voteId);
  // One deputy in twelve absent; the demo deputy, who joined the congress since, is not among the voters.
  const roll = (await findRoll(app.db, congressId, voteId)).items.filter(
    (m) => m.memberId !== demo.accounts.deputy.deputyId,
  );
  const present = roll.filter((_, i) => i % 12 !== 5).map((r) => r.memberId);
  await signInMembers(staff, voteId, present, new Date(Date.UTC(year, 0, 14, 1, 30)));
  const tellers = (['teller1', 'teller2', 'teller3'] as const).map((username) => ({
    username,
    accountId: demo.accounts[username].accountId,
    roles: ['congressStaff' as const],
  }));
  await appointTellers(
    staff,
    voteId,
    tellers.map((t) => t.accountId),
  );
  const shares = await holdKeyCeremony(app, congressId, voteId, tellers);
  await openVote(staff, voteId);

  // Each deputy's choices: the candidates in the order staff listed them (their deliberation's ranking), the
  // first ones more often; never more than `places`.
  const order = (await getVote(app.db, staff.actor!, projectBallots, voteId)).candidates.map((c) => c.id);
  const choose = () => {
    const picked = order
      .map((id) => ({
        id,
        p: candidateIds.indexOf(id) < places ? 0.9 - 0.02 * candidateIds.indexOf(id) : 0.38,
      }))
      .filter((c) => random() < c.p)
      .map((c) => c.id);
    return picked.slice(0, places);
  };
  // A few dozen deputies voted from their phones; the others on paper.
  const ceremony = await getCeremony(app.db, staff.actor!, voteId);
  const ballotCtx = {
    voteId,
    curve: ceremony.curve,
    publicKey: ceremony.publicKey!,
    candidates: ceremony.candidates,
    maxChoices: ceremony.maxChoices,
  };
  const electronic = present.filter((_, i) => i % 14 === 3);
  for (const deputyId of electronic) {
    // The demo lays out accounts for its named users only: the deputy's own id stands for their account here.
    const deputy = actorCtx(app, congressId, {
      accountId: deputyId,
      username: 'deputy',
      roles: ['deputy'],
      deputyId,
    });
    const positions = choose().map((id) => order.indexOf(id));
    await castBallot(deputy, voteId, encryptBallot(ballotCtx, positions));
  }
  const paper = present.length - electronic.length;
  const counts: Record<string, number> = Object.fromEntries(candidateIds.map((id) => [id, 0]));
  const spoilt = 3;
  const blank = 1;
  for (let i = 0; i < paper - spoilt - blank; i++) for (const id of choose()) counts[id]++;
  const statement = {
    issued: paper,
    returned: paper,
    valid: paper - spoilt - blank,
    void: spoilt,
    blank,
    counts,
  };
  for (const t of tellers.slice(1))
    await enterPaperCount(actorCtx(app, congressId, { ...t, roles: ['congressStaff'] }), voteId, statement);
  await closeVote(staff, projectBallots, voteId);
  // Two of the three tellers decrypt the totals, each with their own share, as their browsers would.
  for (const n of [0, 2]) {
    const teller = actorCtx(app, congressId, { ...tellers[n], roles: ['congressStaff'] });
    const c = await getCeremony(app.db, teller.actor!, voteId);
    await postPartialDecryption(
      teller,
      projectBallots,
      voteId,
      partialDecrypt(ballotCtx, shares[n], c.combined!),
    );
  }
  const projects = await app.db
    .select({ id: livelihoodProjects.id, candidateId: livelihoodProjects.candidateId })
    .from(livelihoodProjects)
    .where(eq(livelihoodProjects.voteId, voteId));
  return new Map(projects.map((p) => [p.candidateId!, p.id]));
}
