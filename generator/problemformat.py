"""How a problem is shown: one function per output format, and every place that shows a problem uses them.

A problem's words come from the catalogue (problems.py); this module only lays them out:

- :func:`text`: ``file:line:column: CODE ernst: melding`` and the tip indented below it (validate, import,
  report, check-in);
- :func:`refusal`: ``CODE melding`` and ``Tip: ...`` on the next line, for a refused command or argument,
  which has no place in a file (new, nakijken, export -o, build --site, wrong options);
- :func:`log_line`: one line for the MkDocs log;
- :func:`as_dict`: the JSON record of ``--format json`` and of the coordinator's report, and
  :func:`summary`: that record as one line of the report (text or Markdown);
- :func:`github`: a GitHub Actions annotation;
- :func:`banner_item` and :func:`html`: the banner and error page while ``mkdocs serve`` runs (the banner
  script, theme/assets/netwerkkaart/problemen.js, lays out :func:`banner_item` as :func:`html` does).
"""

from __future__ import annotations

from html import escape

from .problems import Problem


def location(p: Problem) -> str:
    return f"{p.file}:{p.line}:{p.column}"


def text(p: Problem) -> str:
    """The problem as a terminal shows it, without a final newline."""
    hint = "\n".join(f"    {line}" for line in p.hint.split("\n"))
    return f"{location(p)}: {p.code} {p.severity.value}: {p.message}\n{hint}"


def refusal(p: Problem) -> str:
    """A refused command or argument: the code, the message and the tip, without a place."""
    return f"{p.code} {p.message}\nTip: {p.hint}"


def log_line(p: Problem) -> str:
    return f"{location(p)}: {p.code} {p.message} Tip: {p.hint}"


def as_dict(p: Problem, *, severity: bool = True) -> dict:
    record = {"bestand": p.file, "regel": p.line, "kolom": p.column, "code": p.code,
              "ernst": p.severity.value, "melding": p.message, "tip": p.hint}
    if not severity:  # the report lists only errors: no 'ernst'
        del record["ernst"]
    return record


def _escape(value: str, *, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if prop else value


def github(p: Problem) -> str:
    """A GitHub Actions workflow command: the problem as an annotation on its line."""
    level = "error" if p.is_error else "warning"
    props = f"file={_escape(p.file, prop=True)},line={p.line},col={p.column},title={_escape(p.code, prop=True)}"
    return f"::{level} {props}::{_escape(p.message + chr(10) + p.hint)}"


def banner_item(p: Problem, explanation: str | None) -> dict:
    """One problem of the serve banner's status file; ``explanation`` is the address of its code's entry
    in docs/foutcodes.md, when the site has it."""
    return {"plaats": location(p), "code": p.code, "melding": p.message, "tip": p.hint, "uitleg": explanation}


def html(p: Problem, explanation: str | None) -> str:
    """One problem as an HTML list item, every value escaped."""
    link = (f' <a href="{escape(explanation)}">Uitleg bij {escape(p.code)}</a>' if explanation else "")
    return (f"<li><code>{escape(location(p))}</code> <strong>{escape(p.code)}</strong> "
            f"{escape(p.message)}<br>Tip: {escape(p.hint)}{link}</li>")


def summary(record: dict, *, markdown: bool = False) -> str:
    """One line for the coordinator's report, from a record of :func:`as_dict` (the report is data first)."""
    where = f"`{record['bestand']}`" if markdown else record["bestand"]
    return f"{where} regel {record['regel']}: {record['code']} {record['melding']}"
