"""What the importer proposes for staff to confirm: topics from the topic registry, and units
that are not in the unit registry yet."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Topic, Unit
from ..reading.registry import Registry
from .ids import unit_id

MAX_TOPICS = 3


def propose_topics(topics: Registry[Topic], title: str, body: str) -> list[str]:
    """Registry topics whose name or an alias is in the title, or at least twice in the body;
    the best first (a title hit counts three), at most three, none scoring under half the best."""
    scored = []
    for topic in topics.items:
        in_title = sum(title.count(name) for name in topic.all_names if name)
        in_body = sum(body.count(name) for name in topic.all_names if name)
        if in_title or in_body >= 2:
            scored.append((-(3 * in_title + in_body), topic.name))
    best = -min(scored)[0] if scored else 0
    return [name for score, name in sorted(scored)[:MAX_TOPICS] if -score * 2 >= best]


@dataclass
class UnitProposal:
    """A unit to add to units.yml: its full name as the letters write it, the short names the
    letters use for it, an id."""

    id: str
    name: str
    short_names: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # the files that name it


class UnitProposals:
    """Units of one batch not found in the registry, one proposal per unit however many
    letters name it (a short name that abbreviates a proposal's name is the same unit)."""

    def __init__(self, units: Registry[Unit]) -> None:
        self.units = units
        self.items: list[UnitProposal] = []

    def known(self, name: str) -> bool:
        return self.units.resolve(name) is not None

    def find(self, name: str) -> UnitProposal | None:
        return next((p for p in self.items if name == p.name or name in p.short_names), None)

    def id_for(self, name: str) -> str | None:
        """The registry id of a known unit, or of its proposal."""
        unit = self.units.resolve(name)
        if unit is not None:
            return unit.id
        proposal = self.find(name)
        return proposal.id if proposal else None

    def add(self, name: str, short_names: list[str], source: str) -> UnitProposal | None:
        """Propose `name` unless the registry knows it; returns the proposal."""
        if self.known(name):
            return None
        proposal = self.find(name)
        if proposal is None:
            taken = {u.id for u in self.units.items} | {p.id for p in self.items}
            proposal = UnitProposal(unit_id(name, taken), name)
            self.items.append(proposal)
        for short in short_names:
            if short not in proposal.short_names and short != proposal.name and not self.known(short) \
                    and not any(short == p.name or short in p.short_names for p in self.items):
                proposal.short_names.append(short)
        if source not in proposal.sources:
            proposal.sources.append(source)
        return proposal
