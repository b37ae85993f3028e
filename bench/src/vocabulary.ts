import type { Rng } from './prng.ts';

/**
 * The words the generator builds a Chinese B2B customer base from: regions and their cities, industries with
 * the words their company names use, trade names (字号) with some Latin brands, tags, sources and a product catalogue.
 */

export const REGIONS: readonly { region: string; weight: number; cities: readonly string[]; districts: readonly string[] }[] = [
  { region: '广东', weight: 14, cities: ['深圳', '广州', '东莞', '佛山', '珠海'], districts: ['南山', '福田', '天河', '番禺', '宝安'] },
  { region: '浙江', weight: 11, cities: ['杭州', '宁波', '温州', '嘉兴', '绍兴'], districts: ['西湖', '滨江', '鄞州', '余杭', '萧山'] },
  { region: '江苏', weight: 11, cities: ['苏州', '南京', '无锡', '常州', '南通'], districts: ['工业园', '玄武', '新吴', '武进', '崇川'] },
  { region: '上海', weight: 10, cities: ['上海'], districts: ['浦东新', '闵行', '徐汇', '嘉定', '松江'] },
  { region: '北京', weight: 9, cities: ['北京'], districts: ['海淀', '朝阳', '丰台', '大兴', '顺义'] },
  { region: '山东', weight: 7, cities: ['青岛', '济南', '烟台', '潍坊'], districts: ['黄岛', '历下', '芝罘', '奎文'] },
  { region: '四川', weight: 5, cities: ['成都', '绵阳', '德阳'], districts: ['高新', '武侯', '锦江', '涪城'] },
  { region: '湖北', weight: 5, cities: ['武汉', '宜昌', '襄阳'], districts: ['洪山', '江汉', '东湖', '西陵'] },
  { region: '福建', weight: 5, cities: ['厦门', '福州', '泉州'], districts: ['思明', '湖里', '鼓楼', '晋江'] },
  { region: '天津', weight: 4, cities: ['天津'], districts: ['滨海新', '南开', '西青', '津南'] },
  { region: '重庆', weight: 4, cities: ['重庆'], districts: ['渝北', '江北', '九龙坡', '沙坪坝'] },
  { region: '河南', weight: 4, cities: ['郑州', '洛阳'], districts: ['金水', '二七', '涧西', '中原'] },
  { region: '湖南', weight: 3, cities: ['长沙', '株洲'], districts: ['岳麓', '雨花', '天元', '开福'] },
  { region: '安徽', weight: 3, cities: ['合肥', '芜湖'], districts: ['蜀山', '包河', '镜湖', '庐阳'] },
  { region: '陕西', weight: 3, cities: ['西安'], districts: ['雁塔', '未央', '高新', '碑林'] },
  { region: '辽宁', weight: 2, cities: ['沈阳', '大连'], districts: ['和平', '沙河口', '浑南', '甘井子'] },
];

export const INDUSTRIES: readonly { industry: string; weight: number; words: readonly string[] }[] = [
  { industry: '制造业', weight: 20, words: ['机械', '精密制造', '机电', '智能装备', '五金制品', '模具'] },
  { industry: '信息技术', weight: 14, words: ['科技', '信息技术', '软件', '网络科技', '数据科技', '智能科技'] },
  { industry: '批发零售', weight: 12, words: ['贸易', '商贸', '供应链', '进出口', '百货'] },
  { industry: '电子电器', weight: 9, words: ['电子', '电器', '光电', '半导体', '电气'] },
  { industry: '医疗健康', weight: 7, words: ['医药', '医疗器械', '生物科技', '健康科技'] },
  { industry: '物流', weight: 6, words: ['物流', '供应链管理', '国际货运', '仓储'] },
  { industry: '建筑工程', weight: 6, words: ['建设工程', '建筑装饰', '工程技术', '建材'] },
  { industry: '能源化工', weight: 6, words: ['新能源', '化工', '新材料', '环保科技'] },
  { industry: '食品饮料', weight: 5, words: ['食品', '饮料', '农业科技', '餐饮管理'] },
  { industry: '汽车', weight: 5, words: ['汽车零部件', '汽车科技', '汽车销售服务'] },
  { industry: '金融', weight: 3, words: ['投资', '融资租赁', '资产管理'] },
  { industry: '教育', weight: 3, words: ['教育科技', '培训', '文化传播'] },
];

