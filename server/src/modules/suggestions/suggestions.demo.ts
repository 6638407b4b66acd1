// The demo's suggestions: 91 in the current sitting (the report's figure) in every state, some overdue, 17 key
// suggestions with leading leaders, a few motions; the demo deputy has their own and the demo unit has work waiting.
// Every suggestion is on a subject of its own and goes to the unit that handles such a thing in a district.
import { eq, sql } from 'drizzle-orm';
import { addMonths, endOfShanghaiDay, shanghaiDate } from '@minyi/domain/calendar';
import {
  DEFAULT_SUGGESTION_CATEGORIES,
  formatSuggestionNumber,
  SUGGESTION_SETTINGS_KEY,
  type SuggestionStatus,
} from '@minyi/domain/suggestions';
import type { AppServices } from '../../platform/context';
import type { DemoContext } from '../../platform/demo';
import { newId } from '../../platform/ids';
import { sittings, terms } from '../registry';
import { readSuggestionSettings, searchTextOf, storeSuggestionItems } from './suggestions.repository';
import {
  motionSigners,
  motions,
  suggestionAssignments,
  suggestionContacts,
  suggestionCounters,
  suggestionHandBacks,
  suggestionCosigners,
  suggestionRatings,
  suggestionReplies,
  suggestionSupervisions,
  suggestions,
} from './suggestions.table';

/** A demo suggestion's subject: its category, the unit that really handles such a thing (and who assists), its
 * title and content in a deputy's voice, and `act`, what the unit does about it (the replies are built from it). */
interface Topic {
  category: string;
  lead: string;
  assist?: string;
  title: string;
  content: string;
  act: string;
}
const T = (
  category: string,
  lead: string,
  assist: string | undefined,
  title: string,
  content: string,
  act: string,
): Topic => ({ category, lead, ...(assist ? { assist } : {}), title, content, act });

const TRANSPORT = '区交通运输局';
const POLICE = '鹏城市公安局交通警察支队东岭大队';

/** Led by the transport bureau (the demo `unit` account): every fifth suggestion of the sitting is one of these. */
const TRANSPORT_TOPICS: Topic[] = [
  T(
    'transport',
    TRANSPORT,
    undefined,
    '关于优化坂湖地铁站公交接驳的建议',
    '坂湖站B出口周边的杨梅岭、岗背等小区距离站点1.5公里以上，早高峰步行要20分钟。建议开通社区微巴接驳线路，早晚高峰10分钟一班。',
    '开通坂湖站至杨梅岭、岗背两条社区微巴线路',
  ),
  T(
    'transport',
    TRANSPORT,
    POLICE,
    '关于在平岗大道增设港湾式公交站的建议',
    '平岗大道禾塘段公交车停靠时占用主车道，高峰期常引发追尾和拥堵。建议将禾塘、新围两个站点改造为港湾式停靠站。',
    '将平岗大道禾塘、新围两个公交站改造为港湾式停靠站',
  ),
  T(
    'transport',
    TRANSPORT,
    '区卫生健康局',
    '关于开通湖田街道至区人民医院直达公交的建议',
    '湖田街道金塘、石岭社区居民到区人民医院就诊要换乘两次，单程一个多小时。建议开通直达公交，覆盖早上7点至9点的就诊高峰。',
    '开通湖田至区人民医院的直达公交线路',
  ),
  T(
    'transport',
    TRANSPORT,
    undefined,
    '关于接驳公交末班车与地铁末班车衔接的建议',
    '南岗站末班地铁23:30到站，接驳公交22:30就已收车，夜班务工人员只能步行或坐“摩的”。建议接驳线路末班车延后到地铁末班车到站之后。',
    '将南岗站三条接驳线路末班车延至23:50',
  ),
  T(
    'transport',
    TRANSPORT,
    POLICE,
    '关于规范东岭大道商圈网约车上下客的建议',
    '东岭大道商圈晚高峰网约车随意停靠上下客，经常占用右转车道。建议在商圈周边设置网约车临时上下客区，并加强巡查。',
    '在东岭大道商圈设置4处网约车临时上下客区',
  ),
  T(
    'transport',
    TRANSPORT,
    undefined,
    '关于完善溪头路公交站台遮雨设施的建议',
    '溪头路沿线12个公交站台中有7个没有雨棚和座椅，雨季候车的老人和学生经常淋湿。建议在汛期前完成站台改造。',
    '完成溪头路7个公交站台雨棚和座椅改造',
  ),
  T(
    'transport',
    TRANSPORT,
    '区教育局',
    '关于开通中学上下学定制公交的建议',
    '荷山街道三所中学的学生多为跨社区就读，家长开车接送造成校门口拥堵。建议开通上下学定制公交，由学校统一组织乘车。',
    '开通荷山街道三所中学的上下学定制公交',
  ),
  T(
    'transport',
    TRANSPORT,
    '区城市更新和土地整备局',
    '关于加快打通宝溪大道断头路的建议',
    '宝溪大道与坪岭路之间约800米未贯通，车辆需绕行3公里，早晚高峰坪岭路严重拥堵。建议加快征拆和建设进度。',
    '完成宝溪大道断头路段的征拆并启动施工',
  ),
  T(
    'transport',
    TRANSPORT,
    undefined,
    '关于开通白石岭工业区夜间通勤班线的建议',
    '平岗街道白石岭片区电子厂多，夜班工人凌晨下班时公交已经停运。建议开通园区夜间通勤班线，由企业和公交公司分担运营成本。',
    '开通白石岭工业区夜间通勤班线2条',
  ),
  T(
    'transport',
    TRANSPORT,
    POLICE,
    '关于加强坂湖大道泥头车运输管理的建议',
    '坂湖大道沿线工地多，泥头车超载、撒漏和闯红灯问题突出，去年发生多起事故。建议加强源头监管，推广全密闭新型泥头车。',
    '对坂湖大道沿线工地泥头车实行源头登记和全密闭运输',
  ),
  T(
    'transport',
    TRANSPORT,
    POLICE,
    '关于优化坪岭客运站周边节假日交通组织的建议',
    '春节、国庆前后坪岭客运站周边车辆排队上百米，出租车和私家车混行。建议节假日实行单向交通，设置临时接驳区。',
    '制定坪岭客运站节假日单向交通和临时接驳方案',
  ),
  T(
    'transport',
    TRANSPORT,
    '区残疾人联合会',
    '关于推进公交站台适老化和无障碍改造的建议',
    '多数公交站台没有无障碍坡道和语音报站，老年人和视障人士乘车不便。建议优先改造医院、社康中心周边的站台。',
    '完成医院和社康中心周边32个公交站台无障碍改造',
  ),
  T(
    'transport',
    TRANSPORT,
    undefined,
    '关于增加东岭汽车站至鹏城北站接驳班次的建议',
    '节假日东岭汽车站至鹏城北站的接驳班车排队超过40分钟。建议节假日加密班次，开通网上预约购票。',
    '节假日将东岭汽车站至鹏城北站接驳班次加密至15分钟一班',
  ),
  T(
    'transport',
    TRANSPORT,
    '区城市管理和综合执法局',
    '关于规范爱民社区地铁口共享电单车停放的建议',
    '南岗街道爱民社区地铁口共享电单车堆放，占用盲道和消防通道。建议划设电子围栏停放区，督促运营企业及时调运。',
    '在爱民社区地铁口划设电子围栏停放区并约谈运营企业',
  ),
  T(
    'transport',
    TRANSPORT,
    undefined,
    '关于维修岗西路五围段破损路面的建议',
    '岗西路五围段路面坑洼、井盖沉降，雨天积水，电动车多次摔倒。建议列入今年道路维修计划。',
    '完成岗西路五围段1.2公里路面铣刨重铺和井盖整治',
  ),
  T(
    'transport',
    TRANSPORT,
    '区卫生健康局',
    '关于增设区人民医院周边临时停车位的建议',
    '区人民医院停车位不足，就诊车辆排队占用湖田路一条车道。建议利用周边空地建设临时停车场，推行预约停车。',
    '在区人民医院东侧空地建成临时停车场，新增车位260个',
  ),
  T(
    'transport',
    TRANSPORT,
    '区民政局',
    '关于开通横坪街道山边社区循环巴士的建议',
    '横坪街道六和、四围社区在山边，老人到便民服务中心和社康中心要走40分钟。建议开通社区循环巴士，65岁以上老人免费乘坐。',
    '开通横坪街道社区循环巴士，老人凭长者卡免费乘坐',
  ),
  T(
    'transport',
    TRANSPORT,
    '鹏城供电局东岭供电分局',
    '关于加快公交场站充电设施建设的建议',
    '公交场站充电桩不足，部分线路车辆中午要空驶回场充电，影响班次。建议在宝溪、湖田新建公交充电场站。',
    '在宝溪、湖田新建两座公交充电场站',
  ),
  T(
    'transport',
    TRANSPORT,
    undefined,
    '关于加密吉岭站至水岭社区公交班次的建议',
    '吉岭站至水岭社区只有一条公交线路，高峰期发车间隔25分钟，车厢拥挤。建议增加配车，高峰发车间隔缩短到10分钟以内。',
    '为吉岭站至水岭社区线路增配6辆公交车',
  ),
  T(
    'transport',
    TRANSPORT,
    '区建筑工务署',
    '关于在凤岭路增设人行天桥的建议',
    '凤岭路凤凰社区段双向六车道，附近学校和菜市场人流大，却只有一处平面过街，去年发生两起行人被撞事故。建议增设人行天桥。',
    '完成凤岭路人行天桥选址和方案设计',
  ),
];

