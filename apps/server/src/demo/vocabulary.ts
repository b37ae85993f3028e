import type { Rng } from './random.ts';

/** "华:hua 通:tong" → [['华', 'hua'], ['通', 'tong']]: long word lists stay short to read. */
const pairs = (s: string) =>
  s
    .trim()
    .split(/\s+/)
    .map((w) => w.split(':') as [string, string]);

/**
 * The words the demo organisation is made of: its five sales regions with their cities, the industries
 * its customers are in, trade names (字号) and people's names — each with its pinyin where an email needs it.
 */

export type City = { name: string; areaCode: string; lat: number; lng: number; districts: readonly string[] };
export type SalesRegion = { region: string; team: string; weight: number; cities: readonly City[] };

export const SALES_REGIONS: readonly SalesRegion[] = [
  {
    region: '华东',
    team: '华东销售部',
    weight: 30,
    cities: [
      { name: '上海', areaCode: '021', lat: 31.2304, lng: 121.4737, districts: ['浦东新区', '闵行区', '徐汇区', '嘉定区', '松江区'] },
      { name: '杭州', areaCode: '0571', lat: 30.2741, lng: 120.1551, districts: ['西湖区', '滨江区', '余杭区', '萧山区'] },
      { name: '苏州', areaCode: '0512', lat: 31.2989, lng: 120.5853, districts: ['工业园区', '吴中区', '相城区', '高新区'] },
      { name: '南京', areaCode: '025', lat: 32.0603, lng: 118.7969, districts: ['玄武区', '江宁区', '建邺区', '栖霞区'] },
      { name: '宁波', areaCode: '0574', lat: 29.8683, lng: 121.544, districts: ['鄞州区', '北仑区', '海曙区'] },
    ],
  },
  {
    region: '华南',
    team: '华南销售部',
    weight: 25,
    cities: [
      { name: '深圳', areaCode: '0755', lat: 22.5431, lng: 114.0579, districts: ['南山区', '福田区', '宝安区', '龙岗区'] },
      { name: '广州', areaCode: '020', lat: 23.1291, lng: 113.2644, districts: ['天河区', '番禺区', '黄埔区', '白云区'] },
      { name: '东莞', areaCode: '0769', lat: 23.0207, lng: 113.7518, districts: ['松山湖', '长安镇', '虎门镇'] },
      { name: '佛山', areaCode: '0757', lat: 23.0215, lng: 113.1214, districts: ['顺德区', '南海区', '禅城区'] },
      { name: '厦门', areaCode: '0592', lat: 24.4798, lng: 118.0894, districts: ['思明区', '湖里区', '集美区'] },
    ],
  },
  {
    region: '华北',
    team: '华北销售部',
    weight: 20,
    cities: [
      { name: '北京', areaCode: '010', lat: 39.9042, lng: 116.4074, districts: ['海淀区', '朝阳区', '丰台区', '大兴区', '顺义区'] },
      { name: '天津', areaCode: '022', lat: 39.3434, lng: 117.3616, districts: ['滨海新区', '南开区', '西青区'] },
      { name: '青岛', areaCode: '0532', lat: 36.0671, lng: 120.3826, districts: ['黄岛区', '市南区', '城阳区'] },
      { name: '济南', areaCode: '0531', lat: 36.6512, lng: 117.1201, districts: ['历下区', '高新区', '槐荫区'] },
    ],
  },
  {
    region: '西南',
    team: '西南销售部',
    weight: 12,
    cities: [
      { name: '成都', areaCode: '028', lat: 30.5728, lng: 104.0668, districts: ['高新区', '武侯区', '锦江区', '双流区'] },
      { name: '重庆', areaCode: '023', lat: 29.563, lng: 106.5516, districts: ['渝北区', '江北区', '九龙坡区'] },
      { name: '昆明', areaCode: '0871', lat: 24.8801, lng: 102.8329, districts: ['五华区', '官渡区', '呈贡区'] },
      { name: '贵阳', areaCode: '0851', lat: 26.647, lng: 106.6302, districts: ['观山湖区', '南明区', '云岩区'] },
    ],
  },
  {
    region: '华中',
    team: '华中销售部',
    weight: 13,
    cities: [
      { name: '武汉', areaCode: '027', lat: 30.5928, lng: 114.3055, districts: ['洪山区', '江汉区', '东湖高新区', '汉阳区'] },
      { name: '长沙', areaCode: '0731', lat: 28.2282, lng: 112.9388, districts: ['岳麓区', '雨花区', '开福区'] },
      { name: '郑州', areaCode: '0371', lat: 34.7466, lng: 113.6253, districts: ['金水区', '二七区', '郑东新区'] },
      { name: '合肥', areaCode: '0551', lat: 31.8206, lng: 117.2272, districts: ['蜀山区', '包河区', '高新区'] },
    ],
  },
];

