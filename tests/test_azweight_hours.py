""""Nu open" weight: each distinct set of hours is written once per page (pages.share_hours, via _wrap);
the state elements point into that table (nk-open.js resolves data-nk-open-ref)."""

import json
from html.parser import HTMLParser

from generator.topics import hours
from generator.model import Hours
from generator.render.pages import _wrap, open_state

MORNING = {"openingsuren": [{"dagen": ["ma", "di"], "van": "09:00", "tot": "12:00"}]}
# text that must not leave the attribute: quotes, tags, ampersands, an entity
ODD = {"openingsuren": [{"dagen": ["wo"], "van": "13:00", "tot": "17:00"}],
       "gesloten": [{"van": "2026-12-21", "tot": "2026-12-27", "reden": "kerst 'n </div><script>x</script> & &amp;"}]}


class Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables, self.refs, self.inline = [], [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "data-nk-uren" in a:
            self.tables.append(json.loads(a["data-nk-uren"]))
        if "data-nk-open-ref" in a:
            self.refs.append((tag, a.get("class"), "hidden" in a, int(a["data-nk-open-ref"])))
        if "data-nk-open" in a:
            self.inline.append(a["data-nk-open"])


def parsed(html):
    c = Collect()
    c.feed(html)
    c.close()
    return c


def test_each_distinct_set_of_hours_is_written_once_and_referenced():
    states = [open_state(Hours.of(MORNING), "span"), open_state(Hours.of(ODD)), open_state(Hours.of(MORNING), "span"),
              open_state(Hours(), "span")]
    page = _wrap("<ul>" + "".join(f"<li>{s}</li>" for s in states) + "</ul>", searchable=False)
    found = parsed(page)
    assert found.inline == [] and len(found.tables) == 1
    table = found.tables[0]
    # once each, in the order of the page; a plain weekly block short (nk-open.js reads it back)
    assert table == [{"openingsuren": ["ma,di 09:00-12:00"]}, {**ODD, "openingsuren": ["wo 13:00-17:00"]}, {}]
    assert [ref for *_, ref in found.refs] == [0, 1, 0, 2]
    # empty and hidden until nk-open.js fills them in (and gives them their class)
    assert [(tag, cls, hidden) for tag, cls, hidden, _ in found.refs] == [
        ("span", None, True), ("p", None, True), ("span", None, True), ("span", None, True)]
    # nothing of the reason escapes the attribute: one div, no script, no raw quote or tag in the table
    attr = page[page.index("data-nk-uren='") + len("data-nk-uren='"):]
    attr = attr[:attr.index("'")]
    assert "<" not in attr and ">" not in attr and '"' in attr
    assert page.count("<script") == 0 and page.count("</div>") == 1


def test_a_page_without_states_is_left_as_it_was():
    assert _wrap("<p>geen uren</p>") == '<div class="nk-page" data-pagefind-body>\n<p>geen uren</p>\n</div>'


def test_only_a_plain_weekly_block_is_written_short():
    seasonal = {"dagen": ["wo"], "van": "09:00", "tot": "12:00", "geldig_van": "07-01", "geldig_tot": "08-31"}
    closed = {"dagen": ["za"], "gesloten": True}
    odd = {"dagen": ["ma"], "van": "9:00", "tot": "12:00"}  # not as validated: left as it is
    data = {"openingsuren": [{"dagen": ["zo", "ma"], "van": "22:00", "tot": "02:00"}, seasonal, closed, odd],
            "op_afspraak": True}
    assert hours.page_hours(data) == {"openingsuren": ["zo,ma 22:00-02:00", seasonal, closed, odd], "op_afspraak": True}
    assert hours.page_hours({"dag_en_nacht": True}) == {"dag_en_nacht": True}
