"""Reply objects for the feed, export and statistics tests, built directly from the model.

Six replies over three years and three units, covering every disclosure mode, a missing
category and satisfaction, two replies on the same day (ordering by id), a reply answered on
exactly the three-month day and one answered a day late, and month-end clamping (11-30 → 02-29).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from replysite.model import Reply, Topic, Unit

SITE_URL = "https://replies.example.gov.cn/archive/"
SECRET = "这段正文不予公开，绝不能出现在订阅和开放数据中"
SUMMARY = "摘要：区政数局将在2024年底前完成系统整合。"

ZHENGSHU = Unit("xinjian-zhengshuju", "南昌市新建区政务服务数据管理局", ("区政数局", "新建区政数局"))
YINGSHANG = Unit("xinjian-yingshangban", "南昌市新建区优化营商环境工作领导小组办公室", ("区营商办",))
SIFA = Unit("xinjian-sifaju", "南昌市新建区司法局", ("区司法局",))
UNUSED_UNIT = Unit("xinjian-jiaotong", "南昌市新建区交通运输局", ("区交通运输局",))

BUSINESS = Topic("yingshang-huanjing", "营商环境", ("优化营商环境",))
SERVICE = Topic("zhengwu-fuwu", "政务服务", ("便民服务",))
ENFORCE = Topic("jianguan-zhifa", "监管执法")
UNUSED_TOPIC = Topic("jiaotong-chuxing", "交通出行")

LONG_BODY = "尊敬的程伟川代表：\n\n" + "一是持续开展“周末亲清行”常态化联系帮扶活动。" * 20


def _reply(id: str, **kw) -> Reply:
    base = dict(id=id, kind="建议", number=id.rsplit("-", 1)[-1], title=f"关于{id}的建议",
                proposers=("程伟川",), unit=ZHENGSHU, reply_date=dt.date(2023, 7, 17),
                topics=(BUSINESS,), body="尊敬的代表：\n\n现答复如下。",
                source_path=Path(f"replies/{id}.md"))
    base.update(kw)
    return Reply(**base)


def make_replies() -> list[Reply]:
    return [
        _reply("xinjian-2023-jianyi-55", title="关于进一步优化我区营商环境的几点建议",
               unit=ZHENGSHU, co_units=(SIFA,), topics=(BUSINESS, SERVICE, ENFORCE),
               category="A", satisfaction="满意", reply_date=dt.date(2023, 7, 17),
               assigned_date=dt.date(2023, 4, 17), body=LONG_BODY,
               doc_number="新政数提复字〔2023〕1号", cc=("区人大常委会选举任免联络办公室", "区政府督查室"),
               contact="新建区政数局 83098603", postcode="330100",
               session="新建区第十八届人民代表大会第二次会议"),
        _reply("xinjian-2023-tian-12", kind="提案", unit=YINGSHANG, topics=(SERVICE,),
               category="B", satisfaction="基本满意", reply_date=dt.date(2023, 9, 1),
               assigned_date=dt.date(2023, 5, 31), proposers=("九三学社新建区支社", "李四")),
        _reply("xinjian-2024-jianyi-3", unit=ZHENGSHU, topics=(ENFORCE,),
               reply_date=dt.date(2024, 6, 30), disclosure="摘要公开",
               disclosure_note="涉及正在进行的采购事项", body=SUMMARY,
               source_url="https://www.example.gov.cn/art/2024/6/30/art_3.html"),
        _reply("xinjian-2024-tian-7", kind="提案", unit=SIFA, topics=(BUSINESS, ENFORCE),
               category="C", satisfaction="不满意", reply_date=dt.date(2024, 6, 30),
               disclosure="不予公开", disclosure_note="涉及国家秘密", body=SECRET),
        _reply("xinjian-2024-jianyi-1", unit=YINGSHANG, topics=(BUSINESS,), category="D",
               reply_date=dt.date(2024, 2, 29), assigned_date=dt.date(2023, 11, 30)),
        _reply("xinjian-2022-jianyi-9", unit=ZHENGSHU, topics=(SERVICE, BUSINESS), category="A",
               satisfaction="满意", reply_date=dt.date(2022, 1, 5)),
    ]


def by_id(replies: list[Reply]) -> dict[str, Reply]:
    return {r.id: r for r in replies}


# --- a small Material site served on 127.0.0.1, for the browser tests ---------------------

def build_material_site(root: Path, pages: dict[str, str], extra_css: dict[str, str] | None = None
                        ) -> Path:
    """Build `pages` ({"stats.md": markdown}) with mkdocs-material into root/site."""
    docs = root / "docs"
    for rel, text in {**pages, **(extra_css or {})}.items():
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(text, encoding="utf-8")
    config = {"site_name": "建议提案答复公开", "site_url": "http://127.0.0.1/",
              "docs_dir": str(docs), "site_dir": str(root / "site"),
              "theme": {"name": "material", "language": "zh", "font": False},
              "extra_css": sorted(extra_css or {}), "plugins": ["search"],
              # Material's "Made with" footer line is grey on black at 4.47:1 (axe: serious).
              "extra": {"generator": False}}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    build(load_config(str(root / "mkdocs.yml")))
    return root / "site"
