"""Unit lists: splitting outside brackets, shared suffixes and prefixes, open tails."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zzgov.units import split_leaders, split_units, unit_type
from zzgov.units.names import is_unit_name


@pytest.mark.parametrize(
    "field, units, open_",
    [
        ("市政府各部门，各县（市、区）政府，开发区管委会", ["市政府各部门", "各县（市、区）政府", "开发区管委会"], []),
        ("二七区、金水区、管城回族区政府", ["二七区政府", "金水区政府", "管城回族区政府"], []),
        ("郑东新区、郑州高新区管委会", ["郑东新区管委会", "郑州高新区管委会"], []),
        ("市发展改革委、住建局", ["市发展改革委", "市住建局"], []),
        ("市供电公司等有关部门", ["市供电公司"], ["等有关部门"]),
        ("郑东新区、郑州经开区等开发区管委会", ["郑东新区管委会", "郑州经开区管委会"], ["等开发区管委会"]),
        ("新郑市、登封市等相关县（市、区）人民政府", ["新郑市人民政府", "登封市人民政府"], ["等相关县（市、区）人民政府"]),
        ("自贸区郑州片区、郑州航空港区管委会", ["自贸区郑州片区管委会", "郑州航空港区管委会"], []),
        ("相关县(市、区)政府;市财政局", ["相关县(市、区)政府", "市财政局"], []),
        ("市教育局、市卫健委，郑州警备区", ["市教育局", "市卫健委", "郑州警备区"], []),
        # collectives of levels sharing one body, a level in brackets or autonomous
        ("市财政局，各区、县(市)人民政府", ["市财政局", "各区、县(市)人民政府"], []),
        ("各市、县（区）农业农村部门", ["各市、县（区）农业农村部门"], []),
        ("各区、市、县、自治县人民政府", ["各区、市、县、自治县人民政府"], []),
        ("各县、市场监管局", ["各县", "市场监管局"], []),
        ("市发改委、农委，各市(县)、区政府", ["市发改委", "市农委", "各市(县)、区政府"], []),
        ("各县、市、特区、区人民政府", ["各县、市、特区、区人民政府"], []),
        # townships and the streets of their level, one collective; a named 镇政府 is a unit
        ("县住建局、各镇、街道", ["县住建局", "各镇、街道"], []),
        ("市住建局、镇政府、街道", ["市住建局", "镇政府", "街道"], []),
        ("区统计局、各街道、乡", ["区统计局", "各街道、乡"], []),
        # 和 splits two whole names, never a bare 人民政府 off the places it belongs to
        ("市统计局及各县市区政府", ["市统计局", "各县市区政府"], []),
        ("市财政局，各县区党委和人民政府", ["市财政局", "各县区党委和人民政府"], []),
        # a bare department borrows the level of any body of that level before it
        ("县交警大队、城管执法局", ["县交警大队", "县城管执法局"], []),
        # a street office is a place's own body: it borrows no level either
        ("县住建局、城关街道办", ["县住建局", "城关街道办"], []),
        # a body of a national system lies under no local government: it borrows no level
        ("省发展改革委、民航岷川监管局", ["省发展改革委", "民航岷川监管局"], []),
        ("市商务局、海关缉私局", ["市商务局", "海关缉私局"], []),
        # prefectures (州, 盟) share a government suffix like cities and counties
        ("澄湟市、夏川州人民政府", ["澄湟市人民政府", "夏川州人民政府"], []),
        # a zone's 管委会 is shared out to the zone's bare name before it (a zone's name need not
        # end in a place word), never a place's 政府 to such a name
        ("市文旅局，青湖、白鹭山管委会等", ["市文旅局", "青湖管委会", "白鹭山管委会"], ["等"]),
        ("市文旅局、青湖、白鹭山政府", ["市文旅局", "青湖", "白鹭山政府"], []),
        # the townships along a river are a collective; an autonomous region's departments share its word
        ("沿河各镇街等", ["沿河各镇街"], ["等"]),
        ("自治区财政厅、发展改革委", ["自治区财政厅", "自治区发展改革委"], []),
        # a collective of levels runs on over the townships (a city of 2008 with 乡 and 镇)
        ("市交通局、农业局，各区、乡、镇人民政府", ["市交通局", "市农业局", "各区、乡、镇人民政府"], []),
        # an autonomous prefecture's departments share 州 as a city's share 市
        ("州水利局、国土资源局，各县市人民政府", ["州水利局", "州国土资源局", "各县市人民政府"], []),
    ],
)
def test_split_units(field, units, open_):
    assert split_units(field) == (units, open_)


def test_split_leaders_on_spaces_and_enumeration_commas():
    assert split_leaders("吴福民 史占勇、陈宏伟") == ["吴福民", "史占勇", "陈宏伟"]


@pytest.mark.parametrize(
    "name, kind",
    [
        ("市发展改革委", "department"),
        ("二七区政府", "district_government"),
        ("郑东新区管委会", "development_zone"),
        ("市供电公司", "enterprise"),
        ("各县（市、区）政府", "collective"),
        ("市政府各部门", "collective"),
        ("郑州警备区", "military"),
        ("市总工会", "people_organisation"),
    ],
)
def test_unit_type(name, kind):
    assert unit_type(name) == kind


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["武警", "支队", "总队", "警备区", "军分区", "市", "郑州", "\n", "局", "武", "警"]),
                max_size=9))
def test_military_rule_matches_where_the_plain_pattern_does(parts):
    """The linear military rule finds what `(?:警备区|军分区|武警.*(?:支队|总队))$` finds."""
    import regex

    from zzgov.units.types import UNIT_TYPE_RULES

    plain = regex.compile(r"(?:警备区|军分区|武警.*(?:支队|总队))$")
    kind, rule = UNIT_TYPE_RULES[0]
    s = "".join(parts)
    assert kind == "military"
    assert bool(rule.search(s)) == bool(plain.search(s))


def test_the_market_bureau_borrows_a_level_and_lends_none():
    # 市场监管局 opens with the word 市场, not the level 市: after 市发展改革委 it borrows 市
    # like any bare department, and a bare name after it borrows nothing from it.
    from zzgov.units import split_units
    assert split_units("市发展改革委、市场监管局")[0] == ["市发展改革委", "市市场监管局"]
    assert split_units("市场监管局、税务局")[0] == ["市场监管局", "税务局"]
    assert split_units("市市场监管局、税务局")[0] == ["市市场监管局", "市税务局"]


def test_the_townships_along_a_river_are_a_body_of_a_list():
    # `沿河各镇街` names the townships and streets along the river: a collective, kept as a unit
    assert is_unit_name("沿河各镇街") and is_unit_name("沿线各乡镇")
    assert not is_unit_name("沿河")


def test_a_collective_ends_as_a_name_of_bodies_does():
    from zzgov.units.names import is_collective
    for name in ("各县(市、区)人民政府", "相关部门", "沿河各镇街", "各有关方面", "各居民区党组织", "各地",
                 "各区人民政府〈含开发区〉", "各镇、街", "各乡镇", "市政府各部门"):
        assert is_collective(name), name
    # words of a sentence that open with 各 are no body (`各村明确专人负责`, `…按职责分工卖力`)
    for words in ("各村明确专人", "各地级以上市人民政府按职责分工卖力", "各州@@"):
        assert not is_collective(words), words
