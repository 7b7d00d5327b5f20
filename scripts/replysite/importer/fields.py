"""Field extractors for the letter's head: 文号, 办理类别, 建议号, 会议, 类型, 标题.

Each function handles one pattern and returns None when it does not find it; nothing is
guessed. Callers decide which part of the letter (header, heading, body, tail) to search, so
that page furniture and stray text from other documents are never read as metadata.
"""

from __future__ import annotations

import re

from .clean import COLON, label

_OPEN, _CLOSE = "〔［\\[(（【", "〕］\\])）】"
DOC_NUMBER_RE = re.compile(
    rf"([\u4e00-\u9fa5A-Za-z]{{1,16}}[{_OPEN}]\s*\d{{4}}\s*[{_CLOSE}]\s*第?\s*\d+\s*号)")
_CN_NUM = "[一二三四五六七八九十百〇零两]+"
_REGION = r"(?:(?![的您你们是上])[\u4e00-\u9fa5]){0,12}?"
_SESSION_RES = [re.compile(p) for p in (
    # 政协某某县第九届委员会第三次会议 / 中国人民政治协商会议某某市第十三届委员会第二次会议
    rf"(?:中国人民政治协商会议|政协){_REGION}第{_CN_NUM}届委员会第{_CN_NUM}次(?:全体)?会议",
    # 区十八届人大二次会议 / 县九届政协一次会议 / 新建区第十八届人民代表大会第二次会议 / 市政协十三届二次会议
    rf"{_REGION}(?:政协|人大)?第?{_CN_NUM}届(?:人大|人民代表大会|政协|委员会)?"
    rf"(?:常委会)?第?{_CN_NUM}次(?:全体)?会议",
)]
# A session never spans these words: "…局关于县九届…", "您在区十八届…".
_SESSION_BREAK = re.compile(r"关于|对|在")


def doc_number(lines: list[str]) -> str | None:
    """文号 with 〔〕, [] or () brackets: `新政数提复字〔2023〕1号`, `新交字[2020]11号`,
    `新农函(2021)第7号`, also when the category follows on the same line."""
    for line in lines:
        line = re.sub(rf"^(?:文\s*号|发文字号){COLON}", "", line)
        match = DOC_NUMBER_RE.search(line)
        if match:
            return re.sub(r"\s+", "", match.group(1))
    return None


def _category_letter(text: str) -> str:
    return text.upper()


def labelled_category(line: str) -> str | None:
    """`分类：A类`, `类别:A类`, `办复类别:B类`, `办理类别：C`, `答复类别（D类）`."""
    match = re.search(rf"(?:办复|办理|答复)?(?:分类|类别)(?:{COLON}|\s*[(（]\s*)([A-Da-d])\s*类?", line)
    return _category_letter(match.group(1)) if match else None


def standalone_category(line: str) -> str | None:
    """A line that is only the category, alone or at the end of the letter: `A类`, `（B类）`,
    `A类 同意公开`, or the category after a 文号: `新交提复字〔2020〕11号A类 同意公开`."""
    disclosure = r"(?:\s*[(（]?\s*(?:同意|主动|依申请|不予|不)?公开(?:发布)?\s*[)）]?)?"
    match = re.match(rf"^(?:.*号)?\s*[(（]?\s*([A-Da-d])\s*类\s*[)）]?{disclosure}$", line)
    return _category_letter(match.group(1)) if match else None


def category(lines: list[str]) -> str | None:
    """The category from the first labelled or standalone category line."""
    for line in lines:
        found = labelled_category(line) or standalone_category(line)
        if found:
            return found
    return None


def heading_number(heading: str) -> str | None:
    """The number in the reply's heading: `…第55号建议的答复`, `…（72号）…`,
    `…第2024087号提案的答复`."""
    match = re.search(r"第\s*(\d+)\s*号", heading) or re.search(
        r"[(（]\s*(\d+)\s*号\s*[)）]", heading)
    return match.group(1) if match else None


_NUMBER_LABEL = (rf"(?:建议|提案|议案)?\s*(?:{label('号码')}|{label('编号')}|{label('案号')}|号)"
                 rf"|{label('编号')}")


def labelled_number(lines: list[str]) -> str | None:
    """A labelled number: `建议号码：55号`, `提案编号：2024087`, `建议号 72`, or the bare
    number on the line after a label alone (`建议编号` / `72`)."""
    for index, line in enumerate(lines):
        match = re.match(rf"^(?:{_NUMBER_LABEL})(?:{COLON}|\t+|\s+)第?\s*(\d+)\s*号?(?:\s|$)", line)
        if match:
            return match.group(1)
        if re.fullmatch(rf"(?:{_NUMBER_LABEL})\s*[:：]?", line):
            after = [x for x in lines[index + 1:index + 3] if x]
            if after and (bare := re.fullmatch(r"第?\s*(\d+)\s*号?", after[0])):
                return bare.group(1)
    return None


