import type { TQuizQuestion } from '@tierline/contracts';
import type { CourseInput } from '../modules/training/courses.usecases.ts';

/**
 * The demo organisation's training catalogue: ten courses over the five categories — half with a quiz (pass
 * score 80), the compliance and product ones certifying — and the skills of its matrix. Content only; the step
 * that writes it (through the use cases) is training.ts.
 */

export type CourseKey =
  | 'compliance'
  | 'integrity'
  | 'product'
  | 'launch'
  | 'spin'
  | 'visits'
  | 'negotiation'
  | 'kaNegotiation'
  | 'industry'
  | 'kam';

/** A question with options given as "a|text" and the correct ids: short to write, checked by the course rules anyway. */
const q = (id: string, kind: 'single' | 'multiple', prompt: string, options: string[], correct: string[]): TQuizQuestion => ({
  id,
  kind,
  prompt,
  options: options.map((o) => ({ id: o.slice(0, 1), text: o.slice(2) })),
  correct,
});

const course = (
  c: Partial<CourseInput> & Pick<CourseInput, 'title' | 'source' | 'category' | 'format' | 'durationMinutes'>,
): CourseInput => ({
  description: '',
  provider: null,
  materials: [],
  quiz: null,
  certification: null,
  active: true,
  ...c,
});

