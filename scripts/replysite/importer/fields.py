"""Field extractors for the letter's head: 文号, 办理类别, 建议号, 会议, 类型, 标题.

Each function handles one pattern and returns None when it does not find it; nothing is
guessed. Callers decide which part of the letter (header, heading, body, tail) to search, so
that page furniture and stray text from other documents are never taken as metadata.
"""

from __future__ import annotations

import re

from .clean import COLON, compact

_OPEN, _CLOSE = "〔［\\[(（【", "〕］\\])）】"
DOC_NUMBER_RE = re.compile(
    rf"([\u4e00-\u9fa5A-Za-z]{{1,16}}\s*[{_OPEN}]\s*\d{{4}}\s*[{_CLOSE}]\s*第?\s*\d+\s*号)")
_CN_NUM = "[一二三四五六七八九十百〇零两]+"
_REGION = r"(?:(?![的您你们是上对关于在])[\u4e00-\u9fa5]){0,12}?"
_SESSION_RES = [re.compile(p) for p in (
    # 政协某某县第九届委员会第三次会议 / 中国人民政治协商会议某某市第十三届委员会第二次会议
    rf"(?:中国人民政治协商会议|政协){_REGION}第{_CN_NUM}届委员会第{_CN_NUM}次(?:全体)?会议",
    # 政协第十三届北京市委员会第二次会议
    rf"(?:中国人民政治协商会议|政协)第{_CN_NUM}届{_REGION}委员会第{_CN_NUM}次(?:全体)?会议",
    # 区十八届人大二次会议 / 县九届政协一次会议 / 新建区第十八届人民代表大会第二次会议 /
    # 市政协十三届二次会议 / 十三届全国人大一次会议 / 全国政协十四届二次会议
    rf"{_REGION}(?:政协|人大)?第?{_CN_NUM}届(?:全国)?(?:人大|人民代表大会|政协|委员会)?"
    rf"(?:常委会)?第?{_CN_NUM}次(?:全体)?会议",
)]
# A session never spans these words: "…局关于县九届…", "您在区十八届…".
_SESSION_BREAK = re.compile(r"关于|对|在")
NUMBER = r"[A-Za-z]{0,4}\d{1,8}"


def doc_number(lines: list[str]) -> str | None:
    """文号 with 〔〕, [] or () brackets: `新政数提复字〔2023〕1号`, `新交字[2020]11号`,
    `新农函(2021)第7号`, also when the category follows on the same line."""
    for line in lines:
        line = re.sub(rf"^(?:文\s*号|发文字号|发文文号|答复文号){COLON}", "", line)
        match = DOC_NUMBER_RE.search(line)
        if match and not re.search(r"索\s*引\s*号", line):
            return re.sub(r"\s+", "", match.group(1))
    return None


_LETTER = r"([A-Da-d])"


def category_value(value: str) -> str | None:
    """A labelled category's value: `A类`, `B`, `（C）`, `(C类)`, `A类（已解决）`."""
    match = re.match(rf"^[(（]?\s*{_LETTER}\s*类?\s*[)）]?(?![A-Za-z0-9])", compact(value.strip()))
    return match.group(1).upper() if match else None


def labelled_category(line: str) -> str | None:
    """`分类：A类`, `类别:A类`, `办复类别:B类`, `办理类别：C`, `答复类别（D类）`, `办理结果：（C）`."""
    match = re.match(rf"^(?:(?:办复|办理|答复)?(?:分类|类别|类型)|办理结果(?:类别)?)\s*(?:[:：]|(?=[(（]))\s*(.+)$",
                     compact(line))
    return category_value(match.group(1)) if match else None


def standalone_category(line: str, bare: bool = False) -> str | None:
    """A line that is only the category, alone or at the end of the letter: `A类`, `（B类）`,
    `A类 同意公开`, or after a 文号: `新交提复字〔2020〕11号A类 同意公开`; with `bare`, a lone
    letter `A` too (written at the top right of the first page)."""
    disclosure = r"(?:\s*[(（]?\s*(?:同意|主动|依申请|不予|不)?公开(?:发布)?\s*[)）]?)?"
    line = compact(line)
    match = re.match(rf"^(?:.*号)?\s*[(（]?\s*{_LETTER}\s*类\s*[)）]?{disclosure}$", line)
    if not match and bare:
        match = re.match(rf"^[(（]?\s*{_LETTER}\s*[)）]?$", line)
    return match.group(1).upper() if match else None


