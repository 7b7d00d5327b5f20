"""Synthetic reply archives for tests and benchmarks: `replysite generate`.

Writes `units.yml`, `topics.yml` and `count` reply files `<year>/<id>.md` of an invented city
(示例市) under one folder, in exactly the format of `replies/`. Every reply is marked as
synthetic (ids start with `synthetic-`, bodies start with a notice). The same seed gives
byte-identical files, and a larger archive starts with exactly the replies of a smaller one;
nothing is ever written outside `out`.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..authoring.reply_file import render_reply, yaml_value
from . import vocab as v
from .text import (BANK_SIZE, SYNTHETIC_NOTICE, LetterContext, compose_body, compose_summary, numeral,
                             sentence_bank)

YEARS = tuple(range(2015, 2026))
LATEST_DATE = dt.date(2026, 6, 30)  # no document is dated later (the same files on any day)
POOL_SIZE = 400  # deputies, and members, that proposals are drawn from
REGISTRY_HEADER = "# 合成测试数据（replysite generate 生成），单位与名称均为虚构。\n"


class GenerateError(Exception):
    """The output folder cannot be used; the message is for staff (Chinese)."""


@dataclass(frozen=True)
class GenerateSummary:
    out: Path
    count: int
    seed: int
    units: int
    topics: int
    by_year: dict[int, int]
    by_kind: dict[str, int]
    body_chars_mean: float
    body_chars_min: int
    body_chars_max: int


@dataclass(frozen=True)
class _Unit:
    index: int
    id: str
    name: str
    short: str
    alias: str
    prefix: str
    me: str
    phone: str
    postcode: str


def _protected_roots() -> list[Path]:
    package_repo = Path(__file__).resolve().parents[2] / "replies"
    return [Path.cwd().resolve() / "replies", package_repo]


def check_out(out: Path, force: bool) -> None:
    """Refuse folders inside a real `replies/` (unless it is exactly `out`) and non-empty ones."""
    target = out.resolve()
    for root in _protected_roots():
        if target != root and target.is_relative_to(root):
            raise GenerateError(
                f"拒绝写入 {out}：它位于答复库 {root} 之内，合成数据不能混入真实答复；"
                "请换一个不在 replies/ 下的文件夹。")
    if target.exists() and not target.is_dir():
        raise GenerateError(f"{out} 已存在且不是文件夹；请换一个文件夹。")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise GenerateError(f"输出文件夹 {out} 不是空的；为避免覆盖已有文件，请换一个空文件夹，"
                            "或加上 --force 允许写入。")


def _units(rng: random.Random) -> list[_Unit]:
    out = []
    for i, (uid, name, shorts, aliases, prefix, me) in enumerate(v.UNITS):
        phone = f"{rng.choice('678')}{rng.randint(1000000, 9999999)}"
        out.append(_Unit(i, uid, name, shorts[0], aliases[0], prefix, me, phone,
                         f"3650{rng.randint(0, 40):02d}"))
    return out


def _person(rng: random.Random) -> str:
    surname = rng.choice(v.COMPOUND_SURNAMES) if rng.random() < 0.04 else rng.choice(v.SURNAMES)
    given = "".join(rng.choice(v.GIVEN) for _ in range(1 if rng.random() < 0.3 else 2))
    return surname + given


def _pool(rng: random.Random) -> list[str]:
    seen: dict[str, None] = {}
    while len(seen) < POOL_SIZE:
        seen.setdefault(_person(rng), None)
    return list(seen)


def _session(kind: str, year: int) -> str:
    term, nth = divmod(year - 2012, 5)
    if kind == "建议":
        return f"{v.CITY}第{numeral(13 + term)}届人民代表大会第{numeral(nth + 1)}次会议"
    return f"政协{v.CITY}第{numeral(10 + term)}届委员会第{numeral(nth + 1)}次会议"


def _proposers(rng: random.Random, kind: str, pool: list[str]) -> tuple[list[str], bool]:
    collective = v.COLLECTIVE_DEPUTIES if kind == "建议" else v.COLLECTIVE_MEMBERS
    if rng.random() < (0.05 if kind == "建议" else 0.12):
        return [rng.choice(collective)], True
    r = rng.random()
    extra = 0 if r < 0.6 else 1 if r < 0.85 else rng.randint(2, 4)
    return rng.sample(pool, 1 + extra), False


def _title(rng: random.Random, kind: str, topic: tuple) -> str:
    obj = rng.choice(topic[3])
    if "我市" not in obj and rng.random() < 0.2:
        obj = f"在{rng.choice(v.DISTRICTS)}{obj}"
    suffix = "几点建议" if kind == "建议" and rng.random() < 0.15 else kind
    return f"关于{obj}的{suffix}"


def _body_target(rng: random.Random) -> int:
    return max(800, min(7600, int(rng.lognormvariate(math.log(3000), 0.5))))


def _reply(rng: random.Random, year: int, kind: str, number: str, units: list[_Unit],
           by_id: dict[str, _Unit], pools: dict[str, list[str]], doc_counts: Counter,
           bank: tuple) -> tuple[dict, str, LetterContext]:
    """One reply: its front-matter values, body and letter context."""
    slug = "jianyi" if kind == "建议" else "tian"
    rid = f"synthetic-{year}-{slug}-{number}"
    topic_idx = rng.sample(range(len(v.TOPICS)), rng.choices((2, 3, 4), (5, 4, 2))[0])
    topics = [v.TOPICS[i] for i in topic_idx]
    usual = v.TOPIC_UNITS[topics[0][0]]
    unit = rng.choice(units) if rng.random() < 0.15 else by_id[rng.choice(usual)]
    others = [u for u in units if u.id != unit.id]
    co = rng.sample(others, rng.randint(1, 2)) if rng.random() < 0.3 else []
    proposers, collective = _proposers(rng, kind, pools[kind])
    title = _title(rng, kind, topics[0])
    assigned = dt.date(year, 1, 20) + dt.timedelta(days=rng.randint(0, 130))
    replied = assigned + dt.timedelta(days=rng.randint(25, 125))

    fm: dict[str, object] = {"id": rid, "kind": kind}
    if rng.random() < 0.9:
        fm["session"] = _session(kind, year)
    fm.update(number=number, title=title, proposers=proposers)
    r = rng.random()
    fm["unit"] = unit.name if r < 0.7 else unit.short if r < 0.9 else unit.alias
    if co:
        fm["co_units"] = [u.short for u in co]
    if rng.random() < 0.92:
        doc_counts[(unit.id, year)] += rng.randint(1, 3)
        letter = "提" if kind == "提案" else rng.choice("建议")
        fm["doc_number"] = f"{unit.prefix}{letter}复字〔{year}〕{doc_counts[(unit.id, year)]}号"
    category = rng.choices(("A", "B", "C", "D", ""), (45, 33, 12, 4, 6))[0]
    if category:
        fm["category"] = category
    if rng.random() < 0.88:
        fm["assigned_date"] = assigned
    fm["reply_date"] = replied
    fm["topics"] = [t[2][0] if rng.random() < 0.1 else t[1] for t in topics]
    satisfaction = rng.choices(("满意", "基本满意", "不满意", ""), (74, 12, 3, 11))[0]
    if satisfaction:
        fm["satisfaction"] = satisfaction
    disclosure = rng.choices(("", "全文公开", "摘要公开", "不予公开"), (93, 3, 3, 1))[0]
    if disclosure:
        fm["disclosure"] = disclosure
    if disclosure in ("摘要公开", "不予公开"):
        notes = v.DISCLOSURE_NOTES_SUMMARY if disclosure == "摘要公开" else v.DISCLOSURE_NOTES_NONE
        fm["disclosure_note"] = rng.choice(notes)
    if rng.random() < 0.85:
        cc = v.CC_JIANYI if kind == "建议" else v.CC_TIAN
        fm["cc"] = list(cc[:1]) + rng.sample(cc[1:], rng.randint(0, 2))
    if rng.random() < 0.88:
        fm["contact"] = f"{unit.short} {unit.phone}"
    if rng.random() < 0.5:
        fm["postcode"] = unit.postcode
    if rng.random() < 0.2:
        fm["source_url"] = (f"https://www.example.gov.cn/art/{year}/{replied.month}/{replied.day}/"
                            f"art_{100 + unit.index}_{rng.randint(10000, 99999)}.html")

    keys = tuple(topics[0][4]) + tuple(k for t in topics for k in t[4])  # the main topic twice
    ctx = LetterContext(kind, tuple(proposers), collective, title, unit.short, unit.me,
                        tuple(t[1] for t in topics), keys, tuple(u.short for u in co), year, bank)
    if disclosure == "不予公开":
        body = ""
    elif disclosure == "摘要公开":
        body = compose_summary(rng, ctx)
    else:
        body = compose_body(rng, ctx, _body_target(rng))
    return fm, body, ctx


@functools.lru_cache(maxsize=4)
def _bank(seed: int) -> tuple:
    return sentence_bank(random.Random(f"{seed}:bank"), BANK_SIZE)


def _registries() -> tuple[str, str]:
    u_lines = [REGISTRY_HEADER]
    for uid, name, shorts, aliases, _, _ in v.UNITS:
        u_lines.append(f"- id: {uid}\n  name: {name}\n  short_names: {yaml_value(list(shorts))}\n"
                       f"  aliases: {yaml_value(list(aliases))}\n")
    t_lines = [REGISTRY_HEADER]
    for tid, name, aliases, _, _ in v.TOPICS:
        t_lines.append(f"- id: {tid}\n  name: {name}\n  aliases: {yaml_value(list(aliases))}\n")
    return "".join(u_lines), "".join(t_lines)


def _follow_ups(rc: random.Random, fm: dict, ctx: LetterContext, by_id: dict[str, _Unit],
                units: list[_Unit], today: dt.date) -> list[tuple[dict, str]]:
    """The other documents of the case `fm` answers (some cases have 2–4): the suggestion itself,
    a co-handler's opinion, a re-reply after 不满意, a progress report on a B-category promise.
    May add the promise to `fm`, and a `case` key when the documents have no session."""
    docs: list[tuple[dict, str]] = []
    rid, replied = fm["id"], fm["reply_date"]
    lead = next((u for u in units if u.name == fm["unit"] or u.short == fm["unit"] or u.alias == fm["unit"]), units[0])
    common = {k: fm[k] for k in ("kind", "session", "number", "title", "proposers", "topics") if k in fm}
    who = "代表" if fm["kind"] == "建议" else "委员"
    if rc.random() < 0.08:
        submitted = replied - dt.timedelta(days=rc.randint(90, 160))
        docs.append(({"id": f"{rid}-yuanwen", "doc_type": "建议原文", **common, "unit": fm["unit"],
                      "submitted_date": submitted},
                     f"{SYNTHETIC_NOTICE}\n\n{fm['title']}。建议{ctx.unit}{rc.choice(ctx.keys)}，切实解决群众反映的问题。\n"))
    if fm.get("co_units") and rc.random() < 0.5:
        co = next((u for u in units if u.short == fm["co_units"][0]), None)
        if co is not None:
            docs.append(({"id": f"{rid}-huiban", "doc_type": "会办意见", **common, "unit": co.short,
                          "to_unit": lead.short, "reply_date": replied - dt.timedelta(days=rc.randint(5, 20))},
                         f"{SYNTHETIC_NOTICE}\n\n{lead.short}：\n\n关于《{fm['title']}》，{co.me}会办意见如下："
                         f"{co.me}将积极配合做好{rc.choice(ctx.keys)}相关工作。\n"))
    if fm.get("satisfaction") == "不满意" and rc.random() < 0.6:
        again = replied + dt.timedelta(days=rc.randint(20, 60))
        if again <= today:
            docs.append(({"id": f"{rid}-zaici", "doc_type": "再次答复", **common, "unit": fm["unit"],
                          "category": fm.get("category") or "B", "reply_date": again,
                          "satisfaction": rc.choice(("满意", "基本满意", "不满意"))},
                         f"{SYNTHETIC_NOTICE}\n\n尊敬的{'、'.join(fm['proposers'])}{who}：\n\n"
                         f"根据您对第一次答复的意见，{ctx.me}再次研究了您的{fm['kind']}，现再次答复如下："
                         f"{ctx.me}将进一步{rc.choice(ctx.keys)}。\n"))
    if fm.get("category") == "B" and rc.random() < 0.4:
        by = replied + dt.timedelta(days=rc.randint(120, 400))
        fm["promised"] = f"{by.year}年{by.month}月底前{rc.choice(ctx.keys)}"
        fm["promised_by"] = by
        report = by + dt.timedelta(days=rc.randint(-40, 30))
        if rc.random() < 0.6 and report <= today:
            docs.append(({"id": f"{rid}-jinzhan", "doc_type": "办理进展", **common, "unit": fm["unit"],
                          "reply_date": max(report, replied)},
                         f"{SYNTHETIC_NOTICE}\n\n关于《{fm['title']}》答复中承诺事项的落实情况：{fm['promised']}，"
                         "已按期完成。\n"))
    if docs and "session" not in fm:  # documents without a session are joined by a case key
        fm["case"] = rid
        for doc, _ in docs:
            doc["case"] = rid
    return docs


def generate(count: int, out: Path, seed: int = 0, *, force: bool = False) -> GenerateSummary:
    """Write a synthetic archive of `count` replies under `out` (see the module docstring)."""
    if count < 0:
        raise GenerateError("数量不能为负数。")
    check_out(out, force)
    rng = random.Random(seed)
    units = _units(rng)
    by_id = {u.id: u for u in units}
    pools = {"建议": _pool(rng), "提案": _pool(rng)}
    bank = _bank(seed)
    weights = [1 + 0.08 * (y - YEARS[0]) for y in YEARS]
    last: Counter = Counter()
    doc_counts: Counter = Counter()
    out.mkdir(parents=True, exist_ok=True)
    units_yml, topics_yml = _registries()
    (out / "units.yml").write_text(units_yml, encoding="utf-8")
    (out / "topics.yml").write_text(topics_yml, encoding="utf-8")
    slots, lengths = [], []
    written = i = 0
    while written < count:
        # One generator per reply: the first m replies of a larger archive are exactly the m
        # replies of a smaller one, so benchmarks can compare the same pages at every size.
        r = random.Random(f"{seed}:{i}")
        i += 1
        year, kind = r.choices(YEARS, weights)[0], "建议" if r.random() < 0.55 else "提案"
        last[(year, kind)] += r.randint(1, 3)
        n = last[(year, kind)]
        number = str(n) if kind == "建议" else f"{year}{n:03d}"
        fm, body, ctx = _reply(r, year, kind, number, units, by_id, pools, doc_counts, bank)
        # the rest of this reply's case; its own generator, so the replies stay those of a
        # smaller archive, with other documents between them
        others = _follow_ups(random.Random(f"{seed}:case:{fm['id']}"), fm, ctx, by_id, units, LATEST_DATE)
        for values, text in [(fm, body), *others][:count - written]:
            day = values.get("reply_date") or values["submitted_date"]
            (out / str(day.year)).mkdir(exist_ok=True)
            (out / str(day.year) / f"{values['id']}.md").write_bytes(render_reply(values, text).encode("utf-8"))
            written += 1
        slots.append((year, kind))
        lengths.append(len(body))
    return GenerateSummary(
        out=out, count=count, seed=seed, units=len(units), topics=len(v.TOPICS),
        by_year=dict(sorted(Counter(y for y, _ in slots).items())),
        by_kind=dict(sorted(Counter(k for _, k in slots).items())),
        body_chars_mean=sum(lengths) / len(lengths) if lengths else 0.0,
        body_chars_min=min(lengths, default=0), body_chars_max=max(lengths, default=0))
