"""People, organisations and places found in the sources, with their roles: click one to see its facts.

One row per person or organisation across all sources: a name one source writes in full and another by an
alias it knows ("Tomas Reyland", "Reyland") is one entity, with its mentions per source beneath it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.core import events as ev
from briefing.ui.models.brief_follower import follow_brief

if TYPE_CHECKING:
    from briefing.core.brief import Brief

GROUPS = (("person", "People"), ("organization", "Organisations"), ("place", "Places"))
NAME_ROLE = int(Qt.ItemDataRole.UserRole) + 1


@dataclass
class MergedEntity:
    """One person, organisation or place across the brief's sources, with its mentions in each."""

    name: str
    type: str
    role: str = ""
    aliases: list[str] = field(default_factory=list)
    per_source: dict[str, int] = field(default_factory=dict)  # source id -> mentions, in the brief's order

    @property
    def mentions(self) -> int:
        return sum(self.per_source.values())


def merged_entities(brief: Brief) -> dict[str, list[MergedEntity]]:
    """Entities of every source grouped by type, merged across sources: by name, or when one source's name is
    another's alias (aliases alone never join two entities: two people may share a surname)."""
    full: dict[tuple[str, str], MergedEntity] = {}
    alias: dict[tuple[str, str], MergedEntity] = {}
    found: list[MergedEntity] = []
    for sid, extraction in brief.extractions.items():
        for entity in extraction.entities:
            name = entity.name.casefold()
            known = full.get((entity.type, name)) or alias.get((entity.type, name)) or next(
                (full[(entity.type, a.casefold())] for a in entity.aliases if (entity.type, a.casefold()) in full),
                None)
            if known is None:
                known = MergedEntity(entity.name, entity.type, entity.role)
                found.append(known)
                full[(entity.type, name)] = known
            known.role = known.role or entity.role
            known.per_source[sid] = known.per_source.get(sid, 0) + entity.mentions
            for other in (entity.name, *entity.aliases):
                if other.casefold() != known.name.casefold() and other not in known.aliases:
                    known.aliases.append(other)
                    alias.setdefault((entity.type, other.casefold()), known)
    grouped: dict[str, list[MergedEntity]] = {t: [] for t, _ in GROUPS}
    for entity in found:
        grouped.setdefault(entity.type, []).append(entity)
    for entities in grouped.values():
        entities.sort(key=lambda e: (-e.mentions, e.name.casefold()))
    return grouped


def _source_name(brief: Brief, source_id: str) -> str:
    source = brief.extractions[source_id].source
    return source.publisher or source.title or source.id


NAME_SHARE = 0.45  # of the list's width at most for the Name column


class EntityPanel(QWidget):
    """Emits ``entity_chosen(name)`` on a click, and ``entity_chosen("")`` when the choice is cleared."""

    entity_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entityPanel")
        self.brief: Brief | None = None
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("entityList")
        self.tree.setAccessibleName("People, organisations and places in the sources")
        self.tree.setHeaderLabels(["Name", "Mentions", "Role"])  # the role is long: last, taking the rest
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.itemClicked.connect(self._on_click)
        self.tree.setAccessibleName("People, organisations and places")
        self.tree.setAccessibleDescription("Choosing one shows only the facts that mention it")
        self.tree.header().setAccessibleName("Entity columns")
        self.tree.viewport().installEventFilter(self)  # the viewport's own width is what the columns share
        self.showing = QLabel(self)
        self.showing.setObjectName("entityFilterLabel")
        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("entityFilterClear")
        self.clear_button.setText("Show all")
        self.clear_button.setAutoRaise(True)
        self.clear_button.setAccessibleName("Show facts about every entity")
        self.clear_button.clicked.connect(self.clear)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.showing, 1)
        row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.tree, 1)
        self.chosen = ""
        self._show_choice()

    def set_brief(self, brief: Brief | None) -> None:
        """List the entities of another brief (None: an empty list) and let go of any chosen entity."""
        follow_brief(self._on_event, self.brief, brief)
        self.brief = brief
        self.chosen = ""
        self.rebuild()
        self._show_choice()

    def _on_event(self, event: ev.BriefEvent) -> None:
        if isinstance(event, ev.SourcesChanged):
            self.rebuild()

    def rebuild(self) -> None:
        self.tree.clear()
        if self.brief is None:
            return
        grouped = merged_entities(self.brief)
        for etype, title in GROUPS:
            entities = grouped.get(etype, [])
            if not entities:
                continue
            group = QTreeWidgetItem(self.tree, [f"{title} ({len(entities)})"])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for entity in entities:
                item = QTreeWidgetItem(group, [entity.name, str(entity.mentions or ""), entity.role])
                item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setData(0, NAME_ROLE, entity.name)
                tip = entity.name + (f" \u2014 {entity.role}" if entity.role else "")
                if entity.aliases:
                    tip += "\nAlso: " + ", ".join(entity.aliases)
                per_source = [(_source_name(self.brief, sid), n) for sid, n in entity.per_source.items()]
                if len(per_source) > 1:
                    tip += "\n" + "\n".join(f"{name}: {n} mention{'s' if n != 1 else ''}" for name, n in per_source)
                    for name, n in per_source:  # mentions per source, under the merged entity
                        child = QTreeWidgetItem(item, [name, str(n or ""), ""])
                        child.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                        child.setData(0, NAME_ROLE, entity.name)
                        child.setToolTip(0, f"{entity.name} in {name}")
                item.setToolTip(0, tip)
                item.setToolTip(2, entity.role)
            group.setExpanded(True)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Name and Mentions as wide as their contents, but Name never more than about half the width, so the
        Role column stays in view however long the names of several sources get."""
        self.tree.resizeColumnToContents(0)
        self.tree.resizeColumnToContents(1)
        width = self.tree.viewport().width()
        limit = max(90, int(width * NAME_SHARE))
        if self.tree.columnWidth(0) > limit:
            self.tree.setColumnWidth(0, limit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.tree.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().eventFilter(watched, event)

    def choose(self, name: str) -> None:
        self.chosen = name
        self._show_choice()
        self.entity_chosen.emit(name)

    def clear(self) -> None:
        self.tree.clearSelection()
        self.choose("")

    def _on_click(self, item: QTreeWidgetItem, _column: int) -> None:
        name = item.data(0, NAME_ROLE)
        if name:
            self.choose("" if name == self.chosen else name)  # a second click lets go

    def _show_choice(self) -> None:
        self.showing.setText(f"Facts mentioning <b>{self.chosen}</b>" if self.chosen
                             else "People, organisations and places")
        self.clear_button.setVisible(bool(self.chosen))