/** Everything else, each to the unit that really handles it. */
const OTHER_TOPICS: Topic[] = [
  T(
    'transport',
    POLICE,
    TRANSPORT,
    '关于优化东岭大道早晚高峰信号灯配时的建议',
    '东岭大道红岭路口至碧湖路口早高峰排队超过1公里，几个路口信号灯没有实现绿波协调。建议优化配时，增设左转待转区。',
    '优化东岭大道5个路口信号配时，实现早高峰绿波通行',
  ),
  T(
    'education',
    '区教育局',
    '区建筑工务署',
    '关于增加坂湖街道公办学位供给的建议',
    '坂湖街道杨梅岭、岗背片区新建住宅集中交付，今年小一学位缺口约600个。建议加快坂湖第二小学建设，过渡期借用闲置校舍增设临时班。',
    '加快坂湖第二小学建设，今年秋季通过挖潜增加小一学位540个',
  ),
  T(
    'health',
    '区卫生健康局',
    undefined,
    '关于延长荷山街道社康中心服务时间的建议',
    '荷山街道5家社康中心周末只开半天，上班族看病只能挤区医院。建议实行错时、延时服务，工作日开到晚上9点。',
    '在荷山街道5家社康中心推行工作日延时至21:00、周末全天开诊',
  ),
  T(
    'environment',
    '区水务局',
    '鹏城市生态环境局东岭管理局',
    '关于加强岭溪河流域水环境治理的建议',
    '岭溪河坂湖段雨季仍有黑臭现象，沿河城中村雨污混流。建议完善雨污分流管网，加强排水户管理。',
    '完成岭溪河坂湖段沿河城中村雨污分流管网改造',
  ),
  T(
    'urbanConstruction',
    '区住房和建设局',
    '鹏城市规划和自然资源局东岭管理局',
    '关于加快红岭社区老旧小区加装电梯的建议',
    '东岭街道红岭、碧湖社区有40多栋七层以下住宅没有电梯，不少老人常年下不了楼。建议简化审批流程，提高补贴标准，协调低层住户意见。',
    '简化加装电梯审批流程，红岭、碧湖社区已有18台电梯开工',
  ),
  T(
    'socialSecurity',
    '区民政局',
    undefined,
    '关于扩大长者饭堂覆盖面的建议',
    '全区目前只有23个长者饭堂，湖田、坪岭等街道部分社区还没有覆盖。建议每个社区至少设一个助餐点，对80岁以上和困难老人给予补贴。',
    '新增长者助餐点31个，实现社区全覆盖',
  ),
  T(
    'economy',
    '区工业和信息化局',
    '区科技创新局',
    '关于支持中小制造企业数字化转型的建议',
    '平岗街道中小制造企业多数仍用纸质台账管理生产。建议设立专项资金，对企业上云、购买工业软件给予50%补贴。',
    '出台中小企业数字化转型专项扶持措施，首批支持86家企业',
  ),
  T(
    'publicSafety',
    '区消防救援大队',
    '溪头街道办事处',
    '关于整治城中村电动自行车楼道充电隐患的建议',
    '溪头街道城中村出租屋电动自行车楼道充电、飞线充电普遍，今年已发生两起火情。建议在城中村集中建设充电棚，开展入户排查。',
    '在溪头街道城中村建成集中充电棚46处，完成出租屋入户排查',
  ),
  T(
    'culture',
    '区文化广电旅游体育局',
    undefined,
    '关于利用闲置物业建设社区书房的建议',
    '南岗街道岗西社区居民多、图书馆远，孩子放学后没有看书的地方。建议利用社区闲置物业建设社区书房，晚上和周末开放。',
    '在岗西社区建成社区书房并实行夜间和周末开放',
  ),
  T(
    'governance',
    '湖田街道办事处',
    undefined,
    '关于充实湖田街道城中村网格员力量的建议',
    '湖田街道网格员每人要负责500多户，隐患发现不及时。建议充实网格员力量，推动网格员与物业、楼栋长联动。',
    '为湖田街道城中村新增网格员40名，建立网格员与楼栋长联动机制',
  ),
  T(
    'education',
    '区教育局',
    undefined,
    '关于提升中小学课后服务质量的建议',
    '课后服务目前以看管和作业辅导为主。建议引入体育、科技、艺术类社会资源，对经济困难家庭减免费用。',
    '引入42家社会机构开展课后服务，困难家庭学生费用全免',
  ),
  T(
    'health',
    '区卫生健康局',
    '鹏城市规划和自然资源局东岭管理局',
    '关于在湖田街道建设区人民医院分院的建议',
    '湖田街道常住人口近30万，没有一家综合医院，急诊病人转送要40分钟。建议在湖田规划建设区人民医院分院。',
    '将区人民医院湖田分院列入卫生设施布局规划并完成选址',
  ),
  T(
    'environment',
    '鹏城市生态环境局东岭管理局',
    undefined,
    '关于治理山背工业区夜间废气异味的建议',
    '平岗街道山背工业区夜间常有刺鼻异味，周边居民投诉多年。建议加装在线监测设备，夜间开展突击执法。',
    '在山背工业区安装8套废气在线监测设备，夜查立案处罚5家企业',
  ),
  T(
    'urbanConstruction',
    '区城市管理和综合执法局',
    undefined,
    '关于在盛岗社区建设口袋公园的建议',
    '南岗街道盛岗社区人口密集，附近没有老人小孩活动的绿地。建议利用社区内两块闲置地建设口袋公园。',
    '利用盛岗社区两块闲置地建成口袋公园',
  ),
  T(
    'urbanConstruction',
    '区住房和建设局',
    '鹏城供电局东岭供电分局',
    '关于推进老旧小区充电桩进小区的建议',
    '新东社区等老旧小区没有固定车位，业主无法安装充电桩，只能去公共充电站排队。建议由物业统一建设共享充电桩，供电部门简化报装。',
    '在新东社区等12个老旧小区建成共享充电桩360个',
  ),
  T(
    'urbanConstruction',
    '区城市管理和综合执法局',
    undefined,
    '关于修复同和社区背街小巷路灯的建议',
    '宝溪街道同和社区多条背街小巷路灯损坏，夜间一片漆黑，女工下夜班很害怕。建议全面排查修复，纳入日常巡检。',
    '修复同和社区背街小巷路灯126盏并纳入日常巡检',
  ),
  T(
    'socialSecurity',
    '区人力资源局',
    '区总工会',
    '关于完善灵活就业人员社保参保服务的建议',
    '快递员、外卖骑手等灵活就业人员参保流程复杂，不少人没有参加工伤保险。建议在街道党群服务中心设置参保服务窗口。',
    '在11个街道党群服务中心开设灵活就业人员参保窗口',
  ),
  T(
    'economy',
    '区商务局',
    POLICE,
    '关于提振东岭大道商圈消费活力的建议',
    '东岭大道商圈周末客流比前年下降，商户经营困难。建议举办夜间消费节，发放消费券，改善商圈停车。',
    '举办东岭夜间消费节并发放消费券',
  ),
  T(
    'publicSafety',
    '区消防救援大队',
    '坂湖街道办事处',
    '关于打通马鞍塘城中村消防通道的建议',
    '坂湖街道马鞍塘城中村消防通道被违停车辆和杂物占用，消防车开不进去。建议划设消防通道标线，加强执法。',
    '清理马鞍塘城中村消防通道并施划标线，设置智能监控',
  ),
  T(
    'culture',
    '区文化广电旅游体育局',
    '区城市管理和综合执法局',
    '关于建设坪岭社区体育公园的建议',
    '坪岭街道没有一个标准足球场和篮球场，年轻人晚上只能在停车场打球。建议利用河边空地建设社区体育公园。',
    '在坪岭河边空地建设社区体育公园',
  ),
  T(
    'governance',
    '区司法局',
    undefined,
    '关于推行“一社区一法律顾问”的建议',
    '居民遇到劳动、婚姻、租赁纠纷不知道找谁咨询。建议每个社区配备一名法律顾问，每周固定时间坐班。',
    '为全区社区配齐法律顾问，每周固定坐班半天',
  ),
  T(
    'education',
    '区教育局',
    '区市场监督管理局',
    '关于改善溪头街道学校午餐质量的建议',
    '溪头街道部分学校午餐由校外配餐企业供应，家长反映饭菜偏凉、分量少。建议推行明厨亮灶和家长陪餐制度。',
    '推行家长陪餐制度，对配餐企业开展专项检查',
  ),
  T(
    'health',
    '区医疗保障局',
    '区卫生健康局',
    '关于将社康中心全部纳入门诊统筹定点的建议',
    '坪岭街道部分社康中心还不能使用门诊统筹报销，居民只能跑到区医院。建议将辖区社康中心全部纳入门诊统筹定点。',
    '将辖区社康中心全部纳入门诊统筹定点',
  ),
  T(
    'environment',
    '区水务局',
    undefined,
    '关于整治湖田路田心段积水内涝的建议',
    '每逢暴雨湖田路田心段积水深达40厘米，车辆熄火、行人难行。建议改造排水管网，加装排涝泵站。',
    '完成湖田路田心段排水管网扩容并新建排涝泵站',
  ),
  T(
    'urbanConstruction',
    '区住房和建设局',
    '区应急管理局',
    '关于更新平岗街道老旧小区燃气管道的建议',
    '平岗街道部分小区燃气管道已使用20年以上，锈蚀严重，存在泄漏风险。建议纳入老旧小区改造分批更新。',
    '将平岗街道9个小区燃气管道更新纳入老旧小区改造计划',
  ),
  T(
    'socialSecurity',
    '区民政局',
    '区残疾人联合会',
    '关于推进独居老人居家适老化改造的建议',
    '不少独居、失能老人家里没有扶手和紧急呼叫设备，摔倒后无人知道。建议免费安装扶手、防滑地板和一键呼叫设备。',
    '为1200户困难老人家庭完成居家适老化改造',
  ),
  T(
    'economy',
    '区政务服务数据管理局',
    '区市场监督管理局',
    '关于推行企业办事“一件事一次办”的建议',
    '企业办理变更登记、社保、公积金要在多个窗口来回跑。建议梳理高频事项，推行“一件事一次办”。',
    '上线企业变更登记“一件事一次办”，办理时间压缩到1个工作日',
  ),
  T(
    'publicSafety',
    '区应急管理局',
    '鹏城市规划和自然资源局东岭管理局',
    '关于开展银岗片区边坡隐患排查的建议',
    '荷山街道银岗片区有多处边坡紧邻住宅，去年汛期出现小规模滑塌。建议汛期前全面排查，设置监测预警设备。',
    '完成银岗片区23处边坡排查，对5处高风险边坡安装监测设备',
  ),
  T(
    'culture',
    '区文化广电旅游体育局',
    '坪岭街道办事处',
    '关于保护和活化利用坪岭客家围屋的建议',
    '坪岭街道现存几座客家围屋年久失修，部分墙体开裂。建议开展保护修缮，活化为乡村文化展示馆。',
    '完成坪岭客家围屋保护修缮方案并申报区级文物保护单位',
  ),
  T(
    'governance',
    '区民政局',
    undefined,
    '关于加强社区工作者队伍建设的建议',
    '社区工作者待遇偏低、流失率高，有的社区一年换了三名工作人员。建议完善薪酬和晋升机制。',
    '出台社区工作者职业体系和薪酬调整方案',
  ),
  T(
    'education',
    '区教育局',
    '区卫生健康局',
    '关于加强中小学生心理健康教育的建议',
    '建议每所中学配齐专职心理教师，建立学生心理健康筛查和转介机制，与区精神卫生机构联动。',
    '为全区中学配齐专职心理教师，建立筛查和转介机制',
  ),
  T(
    'health',
    '区卫生健康局',
    undefined,
    '关于增设社康中心夜间儿科门诊的建议',
    '冬春季流感高发期，区妇幼保健院儿科夜间急诊候诊超过3小时。建议在部分社康中心开设夜间儿科门诊分流。',
    '在4家社康中心开设夜间儿科门诊',
  ),
  T(
    'environment',
    '鹏城市生态环境局东岭管理局',
    '区住房和建设局',
    '关于加强坂湖大道沿线工地夜间施工噪音管理的建议',
    '坂湖大道沿线多个工地夜间施工到凌晨，严重影响居民休息。建议严格夜间施工审批，公开投诉电话。',
    '严格夜间施工审批并在工地公示投诉电话，查处违规夜间施工7宗',
  ),
  T(
    'urbanConstruction',
    '区城市管理和综合执法局',
    '区市场监督管理局',
    '关于规范横坪路夜市经营秩序的建议',
    '横坪路夜市占道经营，油烟和噪音扰民到深夜。建议划定规范经营区域，统一管理。',
    '在横坪路划定规范夜市经营区，实行统一管理',
  ),
  T(
    'socialSecurity',
    '区人力资源局',
    undefined,
    '关于开展新能源汽车产业技能培训的建议',
    '辖区新能源汽车企业招不到熟练工，不少失业人员又找不到工作。建议开设订单式技能培训，合格后给予补贴。',
    '联合8家企业开设订单式技能培训班，培训合格发放补贴',
  ),
  T(
    'economy',
    '区投资推广和企业服务中心',
    undefined,
    '关于完善坂湖科技园区生活配套的建议',
    '坂湖科技园区缺少食堂、人才公寓和便利店，员工午饭要走20分钟。建议统筹园区生活配套建设。',
    '协调在坂湖科技园区引入职工食堂和便利店',
  ),
  T(
    'publicSafety',
    '鹏城市公安局东岭分局',
    undefined,
    '关于推进无物业小区智慧安防建设的建议',
    '平岗街道部分无物业小区没有门禁和监控，入室盗窃时有发生。建议推进智慧安防小区建设。',
    '为平岗街道15个无物业小区安装门禁和视频监控',
  ),
  T(
    'culture',
    '区教育局',
    '区文化广电旅游体育局',
    '关于推进学校体育场地向社会开放的建议',
    '周边居民晚上和周末没有运动场地，学校操场却长期关闭。建议分批向社会开放，实行预约入校。',
    '推动36所学校体育场地预约开放',
  ),
  T(
    'governance',
    '区住房和建设局',
    '东岭街道办事处',
    '关于规范小区业主委员会运作的建议',
    '部分小区业委会长期不换届，公共收益去向不明。建议加强业委会指导监督，推行公共收益公示。',
    '出台业主委员会指导规则，推行公共收益季度公示',
  ),
  T(
    'transport',
    POLICE,
    '区教育局',
    '关于在中小学校门口设置护学岗的建议',
    '上下学时段校门口车辆乱停、学生横穿马路，交通安全隐患突出。建议在中小学门口设置护学岗，划设临时停车区。',
    '在全区中小学门口设置护学岗，划设临时停车区',
  ),
  T(
    'education',
    '区教育局',
    undefined,
    '关于增加南岗街道普惠性幼儿园学位的建议',
    '南岗街道普惠园学位占比不到六成，民办园收费每月4000元以上。建议回收小区配套园，新建公办园。',
    '回收南岗街道3所小区配套园改办公办园',
  ),
  T(
    'health',
    '区疾病预防控制中心',
    '区教育局',
    '关于在学校开展免费流感疫苗接种的建议',
    '每年秋冬学校流感聚集性疫情多发。建议在中小学开展免费流感疫苗接种，完善因病缺课监测。',
    '在中小学开展免费流感疫苗接种，完善因病缺课监测',
  ),
  T(
    'environment',
    '区水务局',
    '鹏城水务集团东岭分公司',
    '关于改造吉岭街道老旧小区二次供水设施的建议',
    '吉岭街道部分老旧小区水箱长期不清洗，水质发黄。建议将二次供水设施统一移交供水企业管理。',
    '完成吉岭街道14个小区二次供水设施改造和移交',
  ),
  T(
    'urbanConstruction',
    '区城市管理和综合执法局',
    undefined,
    '关于在荷山公园周边增设公共厕所的建议',
    '荷山公园、荷塘菜市场周边没有公共厕所，老人小孩如厕不便。建议新建公厕或开放沿街单位厕所。',
    '新建荷山公园公厕并推动沿街单位开放厕所',
  ),
  T(
    'socialSecurity',
    '区总工会',
    '区人力资源局',
    '关于建设户外劳动者服务驿站的建议',
    '环卫工人、快递员夏天没有歇脚喝水的地方。建议依托银行网点、社区党群服务中心建设户外劳动者服务驿站。',
    '建成户外劳动者服务驿站58个',
  ),
  T(
    'economy',
    '区科技创新局',
    undefined,
    '关于加大企业研发投入补贴力度的建议',
    '辖区专精特新企业研发投入大、融资难。建议提高研发投入补贴比例，简化申报流程。',
    '提高企业研发投入补贴比例，实行免申即享',
  ),
  T(
    'publicSafety',
    '区应急管理局',
    undefined,
    '关于加强危险化学品企业安全监管的建议',
    '溪头街道几家危化品仓储企业紧邻居民区。建议开展专项检查，推动搬迁或转型。',
    '对辖区危化品企业开展专项检查并推动2家企业搬迁',
  ),
  T(
    'culture',
    '区文化广电旅游体育局',
    undefined,
    '关于在社区广场开展公益文艺演出的建议',
    '外来务工人员多的社区周末文化活动少。建议每月在社区广场开展公益演出和露天电影。',
    '开展“周末社区剧场”公益演出和露天电影',
  ),
  T(
    'governance',
    '区政务服务数据管理局',
    undefined,
    '关于推动社区高频事项就近办理的建议',
    '居民办理居住证、老年卡要跑到街道甚至区行政服务大厅。建议将高频事项下放到社区党群服务中心办理。',
    '将居住证签注等28项高频事项下放到社区办理',
  ),
  T(
    'transport',
    POLICE,
    undefined,
    '关于整治电动自行车逆行闯红灯的建议',
    '宝溪大道早高峰电动自行车逆行、闯红灯现象突出，事故多发。建议加强路口执法，设置非机动车专用信号灯。',
    '在宝溪大道6个路口设置非机动车信号灯并开展专项整治',
  ),
  T(
    'education',
    '区教育局',
    '区人力资源局',
    '关于保障随迁子女入学的建议',
    '湖田街道产业工人子女较多，积分入学门槛逐年提高。建议扩大学位供给，简化居住和社保证明材料。',
    '简化随迁子女入学证明材料，新增学位1800个',
  ),
  T(
    'health',
    '区卫生健康局',
    undefined,
    '关于提高家庭医生签约服务质量的建议',
    '重点人群签约后随访不到位，有的老人签约一年没见过家庭医生。建议对高血压、糖尿病患者每季度上门随访。',
    '对签约的高血压、糖尿病患者落实每季度随访',
  ),
  T(
    'environment',
    '区水务局',
    '鹏城市生态环境局东岭管理局',
    '关于加强凤岭水库水源保护的建议',
    '凤岭水库水源保护区内仍有违规种植和垂钓。建议加强巡查，设置物理隔离。',
    '完成凤岭水库一级保护区物理隔离并加强巡查',
  ),
  T(
    'urbanConstruction',
    '区城市管理和综合执法局',
    undefined,
    '关于台风季前排查户外广告牌的建议',
    '东岭大道沿线不少户外广告牌年久锈蚀，台风季存在坠落风险。建议汛期前开展排查加固。',
    '排查户外广告牌1100余块，拆除危险招牌86块',
  ),
  T(
    'socialSecurity',
    '区住房保障署',
    '区人力资源局',
    '关于增加产业园区保障性租赁住房的建议',
    '新就业大学生和一线职工租房成本高。建议加快园区配套宿舍和保障性租赁住房建设，优先面向一线职工。',
    '筹建园区保障性租赁住房2000套',
  ),
  T(
    'economy',
    '区市场监督管理局',
    undefined,
    '关于加强预付式消费监管的建议',
    '辖区健身房、培训机构卷款跑路时有发生。建议推行预付资金存管，建立风险预警。',
    '推行预付式消费资金存管并建立风险预警',
  ),
  T(
    'publicSafety',
    '区消防救援大队',
    undefined,
    '关于加强高层住宅消防设施维护的建议',
    '部分高层住宅消火栓无水、防火门损坏，物业维护不到位。建议开展专项检查，督促物业整改。',
    '对高层住宅开展消防设施专项检查，督促整改隐患',
  ),
  T(
    'culture',
    '区文化广电旅游体育局',
    '区教育局',
    '关于发展青少年校园足球的建议',
    '辖区校园足球场地和教练不足。建议与社会足球俱乐部合作，开展校际联赛。',
    '举办区级校园足球联赛并引入社会俱乐部教练',
  ),
  T(
    'governance',
    '南岗街道办事处',
    undefined,
    '关于推进城中村出租屋规范管理的建议',
    '南岗街道城中村出租屋群租、改变用途现象普遍。建议推行出租屋分级管理，压实房东责任。',
    '推行出租屋分级分类管理，签订房东责任书',
  ),
  T(
    'education',
    '区教育局',
    '区卫生健康局',
    '关于改善中小学教室照明和近视防控的建议',
    '部分老校区教室照明不达标，学生近视率逐年上升。建议分批更换护眼灯，落实每天两小时户外活动。',
    '完成42所学校教室照明改造',
  ),
  T(
    'health',
    '区卫生健康局',
    '区民政局',
    '关于推进医养结合服务的建议',
    '失能老人在养老院看病难，在医院又不能长期住。建议推动社康中心与养老机构签约，开展上门医疗。',
    '推动社康中心与全区养老机构签约，开展上门医疗服务',
  ),
  T(
    'environment',
    '区城市管理和综合执法局',
    undefined,
    '关于提升垃圾分类屋设施水平的建议',
    '部分垃圾分类屋异味大、定时投放时间不合理。建议加装除臭和洗手设施，延长投放时间。',
    '完成垃圾分类屋除臭和洗手设施升级',
  ),
  T(
    'urbanConstruction',
    '区城市更新和土地整备局',
    '溪头街道办事处',
    '关于加快溪头旧村城市更新项目的建议',
    '溪头旧村更新项目立项已五年，至今未开工，村民居住条件很差。建议加快项目推进，公开进展。',
    '协调溪头旧村更新项目完成搬迁补偿协议签约',
  ),
  T(
    'socialSecurity',
    '区退役军人事务局',
    undefined,
    '关于完善社区退役军人服务站的建议',
    '部分社区退役军人服务站有牌子没人员，退役军人办事要跑到区里。建议配齐专职人员，完善服务功能。',
    '为社区退役军人服务站配齐专职人员',
  ),
  T(
    'economy',
    '区农业农村局',
    undefined,
    '关于发展湖田都市农业的建议',
    '湖田街道还保留部分基本农田，但种植效益低。建议发展观光采摘等都市农业，带动村民增收。',
    '在湖田街道建设都市农业示范园',
  ),
  T(
    'publicSafety',
    '鹏城市公安局东岭分局',
    undefined,
    '关于加强防范电信网络诈骗宣传的建议',
    '辖区老年人和学生被电信诈骗的案件较多。建议进社区、进学校开展防骗宣传，推广反诈APP。',
    '开展反诈宣传进社区进学校活动',
  ),
  T(
    'culture',
    '区文化广电旅游体育局',
    '区教育局',
    '关于建设区青少年活动中心的建议',
    '全区没有一座综合性的青少年活动中心。建议规划建设区青少年活动中心，提供科技、艺术、体育培训。',
    '将区青少年活动中心列入重大项目计划',
  ),
  T(
    'governance',
    '区民政局',
    '区妇女联合会',
    '关于加强困境儿童关爱保护的建议',
    '留守、困境儿童缺乏持续关爱。建议在每个街道配备儿童督导员，建档跟踪服务。',
    '为每个街道配备儿童督导员，建立困境儿童档案',
  ),
  T(
    'education',
    '区教育局',
    undefined,
    '关于加快横坪街道新建中学的建议',
    '横坪街道只有一所公办中学，每年近千名初中毕业生要到外街道就读。建议加快新建中学项目。',
    '横坪街道新建中学完成立项，计划明年开工',
  ),
  T(
    'health',
    '区卫生健康局',
    undefined,
    '关于加强社区慢病管理的建议',
    '社区高血压、糖尿病患者规范管理率偏低。建议推广智能随访设备，加强健康宣教。',
    '为社康中心配备智能随访设备，提高慢病规范管理率',
  ),
  T(
    'environment',
    '区水务局',
    '区城市管理和综合执法局',
    '关于建设溪头河碧道的建议',
    '溪头河沿岸步道断断续续、杂草丛生。建议建设连续的碧道和亲水平台，方便居民休闲。',
    '完成溪头河碧道一期3.5公里建设',
  ),
  T(
    'urbanConstruction',
    '区住房和建设局',
    undefined,
    '关于加强小区物业服务监管的建议',
    '部分小区物业服务质价不符，电梯维修不及时，公共收益不公开。建议建立物业服务评价和公示制度。',
    '建立物业服务企业信用评价和公示制度',
  ),
  T(
    'socialSecurity',
    '区民政局',
    undefined,
    '关于增加公办养老机构床位的建议',
    '区社会福利中心床位排队超过一年。建议新建一家公办养老院，支持社区嵌入式小型养老机构。',
    '新建社区嵌入式养老机构3家，新增床位260张',
  ),
];

