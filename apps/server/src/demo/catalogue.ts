/**
 * What the demo organisation sells: 60 products in 8 categories — industrial automation, software, network and
 * cloud, with the services around them — at list prices in CNY. Orders and deal lines name them by code.
 */
export type Product = { code: string; name: string; category: string; price: number; unit: string };

/** Per category: its code prefix, name, and products as "name|price|unit". */
const CATEGORIES: { prefix: string; category: string; items: string[] }[] = [
  {
    prefix: 'AUT',
    category: '自动化设备',
    items: [
      'PLC 控制器 S200|4800|台',
      'PLC 控制器 S500|12800|台',
      '伺服电机 1.5kW|3600|台',
      '伺服驱动器 2kW|4200|台',
      '变频器 7.5kW|5600|台',
      '工业触摸屏 10 寸|3200|台',
      '工业机器人 六轴 10kg|168000|套',
      '视觉检测系统|86000|套',
      '传感器套件|1800|套',
    ],
  },
  {
    prefix: 'SPR',
    category: '备品备件',
    items: [
      '继电器模块|260|个',
      '电源模块 24V|680|个',
      '编码器|1200|个',
      '工业连接器|95|个',
      '控制柜散热风扇|180|个',
      '光电开关|150|个',
      '通讯模块|1500|个',
    ],
  },
  {
    prefix: 'SW',
    category: '工业软件',
    items: [
      'MES 制造执行系统 标准版|380000|套',
      'MES 制造执行系统 企业版|860000|套',
      'WMS 仓储管理系统|260000|套',
      'SCADA 监控软件|98000|套',
      '设备管理 EAM 系统|150000|套',
      '质量管理 QMS 模块|120000|套',
      '能耗管理系统|88000|套',
      '数据采集网关软件|18000|套',
    ],
  },
  {
    prefix: 'SAAS',
    category: '云服务订阅',
    items: [
      '云 MES 订阅（年/用户）|2400|用户',
      '设备物联平台（年/百点）|12000|套',
      '协同办公订阅（年/用户）|360|用户',
      '数据分析 BI 订阅（年/用户）|1800|用户',
      '云存储 10TB（年）|9600|套',
      '远程运维平台（年）|28000|套',
      '安全邮件网关（年/用户）|120|用户',
    ],
  },
  {
    prefix: 'NET',
    category: '网络与安全',
    items: [
      '核心交换机|68000|台',
      '接入交换机 48 口|8600|台',
      '工业交换机|5200|台',
      '下一代防火墙|46000|台',
      '无线 AP|1600|台',
      '工业网关|3800|台',
      '机房 UPS 10kVA|32000|台',
      '服务器 双路|58000|台',
    ],
  },
  {
    prefix: 'OFF',
    category: '办公设备',
    items: [
      '商用笔记本|6200|台',
      '台式工作站|9800|台',
      '激光多功能一体机|4500|台',
      '会议平板 86 寸|26000|台',
      '显示器 27 寸|1600|台',
      '视频会议终端|18000|套',
      '加固平板|7800|台',
    ],
  },
  {
    prefix: 'SRV',
    category: '实施服务',
    items: [
      '系统实施服务（人天）|2800|人天',
      '产线改造工程|450000|项',
      '网络规划与部署|65000|项',
      '数据迁移服务|48000|项',
      '定制开发（人天）|3200|人天',
      '项目管理服务|120000|项',
      '设备安装调试|12000|项',
    ],
  },
  {
    prefix: 'SUP',
    category: '维保与培训',
    items: [
      '年度维保 标准|36000|年',
      '年度维保 白金|96000|年',
      '驻场运维（月）|28000|月',
      '操作员培训|8800|期',
      '工程师认证培训|16000|期',
      '备件保障包|22000|年',
      '健康巡检|9800|次',
    ],
  },
];

export const CATALOGUE: readonly Product[] = CATEGORIES.flatMap((c) =>
  c.items.map((item, i) => {
    const [name, price, unit] = item.split('|');
    return { code: `${c.prefix}-${String(i + 1).padStart(3, '0')}`, name, category: c.category, price: Number(price), unit };
  }),
);

/** Products a customer buys again and again (parts, subscriptions, kit) — the purchase history. */
export const REPEAT_PRODUCTS = CATALOGUE.filter((p) => p.price < 70_000 && !p.code.startsWith('SRV'));
/** Products a deal is about: systems, projects and larger kit. */
export const PROJECT_PRODUCTS = CATALOGUE.filter((p) => p.price >= 18_000);