export const COURSES: Record<CourseKey, CourseInput> = {
  compliance: course({
    title: '年度合规与数据安全培训',
    description:
      '每位销售每年必修：个人信息保护、客户数据使用、合同与报价合规、礼品与招待规定。通过测验后获得年度合规认证，有效期 12 个月。',
    source: 'internal',
    category: 'compliance',
    format: 'online',
    durationMinutes: 90,
    materials: [
      {
        kind: 'text',
        title: '课程要点',
        body: '1. 客户个人信息仅在业务必要范围内使用，导出和转发须经授权。\n2. 报价单、合同通过公司邮箱或 CRM 发送，不得使用个人网盘。\n3. 超出权限的合同金额必须走审批，不得先发货后补合同。\n4. 疑似数据泄露须在 24 小时内报告信息安全负责人。',
      },
      { kind: 'link', title: '国家法律法规数据库：《中华人民共和国个人信息保护法》', url: 'https://flk.npc.gov.cn/' },
      { kind: 'link', title: '公司合规手册（内网）', url: 'https://kb.tierline.local/compliance/handbook' },
    ],
    quiz: {
      passScore: 80,
      attemptsAllowed: 3,
      questions: [
        q(
          'q1',
          'single',
          '在 CRM 中使用客户个人信息，以下哪项符合《个人信息保护法》的要求？',
          [
            'a|仅在业务必要范围内使用，并取得客户授权',
            'b|可以导出给合作伙伴做联合营销',
            'c|离职时可以带走自己维护的客户名单',
            'd|只要客户没有投诉就可以使用',
          ],
          ['a'],
        ),
        q(
          'q2',
          'multiple',
          '以下哪些情形必须上报合规部门？',
          ['a|客户采购人员暗示索要回扣', 'b|收到价值超过 200 元的礼品', 'c|客户申请延期付款', 'd|发现同事伪造合同签章'],
          ['a', 'b', 'd'],
        ),
        q(
          'q3',
          'single',
          '向客户发送正式报价单，应通过哪种方式？',
          ['a|公司邮箱或 CRM 系统', 'b|个人微信私下发送', 'c|公开的网盘链接'],
          ['a'],
        ),
        q(
          'q4',
          'multiple',
          '关于合同签署，以下哪些做法是正确的？',
          [
            'a|超出本人权限的金额须提交审批',
            'b|合同须经客户盖章确认后生效',
            'c|客户着急时可以先发货后补合同',
            'd|客户不便时可以代客户签字',
          ],
          ['a', 'b'],
        ),
        q(
          'q5',
          'single',
          '发现客户数据疑似泄露，第一时间应当？',
          ['a|立即报告信息安全负责人', 'b|自行删除相关记录', 'c|等到月底例会统一汇报'],
          ['a'],
        ),
      ],
    },
    certification: { name: '年度合规认证', validMonths: 12 },
  }),
  integrity: course({
    title: '反商业贿赂与廉洁从业',
    description: '结合行业典型案例，讲解商业贿赂的认定、礼品与招待的边界和举报渠道。观看完毕并签署《廉洁从业承诺书》即完成。',
    source: 'internal',
    category: 'compliance',
    format: 'video',
    durationMinutes: 45,
    materials: [
      { kind: 'link', title: '课程视频', url: 'https://learning.tierline.local/videos/integrity-2025' },
      {
        kind: 'text',
        title: '廉洁从业承诺书',
        body: '本人承诺在业务往来中不索取、不收受、不给予任何形式的不正当利益，如实申报礼品与招待。',
      },
    ],
    certification: { name: '廉洁从业承诺', validMonths: 24 },
  }),
  product: course({
    title: '工业自动化产品线知识与认证',
    description: 'PLC、伺服、变频、工业机器人与视觉检测系统的产品定位、选型要点和典型应用。通过测验获得产品顾问认证，有效期 24 个月。',
    source: 'internal',
    category: 'product',
    format: 'online',
    durationMinutes: 120,
    materials: [
      {
        kind: 'text',
        title: '选型速查',
        body: '伺服选型：先确认负载惯量与额定扭矩，再匹配驱动器功率；机器人方案：节拍、负载与工作半径、安全防护。',
      },
      { kind: 'link', title: '产品手册下载', url: 'https://kb.tierline.local/products/catalogue-2025.pdf' },
    ],
    quiz: {
      passScore: 80,
      attemptsAllowed: 3,
      questions: [
        q(
          'q1',
          'single',
          'PLC 控制器 S500 相比 S200 的主要优势是？',
          ['a|更多 I/O 点数和更快的扫描周期', 'b|价格更低', 'c|不需要编程', 'd|只适用于小型设备'],
          ['a'],
        ),
        q(
          'q2',
          'multiple',
          '视觉检测系统适用于哪些场景？',
          ['a|表面缺陷检测', 'b|尺寸测量', 'c|财务报销审批', 'd|条码与字符识别'],
          ['a', 'b', 'd'],
        ),
        q('q3', 'single', '伺服电机选型时首先要确认的是？', ['a|负载惯量与额定扭矩', 'b|外壳颜色', 'c|包装尺寸'], ['a']),
        q(
          'q4',
          'multiple',
          '为客户设计工业机器人方案前，需要收集哪些信息？',
          ['a|生产节拍要求', 'b|负载与工作半径', 'c|现场安全防护条件', 'd|客户办公楼的层数'],
          ['a', 'b', 'c'],
        ),
        q(
          'q5',
          'single',
          '客户产线频繁因电压波动停机，最合适的推荐是？',
          ['a|电源模块与变频器的整体方案', 'b|更大的触摸屏', 'c|更多的光电开关'],
          ['a'],
        ),
      ],
    },
    certification: { name: '产品顾问认证', validMonths: 24 },
  }),
  launch: course({
    title: '新品上市：视觉检测系统 V3',
    description: '新一代视觉检测系统的卖点、竞品对比、报价策略与演示脚本，上市前全员学习。',
    source: 'internal',
    category: 'product',
    format: 'classroom',
    durationMinutes: 180,
    materials: [
      { kind: 'text', title: '三句话卖点', body: '检测速度提升 40%；深度学习模型支持小样本训练；与现有 PLC 即插即用。' },
      { kind: 'link', title: '演示视频与竞品对比表', url: 'https://kb.tierline.local/products/vision-v3' },
    ],
  }),
  spin: course({
    title: '顾问式销售（SPIN）实战',
    description:
      '两天线下工作坊：用背景、难点、暗示、需求-效益四类问题发现和发展客户需求，含角色扮演与真实案例复盘。结业测验通过即颁发结业证书（长期有效）。',
    source: 'external',
    provider: '华信销售学院',
    category: 'sales_skills',
    format: 'workshop',
    durationMinutes: 960,
    materials: [
      { kind: 'text', title: '课前作业', body: '选一个正在跟进的商机，写下客户的三个难点和你准备的暗示问题。' },
      { kind: 'link', title: '课程讲义', url: 'https://learning.tierline.local/spin/handout.pdf' },
    ],
    quiz: {
      passScore: 80,
      attemptsAllowed: 2,
      questions: [
        q('q1', 'single', 'SPIN 中的“I”代表哪一类问题？', ['a|暗示问题（Implication）', 'b|信息问题', 'c|投资问题', 'd|介绍问题'], ['a']),
        q(
          'q2',
          'single',
          '以下哪一个是“需求-效益问题”？',
          ['a|如果停机时间减少一半，对产能意味着什么？', 'b|你们现在有几条产线？', 'c|设备多久出一次故障？', 'd|今年的预算是多少？'],
          ['a'],
        ),
        q(
          'q3',
          'multiple',
          '使用背景问题时应注意什么？',
          ['a|事先做好功课，避免问得太多', 'b|问题应为后续的难点问题铺垫', 'c|问得越多越显得专业', 'd|用来了解客户现状'],
          ['a', 'b', 'd'],
        ),
        q(
          'q4',
          'single',
          '大订单销售中，客户的隐含需求应当？',
          ['a|通过难点和暗示问题发展为明确需求', 'b|立即给出产品报价', 'c|暂时忽略'],
          ['a'],
        ),
        q(
          'q5',
          'multiple',
          '一次拜访结束时，以下哪些是好的“行动承诺”？',
          ['a|客户同意安排技术交流', 'b|客户引荐决策人', 'c|客户说“以后再联系”', 'd|约定现场测试的时间'],
          ['a', 'b', 'd'],
        ),
      ],
    },
    certification: { name: 'SPIN 顾问式销售结业证书', validMonths: null },
  }),
  visits: course({
    title: '客户拜访与电话沟通技巧',
    description: '拜访前准备、开场白、电话预约与跟进话术，附优秀销售的录音示范。',
    source: 'internal',
    category: 'sales_skills',
    format: 'video',
    durationMinutes: 60,
    materials: [
      { kind: 'text', title: '拜访前检查清单', body: '客户近况、上次沟通要点、本次目标与行动承诺、可能的异议及应对。' },
      { kind: 'link', title: '录音示范合集', url: 'https://learning.tierline.local/videos/calls' },
    ],
  }),
  negotiation: course({
    title: '商务谈判基础',
    description: '谈判准备、报价与让步策略、BATNA、应对压价。初级销售晋升前必修。',
    source: 'internal',
    category: 'negotiation',
    format: 'classroom',
    durationMinutes: 240,
    materials: [
      { kind: 'text', title: '让步原则', body: '有条件让步，幅度逐步递减；每次让步换取对方的承诺（预付款、采购量、签约时间）。' },
      { kind: 'link', title: '谈判准备模板', url: 'https://kb.tierline.local/templates/negotiation-plan.xlsx' },
    ],
    quiz: {
      passScore: 80,
      attemptsAllowed: 3,
      questions: [
        q(
          'q1',
          'single',
          'BATNA 指的是什么？',
          ['a|谈判协议的最佳替代方案', 'b|我方的最低报价', 'c|谈判的截止时间', 'd|对方的预算'],
          ['a'],
        ),
        q(
          'q2',
          'multiple',
          '客户要求再降价 10%，以下哪些回应是合适的？',
          ['a|用交换条件换取让步（如预付款、扩大采购量）', 'b|询问降价诉求背后的原因', 'c|立即同意以保住订单', 'd|重申方案能带来的价值'],
          ['a', 'b', 'd'],
        ),
        q('q3', 'single', '多轮让步时，让步幅度应当？', ['a|逐步递减', 'b|逐步递增', 'c|一次让到底'], ['a']),
        q('q4', 'single', '首次报价一般应当？', ['a|留有合理空间并说明依据', 'b|直接报出底价', 'c|随意报价看对方反应'], ['a']),
        q(
          'q5',
          'multiple',
          '谈判前必须准备的内容有？',
          ['a|我方目标与底线', 'b|对方的决策链', 'c|可交换的筹码清单', 'd|庆功宴的地点'],
          ['a', 'b', 'c'],
        ),
      ],
    },
  }),
  kaNegotiation: course({
    title: '大客户谈判与价格博弈',
    description: '面向长周期、多决策人项目：采购流程中的谈判节点、招投标报价、年度框架协议与价格保护条款。',
    source: 'external',
    provider: '中欧商务培训中心',
    category: 'negotiation',
    format: 'workshop',
    durationMinutes: 720,
    materials: [
      { kind: 'text', title: '案例', body: '某汽车零部件集团年度框架采购：三轮谈判如何用交付与服务条款守住价格。' },
      { kind: 'link', title: '报名与课程安排', url: 'https://learning.tierline.local/external/ka-negotiation' },
    ],
  }),
  industry: course({
    title: '制造业数字化转型趋势解读',
    description: '智能工厂、设备联网与数据采集的行业现状，以及汽车零部件、电子、食品饮料三个行业客户的典型痛点。',
    source: 'internal',
    category: 'industry',
    format: 'document',
    durationMinutes: 45,
    materials: [
      {
        kind: 'text',
        title: '阅读指引',
        body: '重点阅读第二章（设备联网率与停机损失）和第四章（三个行业的采购决策链）。拜访前可用第五章的问题清单。',
      },
      { kind: 'link', title: '行业白皮书（PDF）', url: 'https://kb.tierline.local/industry/smart-factory-2025.pdf' },
    ],
  }),
  kam: course({
    title: '大客户管理（KAM）',
    description: '大客户计划、客户关系图谱、健康度评估与季度业务回顾（QBR），中级销售晋升前必修。',
    source: 'external',
    provider: '华信销售学院',
    category: 'sales_skills',
    format: 'online',
    durationMinutes: 480,
    materials: [
      { kind: 'text', title: '作业', body: '为你负责的一家重点客户完成客户计划：业务目标、关系图谱、未来两个季度的行动。' },
      { kind: 'link', title: '在线课程入口', url: 'https://learning.tierline.local/external/kam' },
    ],
    quiz: {
      passScore: 80,
      attemptsAllowed: 2,
      questions: [
        q('q1', 'single', '大客户计划最核心的内容是？', ['a|客户的业务目标与我们的价值主张', 'b|客户通讯录', 'c|历史发票清单'], ['a']),
        q('q2', 'multiple', '客户关系图谱中应识别哪些角色？', ['a|决策者', 'b|技术评估者', 'c|使用者', 'd|前台接待'], ['a', 'b', 'c']),
        q(
          'q3',
          'single',
          '哪个信号最能提示大客户的流失风险？',
          ['a|采购频次和份额持续下降', 'b|客户搬了新办公室', 'c|客户更换了标志'],
          ['a'],
        ),
        q('q4', 'single', '季度业务回顾（QBR）应由谁主导准备？', ['a|客户经理协调跨部门团队', 'b|客户自己', 'c|财务部门'], ['a']),
        q(
          'q5',
          'multiple',
          '扩大大客户份额的做法有？',
          ['a|交叉销售相关产品线', 'b|拓展客户的其他工厂或事业部', 'c|涨价但不增加价值', 'd|提供增值服务'],
          ['a', 'b', 'd'],
        ),
      ],
    },
  }),
};

/** The skills of the matrix: [name, category, description]. */
export const SKILLS: [string, string, string][] = [
  ['需求挖掘', '销售技能', '通过提问发现并发展客户的明确需求'],
  ['方案呈现', '销售技能', '把产品组合成解决方案并讲清价值'],
  ['商务谈判', '销售技能', '报价、让步与条款谈判'],
  ['产品知识', '产品', '自动化设备、工业软件与网络产品的选型和应用'],
  ['技术交流', '产品', '与客户工程师就技术方案深入沟通'],
  ['客户关系维护', '客户管理', '按节奏跟进，维护多层级的客户关系'],
  ['大客户经营', '客户管理', '客户计划、关系图谱与份额拓展'],
  ['回款管理', '客户管理', '合同履约与按期回款'],
  ['行业洞察', '行业', '理解制造业客户的业务和采购决策'],
];