/** Returned for revision: too broad, or several matters at once. */
const RETURNED_TOPICS: Topic[] = [
  T(
    'transport',
    TRANSPORT,
    undefined,
    '关于改善全区交通出行的建议',
    '全区交通拥堵、公交不便、停车难，建议有关部门高度重视，切实加以解决。',
    '研究改善交通出行',
  ),
  T(
    'urbanConstruction',
    '区城市管理和综合执法局',
    undefined,
    '关于提升城市管理水平的建议',
    '建议加强城市管理，改善市容环境，提高群众满意度。',
    '研究提升城市管理水平',
  ),
];
/** Referred as an opinion: a person's own matter. */
const REFERRED_TOPICS: Topic[] = [
  T(
    'urbanConstruction',
    '区住房和建设局',
    undefined,
    '关于解决本人所在小区车位纠纷的建议',
    '本人在碧湖社区某小区购买的车位被物业另行出租，多次协商未果，请求协调解决。',
    '协调车位纠纷',
  ),
  T(
    'socialSecurity',
    '区人力资源局',
    undefined,
    '关于协调解决亲属工伤赔偿问题的建议',
    '本人亲属在平岗街道某厂受伤，工伤认定后企业一直拖延赔偿，请求帮助协调。',
    '协调工伤赔偿',
  ),
];

