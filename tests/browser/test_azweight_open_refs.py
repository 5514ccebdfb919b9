""""Nu open" with the hours once per page (pages.share_hours): nk-open.js reads every reference back as
the very hours it replaced (plain weekly blocks written short included) and fills the element in."""

import json
from pathlib import Path

import pytest

from generator.topics import hours
from generator.model import Hours
from generator.render.pages import _wrap, open_state

from test_open import CASES
from generator import PACKAGE_DIR

pytestmark = pytest.mark.browser

MODULE = (PACKAGE_DIR / "theme" / "assets" / "netwerkkaart" / "nk-open.js").read_text(encoding="utf-8")
ODD = {"openingsuren": [{"dagen": ["wo"], "van": "13:00", "tot": "17:00"}],
       "gesloten": [{"van": "2026-12-21", "tot": "2026-12-27", "reden": "kerst 'n </div><script>x</script> & &amp;"}]}


def test_references_resolve_to_the_hours_they_replaced(browser):
    every = [c[1] for c in CASES] + [ODD, {}]
    body = _wrap("<ul>" + "".join(f"<li>{open_state(Hours.of(h), 'span')}</li>" for h in every) + "</ul>"
                 + open_state(Hours.of(every[0])), searchable=False)
    assert "data-nk-open=" not in body and body.count("data-nk-open-ref=") == len(every) + 1
    context = browser.new_context(timezone_id="America/New_York")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.clock.set_fixed_time("2026-11-30T09:00:00Z")  # Monday 10:00 in Brussels
    page.set_content(f"<!doctype html><html lang='nl'><body>{body}</body></html>")
    page.add_script_tag(content="window.NKOpenFeestdagen = " + json.dumps(hours.public_holidays(2026)) + ";")
    page.add_script_tag(content=MODULE)
    found = page.evaluate("() => Array.from(document.querySelectorAll('[data-nk-open-ref]'), NKOpen.hoursOf)")
    assert found == every + [every[0]]
    # filled in as before: class, state, icon + text, shown; the same state as from the hours themselves
    rendered = page.evaluate("""() => Array.from(document.querySelectorAll('[data-nk-open-ref]'), el =>
        [el.className, el.hidden, el.getAttribute('data-nk-state'), el.textContent])""")
    expected = page.evaluate("all => all.map(h => { var s = NKOpen.state(h); return s.icon + ' ' + s.text; })",
                             every + [every[0]])
    assert [r[:2] for r in rendered] == [["nk-open", False]] * len(rendered)
    assert [r[3] for r in rendered] == expected and rendered[0][2] == "open"
    assert page.evaluate("() => document.querySelectorAll('script, div').length") == 3  # the two scripts + the page
    assert errors == []
    context.close()
