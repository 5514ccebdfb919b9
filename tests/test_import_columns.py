"""The import's column table, header matching, --kolommen-voorstel and the werkgebied of an imported
partner (the case folders in tests/import-cases/ hold the golden tables)."""

import yaml
from click.testing import CliRunner

from helpers import TODAY
from generator.commands import importer
from generator.cli import main
from generator.validate.pipeline import validate_folder

OWN_WORDS = ("Naam organisatie;Soort;Omschrijving;Domeinen;Aanmelden;Beroepsgeheim;Nagekeken op;Nagekeken door;"
             "Telefoonnummer;E-mail;Adres;Postcode;Gemeente;Breedtegraad;Lengtegraad;Opmerkingen\n")
ROW = ("Jeugdhuis De Kelder;vrije-tijd;Een plek voor jongeren.;vrije-tijd;zelf;nee;2026-10-01;Test;052 44 55 66;"
       "info@kelder.example;Kerkstraat 12;9200;Dendermonde;51,0285;4,1008;nieuw\n")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_headers_match_without_case_accents_or_punctuation():
    for header, field in [("TELEFOON", "telefoon"), ("Telefoonnummer", "telefoon"), ("e-mail", "email"),
                          ("E-mailadres", "email"), ("Gemeente", "gemeenten"), ("Domeinen", "levensdomeinen"),
                          ("Korte beschrijving", "korte_beschrijving"), ("korte_beschrijving", "korte_beschrijving"),
                          ("Nagekeken óp", "nagekeken_datum"), ("Naam organisatie", "naam")]:
        assert importer.SYNONYMS[importer.normal(header)] == field, header


def test_the_table_comes_first_and_the_werkgebied_is_the_addresses_municipality(tmp_path, basis):
    source = tmp_path / "partners.csv"
    source.write_text(OWN_WORDS + ROW, encoding="utf-8")
    result = run("import", source, "--regio", "dender", "--data", basis, "--dry-run")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Kolommen van het rekenblad:"
    assert "  I 'Telefoonnummer' → telefoon (herkend)" in lines
    assert "  P 'Opmerkingen' → niet gebruikt" in lines
    imported = importer.import_partners(source, basis, "dender", today=TODAY)
    assert not imported.errors
    data = yaml.safe_load(imported.written[0].read_text(encoding="utf-8"))
    assert data["werkgebied"] == {"gemeenten": ["42006"]}  # Dendermonde, not the whole region
    assert data["contact"] == {"telefoon": "052 44 55 66", "email": "info@kelder.example"}
    assert validate_folder(basis, today=TODAY).errors == []


def test_werkgebied_column_names_municipalities_or_the_whole_region(tmp_path, basis):
    source = tmp_path / "partners.csv"
    header = OWN_WORDS.replace(";Opmerkingen", ";Werkgebied")
    source.write_text(header + ROW.replace(";nieuw", ";Zele, Dendermonde") + ROW.replace("De Kelder", "Ander").replace(
        ";nieuw", ";Hele regio"), encoding="utf-8")
    result = importer.import_partners(source, basis, "dender", today=TODAY)
    assert not result.errors, result.problems
    areas = sorted(str(yaml.safe_load(p.read_text(encoding="utf-8"))["werkgebied"]) for p in result.written)
    assert areas == ["{'gemeenten': ['42028', '42006']}", "{'hele_regio': True}"]


def test_kolommen_voorstel_writes_a_mapping_to_adjust(tmp_path, basis):
    source = tmp_path / "partners.csv"
    source.write_text(OWN_WORDS.replace("Omschrijving", "Wat doen ze") + ROW, encoding="utf-8")
    target = tmp_path / "kolommen.yml"
    result = run("import", source, "--regio", "dender", "--data", basis, "--kolommen-voorstel", target)
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert '"Naam organisatie": naam' in text and '# "Wat doen ze": ...' in text
    assert list((basis / "partners" / "dender").iterdir()) == [basis / "partners" / "dender" / "huis-van-het-kind-zele.yml"]
    # the editor fills in the missing one; the import then passes
    target.write_text(text.replace('# "Wat doen ze": ...', '"Wat doen ze": korte_beschrijving'), encoding="utf-8")
    result = run("import", source, "--regio", "dender", "--data", basis, "--kolommen", target, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "C 'Wat doen ze' → korte_beschrijving (uit --kolommen)" in result.output


def test_kolommen_voorstel_is_confined(tmp_path, basis):
    source = tmp_path / "partners.csv"
    source.write_text(OWN_WORDS + ROW, encoding="utf-8")
    existing = tmp_path / "bestaat.yml"
    existing.write_text("x: naam\n", encoding="utf-8")
    for target in (basis / "partners" / "dender" / "kolommen.yml", basis / "regions" / "k.yml", existing, source,
                   tmp_path):
        result = run("import", source, "--regio", "dender", "--data", basis, "--kolommen-voorstel", target)
        assert result.exit_code == 2 and "NK632" in result.output, (target, result.output)
    assert existing.read_text(encoding="utf-8") == "x: naam\n"
    assert not (basis / "partners" / "dender" / "kolommen.yml").exists()
    result = run("import", source, "--regio", "dender", "--data", basis, "--kolommen-voorstel", existing, "--force")
    assert result.exit_code == 0 and "naam" in existing.read_text(encoding="utf-8")


def test_a_mapping_typo_is_an_error_not_a_silent_drop(tmp_path, basis):
    source = tmp_path / "partners.csv"
    source.write_text(OWN_WORDS.replace("Telefoonnummer", "Tel. onthaal") + ROW, encoding="utf-8")
    mapping = tmp_path / "kolommen.yml"
    mapping.write_text("Naam organisatie: naam\nTel. onthaal: telefoonnummer\n", encoding="utf-8")
    result = run("import", source, "--regio", "dender", "--data", basis, "--kolommen", mapping)
    assert result.exit_code == 1
    assert "kolommen.yml:2:1: NK630" in result.output and "bedoel je 'telefoon'?" in result.output
    assert "Niets geschreven" in result.output


def test_missing_coordinates_do_not_hide_the_rows_other_problems(tmp_path, basis):
    source = tmp_path / "partners.csv"
    row = ROW.replace(";51,0285;4,1008", ";;").replace("info@kelder.example", "info@kelder")
    source.write_text(OWN_WORDS + row, encoding="utf-8")
    result = importer.import_partners(source, basis, "dender", dry_run=True, today=TODAY)
    codes = sorted(p.code for p in result.problems)
    assert codes == ["NK623", "NK633"]  # NK623: NK206, the e-mail address; not the missing coordinates again
    assert "NK206" in [p for p in result.problems if p.code == "NK623"][0].message
