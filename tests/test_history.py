""""Wat is nieuw" from a temporary git repository, and without git."""

import shutil
import subprocess

from helpers import CASES, TODAY
from generator.render import history
from generator.model import build_site
from generator.render.pages import news_page, render_site
from generator.validate.pipeline import validate_folder


def git(root, *args, date="2026-11-01T10:00:00"):
    env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@x", "PATH": "/usr/bin:/bin", "HOME": str(root)}
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def test_added_changed_removed_by_date(tmp_path):
    shutil.copytree(CASES / "_basis", tmp_path, dirs_exist_ok=True)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "begin", date="2026-10-01T10:00:00")
    extra = tmp_path / "partners" / "dender" / "tijdelijk.yml"
    extra.write_text((tmp_path / "partners" / "dender" / "huis-van-het-kind-zele.yml").read_text(encoding="utf-8")
                     .replace("id: huis-van-het-kind-zele", "id: tijdelijk"), encoding="utf-8")
    zele = tmp_path / "partners" / "dender" / "huis-van-het-kind-zele.yml"
    zele.write_text(zele.read_text(encoding="utf-8").replace("Hier kan je", "Bij ons kan je"), encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "nieuw en gewijzigd", date="2026-11-02T10:00:00")
    extra.unlink()
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "weg", date="2026-11-20T10:00:00")
    found = [(c.date, c.kind, c.partner_id) for c in history.changes(tmp_path)]
    assert found == [("2026-11-20", "verwijderd", "tijdelijk"), ("2026-11-02", "gewijzigd", "huis-van-het-kind-zele"),
                     ("2026-11-02", "toegevoegd", "tijdelijk"), ("2026-10-01", "toegevoegd", "huis-van-het-kind-zele")]
    site = build_site(validate_folder(tmp_path, today=TODAY).project)
    body = news_page(site, history.entries(tmp_path)).body
    assert "20 november 2026: Huis van het Kind Zele: verwijderd" in body  # tijdelijk.yml carried that name
    assert ('2 november 2026: <a href="../partners/huis-van-het-kind-zele/">Huis van het Kind Zele</a>: '
            "korte beschrijving gewijzigd") in body


def test_without_git_history_the_page_says_so(tmp_path, monkeypatch):
    shutil.copytree(CASES / "_basis", tmp_path, dirs_exist_ok=True)
    assert history.changes(tmp_path) == [] and history.entries(tmp_path) is None  # not a repository
    monkeypatch.setattr(history.shutil, "which", lambda name: None)
    assert history.changes(tmp_path) == [] and history.entries(tmp_path) is None  # no git at all
    site = build_site(validate_folder(tmp_path, today=TODAY).project)
    page = next(p for p in render_site(site, today=TODAY) if p.url == "wat-is-nieuw/")
    assert "geen geschiedenis" in page.body


def _commit(root, date, message="wijziging"):
    git(root, "add", "-A")
    git(root, "commit", "-qm", message, date=date)


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def repository(tmp_path):
    """A data folder with a history: added, phone changed and checked, a new location, a layout-only change."""
    data = tmp_path / "data"
    shutil.copytree(CASES / "_basis", data)
    git(data, "init", "-q")
    _commit(data, "2026-10-01T10:00:00", "begin")
    zele = data / "partners" / "dender" / "huis-van-het-kind-zele.yml"
    _edit(zele, '"052 44 55 66"', '"052 44 55 77"')
    _edit(zele, 'datum: "2026-10-01"\n  door: Huis van het Kind Zele', 'datum: "2026-11-16"\n  door: Regioteam Dender')
    _commit(data, "2026-11-16T09:00:00")
    _edit(zele, "locaties:\n", "locaties:\n  - adres:\n      straat: Kerkstraat 1\n      postcode: \"9200\"\n"
                                "      gemeente: Dendermonde\n    coordinaten:\n      lat: 51.0286\n      lon: 4.1003\n")
    _commit(data, "2026-11-24T09:00:00")
    _edit(zele, "naam: Huis van het Kind Zele", "naam:    Huis van het Kind Zele   # zelfde naam")  # layout only
    _commit(data, "2026-11-25T09:00:00")
    return data


