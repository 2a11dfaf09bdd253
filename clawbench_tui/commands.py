"""The command palette: every action of the app, and every task and recent run by name."""
from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


class ClawBenchCommands(Provider):
    def _commands(self):
        app = self.app
        yield "Tasks: browse every task", partial(app.switch_mode, "tasks"), "screen"
        yield "Runs: stored runs", partial(app.switch_mode, "runs"), "screen"
        yield "Bench: run a suite", partial(app.switch_mode, "bench"), "screen"
        yield "Train: fine-tune on the best trajectories", partial(app.switch_mode, "train"), "screen"
        yield "Replay the latest run", app.action_replay_latest, "replay"
        yield "Theme: next (dark, light, ANSI)", app.action_cycle_theme, "look"
        yield "Help: keys", app.action_help, "help"
        entries = getattr(app, "catalog_entries", lambda: [])()
        for entry in entries:
            t = entry.task
            yield f"Run oracle on {t.id}", partial(app.open_live_run, t, "oracle"), t.title
            yield f"Run null on {t.id}", partial(app.open_live_run, t, "null"), t.title
        for run in app.store.list_runs(limit=30):
            yield f"Replay {run['id']} ({run['task_id']}, {run['agent']})", partial(app.open_replay, run["id"]), "replay"

    async def discover(self) -> Hits:
        for name, action, help_text in self._commands():
            if not name.startswith(("Run oracle", "Run null", "Replay 2")):
                yield DiscoveryHit(name, action, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), action, help=help_text)
