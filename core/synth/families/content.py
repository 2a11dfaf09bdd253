"""Content & domain support families: renames across docs, frontmatter indexes, release notes."""
from __future__ import annotations

import datetime as dt
import hashlib
import inspect
import json
import posixpath
import re

import yaml

from .. import vocab
from ..build import VerificationBuilder
from ..model import TaskPlan, Workspace
from ..writer import dump_yaml
from .base import Family, GenContext, difficulty_for

_re = re.escape

PRODUCT_NAMES = ("Beacon", "Atlas", "Harbor", "Quill", "Nimbus", "Cobalt", "Lumen", "Tally", "Orbit", "Sprout",
                 "Kestrel", "Ember", "Drift", "Pebble", "Vault", "Relay", "Juniper", "Marlin")
SENTENCES = (
    "{p} keeps your {thing} in sync across devices.",
    "To get started with {p}, open the settings page and choose a workspace.",
    "{p} exports reports as CSV or PDF.",
    "Administrators can invite colleagues to {p} from the team page.",
    "If {p} shows an error, check the status page first.",
    "The {p} mobile app supports offline mode for {thing}.",
    "Billing for {p} is monthly; annual plans get two months free.",
    "Our support team answers {p} questions within one working day.",
    "{p} integrates with calendars, chat and e-mail.",
    "Data in {p} is encrypted at rest and in transit.",
)
THINGS = ("notes", "invoices", "schedules", "inventory", "contacts", "tickets", "recipes", "lesson plans")


# ------------------------------------------------------------------ product rename across docs

class TermRename(Family):
    name = "term-rename"
    domain = "content"
    intents = ("knowledge-management",)
    skills = ("markdown-find-replace",)
    optional_skills = ("changelog-entry",)
    summary = "Rename a product across the docs with word boundaries, leaving the archive, the changelog and look-alike words alone."

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        old, new = rng.sample(PRODUCT_NAMES, 2)
        suffix = rng.choice(("ly", "Hub", "ing", "Pro"))
        docs = rng.choice(("docs", "site/content", "handbook"))
        archive = f"{docs}/{rng.choice(('archive', 'old', 'legacy'))}"
        changelog = ctx.uses("changelog-entry")
        date = (dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 360))).isoformat()
        text = (f"Our product {old} is now called {new}. Update the documentation in `{docs}/`: replace the product "
                f"name {old} with {new} everywhere except in `{archive}/` (historical pages stay as published) and "
                f"in `CHANGELOG.md`. Only the whole word {old} is the product name; other words that merely contain "
                f"it (such as `{old}{suffix}`, a different product) stay as they are.\n")
        if changelog:
            text += (f"\nThen add an entry to `CHANGELOG.md`: a new section `## {date}` directly below the "
                     f"`# Changelog` title, with the line `- Renamed {old} to {new} in the documentation.`\n")
        n_pages = rng.randint(3, 6)
        return TaskPlan(title=f"Rename {old} to {new} in the docs", domain=self.domain,
                        difficulty=difficulty_for(n_pages - 2 + changelog), capabilities=("fine-grained", "file-state", "long-range"),
                        instruction=text, intent="knowledge-management",
                        expected_artifacts=(f"{docs}/",) + (("CHANGELOG.md",) if changelog else ()),
                        params={"old": old, "new": new, "lookalike": old + suffix, "docs": docs, "archive": archive,
                                "changelog": changelog, "date": date, "n_pages": n_pages})

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        files = {}
        pages = rng.sample(("getting-started", "billing", "faq", "admin-guide", "mobile", "security", "integrations",
                            "troubleshooting", "pricing", "api"), p["n_pages"])
        for i, page in enumerate(pages):
            sentences = rng.sample(SENTENCES, rng.randint(3, 6))
            body = [s.format(p=p["old"], thing=rng.choice(THINGS)) for s in sentences]
            if i == 0:
                body.append(f"Data can also be imported from {p['lookalike']}, our sister product.")
            if i == 1:
                body.append(f"See the {p['old'].lower()}-cli reference for scripting.")
            sub = "guides/" if i % 3 == 2 else ""
            files[f"{p['docs']}/{sub}{page}.md"] = f"# {page.replace('-', ' ').title()}\n\n" + "\n\n".join(body) + "\n"
        files[f"{p['archive']}/launch-announcement.md"] = (f"# Introducing {p['old']}\n\nToday we launch {p['old']}.\n")
        files["CHANGELOG.md"] = (f"# Changelog\n\n## 2023-11-02\n\n- {p['old']} 2.0 released.\n\n## 2023-06-14\n\n"
                                 f"- First public release of {p['old']}.\n")
        return Workspace(files=files, traps=("archive-excluded", "look-alike-word", "lowercase-identifier"))

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p = plan.params
        word = re.compile(rf"\b{_re(p['old'])}\b")
        b = VerificationBuilder()
        in_scope = sorted(x for x in ws.files if x.startswith(p["docs"] + "/") and not x.startswith(p["archive"] + "/"))
        for path in in_scope:
            text = ws.files[path]
            n = len(word.findall(text))
            new_text = word.sub(p["new"], text)
            if n:
                b.write(path, new_text)
            slug = vocab.slug(path.split("/", 1)[1])
            b.check(f"old-gone-{slug}", "regex", f"No {p['old']} left in {path}.", path=path,
                    pattern=rf"\b{_re(p['old'])}\b", must_match=False)
            new_count = len(re.findall(rf"\b{_re(p['new'])}\b", new_text))
            b.check(f"new-count-{slug}", "regex", f"{path} names {p['new']} {new_count} times.",
                    path=path, pattern=rf"\b{_re(p['new'])}\b", count=new_count)
            for keep in (p["lookalike"], f"{p['old'].lower()}-cli"):
                if keep in text:
                    b.check(f"kept-{vocab.slug(keep)}-{slug}", "regex", f"{keep} is not the product name.", path=path,
                            pattern=_re(keep), count=text.count(keep))
        for path in sorted(x for x in ws.files if x.startswith(p["archive"] + "/")) + ["CHANGELOG.md"]:
            entry = path == "CHANGELOG.md" and p["changelog"]   # the new entry names the old product once more
            b.check(f"untouched-{vocab.slug(path)}", "regex", f"{path} still says {p['old']}.", path=path,
                    pattern=rf"\b{_re(p['old'])}\b", count=len(word.findall(ws.files[path])) + entry)
        if p["changelog"]:
            old_log = ws.files["CHANGELOG.md"]
            entry = f"## {p['date']}\n\n- Renamed {p['old']} to {p['new']} in the documentation.\n\n"
            b.edit("CHANGELOG.md", "# Changelog\n\n", "# Changelog\n\n" + entry)
            b.check("changelog-entry", "regex", "The changelog has the rename entry on top.", path="CHANGELOG.md",
                    pattern=rf"\A# Changelog\s*\n## {_re(p['date'])}\s*\n\s*- Renamed {_re(p['old'])} to "
                            rf"{_re(p['new'])} in the documentation\.\s*\n\s*## 2023-11-02", multiline=False)
            del old_log
        holder = next(x for x in in_scope if p["lookalike"] in ws.files[x])
        b.mutant("look-alike-renamed", f"{p['lookalike']} was renamed too").edit(
            holder, p["lookalike"], p["new"] + p["lookalike"][len(p["old"]):])
        archived = next(x for x in ws.files if x.startswith(p["archive"] + "/"))
        b.mutant("archive-renamed", "the archive was rewritten").write(archived, word.sub(p["new"], ws.files[archived]))
        missed = next((x for x in in_scope[1:] if word.search(ws.files[x])), None)
        if missed:
            b.mutant("page-missed", f"{missed} was not updated").write(missed, ws.files[missed])
        return b.build()


# ------------------------------------------------------------------ frontmatter index

