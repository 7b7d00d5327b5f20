"""Hostile values for the safety tests: what an outside document or a pull request could put in
every field of a reply, in the registries and in a body. Every payload that would run script
calls alert(), so a browser test notices it by the dialog alone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from replysite.model import Reply, Topic, Unit

# For one-line values: titles, names, numbers, registry names.
FORMULA = '=HYPERLINK("http://x.cn","点我")'
FIELD_PAYLOADS = (
    '<img src=x onerror=alert(1)>',
    '"><svg onload=alert(2)>',
    "'><script>alert(3)</script>",
    '</title><script>alert(4)</script>',
    '&lt;script&gt;alert(5)&lt;/script&gt;',
    '标题 {: autofocus onfocus=alert(6) }',
    '<a href="javascript:alert(7)">链接</a>',
    '[点我](javascript:alert(8))',
    '<!-- --!><img src=x onerror=alert(9)>',
    '{{ 7*7 }}{% raw %}<b>粗</b> # * _ | ! : - = 1. >',
    FORMULA,
    '</textarea><noscript><p title="</noscript><img src=x onerror=alert(10)>">',
)
# Reply bodies (Markdown with raw HTML).
BODY_PAYLOADS = (
    '<script>alert(11)</script>',
    '<img src=x onerror=alert(12)>',
    '<!-- --!><img src=x onerror=alert(13)>',
    '<noscript><p title="</noscript><img src=x onerror=alert(14)>">',
    '[链接一](jav&#x61;script:alert(15))',
    '[链接二](javascript&#58;alert(16))',
    '段落\n{: onclick=alert(17) }',
    '[链接三](https://www.example.gov.cn/)\n{: href="javascript:alert(18)" }',
    '<xmp><img src=x onerror=alert(19)></xmp>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(20)>',
    '<iframe srcdoc="<script>alert(21)</script>"></iframe>',
    '<a href="&#106;avascript:alert(22)">链接四</a>',
    '## 小标题 {: id="__config" }',
    '<svg><animate onbegin=alert(23) attributeName=x dur=1s>',
    '<details open ontoggle=alert(24)>细节</details>',
    '<form action="javascript:alert(25)"><button>提交</button></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(26)">',
    '<base href="javascript:alert(27)//">',
    '<object data="javascript:alert(28)"></object><embed src="javascript:alert(29)">',
    '![图](x" onerror="alert(30))',
    '<p style="background:url(javascript:alert(31))">样式</p>',
    'RSHTMLBLOCK0X',
    '<p>RSHTMLBLOCK1X</p>',
    '## 标题 {: data-toc-label="<img src=x onerror=alert(32)>" }',
    '<div>没有闭合的标签',
    '```\n<script>alert(33)</script>\n```\n',
    '<table><tr><td>没有闭合的表格',
)
SOURCE_URLS = ('https://www.example.gov.cn/a"><script>alert(40)</script>', "javascript:alert(41)",
               "https://www.example.gov.cn/ok.html")
BODY_MARKER = "正文标记"  # every hostile body also holds this, to find the body on the page


def hostile_registries() -> tuple[list[Unit], list[Topic]]:
    units = [Unit(f"unit-{i}", f"单位{i}{p}", (f"简称{i}{p}",), (f"别名{i}",))
             for i, p in enumerate(FIELD_PAYLOADS)]
    topics = [Topic(f"topic-{i}", f"主题{i}{p}") for i, p in enumerate(FIELD_PAYLOADS)]
    return units, topics


def hostile_replies() -> list[Reply]:
    """One reply per field payload, with it in every field at once, and the body payloads
    spread over the bodies. Built directly, as if every check had let it through."""
    units, topics = hostile_registries()
    replies = []
    for i, p in enumerate(FIELD_PAYLOADS):
        body = "\n\n".join([f"尊敬的{p}代表：", BODY_MARKER]
                           + [BODY_PAYLOADS[k] for k in range(i, len(BODY_PAYLOADS), len(FIELD_PAYLOADS))])
        replies.append(Reply(
            id=f"hostile-{i}", kind="建议" if i % 2 else "提案", number=f"{i}{p}", title=f"关于{p}的建议",
            proposers=(f"代表{p}", f"代表乙{i}"), unit=units[i], co_units=(units[(i + 1) % len(units)],),
            reply_date=dt.date(2023, 1, 1) + dt.timedelta(days=i), topics=(topics[i],), body=body,
            source_path=Path(f"replies/hostile-{i}.md"), session=f"会议{p}", doc_number=f"文号{p}",
            category="ABCD"[i % 4], satisfaction="满意", disclosure="摘要公开" if i == 3 else "全文公开",
            disclosure_note=f"理由{p}" if i == 3 else None, cc=(p, f"抄送{i}"), contact=p,
            postcode=f"33010{i % 10}", source_url=SOURCE_URLS[i % len(SOURCE_URLS)]))
    return replies
