"""The body of a synthetic reply letter: salutation, numbered paragraphs, closing.

Sentences are filled from templates. A bank of sentence pairs, with their numbers and places
drawn once per archive, leaves each letter only its own topic phrases to fill in: that keeps
10,000 letters (about 35 million characters) within a few seconds.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass
from typing import Callable

from . import vocab as v

SYNTHETIC_NOTICE = "> 本答复为合成测试数据，并非真实政府答复。"
NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class LetterContext:
    kind: str  # 建议 / 提案
    proposers: tuple[str, ...]
    collective: bool
    title: str
    unit: str  # short name of the lead unit
    me: str  # how the unit calls itself: 我局, 我委 …
    topics: tuple[str, ...]  # topic names
    keys: tuple[str, ...]  # key phrases of those topics
    co_units: tuple[str, ...]
    year: int
    bank: tuple[tuple[str, tuple, int], ...] = ()  # sentence_bank(); empty: draw every slot


Slot = Callable[[random.Random, LetterContext], str]


def _pick(seq: tuple[str, ...]) -> Slot:
    # random() indexing is several times faster than Random.choice, and just as deterministic.
    n = len(seq)
    return lambda r, c: seq[int(r.random() * n)]


def _between(low: int, high: int) -> Slot:
    span = high - low + 1
    return lambda r, c: str(low + int(r.random() * span))


SLOTS: dict[str, Slot] = {
    "place": _pick(v.DISTRICTS),
    "town": _pick(v.TOWNS),
    "town2": _pick(v.TOWNS),
    "community": _pick(v.COMMUNITIES),
    "road": _pick(v.ROADS),
    "n": _between(3, 320),
    "n2": _between(3, 320),
    "small": _between(2, 12),
    "big": _between(1200, 260000),
    "money": lambda r, c: f"{20 + r.random() * 48000:.2f}",
    "money2": lambda r, c: f"{100 + r.random() * 90000:.2f}",
    "pct": lambda r, c: f"{62 + r.random() * 37.99:.2f}",
    "pct2": lambda r, c: f"{80 + r.random() * 19.99:.2f}",
    "up": lambda r, c: f"{0.5 + r.random() * 14.5:.1f}",
    "up2": lambda r, c: f"{0.2 + r.random() * 5:.1f}",
    "policy": _pick(v.POLICIES),
    "platform": _pick(v.PLATFORMS),
    "thing": _pick(v.THINGS),
    "action": _pick(v.ACTIONS),
    "mech": _pick(v.MECHANISMS),
    "key": lambda r, c: c.keys[int(r.random() * len(c.keys))],
    "topic": lambda r, c: c.topics[int(r.random() * len(c.topics))],
    "unit": lambda r, c: c.unit,
    "me": lambda r, c: c.me,
    "city": lambda r, c: v.CITY,
    "last": lambda r, c: str(c.year - 1),
    "year": lambda r, c: str(c.year),
    "month": _between(1, 6),
    "kind": lambda r, c: c.kind,
}

HEADS = (
    "{action}{key}{mech}", "{action}“{key}”工作", "抓实{key}重点任务", "强化{key}示范引领",
    "聚焦{key}补齐短板", "推动{policy}与{key}深度融合", "{action}{topic}领域专项治理",
    "加大{key}政策宣传力度", "压实{key}工作责任", "狠抓{key}督导落实",
)
SENTENCES = (
    "{last}年以来，{me}会同{place}等地累计投入资金{money}万元，完成{thing}{n}个，惠及群众{big}余人。",
    "截至{month}月底，全市{key}覆盖率达到{pct}%，较上年同期提高{up}个百分点。",
    "在{place}{town}试点开展“{key}”，形成可复制推广的经验做法{small}条。",
    "印发《{city}关于{action}{key}的实施方案》，明确{small}项重点任务和{n2}条具体措施。",
    "组织召开专题调度会{small}次，协调解决{thing}问题{n}个，办结率{pct}%。",
    "依托“{platform}”平台，推动{policy}与{topic}工作深度融合，实现数据共享、业务协同。",
    "{town}{community}结合实际，探索建立“{key}+{policy}”工作模式，群众满意度达{pct}%。",
    "建立“月调度、季通报、年考核”制度，将{key}纳入各县（区）年度综合考核，压紧压实工作责任。",
    "{last}年，全市共开展{thing}{n}场次，覆盖{big}人次，群众知晓率达{pct}%。",
    "针对群众反映集中的{road}沿线{thing}问题，组织{unit}等部门开展联合检查{small}次，现场整改{n}处。",
    "积极争取上级资金{money}万元，带动社会投资{money2}万元，有力保障了{key}工作推进。",
    "聚焦{policy}，{action}{mech}，推动各项政策措施落地见效。",
    "按照“{policy}”要求，梳理形成{key}事项清单{n}项，实行清单化管理、项目化推进。",
    "{place}投入{money}万元实施{key}提升工程，新建、改造{thing}{n}处。",
    "全年共受理群众诉求{big}件，按时办结率{pct}%，回访满意率{pct2}%。",
    "会同{place}人民政府对{town}、{town2}等{small}个乡镇（街道）开展实地调研，听取基层意见建议{n}条。",
    "通过“线上+线下”相结合的方式，组织业务培训{small}期，培训基层工作人员{n}名。",
    "对照{key}工作目标，逐项细化分解任务，明确责任单位和完成时限，确保按期完成。",
    "{last}年，{key}相关指标增长{up}%，高于全省平均水平{up2}个百分点。",
    "推行“{key}”服务专员制度，为{n}家企业和{big}名群众提供“一对一”服务。",
    "在{community}设立{key}服务站点，配备专兼职工作人员{small}名，实现“小事不出村、大事不出镇”。",
    "将{key}工作与{policy}统筹谋划、一体推进，形成部门协同、上下联动的工作格局。",
    "第三方评估结果显示，{key}工作群众满意度为{pct}%，较上年提升{up2}个百分点。",
    "{place}在{road}片区先行先试，{key}工作经验被省级媒体专题报道。",
    "建立健全{key}工作台账，实行销号管理，已完成{n}项、正在推进{small}项。",
    "邀请人大代表、政协委员和群众代表{n}人次参与{key}工作监督，收集意见建议{n2}条，均已逐条反馈。",
    "{last}年共发放各类补贴资金{money}万元，惠及{big}户（人），资金全部通过“一卡通”直达。",
    "制定出台《{city}{key}工作考核办法》，考核结果与年度评先评优挂钩。",
    "持续开展“{policy}”专项行动，累计排查{thing}{n}个，整改完成率{pct}%。",
    "在{place}、{town}等地建成{key}示范点{small}个，示范带动作用逐步显现。",
    "会同相关部门开展“回头看”，对{last}年以来的{n}个{thing}逐一复核，发现问题{small}个并立行立改。",
    "全市{key}服务对象由{last}年的{n}万人增加到{n2}万人，服务质量持续提升。",
    "将{key}纳入“{policy}”重点事项清单，实行挂图作战，按月调度、按季通报。",
    "针对您提出的问题，{me}专门赴{place}{town}实地查看，与基层干部群众面对面交流，研究提出解决措施。",
    "经统计，{last}年全市涉及{key}的群众来信来访{n}件，同比下降{up}%。",
)
INTROS = (
    "近年来，在市人大、市政协的关心支持下，{me}坚持以人民为中心的发展思想，围绕{key}{action}各项工作，取得了阶段性成效。",
    "{last}年，{me}认真贯彻落实市委、市政府决策部署，把{key}作为重点工作来抓，{action}{mech}。",
    "您的{kind}对我市{topic}工作具有很强的针对性和指导性，{me}高度重视，专门召开会议研究办理。",
)
NEXT_STEPS = (
    "同时，{me}也清醒地认识到，{key}工作仍存在区域发展不平衡、基层力量相对薄弱等问题。下一步，{me}将{action}{mech}，逐步加以解决。",
    "下一步，{me}将认真研究吸纳您提出的意见建议，{action}{key}{mech}，推动{topic}工作再上新台阶。",
    "下一步，{me}将会同有关部门，持续深化{policy}，{action}{key}，切实把好事办好、实事办实。",
    "下一步，{me}将加强统筹协调，积极争取上级政策和资金支持，{action}{key}，不断提升群众获得感、幸福感、安全感。",
)
SECTION_HEADS = ("**一、基本情况**", "**二、主要工作及成效**", "**三、下一步工作打算**")


Compiled = tuple[str, tuple[Slot, ...]]
CONTEXT_SLOTS = frozenset({"key", "topic", "unit", "me", "last", "year", "kind"})
BANK_SIZE = 20000


Parsed = tuple[tuple[str, str | None], ...]  # (escaped literal, slot name or None)


def _parse(template: str) -> Parsed:
    return tuple((lit.replace("{", "{{").replace("}", "}}"), name or None)
                 for lit, name, _, _ in string.Formatter().parse(template))


def _compile_parsed(parsed: Parsed, rng: random.Random | None = None) -> Compiled:
    """A positional template plus the slot functions it needs; with `rng`, the slots that do
    not depend on the letter are filled in now, once."""
    text, slots = [], []
    for lit, name in parsed:
        text.append(lit)
        if name and (rng is None or name in CONTEXT_SLOTS):
            text.append("{}")
            slots.append(SLOTS[name])
        elif name:
            text.append(SLOTS[name](rng, None))  # type: ignore[arg-type]
    return "".join(text), tuple(slots)


def _compile(templates: tuple[str, ...]) -> tuple[Compiled, ...]:
    return tuple(_compile_parsed(_parse(t)) for t in templates)


_HEADS, _SENTENCES, _INTROS, _NEXT = (_compile(t) for t in (HEADS, SENTENCES, INTROS, NEXT_STEPS))
_PARSED_SENTENCES = tuple(_parse(t) for t in SENTENCES)
BankEntry = tuple[str, tuple[Slot, ...], int]  # template, its slots, bit mask of SENTENCES used
_SENTENCE_ENTRIES: tuple[BankEntry, ...] = tuple((t, s, 1 << i) for i, (t, s) in enumerate(_SENTENCES))


def sentence_bank(rng: random.Random, size: int = BANK_SIZE) -> tuple[BankEntry, ...]:
    """Pairs of sentences with their numbers and places drawn once: letters then only fill in
    their own topic phrases, which makes generation several times faster."""
    n = len(SENTENCES)
    bank = []
    for _ in range(size):
        a, b = int(rng.random() * n), int(rng.random() * n)
        text, slots = _compile_parsed(_PARSED_SENTENCES[a] + _PARSED_SENTENCES[b], rng)
        bank.append((text, slots, (1 << a) | (1 << b)))
    return tuple(bank)


def _fill(rng: random.Random, ctx: LetterContext, options: tuple[Compiled, ...]) -> str:
    template, slots = options[int(rng.random() * len(options))]
    return template.format(*[slot(rng, ctx) for slot in slots])


def numeral(i: int) -> str:
    """Chinese numeral for 1..99: 一, 十, 十二, 二十三."""
    tens, ones = divmod(i, 10)
    if tens == 0:
        return NUMERALS[ones - 1]
    head = "" if tens == 1 else NUMERALS[tens - 1]
    return head + "十" + (NUMERALS[ones - 1] if ones else "")


def salutation(ctx: LetterContext) -> str:
    if ctx.collective:
        return f"尊敬的{ctx.proposers[0]}："
    role = "代表" if ctx.kind == "建议" else "委员"
    if len(ctx.proposers) == 2:
        return f"尊敬的{ctx.proposers[0]}、{ctx.proposers[1]}{role}："
    if len(ctx.proposers) > 2:
        return f"尊敬的{ctx.proposers[0]}等{len(ctx.proposers)}位{role}："
    return f"尊敬的{ctx.proposers[0]}{role}："


def _received(ctx: LetterContext) -> str:
    you = "你们" if ctx.collective or len(ctx.proposers) > 1 else "您"
    if ctx.co_units:
        return (f"{you}提出的《{ctx.title}》收悉。经认真研究，并会同{'、'.join(ctx.co_units)}"
                "共同办理，现答复如下：")
    return f"{you}提出的《{ctx.title}》收悉，现答复如下："


def _paragraph(rng: random.Random, ctx: LetterContext, lead: str, size: int) -> str:
    parts = [lead]
    length = len(lead)
    bank = ctx.bank or _SENTENCE_ENTRIES
    n = len(bank)
    used = 0
    while length < size:
        template, slots, mask = bank[int(rng.random() * n)]
        for _ in range(4):  # avoid repeating a sentence pattern within one paragraph
            if not used & mask:
                break
            template, slots, mask = bank[int(rng.random() * n)]
        used |= mask
        s = template.format(*[slot(rng, ctx) for slot in slots])
        parts.append(s)
        length += len(s)
    return "".join(parts)


def _items(rng: random.Random, ctx: LetterContext, budget: int, style: str) -> list[str]:
    count = max(2, min(12, round(budget / (380 + rng.random() * 270))))
    weights = [0.6 + rng.random() * 0.8 for _ in range(count)]
    scale = budget / sum(weights)
    out = []
    for i, weight in enumerate(weights, start=1):
        head = _fill(rng, ctx, _HEADS)
        lead = f"{numeral(i)}是{head}。" if style == "shi" else f"（{numeral(i)}）{head}。"
        out.append(_paragraph(rng, ctx, lead, max(60, int(weight * scale) - 25)))
    return out


def _table(rng: random.Random, ctx: LetterContext) -> str:
    """A small Markdown table of yearly figures, as many letters attach one."""
    rows = [f"| {ctx.year - k}年 | {int(2000 + rng.random() * 90000)} | "
            f"{80 + rng.random() * 19.9:.1f}% | {int(5 + rng.random() * 300)} |" for k in (3, 2, 1)]
    return "\n".join([f"附表：{ctx.topics[0]}工作主要指标", "",
                      "| 年度 | 服务人次 | 办结率 | 新增项目（个） |", "| --- | ---: | ---: | ---: |", *rows])


def compose_body(rng: random.Random, ctx: LetterContext, target: int) -> str:
    """A reply letter of roughly `target` characters, starting with the synthetic notice."""
    opening = [SYNTHETIC_NOTICE, salutation(ctx), _received(ctx)]
    intro = _paragraph(rng, ctx, _fill(rng, ctx, _INTROS), 80)
    closing = f"感谢{'你们' if ctx.collective else '您'}对{rng.choice(ctx.topics)}工作的关心和支持。"
    if rng.random() < 0.4:
        closing += "欢迎继续提出宝贵意见和建议。"
    next_step = _paragraph(rng, ctx, _fill(rng, ctx, _NEXT), rng.randint(60, 260))
    fixed = sum(len(p) for p in (*opening, intro, closing, next_step))
    budget = max(200, target - fixed)
    sectioned = target > 4000 and rng.random() < 0.5
    if sectioned:
        background = _paragraph(rng, ctx, "", budget // 8)
        items = _items(rng, ctx, budget - len(background), "paren")
        middle = [SECTION_HEADS[0], intro + background, SECTION_HEADS[1], *items,
                  SECTION_HEADS[2], next_step]
    else:
        middle = [intro, *_items(rng, ctx, budget, "shi"), next_step]
    if target > 2500 and rng.random() < 0.12:
        middle.insert(-2 if sectioned else -1, _table(rng, ctx))  # after the work done
    return "\n\n".join([*opening, *middle, closing]) + "\n"


def compose_summary(rng: random.Random, ctx: LetterContext) -> str:
    """The body of a 摘要公开 reply: the notice and a short summary."""
    lead = f"{rng.choice(v.SUMMARY_OPENINGS)}关于《{ctx.title}》，"
    text = _paragraph(rng, ctx, lead, rng.randint(250, 700))
    return "\n\n".join([SYNTHETIC_NOTICE, text, _fill(rng, ctx, _NEXT)]) + "\n"
