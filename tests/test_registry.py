"""The unit registry: canonical names from data + rules, types, and Document.units on 001."""

import json
from collections import Counter

import pytest

from conftest import GOLD
from zzgov.api import unit_summary
from zzgov.models import Span, Task
from zzgov.units.registry import load_registry, registry_data, registry_from_data


@pytest.fixture(scope="module")
def reg():
    return load_registry()


def task(seq, lead=(), units=(), leaders=()):
    return Task(id=f"t{seq}", seq=seq, text="任务。", lead_units=list(lead), units=list(units),
                leaders=list(leaders), span=Span(start=0, end=1))


# --- the alias pairs and rules ---

@pytest.mark.parametrize("a, b", [
    ("市发展改革委", "市发展和改革委员会"),
    ("市资源规划局", "市资源和规划局"),
    ("市退役军人局", "市退役军人事务局"),
    ("市地铁集团", "市地铁集团公司"),
    ("市商务局", "郑州市商务局"),
    ("二七区政府", "二七区人民政府"),
    ("二七区政府", "郑州市二七区人民政府"),
    ("各县（市、区）政府", "各县(市、区)政府"),
])
def test_spellings_of_one_unit_share_a_canonical_name(reg, a, b):
    assert reg.canonical(a) == reg.canonical(b) == a


def test_listed_short_name_is_canonical_and_former_names_are_aliases(reg):
    assert reg.canonical("市发改委") == "市发展改革委"
    assert reg.canonical("市环保局") == "市生态环境局"  # renamed in the 2019 reform
    assert "市发展和改革委员会" in reg.aliases("市发展改革委")


def test_a_county_level_city_is_not_the_home_city(reg):
    # 新郑市 is a county-level city of Zhengzhou: its government is not 市政府
    assert reg.canonical("新郑市人民政府") == "新郑市政府"
    assert reg.canonical("郑州市人民政府") == "市政府"


def test_distinct_units_stay_distinct(reg):
    names = ["市城建局", "市住建局", "市住房保障局", "市文物局", "市文化广电和旅游局", "市农委", "市政府", "二七区政府"]
    assert len({reg.canonical(n) for n in names}) == len(names)


def test_memo_gives_the_rules_answers_even_when_it_starts_afresh(monkeypatch):
    """display/key/unit_type remember answers; a memo that fills up and is cleared must
    still give what the rules give on a fresh registry."""
    import zzgov.units.registry as R

    names = ["市发展和改革委员会", "郑州市商务局", "二七区人民政府", "市地铁集团公司", "市卫生和健康局"] * 3
    fresh = [(n, registry_from_data(registry_data()).key(n)) for n in names]
    monkeypatch.setattr(R, "MEMO_LIMIT", 2)
    small = registry_from_data(registry_data())
    assert [(n, small.key(n)) for n in names] == fresh
    assert len(small._key_memo) <= 2
    assert [small.unit_type(n) for n in names] == [registry_from_data(registry_data()).unit_type(n) for n in names]


def test_every_rule_example_in_the_data_file_holds(reg):
    data = registry_data()
    for rule in data["spelling"]:
        written, shown = rule["example"]
        assert reg.display(written) == shown, rule
    for rule in data["abbreviation"]:
        written, key = rule["example"]
        assert reg.key(written) == key, rule


def test_unlisted_spellings_merge_under_the_shorter_form(reg):
    # the rules generalise: a department no list names, spelt in full and short
    got = reg.group(["市卫生和计划生育委员会", "市卫生计划生育委", "市档案馆"])
    assert got == {"市卫生和计划生育委员会": "市卫生计划生育委", "市卫生计划生育委": "市卫生计划生育委",
                   "市档案馆": "市档案馆"}


def test_rules_generalise_to_another_home_city():
    other = registry_from_data(registry_data(), home_city="开封市")
    assert other.canonical("开封市发展和改革委员会") == "市发展改革委"
    assert other.canonical("开封市龙亭区人民政府") == "龙亭区政府"
    assert other.canonical("郑州市商务局") == "郑州市商务局"  # another city's bureau


def test_names_colliding_in_the_data_are_an_error():
    data = {"units": [{"name": "市资源规划局"}, {"name": "市资源和规划局"}],
            "abbreviation": [{"pattern": "(?<=\\p{Han}{2})和(?=\\p{Han}{2})", "replace": ""}]}
    with pytest.raises(ValueError, match="collides"):
        registry_from_data(data)


@pytest.mark.parametrize("name, kind", [
    ("市发展和改革委员会", "department"),
    ("管城回族区人民政府", "district_government"),
    ("郑州航空港区管委会", "development_zone"),
    ("郑州黄河文化公园管理委员会", "department"),  # a park's committee, not a zone
    ("市地铁集团公司", "enterprise"),
    ("市妇联", "people_organisation"),
    ("各县(市、区)政府", "collective"),
    ("开发区管委会", "collective"),  # every zone
    ("市脱贫攻坚小组成员单位", "collective"),
    ("市消防救援支队", "department"),
    ("郑州警备区", "military"),
])
def test_unit_types(reg, name, kind):
    assert reg.unit_type(name) == kind


# --- Document.units ---

def test_unit_summary_merges_spellings_and_lists_the_ones_seen():
    tasks = [task(1, lead=["市发展和改革委员会"], units=["市发展改革委", "市财政局"]),
             task(2, lead=["市财政局"], units=["郑州市发展改革委"])]
    units = {u.name: u for u in unit_summary(tasks)}
    assert list(units) == ["市发展改革委", "市财政局"]
    assert units["市发展改革委"].lead_tasks == [1] and units["市发展改革委"].co_tasks == [2]
    assert units["市发展改革委"].aliases == ["市发展和改革委员会", "郑州市发展改革委"]
    assert units["市财政局"].lead_tasks == [2] and units["市财政局"].co_tasks == [1]


def test_notice_001_alias_pairs_are_one_unit_each(notice_doc):
    units = {u.name: u for u in notice_doc.units}
    assert len(units) == len(notice_doc.units)
    for name, alias in [("市发展改革委", "市发展和改革委员会"), ("市资源规划局", "市资源和规划局"),
                        ("市退役军人局", "市退役军人事务局"), ("市地铁集团", "市地铁集团公司")]:
        assert alias not in units
        assert alias in units[name].aliases


def test_notice_001_lead_counts_and_leaders(notice_doc):
    units = {u.name: u for u in notice_doc.units}
    assert len(units["市发展改革委"].lead_tasks) == 25
    leaders = {s.name: len(s.tasks) for s in notice_doc.leaders}
    assert len(leaders) == 9
    assert leaders["吴福民"] == 46 and leaders["陈宏伟"] == 30


def test_notice_001_unit_counts_agree_with_the_gold_tasks(notice_doc):
    gold_path = GOLD / "tasks_001.jsonl"
    if not gold_path.exists():
        pytest.skip("../shared/gold is not beside the repository")
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    reg = load_registry()
    want = Counter(name for t in gold for name in {reg.canonical(n) for n in t["lead_units"]})
    have = Counter({u.name: len(u.lead_tasks) for u in notice_doc.units if u.lead_tasks})
    assert have == want
