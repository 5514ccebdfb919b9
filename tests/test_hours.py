"""Opening hours (generator/topics/hours.py): words, holidays, HSDS schedules. The checks are case folders
(tests/cases/NK319-*, NK340-* ... NK346-*); the "nu open" state is tested in Chromium (tests/browser/test_open.py)."""

import datetime
import json

from generator.render import export
from generator.topics import hours
from generator.model import Block, Closure, Hours
from generator.validate.pipeline import validate_folder
from helpers import ROOT

CLB_SUMMER = {"openingsuren": [
    {"dagen": ["ma", "di", "wo", "do", "vr"], "van": "08:30", "tot": "12:00"},
    {"dagen": ["ma", "di", "do", "vr"], "van": "09:00", "tot": "12:00", "geldig_van": "07-01", "geldig_tot": "08-31"},
    {"dagen": ["wo"], "gesloten": True, "geldig_van": "07-01", "geldig_tot": "08-31"}]}


def test_week_in_words():
    assert hours.week_words(Hours.of(CLB_SUMMER)) == [
        "Maandag tot vrijdag van 08:30 tot 12:00",
        "Maandag, dinsdag, donderdag en vrijdag van 09:00 tot 12:00 (van 1 juli tot en met 31 augustus)",
        "Woensdag: gesloten (van 1 juli tot en met 31 augustus)",
        "Gesloten op feestdagen."]
    night = {"openingsuren": [{"dagen": ["vr", "za"], "van": "20:00", "tot": "02:00"}], "open_op_feestdagen": True}
    assert hours.week_words(Hours.of(night)) == ["Vrijdag en zaterdag van 20:00 tot 02:00 (de volgende dag)",
                                       "Ook open op feestdagen."]
    assert hours.week_words(Hours(dag_en_nacht=True)) == ["Dag en nacht bereikbaar, ook op zon- en feestdagen."]
    assert hours.week_words(Hours(op_afspraak=True)) == ["Alleen op afspraak."]
    assert hours.closure_words(Closure("2026-12-21", "kerstweek", "2026-12-27")) == \
        "21 december 2026 tot en met 27 december 2026: kerstweek"


def test_past_midnight_rule():
    assert hours.overnight("22:00", "02:00")
    assert not hours.overnight("12:00", "09:00")  # NK319 (the old case folder)
    assert not hours.overnight("09:00", "12:00")


def test_period_dates():
    assert hours.is_period_date("02-29") and hours.is_period_date("2027-07-01")
    assert not hours.is_period_date("02-30") and not hours.is_period_date("2026-02-29")


def test_public_holidays_come_from_the_holidays_package():
    found = hours.public_holidays(2026)
    assert found["2026-07-21"] == "Nationale feestdag"
    assert found["2026-04-06"] == "Paasmaandag" and found["2027-03-29"] == "Paasmaandag"
    assert {day[:4] for day in found} == {"2026", "2027", "2028"}
    script = hours.holidays_script(datetime.date(2026, 11, 30))
    assert script.startswith("/*") and "window.NKOpenFeestdagen = " in script
    assert json.loads(script.split(" = ", 1)[1].rstrip(";\n")) == found


def test_yearly_seasons_become_dates():
    today = datetime.date(2026, 11, 30)
    assert hours._season_dates(Block(("ma",), geldig_van="07-01", geldig_tot="08-31"), today) == ("2027-07-01", "2027-08-31")
    assert hours._season_dates(Block(("ma",), geldig_van="12-15", geldig_tot="01-15"), today) == ("2026-12-15", "2027-01-15")
    assert hours._season_dates(Block(("ma",), geldig_van="2026-07-01"), today) == ("2026-07-01", None)


def test_hsds_schedules_carry_seasons_closures_and_lines():
    project = validate_folder(ROOT).project
    organizations = json.loads(export.to_hsds(project, "", datetime.date(2026, 11, 30)))
    schedules = {o["name"].split(" (")[0]: o["services"][0]["schedules"] for o in organizations}
    clb = [s for s in schedules["CLB Voorkempen"] if "valid_from" in s]
    assert {(s["byday"], s["opens_at"], s["closes_at"], s["valid_from"], s["valid_to"]) for s in clb} == {
        ("MO,TU,TH,FR", "09:00", "12:00", "2027-07-01", "2027-08-31")}
    zele = [s for s in schedules["Huis van het Kind Zele"] if s.get("notes") == "gesloten"]
    assert [(s["valid_from"], s["valid_to"], s["description"]) for s in zele] == [
        ("2026-12-21", "2026-12-27", "Gesloten: kerstweek")]
    night = [s for s in schedules["CAW Oost-Vlaanderen – vluchthuis Dender"] if "Nachtlijn" in s["description"]]
    assert [(s["byday"], s["opens_at"], s["closes_at"]) for s in night] == [("FR,SA", "20:00", "02:00")]
    assert "location_id" not in night[0]


def test_wegwijzer_and_sheet_carry_the_hours():
    from generator.render import sheet, wegwijzer
    from generator.model import build_site

    site = build_site(validate_folder(ROOT).project)
    partners = {p["i"]: p for p in wegwijzer.region_data(site, "dender")["partners"]}
    zele = partners["huis-van-het-kind-zele"]["o"]  # for NKOpen.state on the wegwijzer card
    assert zele["gesloten"][0]["reden"] == "kerstweek" and zele["openingsuren"][0]["dagen"] == ["ma", "wo"]
    lines = sheet.sheet_data(site)["partners"]["caw-vluchthuis-dender"]["lijnen"]
    assert lines and all(line["telefoon"]["e164"].startswith("+32") for line in lines)  # tel: links on the sheet


def test_import_force_takes_the_hours_from_an_openingsuren_column():
    from generator.commands.importer import merge

    office = [{"dagen": ["ma"], "van": "09:00", "tot": "12:00"}]
    old = {"id": "x", "naam": "X", "locaties": [{"naam": "Onthaal", "adres": {"postcode": "9240", "gemeente": "Zele"},
                                                 "openingsuren": office, "gesloten": [{"van": "2026-12-21"}]}]}
    new = {"id": "x", "naam": "X", "locaties": [{"adres": {"postcode": "9240", "gemeente": "Zele"}, "dag_en_nacht": True}]}
    merged, lost = merge(old, new, {"naam", "postcodes", "gemeenten", "openingsuren"})
    assert not lost and merged["locaties"] == [{"naam": "Onthaal", "adres": {"postcode": "9240", "gemeente": "Zele"},
                                                "dag_en_nacht": True}]  # the sheet's hours, the file's name
    kept, _ = merge(old, new, {"naam", "postcodes", "gemeenten"})  # no such column: the file's hours stay
    assert kept["locaties"][0]["openingsuren"] == office
    _, lost = merge(old, {**new, "locaties": new["locaties"] * 2}, {"postcodes", "gemeenten", "openingsuren"})
    assert lost == ["locaties[1].naam"]  # the hours are in the sheet: not lost
