"""The reply front-matter schema, declared once.

Validation (`validate.py`), the field documentation (`docs`), the `replysite new` template and
the published JSON Schema are all derived from FIELDS; nothing else lists the keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

KINDS = ("建议", "提案")
KIND_LABELS = {"建议": "人大代表建议", "提案": "政协委员提案"}
CATEGORIES = ("A", "B", "C", "D")
CATEGORY_LABELS = {
    "A": "A类（所提问题已经解决或基本解决）",
    "B": "B类（所提问题正在解决或列入计划逐步解决）",
    "C": "C类（所提问题因条件限制或其他原因暂时无法解决）",
    "D": "D类（留作参考）",
}
SATISFACTIONS = ("满意", "基本满意", "不满意")
# The documents of one suggestion's or proposal's handling (a case).
DOC_TYPES = ("答复", "再次答复", "会办意见", "建议原文", "办理进展")
DEFAULT_DOC_TYPE = "答复"
REPLY_TYPES = ("答复", "再次答复")  # letters to the deputy or member, with category and verdict
DATED_TYPES = ("答复", "再次答复", "会办意见", "办理进展")  # dated by reply_date


def doc_type_label(doc_type: str, kind: str) -> str:
    """How a document type reads for a suggestion or a proposal (建议原文 / 提案原文)."""
    return "提案原文" if doc_type == "建议原文" and kind == "提案" else doc_type
DISCLOSURES = ("全文公开", "摘要公开", "不予公开")
DEFAULT_DISCLOSURE = "全文公开"
SCHEMA_FILE = "reply.schema.json"  # in replies/ for editors, in the site's data/ for re-users
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ID_RE = re.compile(ID_PATTERN)
SHA256_PATTERN = r"^[0-9a-f]{64}$"
# What an original may be: the site serves these as downloads, never as pages of its own.
ATTACHMENT_SUFFIXES = (".pdf", ".docx", ".txt")


@dataclass(frozen=True)
class FieldSpec:
    """One front-matter key.

    `type` is one of: "id", "text", "list" (of text), "ids" (list of ids), "date", "choice",
    "unit", "units", "topics", "url", "attachments" (a list of {path, sha256}). Registry-backed
    types ("unit", "units", "topics") are text in the file and resolved against
    `replies/units.yml` / `replies/topics.yml`. Which keys a document needs depends on its
    `doc_type` (`required_for`, `only_for`).
    """

    name: str
    label: str
    type: str
    required: bool  # for every document type
    help: str
    example: Any = None
    choices: tuple[str, ...] = ()
    default: Any = None
    required_for: tuple[str, ...] = ()  # document types that must have it
    only_for: tuple[str, ...] = ()  # document types that may have it (empty: every type)
    future_ok: bool = False  # a date that may lie ahead (a promise)

    @property
    def is_list(self) -> bool:
        return self.type in ("list", "units", "topics", "ids", "attachments")

    def is_required(self, doc_type: str) -> bool:
        return self.required or doc_type in self.required_for

    def allowed(self, doc_type: str) -> bool:
        return not self.only_for or doc_type in self.only_for

    @property
    def need(self) -> str:
        """必填 / 选填, as staff read it (with the document types it depends on)."""
        if self.required:
            return "必填"
        if self.required_for:
            return f"{'、'.join(self.required_for)}必填"
        return "选填"


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("id", "编号", "id", True,
              "全库唯一的编号，只用小写英文字母、数字和连字符，例如 xinjian-2023-jianyi-55；"
              "回复页面的网址为 replies/<编号>/。",
              "xinjian-2023-jianyi-55"),
    FieldSpec("doc_type", "文件类型", "choice", False,
              "这份文件在建议或提案办理中的类型：答复（默认）；再次答复（代表不满意后的再次答复）；"
              "会办意见（会办、协办单位写给主办单位的意见）；建议原文（建议或提案本身，提案也写建议原文）；"
              "办理进展（B类答复承诺事项的落实情况）。",
              "答复", choices=DOC_TYPES, default=DEFAULT_DOC_TYPE),
    FieldSpec("kind", "类型", "choice", True,
              "“建议”（人大代表建议）或“提案”（政协委员提案）。", "建议", choices=KINDS),
    FieldSpec("session", "会议", "text", False,
              "提出建议或提案的会议，例如 新建区第十八届人民代表大会第二次会议。同一会议、同一类型、"
              "同一编号的文件属于同一件建议或提案，网站把它们放在一起。",
              "新建区第十八届人民代表大会第二次会议"),
    FieldSpec("number", "建议号/提案号", "text", True,
              "按原件填写建议或提案的编号，例如 55 或 2024087；页面显示为“第55号”。",
              "55"),
    FieldSpec("case", "案件编号", "id", False,
              "通常不填：同一会议、类型和编号的文件自动归为同一件。没有记录会议、或需要把文件归到另一件时，"
              "各文件写同一个编号（小写英文字母、数字和连字符），例如 xinjian-2023-jianyi-55。",
              "xinjian-2023-jianyi-55"),
    FieldSpec("title", "标题", "text", True,
              "建议或提案的标题，例如 关于进一步优化我区营商环境的几点建议；同一件的各份文件标题相同。",
              "关于进一步优化我区营商环境的几点建议"),
    FieldSpec("proposers", "代表/委员", "list", True,
              "提出人，至少一位，第一位为领衔人；可以是委员小组等集体名称。", ["程伟川"]),
    FieldSpec("unit", "主办单位", "unit", True,
              "出具这份文件的单位，写单位名录（replies/units.yml）中的全称、简称或别名：答复、再次答复、"
              "办理进展写主办（承办）单位；会办意见写出具意见的会办单位；建议原文写交办的主办单位。",
              "南昌市新建区政务服务数据管理局"),
    FieldSpec("to_unit", "致送单位", "unit", False,
              "会办意见写给的主办单位，取自单位名录。", "南昌市新建区政务服务数据管理局",
              required_for=("会办意见",), only_for=("会办意见",)),
    FieldSpec("co_units", "协办单位", "units", False,
              "协办（会办）单位列表，同样取自单位名录。", ["区司法局"]),
    FieldSpec("doc_number", "文号", "text", False,
              "答复文号，例如 新政数提复字〔2023〕1号。", "新政数提复字〔2023〕1号"),
    FieldSpec("category", "办理类别", "choice", False,
              "办理类别：A、B、C 或 D（答复和再次答复才有）。", "A", choices=CATEGORIES,
              only_for=REPLY_TYPES),
    FieldSpec("submitted_date", "提出日期", "date", False,
              "建议或提案提出的日期，格式 YYYY-MM-DD；建议原文必填。", "2023-01-10",
              required_for=("建议原文",)),
    FieldSpec("assigned_date", "交办日期", "date", False,
              "建议或提案交办给本单位的日期，格式 YYYY-MM-DD；用于统计三个月内办结的比例。",
              "2023-04-20"),
    FieldSpec("reply_date", "答复日期", "date", False,
              "这份文件的日期，格式 YYYY-MM-DD，不能晚于今天；其年份即本文件所属年度。"
              "答复、再次答复、会办意见、办理进展必填；建议原文不写（写 submitted_date）。", "2023-07-17",
              required_for=DATED_TYPES, only_for=DATED_TYPES),
    FieldSpec("topics", "主题", "topics", True,
              "至少一个主题，取自主题名录（replies/topics.yml）中的名称或别名。", ["营商环境"]),
    FieldSpec("satisfaction", "代表/委员满意度", "choice", False,
              "征询意见表中代表或委员对这份答复的意见：满意、基本满意或不满意；未反馈则不填。", "满意",
              choices=SATISFACTIONS, only_for=REPLY_TYPES),
    FieldSpec("promised", "承诺事项", "text", False,
              "B类答复承诺办理的事项，例如 年底前完成城北停车场建设；以后的办理进展文件报告落实情况。",
              "年底前完成城北停车场建设", only_for=REPLY_TYPES),
    FieldSpec("promised_by", "承诺完成日期", "date", False,
              "承诺事项的完成期限，格式 YYYY-MM-DD，可以晚于今天。", "2024-12-31",
              only_for=REPLY_TYPES, future_ok=True),
    FieldSpec("disclosure", "公开方式", "choice", False,
              "全文公开（默认）、摘要公开或不予公开；后两种必须填写 disclosure_note。"
              "摘要公开时正文写摘要；不予公开时正文留空。", "全文公开",
              choices=DISCLOSURES, default=DEFAULT_DISCLOSURE),
    FieldSpec("disclosure_note", "不全文公开的理由", "text", False,
              "公开方式不是全文公开时，说明理由。", "涉及第三方商业信息"),
    FieldSpec("cc", "抄送", "list", False,
              "抄送单位列表。", ["区人大常委会选举任免联络办公室", "区政府督查室"]),
    FieldSpec("contact", "联系单位及电话", "text", False,
              "联系单位及办公电话，例如 新建区政数局 83098603；不得填写个人手机号码。",
              "新建区政数局 83098603"),
    FieldSpec("postcode", "邮政编码", "text", False, "联系单位的邮政编码，六位数字。",
              "330100"),
    FieldSpec("source_url", "原文链接", "url", False,
              "答复原文在政府网站上的地址（http 或 https）。",
              "https://www.example.gov.cn/art/2023/7/17/art_1.html"),
    FieldSpec("former_ids", "曾用编号", "ids", False,
              "本文件以前用过的编号（改过编号时填写）；网站在旧网址保留跳转页，外部链接不会失效。",
              ["xinjian-2023-jianyi-55-old"]),
    FieldSpec("attachments", "原件", "attachments", False,
              "答复原件（PDF、Word 或文本文件）列表，每项写 path（相对于本答复文件所在文件夹的路径，"
              "文件须放在答复文件夹内）和 sha256（文件的 SHA-256 校验值，replysite import 自动填写）；"
              "原件随网站发布，页面上链接为“原件”。",
              [{"path": "xinjian-2023-jianyi-55.原件.pdf",
                "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}]),
    FieldSpec("privacy_allow", "隐私检查例外", "list", False,
              "经审核确认可以公开的号码或地址（例如单位公开的服务电话），逐项列出；"
              "隐私检查不再对这些内容报错。", ["12345"]),
)

FIELDS_BY_NAME: dict[str, FieldSpec] = {f.name: f for f in FIELDS}


BODY = "body"  # pseudo-field: the Markdown after the front-matter


def field_label(name: str) -> str:
    if name == BODY:
        return "正文"
    spec = FIELDS_BY_NAME.get(name)
    return f"{name}（{spec.label}）" if spec else name


def json_schema(unit_names: list[str] | None = None, topic_names: list[str] | None = None
                ) -> dict[str, Any]:
    """The JSON Schema of the front-matter (draft 2020-12), derived from FIELDS.

    With registry names given, `unit`/`co_units`/`topics` are restricted to them so that
    editors can offer completions.
    """
    props: dict[str, Any] = {}
    for f in FIELDS:
        item: dict[str, Any] = {"type": "string", "minLength": 1}
        if f.type in ("id", "ids"):
            item["pattern"] = ID_PATTERN
        elif f.type == "choice":
            item["enum"] = list(f.choices)
        elif f.type == "date":
            item["pattern"] = r"^\d{4}-\d{2}-\d{2}$"
        elif f.type == "url":
            item["pattern"] = r"^https?://"
        elif f.type in ("unit", "units") and unit_names:
            item["enum"] = sorted(unit_names)
        elif f.type == "topics" and topic_names:
            item["enum"] = sorted(topic_names)
        if f.name == "postcode":
            item["pattern"] = r"^\d{6}$"
        if f.type == "attachments":
            item = {"type": "object", "required": ["path", "sha256"], "additionalProperties": False,
                    "properties": {
                        "path": {"type": "string", "minLength": 1, "pattern": r"\.(pdf|docx|txt)$",
                                 "description": "相对于本答复文件所在文件夹的路径"},
                        "sha256": {"type": "string", "pattern": SHA256_PATTERN,
                                   "description": "文件的 SHA-256 校验值（64 位小写十六进制）"}}}
        if f.is_list:
            prop: dict[str, Any] = {"type": "array", "items": item}
            if f.required:
                prop["minItems"] = 1
        else:
            prop = item
        prop["title"] = f.label
        prop["description"] = f.help
        if f.example is not None:
            prop["examples"] = [f.example]
        if f.default is not None:
            prop["default"] = f.default
        props[f.name] = prop
    rules = []
    for doc_type in DOC_TYPES:  # keys some document types must have
        needed = [f.name for f in FIELDS if doc_type in f.required_for]
        if not needed:
            continue
        is_type: dict[str, Any] = {"properties": {"doc_type": {"const": doc_type}}, "required": ["doc_type"]}
        if doc_type == DEFAULT_DOC_TYPE:
            is_type = {"anyOf": [is_type, {"not": {"required": ["doc_type"]}}]}
        rules.append({"if": is_type, "then": {"required": needed}})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "reply.schema.json",
        "title": "答复文件前置元数据",
        "description": "replies/ 下每个答复 Markdown 文件开头 YAML 前置元数据的格式。",
        "type": "object",
        "properties": props,
        "required": [f.name for f in FIELDS if f.required],
        "allOf": rules,
        "additionalProperties": False,
    }
