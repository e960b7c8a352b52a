//! Word lists and name builders for synthetic stories: companies, models, products,
//! people, outlets and headline templates, in English and in Chinese.

use crate::synth::rng::Rng;

/// Well-known names placed first, so even a small synthetic story reads like the real
/// one: (kind, name, aliases).
pub(super) const SEED_ENTITIES: &[(&str, &str, &[&str])] = &[
    ("company", "Apple", &["Apple Inc.", "苹果"]),
    ("company", "Alibaba", &["Alibaba Group", "阿里巴巴"]),
    ("ai_model", "Qwen 2.5-Max", &["通义千问 2.5-Max"]),
    ("company", "Baidu", &["百度"]),
    ("company", "Tencent", &["腾讯"]),
    ("company", "ByteDance", &["字节跳动"]),
    ("company", "DeepSeek", &["深度求索"]),
    ("ai_model", "ERNIE Bot", &["文心一言"]),
    ("ai_model", "Doubao", &["豆包"]),
    ("ai_model", "Hunyuan", &["混元"]),
    ("ai_model", "DeepSeek-R1", &[]),
    ("product", "iPhone 16", &[]),
    ("product", "Apple Intelligence", &[]),
    ("person", "Tim Cook", &["库克"]),
    ("person", "Eddie Wu", &["吴泳铭"]),
    ("person", "Joe Tsai", &["蔡崇信"]),
    (
        "regulator",
        "Cyberspace Administration of China",
        &["CAC", "国家互联网信息办公室"],
    ),
    ("market", "China smartphone market", &["中国智能手机市场"]),
    ("company", "Huawei", &["华为"]),
    ("company", "Xiaomi", &["小米"]),
    ("ai_model", "Kimi", &[]),
    ("company", "Moonshot AI", &["月之暗面"]),
    ("ai_model", "GLM-4", &["智谱清言"]),
    ("company", "Zhipu AI", &["智谱"]),
];

pub(super) const CITIES: &[(&str, &str)] = &[
    ("Hangzhou", "杭州"),
    ("Shenzhen", "深圳"),
    ("Beijing", "北京"),
    ("Shanghai", "上海"),
    ("Guangzhou", "广州"),
    ("Chengdu", "成都"),
    ("Wuhan", "武汉"),
    ("Nanjing", "南京"),
    ("Suzhou", "苏州"),
    ("Hefei", "合肥"),
];

/// Brand roots: (pinyin, characters).
pub(super) const ROOTS: &[(&str, &str)] = &[
    ("Lingxi", "灵犀"),
    ("Tianhe", "天河"),
    ("Qwen", "千问"),
    ("Zhiyuan", "智源"),
    ("Xinghuo", "星火"),
    ("Pangu", "盘古"),
    ("Wenxin", "文心"),
    ("Yuanbao", "元宝"),
    ("Kunlun", "昆仑"),
    ("Haiyan", "海燕"),
    ("Qiming", "启明"),
    ("Feiyue", "飞跃"),
    ("Mingde", "明德"),
    ("Jiuzhang", "九章"),
    ("Shensuan", "神算"),
    ("Yunque", "云雀"),
    ("Baize", "白泽"),
    ("Longma", "龙马"),
    ("Xuanwu", "玄武"),
    ("Taichu", "太初"),
];

pub(super) const COMPANY_SUFFIXES: &[(&str, &str)] = &[
    ("Technology", "科技"),
    ("Intelligence", "智能"),
    ("Semiconductor", "半导体"),
    ("Robotics", "机器人"),
    ("Cloud", "云"),
    ("Networks", "网络"),
    ("Electronics", "电子"),
    ("Labs", "实验室"),
];

pub(super) const MODEL_SUFFIXES: &[&str] = &[
    "Max", "Pro", "Turbo", "Lite", "Plus", "Vision", "Coder", "Instruct",
];

pub(super) const PRODUCT_KINDS: &[(&str, &str)] = &[
    ("Phone", "手机"),
    ("Assistant", "助手"),
    ("App", "应用"),
    ("Watch", "手表"),
    ("Pad", "平板"),
    ("Car OS", "车机系统"),
];

