"""A small stdlib HTML article extractor (fallback when trafilatura is unavailable):
drops script/style/nav/header/footer/aside/form, keeps headings, paragraphs and list items
(inside <article> or <main> when the page has one), and reads title, date, site name and
canonical URL from the usual meta tags."""
from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

SKIP = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template", "svg", "button"}
BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "figcaption", "div", "br"}
META_DATE = ("article:published_time", "datepublished", "pubdate", "date", "dc.date", "og:published_time")


class _Extractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.blocks: dict[str, list[str]] = {"article": [], "main": [], "body": []}
        self.inside: list[str] = []
        self.cur: list[str] = []
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.in_title = False
        self.canonical = ""

    def _flush(self):
        text = " ".join("".join(self.cur).split())
        self.cur = []
        if text:
            for key in ("article", "main"):
                if key in self.inside:
                    self.blocks[key].append(text)
            self.blocks["body"].append(text)

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag in SKIP:
            self.skip += 1
        elif tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"])
        elif tag == "link" and a.get("rel", "").lower() == "canonical":
            self.canonical = a.get("href", "")
        elif tag == "title":
            self.in_title = True
        elif tag == "time" and a.get("datetime"):
            self.meta.setdefault("time", a["datetime"])
        if tag in ("article", "main"):
            self.inside.append(tag)
        if tag in BLOCKS:
            self._flush()

    def handle_endtag(self, tag):
        if tag in SKIP and self.skip:
            self.skip -= 1
        elif tag == "title":
            self.in_title = False
        if tag in BLOCKS:
            self._flush()
        if tag in ("article", "main") and tag in self.inside:
            self._flush()
            self.inside.remove(tag)

    def handle_data(self, data):
        if self.in_title:
            self.title_parts.append(data)
        elif not self.skip:
            self.cur.append(data)


def simple_extract(html: str) -> dict[str, Any]:
    """``{"text", "title", "date", "url", "outlet"}`` of an HTML page (None when unknown)."""
    p = _Extractor()
    p.feed(html)
    p.close()
    p._flush()
    blocks = p.blocks["article"] or p.blocks["main"] or p.blocks["body"]
    title = p.meta.get("og:title") or " ".join("".join(p.title_parts).split()) or None
    if blocks and title and blocks[0].strip() in title:
        title = blocks[0].strip()
    if blocks and title and blocks[0].strip() == title:
        blocks = blocks[1:]
    date = next((p.meta[k] for k in META_DATE if p.meta.get(k)), None) or p.meta.get("time")
    return {"text": "\n\n".join(blocks), "title": title, "date": date,
            "url": p.meta.get("og:url") or p.canonical or None, "outlet": p.meta.get("og:site_name") or None}
