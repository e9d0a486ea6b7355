//! The demo's cast and catalogue: a building-materials distributor in Hangzhou (杭州明远建材)
//! and the shops, decorators, builders and work crews it sells to on credit.

use huikuan_domain::CustomerKind;

/// Where a customer is: the address prefix, some streets there, the phone area code and the
/// administrative code that starts its unified social credit code (统一社会信用代码).
pub(super) struct Area {
    pub prefix: &'static str,
    pub streets: &'static [&'static str],
    pub area_code: &'static str,
    pub region: &'static str,
}

pub(super) const AREAS: &[Area] = &[
    Area {
        prefix: "杭州市西湖区",
        streets: &["文三路", "文一西路", "古墩路", "天目山路", "学院路"],
        area_code: "0571",
        region: "330106",
    },
    Area {
        prefix: "杭州市拱墅区",
        streets: &["莫干山路", "湖州街", "丽水路", "上塘路", "祥园路"],
        area_code: "0571",
        region: "330105",
    },
    Area {
        prefix: "杭州市上城区",
        streets: &["秋涛路", "望江东路", "凤起东路", "九堡大道"],
        area_code: "0571",
        region: "330102",
    },
    Area {
        prefix: "杭州市滨江区",
        streets: &["江南大道", "滨盛路", "长河路", "浦沿路"],
        area_code: "0571",
        region: "330108",
    },
    Area {
        prefix: "杭州市萧山区",
        streets: &["市心北路", "金城路", "通惠中路", "瓜沥镇航坞路"],
        area_code: "0571",
        region: "330109",
    },
    Area {
        prefix: "杭州市余杭区",
        streets: &["五常大道", "良渚街道好运街", "仓前街道海曙路"],
        area_code: "0571",
        region: "330110",
    },
    Area {
        prefix: "杭州市临平区",
        streets: &["临平大道", "南苑街道人民大道", "东湖街道迎宾路"],
        area_code: "0571",
        region: "330113",
    },
    Area {
        prefix: "杭州市富阳区",
        streets: &["富春街道金桥北路", "银湖街道富闲路"],
        area_code: "0571",
        region: "330111",
    },
    Area {
        prefix: "杭州市临安区",
        streets: &["锦城街道钱王街", "青山湖街道大园路"],
        area_code: "0571",
        region: "330112",
    },
    Area {
        prefix: "杭州市桐庐县",
        streets: &["桐君街道迎春南路", "城南街道白云源路"],
        area_code: "0571",
        region: "330122",
    },
    Area {
        prefix: "杭州市建德市",
        streets: &["新安江街道严州大道", "洋溪街道府东路"],
        area_code: "0571",
        region: "330182",
    },
    Area {
        prefix: "苏州市工业园区",
        streets: &["星湖街", "苏州大道东", "金鸡湖大道"],
        area_code: "0512",
        region: "320571",
    },
    Area {
        prefix: "苏州市吴中区", streets: &["东吴北路", "宝带西路"], area_code: "0512", region: "320506"
    },
    Area {
        prefix: "绍兴市柯桥区", streets: &["笛扬路", "柯桥街道湖西路"], area_code: "0575", region: "330603"
    },
    Area {
        prefix: "湖州市德清县",
        streets: &["武康街道英溪北路", "舞阳街道塔山街"],
        area_code: "0572",
        region: "330521",
    },
    Area {
        prefix: "嘉兴市海宁市",
        streets: &["许村镇许巷大道", "海洲街道文苑路"],
        area_code: "0573",
        region: "330481",
    },
    Area {
        prefix: "嘉兴市南湖区", streets: &["中环南路", "南溪东路"], area_code: "0573", region: "330402"
    },
    Area { prefix: "湖州市吴兴区", streets: &["苕溪东路", "劳动路"], area_code: "0572", region: "330502" },
    Area {
        prefix: "杭州市钱塘区",
        streets: &["下沙街道学林街", "义蓬街道义府大街"],
        area_code: "0571",
        region: "330114",
    },
];