class FrontmatterIndex(Family):
    name = "frontmatter-index"
    domain = "content"
    intents = ("knowledge-management", "report-generation")
    skills = ("markdown-frontmatter", "json-write")
    optional_skills = ("markdown-table",)
    summary = "Build a JSON index of published Markdown posts from their YAML frontmatter, skipping drafts, scheduled posts and non-posts."

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        kind = rng.choice(("posts", "recipes", "lessons", "notes", "articles", "episodes"))
        folder = rng.choice((kind, f"content/{kind}", f"site/{kind}"))
        today = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(60, 360))
        out = rng.choice((f"{folder}/index.json", f"public/{kind}.json", "build/index.json"))
        table = f"{folder}/INDEX.md" if ctx.uses("markdown-table") else None
        tag = rng.choice(vocab.TAGS)
        text = (f"Build `{out}` from the frontmatter of the Markdown {kind} in `{folder}/` (today is "
                f"{today.isoformat()}).\n\nIt must be a JSON object with `count` (the number of entries) and `items`, a "
                f"list of `{{\"title\", \"date\", \"tags\", \"path\"}}` objects (path relative to the workspace root, date "
                f"as YYYY-MM-DD, tags as in the frontmatter), newest first (ties: by title). Include only published "
                f"{kind}: not `draft: true`, and not dated after today. Files without frontmatter are not {kind}.\n"
                f"Also add `by_tag.{tag}`: the number of entries tagged `{tag}`.\n")
        if table:
            text += (f"\nAlso write `{table}`: a Markdown table with the header `| date | title |` and one row per "
                     f"entry in the same order.\n")
        n = rng.randint(5, 12)
        return TaskPlan(title=f"Index the published {kind}", domain=self.domain,
                        difficulty=difficulty_for((n > 8) + 1 + bool(table) * 2),
                        capabilities=("fine-grained", "file-state", "long-range"), instruction=text,
                        intent=rng.choice(self.intents), expected_artifacts=tuple(x for x in (out, table) if x),
                        params={"kind": kind, "folder": folder, "today": today, "out": out, "table": table, "tag": tag,
                                "n": n})

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        files = {}
        titles = set()
        for i in range(p["n"]):
            while True:
                title = f"{rng.choice(vocab.TITLE_WORDS)} {rng.choice(vocab.TITLE_NOUNS)}"
                if title not in titles:
                    titles.add(title)
                    break
            date = p["today"] - dt.timedelta(days=rng.randint(-20, 200) if i else 0)
            meta = {"title": title, "date": date.isoformat(), "tags": rng.sample(vocab.TAGS[:8] + (p["tag"],), rng.randint(1, 3))}
            if i % 4 == 3:
                meta["draft"] = True
            elif rng.random() < 0.3:
                meta["draft"] = False
            body = f"{title} - a short {p['kind'][:-1]} by {vocab.person(rng)}.\n"
            files[f"{p['folder']}/{date.isoformat()}-{vocab.slug(title)}.md"] = "---\n" + dump_yaml(meta) + "---\n\n" + body
        files[f"{p['folder']}/README.md"] = f"# {p['kind'].title()}\n\nOne file per entry, with frontmatter.\n"
        return Workspace(files=files, traps=("drafts", "scheduled-posts", "file-without-frontmatter"))

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p = plan.params
        items = []
        excluded = []
        for path in sorted(ws.files):
            text = ws.files[path]
            if not path.startswith(p["folder"] + "/") or not text.startswith("---\n"):
                continue
            meta = yaml.safe_load(text.split("---\n")[1])
            date = meta["date"] if isinstance(meta["date"], str) else meta["date"].isoformat()
            entry = {"title": meta["title"], "date": date, "tags": meta["tags"], "path": path}
            (excluded if meta.get("draft") is True or date > p["today"].isoformat() else items).append(entry)
        items.sort(key=lambda e: e["title"])
        items.sort(key=lambda e: e["date"], reverse=True)
        by_tag = sum(1 for e in items if p["tag"] in e["tags"])
        doc = {"count": len(items), "items": items, "by_tag": {p["tag"]: by_tag}}
        out = p["out"]
        b = VerificationBuilder()
        b.write(out, json.dumps(doc, indent=2) + "\n")
        b.check("schema", "json_schema", "count, items with title/date/tags/path, by_tag.", path=out,
                schema={"type": "object", "required": ["count", "items", "by_tag"],
                        "properties": {"items": {"type": "array", "minItems": len(items), "maxItems": len(items),
                                                 "items": {"type": "object", "required": ["title", "date", "tags", "path"]}}}})
        b.check("count", "json_value", f"{len(items)} published entries.", path=out, pointer="/count", equals=len(items), weight=2)
        for i in sorted({0, len(items) // 2, len(items) - 1}):
            b.check(f"item-{i}-path", "json_value", f"Entry {i} is {items[i]['path']}.", path=out,
                    pointer=f"/items/{i}/path", equals=items[i]["path"])
        b.check("item-0-tags", "json_value", "Tags are copied as a list.", path=out, pointer="/items/0/tags",
                equals=items[0]["tags"])
        b.check("by-tag", "json_value", f"{by_tag} entries tagged {p['tag']}.", path=out,
                pointer=f"/by_tag/{p['tag']}", equals=by_tag)
        if p["table"]:
            table = "| date | title |\n| --- | --- |\n" + "".join(f"| {e['date']} | {e['title']} |\n" for e in items)
            b.write(p["table"], table)
            b.check("table-rows", "regex", f"The table has {len(items)} rows.", path=p["table"],
                    pattern=r"^\|\s*\d{4}-\d{2}-\d{2}\s*\|", count=len(items))
            b.check("table-first", "regex", "The first row is the newest entry.", path=p["table"],
                    pattern=rf"\|\s*date\s*\|\s*title\s*\|\s*\n\|[-\s|:]+\|\s*\n\|\s*{_re(items[0]['date'])}\s*\|\s*{_re(items[0]['title'])}\s*\|")
        if excluded:
            bad = sorted(items + excluded[:1], key=lambda e: e["date"], reverse=True)
            b.mutant("unpublished-included", f"{excluded[0]['path']} was included").write(
                out, json.dumps({**doc, "count": len(bad), "items": bad}, indent=2) + "\n")
        b.mutant("oldest-first", "items sorted oldest first").write(
            out, json.dumps({**doc, "items": items[::-1]}, indent=2) + "\n")
        b.mutant("tags-as-string", "tags joined into a string").write(
            out, json.dumps({**doc, "items": [{**e, "tags": ", ".join(e["tags"])} for e in items]}, indent=2) + "\n")
        return b.build()


# ------------------------------------------------------------------ release notes from fragments

SECTIONS = ("security", "added", "changed", "fixed")
SUMMARIES = {
    "security": ("Upgrade the TLS library to close CVE-2024-{n}", "Escape user names in the audit log view",
                 "Rotate session tokens on password change", "Reject oversized upload headers"),
    "added": ("Export {thing} as CSV", "Keyboard shortcuts for the {thing} view", "Dark mode for {thing}",
              "Bulk edit for {thing}", "Webhook when {thing} change", "Search filters for {thing}"),
    "changed": ("Faster loading of {thing}", "New layout for the {thing} page", "Default page size is now 50",
                "Clearer error messages when saving {thing}"),
    "fixed": ("Crash when {thing} are empty", "Wrong totals after deleting {thing}", "Time zone shift in {thing} dates",
              "Duplicate e-mails when {thing} are shared", "Pagination skipped the last page of {thing}"),
}


class ReleaseNotes(Family):
    name = "release-notes"
    domain = "content"
    intents = ("report-generation", "knowledge-management")
    skills = ("yaml-read", "markdown-report")
    optional_skills = ()
    summary = "Assemble release notes from YAML change fragments: right version only, fixed section order, deduplicated."

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        major, minor = rng.randint(1, 6), rng.randint(0, 20)
        version, nxt = f"{major}.{minor}.0", f"{major}.{minor + 1}.0"
        day = (dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 360))).isoformat()
        folder = rng.choice(("changes", "changelog.d", "release/fragments"))
        out = rng.choice((f"releases/{version}.md", f"docs/releases/v{version}.md", f"RELEASE-{version}.md"))
        order = list(SECTIONS)
        heading = {s: s.capitalize() for s in order}
        text = (f"Write the release notes for version {version} (released {day}) to `{out}` from the change "
                f"fragments in `{folder}/` (one YAML file per change: `type`, `summary`, `pr`, `milestone`).\n\n"
                f"Format, exactly:\n- first line `# {version} - {day}`;\n- then one section per type that has "
                f"changes, in this order: " + ", ".join(f"`## {heading[s]}`" for s in order) + ";\n"
                f"- in each section one line per change, `- <summary> (#<pr>)`, sorted by PR number.\n\n"
                f"Only fragments whose `milestone` is {version} belong in it. Some changes were filed twice (the same "
                f"`pr`); list them once.\n")
        n = rng.randint(4, 10)
        return TaskPlan(title=f"Release notes for {version}", domain=self.domain, difficulty=difficulty_for(1 + n // 3),
                        capabilities=("fine-grained", "file-state", "long-range"), instruction=text,
                        intent=rng.choice(self.intents), expected_artifacts=(out,),
                        params={"version": version, "next": nxt, "day": day, "folder": folder, "out": out, "order": order,
                                "heading": heading, "n": n})

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        files = {}
        prs = rng.sample(range(100, 999), 20)
        used_types = rng.sample(SECTIONS, rng.randint(2, 4))
        seen = set()
        for i in range(p["n"]):
            t = used_types[i % len(used_types)] if i < len(used_types) else rng.choice(used_types)
            while True:
                summary = rng.choice(SUMMARIES[t]).format(n=rng.randint(1000, 9999), thing=rng.choice(THINGS))
                if summary not in seen:
                    seen.add(summary)
                    break
            frag = {"type": t, "summary": summary, "pr": prs[i], "milestone": p["version"]}
            files[f"{p['folder']}/{prs[i]}-{vocab.slug(summary)[:30]}.yaml"] = dump_yaml(frag)
        dup_name, dup_text = rng.choice(sorted(files.items()))
        files[dup_name.replace(".yaml", "-copy.yaml")] = dup_text
        for j in range(rng.randint(1, 3)):   # already for the next release
            t = rng.choice(SECTIONS)
            frag = {"type": t, "summary": rng.choice(SUMMARIES[t]).format(n=j, thing=rng.choice(THINGS)) + " (preview)",
                    "pr": prs[15 + j], "milestone": p["next"]}
            files[f"{p['folder']}/{prs[15 + j]}-next.yaml"] = dump_yaml(frag)
        return Workspace(files=files, traps=("other-milestone", "duplicate-fragment", "section-order"))

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p = plan.params
        frags = {}
        other = []
        for path, text in sorted(ws.files.items()):
            if path.startswith(p["folder"] + "/"):
                f = yaml.safe_load(text)
                (frags.__setitem__(f["pr"], f) if str(f["milestone"]) == p["version"] else other.append(f))
        by_type = {s: sorted((f for f in frags.values() if f["type"] == s), key=lambda f: f["pr"]) for s in p["order"]}

        def render(groups, order) -> str:
            out = [f"# {p['version']} - {p['day']}", ""]
            for s in order:
                if groups.get(s):
                    out += [f"## {p['heading'][s]}", ""] + [f"- {f['summary']} (#{f['pr']})" for f in groups[s]] + [""]
            return "\n".join(out)

        text = render(by_type, p["order"])
        out = p["out"]
        b = VerificationBuilder()
        b.write(out, text)
        b.check("title", "regex", "The first line names version and date.", path=out,
                pattern=rf"\A# {_re(p['version'])} - {_re(p['day'])}\s*\n", multiline=False)
        b.check("entries", "regex", f"{len(frags)} changes, each listed once.", path=out, pattern=r"^- .+ \(#\d+\)\s*$",
                count=len(frags), weight=2)
        present = [s for s in p["order"] if by_type[s]]
        b.check("section-order", "regex", f"Sections in order: {', '.join(present)}.", path=out,
                pattern=r"\A[\s\S]*" + r"[\s\S]*".join(rf"^## {p['heading'][s]}\s*$" for s in present), multiline=True)
        for s in present:
            lines = "".join(rf"- {_re(f['summary'])} \(#{f['pr']}\)\s*\n" for f in by_type[s])
            b.check(f"section-{s}", "regex", f"{p['heading'][s]} lists its changes sorted by PR.", path=out,
                    pattern=rf"^## {p['heading'][s]}\s*\n\s*\n?{lines}")
        for s in p["order"]:
            if not by_type[s]:
                b.check(f"no-{s}", "regex", f"No empty {p['heading'][s]} section.", path=out,
                        pattern=rf"^## {p['heading'][s]}\s*$", must_match=False)
        if other:
            extra = {**by_type, other[0]["type"]: sorted(by_type[other[0]["type"]] + [other[0]], key=lambda f: f["pr"])}
            b.mutant("next-milestone-included", "a fragment for the next release was included").write(out, render(extra, p["order"]))
        if len(present) > 1:
            b.mutant("sections-reordered", "sections in another order").write(out, render(by_type, p["order"][::-1]))
        first = present[0]
        dup = {**by_type, first: by_type[first] + by_type[first][:1]}
        b.mutant("duplicate-listed", "a change filed twice is listed twice").write(out, render(dup, p["order"]))
        return b.build()


# ------------------------------------------------------------------ translation catalogues in sync

UI_STRINGS = {
    "nav.home": "Home", "nav.settings": "Settings", "nav.help": "Help", "cart.title": "Your cart",
    "cart.empty": "Your cart is empty", "cart.checkout": "Go to checkout", "account.greeting": "Hello, {name}!",
    "account.logout": "Sign out", "orders.count": "You have {count} orders", "orders.none": "No orders yet",
    "errors.network": "Network error, please retry", "errors.not_found": "Page not found",
    "profile.save": "Save changes", "profile.saved": "Saved {time} ago", "search.placeholder": "Search {site}",
    "footer.terms": "Terms of service", "footer.privacy": "Privacy policy", "booking.confirm": "Confirm booking",
    "booking.cancelled": "Booking {id} cancelled", "newsletter.signup": "Sign up for news",
}
LOCALES = {"fr": "FR", "de": "DE", "es": "ES", "it": "IT", "nl": "NL", "pt": "PT", "sv": "SV"}


class I18nSync(Family):
    name = "i18n-sync"
    domain = "content"
    intents = ("knowledge-management", "file-organisation")
    skills = ("json-diff", "json-write")
    optional_skills = ("markdown-report",)
    summary = "Bring translation catalogues in line with the English source: add missing keys as TODO, drop obsolete ones, keep translations."

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        folder = rng.choice(("locales", "i18n", "app/translations"))
        langs = sorted(rng.sample(sorted(LOCALES), rng.randint(2, 4)))
        report = f"{folder}/STATUS.md" if ctx.uses("markdown-report") else None
        text = (f"Bring the translation files in `{folder}/` in line with the English source `{folder}/en.json`: "
                f"for each of {', '.join(f'`{l}.json`' for l in langs)}, add every key that is missing with the value "
                f"`TODO: ` followed by the English text (placeholders such as `{{name}}` unchanged), remove keys that "
                f"`en.json` no longer has, and keep every existing translation as it is. Keys stay sorted.\n")
        if report:
            text += (f"\nThen write `{report}` with one line per language, `<code>: <n> missing, <m> obsolete` (the "
                     f"numbers before your changes), in alphabetical order of the code.\n")
        return TaskPlan(title=f"Sync {len(langs)} translation catalogues", domain=self.domain,
                        difficulty=difficulty_for(len(langs) - 1 + bool(report)), capabilities=("cross-file", "fine-grained", "long-range"),
                        instruction=text, intent=rng.choice(self.intents),
                        expected_artifacts=tuple(f"{folder}/{l}.json" for l in langs) + ((report,) if report else ()),
                        params={"folder": folder, "langs": langs, "report": report})

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        keys = sorted(rng.sample(sorted(UI_STRINGS), rng.randint(8, 14)))
        en = {k: UI_STRINGS[k] for k in keys}
        files = {f"{p['folder']}/en.json": json.dumps(en, indent=2, ensure_ascii=False) + "\n"}
        retired = [k for k in UI_STRINGS if k not in en]
        for lang in p["langs"]:
            have = [k for k in keys if rng.random() < 0.75]
            doc = {k: f"[{LOCALES[lang]}] {en[k]}" for k in have}
            for k in rng.sample(retired, rng.randint(0, 2)):
                doc[k] = f"[{LOCALES[lang]}] {UI_STRINGS[k]}"
            files[f"{p['folder']}/{lang}.json"] = json.dumps(dict(sorted(doc.items())), indent=2, ensure_ascii=False) + "\n"
        return Workspace(files=files, traps=("obsolete-keys", "placeholders", "existing-translations"))

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p = plan.params
        en = json.loads(ws.files[f"{p['folder']}/en.json"])
        b = VerificationBuilder()
        lines = []
        for lang in p["langs"]:
            path = f"{p['folder']}/{lang}.json"
            cur = json.loads(ws.files[path])
            missing = [k for k in en if k not in cur]
            obsolete = [k for k in cur if k not in en]
            lines.append(f"{lang}: {len(missing)} missing, {len(obsolete)} obsolete")
            new = {k: cur.get(k, f"TODO: {en[k]}") for k in sorted(en)}
            b.write(path, json.dumps(new, indent=2, ensure_ascii=False) + "\n")
            b.check(f"{lang}-keys", "json_schema", f"{lang}.json has exactly en.json's keys.", path=path,
                    schema={"type": "object", "required": sorted(en), "properties": {k: {"type": "string"} for k in en},
                            "additionalProperties": False}, weight=2)
            for k in missing[:3]:
                b.check(f"{lang}-added-{k}", "json_value", f"{lang}: {k} added as a TODO.", path=path,
                        pointer=f"/{k}", equals=f"TODO: {en[k]}")
            kept = [k for k in cur if k in en][:2]
            for k in kept:
                b.check(f"{lang}-kept-{k}", "json_value", f"{lang}: the translation of {k} is kept.", path=path,
                        pointer=f"/{k}", equals=cur[k])
            if lang == p["langs"][0]:
                if missing:
                    b.mutant("todo-without-english", f"{lang}: placeholders without the English text").write(
                        path, json.dumps({**new, missing[0]: "TODO"}, indent=2, ensure_ascii=False) + "\n")
                if obsolete:
                    b.mutant("obsolete-kept", f"{lang}: an obsolete key was kept").write(
                        path, json.dumps({**new, obsolete[0]: cur[obsolete[0]]}, indent=2, ensure_ascii=False) + "\n")
                if kept:
                    b.mutant("translation-overwritten", f"{lang}: an existing translation was replaced by a TODO").write(
                        path, json.dumps({**new, kept[0]: f"TODO: {en[kept[0]]}"}, indent=2, ensure_ascii=False) + "\n")
        if p["report"]:
            b.write(p["report"], "\n".join(lines) + "\n")
            b.check("report", "regex", "One status line per language, in order.", path=p["report"],
                    pattern=r"\A\s*" + r"\s*\n".join(_re(l) for l in lines) + r"\s*\Z", multiline=False)
        return b.build()


# ------------------------------------------------------------------ repair records against a JSON Schema

class SchemaRepair(Family):
    name = "schema-repair"
    domain = "content"
    intents = ("data-cleaning",)
    skills = ("json-schema-validate", "json-write")
    optional_skills = ("yaml-read",)
    summary = "Repair catalogue records so the file validates against its JSON Schema: convert types, fill defaults, fix enums, drop nothing."

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        kind = rng.choice(("products", "courses", "events", "listings", "recipes"))
        data = rng.choice((f"catalog/{kind}.json", f"data/{kind}.json", f"site/data/{kind}.json"))
        schema = rng.choice((f"schema/{kind[:-1]}.schema.json", f"catalog/{kind}.schema.json"))
        defaults = "config/defaults.yaml" if ctx.uses("yaml-read") else None
        text = (f"`{data}` no longer validates against `{schema}` after a bulk import. Repair the records in place so "
                f"that the file validates: numbers written as text become numbers, `tags` given as one comma-separated "
                f"string become a list of trimmed strings, `status` values are lower-cased, and a missing `currency` "
                + (f"takes the default from `{defaults}`" if defaults else "becomes `\"EUR\"`") +
                ". Keep every record, in the same order, and change nothing else.\n")
        return TaskPlan(title=f"Repair the {kind} catalogue", domain=self.domain, difficulty=difficulty_for(2 + bool(defaults)),
                        capabilities=("error-recovery", "fine-grained", "cross-file"), instruction=text,
                        intent="data-cleaning", expected_artifacts=(data,),
                        params={"kind": kind, "data": data, "schema": schema, "defaults": defaults})

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        currency = rng.choice(("EUR", "GBP", "SEK", "CHF")) if p["defaults"] else "EUR"
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "array",
                  "items": {"type": "object", "required": ["id", "name", "price", "currency", "tags", "status"],
                            "properties": {"id": {"type": "string"}, "name": {"type": "string"},
                                           "price": {"type": "number", "minimum": 0},
                                           "currency": {"type": "string", "enum": ["EUR", "GBP", "SEK", "CHF", "USD"]},
                                           "tags": {"type": "array", "items": {"type": "string"}},
                                           "status": {"enum": ["active", "draft", "archived"]},
                                           "stock": {"type": "integer"}}}}
        records = []
        for i in range(rng.randint(6, 12)):
            rec = {"id": f"{p['kind'][:2].upper()}-{rng.randint(1000, 9999)}",
                   "name": f"{rng.choice(vocab.TITLE_WORDS)} {rng.choice(vocab.TITLE_NOUNS)}",
                   "price": round(rng.uniform(2, 400), 2), "currency": rng.choice(("EUR", "GBP", "SEK", "CHF", "USD")),
                   "tags": rng.sample(vocab.TAGS, rng.randint(1, 3)), "status": rng.choice(("active", "draft", "archived")),
                   "stock": rng.randint(0, 90)}
            records.append(rec)
        broken = rng.sample(range(len(records)), min(len(records), rng.randint(3, 5)))
        faults = ["price-text", "tags-string", "status-case", "no-currency", "stock-text"]
        for j, i in enumerate(broken):
            fault = faults[j % len(faults)]
            r = records[i]
            if fault == "price-text":
                r["price"] = f"{r['price']:.2f}"
            elif fault == "tags-string":
                r["tags"] = ", ".join(r["tags"])
            elif fault == "status-case":
                r["status"] = r["status"].capitalize()
            elif fault == "no-currency":
                del r["currency"]
            else:
                r["stock"] = str(r["stock"])
        files = {p["data"]: json.dumps(records, indent=2) + "\n", p["schema"]: json.dumps(schema, indent=2) + "\n"}
        if p["defaults"]:
            files[p["defaults"]] = dump_yaml({"currency": currency, "locale": rng.choice(("en_GB", "de_DE", "sv_SE"))})
        return Workspace(files=files, traps=tuple(faults[: len(broken)]))

    def repair(self, records: list, currency: str, fix_tags: bool = True) -> list:
        out = []
        for r in records:
            r = dict(r)
            if isinstance(r.get("price"), str):
                r["price"] = float(r["price"])
            if isinstance(r.get("stock"), str):
                r["stock"] = int(r["stock"])
            if isinstance(r.get("tags"), str) and fix_tags:
                r["tags"] = [t.strip() for t in r["tags"].split(",") if t.strip()]
            r["status"] = r["status"].lower()
            if "currency" not in r:
                r["currency"] = currency
            out.append(r)
        return out

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p = plan.params
        records = json.loads(ws.files[p["data"]])
        schema = json.loads(ws.files[p["schema"]])
        currency = yaml.safe_load(ws.files[p["defaults"]])["currency"] if p["defaults"] else "EUR"
        fixed = self.repair(records, currency)
        b = VerificationBuilder()
        path = p["data"]
        b.write(path, json.dumps(fixed, indent=2) + "\n")
        schema = {k: v for k, v in schema.items() if k != "$schema"}
        b.check("valid", "json_schema", f"The file validates against {p['schema']}.", path=path, schema=schema, weight=3)
        b.check("count", "json_schema", f"All {len(fixed)} records are kept.", path=path,
                schema={"type": "array", "minItems": len(fixed), "maxItems": len(fixed)})
        for i, (before, after) in enumerate(zip(records, fixed)):
            if before != after:
                for key in sorted(k for k in after if before.get(k) != after[k]):
                    b.check(f"r{i}-{key}", "json_value", f"Record {after['id']}: {key} = {after[key]!r}.", path=path,
                            pointer=f"/{i}/{key}", equals=after[key])
        b.check("order", "json_value", "Records keep their order.", path=path, pointer=f"/{len(fixed) - 1}/id",
                equals=fixed[-1]["id"])
        bad = next((i for i, r in enumerate(records) if "currency" not in r), None)
        if bad is not None and currency != "EUR":
            b.mutant("wrong-default", "EUR used instead of the configured default currency").write(
                path, json.dumps(self.repair(records, "EUR"), indent=2) + "\n")
        if any(isinstance(r.get("tags"), str) for r in records):
            b.mutant("tags-untrimmed", "tags split without trimming").write(path, json.dumps(
                [{**r, "tags": [t for t in orig["tags"].split(",")]} if isinstance(orig.get("tags"), str) else r
                 for r, orig in zip(fixed, records)], indent=2) + "\n")
        broken_index = next(i for i, (x, y) in enumerate(zip(records, fixed)) if x != y)
        b.mutant("record-dropped", "the worst record was dropped instead of repaired").write(
            path, json.dumps(fixed[:broken_index] + fixed[broken_index + 1:], indent=2) + "\n")
        return b.build()