pub(super) const SURNAMES: &[(&str, &str)] = &[
    ("Wang", "王"),
    ("Li", "李"),
    ("Zhang", "张"),
    ("Liu", "刘"),
    ("Chen", "陈"),
    ("Yang", "杨"),
    ("Zhao", "赵"),
    ("Huang", "黄"),
    ("Zhou", "周"),
    ("Wu", "吴"),
    ("Xu", "徐"),
    ("Sun", "孙"),
    ("Ma", "马"),
    ("Zhu", "朱"),
    ("Hu", "胡"),
    ("Guo", "郭"),
];

pub(super) const GIVEN_NAMES: &[(&str, &str)] = &[
    ("Wei", "伟"),
    ("Fang", "芳"),
    ("Lei", "磊"),
    ("Jing", "静"),
    ("Yong", "勇"),
    ("Min", "敏"),
    ("Jun", "军"),
    ("Yan", "燕"),
    ("Tao", "涛"),
    ("Ming", "明"),
    ("Hui", "慧"),
    ("Qiang", "强"),
    ("Xin", "欣"),
    ("Bo", "波"),
];

pub(super) const WESTERN_PEOPLE: &[&str] = &[
    "Anna Keller",
    "James Porter",
    "Maria Santos",
    "David Okafor",
    "Sarah Lindqvist",
    "Tom Becker",
    "Priya Raman",
    "Lucas Moreau",
    "Emma Hughes",
    "Daniel Weiss",
];

pub(super) const ORGANISATIONS: &[(&str, &str)] = &[
    (
        "Artificial Intelligence Industry Alliance",
        "人工智能产业联盟",
    ),
    ("Consumer Electronics Association", "消费电子协会"),
    ("Open Model Foundation", "开放模型基金会"),
    ("Institute of Computing", "计算研究所"),
];

pub(super) const REGULATORS: &[(&str, &str)] = &[
    (
        "Ministry of Industry and Information Technology",
        "工业和信息化部",
    ),
    (
        "State Administration for Market Regulation",
        "国家市场监督管理总局",
    ),
    (
        "Personal Information Protection Office",
        "个人信息保护办公室",
    ),
    ("Data Security Bureau", "数据安全局"),
];

pub(super) const MARKETS: &[(&str, &str)] = &[
    ("smartphone market", "智能手机市场"),
    ("cloud computing market", "云计算市场"),
    ("AI chip market", "人工智能芯片市场"),
    ("smart car market", "智能汽车市场"),
];

/// (outlet, kind): kind "report" outlets break stories; "article" outlets follow them.
pub(super) const OUTLETS: &[&str] = &[
    "The Information",
    "Reuters",
    "Bloomberg",
    "Caixin",
    "South China Morning Post",
    "36Kr",
    "LatePost",
    "Nikkei Asia",
    "Financial Times",
    "TechNode",
    "MARKETING-INTERACTIVE",
    "CNBC",
    "第一财经",
    "财新网",
    "新浪科技",
    "晚点",
];

pub(super) const ROLES: &[&str] = &[
    "AI partner for iPhones sold in China",
    "cloud provider for on-device models",
    "chip supplier for AI servers",
    "在华智能助手合作伙伴",
    "maps and search partner",
];

/// Fills `{a}`, `{b}`, `{x}`, `{p}` in a template.
pub(super) fn fill(template: &str, a: &str, b: &str, x: &str, p: &str) -> String {
    template
        .replace("{a}", a)
        .replace("{b}", b)
        .replace("{x}", x)
        .replace("{p}", p)
}

/// Headlines about a company's shares: only for companies.
pub(super) const SHARE_TITLES_EN: &[&str] = &[
    "{a} shares rise {x}% after {b} deal report",
    "{a} shares fall {x}% on {b} news",
];

pub(super) const SHARE_TITLES_ZH: &[&str] = &[
    "{b}合作消息传出后{a}股价上涨{x}%",
    "{a}股价因{b}消息下跌{x}%",
];

pub(super) const EVENT_TITLES_EN: &[&str] = &[
    "{a} picks {b} as AI partner for {p}",
    "{a} launches {b}",
    "{a} tests {b} models for {p}",
    "{a} and {b} end talks over {p}",
    "{a} says {b} outperforms rivals on benchmarks",
    "{a} submits {p} AI features for review",
    "{a} invests in {b}",
    "{a} releases {b} update for {p}",
    "Report: {a} in talks with {b} on {p}",
    "{a} denies reports of {b} partnership",
];