/** How a unit names itself in a reply (我局, 我署, 我办, …). */
const selfOf = (unit: string) =>
  unit.endsWith('办事处')
    ? '我办'
    : unit.endsWith('大队')
      ? '我大队'
      : unit.endsWith('中心')
        ? '我中心'
        : unit.endsWith('署')
          ? '我署'
          : unit.endsWith('会')
            ? '我会'
            : unit.endsWith('公司')
              ? '我公司'
              : '我局';
/** "关于优化坂湖地铁站公交接驳的建议" → "优化坂湖地铁站公交接驳" (inner quotes become ‘’, to sit inside “”). */
const subjectOf = (title: string) =>
  title
    .replace(/^关于/, '')
    .replace(/的建议$/, '')
    .replaceAll('“', '‘')
    .replaceAll('”', '’');

type ReplyText = (t: Topic, me: string, with_: string, year: number) => string;
/** Reply texts by category (A 已解决, B 正在解决或列入规划, C 因条件限制暂难解决, D 留作参考), several of each. */
const REPLY_TEXT: Record<string, ReplyText[]> = {
  A: [
    (t, me) =>
      `收到建议后，${me}立即组织实地调研，已${t.act}。经回访，周边居民反映良好，${me}将持续跟踪落实效果。`,
    (t, me, w) =>
      `${me}高度重视您提出的建议，由分管领导牵头${w}制定工作方案，现已${t.act}，所提问题已基本解决。`,
    (t, me) => `经与代表沟通并到现场查看，${me}已${t.act}。下一步将建立长效管理机制，防止问题反弹。`,
    (t, me) =>
      `您的建议已办理完毕：${me}已${t.act}，办理过程中已与您当面沟通。感谢您对我们工作的监督和支持。`,
  ],
  B: [
    (t, me, _w, y) =>
      `${me}已将“${t.act}”列入${y + 1}年度工作计划，目前正在开展前期工作，预计${y + 1}年底前完成，届时将及时向您反馈。`,
    (t, me, w) =>
      `您的建议合理可行。${me}正${w}抓紧推进，计划${t.act}，实施方案已编制完成，所需资金已申报纳入下一年度预算。`,
    (t, me) =>
      `${me}已启动${t.act}的相关工作。因涉及用地协调和管线迁改，计划分两期实施，第一期预计明年上半年完成。`,
  ],
  C: [
    (t, me) =>
      `经认真研究，${t.act}需调整相关规划并落实建设用地，目前条件尚不具备。${me}已将其列入项目储备库，条件成熟时优先推进。`,
    (t, me) =>
      `您反映的问题确实存在。受现有财力和用地条件限制，${t.act}暂难在近期实施，${me}将先采取临时措施缓解，并积极争取市级支持。`,
    (t, me, w) =>
      `经${w ? `${w.replace(/^会同/, '与')}共同` : ''}研究论证，${t.act}涉及投资较大，需纳入全区中长期规划统筹安排，${me}将持续跟踪，条件具备时启动前期工作。`,
  ],
  D: [
    (t, me) =>
      `您关于${subjectOf(t.title)}的建议对改进我们的工作很有参考价值，${me}将在编制下一阶段专项规划时认真研究吸收，并与您保持沟通。`,
    (t, me) =>
      `感谢您的建议。${me}已将“${t.act}”作为重要参考，纳入相关政策的修订研究，研究结果将及时向您通报。`,
    (t, me) =>
      `您提出的${subjectOf(t.title)}的思路很有价值，${me}已组织专题研究，将在明年出台的工作方案中予以吸收体现。`,
  ],
};
const CONTACT_SUMMARY: Record<'phone' | 'visit' | 'meeting', ((subject: string, with_: string) => string)[]> =
  {
    phone: [
      (s) => `电话联系代表，了解“${s}”的具体诉求和涉及范围`,
      (s) => `电话向代表通报“${s}”的办理思路和初步方案，听取意见`,
    ],
    visit: [
      (s) => `与代表一同到现场查看，核实“${s}”涉及的现状和问题`,
      (s) => `上门拜访代表，当面沟通“${s}”的办理方案和时间安排`,
    ],
    meeting: [
      (s) => `召开座谈会，邀请代表和居民代表就“${s}”提出意见`,
      (s, w) => `与代表${w ? `及${w.replace(/^会同/, '')}` : ''}有关负责人座谈，商定“${s}”的办理措施和时间表`,
    ],
  };