def heading_category(heading: str) -> str | None:
    """The category after the heading: `…的答复（B）`, `…的答复(A类)`."""
    match = re.search(rf"(?:答复|复函|的函)\s*[(（]\s*{_LETTER}\s*类?\s*[)）]$", compact(heading))
    return match.group(1).upper() if match else None


def heading_number(heading: str) -> str | None:
    """The number in the reply's heading: `…第55号建议的答复`, `…（72号）…`, `…第2024087号提案…`,
    `…0919号建议…` without 第, `…“312号”建议…`, `第DH0271号`, `第 6750 号`."""
    text = compact(heading)
    for pattern in (rf"第\s*({NUMBER})\s*号", rf"[“\"‘]\s*({NUMBER})\s*号\s*[”\"’]",
                    rf"(?<![\d〔〕\[\]A-Za-z])({NUMBER})\s*号\s*(?:代表)?(?:建议|提案|议案)",
                    rf"[(（]\s*(?:第|编号)?\s*({NUMBER})\s*号\s*[)）]"):
        match = re.search(pattern, text)
        if match:
            return match.group(1)
    return None


def number_value(value: str) -> str | None:
    """A labelled number's value: `55`, `第55号`, `0123`, `DH0271`."""
    match = re.fullmatch(rf"第?\s*({NUMBER})\s*号?", compact(value.strip()))
    return match.group(1) if match else None


def body_number(paragraph: str) -> str | None:
    """The number named in the opening sentence: `您提出的第72号建议`, `建议（第72号）`,
    `《…》（提案第124337号）`."""
    text = compact(paragraph)
    match = re.search(rf"第\s*({NUMBER})\s*号\s*(?:代表)?(?:建议|提案)", text) or re.search(
        rf"(?:建议|提案|》|”)\s*[(（]\s*(?:建议|提案)?\s*第\s*({NUMBER})\s*号\s*[)）]", text)
    return match.group(1) if match else None


def session(text: str) -> str | None:
    """The session as written: `区十八届人大二次会议`, `县九届政协一次会议`,
    `政协某某县第九届委员会第三次会议`, `新建区第十八届人民代表大会第二次会议`,
    `十三届全国人大一次会议`."""
    for pattern in _SESSION_RES:
        for piece in _SESSION_BREAK.split(text):
            match = pattern.search(piece)
            if match:
                return match.group(0)
    return None


def session_kind(text: str) -> str | None:
    """建议 for a people's congress session, 提案 for a CPPCC one."""
    if re.search(r"人大|人民代表大会", text):
        return "建议"
    if re.search(r"政协|委员会第", text):
        return "提案"
    return None


def kind_from_text(text: str) -> str | None:
    """建议 or 提案 when the text names exactly one of them (`…建议的答复`, `提案收悉`)."""
    has_jianyi, has_tian = "建议" in text, "提案" in text
    if has_jianyi != has_tian:
        return "建议" if has_jianyi else "提案"
    return None


def kind_from_heading(heading: str) -> str | None:
    """The kind the heading names: the word after the number (`第45号建议`), else the one word
    it names outside a quoted title, else its session (人大 / 政协)."""
    text = without_quotes(compact(heading))
    match = re.search(rf"{NUMBER}\s*号\s*[”\"’]?\s*(?:代表)?(建议|提案)", text)
    if match:
        return match.group(1)
    return session_kind(text) or kind_from_role(text) or kind_from_text(text)


def kind_from_role(text: str) -> str | None:
    """代表 (people's congress) → 建议; 委员 / 委员小组 (CPPCC) → 提案."""
    if "代表" in text:
        return "建议"
    if "委员" in text:
        return "提案"
    return None


def without_quotes(text: str) -> str:
    """The text without quoted titles (`《…》`, `“…”`): the kind a title names is not the kind
    of the item (CPPCC members often title a proposal `…的建议`)."""
    return re.sub(r"《[^《》]*》|“[^“”]*”|\"[^\"]*\"", "", text)