def body_number(paragraph: str) -> str | None:
    """The number named in the opening sentence: `您提出的第72号建议`, `建议（第72号）`."""
    match = re.search(r"第\s*(\d+)\s*号\s*(?:建议|提案)", paragraph) or re.search(
        r"(?:建议|提案)\s*[(（]?\s*第\s*(\d+)\s*号", paragraph)
    return match.group(1) if match else None


def session(text: str) -> str | None:
    """The session as written: `区十八届人大二次会议`, `县九届政协一次会议`,
    `政协某某县第九届委员会第三次会议`, `新建区第十八届人民代表大会第二次会议`."""
    for pattern in _SESSION_RES:
        for piece in _SESSION_BREAK.split(text):
            match = pattern.search(piece)
            if match:
                return match.group(0)
    return None


def kind_from_text(text: str) -> str | None:
    """建议 or 提案 when the text names exactly one of them (`…建议的答复`, `提案收悉`)."""
    has_jianyi, has_tian = "建议" in text, "提案" in text
    if has_jianyi != has_tian:
        return "建议" if has_jianyi else "提案"
    return None


def kind_from_role(salutation: str) -> str | None:
    """代表 (people's congress) → 建议; 委员 / 委员小组 (CPPCC) → 提案."""
    if "代表" in salutation:
        return "建议"
    if "委员" in salutation:
        return "提案"
    return None


_QUOTED = re.compile(r"[《“「\"]\s*([^《》“”「」\"]{2,100}?)\s*[》”」\"]")
_TITLE_TAIL = r"(?=已?收悉|已?收到|悉|现|已|[，,。；;])"


def _is_title(text: str) -> bool:
    return text.startswith("关于") or text.endswith(("建议", "提案", "议案"))


def opening_sentence(paragraphs: list[str]) -> str | None:
    """The sentence acknowledging the suggestion (`您提出的…收悉`) in the first paragraphs."""
    for paragraph in paragraphs[:3]:
        for sentence in re.split(r"(?<=[。！？])", paragraph):
            if re.search(r"收悉|收到|提出|所提|领衔|转来|交办", sentence):
                return sentence
    return None


def quoted_title(sentence: str) -> str | None:
    """A title inside 《》 or “”: `您提出的《关于…的建议》收悉`,
    `您提出的关于“关于…的建议”的建议收悉`."""
    for match in _QUOTED.finditer(sentence):
        if _is_title(match.group(1)):
            return match.group(1)
    return None


def plain_title(sentence: str) -> str | None:
    """An unquoted title: `您提出的关于加快农村公路建设的建议收悉`."""
    match = re.search(rf"(关于(?:(?!关于).){{2,100}}?的?(?:建议|提案)){_TITLE_TAIL}", sentence)
    return match.group(1) if match else None


_TITLE_LABEL = re.compile(rf"^(?:(?:建议|提案)?{label('题目')}|{label('案由')}|{label('标题')}|"
                          rf"(?:建议|提案){label('名称')}|(?:建议|提案){label('内容')})"
                          rf"(?:{COLON}|\t+)(?P<value>[^\t]+)")


def labelled_title(lines: list[str]) -> str | None:
    """`建议题目：…`, `案由：…`, `标题：…`, a form row `建议内容<TAB>关于…`."""
    for line in lines:
        match = _TITLE_LABEL.match(line)
        if match:
            value = match["value"].strip().strip("《》“”\"")
            if _is_title(value) and not value.endswith(("答复", "回复")):
                return value
    return None


_SESSION_WORDS = re.compile(r"人大|政协|会议|届|代表|委员")


def heading_title(heading: str) -> tuple[str | None, bool]:
    """A title in the reply's heading: `关于《关于…的建议》的答复`, `关于…的建议的答复`,
    or `关于…第N号建议的答复` (then rebuilt as `关于…的建议`; second value True)."""
    found = quoted_title(heading)
    if found:
        return found, False
    match = re.search(r"关于(?:对)?(.{2,100}?的?(?:建议|提案))\s*(?:[(（]\s*第?\s*\d+\s*号\s*[)）])?"
                      r"\s*的(?:答复|回复|复函)", heading)
    if match and not re.search(r"第\s*\d+\s*号", match.group(1)) \
            and not _SESSION_WORDS.search(match.group(1)):
        text = match.group(1)
        return (text if text.startswith("关于") else "关于" + text), False
    match = re.search(r"关于(?:对)?(.{2,100}?)的?第\s*\d+\s*号(建议|提案)的(?:答复|回复)", heading)
    if match and not _SESSION_WORDS.search(match.group(1)):
        return f"关于{match.group(1)}的{match.group(2)}", True
    return None, False
