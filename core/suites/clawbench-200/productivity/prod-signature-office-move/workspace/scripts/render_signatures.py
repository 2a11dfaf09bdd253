#!/usr/bin/env python3
"""Render every person's email signature (plain text and HTML) from the YAML files.

    python3 scripts/render_signatures.py

Reads signatures/company.yaml and signatures/people/*.yaml, writes
<output_dir>/<person>.txt and <output_dir>/<person>.html.
"""
import glob
import html
import os
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load(path):
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def phone_lines(person, company):
    lines = []
    if person.get("direct"):
        lines.append(f"T {person['direct']} | Switchboard {company['switchboard']}")
    else:
        lines.append(f"T {company['switchboard']}")
    if person.get("mobile"):
        lines.append(f"M {person['mobile']}")
    if company.get("fax"):
        lines.append(f"F {company['fax']}")
    return lines


def render_txt(person, cfg):
    c = cfg["company"]
    name = person["name"] + (f" ({person['pronouns']})" if person.get("pronouns") else "")
    lines = [name, person["title"], c["name"], ", ".join(c["address"])]
    lines += phone_lines(person, c)
    lines += [person["email"], c["website"], "", cfg["disclaimer"]]
    return "\n".join(lines) + "\n"


def render_html(person, cfg):
    c = cfg["company"]
    e = html.escape
    colour = cfg["render"]["brand_colour"]
    name = e(person["name"]) + (f" <span style=\"color:#777\">({e(person['pronouns'])})</span>" if person.get("pronouns") else "")
    rows = [f"<strong style=\"color:{colour}\">{name}</strong>", e(person["title"]),
            f"<strong>{e(c['name'])}</strong>", "<br>".join(e(a) for a in c["address"])]
    rows += [e(p) for p in phone_lines(person, c)]
    rows += [f"<a href=\"mailto:{e(person['email'])}\">{e(person['email'])}</a>",
             f"<a href=\"{e(c['website'])}\">{e(c['website'])}</a> | <a href=\"{e(c['linkedin'])}\">LinkedIn</a>",
             f"<small style=\"color:#777\">{e(cfg['disclaimer'])}</small>"]
    return "<div style=\"font-family:Arial,sans-serif;font-size:13px\">\n  " + "<br>\n  ".join(rows) + "\n</div>\n"


def main():
    cfg = load(os.path.join(ROOT, "signatures", "company.yaml"))
    out_dir = os.path.join(ROOT, cfg["render"]["output_dir"])
    os.makedirs(out_dir, exist_ok=True)
    n = 0
    for path in sorted(glob.glob(os.path.join(ROOT, "signatures", "people", "*.yaml"))):
        person = load(path)
        stem = os.path.splitext(os.path.basename(path))[0]
        for fmt in cfg["render"]["formats"]:
            text = render_txt(person, cfg) if fmt == "txt" else render_html(person, cfg)
            with open(os.path.join(out_dir, f"{stem}.{fmt}"), "w", encoding="utf-8") as fh:
                fh.write(text)
        n += 1
    print(f"rendered {n} signatures into {os.path.relpath(out_dir, ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
