"""Kind detection: a scored decision from weighted features of the text.

Each feature is a pattern with a weight per kind; the kind with the highest total wins, and
its share of the positive evidence is the confidence.  A text with too little evidence is
`unknown` (parsed generically).

>>> detect_kind("郑政办〔2020〕29号\\n1. 建设学校。\\n责任领导：王明\\n牵头单位：市教育局")[0]
'notice'
"""

from __future__ import annotations

import regex

from zzgov.text import fold

# (name, pattern on width-folded text, {kind: weight per hit}, cap on hits counted)
FEATURES: tuple[tuple[str, regex.Pattern[str], dict[str, float], int], ...] = (
    # 发文字号 郑政办〔2020〕29号: a 公文
    ("doc_number", regex.compile(r"\p{Han}{1,12}[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d{1,4}\s*号"), {"notice": 3.0}, 1),
    # field lines 责任单位：… — the signature of a task decomposition
    ("field_lines", regex.compile(r"(?m)^\s*[【\[]?(?:责任领导|牵头领导|牵头单位|责任单位|配合单位|协办单位|完成时限)[】\]]?\s*:"), {"notice": 1.0}, 20),
    # inline or table roles: （牵头单位：X）, 序号 重点工作任务 牵头单位
    ("role_words", regex.compile(r"牵头单位|责任单位|配合单位"), {"notice": 0.3}, 20),
    ("task_title", regex.compile(r"任务分解|重点工作任务|工作任务.{0,6}(?:通知|方案)|(?:责任|任务)分工|分工意见"), {"notice": 2.0}, 2),
    # role sentences closing numbered tasks: 市交通运输局牵头，市发展改革委配合。
    ("role_sentences", regex.compile(r"牵头[,，][^。\n]{0,80}?(?:配合|参与|协助)[。]"), {"notice": 1.0}, 10),
    # 各位代表 — a work report delivered to a congress
    ("delegates", regex.compile(r"各位代表"), {"report": 4.0}, 2),
    ("report_parts", regex.compile(r"工作回顾|主要预期目标|工作安排|政府自身建设|请予审议"), {"report": 1.5}, 6),
    ("report_speaker", regex.compile(r"(?m)^\s*\p{Han}{2,20}(?:市长|省长|区长|县长|州长)\s+\p{Han}{2,4}\s*$"), {"report": 3.0}, 1),
    ("report_title", regex.compile(r"政府工作报告"), {"report": 0.8, "news": 0.3}, 3),
    # 关键词 headings and bylines — news
    ("keyword_heads", regex.compile(r"关键词\s*[|:｜]"), {"news": 1.5}, 10),
    ("source_line", regex.compile(r"来源\s*:|(?:记者|通讯员|编辑)\s*\p{Han}{2,4}|本报讯|新华社|\d{4}-\d{2}-\d{2}\s+\d{2}:\d{2}"), {"news": 2.0}, 3),
    ("site_chrome", regex.compile(r"首页\s*>|相关新闻|精彩推荐|责任编辑"), {"news": 1.0}, 3),
    ("news_words", regex.compile(r"据悉|记者了解到|采访|报道"), {"news": 0.7}, 3),
)

MIN_EVIDENCE = 2.0  # below this total the kind is unknown


def kind_scores(text: str) -> dict[str, float]:
    f = fold(text[:200_000])  # the head of a document decides its kind; bounds the cost
    scores = {"notice": 0.0, "report": 0.0, "news": 0.0}
    for _name, pattern, weights, cap in FEATURES:
        hits = 0
        for _ in pattern.finditer(f):
            hits += 1
            if hits >= cap:
                break
        for kind, w in weights.items():
            scores[kind] += w * hits
    return scores


def detect_kind(text: str) -> tuple[str, float]:
    """(kind, confidence in [0, 1])."""
    scores = kind_scores(text)
    total = sum(scores.values())
    kind, best = max(scores.items(), key=lambda kv: (kv[1], kv[0] == "notice"))
    if best < MIN_EVIDENCE:
        return "unknown", round(1.0 - best / MIN_EVIDENCE, 3) if best > 0 else 1.0
    return kind, round(best / total, 3)
