"""The two broken pages have valid front matter with their values kept (title text,
integer order); no other page's front matter changed."""
import json, sys
import yaml


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


WANT = {
    "operations/backups.md": {"title": "Backups: how and when", "section": "operations", "order": 2},
    "operations/oncall.md": {"title": "On-call handbook", "section": "operations", "order": 3},
    "guides/preview-envs.md": {"title": "Preview environments", "section": "guides", "order": 3, "draft": True},
    "archive/v1-migration.md": {"title": "Migrating from Harbor v1", "section": "archive", "order": 1},
    "guides/canary.md": {"title": "Canary releases", "section": "guides", "order": 2},
}
for rel, want in WANT.items():
    try:
        text = open("docs/" + rel, encoding="utf-8").read()
        meta = yaml.safe_load(text[4:text.index("\n---\n", 4)])
    except Exception as e:  # noqa: BLE001
        verdict(False, f"{rel}: {type(e).__name__}", want, f"docs/{rel} front matter missing or invalid")
    if meta != want:
        verdict(False, {rel: meta}, {rel: want}, f"docs/{rel} front matter has wrong values")
verdict(True, "front matter ok", "front matter ok", "pages fixed without changing titles, drafts or sections")