const SUPERVISION_NOTE: Record<
  'meeting' | 'siteVisit' | 'progress',
  (subject: string, lead: string) => string
> = {
  meeting: (s, l) => `召开督办会，听取${l}关于“${s}”的进展汇报，要求倒排工期、按期办结。`,
  siteVisit: (s) => `带队到现场督办，实地查看“${s}”的推进情况，要求加快进度并及时向代表反馈。`,
  progress: (s, l) => `听取${l}关于“${s}”的书面进展报告，要求细化时间表，办理情况每月报送代表工委。`,
};
const DISSATISFIED = [
  '答复未回应具体诉求，希望明确完成时间',
  '答复只讲困难，没有提出解决办法，希望再研究',
  '承诺的措施没有落实到位，周边居民意见仍然很大',
];
const RETURN_COMMENT = [
  '建议内容过于笼统，请聚焦一个具体问题，补充具体路段、站点和数据',
  '涉及多个事项，请分别提出，并补充具体位置、现状和诉求',
];
const REFERRAL = [
  {
    comment: '属个人权益事项，不宜作为代表建议',
    reason: '属个人事项，转为一般意见，由区住房和建设局协调处理',
  },
  {
    comment: '属个人劳动争议事项，不宜作为代表建议',
    reason: '属个人事项，转为一般意见，由区人力资源局依法处理',
  },
];

