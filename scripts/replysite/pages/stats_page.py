"""The 统计 page: bar charts in plain HTML/CSS (no JavaScript, no external files) that shrink
to a phone's width, each followed by a table of the same numbers."""

from __future__ import annotations

from typing import Callable

from ..archive.cases import CaseStats
from ..archive.stats import NO_FEEDBACK, Count, Stats, percent
from ..urls import OPEN_DATA_PAGE, OVERDUE_FEED, case_source, page_url


def case_url(case_id: str) -> str:
    return page_url(case_source(case_id))
from ..schema import CATEGORIES, CATEGORY_LABELS
from .markup import escape_html

Block = Callable[[str], str]

CHART_LIMIT = 15  # bars shown for units/topics; the table below lists them all
BAR_COLOR = "var(--md-primary-fg-color, #4051b5)"
TRACK_COLOR = "var(--md-default-fg-color--lightest, #e8e8e8)"
SATISFACTION_COLORS = {"满意": "#2e7d32", "基本满意": "#7cb342", "不满意": "#c62828",
                       NO_FEEDBACK: "#9e9e9e"}
# Material centres figures and shrinks them to their content; a chart needs the full width.
_FIGURE = "display:block;width:100%;max-width:42rem;margin:1em 0;text-align:left"
_ROW = "display:flex;align-items:center;gap:.5em;margin:.25em 0"
_LABEL = "flex:0 0 35%;min-width:0;overflow-wrap:anywhere;line-height:1.3"
_TRACK = f"flex:1 1 auto;min-width:2em;height:1em;background:{TRACK_COLOR};border-radius:2px"
_VALUE = "flex:0 0 auto;min-width:2.5em;text-align:right;font-variant-numeric:tabular-nums"


def _figure(name: str, inner: list[str], note: str | None = None, where: str = "下表") -> str:
    """A chart drawn with HTML/CSS; screen readers get its name and read the numbers instead."""
    label = f"{name}图表，具体数字见{where}"
    caption = f"<figcaption>{escape_html(note)}</figcaption>" if note else ""
    return "\n".join([f'<figure class="replysite-chart" style="{_FIGURE}">',
                      f'<div role="img" aria-label="{escape_html(label)}">', *inner, "</div>",
                      *([caption] if caption else []), "</figure>"])


def _bars(name: str, counts: tuple[Count, ...], limit: int | None = None,
          where: str = "下表") -> str:
    shown = counts[:limit] if limit else counts
    top = max((c.count for c in shown), default=0) or 1
    rows = [f'<div style="{_ROW}"><span style="{_LABEL}">{escape_html(c.label)}</span>'
            f'<span style="{_TRACK}"><span style="display:block;height:100%;'
            f'width:{c.count * 100 / top:.1f}%;background:{BAR_COLOR};border-radius:2px"></span></span>'
            f'<span style="{_VALUE}">{c.count}</span></div>' for c in shown]
    note = (f"图中列出件数最多的 {limit} 项，全部 {len(counts)} 项见下表。"
            if limit and len(counts) > limit else None)
    return _figure(name, rows, note, where)


def _stacked(name: str, counts: tuple[Count, ...], total: int) -> str:
    segments = "".join(
        f'<span style="display:block;width:{c.count * 100 / total:.1f}%;'
        f'background:{SATISFACTION_COLORS.get(c.key, BAR_COLOR)}"></span>'
        for c in counts if c.count)
    bar = (f'<div style="display:flex;height:1.5em;border-radius:2px;overflow:hidden;'
           f'background:{TRACK_COLOR}">{segments}</div>')
    legend = "".join(
        f'<span style="display:inline-flex;align-items:center;gap:.3em;margin-right:1em">'
        f'<span style="display:inline-block;width:.9em;height:.9em;'
        f'background:{SATISFACTION_COLORS.get(c.key, BAR_COLOR)}"></span>'
        f"{escape_html(c.label)} {c.count}（{percent(c.count, total)}）</span>" for c in counts)
    return _figure(name, [bar, f'<div style="margin-top:.4em;line-height:1.8">{legend}</div>'])


def _table(caption: str, head: str, counts: tuple[Count, ...], total: int, prefix: str) -> str:
    rows = []
    for c in counts:
        name = f'<a href="{escape_html(prefix + c.href)}">{escape_html(c.label)}</a>' if c.href else escape_html(c.label)
        rows.append(f'<tr><th scope="row">{name}</th><td>{c.count}</td>'
                    f"<td>{percent(c.count, total)}</td></tr>")
    return "\n".join([
        "<table>", f"<caption>{escape_html(caption)}</caption>",
        f'<thead><tr><th scope="col">{escape_html(head)}</th><th scope="col">件数</th>'
        f'<th scope="col">占比</th></tr></thead>', "<tbody>", *rows, "</tbody>", "</table>"])


def _section(b: Block, title: str, head: str, counts: tuple[Count, ...], total: int, prefix: str,
             limit: int | None = None, note: str | None = None) -> list[str]:
    out = [f"## {title}", "", b(_bars(title, counts, limit)), "",
           b(_table(f"{title}的答复件数", head, counts, total, prefix)), ""]
    if note:
        out[2:2] = [b(f"<p>{escape_html(note)}</p>"), ""]
    return out