/** Characters trade names are made of: two of them give thousands of 字号. */
export const TRADE_CHARS = [
  '华',
  '通',
  '信',
  '达',
  '恒',
  '瑞',
  '博',
  '远',
  '鑫',
  '泰',
  '嘉',
  '盛',
  '宏',
  '源',
  '隆',
  '安',
  '新',
  '联',
  '创',
  '汇',
  '万',
  '兴',
  '润',
  '丰',
  '金',
  '海',
  '天',
  '中',
  '永',
  '昌',
  '明',
  '德',
  '辉',
  '卓',
  '力',
  '方',
  '正',
  '和',
  '宇',
  '航',
  '星',
  '晨',
  '锦',
  '康',
  '富',
  '立',
  '华',
  '东',
  '启',
  '银',
  '凯',
  '旭',
  '腾',
  '鼎',
  '诚',
  '铭',
  '智',
  '拓',
  '科',
  '越',
] as const;

/** Latin brands some companies carry (外资, joint ventures, or a brand in the name). */
export const LATIN_BRANDS = [
  'Nova',
  'Apex',
  'Bright',
  'Sino',
  'Orient',
  'Vertex',
  'Lumen',
  'Pacific',
  'Golden',
  'Summit',
  'Zenith',
  'Delta',
  'Unity',
  'Crest',
  'Harbor',
  'Polaris',
  'Evergreen',
  'Atlas',
  'Quantum',
  'Nexus',
  'Meridian',
  'Horizon',
  'Solaris',
  'Cobalt',
] as const;

const LEGAL_FORMS = ['有限公司', '有限公司', '有限公司', '股份有限公司', '集团有限公司', '有限责任公司'] as const;
const LATIN_FORMS = ['Co., Ltd.', 'Technology Co., Ltd.', 'Trading Co., Ltd.', 'Industrial Co., Ltd.', 'Group Ltd.'] as const;

export const TAGS = [
  '重点客户',
  '续约',
  '新签',
  '渠道',
  '政府',
  '国企',
  '外企',
  '上市公司',
  '高潜力',
  '价格敏感',
  '需回访',
  '展会',
  '老客户',
  '战略合作',
  '年框',
  '招投标',
  '出口',
  'OEM',
] as const;

export const SOURCES = ['展会', '官网', '转介绍', '电话营销', '渠道伙伴', '线上广告', '老客户推荐', '招投标网站'] as const;

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '磊',
  '强',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '丽',
  '浩',
  '婷',
  '宇',
  '晨',
];
const ROADS = ['人民', '建设', '解放', '中山', '科技', '创业', '和平', '长江', '黄河', '环城', '工业', '滨海', '学府', '金融'];

export function personName(rng: Rng): string {
  return `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}${rng.chance(0.4) ? rng.pick(GIVEN) : ''}`;
}

export function tradeName(rng: Rng): string {
  return `${rng.pick(TRADE_CHARS)}${rng.pick(TRADE_CHARS)}`;
}

/** A realistic company name: mostly 城市 + 字号 + 行业词 + 组织形式, some with a Latin brand or wholly in English. */
export function companyName(rng: Rng, city: string, industryWords: readonly string[]): string {
  const roll = rng.next();
  const word = rng.pick(industryWords);
  if (roll < 0.72) {
    const branch = rng.chance(0.04) ? `${rng.pick(['北京', '上海', '广州', '成都', '武汉'])}分公司` : '';
    return `${city}${tradeName(rng)}${word}${rng.pick(LEGAL_FORMS)}${branch}`;
  }
  if (roll < 0.82) return `${tradeName(rng)}${word}(${city})${rng.pick(LEGAL_FORMS)}`;
  if (roll < 0.94) return `${city}${rng.pick(LATIN_BRANDS)}${word}${rng.pick(LEGAL_FORMS)}`;
  return `${cityPinyin(city)} ${rng.pick(LATIN_BRANDS)} ${rng.pick(LATIN_FORMS)}`;
}