export async function seedSuggestionsDemo(app: AppServices, demo: DemoContext): Promise<void> {
  const db = app.db;
  const rnd = demo.random;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const congressId = demo.congressId;
  const now = demo.now;
  const units = demo.handlingUnits.filter((u) => u.kind !== 'streetOffice').length
    ? demo.handlingUnits.filter((u) => u.kind !== 'streetOffice')
    : demo.handlingUnits;
  if (units.length < 2 || demo.deputyIds.length < 12) return;
  const sittingRef = demo.sittings.find((s) => s.status === 'inSession') ?? demo.sittings.at(-1);
  if (!sittingRef) return;
  const [sitting] = await db.select().from(sittings).where(eq(sittings.id, sittingRef.id));
  const [term] = await db.select().from(terms).where(eq(terms.id, sitting.termId));

  const demoDeputy = demo.accounts.deputy?.deputyId ?? demo.deputyIds[0];
  // Each topic goes to the unit named for it; a name that is not a demo unit is a mistake in this file.
  const unitNamed = (name: string) => {
    const unit = demo.handlingUnits.find((u) => u.name === name);
    if (!unit) throw new Error(`The demo suggestions name a handling unit that does not exist: ${name}`);
    return unit;
  };
  const leaderAccounts = [demo.accounts.leader?.accountId].filter((x): x is string => !!x);
  const staffAccount = demo.accounts.staff?.accountId ?? null;

  // 91 in the sitting: the states as a fixed plan, so every state appears.
  const plan: SuggestionStatus[] = [
    ...Array<SuggestionStatus>(6).fill('submitted'),
    ...Array<SuggestionStatus>(4).fill('accepted'),
    ...Array<SuggestionStatus>(2).fill('returnedForRevision'),
    ...Array<SuggestionStatus>(2).fill('referredAsOpinion'),
    ...Array<SuggestionStatus>(1).fill('withdrawn'),
    ...Array<SuggestionStatus>(28).fill('assigned'),
    ...Array<SuggestionStatus>(2).fill('handBackRequested'),
    ...Array<SuggestionStatus>(10).fill('replied'),
    ...Array<SuggestionStatus>(3).fill('rehandling'),
    ...Array<SuggestionStatus>(13).fill('followUp'),
    ...Array<SuggestionStatus>(20).fill('closed'),
  ];
  const DAY = 86_400_000;
  const rows: (typeof suggestions.$inferInsert)[] = [];
  const cosigners: (typeof suggestionCosigners.$inferInsert)[] = [];
  const assignments: (typeof suggestionAssignments.$inferInsert)[] = [];
  const contacts: (typeof suggestionContacts.$inferInsert)[] = [];
  const replies: (typeof suggestionReplies.$inferInsert)[] = [];
  const ratings: (typeof suggestionRatings.$inferInsert)[] = [];
  const supervisions: (typeof suggestionSupervisions.$inferInsert)[] = [];
  const handBacks: (typeof suggestionHandBacks.$inferInsert)[] = [];
  let keyCount = 0;
  const handled = new Set<SuggestionStatus>([
    'assigned',
    'handBackRequested',
    'replied',
    'rehandling',
    'followUp',
    'closed',
  ]);

  // Every fifth suggestion is the transport bureau's (the demo `unit` account), so it leads handled ones in every
  // state, some overdue; the returned and referred ones are of their kind; the rest each to its own unit.
  const queues = {
    transport: [...TRANSPORT_TOPICS],
    other: [...OTHER_TOPICS],
    returned: [...RETURNED_TOPICS],
    referred: [...REFERRED_TOPICS],
  };
  const topics = plan.map((status, i) => {
    const queue =
      status === 'returnedForRevision'
        ? queues.returned
        : status === 'referredAsOpinion'
          ? queues.referred
          : i % 5 === 0
            ? queues.transport
            : queues.other;
    const topic = queue.shift();
    if (!topic) throw new Error('The demo suggestions have fewer topics than the sitting has suggestions');
    return topic;
  });
  const year = Number(shanghaiDate(now).slice(0, 4));
  let returned = 0;
  let referred = 0;

  plan.forEach((status, i) => {
    const seq = i + 1;
    const id = newId();
    const topic = topics[i];
    const { category, title, content } = topic;
    const subject = subjectOf(title);
    const review =
      status === 'returnedForRevision'
        ? { comment: RETURN_COMMENT[returned++ % RETURN_COMMENT.length], reason: '' }
        : status === 'referredAsOpinion'
          ? REFERRAL[referred++ % REFERRAL.length]
          : { comment: '', reason: '' };
    // The demo deputy proposes every 9th.
    const proposer = i % 9 === 0 ? demoDeputy : pick(demo.deputyIds);
    const overdue = status === 'assigned' && i % 3 === 0;
    const submittedAt = new Date(
      now.getTime() - (overdue ? 100 + Math.floor(rnd() * 20) : 10 + Math.floor(rnd() * 60)) * DAY,
    );
    const assignedAt = handled.has(status) ? new Date(submittedAt.getTime() + 4 * DAY) : null;
    const leadUnit = handled.has(status) ? unitNamed(topic.lead) : null;
    const lead = leadUnit?.id ?? null;
    const assisting = lead && topic.assist ? unitNamed(topic.assist).id : null;
    const me = selfOf(topic.lead);
    const with_ = topic.assist ? `会同${topic.assist}` : '';
    const deadline = assignedAt
      ? status === 'rehandling'
        ? endOfShanghaiDay(addMonths(shanghaiDate(new Date(now.getTime() - 5 * DAY)), 1))
        : endOfShanghaiDay(addMonths(shanghaiDate(assignedAt), 3))
      : null;
    const replyCat =
      status === 'followUp'
        ? pick(['B', 'C'])
        : ['replied', 'rehandling', 'closed'].includes(status)
          ? pick(['A', 'A', 'A', 'B', 'D'])
          : null;
    const isKey =
      keyCount < 17 &&
      handled.has(status) &&
      (i % 4 === 1 || status === 'followUp') &&
      leaderAccounts.length > 0;
    if (isKey) keyCount++;
    const cos =
      rnd() < 0.5
        ? [...new Set([pick(demo.deputyIds), pick(demo.deputyIds)])].filter((d) => d !== proposer)
        : [];
    const finalCat = status === 'closed' && replyCat === 'B' ? 'A' : replyCat;
    rows.push({
      id,
      congressId,
      termId: term.id,
      sittingId: sitting.id,
      number: formatSuggestionNumber(term.number, sitting.number, seq),
      seq,
      proposerDeputyId: proposer,
      title,
      content,
      category,
      searchText: searchTextOf(title, content),
      status,
      submittedAt,
      assignDueAt: new Date(submittedAt.getTime() + 7 * DAY),
      reviewedAt: status === 'submitted' ? null : new Date(submittedAt.getTime() + 2 * DAY),
      reviewedBy: status === 'submitted' ? null : staffAccount,
      reviewComment: review.comment,
      reviewChecks:
        status === 'submitted'
          ? null
          : {
              oneMatter: status !== 'returnedForRevision',
              notPersonal: status !== 'referredAsOpinion',
              specific: true,
            },
      referralReason: review.reason,
      leadUnitId: lead,
      assignedAt,
      firstAssignedAt: assignedAt,
      deadline,
      handBackDueAt: assignedAt ? new Date(assignedAt.getTime() + 9 * DAY) : null,
      rehandlingRound: status === 'rehandling' ? 1 : 0,
      replyCategory: finalCat,
      repliedAt: replyCat ? new Date(submittedAt.getTime() + 40 * DAY) : null,
      rating: ['followUp', 'closed', 'rehandling'].includes(status)
        ? status === 'rehandling'
          ? 'dissatisfied'
          : pick(['satisfied', 'satisfied', 'basicallySatisfied'])
        : null,
      closedAt: status === 'closed' || status === 'withdrawn' ? new Date(now.getTime() - 3 * DAY) : null,
      followUpSolvedAt: status === 'closed' && replyCat === 'B' ? new Date(now.getTime() - 3 * DAY) : null,
      isKey,
      leaderAccountId: isKey ? leaderAccounts[0] : null,
      keyLeaderAccountIds: isKey ? leaderAccounts.slice(0, 1) : [],
      keyDecidedBy: isKey ? 'chairpersonsMeeting' : null,
      // The demo congress publishes its replies (答复公开) once the deputies have rated them.
      published: status === 'closed' || status === 'followUp',
      createdAt: submittedAt,
      updatedAt: now,
    });
    for (const d of cos)
      cosigners.push({
        congressId,
        suggestionId: id,
        deputyId: d,
        status: 'confirmed',
        decidedAt: submittedAt,
      });
    if (lead && assignedAt) {
      assignments.push({ id: newId(), congressId, suggestionId: id, unitId: lead, role: 'lead', assignedAt });
      if (assisting)
        assignments.push({
          id: newId(),
          congressId,
          suggestionId: id,
          unitId: assisting,
          role: 'assisting',
          assignedAt,
        });
    }
    // Contacts: every replied one, and half of the assigned ones (so the demo unit has both kinds waiting).
    if (lead && (replyCat || (status === 'assigned' && i % 2 === 0))) {
      const method = pick(['phone', 'visit', 'meeting'] as const);
      contacts.push({
        id: newId(),
        congressId,
        suggestionId: id,
        unitId: lead,
        method,
        summary: pick(CONTACT_SUMMARY[method])(subject, with_),
        contactedOn: shanghaiDate(new Date(submittedAt.getTime() + 20 * DAY)),
        round: 0,
      });
    }
    if (replyCat && lead) {
      const replyId = newId();
      replies.push({
        id: replyId,
        congressId,
        suggestionId: id,
        unitId: lead,
        round: 1,
        category: replyCat,
        content: pick(REPLY_TEXT[replyCat])(topic, me, with_, year),
        createdAt: new Date(submittedAt.getTime() + 40 * DAY),
      });
      if (status !== 'replied') {
        for (const d of [proposer, ...cos]) {
          ratings.push({
            id: newId(),
            congressId,
            suggestionId: id,
            replyId,
            deputyId: d,
            rating:
              status === 'rehandling' && d === proposer
                ? 'dissatisfied'
                : pick(['satisfied', 'satisfied', 'basicallySatisfied'] as const),
            // A dissatisfied rating gives its reasons (上海规定 Art. 21).
            comment: status === 'rehandling' && d === proposer ? DISSATISFIED[i % DISSATISFIED.length] : '',
          });
        }
      }
    }
    if (status === 'handBackRequested' && lead) {
      handBacks.push({
        id: newId(),
        congressId,
        suggestionId: id,
        unitId: lead,
        reason: topic.assist
          ? `该建议的主要诉求属${topic.assist}职责范围，${me}仅承担配合工作，申请调整为由${topic.assist}主办。`
          : `该建议涉及的事项需由市级部门统筹，超出${me}职责范围，申请退回重新研究交办。`,
        requestedAt: new Date((assignedAt ?? now).getTime() + 3 * DAY),
      });
    }
    if (isKey && leaderAccounts[0]) {
      const kind = pick(['meeting', 'siteVisit', 'progress'] as const);
      supervisions.push({
        id: newId(),
        congressId,
        suggestionId: id,
        accountId: leaderAccounts[0],
        kind,
        note: SUPERVISION_NOTE[kind](subject, topic.lead),
        occurredOn: shanghaiDate(new Date(now.getTime() - 7 * DAY)),
      });
    }
  });

  await db.transaction(async (tx) => {
    // Each item is stored once the rows and their people are in (storeSuggestionItems, below).
    await tx.insert(suggestions).values(rows.map((r) => ({ ...r, listItem: '' })));
    if (cosigners.length) await tx.insert(suggestionCosigners).values(cosigners);
    if (assignments.length) await tx.insert(suggestionAssignments).values(assignments);
    if (contacts.length) await tx.insert(suggestionContacts).values(contacts);
    if (replies.length) await tx.insert(suggestionReplies).values(replies);
    if (ratings.length) await tx.insert(suggestionRatings).values(ratings);
    if (supervisions.length) await tx.insert(suggestionSupervisions).values(supervisions);
    if (handBacks.length) await tx.insert(suggestionHandBacks).values(handBacks);
    await tx
      .insert(suggestionCounters)
      .values({ congressId, scope: `suggestion:sitting:${sitting.id}`, lastValue: rows.length });

    // Motions: one awaiting the presidium, one on the agenda, one handled as a suggestion.
    const motionPlan = [
      { status: 'submitted' as const, title: '关于加强东岭区城中村消防安全治理的议案' },
      { status: 'onAgenda' as const, title: '关于加快推进东岭区义务教育优质均衡发展的议案' },
      { status: 'handledAsSuggestion' as const, title: '关于完善社区养老服务设施的议案' },
    ];
    let m = 0;
    for (const mp of motionPlan) {
      m++;
      const id = newId();
      const signers = [...new Set(Array.from({ length: 14 }, () => pick(demo.deputyIds)))].slice(0, 11);
      const linked =
        mp.status === 'handledAsSuggestion' ? rows.find((r) => r.status === 'accepted') : undefined;
      await tx.insert(motions).values({
        id,
        congressId,
        termId: term.id,
        sittingId: sitting.id,
        number: formatSuggestionNumber(term.number, sitting.number, m, 'motion'),
        proposerDeputyId: signers[0],
        title: mp.title,
        content: `${mp.title.replace(/^关于|的议案$/g, '')}，建议由区人大常委会组织研究并作出决定。`,
        category: DEFAULT_SUGGESTION_CATEGORIES[m].code,
        status: mp.status,
        decisionBody: mp.status === 'submitted' ? null : 'presidium',
        decidedAt: mp.status === 'submitted' ? null : now,
        decidedBy: mp.status === 'submitted' ? null : staffAccount,
        suggestionId: linked?.id ?? null,
      });
      await tx
        .insert(motionSigners)
        .values(signers.map((deputyId) => ({ congressId, motionId: id, deputyId })));
      if (linked) await tx.update(suggestions).set({ motionId: id }).where(eq(suggestions.id, linked.id));
    }
    await tx
      .insert(suggestionCounters)
      .values({ congressId, scope: `motion:sitting:${sitting.id}`, lastValue: motionPlan.length });
    await storeSuggestionItems(
      tx,
      rows.map((r) => r.id),
    );

    // The demo congress's policy allows publishing replies (the default is off).
    const settings = await readSuggestionSettings(tx, congressId);
    await tx.execute(
      sql`UPDATE congresses SET settings = jsonb_set(settings, ${`{${SUGGESTION_SETTINGS_KEY}}`}::text[], ${JSON.stringify({ ...settings, publishReplies: true })}::jsonb) WHERE id = ${congressId}`,
    );
  });
}