_TITLE_TAIL = r"(?=[(（][^()（）]{0,20}号[)）]|已?收悉|已?收到|悉|现|已|[，,。；;])"


def is_title(text: str) -> bool:
    return text.startswith(("关于", "对")) or text.endswith(("建议", "提案", "议案", "意见"))


def opening_sentence(paragraphs: list[str]) -> str | None:
    """The sentence acknowledging the suggestion (`您提出的…收悉`) in the first paragraphs."""
    for paragraph in paragraphs[:3]:
        for sentence in re.split(r"(?<=[。！？])", paragraph):
            if re.search(r"收悉|收到|提出|所提|领衔|转来|交办|交由", sentence):
                return sentence
    return None


def _quoted(sentence: str) -> list[tuple[int, int, str]]:
    """Quoted texts (start, end, text): 《…》 (which may hold “…”), then “…” outside them."""
    found = [(m.start(), m.end(), m.group(1)) for m in re.finditer(r"《\s*([^《》]{2,150}?)\s*》", sentence)]
    for m in re.finditer(r"[“\"]\s*([^“”\"《》]{2,150}?)\s*[”\"]", sentence):
        if not any(a <= m.start() < b for a, b, _ in found):
            found.append((m.start(), m.end(), m.group(1)))
    return sorted(found)


def quoted_title(sentence: str) -> str | None:
    """The title inside 《》 or “”: the first that follows 提出的/所提/领衔提出的 or that is
    followed by 收悉, else the first that reads as a title: `您提出的《关于…的建议》收悉`,
    `您提出的关于“关于…的建议”的建议收悉`, `《关于以人工智能赋能“一网通办”的建议》`;
    `关于“加强课后服务”的建议` gives `关于加强课后服务的建议` (the quote marks dropped)."""
    quoted = _quoted(sentence)
    for start, end, text in quoted:
        before, after = sentence[max(0, start - 8):start], sentence[end:end + 24]
        if text.endswith(("答复", "回复", "复函")):
            continue
        acknowledged = re.search(r"(?:提出|所提|领衔提出|联名提出|交办|转来|交由我\S{0,2}办理)的?(?:关于)?$", before) \
            or re.match(r"^(?:的(?:建议|提案))?\s*(?:[(（][^()（）]{0,20}号[)）])?\s*(?:已|均)?(?:收悉|收到|悉)", after)
        if not acknowledged:
            continue
        if is_title(text):
            return text
        wrapper = re.match(r"^的(建议|提案)", after)
        if before.endswith("关于") and wrapper:
            return f"关于{text}的{wrapper.group(1)}"
        if sentence[start] == "《" and re.match(r"^\s*(?:[(（][^()（）]{0,20}号[)）])?\s*(?:已|均)?(?:收悉|收到)", after):
            return text
    for _, _, text in quoted:
        if is_title(text) and not text.endswith(("答复", "回复", "复函")):
            return text
    return None


def plain_title(sentence: str) -> str | None:
    """An unquoted title: `您提出的关于加快农村公路建设的建议收悉`."""
    match = re.search(rf"(关于(?:(?!关于).){{2,100}}?的?(?:建议|提案)){_TITLE_TAIL}", sentence)
    return match.group(1) if match else None


def labelled_title(values: list[str]) -> str | None:
    """The first labelled title (`案由：…`, `建议标题<TAB>…`) that reads as a title and is not
    the reply's own heading (`标题：关于…的答复`)."""
    for value in values:
        value = value.strip().strip("《》“”\"")
        if len(value) >= 4 and not re.search(r"(?:答复|回复|复函|的函|意见)$", value):
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
    if match and not re.search(r"第?\s*[A-Za-z]*\d+\s*号", match.group(1)) \
            and not _SESSION_WORDS.search(match.group(1)):
        text = match.group(1)
        return (text if text.startswith("关于") else "关于" + text), False
    match = re.search(r"关于(?:对)?(.{2,100}?)的?第\s*\d+\s*号(建议|提案)的(?:答复|回复)", heading)
    if match and not _SESSION_WORDS.search(match.group(1)):
        return f"关于{match.group(1)}的{match.group(2)}", True
    return None, False
