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