pub(super) const EVENT_TITLES_ZH: &[&str] = &[
    "{a}选择{b}作为{p}的人工智能合作伙伴",
    "{a}发布{b}",
    "{a}测试{b}模型",
    "{a}与{b}终止{p}合作谈判",
    "{a}称{b}在基准测试中超越对手",
    "{a}提交{p}人工智能功能审查",
    "{a}投资{b}",
];

pub(super) const SUMMARIES_EN: &[&str] = &[
    "{a} has been working with {b} on features for {p}, according to people familiar with the matter; neither side has confirmed the terms.",
    "The move follows months of trials in which {a} compared several local models before settling on {b} for {p}.",
    "Analysts said the deal could lift {a}'s sales by about {x}% if regulators clear the features in time.",
    "{b} declined to comment; {a} said only that it works with many partners in the region.",
    "The report, which cites two people briefed on the plan, says {a} may ship the features with {p} later this year.",
];

pub(super) const SUMMARIES_ZH: &[&str] = &[
    "据知情人士透露，{a}正与{b}合作开发{p}的人工智能功能，双方均未证实合作条款。",
    "{a}在数月测试多家本土模型后选定{b}，相关功能有望随{p}上线。",
    "分析人士认为，若监管部门及时批准，该合作可使{a}销量提升约{x}%。",
];

pub(super) const CONDITIONS: &[&str] = &[
    "if regulators approve",
    "if the review finishes in time",
    "pending a shareholder vote",
    "若获监管批准",
];

pub(super) const NOTES: &[&str] = &[
    "credited to people familiar with the matter",
    "the article's own estimate",
    "repeats the upstream report",
    "quoted from a company statement",
    "据知情人士",
];

pub(super) const METRIC_LABELS: &[(&str, &str, &str)] = &[
    ("Quarterly revenue of {a}", "billion USD", "level"),
    (
        "{a} smartphone shipments in China",
        "million units",
        "cumulative",
    ),
    ("{a} share price move", "%", "intraday"),
    ("{a} daily active users", "million users", "level"),
    ("{a} revenue growth", "%", "year_on_year"),
    ("{a}月活跃用户", "百万", "level"),
    ("{a}市场份额", "%", "share"),
];

pub(super) const DISPUTE_POINTS: &[&str] = &[
    "Why {a} moved away from {b}",
    "Whether {a} itself announced the deal with {b}",
    "How far talks between {a} and {b} got",
    "{a}与{b}合作的时间",
    "What prompted the timing of {a}'s announcement",
];

pub(super) const VARIANT_CLAIMS: &[&str] = &[
    "{a}'s models did not meet all of {b}'s needs.",
    "{a} was too slow to build what {b} asked for.",
    "The talks never went beyond early tests.",
    "双方已签署合作协议。",
    "The announcement came from a partner, not from {a}.",
];

pub(super) const RELATION_SUMMARIES: &[&str] = &[
    "{a} and {b} are said to work together on AI features.",
    "{a} has a stake in {b}.",
    "{a}与{b}存在竞争关系。",
    "{a} builds on {b}.",
];

/// A word of `n` pseudo-pinyin syllables, capitalised: "Luoqian".
pub(super) fn syllables(rng: &mut Rng, n: usize) -> String {
    const ONSETS: &[&str] = &[
        "b", "ch", "d", "f", "g", "h", "j", "k", "l", "m", "n", "q", "s", "sh", "t", "x", "y", "zh",
    ];
    const RIMES: &[&str] = &[
        "a", "ai", "an", "ang", "ao", "e", "ei", "en", "i", "ian", "in", "ing", "o", "ong", "u",
        "un", "uo",
    ];
    let mut word = String::new();
    for _ in 0..n {
        word.push_str(rng.pick(ONSETS));
        word.push_str(rng.pick(RIMES));
    }
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => word,
    }
}

/// `n` common CJK characters, for made-up Chinese brand names.
pub(super) fn hanzi(rng: &mut Rng, n: usize) -> String {
    const CHARS: &[char] = &[
        '星', '云', '智', '海', '天', '明', '华', '新', '光', '远', '达', '腾', '飞', '安', '信',
        '通', '博', '瑞', '鼎', '辰',
    ];
    (0..n).map(|_| rng.pick(CHARS)).collect()
}
