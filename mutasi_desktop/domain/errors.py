"""Domain errors and problems: a stable code plus parameters, worded later by the caller."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One finding about a value: ``code`` is stable (tests and translations key on it)."""

    code: str
    severity: Severity = Severity.ERROR
    field: str | None = None
    # dataclasses.field, spelled out: the attribute ``field`` above shadows the bare name here.
    params: dict[str, Any] = dataclasses.field(default_factory=dict)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def message(self) -> str:
        from mutasi_desktop.domain.messages import render

        return render(self.code, self.params)


class DomainError(Exception):
    """Raised when a rule refuses an operation; carries one or more problems."""

    def __init__(self, code: str, /, **params: Any) -> None:
        self.code = code
        self.params = params
        self.problems: list[Problem] = [Problem(code, Severity.ERROR, params.get("field"), params)]
        super().__init__(self.message())

    @classmethod
    def from_problems(cls, problems: list[Problem]) -> DomainError:
        first = problems[0]
        err = cls(first.code, **first.params)
        err.problems = list(problems)
        return err

    def message(self) -> str:
        from mutasi_desktop.domain.messages import render

        return render(self.code, self.params)
