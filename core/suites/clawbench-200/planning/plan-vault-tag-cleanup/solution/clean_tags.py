import pathlib, re, yaml
cfg = yaml.safe_load(open("vault/_meta/tag-aliases.yaml"))
drop = {d.lower() for d in cfg["drop"]}
amap = {}
for c, al in cfg["canonical"].items():
    amap[c.lower()] = c
    for a in al:
        amap[a.lower()] = c
for p in sorted(pathlib.Path("vault").rglob("*.md")):
    rel = p.relative_to("vault").parts
    if rel[0] in ("_meta", "templates") or p.name == "Tags.md":
        continue
    text = p.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        continue
    end = text.index("\n---\n", 4)
    fm = text[4:end + 1]
    tags = yaml.safe_load(fm).get("tags")
    if tags is None:
        continue
    tags = [tags] if isinstance(tags, str) else tags
    out = []
    for t in tags:
        if t.lower() in drop:
            continue
        t = amap.get(t.lower(), t.lower())
        if t not in out:
            out.append(t)
    new_line = "tags: [" + ", ".join(out) + "]\n"
    fm2 = re.sub(r"^tags:.*\n(?:  - .*\n)*", lambda m: new_line, fm, flags=re.M)
    p.write_text("---\n" + fm2 + text[end + 1:], encoding="utf-8")
    print(p, out)