# ------------------------------------------------------------------ shared: documentation sites by sector

# A theme is a documentation site of one sector: its sections (folder, title, pages) and the folder names an
# earlier layout used. A page is (current slug, the slug it had before a restructure, title).
DOC_THEMES = (
    {"name": "product", "sectors": ("tech", "software", "agency", "marketing"), "site": "{org} documentation",
     "legacy": ("guide", "manual", "docs-v1", "howto"),
     "sections": (
         ("getting-started", "Getting started", (("install", "setup", "Installation"), ("first-project", "quickstart", "Your first project"),
                                                 ("concepts", "overview", "Core concepts"), ("upgrade", "migrating", "Upgrading"))),
         ("guides", "Guides", (("webhooks", "hooks", "Webhooks"), ("exports", "exporting", "Exporting data"),
                               ("permissions", "roles", "Permissions"), ("sso", "single-sign-on", "Single sign-on"))),
         ("reference", "Reference", (("api", "rest-api", "REST API"), ("cli", "command-line", "Command line"),
                                     ("config", "settings", "Configuration file"), ("limits", "quotas", "Rate limits"))),
         ("admin", "Administration", (("backups", "backup", "Backups"), ("audit-log", "auditing", "Audit log"),
                                      ("billing", "plans", "Billing"), ("monitoring", "metrics", "Monitoring"))))},
    {"name": "runbooks", "sectors": ("tech", "software"), "site": "{org} runbooks",
     "legacy": ("ops", "wiki", "old-runbooks", "playbooks"),
     "sections": (
         ("services", "Services", (("api-gateway", "gateway", "API gateway"), ("payments", "billing-service", "Payments service"),
                                   ("search", "search-cluster", "Search cluster"), ("queue", "rabbitmq", "Message queue"))),
         ("procedures", "Procedures", (("restart", "restarting", "Restarting a service"), ("failover", "db-failover", "Database failover"),
                                       ("rotate-keys", "key-rotation", "Rotating keys"), ("scale-out", "scaling", "Scaling out"))),
         ("on-call", "On-call", (("escalation", "escalations", "Escalation policy"), ("handover", "shift-handover", "Shift handover"),
                                 ("paging", "pagerduty", "Paging"))),
         ("postmortems", "Postmortems", (("template", "pm-template", "Postmortem template"), ("review-process", "reviews", "Review process"),
                                         ("action-items", "follow-ups", "Action items"))))},
    {"name": "staff", "sectors": ("corporate", "nonprofit", "legal", "marketing", "events"), "site": "{org} staff handbook",
     "legacy": ("hr", "staff", "intranet", "handbook-old"),
     "sections": (
         ("people", "People", (("leave", "holidays", "Leave and holidays"), ("sick-leave", "illness", "Sick leave"),
                               ("parental-leave", "parental", "Parental leave"), ("performance", "reviews", "Performance reviews"))),
         ("policies", "Policies", (("expenses", "expense-claims", "Expenses"), ("travel", "business-travel", "Travel"),
                                   ("remote-work", "wfh", "Remote work"), ("code-of-conduct", "conduct", "Code of conduct"))),
         ("onboarding", "Onboarding", (("first-week", "week-one", "Your first week"), ("accounts", "logins", "Accounts and logins"),
                                       ("equipment", "laptop", "Equipment"), ("buddy", "buddy-scheme", "Buddy scheme"))),
         ("benefits", "Benefits", (("pension", "retirement", "Pension"), ("health", "health-insurance", "Health insurance"),
                                   ("learning", "training-budget", "Learning budget"))))},
    {"name": "lab", "sectors": ("research",), "site": "{org} lab manual",
     "legacy": ("methods", "sops", "lab-wiki", "old"),
     "sections": (
         ("protocols", "Protocols", (("pcr", "pcr-protocol", "PCR"), ("dna-extraction", "extraction", "DNA extraction"),
                                     ("staining", "gram-stain", "Staining"), ("cell-culture", "culture", "Cell culture"))),
         ("instruments", "Instruments", (("centrifuge", "centrifuges", "Centrifuge"), ("spectrometer", "spectro", "Spectrometer"),
                                         ("microscope", "microscopy", "Microscope"), ("freezers", "minus-80", "Freezers"))),
         ("safety", "Safety", (("ppe", "protective-equipment", "Protective equipment"), ("waste", "waste-disposal", "Waste disposal"),
                               ("spills", "spill-response", "Spill response"))),
         ("data", "Data", (("naming", "file-naming", "File naming"), ("backups", "data-backup", "Data backups"),
                           ("notebooks", "eln", "Lab notebooks"))))},
    {"name": "clinic", "sectors": ("health",), "site": "{org} practice manual",
     "legacy": ("procedures", "manual", "sops", "policies-old"),
     "sections": (
         ("front-desk", "Front desk", (("check-in", "arrivals", "Patient check-in"), ("cancellations", "no-shows", "Cancellations"),
                                       ("payments", "billing", "Payments"), ("phone", "calls", "Phone calls"))),
         ("clinical", "Clinical", (("sterilisation", "sterilization", "Sterilisation"), ("referrals", "referral-letters", "Referrals"),
                                   ("records", "notes", "Clinical records"), ("consent", "consent-forms", "Consent"))),
         ("compliance", "Compliance", (("data-protection", "gdpr", "Data protection"), ("incidents", "incident-reporting", "Incident reporting"),
                                       ("audits", "inspections", "Audits"))),
         ("staff", "Staff", (("rota", "shifts", "Rota"), ("training", "cpd", "Training"), ("uniform", "dress-code", "Uniform"))))},
    {"name": "school", "sectors": ("education",), "site": "{org} staff guide",
     "legacy": ("staff", "guides", "intranet", "old"),
     "sections": (
         ("teaching", "Teaching", (("marking", "marking-policy", "Marking policy"), ("homework", "homework-policy", "Homework"),
                                   ("lesson-planning", "planning", "Lesson planning"), ("cover", "cover-lessons", "Cover lessons"))),
         ("assessment", "Assessment", (("exams", "exam-board", "Exams"), ("coursework", "nea", "Coursework"),
                                       ("reports", "report-writing", "Writing reports"))),
         ("pastoral", "Pastoral care", (("attendance", "absence", "Attendance"), ("behaviour", "behavior", "Behaviour"),
                                        ("safeguarding", "child-protection", "Safeguarding"))),
         ("it", "IT and equipment", (("laptops", "laptop-loans", "Laptop loans"), ("accounts", "passwords", "Accounts"),
                                     ("printing", "printers", "Printing"), ("wifi", "network", "Wireless network"))))},
    {"name": "venue", "sectors": ("hospitality", "retail", "events"), "site": "{org} operations manual",
     "legacy": ("ops", "manual", "wiki", "old"),
     "sections": (
         ("opening", "Opening and closing", (("opening-checklist", "open", "Opening checklist"), ("closing", "close", "Closing"),
                                             ("cash-up", "till", "Cashing up"))),
         ("safety", "Safety", (("allergens", "allergy", "Allergens"), ("hygiene", "food-hygiene", "Hygiene"),
                               ("fire", "fire-safety", "Fire safety"), ("first-aid", "firstaid", "First aid"))),
         ("suppliers", "Suppliers", (("ordering", "orders", "Ordering"), ("deliveries", "goods-in", "Deliveries"),
                                     ("returns", "credits", "Returns and credits"))),
         ("team", "Team", (("rota", "shifts", "Rota"), ("breaks", "break-policy", "Breaks"), ("training", "induction", "Training"))))},
    {"name": "warehouse", "sectors": ("logistics", "facilities", "retail"), "site": "{org} warehouse manual",
     "legacy": ("ops", "sop", "wiki", "old-manual"),
     "sections": (
         ("inbound", "Inbound", (("receiving", "goods-in", "Receiving"), ("putaway", "put-away", "Put-away"),
                                 ("damaged-goods", "damages", "Damaged goods"))),
         ("outbound", "Outbound", (("picking", "pick-lists", "Picking"), ("packing", "pack", "Packing"),
                                   ("carriers", "couriers", "Carriers"), ("returns", "rma", "Returns"))),
         ("safety", "Safety", (("forklifts", "flt", "Forklifts"), ("ppe", "safety-gear", "Protective equipment"),
                               ("incidents", "accidents", "Incidents"))),
         ("systems", "Systems", (("scanners", "handhelds", "Scanners"), ("wms", "warehouse-system", "Warehouse system"),
                                 ("labels", "labelling", "Labels"))))},
)
DOC_HEADINGS = ("Overview", "Before you start", "Steps", "Troubleshooting", "Known issues", "Examples", "Who to ask",
                "Checklist", "Details", "Exceptions", "Background", "Next steps", "Contacts", "Limits")
