"""The workspace as a tree that follows the replay cursor or the live run, updated in place:
only the paths that appear, vanish or change are touched, so a 5,000-file workspace steps fast.
Files changed at the current step are marked: + added, ~ modified, - deleted (struck through);
files the watcher sees being written right now are marked ●."""
from __future__ import annotations

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

MARKS = {"added": ("+", "bold green"), "modified": ("~", "bold yellow"), "deleted": ("-", "red strike")}
EXPAND_ALL_BELOW = 400   # smaller workspaces start fully expanded


class WorkspaceTree(Tree[str]):
    DEFAULT_CSS = """
    WorkspaceTree { background: $surface; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__("workspace", data="", **kwargs)
        self.show_root = True
        self._by_path: dict[str, TreeNode[str]] = {"": self.root}
        self._files: set[str] = set()
        self._marks: dict[str, str] = {}
        self._touched: set[str] = set()
        self.root.expand()

    # ------------------------------------------------------------------ public
    def show(self, files: set[str] | dict, marks: dict[str, str] | None = None) -> None:
        """Display exactly `files` (plus files deleted at this step, as ghosts) with `marks`."""
        marks = marks or {}
        wanted = set(files) | {p for p, op in marks.items() if op == "deleted"}
        for path in sorted(self._files - wanted, reverse=True):
            self._remove_file(path)
        expand = len(wanted) < EXPAND_ALL_BELOW
        for path in sorted(wanted - self._files):
            self._add_file(path, expand)
        relabel = set(self._marks) | set(marks)
        self._marks = dict(marks)
        for path in relabel:
            if path in self._by_path:
                self._by_path[path].set_label(self._label(path))

    def touch(self, paths: set[str]) -> None:
        """Paths being written right now (live watcher), shown until the next show()."""
        changed = (paths ^ self._touched)
        self._touched = set(paths)
        for path in changed:
            if path in self._by_path:
                self._by_path[path].set_label(self._label(path))

    def select_path(self, path: str) -> None:
        node = self._by_path.get(path)
        if node is not None:
            parent = node.parent
            while parent is not None:
                parent.expand()
                parent = parent.parent
            self.move_cursor(node)

    @property
    def files(self) -> set[str]:
        return set(self._files)

    # ------------------------------------------------------------------ internals
    def _label(self, path: str) -> Text:
        name = path.rsplit("/", 1)[-1]
        op = self._marks.get(path)
        if op:
            sign, style = MARKS[op]
            return Text.assemble((f"{sign} ", style), (name, style))
        if path in self._touched:
            return Text.assemble(("● ", "bold cyan"), name)
        return Text(name)

    def _dir(self, path: str, expand: bool) -> TreeNode[str]:
        if path in self._by_path:
            return self._by_path[path]
        parent_path, _, name = path.rpartition("/")
        parent = self._dir(parent_path, expand)
        node = parent.add(Text(name + "/", style="bold"), data=path, before=self._position(parent, name, True),
                          expand=expand)
        self._by_path[path] = node
        return node

    def _position(self, parent: TreeNode[str], name: str, is_dir: bool) -> int | None:
        """Index to insert before so that folders come first, then names in order."""
        key = (not is_dir, name)
        children = parent.children

        def child_key(child: TreeNode[str]) -> tuple[bool, str]:
            return (not child.allow_expand, (child.data or "").rsplit("/", 1)[-1])

        if not children or child_key(children[-1]) < key:
            return None    # the common case (paths arrive sorted): append, no scan
        for i, child in enumerate(children):
            if child_key(child) > key:
                return i
        return None

    def _add_file(self, path: str, expand: bool) -> None:
        parent_path, _, name = path.rpartition("/")
        parent = self._dir(parent_path, expand)
        node = parent.add_leaf(self._label(path), data=path, before=self._position(parent, name, False))
        self._by_path[path] = node
        self._files.add(path)

    def _remove_file(self, path: str) -> None:
        node = self._by_path.pop(path, None)
        self._files.discard(path)
        if node is None:
            return
        parent = node.parent
        node.remove()
        # drop folders left empty
        while parent is not None and parent is not self.root and not parent.children:
            self._by_path.pop(parent.data, None)
            grand = parent.parent
            parent.remove()
            parent = grand
