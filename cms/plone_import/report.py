"""What an import did: counts per Plone type and state -> our type and state, and a CSV of
every item skipped or imported with a loss, written next to the export."""

import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

CSV_NAME = "import_plone_report.csv"


@dataclass
class Report:
    counts: Counter = field(default_factory=Counter)
    problems: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    unchanged: int = 0
    created: int = 0
    updated: int = 0

    def count(self, portal_type: str, state: str, our_type: str, our_state: str) -> None:
        self.counts[(portal_type, state or "-", our_type, our_state)] += 1

    def skipped(self, item: dict, reason: str) -> None:
        self.problems.append(_row(item, "skipped", reason))
        self.count(str(item.get("@type", "?")), item.get("review_state") or "-", "skipped", "-")

    def lossy(self, item: dict, reason: str) -> None:
        self.problems.append(_row(item, "imported with a loss", reason))

    @property
    def skipped_count(self) -> int:
        """Items skipped (relations and whole files that could not be read are in the CSV)."""
        return sum(number for key, number in self.counts.items() if key[2] == "skipped")

    def lines(self) -> list[str]:
        """'News Item / published -> article / published: 12', sorted."""
        return [
            f"{portal_type} / {state} -> {our_type} / {our_state}: {number}"
            for (portal_type, state, our_type, our_state), number in sorted(self.counts.items())
        ]

    def write_csv(self, folder: Path) -> Path:
        path = folder / CSV_NAME
        with path.open("w", newline="", encoding="utf-8") as stream:
            writer = csv.writer(stream)
            writer.writerow(["uid", "path", "plone_type", "outcome", "reason"])
            writer.writerows(self.problems)
        return path


def _row(item: dict, outcome: str, reason: str) -> tuple[str, str, str, str, str]:
    return (
        str(item.get("UID", "")),
        str(item.get("@id", "")),
        str(item.get("@type", "")),
        outcome,
        reason,
    )