export const INDUSTRIES: readonly { industry: string; weight: number; words: readonly string[]; slug: string }[] = [
  { industry: '制造业', weight: 22, words: ['机械', '精密制造', '机电', '智能装备', '五金制品', '模具'], slug: 'mfg' },
  { industry: '电子电器', weight: 12, words: ['电子', '电器', '光电', '半导体', '电气'], slug: 'tech' },
  { industry: '汽车零部件', weight: 9, words: ['汽车零部件', '汽车科技', '汽配'], slug: 'auto' },
  { industry: '信息技术', weight: 10, words: ['科技', '信息技术', '软件', '网络科技', '数据科技'], slug: 'it' },
  { industry: '医疗健康', weight: 8, words: ['医药', '医疗器械', '生物科技'], slug: 'med' },
  { industry: '能源化工', weight: 8, words: ['新能源', '化工', '新材料', '环保科技'], slug: 'chem' },
  { industry: '物流仓储', weight: 7, words: ['物流', '供应链管理', '仓储'], slug: 'logistics' },
  { industry: '食品饮料', weight: 7, words: ['食品', '饮料', '农业科技'], slug: 'food' },
  { industry: '建筑工程', weight: 6, words: ['建设工程', '建筑装饰', '建材'], slug: 'build' },
  { industry: '批发零售', weight: 6, words: ['贸易', '商贸', '百货'], slug: 'trade' },
  { industry: '教育', weight: 3, words: ['教育科技', '职业培训'], slug: 'edu' },
  { industry: '政府及公共事业', weight: 2, words: ['城市发展', '水务', '公共服务'], slug: 'gov' },
];

/** Trade-name characters with their pinyin: two of them make a 字号 (华通 → huatong). */
export const TRADE_CHARS = pairs(
  '华:hua 通:tong 信:xin 达:da 恒:heng 瑞:rui 博:bo 远:yuan 鑫:xin 泰:tai 嘉:jia 盛:sheng 宏:hong 源:yuan ' +
    '隆:long 安:an 联:lian 创:chuang 汇:hui 万:wan 兴:xing 润:run 丰:feng 金:jin 海:hai 天:tian 永:yong ' +
    '昌:chang 明:ming 德:de 辉:hui 卓:zhuo 正:zheng 宇:yu 航:hang 星:xing 锦:jin 康:kang 启:qi 凯:kai 腾:teng ' +
    '鼎:ding 诚:cheng 铭:ming 智:zhi 拓:tuo 越:yue 东:dong ',
);

const LEGAL_FORMS = ['有限公司', '有限公司', '有限公司', '股份有限公司', '股份有限公司', '集团有限公司'] as const;

/** A company: 城市 + 字号 + 行业词 + 有限公司/股份有限公司, its short name (字号 + 行业词) and a web domain from the 字号's pinyin. */
export function companyOf(rng: Rng, city: string, industry: (typeof INDUSTRIES)[number]) {
  const [a, b] = [rng.pick(TRADE_CHARS), rng.pick(TRADE_CHARS)];
  const word = rng.pick(industry.words);
  const trade = `${a[0]}${b[0]}`;
  return {
    name: `${city}${trade}${word}${rng.pick(LEGAL_FORMS)}`,
    shortName: `${trade}${word}`,
    domain: `${a[1]}${b[1]}-${industry.slug}.com`,
  };
}