def _cases_section(b: Block, cases: CaseStats, prefix: str) -> list[str]:
    e = escape_html
    as_of = cases.as_of.isoformat() if cases.as_of else "—"
    out = ["## 建议提案与办理文件", "",
           b(f"<p>截至 {as_of}（本站最新一份文件的日期），共有建议和提案 {cases.cases} 件，"
             f"公开的办理文件 {cases.documents} 份。一件建议或提案可以有多份文件：建议原文、会办意见、答复、"
             "代表不满意后的再次答复、承诺事项的办理进展。以上各节的数字按“答复”文件统计。</p>"), ""]
    rows = "".join(f'<tr><th scope="row">{e(t)}</th><td>{n}</td></tr>' for t, n in cases.by_doc_type)
    out += [b('<table>\n<caption>各类办理文件的份数</caption>\n<thead><tr><th scope="col">文件类型</th>'
              f'<th scope="col">份数</th></tr></thead>\n<tbody>{rows}</tbody>\n</table>'), ""]
    out += ["## 不满意后的再次答复", ""]
    if cases.dissatisfied:
        median = cases.median_days_to_re_reply
        days = f"从答复到再次答复的天数中位数为 {median:g} 天。" if median is not None else ""
        out += [b(f"<p>首次答复后代表或委员表示不满意的共 {cases.dissatisfied} 件，其中 {cases.re_replied} 件"
                  f"已再次答复，占 {percent(cases.re_replied, cases.dissatisfied)}。{days}</p>"), ""]
    else:
        out += [b("<p>目前没有代表或委员对答复表示不满意的记录。</p>"), ""]
    out += ["## 逾期未报告进展的承诺", ""]
    if cases.overdue:
        rows = "".join(
            f'<tr><td><a href="{e(prefix + case_url(c.id))}">{e(c.title)}</a></td><td>{e(c.promise.reply.unit.name)}</td>'
            f"<td>{e(c.promise.text)}</td><td>{c.promise.by.isoformat()}</td>"
            f"<td>{(cases.as_of - c.promise.by).days}</td></tr>" for c in cases.overdue)
        out += [b(f"<p>B 类答复中写明承诺事项和期限的共 {cases.promises} 件；期限已过（早于 {as_of}）而尚无"
                  f"办理进展文件的有 {len(cases.overdue)} 件。这份清单也可以"
                  f'<a href="{e(prefix + OVERDUE_FEED)}">订阅（Atom）</a>，或在'
                  f'<a href="{e(prefix + page_url(OPEN_DATA_PAGE))}">开放数据</a>中下载（overdue.csv）。</p>'), "",
                b('<table>\n<caption>逾期未报告进展的承诺</caption>\n<thead><tr><th scope="col">建议或提案</th>'
                  '<th scope="col">主办单位</th><th scope="col">承诺事项</th><th scope="col">期限</th>'
                  f'<th scope="col">已过天数</th></tr></thead>\n<tbody>{rows}</tbody>\n</table>'), ""]
    else:
        out += [b(f"<p>B 类答复中写明承诺事项和期限的共 {cases.promises} 件，目前没有逾期未报告进展的。</p>"), ""]
    return out


def render_stats_markdown(stats: Stats, link_prefix: str = "../", block: Block | None = None,
                          cases: CaseStats | None = None) -> str:
    """The 统计 page body. Links point to years/, units/, topics/ and categories/ pages
    under `link_prefix` (the way back to the site root from the page). `block` keeps each
    piece of HTML out of Python-Markdown (`blocks.Blocks`); without it the HTML is inline."""
    total, p = stats.total, link_prefix
    b = block or (lambda html: html)
    if total == 0:
        return "目前还没有发布答复，暂无统计数据。\n"
    kinds = "、".join(f"{c.label} {c.count} 件" for c in stats.by_kind)
    out = [b("<p>" + escape_html(f"本站共发布答复 {total} 件，其中{kinds}。以下数字在每次网站更新时根据全部答复"
                                "重新计算；摘要公开和不予公开的答复同样计入。") + "</p>"), ""]
    out += _section(b, "按年度", "年度", stats.by_year, total, p, note="年度以答复日期为准。")
    out += _section(b, "按类型", "类型", stats.by_kind, total, p)
    cat_note = "；".join(CATEGORY_LABELS[c] for c in CATEGORIES) + "。"
    out += _section(b, "按办理类别", "办理类别", stats.by_category, total, p, note=cat_note)
    out += ["## 代表/委员满意度", "",
            b("<p>根据代表、委员在征询意见表中填写的意见统计；“未反馈”指尚未记录意见的答复。"
              "占比以全部答复为基数。</p>"), "",
            b(_stacked("代表/委员满意度", stats.by_satisfaction, total)), "",
            b(_table("代表/委员满意度", "满意度", stats.by_satisfaction, total, p)), ""]
    out += ["## 三个月内答复", ""]
    n, k = stats.with_assigned_date, stats.within_three_months
    if n:
        out += [b(f"<p>记录了交办日期的答复共 {n} 件，其中 {k} 件在交办后三个月内（含）答复，"
                  f"占 {percent(k, n)}。未记录交办日期的 {total - n} 件不计入。</p>"), "",
                b(_bars("三个月内答复", (Count("yes", "三个月内", k), Count("no", "超过三个月", n - k)),
                        where="上文")),
                ""]
    else:
        out += [b("<p>目前没有答复记录交办日期，暂无法统计三个月内答复的比例。</p>"), ""]
    out += _section(b, "按主办单位", "主办单位", stats.by_unit, total, p, CHART_LIMIT)
    out += _section(b, "按主题", "主题", stats.by_topic, total, p, CHART_LIMIT,
                    note="一件答复可以属于多个主题，因此各主题件数之和可能大于答复总数；"
                         "占比以答复总数为基数。")
    out += _section(b, "按公开方式", "公开方式", stats.by_disclosure, total, p,
                    note="摘要公开的答复公开摘要；不予公开的答复只公开目录信息和不予公开的理由。")
    if cases is not None:
        out += _cases_section(b, cases, p)
    return "\n".join(out)
