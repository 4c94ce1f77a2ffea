"""A small edition written by hand in the shape the regional edition follows (notes of issue 13): running title,
not-final marker, cover, contents, chapters with h1/h2/h3, a chart figure with its alternative text, a long
table, a practice box, an English passage in the Arabic edition. The typography and tagging tests lay it out
without the database, so they stay quick and do not depend on what the report's content is this week."""

TEXTS = {
    "ar": {
        "title": "التقرير الإقليمي 2028", "date": "1 كانون الأول/ديسمبر 2026", "short": "التقرير الإقليمي",
        "not_final": "مسودة: تشمل استعراضات لم تُقبل بعد",
        "contents": "المحتويات", "chapter": "الرسائل الرئيسية", "section": "البيانات", "sub": "ممارسة جيدة",
        "para": "أبلغت 22 دولة عن الهدف 5 في عام 2028 بنسبة 75% من الأطفال. ", "chart": "عدد البلدان حسب المرحلة",
        "alt": "مخطط: 4 بلدان لم تبدأ، 9 بلدان في التنفيذ", "country": "البلد", "count": "العدد",
        "second": "الملخص التنفيذي",
    },
    "en": {
        "title": "Regional report 2028", "date": "1 December 2026", "short": "Regional report",
        "not_final": "Draft: includes reviews not yet accepted",
        "contents": "Contents", "chapter": "Key messages", "section": "Data", "sub": "A good practice",
        "para": "Twenty-two countries reported objective 5 in 2028, covering 75% of children. ",
        "chart": "Countries by stage", "alt": "Chart: 4 countries not started, 9 countries implementing",
        "country": "Country", "count": "Count", "second": "Executive summary",
    },
}
ENGLISH_PASSAGE = "Ministry of Labour circular 17 of 2023, see https://example.org/2023/17"


def sample_edition(lang: str, *, rows: int = 60, not_final: bool = True) -> str:
    t = TEXTS[lang]
    direction = "rtl" if lang == "ar" else "ltr"
    table_rows = "".join(f'<tr><td>{t["country"]} {number}</td><td class="num">{number * 3}</td></tr>'
                         for number in range(1, rows + 1))
    other = ("" if lang == "en" else
             f'<p class="only-in">بالإنكليزية فقط</p>'
             f'<div class="answer" lang="en" dir="ltr"><p>{ENGLISH_PASSAGE}</p></div>')
    return f"""<section class="edition edition-{lang}" lang="{lang}" dir="{direction}">
<div class="running-title">{t['short']}</div>
{f'<div class="not-final">{t["not_final"]}</div>' if not_final else ''}
<div class="cover"><h1 class="cover-title" id="{lang}-cover">{t['title']}</h1><p class="dates">{t['date']}</p></div>
<nav class="toc"><h1 id="{lang}-toc">{t['contents']}</h1><ol>
<li><a href="#{lang}-c1">{t['chapter']}</a></li><li><a href="#{lang}-c2">{t['second']}</a></li></ol></nav>
<section class="chapter" id="{lang}-c1"><h1>{t['chapter']}</h1>
<p>{t['para'] * 6}</p>{other}
<h2 id="{lang}-c1-s1">{t['section']}</h2>
<figure class="figure"><figcaption>{t['chart']}</figcaption>
<div class="chart" role="img" aria-label="{t['alt']}"><table class="bar-chart"><thead><tr>
<th scope="col">{t['country']}</th><th scope="col" class="num">{t['count']}</th></tr></thead><tbody>
<tr><td>0</td><td class="num">4</td></tr>
<tr><td>2</td><td class="num">9</td></tr></tbody></table></div></figure>
<table><caption>{t['section']}</caption>
<thead><tr><th scope="col">{t['country']}</th><th scope="col" class="num">{t['count']}</th></tr></thead>
<tbody>{table_rows}</tbody></table>
<aside class="practice-box"><h3>{t['sub']}</h3><p>{t['para']}</p></aside>
</section>
<section class="chapter" id="{lang}-c2"><h1>{t['second']}</h1><p>{t['para'] * 3}</p></section>
</section>"""