export const SURNAMES = pairs(
  '王:wang 李:li 张:zhang 刘:liu 陈:chen 杨:yang 黄:huang 赵:zhao 吴:wu 周:zhou 徐:xu 孙:sun 马:ma 朱:zhu ' +
    '胡:hu 郭:guo 何:he 林:lin 罗:luo 高:gao 郑:zheng 梁:liang 谢:xie 宋:song 唐:tang 许:xu 韩:han 冯:feng ' +
    '邓:deng 曹:cao 彭:peng 曾:zeng ',
);

export const GIVEN_NAMES = pairs(
  '伟:wei 芳:fang 娜:na 敏:min 静:jing 磊:lei 强:qiang 洋:yang 艳:yan 勇:yong 军:jun 杰:jie 娟:juan 涛:tao ' +
    '明:ming 超:chao 丽:li 浩:hao 婷:ting 宇:yu 晨:chen 鹏:peng 辉:hui 琳:lin 欣:xin 颖:ying 斌:bin 峰:feng ' +
    '雪:xue 佳:jia 文:wen 建:jian 海:hai 凯:kai 倩:qian 思:si 嘉:jia 志:zhi 博:bo 瑶:yao ',
);

/** A Chinese name (one or two given characters) and its pinyin as an email's local part: 张伟 → wei.zhang. */
export function personOf(rng: Rng) {
  const surname = rng.pick(SURNAMES);
  const given = rng.chance(0.55) ? [rng.pick(GIVEN_NAMES), rng.pick(GIVEN_NAMES)] : [rng.pick(GIVEN_NAMES)];
  return { name: `${surname[0]}${given.map((g) => g[0]).join('')}`, local: `${given.map((g) => g[1]).join('')}.${surname[1]}` };
}

export const ROADS = ['人民', '建设', '解放', '中山', '科技', '创业', '和平', '长江', '黄河', '工业', '滨海', '学府', '金融', '新华'];

export const mobileOf = (rng: Rng) => `1${rng.pick(['36', '38', '39', '58', '59', '86', '88', '35', '37'])}${rng.int(10000000, 99999999)}`;
export const landlineOf = (rng: Rng, city: City) => `${city.areaCode}-${rng.int(5, 8)}${rng.int(1000000, 9999999)}`;

export const CUSTOMER_SOURCES = ['展会', '官网', '转介绍', '电话营销', '渠道伙伴', '线上广告', '老客户推荐', '招投标网站'] as const;
export const CUSTOMER_TAGS = '续约 新签 渠道 国企 外企 上市公司 高潜力 价格敏感 年框 招投标 出口 战略合作'.split(' ');

/** Contacts: titles by seniority, with the buying role each title usually plays. */
type BuyingRole = 'decision_maker' | 'economic_buyer' | 'influencer' | 'user' | 'gatekeeper';
export const CONTACT_TITLES: Record<'executive' | 'manager' | 'staff', (readonly [string, BuyingRole])[]> = {
  executive: [
    ['总经理', 'decision_maker'],
    ['副总经理', 'decision_maker'],
    ['财务总监', 'economic_buyer'],
    ['技术总监', 'decision_maker'],
    ['董事长', 'decision_maker'],
  ],
  manager: [
    ['采购经理', 'economic_buyer'],
    ['IT经理', 'influencer'],
    ['生产经理', 'influencer'],
    ['设备部经理', 'influencer'],
    ['行政经理', 'gatekeeper'],
  ],
  staff: [
    ['采购专员', 'gatekeeper'],
    ['设备工程师', 'user'],
    ['IT工程师', 'user'],
    ['总经理助理', 'gatekeeper'],
    ['质量工程师', 'user'],
  ],
};

export const LOSS_REASONS = ['价格偏高', '选择了竞争对手', '客户预算取消', '需求变更', '决策延期', '技术方案不匹配', '客户内部关系未打通'];

export const LEAD_SOURCES = ['官网表单', '展会', '线上广告', '电话营销', '转介绍', '渠道伙伴', '微信公众号', '招投标网站'] as const;
export const LEAD_TITLES = ['采购经理', 'IT经理', '总经理', '设备部经理', '生产总监', '总经理助理', '采购专员'];