DOC_FILLERS = ("This page is owned by {person}; send corrections to them.", "Last reviewed in {month} by {person}.",
               "Ask in the team channel if anything here is unclear.", "Keep this page short: details live on the linked pages.",
               "Changes to this page are reviewed by {person}.", "Everything here applies to all {org} sites unless stated otherwise.",
               "The steps below assume you can reach the shared drive.", "Print this page for the notice board when it changes.",
               "New starters read this page in their first week.", "{person} is the contact for questions about this page.")
LINK_SENTENCES = ("See [{t}]({u}) for the details.", "Before you continue, read [{t}]({u}).", "This is covered in [{t}]({u}).",
                  "- [{t}]({u})", "More background: [{t}]({u}).", "If something goes wrong, check [{t}]({u}) first.",
                  "The steps are the same as in [{t}]({u}).", "Related: [{t}]({u}).")


def _doc_theme(rng, sector: str) -> dict:
    fitting = [t for t in DOC_THEMES if sector in t["sectors"]]
    return rng.choice(fitting) if fitting and rng.random() < 0.75 else rng.choice(DOC_THEMES)


def _site_title(theme: dict, org: str) -> str:
    site = theme["site"].format(org=org)
    return site[0].upper() + site[1:]


def _theme_named(name: str) -> dict:
    return next(t for t in DOC_THEMES if t["name"] == name)


def _anchor(heading: str) -> str:
    return vocab.slug(heading)


