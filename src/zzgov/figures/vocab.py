"""Vocabularies of the figure extractor: units, comparator/direction/kind cue words and the
exclusion patterns that tell a quantitative figure from a number that is not one.

Everything here is data, each entry or group with a real example from a government text.
The rules that use these words live in `extract.py`; the annotation rules they implement are
shared/gold/GUIDE.md. All matching happens on the cleaned, width-folded view of the text
(`zzgov.text.clean`): no line breaks or stray blanks, `％`→`%`, `，`→`,`, `（`→`(`.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------------------------
# Units.  A figure is a number followed by one of these (after optional magnitude characters
# 万/亿/万亿, which stay part of the unit as written: "1.52万亿元", "11.4万人").
# ---------------------------------------------------------------------------------------------

# Shares and rates: "增长 8% 左右", "提升12.3个百分点", "人口自然增长率5.2‰"
# (百分之五 in words is read as % by the pattern itself).
PERCENT_UNITS = ("个百分点", "百分点", "%", "‰")

# Money: "设立 350 亿元产业发展基金", "跨境电商交易额 107.7 亿美元", "月均待遇提高至312元".
MONEY_UNITS = ("元", "美元", "欧元", "港元", "元人民币")

# Measures of size: "新建及改造城市供水管网 100 公里", "新增集中供热面积 500 万平方米",
# "PM10 不高于 97 微克/立方米", "新增光伏装机98万千瓦", "外电入郑287亿千瓦时",
# "粮食总产稳定在30亿斤", "货邮吞吐量达到63万吨".
MEASURE_UNITS = (
    "微克/立方米", "毫克/立方米", "毫克/升", "平方公里", "平方千米", "平方米", "立方米", "公顷", "亩",
    "公里", "千米", "延米", "米", "千瓦时", "千伏安", "千瓦", "兆瓦", "吉瓦", "度", "吨", "公斤", "千克", "斤",
    "标准箱", "标箱", "TEU",
)

# Counts of things and people: "912 个省市重点项目", "新增高新技术企业 500 家",
# "新增公办幼儿园 100 所", "建成安置房 6.3 万套", "发展天然气用户 10 万户",
# "一期工程7条道路完工", "新增一类公厕 252 座", "新增养老床位 3000 张", "演出 1200 场",
# "开行1000班", "接待国内游客1.8亿人次", "处置销号非法集资案件37起", "治理积水点39处",
# "新增出租车6444辆", "口罩产能…1200万只", "187名优秀医务工作者", "35 种遗传代谢病",
# "谋划实施十二大类重点民生实事项目", "“亲清在线”平台累计兑付资金9.6万笔", "靶向推送2.9万次".
COUNT_UNITS = (
    "个", "家", "所", "套", "户", "项", "件", "条", "座", "张", "辆", "台(套)", "台", "部",
    "场", "处", "名", "人次", "户次", "件次", "场次", "项次", "批次", "人", "班次", "班", "列",
    "架次", "车次", "起", "例", "只", "头", "羽",
    "株", "棵", "份", "册", "篇", "款", "种", "大类", "类", "间", "栋", "幢", "根", "笔", "宗",
    "单", "艘", "架", "块", "枚", "岁", "倍", "次",
)

# Durations (a figure when they state a time limit or result: "工程建设项目审批力争压减至70天",
# "审批时间由340个工作日…", "推动企业注册1个工作日内办结"; not when they are the time a
# target is given: "利用 2 年时间", see DURATION_LEADS).  年/月/日 are never units: dates.
DURATION_UNITS = ("个工作日", "工作日", "个小时", "小时", "分钟", "个月", "天", "周")

# Medal tallies: "第十五届全运会取得7金、3银、3铜".
MEDAL_UNITS = ("金", "银", "铜")

# Units written in Latin letters: "总带宽达到5200G", "算力规模将达到7.8万P".
ASCII_UNITS = ("GW", "MW", "kW", "km", "TB", "PB", "EB", "G", "P", "T")

# "/日" style rates after a unit: "新增供水能力10万立方米/日", "污泥处理能力300吨/日".
PER_SUFFIXES = ("日", "天", "年", "月", "人", "小时", "秒", "平方米", "亩", "吨", "千瓦时", "立方米", "户")

# "成立75周年": an anniversary (the unit 周 followed by 年) is an ordinal, never a figure.
ANNIVERSARY_UNIT = "周年"
# Units of a quantity that qualifies the noun right after it, not a figure: "65岁及以上老年人",
# "35-64岁妇女" (but "人均预期寿命78.5岁", "提高0.5岁").
QUALIFIER_UNITS = ("岁",)
# The people an age qualifies ("5岁以下儿童死亡率", "为87万名80岁以上老年人发放高龄津贴").
AGE_QUALIFIED_NOUNS = ("老年人", "老人", "儿童", "妇女", "婴幼儿", "幼儿", "婴儿", "人口", "学生", "青少年",
                       "青年", "人群", "女孩", "女性", "男性", "居民", "孕产妇", "患者", "群众", "职工")

# Units that size a product or a piece of equipment inside a name; a figure only when nothing
# follows them: "合晶12英寸大硅片二期", "500千伏枢纽变电站", "20蒸吨以下燃煤锅炉全部拆改".
SPEC_UNITS = ("英寸", "寸", "纳米", "千伏", "蒸吨", "马力")

ALL_UNITS = PERCENT_UNITS + MONEY_UNITS + MEASURE_UNITS + COUNT_UNITS + DURATION_UNITS + \
    MEDAL_UNITS + ASCII_UNITS + SPEC_UNITS

# Magnitude characters between the number and the unit, longest first ("1.52万亿元",
# "1300多万绿城儿女" where 万 alone is the unit, "3.36 亿立方米").
MAGNITUDES = ("万亿", "千亿", "百亿", "千万", "百万", "亿", "万")

# Rate-like units: a growth verb before them is a change ("增长 20% 以上", "增长一倍").
RATE_UNITS = frozenset({"%", "‰", "个百分点", "百分点", "倍"})

# ---------------------------------------------------------------------------------------------
# Number shapes.
# ---------------------------------------------------------------------------------------------

# Characters of Chinese numerals (positional and digit-by-digit).
CN_NUMERAL_CLASS = "零〇○一二两三四五六七八九十百千万亿"
# Range separators between two numbers: "5~8条", "5—6个", "30至50", "5-6", "1～2个".
RANGE_SEPARATORS = "~～〜—–\\-－至到"
# Approximations written right after the number: "1100多场", "3000余张", "20多亿人次" -> ">=".
APPROX_SUFFIXES = "多余"

# ---------------------------------------------------------------------------------------------
# Comparators (GUIDE: ">=" 以上/不少于/不低于/至少/突破/超过/超/多; "<=" 以内/不高于/不超过/
# 控制在…以内/以下; "~" 左右/约/近).
# ---------------------------------------------------------------------------------------------

# Words right after the figure, longest first.
RIGHT_COMPARATORS: tuple[tuple[str, str], ...] = (
    ("及以上", ">="),  # "省级及以上"-style: "达到 90 分及以上"
    ("以上", ">="),  # "工业技改投资增长 20% 以上"
    ("及以下", "<="),
    ("以下", "<="),  # "登记失业率 5% 以下"
    ("以内", "<="),  # "全市煤炭消费量控制在 2100 万吨以内"
    ("之内", "<="),
    ("左右", "~"),  # "主导产业规模占工业比重达到 72% 左右"
    ("上下", "~"),
)

# After a duration, 内 alone is a limit: "推动企业注册1个工作日内办结", "压减至100个工作日内".
DURATION_WITHIN = (("内", "<="),)

# Words right before the number (possibly followed by a link word such as 为/在/达), longest
# first so that 超过 wins over 超.
LEFT_COMPARATORS: tuple[tuple[str, str], ...] = (
    ("不少于", ">="),  # "功能性机构不少于 3 家"
    ("不低于", ">="),  # "确保问题解决率不低于98%"
    ("不小于", ">="),
    ("至少", ">="),  # "每个县（市）至少建成1个紧密型县域医共体"
    ("突破", ">="),  # "国家 A 级以上物流企业突破 100 家"
    ("超过", ">="),  # "计算机整机产量超过200万台"
    ("多于", ">="),
    ("大于", ">="),
    ("高于", ">="),
    ("逾", ">="),
    ("超", ">="),  # "常住人口超1300万人", "总投资超7000亿元"
    ("最短", ">="),  # "压减至最长61个工作日、最短30个工作日" (the shortest is a floor)
    ("不超过", "<="),  # "不超过 3 个"
    ("未超过", "<="),
    ("不足", "<="),  # "不足 5%"
    ("不到", "<="),
    ("至多", "<="),
    ("小于", "<="),
    ("不高于", "<="),  # "PM10 不高于 97 微克/立方米"
    ("不多于", "<="),
    ("不大于", "<="),
    ("低于", "<="),
    ("少于", "<="),
    ("最多", "<="),
    ("最长", "<="),  # "压减至最长61个工作日"
    ("控制在", "<="),  # "全市煤炭消费量控制在 2100 万吨以内"
    ("大约", "~"),
    ("约", "~"),  # "日均开机短剧约100部"
    ("接近", "~"),
    ("将近", "~"),
    ("近", "~"),  # "减征医疗、工伤保险费近20亿元", "来郑留郑青年人才近百万"
)

# Link words between a verb/comparator and the number, skipped when reading the left context:
# "增幅为48.2%", "分别在 95%", "稳定在30亿斤", "达到 72%", "均达100%", "增长了", "肉牛发展到11万头".
LEFT_LINKS = ("达到", "达", "为", "在", "了", "是", "到", "至", "发展到")

# Modifiers between a verb and the number or before the verb: "同比预计增长18%",
# "预计分别同比增长4.9%", "年均增长9.4%", "104个病种费用平均降低12%", "可比增长3.4%" (at comparable prices).
LEFT_MODIFIERS = ("同比", "可比", "比上年", "较上年", "比去年", "较去年", "年均", "平均", "分别", "预计", "均", "累计",
                  "共", "再", "继续", "稳定", "保持", "稳步", "力争", "确保", "实现", "完成")

# ---------------------------------------------------------------------------------------------
# Direction (GUIDE: "up" for an increase/growth rate, "down" for a decrease or an amount cut,
# null for levels and stocks: 达到, 新增 N 个, 建成 N 个, 提高到/下降到 N).
# ---------------------------------------------------------------------------------------------

# Comparisons with an earlier period that make a growth verb before an amount a change
# ("比上年增加57天" -> up) rather than a level ("干线公路及县乡通道绿化提升800公里" -> null).
COMPARISON_MODIFIERS = ("同比", "比上年", "较上年", "比去年", "较去年", "比上年同期", "年均")

# Growth verbs right before the figure: "增长 8% 左右", "提升12.3个百分点", "比上年增加57天",
# "国际航空货邮吞吐量增幅为48.2%", "消费价格指数涨幅控制在3.5%左右".
UP_WORDS = ("增长", "提高", "提升", "增加", "上升", "上涨", "攀升", "回升", "增幅", "涨幅", "增速", "增量", "扩大", "递增",
            "增收", "增支")
# Decrease verbs: "规模以上工业增加值能耗下降 4% 以上", "104个病种费用平均降低12%",
# "压减一般性支出15%以上", "规模以上企业煤炭消费总量削减168万吨", "减税降费271.1亿元".
DOWN_WORDS = ("下降", "降低", "减少", "压减", "削减", "缩减", "压缩", "压降", "降幅", "下调", "回落", "下跌", "跌幅",
              "减征", "减免", "减税降费", "降费", "减税", "下滑", "缩小", "收窄", "递减", "减收", "减支")
# An increase per head is a measure of its own, the verb in its name: "贫困户人均增收1490元",
# "茶农户均增收1.2万元".
PER_HEAD = ("人均", "户均", "亩均")
# One-character forms, only with a rate unit: "同比增30%", "降15%".
UP_WORDS_SHORT = ("增", "涨")
DOWN_WORDS_SHORT = ("降", "减")
# A verb followed by 到/至 states the level reached, not a change: "比重提高到 25% 以上",
# "大班额占比下降到8.8%", "由122项精减到98项", "压减至最长61个工作日", "提高至841元".
LEVEL_MARKERS = ("到", "至")
LEVEL_VERBS = UP_WORDS + DOWN_WORDS + ("精减", "精简", "增", "降", "减", "压")
# Cut verbs that govern an object before the figure (verb-object-number): an amount cut is
# "down" ("压减煤电装机111万千瓦、钢铁产能95万吨"); the direction carries over to the bare
# list items that follow in the same clause.
CUT_VERBS = ("压减", "削减", "减少", "降低", "压降", "压缩", "缩减", "减征", "减免")
# Growth verbs that govern an object before a RATE: "提高农村土地流转率5个百分点".
RAISE_VERBS = ("提高", "提升", "增加")

# ---------------------------------------------------------------------------------------------
# Kind: target or actual.  Used when the caller passes default_kind=None (news mixing plans and
# results), decided per sentence: the nearest strong cue before the figure, else a strong cue
# later in the sentence, else weak cues, else the paragraph's last decided sentence, else the
# majority of the scanned range's sentences, else (a range without any cue, such as one short
# section of a news article) the majority of the whole document's sentences.
# ---------------------------------------------------------------------------------------------

# Plans: "2020年,郑州要精准做好…", "郑州将多措并举…", "力争新增高新技术企业500家",
# "确保95%以上的政务服务事项网上可办", "全市计划新增城镇就业11.4万人", "主要预期目标",
# "到2025年,…达到…".
# 要/将 as plan auxiliaries only (not 主要, 重要, 需要, 要素, 将近 …); 目标 only when it introduces
# a goal ("目标是"), since reviews say "“十三五”规划目标任务即将胜利完成"; 预期 not as an
# adjective ("经济运行在预期的合理区间" says how a result went); 计划 not as a noun owning what
# follows ("完成年度投资计划的103.95%" is a completion rate); 预期 and 目标 not as what a result is
# compared with ("增速好于预期", "超过全年目标0.3个百分点", "高于年度预期目标2.1个百分点").
TARGET_CUES = r"(?:票决|选出|选定|推出|出炉)[^。；;\n]{0,24}?(?:民生实事|惠民实事|为民办实事|民生项目)(?![^。；;\n]{0,30}(?:完成|办结|建成|兑现|落实))|力争|确保|(?<![比较与超])(?<!比年度)(?<!较年度)(?<!与年度)计划(?!的)|(?<![于超出过及合])(?<!于年度|于全年|过年度|过全年|出年度|出全年|于预期|过预期|出预期|超预期)(?<!于年度预期|于全年预期|过年度预期|过全年预期|出年度预期|出全年预期)目标(?:任务)?(?=是|为|:|\d)|(?<![于超出过及合])(?<!于年度|于全年|过年度|过全年|出年度|出全年)预期(?!的)|争取|力求|拟|(?<![截年])[到至]20\d\d年(?!的)|(?<![主重需纲摘概必只提简])要(?![素求点闻件务])|(?<![即必终])将(?![近来])"
# Results: a completion rate of a plan ("完成市政府考核目标61亿元的117%": its 目标 is no plan's cue;
# "完成年度目标任务2200人" without a rate may be the plan itself),
# "去年,全市新增城镇就业11.5万人", "预计新增高新技术企业800家", "截至年底…",
# "过去五年…", "已完成移交273所", "圆满收官", "数据显示,…年均增速达4.25%"; never 2019年至2021年,
# a span of years gone by, as a plan's 到2025年.
ACTUAL_STRONG_CUES = r"完成[^,，。；;\d\s]{0,8}?(?:目标|计划|任务|预算)数?(?=的|\(?[\d.]+[^\d,，。；;\s]{0,4}\)?的)|(?<![比较])去年|(?<![比较])上年|过去|截至|已经|已|预计|预测|圆满|收官|取得了|实现了|完成了|达到了|(?:完成|执行|推进|进展)情况|数据显示"
# Weak result cues: comparisons with a past period and running totals: "同比增长30.5%",
# "比上年增加57天", "累计投入3.23亿元"; in news, "全年规模以上工业增加值增长7.2%" (a year's
# total stated as a result, not 全年计划/目标).
ACTUAL_WEAK_CUES = r"同比|比上年|较上年|比去年|较去年|累计|(?<!预计)全年(?!计划|目标|预期|要|将|力争|确保)|上半年|前三季度"
# Every character a cue above can begin with (a fast pre-filter for the cue pattern; a test
# checks it covers the cues).
KIND_CUE_FIRST_CHARS = "力确计目预争拟到至要将去上过截已圆收取实完达同比较累全执推进前数票选出"
# Words of a document that assigns work (a task list, a 责任分工表): its figures are targets even
# where no sentence says 要 or 力争 ("2021年…民生实事责任分工表 … 高校毕业生就业(人) 26000").
PLAN_DOCUMENT_WORDS = r"责任单位|牵头单位|责任领导|配合单位|任务分解|责任分工|工作分工|完成时限"
# An estimate: "预计全年跨境电商交易额增长20%左右" (estimate=True, in force to the sentence end).
ESTIMATE_CUE = "预计"
# A stock that already exists, stated inside a plan: "提升现有9个功能性口岸业务规模" -> actual.
EXISTING_CUES = ("现有", "已有", "已建成", "已建", "已完成", "目前已", "现存")

# ---------------------------------------------------------------------------------------------
# Exclusions: numbers that are not figures (GUIDE "Do NOT annotate").
# ---------------------------------------------------------------------------------------------

# Ordinals: "第29届", "第三届", "第七次", "居全国第2位", "第六批最佳实践案例".
ORDINAL_PREFIXES = ("第",)
# Ranks with 名/位: "退出后20名", "排名前10位".
RANK_PREFIXES = ("前", "后")
RANK_UNITS = frozenset({"名", "位"})

# Characters glued to a number that make it part of a code or name: "PM2.5", "G310", "S312",
# "“1+2+4+N”", "7×24小时", "“7·20”", "zfgzdc@126.com", "A4".
GLUE_BEFORE = frozenset("+×*/#@_·.")
# A minus sign (hyphen-minus, or U+2212) right before a number, after a Han character or one of
# these, makes the value negative: "增长-8.7%", "(-10.8%)", "贡献率为-31.6%".
MINUS_SIGNS = frozenset("-\u2212")
MINUS_AFTER = frozenset("(:,;")
GLUE_AFTER = frozenset("+×*#@_·")

# Metric acronyms that may stand right before a number ("人均GDP 1.5万美元", "GDP1.2万亿元"):
# other Latin letters glued to a number make a name (PM2.5, G310, S312).
METRIC_ACRONYMS = frozenset({"GDP", "CPI", "PPI", "PMI", "GNP", "R&D"})

# Mobile-network generations are names, not figures: "5G基站", "5G-A".
GENERATION_NAME_UNIT = "G"
GENERATION_NAME_MAX = 9

# Quoted names and slogans, and titles: numbers inside are never figures
# (“1+2+4+N”, “三送一强”, “15分钟健身圈”, “2+26”城市, 《…(2021—2035年)》).
# Each pair with the longest span still treated as a name.
QUOTE_PAIRS: tuple[tuple[str, str, int], ...] = (
    ("“", "”", 30), ("‘", "’", 30), ('"', '"', 30), ("「", "」", 30), ("『", "』", 30),
    ("《", "》", 80), ("〈", "〉", 80),
)

# A duration that is the time given to a task, not a figure: "利用 2 年时间", "仅用10天建成",
# "用10天时间建成了岐伯山医院".
DURATION_LEADS = ("利用", "仅用", "只用", "用了", "用", "历时", "耗时", "花了", "经过", "连续")
DURATION_TAILS = ("时间", "以来", "来")
# A duration after 前/后 is a period, not a figure: "前10个月", "后3天".
DURATION_PERIOD_PREFIXES = ("前", "后")
# Durations in names of policies/service circles: "240小时过境免签", "15分钟健身圈".
DURATION_NAME_TAILS = ("过境", "免签", "圈", "通关", "直通")

# After a unit, 级 makes the figure a size class inside a name: "千亿级产业集群", "百亿级商品交易市场".
CLASS_SUFFIXES = ("级",)

# Money thresholds that qualify what is counted: "各开发区引进 2 个以上投资超 30 亿元…项目",
# "10亿元以上项目", "单体投资超5亿元的项目".  A money figure is a threshold when it has a
# threshold word (超/超过/以上/以下) AND a counted noun follows, or when it follows a count
# "N 个以上投资超".
THRESHOLD_LEFT = ("投资超过", "投资超", "投资额超", "单体投资", "投资在", "超过", "超")
THRESHOLD_NOUNS = ("项目", "企业", "工程", "产业", "集群", "园区", "基地")
COUNT_THEN_INVESTMENT = r"\d+(?:[个家项])(?:以上)?(?:单体)?(?:总)?投资(?:额)?(?:超过|超|在|达)?$"

# Projects named by their capacity: "明晟年产50万吨航空航天及汽车用铝等项目".
CAPACITY_NAME_LEADS = ("年产", "日产", "年处理", "日处理")

# A figure inside an enumeration of named projects that ends "等 N 个…": the names are not
# figures ("东风日产 100 万台发动机、奥克斯空调生产基地等 210 个项目开工").
ENUM_NAME_END = "等"

# A scale used as a frame: "打造一批以1—3平方公里为尺度的片区核心板块".
FRAME_LEFT = "以"
FRAME_RIGHT = "为"

# Group names used as the field of a ranking: "在全国168个重点城市排名中", "增速居9个国家
# 中心城市首位", "中原科技城居全国348个科技城(科学城)第15位", "全省 18个省辖市排名".
RANK_FIELD_TAIL = r"^[^,;。:、!?]{0,14}?(?:排名|排位|首位|第[\d一二三四五六七八九十]+[位名]|前列|之首|前\d+|后\d+)"

# Policy packages named by their number of articles: "出台应对疫情促进经济平稳健康发展30条、
# 促消费增活力稳增长10条等政策举措", "为民造福10条意见" (but "上线惠企政策2150条," is a count).
POLICY_PACKAGE_UNIT = "条"
POLICY_PACKAGE_NOUNS = ("意见", "措施", "举措", "规定", "办法", "政策")
POLICY_PACKAGE_LIST_END = r"等(?:系列)?(?:政策)?(?:举措|措施|政策|意见)"

# Counts with a Chinese numeral and 次 are session ordinals or idioms, not figures:
# "市委十一届十三次全会", "两次召开", "第七次全国人口普查".
CN_EXCLUDED_UNITS = ("次",)

# Comparator words that sit before the verb rather than the number: "每个县（市）至少建成1个".
PRE_VERB_COMPARATORS = (("至少", ">="), ("最少", ">="), ("最多", "<="))

# The same field named in a list after 在全国/居全国: "在全国168个重点城市、京津冀“2+26”城市、
# 全省 18个省辖市排名同比均提升 2位".
RANK_FIELD_LEAD = r"(?:在|居|位居|位列)(?:全国|全省|全球|世界|中部|北方|中西部|东部|西部)?$"
RANK_FIELD_LIST_TAIL = r"^[^,;。:!?]{0,40}?(?:排名|排位|首位|前列|之首)"

# Capacities that name a project: "1亿立方米南水北调中线观音寺调蓄水库工程获国务院批准"
# (a clause-initial measure, then at once the project's name ending in one of these nouns; after a
# verb the measure is the planned quantity: "新建5000亩高标准农田示范基地" stays a figure).
PROJECT_NAME_ENDS = ("工程", "项目", "水库", "电站", "电厂", "变电站", "生产线", "基地")

# Counted units whose noun can be the field of a ranking (the checks above apply to these only).
RANK_FIELD_UNITS = frozenset("个家所座项条")

# Characters where a project name after a capacity ends: "…调蓄水库工程获国务院批准".
NAME_STOPS = frozenset("获被已将于在")

# Structural counts of a text's own parts: "重点做好十一个方面工作".
STRUCTURE_NOUNS = ("方面",)

# Chinese-numeral words that are never figures even with a measure word: single numerals are
# names or idioms ("三个“盘子”", "两次召开", "百家高成长性企业", "万亩蔬菜制种基地"); a single
# numeral counts only after an approximation word ("近百万", "近万人"), or with a magnitude and
# a unit ("三万人"), or before a rate unit (below).
CN_APPROX_LEADS = ("近", "约", "超", "逾")
# ... or before a rate unit: "下降两个百分点", "增长一倍".
CN_SINGLE_OK_UNITS = ("个百分点", "百分点", "倍", "%")

# ---------------------------------------------------------------------------------------------
# Clause structure.
# ---------------------------------------------------------------------------------------------

# Ends of a clause (the metric and the verb are looked for inside it); a bullet opens an item
# of its own (`预期目标\n●地区生产总值增长5%`: the line break is gone from the cleaned text).
CLAUSE_BREAKS = frozenset(",;。!?:[]【】|●•▪■◆◇▶►")
# Ends of a list item inside a clause ("新增“上链”企业1000家、“上云”企业达到1.8万家").
ITEM_BREAKS = CLAUSE_BREAKS | frozenset("、")
# Ends of a sentence (kind and estimate cues hold to here).
SENTENCE_BREAKS = frozenset("。!?")
# Joiners of a bare list of figures sharing one verb and comparator: "分别在 95%、35% 以上",
# "PM10、PM2.5年平均同比下降14.3%和12.1%", "分别提高至841元、1180元".
LIST_JOINERS = frozenset({"、", "和", "及", "与", "或", ""})
# "A、B,较2015年分别增长a%、b%": the values after 分别 go with the figures before, in order.
RESPECTIVELY = "分别"
# What a number after it counts is the base of a rate (每10万人口高等教育平均在校生), no figure.
PER_BASE = "每"

# Words stripped from the front of a metric: "力争新增高新技术企业" -> "新增高新技术企业",
# "全市新增绿地" -> "新增绿地".
METRIC_LEADS = ("其中", "同时", "力争", "确保", "计划", "预计", "全年", "全市", "年内", "年底前", "今年",
                "去年", "并", "另外", "此外", "共", "累计", "要", "将", "推动", "努力", "实现")
# Verbs of a list item of its own: a cut verb at the head of the clause does not govern an item that
# has one ("压减产能X万吨、新增Y家": Y is not a cut).
OWN_VERBS = ("开行", "接待", "举办", "实现", "达")

# Verbs that alone do not name a metric; the noun after the unit does: "设立 350 亿元产业发展基金".
VERB_ONLY = ("设立", "发放", "开展", "引进", "新增", "新建", "建成", "建设", "完成", "实施", "举办",
             "凝练", "培育", "打造", "加快", "推进", "迁建", "改造", "开工", "投用", "创建", "启动",
             "新开工", "新投用", "加大", "提升", "扩大", "达到", "超过", "突破", "增加", "实现", "有")