/// The Chinese-language customers: name, kind and index into [`AREAS`].
pub(super) const CUSTOMERS: &[(&str, CustomerKind, usize)] = &[
    ("萧山城厢永兴建材商行", CustomerKind::Shop, 4),
    ("临平鑫达五金建材店", CustomerKind::Shop, 6),
    ("文一路陈记五金水电", CustomerKind::Shop, 0),
    ("拱墅永发建材经营部", CustomerKind::Shop, 1),
    ("富阳鑫源建材商行", CustomerKind::Shop, 7),
    ("浦沿恒达五金机电", CustomerKind::Shop, 3),
    ("临安锦城建材批发部", CustomerKind::Shop, 8),
    ("老王水电材料店", CustomerKind::Shop, 2),
    ("桐庐富春建材商行", CustomerKind::Shop, 9),
    ("新安江宏达建材店", CustomerKind::Shop, 10),
    ("瓜沥金鑫五金机电", CustomerKind::Shop, 4),
    ("良渚顺发建材", CustomerKind::Shop, 5),
    ("德清武康鸿运建材店", CustomerKind::Shop, 14),
    ("许村兴旺建材商行", CustomerKind::Shop, 15),
    ("九堡美家瓷砖店", CustomerKind::Shop, 2),
    ("下沙宏泰建材经营部", CustomerKind::Shop, 18),
    ("杭州家和家居建材连锁有限公司", CustomerKind::Chain, 1),
    ("浙江惠家建材超市连锁有限公司", CustomerKind::Chain, 4),
    ("杭州安居乐家装建材连锁有限公司", CustomerKind::Chain, 5),
    ("苏州美佳家居广场有限公司", CustomerKind::Chain, 11),
    ("杭州筑梦装饰工程有限公司", CustomerKind::Enterprise, 0),
    ("浙江宏远建设集团有限公司", CustomerKind::Enterprise, 4),
    ("杭州锦绣物业管理有限公司", CustomerKind::Enterprise, 3),
    ("杭州东方名筑装饰设计有限公司", CustomerKind::Enterprise, 2),
    ("苏州金湖建筑安装工程有限公司", CustomerKind::Enterprise, 11),
    ("杭州华辰机电安装有限公司", CustomerKind::Enterprise, 1),
    ("浙江天恒建筑劳务有限公司", CustomerKind::Enterprise, 6),
    ("杭州匠心全屋定制有限公司", CustomerKind::Enterprise, 5),
    ("杭州之江市政工程有限公司", CustomerKind::Enterprise, 0),
    ("绍兴柯桥万通纺织有限公司", CustomerKind::Enterprise, 13),
    ("杭州瑞丰置业有限公司", CustomerKind::Enterprise, 3),
    ("湖州南太湖建设工程有限公司", CustomerKind::Enterprise, 17),
    ("嘉兴禾城装饰工程有限公司", CustomerKind::Enterprise, 16),
    ("杭州钱塘城建开发有限公司", CustomerKind::Enterprise, 18),
    ("杭州优品家居装饰有限公司", CustomerKind::Enterprise, 0),
    ("浙江诚信钢结构有限公司", CustomerKind::Enterprise, 4),
    ("杭州木易装饰工程有限公司", CustomerKind::Enterprise, 1),
    ("杭州星河酒店管理有限公司", CustomerKind::Enterprise, 2),
    ("杭州宏图水电安装工程有限公司", CustomerKind::Enterprise, 6),
    ("苏州恒久幕墙工程有限公司", CustomerKind::Enterprise, 12),
    ("杭州佳园园林景观工程有限公司", CustomerKind::Enterprise, 5),
    ("杭州九鼎防水工程有限公司", CustomerKind::Enterprise, 1),
    ("富阳富春江建设有限公司", CustomerKind::Enterprise, 7),
    ("杭州聚力物流园管理有限公司", CustomerKind::Enterprise, 18),
    ("杭州仁和口腔门诊部", CustomerKind::Clinic, 0),
    ("杭州康宁中医诊所", CustomerKind::Clinic, 3),
    ("张建华（个体装修队）", CustomerKind::Individual, 4),
    ("李德明（水电工程队）", CustomerKind::Individual, 0),
    ("王国庆装修工作室", CustomerKind::Individual, 1),
    ("刘国平（个体工程）", CustomerKind::Individual, 6),
    ("赵卫东（泥瓦班组）", CustomerKind::Individual, 7),
    ("孙海峰（个体装修）", CustomerKind::Individual, 2),
    ("钱晓军（防水施工队）", CustomerKind::Individual, 5),
    ("周永福（包工头）", CustomerKind::Individual, 8),
    ("杭州文澜实验学校后勤处", CustomerKind::Other, 0),
    ("拱墅区和睦小区物业服务站", CustomerKind::Other, 1),
    ("杭州之江汽车城管理处", CustomerKind::Other, 3),
];