const PINYIN: Record<string, string> = {
  深圳: 'Shenzhen',
  广州: 'Guangzhou',
  东莞: 'Dongguan',
  佛山: 'Foshan',
  珠海: 'Zhuhai',
  杭州: 'Hangzhou',
  宁波: 'Ningbo',
  温州: 'Wenzhou',
  嘉兴: 'Jiaxing',
  绍兴: 'Shaoxing',
  苏州: 'Suzhou',
  南京: 'Nanjing',
  无锡: 'Wuxi',
  常州: 'Changzhou',
  南通: 'Nantong',
  上海: 'Shanghai',
  北京: 'Beijing',
  青岛: 'Qingdao',
  济南: 'Jinan',
  烟台: 'Yantai',
  潍坊: 'Weifang',
  成都: 'Chengdu',
  绵阳: 'Mianyang',
  德阳: 'Deyang',
  武汉: 'Wuhan',
  宜昌: 'Yichang',
  襄阳: 'Xiangyang',
  厦门: 'Xiamen',
  福州: 'Fuzhou',
  泉州: 'Quanzhou',
  天津: 'Tianjin',
  重庆: 'Chongqing',
  郑州: 'Zhengzhou',
  洛阳: 'Luoyang',
  长沙: 'Changsha',
  株洲: 'Zhuzhou',
  合肥: 'Hefei',
  芜湖: 'Wuhu',
  西安: "Xi'an",
  沈阳: 'Shenyang',
  大连: 'Dalian',
};
export const cityPinyin = (city: string) => PINYIN[city] ?? 'China';

export function address(rng: Rng, city: string, districts: readonly string[]): string {
  return `${city}市${rng.pick(districts)}区${rng.pick(ROADS)}路${rng.int(1, 999)}号${rng.chance(0.5) ? `${rng.int(1, 30)}楼` : ''}`;
}

/** A phone as people type it: mobile with or without dashes, or a landline with its area code. */
export function phone(rng: Rng): string {
  const roll = rng.next();
  const mobile = `1${rng.pick(['3', '5', '7', '8', '9'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`;
  if (roll < 0.5) return mobile;
  if (roll < 0.8) return `${mobile.slice(0, 3)}-${mobile.slice(3, 7)}-${mobile.slice(7)}`;
  return `0${rng.int(10, 999)}-${rng.int(2000, 8999)} ${String(rng.int(0, 9999)).padStart(4, '0')}`;
}

export const PRODUCT_CATEGORIES: readonly { category: string; items: readonly string[]; price: [number, number] }[] = [
  { category: '传感器', items: ['温度传感器', '压力传感器', '光电传感器', '接近开关'], price: [40, 1200] },
  { category: '电机', items: ['伺服电机', '步进电机', '减速电机', '变频电机'], price: [300, 9000] },
  { category: '控制器', items: ['PLC模块', '变频器', '触摸屏', '运动控制卡'], price: [500, 20000] },
  { category: '线缆', items: ['屏蔽电缆', '网线', '拖链电缆', '电源线'], price: [5, 300] },
  { category: '工具', items: ['扭力扳手', '电动螺丝刀', '测量卡尺', '工具套装'], price: [30, 2500] },
  { category: '包装材料', items: ['纸箱', '缠绕膜', '气泡袋', '托盘'], price: [1, 150] },
  { category: '办公用品', items: ['打印纸', '硒鼓', '文件柜', '办公椅'], price: [10, 1800] },
  { category: '软件许可', items: ['ERP许可', 'CAD许可', '年度订阅', '云服务套餐'], price: [800, 60000] },
  { category: '维保服务', items: ['年度维保', '上门检修', '远程支持', '备件包'], price: [500, 30000] },
  { category: '化工原料', items: ['环氧树脂', '工业酒精', '润滑油', '清洗剂'], price: [20, 900] },
  { category: '紧固件', items: ['不锈钢螺栓', '膨胀螺丝', '垫片', '铆钉'], price: [0.5, 60] },
  { category: '轴承', items: ['深沟球轴承', '滚针轴承', '直线轴承', '轴承座'], price: [8, 1500] },
  { category: '阀门', items: ['电磁阀', '球阀', '截止阀', '减压阀'], price: [60, 5000] },
  { category: '照明', items: ['LED工矿灯', '防爆灯', '面板灯', '应急灯'], price: [40, 1600] },
  { category: '安防设备', items: ['网络摄像机', '门禁控制器', '录像机', '报警主机'], price: [150, 8000] },
  { category: '网络设备', items: ['交换机', '路由器', '无线AP', '防火墙'], price: [200, 25000] },
];