def test_entries_say_which_fields_changed_per_partner_per_day(tmp_path):
    data = repository(tmp_path)
    found = [(x.date, x.region, x.partner_id, x.what) for x in history.entries(data)]
    assert found == [
        ("2026-11-24", "dender", "huis-van-het-kind-zele", ("nieuwe locatie in Dendermonde",)),
        ("2026-11-16", "dender", "huis-van-het-kind-zele", ("telefoonnummer gewijzigd", "nagekeken door Regioteam Dender")),
        ("2026-10-01", "dender", "huis-van-het-kind-zele", ("toegevoegd",)),
    ]


def test_describe_in_plain_dutch():
    old = {"id": "x", "naam": "X", "contact": {"telefoon": "1"}, "locaties": [{"adres": {"gemeente": "Zele"},
                                                                               "openingsuren": []}]}
    new = {"id": "x", "naam": "Y", "contact": {"email": "a@b.be"}, "locaties": [
        {"adres": {"gemeente": "Zele"}, "openingsuren": [{"dagen": ["ma"], "van": "09:00", "tot": "12:00"}]},
        {"adres": {"gemeente": "Hamme"}}, {"adres": {"gemeente": "Lebbeke"}, "vertrouwelijk": True}]}
    assert history.describe(old, new) == [
        "naam gewijzigd", "telefoonnummer verwijderd", "e-mailadres toegevoegd", "nieuwe locatie in Hamme",
        "nieuwe vertrouwelijke locatie", "openingsuren in Zele gewijzigd"]
    assert history.describe(None, new) == ["toegevoegd"] and history.describe(old, None) == ["verwijderd"]
    assert history.describe(old, dict(old)) == []


def test_page_groups_by_region_and_week_and_the_feed_is_valid_atom_in_order(tmp_path):
    import feedparser

    data = repository(tmp_path)
    news = history.entries(data)
    result = validate_folder(data, today=TODAY)
    assert not result.errors, result.errors
    site = build_site(result.project, today=TODAY, site_url="https://kaart.example/")
    body = news_page(site, news).body
    assert body.index("<h2>1 Gezin 1 Plan Dender (test)</h2>") < body.index("Week 48 van 2026 (23 november 2026 tot 29 november 2026)")
    assert body.index("Week 48 van 2026") < body.index("Week 47 van 2026") < body.index("Week 40 van 2026")
    assert 'href="feed.xml"' in body
    from generator.render.pages import news_feed

    feed = feedparser.parse(news_feed(site, news).encode("utf-8"))
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert [e.title for e in feed.entries] == [
        "Huis van het Kind Zele: nieuwe locatie in Dendermonde",
        "Huis van het Kind Zele: telefoonnummer gewijzigd, nagekeken door Regioteam Dender",
        "Huis van het Kind Zele: toegevoegd"]
    assert [e.updated[:10] for e in feed.entries] == ["2026-11-24", "2026-11-16", "2026-10-01"]
    assert [link.href for link in feed.entries[0].links if link.rel == "alternate"] == [
        "https://kaart.example/partners/huis-van-het-kind-zele/"]
    assert len({e.id for e in feed.entries}) == 3
    assert feed.feed.links[0].href == "https://kaart.example/wat-is-nieuw/feed.xml"


def test_feed_without_history_is_valid_and_empty(basis):
    import feedparser
    from generator.render.pages import news_feed

    site = build_site(validate_folder(basis, today=TODAY).project, today=TODAY)
    feed = feedparser.parse(news_feed(site, None).encode("utf-8"))
    assert not feed.bozo and feed.version == "atom10" and feed.entries == []


def test_two_locations_in_one_municipality_are_compared_one_to_one():
    """A phone change at one of two locations in the same municipality is that change only (each new
    location is compared with its own old one, not with the first location in the same place)."""
    first = {"naam": "Hoofdzetel", "adres": {"postcode": "9200", "gemeente": "Dendermonde", "straat": "Markt 1"}}
    second = {"naam": "Antenne", "adres": {"postcode": "9200", "gemeente": "Dendermonde", "straat": "Kerkstraat 2"},
              "openingsuren": [{"dagen": ["ma"], "van": "09:00", "tot": "12:00"}]}
    old = {"id": "x", "naam": "X", "contact": {"telefoon": "052 11 11 11"}, "locaties": [first, second]}
    new = {**old, "contact": {"telefoon": "052 22 22 22"}}
    assert history.describe(old, new) == ["telefoonnummer gewijzigd"]
    changed = {**old, "locaties": [first, {**second, "openingsuren": [{"dagen": ["di"], "van": "09:00", "tot": "12:00"}]}]}
    assert history.describe(old, changed) == ["openingsuren in Dendermonde gewijzigd"]