/// Customers whose documents are printed in English: name, kind, address and contacts
/// (name, role word, phone tail).
pub(super) struct EnglishCustomer {
    pub name: &'static str,
    pub kind: CustomerKind,
    pub address: &'static str,
    pub email_domain: &'static str,
    pub contacts: &'static [(&'static str, &'static str)],
}

pub(super) const ENGLISH_CUSTOMERS: &[EnglishCustomer] = &[
    EnglishCustomer {
        name: "Pacific Rim Interiors (Hangzhou) Co., Ltd.",
        kind: CustomerKind::Enterprise,
        address: "Room 1206, No. 1888 Jiangnan Avenue, Binjiang District, Hangzhou",
        email_domain: "pacificrim-interiors.example",
        contacts: &[("Michael Brown", "decision_maker"), ("Sarah Chen", "finance"), ("Kevin Wu", "purchaser")],
    },
    EnglishCustomer {
        name: "Nordic Home Design (Suzhou) Co., Ltd.",
        kind: CustomerKind::Chain,
        address: "No. 88 Xinghu Street, Suzhou Industrial Park, Suzhou",
        email_domain: "nordichome.example",
        contacts: &[("Lars Nilsson", "purchaser"), ("Anna Schmidt", "finance")],
    },
    EnglishCustomer {
        name: "Hangzhou Westlake International School",
        kind: CustomerKind::Other,
        address: "No. 66 Liuhe Road, Xihu District, Hangzhou",
        email_domain: "westlake-school.example",
        contacts: &[("David Miller", "purchaser"), ("Emma Wilson", "finance")],
    },
];

pub(super) const SALESPEOPLE: &[&str] = &["王建国", "李娜", "陈志强"];
/// Speaks English: looks after the English-language customers too.
pub(super) const ENGLISH_SALESPERSON: &str = "周敏";

pub(super) const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高",
    "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "沈", "蒋", "蔡", "俞", "楼", "金",
];

pub(super) const GIVEN_NAMES: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞",
    "平", "刚", "建华", "建国", "志强", "海燕", "晓东", "玉兰", "红梅", "国平", "文斌", "雪梅", "立新", "春燕", "卫东",
    "小红", "浩", "宇", "婷", "俊", "佳琪", "晓燕", "国强", "丹", "斌",
];

/// Product groups: 0 基材 (cement, sand, steel), 1 装饰 (tiles, boards, paint), 2 水电
/// (pipes, wire), 3 防水 (waterproofing), 4 五金卫浴 (fixings, sanitary ware).
pub(super) struct Product {
    pub item: &'static str,
    pub spec: &'static str,
    pub unit: &'static str,
    pub group: usize,
    /// List price in fen (2450 = ¥24.50).
    pub price: i64,
    /// A typical order for a small shop, in units of 10^-decimals.
    pub quantity: (i64, i64),
    pub decimals: u32,
}

const fn p(
    item: &'static str,
    spec: &'static str,
    unit: &'static str,
    group: usize,
    price: i64,
    quantity: (i64, i64),
    decimals: u32,
) -> Product {
    Product { item, spec, unit, group, price, quantity, decimals }
}