/** Activity kinds as the app stores them, with how often reps log each (calls most, meetings least). */
export const ACTIVITY_KIND_WEIGHTS: readonly { kind: 'call' | 'email' | 'visit' | 'meeting' | 'note'; weight: number }[] = [
  { kind: 'call', weight: 38 },
  { kind: 'email', weight: 22 },
  { kind: 'visit', weight: 14 },
  { kind: 'meeting', weight: 8 },
  { kind: 'note', weight: 18 },
];

type Outcome = 'reached' | 'no_answer' | 'interested' | 'not_interested' | 'follow_up' | 'done' | null;

/**
 * What each kind of activity is about (`{c}` a product category, `{i}` a product) and what came of it: a call is
 * often not answered, an email often gets no reply yet (no outcome), a visit or meeting is mostly done; a note has none.
 */
export const ACTIVITY_VOCABULARY: Record<
  'call' | 'email' | 'visit' | 'meeting' | 'note',
  { subjects: readonly string[]; outcomes: readonly { outcome: Outcome; weight: number }[]; minutes: [number, number] | null }
> = {
  call: {
    subjects: [
      '电话沟通{c}采购需求',
      '电话回访：确认报价反馈',
      '跟进{i}样品测试结果',
      '电话确认交货时间',
      '年度框架协议续签沟通',
      '电话催收货款',
      '售后问题电话回访',
      '了解下季度采购计划',
      '确认{i}技术参数',
      '电话邀约参加新品发布会',
    ],
    outcomes: [
      { outcome: 'reached', weight: 40 },
      { outcome: 'no_answer', weight: 20 },
      { outcome: 'interested', weight: 12 },
      { outcome: 'follow_up', weight: 18 },
      { outcome: 'not_interested', weight: 10 },
    ],
    minutes: [2, 25],
  },
  email: {
    subjects: [
      '发送{c}报价单',
      '发送{i}产品资料与技术参数',
      '合同草稿邮件确认',
      '月度对账单确认',
      '发送新品推介资料',
      '回复技术咨询：{i}',
      '发送发货通知与物流单号',
      '年度价格调整通知',
    ],
    outcomes: [
      { outcome: null, weight: 45 },
      { outcome: 'reached', weight: 20 },
      { outcome: 'follow_up', weight: 25 },
      { outcome: 'interested', weight: 10 },
    ],
    minutes: null,
  },
  visit: {
    subjects: [
      '上门拜访：了解产线情况',
      '拜访采购部，洽谈{c}年度合作',
      '现场技术交流：{i}',
      '陪同技术工程师现场调试',
      '节前客户拜访',
      '新品{i}现场演示',
      '拜访新任采购负责人',
    ],
    outcomes: [
      { outcome: 'done', weight: 45 },
      { outcome: 'interested', weight: 25 },
      { outcome: 'follow_up', weight: 25 },
      { outcome: 'not_interested', weight: 5 },
    ],
    minutes: [30, 150],
  },
  meeting: {
    subjects: ['季度业务回顾会议', '{c}方案评审会', '商务谈判：{c}年度框架', '线上需求沟通会', '项目启动会', '质量问题复盘会'],
    outcomes: [
      { outcome: 'done', weight: 55 },
      { outcome: 'interested', weight: 20 },
      { outcome: 'follow_up', weight: 25 },
    ],
    minutes: [30, 120],
  },
  note: {
    subjects: [
      '备注：客户预算调整',
      '备注：采购负责人变更',
      '竞品信息：客户在比价',
      '内部备注：客户申请延长账期',
      '客户反馈：交付及时，质量满意',
      '备注：客户计划扩产，{c}需求增加',
      '备注：客户年底集中采购',
    ],
    outcomes: [{ outcome: null, weight: 1 }],
    minutes: null,
  },
};

