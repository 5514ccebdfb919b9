"""The validation pipeline: load every file, check each against its schema, then across files."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from ..topics import i18n
from ..problems import Problem
from ..load.project import Project, load_project


@dataclass(frozen=True)
class Result:
    project: Project
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    def ok(self, *, strict: bool = False) -> bool:
        return not (self.errors or (strict and self.warnings))


def validate_folder(root: Path, today: datetime.date | None = None, cache: dict | None = None) -> Result:
    """Validate the data folder ``root`` (the folder holding ``partners/`` and ``regions/``).

    ``cache``: see ``project.load_project`` (unchanged files are not read again)."""
    project = load_project(Path(root), cache)
    from .checks import check_project  # imported while worker processes read a large folder

    problems = list(project.problems) + check_project(project, today=today)
    problems += i18n.check() + i18n.check_partner_translations(project)  # lang: the family's language
    return Result(project, tuple(sorted(set(problems))))