pub(super) const PRODUCTS: &[Product] = &[
    p("普通硅酸盐水泥", "P.O 42.5 50kg/袋", "袋", 0, 2450, (20, 200), 0),
    p("散装水泥", "P.O 42.5", "吨", 0, 46500, (500, 3000), 2),
    p("螺纹钢", "HRB400E Φ12", "吨", 0, 386000, (800, 4000), 3),
    p("螺纹钢", "HRB400E Φ16", "吨", 0, 382000, (800, 4000), 3),
    p("黄沙", "中砂", "吨", 0, 13500, (100, 400), 1),
    p("加气砌块", "600×240×200", "方", 0, 26500, (50, 300), 1),
    p("抛釉地砖", "800×800 3片/箱", "箱", 1, 6800, (20, 120), 0),
    p("釉面墙砖", "300×600 8片/箱", "箱", 1, 4250, (20, 150), 0),
    p("纸面石膏板", "9.5mm 1200×3000", "张", 1, 2850, (30, 200), 0),
    p("轻钢龙骨", "50主龙骨 3m", "根", 1, 860, (50, 400), 0),
    p("乳胶漆", "18L 白色", "桶", 1, 36500, (2, 20), 0),
    p("实木多层板", "18mm 1220×2440", "张", 1, 15600, (5, 40), 0),
    p("瓷砖胶", "C1 20kg", "袋", 1, 3200, (10, 80), 0),
    p("自流平砂浆", "25kg", "袋", 1, 4500, (10, 60), 0),
    p("PPR给水管", "dn20×2.8 4m", "根", 2, 1280, (20, 200), 0),
    p("PVC排水管", "Φ110×3.2 4m", "根", 2, 4600, (10, 60), 0),
    p("BV电线", "2.5mm² 100m", "卷", 2, 23800, (2, 20), 0),
    p("BV电线", "4mm² 100m", "卷", 2, 37600, (2, 12), 0),
    p("电力电缆", "YJV 3×4+1×2.5", "米", 2, 2860, (50, 400), 0),
    p("镀锌线管", "JDG Φ20 3.8m", "根", 2, 980, (50, 300), 0),
    p("开关插座", "86型 五孔", "只", 2, 1150, (20, 200), 0),
    p("SBS防水卷材", "3mm 10㎡/卷", "卷", 3, 12500, (5, 40), 0),
    p("JS防水涂料", "20kg", "桶", 3, 15800, (3, 20), 0),
    p("聚氨酯防水涂料", "20kg", "桶", 3, 21500, (2, 15), 0),
    p("膨胀螺栓", "M10×100 100套/盒", "盒", 4, 8500, (2, 20), 0),
    p("玻璃胶", "中性 300ml 24支/箱", "箱", 4, 16800, (1, 10), 0),
    p("单把龙头", "铜 冷热", "件", 4, 16800, (2, 15), 0),
    p("连体坐便器", "400坑距", "件", 4, 86000, (1, 6), 0),
    p("不锈钢扶手", "304 Φ50", "米", 4, 9800, (10, 60), 0),
];

/// Why a customer refuses to pay one delivery: the product it is about and the note.
pub(super) const DISPUTES: &[(&str, &str)] = &[
    ("抛釉地砖", "对 {number} 的抛釉地砖色差有异议（批次不一致），要求退换，拒付该单 ¥{amount}；其余货款照常支付。"),
    ("螺纹钢", "称 {number} 的螺纹钢过磅重量短少，拒付该单 ¥{amount}，待双方复磅确认；其余货款照常支付。"),
    ("SBS防水卷材", "称 {number} 的防水卷材施工后渗漏，质量有异议，拒付该单 ¥{amount}，等待第三方检测报告。"),
    ("乳胶漆", "对 {number} 的单价有异议（认为应按年初协议价结算），拒付该单 ¥{amount}，业务员跟进中。"),
];

pub(super) const RETURN_REASONS: &[&str] = &["运输破损", "规格不符", "工地多订未用完", "包装受潮"];

pub(super) const DELIVERY_MEMOS: &[&str] =
    &["送货前请电话联系", "工地直送，需叉车卸货", "含上次欠货补发", "客户自提", "上午送到，下午工地停工", "发票随货"];

pub(super) const BANKS: &[&str] = &["工行", "农行", "建行", "中行", "招行", "杭州银行", "浙商银行", "农商银行"];

pub(super) const CUSTOMER_NOTES: &[&str] = &[
    "月底对账，对账单需盖公章寄回。",
    "付款需老板签字，通常比约定晚几天。",
    "春节前集中结款。",
    "只认送货单上有签收的单据，送货务必让工地签字。",
    "财务每月 20 日前对账，过期顺延到下月。",
    "老客户，关系稳定。",
];