def _relpath(target: str, page: str) -> str:
    """target (a workspace path) as a link from page (a workspace path)."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


# Link parsing shared by design() and the python check: the check script carries these functions' source, so
# both read links alike.
LINK_RE = re.compile(r"(!?)\[([^\]\n]*)\]\(([^()\s]+)\)")
SCHEME_RE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")


def md_links(text, code=False):
    """(line number, start, end, target) of every inline link or image; with code=True, only the link-like
    text inside fenced code blocks instead."""
    out, fence = [], None
    for n, line in enumerate(text.split("\n"), 1):
        s = line.lstrip()
        if s.startswith(("```", "~~~")):
            if fence is None:
                fence = s[:3]
            elif s[:3] == fence:
                fence = None
            continue
        if (fence is not None) != code:
            continue
        for m in LINK_RE.finditer(line):
            out.append((n, m.start(3), m.end(3), m.group(3)))
    return out


def resolve_link(page, target):
    """(workspace path, anchor) a relative link target points at; None for external, absolute and in-page links."""
    if SCHEME_RE.match(target) or target.startswith(("#", "/")):
        return None
    path, _, frag = target.partition("#")
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path)), frag


def link_skeleton(text):
    """A hash of the text with every link target blanked: what must not change when only targets are rewritten."""
    lines = text.split("\n")
    for n, a, b, _ in reversed(md_links(text)):
        lines[n - 1] = lines[n - 1][:a] + "\0" + lines[n - 1][b:]
    return hashlib.sha256("\n".join(lines).rstrip("\n").encode()).hexdigest()


LINK_LIB = ("import hashlib, posixpath, re\n"
            f"LINK_RE = re.compile({LINK_RE.pattern!r})\nSCHEME_RE = re.compile({SCHEME_RE.pattern!r})\n\n\n"
            + "\n\n".join(inspect.getsource(f) for f in (md_links, resolve_link, link_skeleton)))

LINK_CHECK = '"""Compare the links in the docs pages with the expected ones (mode moved: rewritten links; mode rest: all else)."""\n' + LINK_LIB + r'''

import json, os, sys
mode = sys.argv[1]
expected = json.load(open(os.path.join(os.environ["CLAWBENCH_CHECKS"], "links_expected.json")))
problems = []
for page, want in sorted(expected.items()):
    if mode == "moved" and not any(kind == "moved" for kind, _, _ in want["links"]):
        continue
    try:
        text = open(page, encoding="utf-8").read()
    except OSError:
        problems.append(f"{page} is missing")
        continue
    links = md_links(text)
    if len(links) != len(want["links"]):
        problems.append(f"{page} has {len(links)} links, expected {len(want['links'])}")
        continue
    if mode == "rest" and link_skeleton(text) != want["skeleton"]:
        problems.append(f"{page}: text other than link targets changed")
    for (n, _, _, target), (kind, x, frag) in zip(links, want["links"]):
        if mode == "moved" and kind == "moved":
            got = resolve_link(page, target)
            if got is None or list(got) != [x, frag]:
                problems.append(f"{page}:{n}: {target} should point at {x}" + (f"#{frag}" if frag else ""))
        elif mode == "rest" and kind == "keep" and target != x:
            problems.append(f"{page}:{n}: {x} was changed to {target}")
print(json.dumps({"passed": not problems, "observed": problems[:3], "expected": "no problems",
                  "message": f"{len(problems)} problems"}))
sys.exit(1 if problems else 0)
'''


def _read_redirects(text: str, fmt: str) -> dict[str, str]:
    doc = yaml.safe_load(text)
    if fmt == "yaml-map":
        return {str(k): str(v) for k, v in doc["redirects"].items()}
    if fmt == "yaml-list":
        return {str(e["from"]): str(e["to"]) for e in doc["moved"]}
    plugin = next(x["redirects"] for x in doc["plugins"] if isinstance(x, dict) and "redirects" in x)
    return {str(k): str(v) for k, v in plugin["redirect_maps"].items()}


# ------------------------------------------------------------------ fix relative links after a docs restructure

class DocsLinkCheck(Family):
    name = "docs-link-check"
    domain = "content"
    intents = ("knowledge-management", "file-organisation")
    skills = ("markdown-find-replace", "yaml-read")
    optional_skills = ("json-write", "markdown-report")
    summary = ("Repoint relative Markdown links at pages that moved (redirect map, anchors kept, paths relative to each page) "
               "and report the links still broken, leaving code examples and external URLs alone.")

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        theme = _doc_theme(rng, ctx.persona.sector)
        docs = rng.choice(("docs", "site/docs", "documentation", "wiki", "content/docs", "manual"))
        fmt = rng.choice(("yaml-map", "yaml-list", "mkdocs"))
        mapfile = {"yaml-map": rng.choice((f"{docs}/redirects.yaml", "redirects.yaml", f"{docs}/_redirects.yaml")),
                   "yaml-list": rng.choice(("moved.yaml", f"{docs}/moved-pages.yaml", "meta/restructure.yaml")),
                   "mkdocs": "mkdocs.yml"}[fmt]
        as_json = ctx.uses("json-write")
        report = rng.choice(("reports/broken-links", "link-check/broken", "build/broken_links", "docs-audit/still-broken"))
        report += ".json" if as_json else ".csv"
        summary = rng.choice(("reports/link-fixes.md", "link-check/SUMMARY.md", "LINKS.md")) if ctx.uses("markdown-report") else None
        if summary and summary.split("/")[0] != report.split("/")[0] and "/" in summary:
            summary = f"{report.rsplit('/', 1)[0]}/summary.md"
        chain = rng.random() < 0.4
        month = rng.choice(("January", "March", "April", "June", "September", "October", "November"))
        where = {"yaml-map": f"`{mapfile}` (under `redirects:`, `old path: new path`)",
                 "yaml-list": f"`{mapfile}` (a `moved:` list of `from`/`to` entries)",
                 "mkdocs": "the `redirect_maps` of the redirects plugin in `mkdocs.yml`"}[fmt]
        text = (f"We reorganised `{docs}/` in {month} and a lot of relative links now point at pages (and images) that "
                f"moved. Every move is listed in {where}; all paths there are relative to `{docs}/`."
                + (" Some entries chain (a path moved twice): follow them to the final location." if chain else "")
                + f"\n\n1. In every Markdown page under `{docs}/`, fix each link or image (`[text](target)`, "
                f"`![alt](target)`) whose target, resolved from the page's own folder, is a moved path: point it at the "
                f"new location, written relative to the page's folder (as `os.path.relpath` would), and keep its "
                f"`#anchor` if it has one. Change nothing else: external links (`https://...`, `mailto:`), in-page "
                f"`#anchor` links and links that already work stay as they are, and link syntax inside fenced code "
                f"blocks (```) is an example, not a link. Don't move or rename files.\n"
                f"2. Then write `{report}` listing every link that is still broken (its target resolves to no file and "
                f"is not a moved path), sorted by file, then line: ")
        if as_json:
            text += ("a JSON array of objects `{\"file\", \"line\", \"target\"}`, where `file` is the page's path "
                     "relative to the workspace root, `line` the 1-based line number (an integer) and `target` the "
                     "link target exactly as written. An empty array if nothing is broken.\n")
        else:
            text += ("a CSV file with exactly the columns `file,line,target`, where `file` is the page's path relative "
                     "to the workspace root, `line` the 1-based line number and `target` the link target exactly as "
                     "written.\n")
        if summary:
            text += (f"\nAlso write `{summary}` with the two lines `Links fixed: <n>` (every rewritten link counts) "
                     f"and `Still broken: <m>` (the number of entries in `{report}`).\n")
        return TaskPlan(title=f"Fix the links after the {docs}/ restructure", domain=self.domain,
                        difficulty=difficulty_for(2 + chain + bool(summary)),
                        capabilities=("cross-file", "fine-grained", "long-range"), instruction=text,
                        intent=rng.choice(self.intents), expected_artifacts=tuple(x for x in (report, summary) if x),
                        params={"theme": theme["name"], "docs": docs, "fmt": fmt, "map": mapfile, "report": report,
                                "json": as_json, "summary": summary, "chain": chain, "month": month})

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        theme, docs, org = _theme_named(p["theme"]), p["docs"], ctx.persona.organisation
        site = _site_title(theme, org)
        sections = rng.sample(theme["sections"], rng.randint(3, 4))
        pages, unused = [], []
        for folder, sec_title, entries in sections:
            chosen = rng.sample(entries, rng.randint(2, min(4, len(entries))))
            for slug, old, title in chosen:
                pages.append({"path": f"{docs}/{folder}/{slug}.md", "folder": folder, "slug": slug, "old": old,
                              "title": title, "section": sec_title, "headings": rng.sample(DOC_HEADINGS, 2), "jobs": []})
            unused += [(f"{docs}/{folder}/{e[0]}.md", e[2]) for e in entries if e not in chosen]
        for folder, _, entries in theme["sections"]:
            if all(folder != s[0] for s in sections):
                unused += [(f"{docs}/{folder}/{slug}.md", title) for slug, _, title in entries[:1]]
        for slug, title in (("faq", "FAQ"), ("glossary", "Glossary"), ("roadmap", "Roadmap"), ("changelog", "What changed")):
            unused.append((f"{docs}/{rng.choice(sections)[0]}/{slug}.md", title))
        index = {"path": f"{docs}/{rng.choice(('index.md', 'README.md'))}", "title": site, "jobs": []}
        taken = {pg["path"] for pg in pages} | {index["path"]}
        legacy = list(theme["legacy"])
        rng.shuffle(legacy)
        redirects: dict[str, str] = {}   # docs-relative old -> new, in the order written
        moved = rng.sample(pages, min(len(pages) - 1, rng.randint(2, 4)))
        for i, pg in enumerate(moved):
            options = [f"{pg['folder']}/{pg['old']}.md", f"{legacy[0]}/{pg['old']}.md", f"{legacy[0]}/{pg['slug']}.md",
                       f"{pg['old']}.md", f"{legacy[1]}/{pg['old']}.md"]
            rng.shuffle(options)
            old = next(o for o in options if f"{docs}/{o}" not in taken and o not in redirects)
            pg["was"] = f"{docs}/{old}"
            new = pg["path"][len(docs) + 1:]
            if p["chain"] and i == 0:
                mid = next(m for m in (f"{legacy[2]}/{pg['slug']}.md", f"{legacy[3]}/{pg['old']}.md", f"{legacy[2]}/{pg['old']}.md")
                           if m != old and m not in redirects and f"{docs}/{m}" not in taken)
                redirects[old], redirects[mid] = mid, new
                pg["mid"] = f"{docs}/{mid}"
            else:
                redirects[old] = new
        files: dict[str, str] = {}
        images = rng.sample(("flow", "architecture", "overview", "floor-plan", "timeline", "org-chart", "escalation", "map"), 2)
        img_new = rng.choice(("assets", "assets/img", "_static", "media"))
        img_old = rng.choice(("images", "img", "pics"))
        moved_image = p["fmt"] != "mkdocs" and rng.random() < 0.7
        for name in images:
            files[f"{docs}/{img_new}/{name}.svg"] = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{rng.randint(200, 640)}" '
                                                     f'height="{rng.randint(120, 480)}"><title>{name}</title></svg>\n')
        if moved_image:
            redirects[f"{img_old}/{images[0]}.svg"] = f"{img_new}/{images[0]}.svg"

        def job(page, line):
            page["jobs"].append(line)

        def link(page, title, target, anchor=None, dot=None):
            u = _relpath(target, page["path"])
            if "/" not in u and (dot if dot is not None else rng.random() < 0.4):
                u = "./" + u
            u += f"#{anchor}" if anchor else ""
            return rng.choice(LINK_SENTENCES).format(t=title, u=u)

        inner = pages
        # the index lists every page, at the path it knows (the old one for moved pages)
        for pg in pages:
            u = _relpath(pg.get("was", pg["path"]), index["path"])
            if "was" in pg and "/" not in u and rng.random() < 0.5:
                u = "./" + u
            index["jobs"].append((pg["section"], f"- [{pg['title']}]({u})"))
        # moved pages are linked from other pages, by their old path; the first with an anchor
        for i, m in enumerate(moved):
            near = [pg for pg in inner if pg is not m and posixpath.dirname(pg["path"]) == posixpath.dirname(m["was"])]
            src = rng.choice(near) if near and rng.random() < 0.6 else rng.choice([pg for pg in inner if pg is not m])
            anchor = _anchor(rng.choice(m["headings"])) if i == 0 or rng.random() < 0.5 else None
            job(src, link(src, m["title"], m["was"], anchor))
            if "mid" in m and rng.random() < 0.5:
                other = rng.choice([pg for pg in inner if pg is not m])
                job(other, link(other, m["title"], m["mid"]))
        # ordinary working links
        for pg in inner:
            for target in rng.sample([x for x in pages if x is not pg], rng.randint(1, 2)):
                anchor = _anchor(rng.choice(target["headings"])) if rng.random() < 0.4 else None
                job(pg, link(pg, target["title"], target["path"], anchor))
        # images: one at its old place (when images moved), one where it is
        holder = rng.choice(inner)
        alt = images[0].replace("-", " ")
        if moved_image:
            job(holder, f"![{alt} diagram]({_relpath(f'{docs}/{img_old}/{images[0]}.svg', holder['path'])})")
        other = rng.choice(inner)
        job(other, f"![{images[1].replace('-', ' ')}]({_relpath(f'{docs}/{img_new}/{images[1]}.svg', other['path'])})")
        # external links, one of which spells an old path
        slug_org = vocab.slug(org)
        job(rng.choice(inner), f"Questions go to [the docs team](mailto:docs@{slug_org}.example).")
        traps = ["moved-pages", "anchors", "relative-depth", "external-links"]
        if rng.random() < 0.8:
            m = rng.choice(moved)
            old_rel = m["was"][len(docs) + 1:]
            url = f"https://git.{slug_org}.example/{rng.choice(('docs', 'handbook', 'site'))}/blob/v1/{docs}/{old_rel}"
            job(rng.choice(inner), f"The page before the restructure is still in [the old repository]({url}).")
            traps.append("external-old-path")
        else:
            job(rng.choice(inner), f"Status updates are on [the status page](https://status.{slug_org}.example).")
        # an in-page anchor
        pg = rng.choice(inner)
        job(pg, f"Jump to [{pg['headings'][1].lower()}](#{_anchor(pg['headings'][1])}) below.")
        # links that were broken anyway: a page never written
        unused = [(t, title) for t, title in unused if t not in taken and t[len(docs) + 1:] not in redirects]
        for target, title in rng.sample(unused, min(len(unused), rng.randint(1, 2))):
            src = rng.choice(inner)
            job(src, link(src, title, target))
        traps.append("never-written-page")
        # the index's working link spelled the same way from a sub-folder: broken there, not a moved path
        if rng.random() < 0.75:
            m = rng.choice([x for x in moved if "/" in x["was"][len(docs) + 1:]] or moved)
            spelled = m["was"][len(docs) + 1:]
            landing = {pg["path"]: posixpath.normpath(f"{posixpath.dirname(pg['path'])}/{spelled}") for pg in inner}
            sources = [pg for pg in inner if landing[pg["path"]] not in taken
                       and landing[pg["path"]][len(docs) + 1:] not in redirects]
            if sources:
                src = rng.choice(sources)
                job(src, rng.choice(LINK_SENTENCES).format(t=m["title"], u=spelled))
                traps.append("folder-relative-lookalike")
        code_page = None
        if rng.random() < 0.8:
            code_page = rng.choice(inner)
            example = rng.choice([x for x in moved if x is not code_page] or moved)
            traps.append("link-in-code-block")
        for pg in inner:
            rng.shuffle(pg["jobs"])
            body = [f"# {pg['title']}", "", rng.choice(DOC_FILLERS).format(person=vocab.person(rng), month=rng.choice(vocab.MONTHS), org=org), ""]
            half = (len(pg["jobs"]) + 1) // 2
            for h, chunk in ((pg["headings"][0], pg["jobs"][:half]), (pg["headings"][1], pg["jobs"][half:])):
                body += [f"## {h}", ""]
                for line in chunk or [rng.choice(DOC_FILLERS).format(person=vocab.person(rng), month=rng.choice(vocab.MONTHS), org=org)]:
                    body += [line, ""]
                if pg is code_page and h == pg["headings"][1]:
                    body += ["To link to another page, write a path relative to this one:", "", "```markdown",
                             f"See [{example['title']}]({_relpath(example['was'], pg['path'])}).", "```", ""]
                if rng.random() < 0.5:
                    body += [rng.choice(DOC_FILLERS).format(person=vocab.person(rng), month=rng.choice(vocab.MONTHS), org=org), ""]
            files[pg["path"]] = "\n".join(body).rstrip("\n") + "\n"
        body = [f"# {site}", "", f"Start here. The pages are grouped by topic; {vocab.person(rng)} keeps this index current.", ""]
        last = None
        for section, line in index["jobs"]:
            if section != last:
                body += ["", f"## {section}", ""] if last else [f"## {section}", ""]
                last = section
            body.append(line)
        files[index["path"]] = "\n".join(body) + "\n"
        entries = list(redirects.items())
        rng.shuffle(entries)
        if p["fmt"] == "yaml-map":
            files[p["map"]] = (f"# Moves from the {p['month']} restructure. Paths are relative to {docs}/.\n"
                               + dump_yaml({"redirects": dict(entries)}))
        elif p["fmt"] == "yaml-list":
            files[p["map"]] = (f"# One entry per moved file ({p['month']} restructure); paths relative to {docs}/.\n"
                               + dump_yaml({"moved": [{"from": a, "to": b} for a, b in entries]}))
        else:
            nav = [{"Home": index["path"][len(docs) + 1:]}]
            for _, sec_title, _ in sections:
                nav.append({sec_title: [{pg["title"]: pg["path"][len(docs) + 1:]} for pg in pages if pg["section"] == sec_title]})
            files["mkdocs.yml"] = dump_yaml({"site_name": site, "docs_dir": docs, "nav": nav,
                                             "plugins": ["search", {"redirects": {"redirect_maps": dict(entries)}}]})
        files["README.md"] = (f"# {site}\n\nThe sources of the {site} live in `{docs}/`. "
                              f"Maintainer: {ctx.persona.name}.\n")
        if p["chain"]:
            traps.append("redirect-chain")
        if any(f"](./{_relpath(m['was'], pg['path'])}" in files.get(pg["path"], "") for m in moved for pg in pages + [index]
               if "/" not in _relpath(m["was"], pg["path"])):
            traps.append("dot-slash-link")
        return Workspace(files=files, traps=tuple(traps))

    def analyse(self, p: dict, ws: Workspace) -> dict:
        docs = p["docs"]
        redirects = _read_redirects(ws.files[p["map"]], p["fmt"])

        def final(key: str) -> str:
            seen = set()
            while key in redirects and key not in seen:
                seen.add(key)
                key = redirects[key]
            return key

        out = {"expected": {}, "broken": [], "fixed": [], "texts": {}, "redirects": redirects, "final": final}
        for page in sorted(x for x in ws.files if x.startswith(docs + "/") and x.endswith(".md")):
            text = ws.files[page]
            lines = text.split("\n")
            want = []
            for n, a, b, target in reversed(md_links(text)):
                r = resolve_link(page, target)
                key = r[0][len(docs) + 1:] if r and r[0].startswith(docs + "/") else None
                if r is None or r[0] in ws.files or key not in redirects:
                    want.append(["keep", target, ""])
                    if r is not None and r[0] not in ws.files:
                        out["broken"].append({"file": page, "line": n, "target": target})
                    continue
                new = f"{docs}/{final(key)}"
                u = _relpath(new, page) + (f"#{r[1]}" if r[1] else "")
                lines[n - 1] = lines[n - 1][:a] + u + lines[n - 1][b:]
                want.append(["moved", new, r[1]])
                out["fixed"].append({"file": page, "line": n, "target": target, "new": u, "key": key, "anchor": r[1]})
            out["expected"][page] = {"skeleton": link_skeleton(text), "links": want[::-1]}
            out["texts"][page] = "\n".join(lines)
        out["broken"].sort(key=lambda e: (e["file"], e["line"]))
        return out

    def render_report(self, p: dict, broken: list) -> str:
        if p["json"]:
            return json.dumps(broken, indent=2) + "\n"
        return "file,line,target\n" + "".join(f"{e['file']},{e['line']},{e['target']}\n" for e in broken)

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p = plan.params
        a = self.analyse(p, ws)
        docs, redirects, broken, fixed = p["docs"], a["redirects"], a["broken"], a["fixed"]
        b = VerificationBuilder()
        b.read(p["map"])
        changed = sorted({f["file"] for f in fixed})
        for page in changed:
            b.write(page, a["texts"][page])
        b.write(p["report"], self.render_report(p, broken))
        b.check_files["links_expected.json"] = json.dumps(a["expected"], indent=1, sort_keys=True) + "\n"
        b.python_check("moved-fixed", f"All {len(fixed)} links to moved paths point at the new locations, relative to "
                       f"their page, anchors kept.", "check_links.py", LINK_CHECK, args=["moved"], weight=3)
        b.python_check("rest-untouched", "Nothing else changed: other link targets and all text outside link targets "
                       "(code blocks included) are as before.", "check_links.py", LINK_CHECK, args=["rest"], weight=2)
        code = [(page, n) for page in sorted(a["expected"]) for n, *_ in md_links(ws.files[page], code=True)]
        if code:
            page, n = code[0]
            line = ws.files[page].split("\n")[n - 1]
            b.check("code-example-kept", "regex", f"The example in the code block of {page} is unchanged.", path=page,
                    pattern=rf"^{_re(line)}$", count=1)
        lookalike_url = None
        for page in sorted(a["expected"]):
            for _, _, _, target in md_links(ws.files[page]):
                if SCHEME_RE.match(target) and any(f"/{docs}/{k}" in target for k in redirects):
                    lookalike_url = (page, target)
        if lookalike_url:
            page, url = lookalike_url
            b.check("external-kept", "regex", f"The external link {url} is kept as it is.", path=page,
                    pattern=rf"\]\({_re(url)}\)", count=1)
        out = p["report"]
        if p["json"]:
            b.check("report-schema", "json_schema", f"{len(broken)} broken links as file/line/target objects.", path=out,
                    schema={"type": "array", "minItems": len(broken), "maxItems": len(broken),
                            "items": {"type": "object", "required": ["file", "line", "target"],
                                      "properties": {"file": {"type": "string"}, "line": {"type": "integer"},
                                                     "target": {"type": "string"}}}}, weight=2)
            for i in sorted({0, len(broken) - 1} if broken else ()):
                e = broken[i]
                b.check(f"report-{i}", "json_value", f"Entry {i} is {e['file']} line {e['line']}.", path=out,
                        pointer=f"/{i}", equals=e)
        else:
            b.check("report-columns", "csv_columns", "The report has exactly the columns file,line,target.", path=out,
                    columns=["file", "line", "target"], exact=True)
            b.check("report-count", "csv_value", f"{len(broken)} links are still broken.", path=out, column="target",
                    aggregate="count", equals=len(broken), weight=2)
            unique = [e for e in broken if sum(1 for x in broken if (x["file"], x["line"]) == (e["file"], e["line"])) == 1]
            for e in unique[:3]:
                b.check(f"report-{vocab.slug(e['file'])}-{e['line']}", "csv_value",
                        f"{e['file']} line {e['line']} links to {e['target']}.", path=out, column="target",
                        where={"file": e["file"], "line": e["line"]}, equals=e["target"])
        if p["summary"]:
            b.write(p["summary"], f"Links fixed: {len(fixed)}\nStill broken: {len(broken)}\n")
            b.check("summary-fixed", "regex", f"{len(fixed)} links were fixed.", path=p["summary"],
                    pattern=rf"^Links fixed: {len(fixed)}\s*$")
            b.check("summary-broken", "regex", f"{len(broken)} are still broken.", path=p["summary"],
                    pattern=rf"^Still broken: {len(broken)}\s*$")
        b.rubric_item("links-only", "Only link targets changed in the pages; link texts, headings and code examples read "
                      "as before, and the report lists each broken link once.", changed + [out])

        def rewrite(page: str, edits: dict[int, tuple[str, str]]) -> str:
            """The oracle text of page with (line -> (old target, new target)) swapped in."""
            lines = a["texts"][page].split("\n")
            for n, (old, new) in edits.items():
                lines[n - 1] = lines[n - 1].replace(f"]({old})", f"]({new})", 1)
            return "\n".join(lines)

        anchored = next((f for f in fixed if f["anchor"]), None)
        if anchored:
            b.check("anchor-kept", "regex", f"{anchored['file']} line {anchored['line']} now links {anchored['new']}.",
                    path=anchored["file"], pattern=rf"\]\((?:\./)?{_re(anchored['new'])}\)")
            b.mutant("anchor-dropped", f"{anchored['file']}: the #anchor of a fixed link was dropped").write(
                anchored["file"], rewrite(anchored["file"], {anchored["line"]: (anchored["new"], anchored["new"].split("#")[0])}))
        deep = [f for f in fixed if posixpath.dirname(f["file"]) != docs]
        if deep:
            page = deep[0]["file"]
            edits = {f["line"]: (f["new"], final_path) for f in deep if f["file"] == page
                     for final_path in [a["final"](f["key"]) + (f"#{f['anchor']}" if f["anchor"] else "")]}
            b.mutant("docs-root-relative", f"{page}: fixed links written relative to {docs}/, not to the page").write(
                page, rewrite(page, edits))
        if code:
            page, n = code[0]
            _, s, e, target = md_links(ws.files[page], code=True)[0]
            r = resolve_link(page, target)
            key = r[0][len(docs) + 1:]
            if key in redirects:
                lines = a["texts"][page].split("\n")
                lines[n - 1] = lines[n - 1][:s] + _relpath(f"{docs}/{a['final'](key)}", page) + lines[n - 1][e:]
                b.mutant("code-example-rewritten", f"{page}: the example in a code block was rewritten").write(page, "\n".join(lines))
        if lookalike_url:
            page, url = lookalike_url
            key = next(k for k in redirects if f"/{docs}/{k}" in url)
            text = a["texts"].get(page, ws.files[page])
            b.mutant("external-rewritten", "an external URL that spells an old path was rewritten").write(
                page, text.replace(url, url.replace(f"/{docs}/{key}", f"/{docs}/{a['final'](key)}")))
        trap = next((e for e in broken if e["target"].split("#")[0] in redirects), None)
        if trap:
            key = trap["target"].split("#")[0]
            new = _relpath(f"{docs}/{a['final'](key)}", trap["file"])
            b.mutant("lookalike-fixed", f"{trap['file']}: a link spelled like a moved path (but resolving elsewhere) was "
                     f"rewritten and dropped from the report").write(
                trap["file"], rewrite(trap["file"], {trap["line"]: (trap["target"], new)})).write(
                out, self.render_report(p, [e for e in broken if e is not trap]))
        chained = next((f for f in fixed if redirects.get(f["key"]) in redirects), None)
        if chained:
            stop = _relpath(f"{docs}/{redirects[chained['key']]}", chained["file"]) + (f"#{chained['anchor']}" if chained["anchor"] else "")
            b.mutant("chain-not-followed", f"{chained['file']}: a chained move was followed one step only").write(
                chained["file"], rewrite(chained["file"], {chained["line"]: (chained["new"], stop)}))
        dotted = next((f for f in fixed if f["target"].startswith("./")), None)
        if dotted:
            b.mutant("dot-slash-missed", f"{dotted['file']}: a moved link written with ./ was left as it was").write(
                dotted["file"], rewrite(dotted["file"], {dotted["line"]: (dotted["new"], dotted["target"])}))
        b.mutant("zero-based-lines", "line numbers counted from 0").write(
            out, self.render_report(p, [{**e, "line": e["line"] - 1} for e in broken]))
        return b.build()


# ------------------------------------------------------------------ SUMMARY.md table of contents for a handbook

LOOSE_PAGES = (("glossary", "Glossary"), ("contacts", "Contacts"), ("faq", "Frequently asked questions"),
               ("acronyms", "Acronyms"), ("useful-links", "Useful links"), ("about", "About this handbook"),
               ("feedback", "Feedback"), ("history", "History"))

SUMMARY_CHECK = r'''"""Compare the entries of SUMMARY.md (depth, title, path) with the expected table of contents."""
import json, os, re, sys
want = json.load(open(os.path.join(os.environ["CLAWBENCH_CHECKS"], "summary_expected.json")))
try:
    text = open(want["path"], encoding="utf-8").read()
except OSError:
    print(json.dumps({"passed": False, "message": want["path"] + " is missing"}))
    sys.exit(1)
got = []
for line in text.splitlines():
    m = re.match(r"^( *)[-*] \[(.*)\]\((.*)\)\s*$", line)
    if m:
        indent = len(m.group(1))
        got.append([indent // 2 if indent % 2 == 0 else -1, m.group(2).strip(), m.group(3).strip()])
exp = want["entries"]
diff = next((i for i, (a, b) in enumerate(zip(got, exp)) if a != b), None)
if diff is None and len(got) != len(exp):
    diff = min(len(got), len(exp))
observed = got[diff] if diff is not None and diff < len(got) else None
expected = exp[diff] if diff is not None and diff < len(exp) else None
print(json.dumps({"passed": diff is None, "observed": observed, "expected": expected,
                  "message": "all entries match" if diff is None else
                  f"entry {diff}: {len(got)} entries, expected {len(exp)} ([depth, title, path])"}))
sys.exit(0 if diff is None else 1)
'''


def _split_frontmatter(text: str) -> tuple[dict | None, str]:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 3)
        if end > 0:
            meta = yaml.safe_load(text[4:end])
            return (meta if isinstance(meta, dict) else {}), text[end + 5:]
    return None, text


def _first_heading(body: str) -> str | None:
    return next((line[2:].strip() for line in body.splitlines() if line.startswith("# ")), None)


class HandbookSummary(Family):
    name = "handbook-summary"
    domain = "content"
    intents = ("knowledge-management", "report-generation")
    skills = ("markdown-frontmatter", "markdown-report")
    optional_skills = ("json-write",)
    summary = ("Build a nested SUMMARY.md table of contents from page frontmatter: numeric order then title, section "
               "titles from index pages, drafts and _archive/ left out.")

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        theme = _doc_theme(rng, ctx.persona.sector)
        root = rng.choice(("handbook", "book/src", "docs", "manual", "src", "guide", "wiki/pages"))
        key = rng.choice(("order", "weight", "nav_order", "position"))
        draft = rng.choice(("draft", "published"))
        stale = rng.random() < 0.6
        counts = rng.choice((f"{root}/page-counts.json", "build/toc-stats.json", "reports/pages-per-section.json")) \
            if ctx.uses("json-write") else None
        kind = _site_title(theme, ctx.persona.organisation)
        rule = "`draft: true`" if draft == "draft" else "`published: false`"
        text = (f"Generate the table of contents `{root}/SUMMARY.md` for our handbook in `{root}/` ({kind})"
                + (" (the one there is outdated: replace it)" if stale else "") + ".\n\n"
                f"Every page is a Markdown file with YAML frontmatter (`title`, `{key}`, sometimes `{draft}`); every "
                f"folder has an index page (`index.md` or `README.md`) whose frontmatter gives the folder's section "
                f"title and its `{key}`.\n\nFormat:\n"
                f"- the first line is `# Summary`, then a blank line, then a bulleted list with one line per page, "
                f"`- [Title](path)`, the path relative to `{root}/`;\n"
                f"- the handbook's own index page (directly in `{root}/`) is the first entry; after it, at the same "
                f"level, come the pages and the section folders directly in `{root}/`;\n"
                f"- a section folder is one entry that links its index page; the folder's pages and sub-folders are "
                f"listed under it, indented two more spaces; an index page is not listed a second time;\n"
                f"- within each folder, entries are sorted by `{key}` (as a number), then by title (alphabetical, "
                f"ignoring case); entries without `{key}` come after the others, by title.\n\n"
                f"Leave out drafts ({rule}) and everything in an `_archive/` folder; `SUMMARY.md` itself is not a page. "
                f"A page's title is its frontmatter `title`; a page without one (or without frontmatter) takes the text "
                f"of its first `# ` heading.\n")
        if counts:
            text += (f"\nAlso write `{counts}`: a JSON object with `total` (the number of entries in `SUMMARY.md`) and "
                     f"`sections`, an object that maps every section folder in the summary (its path relative to "
                     f"`{root}/`, e.g. `a/b` for a sub-folder) to the number of pages listed directly under it (not "
                     f"counting its index page or its sub-folders).\n")
        return TaskPlan(title=f"Table of contents for the {root}/ handbook", domain=self.domain,
                        difficulty=difficulty_for(2 + stale + bool(counts)),
                        capabilities=("fine-grained", "file-state", "long-range"), instruction=text,
                        intent=rng.choice(self.intents), expected_artifacts=tuple(x for x in (f"{root}/SUMMARY.md", counts) if x),
                        params={"theme": theme["name"], "root": root, "key": key, "draft": draft, "stale": stale,
                                "counts": counts, "out": f"{root}/SUMMARY.md"})

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        theme, root, key, org = _theme_named(p["theme"]), p["root"], p["key"], ctx.persona.organisation
        secs = rng.sample(theme["sections"], rng.randint(3, 4))
        folders = [{"dir": folder, "title": title, "entries": list(rng.sample(entries, rng.randint(2, len(entries))))}
                   for folder, title, entries in secs]
        traps = ["drafts", "index-pages", "numeric-order"]
        if rng.random() < 0.6:   # one section becomes a sub-folder of another
            sub = folders.pop()
            sub["dir"] = f"{rng.choice(folders)['dir']}/{sub['dir']}"
            folders.append(sub)
            traps.append("nested-section")
        loose = list(LOOSE_PAGES)
        rng.shuffle(loose)
        pages = []   # {path (root-relative), title, order, fm, heading, draft}
        for f in folders:
            for slug, _, title in f["entries"]:
                pages.append({"path": f"{f['dir']}/{slug}.md", "dir": f["dir"], "title": title})
        for slug, title in loose[:rng.randint(0, 2)]:
            pages.append({"path": f"{slug}.md", "dir": "", "title": title})
        nofm = None
        if rng.random() < 0.8:
            slug, title = loose[2]
            where = rng.choice([""] + [f["dir"] for f in folders])
            nofm = {"path": f"{where}/{slug}.md".lstrip("/"), "dir": where, "title": title, "nofm": True}
            traps.append("page-without-frontmatter")
        # orders per folder: pages and sub-folders together
        style = rng.choice(("seq", "tens", "sparse", "sparse"))
        children: dict[str, list] = {}
        for pg in pages:
            children.setdefault(pg["dir"], []).append(pg)
        for f in folders:
            children.setdefault(posixpath.dirname(f["dir"]), []).append(f)
        for items in children.values():
            n = len(items)
            values = {"seq": list(range(1, n + 1)), "tens": [10 * i for i in range(1, n + 1)],
                      "sparse": sorted(rng.sample(range(1, 16), n))}[style]
            rng.shuffle(values)
            for item, v in zip(items, values):
                item["order"] = v
        # a tie inside one folder, broken by title (preferably where file names sort the other way)
        pairs = [(a, b) for items in children.values() for a in items for b in items
                 if a is not b and "path" in a and "path" in b and a["title"].casefold() < b["title"].casefold()]
        crossed = [(a, b) for a, b in pairs if a["path"] > b["path"]]
        tie: tuple = ()
        if pairs:
            tie = rng.choice(crossed or pairs)
            tie[1]["order"] = tie[0]["order"]
            traps.append("order-tie")
        plain = [pg for pg in pages if all(pg is not x for x in tie)]
        drafts = rng.sample(plain, min(len(plain) - 1, rng.randint(1, 2)))
        for pg in drafts:
            pg["draft"] = True
        if rng.random() < 0.4:
            pg = rng.choice([x for x in pages if not x.get("draft")])
            pg["no_title"] = True
            traps.append("frontmatter-without-title")
        for pg in rng.sample(pages, min(len(pages), rng.randint(0, 2))):
            pg["heading"] = rng.choice((f"{pg['title']} at {org}", f"{pg['title']} (updated {rng.choice(vocab.MONTHS)})",
                                        f"{pg['title']}: what you need to know"))
        if any("heading" in pg and not pg.get("no_title") for pg in pages):
            traps.append("heading-differs-from-title")
        files: dict[str, str] = {}

        def frontmatter(meta: dict) -> str:
            return "---\n" + "".join(f"{k}: {v}\n" for k, v in meta.items()) + "---\n\n"

        def draft_meta(is_draft: bool) -> dict:
            if p["draft"] == "draft":
                return {"draft": "true"} if is_draft else ({"draft": "false"} if rng.random() < 0.3 else {})
            return {"published": "false"} if is_draft else ({"published": "true"} if rng.random() < 0.3 else {})

        def body(title: str, heading: str | None = None) -> str:
            return (f"# {heading or title}\n\n{rng.choice(DOC_FILLERS).format(person=vocab.person(rng), month=rng.choice(vocab.MONTHS), org=org)}\n\n"
                    f"## {rng.choice(DOC_HEADINGS)}\n\n{rng.choice(vocab.VERBS).capitalize()} {rng.choice(vocab.OBJECTS)} "
                    f"before the end of the month.\n")

        for pg in pages:
            meta = {} if pg.get("no_title") else {"title": pg["title"]}
            meta[key] = pg["order"]
            meta.update(draft_meta(pg.get("draft", False)))
            if rng.random() < 0.3:
                meta["owner"] = vocab.handle(vocab.person(rng))
            files[f"{root}/{pg['path']}"] = frontmatter(meta) + body(pg["title"], pg.get("heading"))
        if nofm:
            files[f"{root}/{nofm['path']}"] = body(nofm["title"])
        for f in folders:
            name = rng.choice(("index.md", "README.md"))
            files[f"{root}/{f['dir']}/{name}"] = (frontmatter({"title": f["title"], key: f["order"]})
                                                   + f"# {f['title']}\n\nThis section covers {f['title'].lower()} at {org}.\n")
        site = _site_title(theme, org)
        files[f"{root}/{rng.choice(('README.md', 'index.md'))}"] = (frontmatter({"title": "Introduction"}) +
                                                                    f"# {site}\n\nWelcome. {ctx.persona.name} maintains this handbook.\n")
        archive = None
        if rng.random() < 0.85:
            archive = rng.choice(["_archive"] + [f"{f['dir']}/_archive" for f in folders])
            for slug, _, title in rng.sample([e for f in folders for e in f["entries"]], 2):
                files[f"{root}/{archive}/{slug}-{rng.choice(('2021', '2022', 'v1', 'old'))}.md"] = (
                    frontmatter({"title": f"{title} (old)", key: 1}) + body(f"{title} (old)"))
            traps.append("archive-folder")
        if rng.random() < 0.5:
            files[f"{root}/{rng.choice(('images', 'assets'))}/{rng.choice(('map', 'org-chart', 'timeline'))}.svg"] = (
                '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200"></svg>\n')
        if root.endswith("src"):
            book = posixpath.dirname(root)
            files[f"{book}/book.toml".lstrip("/")] = (f'[book]\ntitle = "{site}"\nauthors = ["{ctx.persona.name}"]\n'
                                                      f'src = "src"\n')
        if p["stale"]:
            listed = rng.sample(pages, min(len(pages), 4))
            stale = ["# Summary", ""] + [f"- [{pg['title']}]({pg['path']})" for pg in listed]
            if archive:
                stale.append(f"- [Old pages]({archive}/)")
            files[p["out"]] = "\n".join(stale) + "\n"
            traps.append("outdated-summary")
        return Workspace(files=files, traps=tuple(traps))

    def toc(self, p: dict, ws: Workspace, drafts: bool = False, archive: bool = False, index_twice: bool = False,
            order_text: bool = False, tie_by_file: bool = False, heading_titles: bool = False, skip_nofm: bool = False):
        """[(depth, title, path)] and {section folder: direct pages}, per the instruction (flags: near misses)."""
        root, key = p["root"], p["key"]
        info = {}
        for path in sorted(ws.files):
            if not path.startswith(root + "/") or not path.endswith(".md") or path == p["out"]:
                continue
            rel = path[len(root) + 1:]
            parts = rel.split("/")
            if "_archive" in parts[:-1]:
                if not archive:
                    continue
                parts = [x for x in parts if x != "_archive"]
            meta, text = _split_frontmatter(ws.files[path])
            heading = _first_heading(text)
            if meta is None and skip_nofm:
                continue
            meta = meta or {}
            is_draft = meta.get("draft") is True if p["draft"] == "draft" else meta.get("published") is False
            if is_draft and not drafts:
                continue
            title = (heading if heading_titles else meta.get("title")) or heading
            info[rel] = {"dir": "/".join(parts[:-1]), "name": parts[-1], "title": str(title), "order": meta.get(key), "path": rel}
        index_of = {}
        for rel, e in info.items():
            if e["name"] in ("index.md", "README.md"):
                index_of.setdefault(e["dir"], rel)

        def sort_key(e):
            order = e["order"]
            return (order is None, (str(order) if order_text else order) if order is not None else 0,
                    e["path"] if tie_by_file else e["title"].casefold())

        entries, counts = [], {}

        def walk(folder: str, depth: int):
            items = [e for rel, e in info.items() if e["dir"] == folder and rel != index_of.get(folder)]
            if index_twice and folder:
                items.append(info[index_of[folder]])
            items += [info[index_of[d]] for d in index_of if d and posixpath.dirname(d) == folder]
            if folder:
                counts[folder] = sum(1 for e in items if e["name"] not in ("index.md", "README.md"))
            for e in sorted(items, key=sort_key):
                entries.append((depth, e["title"], e["path"]))
                sub = e["dir"] if e["path"] == index_of.get(e["dir"]) and e["dir"] != folder else None
                if sub is not None:
                    walk(sub, depth + 1)

        entries.append((0, info[index_of[""]]["title"], index_of[""]))
        walk("", 0)
        return entries, counts

    @staticmethod
    def render(entries, flat: bool = False) -> str:
        return "# Summary\n\n" + "".join(f"{'' if flat else '  ' * d}- [{t}]({path})\n" for d, t, path in entries)

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p = plan.params
        root, out = p["root"], p["out"]
        entries, counts = self.toc(p, ws)
        b = VerificationBuilder()
        b.write(out, self.render(entries))
        b.check_files["summary_expected.json"] = json.dumps({"path": out, "entries": [list(e) for e in entries]}, indent=1) + "\n"
        b.python_check("structure", f"SUMMARY.md lists the {len(entries)} entries in order, nested by folder, with "
                       f"their titles and paths.", "check_summary.py", SUMMARY_CHECK, weight=4)
        b.check("title", "regex", "The file starts with `# Summary`.", path=out, pattern=r"\A# Summary[ \t]*\n",
                multiline=False)
        b.check("entry-count", "regex", f"{len(entries)} entries.", path=out,
                pattern=r"^ *- \[[^\]\n]*\]\([^)\n]*\)[ \t]*$", count=len(entries), weight=2)
        all_entries, _ = self.toc(p, ws, drafts=True)
        listed = {e[2] for e in entries}
        drafts = [e for e in all_entries if e[2] not in listed]
        if drafts:
            b.check("no-drafts", "regex", f"The draft {drafts[0][2]} is left out.", path=out,
                    pattern=rf"\({_re(drafts[0][2])}\)", must_match=False)
        if any("_archive/" in x for x in ws.files):
            b.check("no-archive", "regex", "Nothing from an _archive/ folder is listed.", path=out,
                    pattern=r"_archive/", must_match=False)
        sections = [e for e in entries if e[2].rsplit("/", 1)[-1] in ("index.md", "README.md") and "/" in e[2]]
        sec = max(sections, key=lambda e: counts.get(posixpath.dirname(e[2]), 0))
        b.check("index-once", "regex", f"The section index {sec[2]} is listed once.", path=out,
                pattern=rf"\({_re(sec[2])}\)", count=1)
        nofm = [path for path in sorted(ws.files) if path.startswith(root + "/") and path.endswith(".md")
                and path != out and not ws.files[path].startswith("---\n")]
        if nofm:
            rel = nofm[0][len(root) + 1:]
            title = next(t for _, t, x in entries if x == rel)
            b.check("no-frontmatter-page", "regex", f"{rel} is listed as {title!r}, from its heading.", path=out,
                    pattern=rf"^ *- \[{_re(title)}\]\({_re(rel)}\)[ \t]*$", count=1)
        by_heading, _ = self.toc(p, ws, heading_titles=True)
        renamed = [(e, h) for e, h in zip(entries, by_heading) if e[1] != h[1]]
        if renamed:
            (_, title, rel), _ = renamed[0]
            b.check("title-from-frontmatter", "regex", f"{rel} is listed with its frontmatter title {title!r}.", path=out,
                    pattern=rf"^ *- \[{_re(title)}\]\({_re(rel)}\)[ \t]*$", count=1)
        by_file, _ = self.toc(p, ws, tie_by_file=True)
        if by_file != entries:
            i = next(i for i, (x, y) in enumerate(zip(entries, by_file)) if x != y)
            (_, t1, r1), (_, t2, r2) = entries[i], entries[i + 1]
            b.check("tie-by-title", "regex", f"Same {p['key']}: {t1!r} comes before {t2!r}.", path=out,
                    pattern=rf"^ *- \[{_re(t1)}\]\({_re(r1)}\)[ \t]*\n *- \[{_re(t2)}\]\({_re(r2)}\)[ \t]*$")
        if p["counts"]:
            doc = {"total": len(entries), "sections": counts}
            b.write(p["counts"], json.dumps(doc, indent=2) + "\n")
            b.check("counts-total", "json_value", f"{len(entries)} entries in total.", path=p["counts"], pointer="/total",
                    equals=len(entries))
            b.check("counts-sections", "json_value", f"Pages per section: {counts}.", path=p["counts"],
                    pointer="/sections", equals=counts, weight=2)
        b.rubric_item("toc-readable", "SUMMARY.md is a clean nested list a reader can follow: sections with their pages "
                      "beneath, no stray or duplicated entries.", [out])
        variants = (("drafts-included", "drafts were listed", {"drafts": True}),
                    ("archive-included", "pages from _archive/ were listed", {"archive": True}),
                    ("index-listed-twice", "each section's index page is also listed among its pages", {"index_twice": True}),
                    ("order-as-text", f"{p['key']} sorted as text (10 before 9)", {"order_text": True}),
                    ("tie-by-file-name", f"equal {p['key']} broken by file name, not title", {"tie_by_file": True}),
                    ("titles-from-headings", "titles taken from the first heading even where frontmatter has one",
                     {"heading_titles": True}),
                    ("no-frontmatter-skipped", "the page without frontmatter was left out", {"skip_nofm": True}))
        for mid, desc, flags in variants:
            variant, _ = self.toc(p, ws, **flags)
            if variant != entries:
                b.mutant(mid, desc).write(out, self.render(variant))
        b.mutant("flat-list", "every entry at the top level, nothing nested").write(out, self.render(entries, flat=True))
        return b.build()


FAMILIES = [TermRename(), FrontmatterIndex(), ReleaseNotes(), I18nSync(), SchemaRepair(), DocsLinkCheck(),
            HandbookSummary()]
