"""Content & domain support families: renames across docs, frontmatter indexes, release notes."""
from __future__ import annotations

import datetime as dt
import json
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
        defaults = f"config/defaults.yaml" if ctx.uses("yaml-read") else None
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


FAMILIES = [TermRename(), FrontmatterIndex(), ReleaseNotes(), I18nSync(), SchemaRepair()]
