"""A coarse type for an organisation name, from its wording alone.

>>> unit_type("市发展改革委"), unit_type("二七区政府"), unit_type("各县（市、区）政府")
('department', 'district_government', 'collective')
"""

from __future__ import annotations

import regex

from zzgov.units.names import is_collective
from zzgov.text.script import lazy_regex

# Checked in order; the first pattern that matches names the type.
UNIT_TYPE_RULES: tuple[tuple[str, regex.Pattern[str]], ...] = (
    # 郑州警备区, 市军分区, 武警郑州支队: 武警 on the line that ends in 支队/总队, asked at line
    # starts only (`武警.*(?:支队|总队)$` searched from every 武警 was quadratic; a test
    # checks the two agree)
    ("military", regex.compile(r"(?:警备区|军分区)$|(?:^|(?<=\n))(?=[^\n]*(?:支队|总队)$)(?=[^\n]*武警)")),
    # 市脱贫攻坚小组成员单位, 四大片区建设领导小组成员单位: every member, not one unit
    ("collective", regex.compile(r"(?:成员单位|相关部门|有关部门)$")),
    # 郑东新区管委会, 自贸区郑州片区管委会, 郑州航空港区管委会: a zone's committee
    ("development_zone", regex.compile(r"区(?:管委会|管理委员会|党工委)$")),
    # 二七区政府, 新郑市人民政府, 中牟县政府
    ("district_government", regex.compile(r"(?:区|县|市|旗)(?:人民)?政府$")),
    # 市总工会, 团市委, 市妇联, 市科协, 市残联, 市工商联, 市红十字会
    ("people_organisation", regex.compile(r"(?:总工会|团市委|团省委|妇联|科协|残联|工商联|红十字会|文联|侨联)$")),
    # 市供电公司, 市地铁集团, 郑州国际陆港公司, 市公交集团
    ("enterprise", regex.compile(r"(?:公司|集团|集团公司|银行|有限公司)$")),
    # 市发展改革委, 市财政局, 市政府办公厅, 市疫情防控办, 市法院
    ("department", regex.compile(r"(?:局|委|办|厅|委员会|办公室|中心|院|署|部)$")),
    # 郑州黄河文化公园管委会 (a committee that runs a park, not a zone), 市消防救援支队,
    # 国家统计局郑州调查队
    ("department", lazy_regex(r"(?:管委会|管理委员会|消防救援(?:支队|总队|大队)|调查队)$")),
)


def unit_type(name: str) -> str:
    if is_collective(name):
        return "collective"
    for kind, pattern in UNIT_TYPE_RULES:
        if pattern.search(name):
            return kind
    return "other"