/** Free-text notes some activities carry. */
export const ACTIVITY_NOTES = [
  '客户表示下月有新订单，需提前备货。',
  '对价格比较敏感，建议申请阶梯折扣。',
  '技术负责人认可方案，等待采购部审批。',
  '客户反馈上批货物包装有破损，已安排补发。',
  '预计下季度采购量增加约两成。',
  '客户希望缩短交期，需与工厂确认产能。',
  '已约好下周二再次拜访。',
  '决策链较长，需同时跟进财务和生产部门。',
] as const;

/** Titles of follow-up tasks made by hand (跟进任务), with the kind of contact each asks for. */
export const TASK_TITLES: readonly { title: string; kind: 'call' | 'email' | 'visit' | 'meeting' | null }[] = [
  { title: '电话回访：确认报价反馈', kind: 'call' },
  { title: '上门拜访：演示新品', kind: 'visit' },
  { title: '发送合同草稿', kind: 'email' },
  { title: '准备季度业务回顾材料', kind: 'meeting' },
  { title: '催收第二期货款', kind: 'call' },
  { title: '确认样品测试结果', kind: 'call' },
  { title: '安排技术交流会', kind: 'meeting' },
  { title: '更新客户组织架构', kind: null },
  { title: '发送年度价格调整通知', kind: 'email' },
  { title: '拜访新任采购负责人', kind: 'visit' },
];

/** Why a rep releases a customer to the public pool (公海). */
export const POOL_RELEASE_REASONS = ['客户暂无采购计划', '客户已转向竞品', '联系人离职，暂时无法跟进', '区域调整，释放至公海'] as const;

/** Deals, contracts and payments (as the demo organisation words them). */
export const LOSS_REASONS = [
  '价格偏高',
  '选择了竞争对手',
  '客户预算取消',
  '需求变更',
  '决策延期',
  '技术方案不匹配',
  '客户内部关系未打通',
] as const;
export const PROJECT_NAMES = [
  '智能工厂建设',
  '数字化车间改造',
  '产线自动化升级',
  '仓储物流自动化',
  'MES 系统实施',
  '工业网络改造',
] as const;
export const PAYMENT_METHODS = ['银行转账', '银行转账', '电汇', '银行承兑汇票'] as const;

/** Satisfaction survey remarks, by score (1–5). */
export const SATISFACTION_COMMENTS: Record<number, readonly string[]> = {
  1: ['交付严重延期，问题无人跟进', '售后响应太慢'],
  2: ['价格偏高，服务一般', '对接人频繁更换'],
  3: ['整体还行，交付周期可以再短一些', '产品满足需求，沟通需改进'],
  4: ['响应及时，产品稳定', '销售很专业，方案贴合需求'],
  5: ['非常满意，会继续合作', '服务周到，推荐给同行'],
};

/** Appraisal comments: a manager's on each criterion, and a rep's own summary. */
export const REVIEW_COMMENTS: Record<string, readonly string[]> = {
  managerRating: ['目标意识强，执行到位', '本季度业绩稳定，需加强新客户开发', '跟进节奏有待改进', '大客户推进得力'],
  customerFeedback: ['客户反馈积极', '有客户反映响应偏慢', '客户评价专业可靠'],
  teamwork: ['乐于分享经验，协助新人', '跨部门协作顺畅', '团队配合有待加强'],
  self: ['本季度完成主要目标，下季度重点拓展新客户', '回款进度落后，已制定跟进计划', '大项目推进顺利，希望获得更多培训机会'],
};
