"""Tiny logrotate config parser used by the checks: returns a list of blocks
{"paths": [...], "directives": {name: value-or-True}, "scripts": {name: [lines]}} or raises ValueError."""


def parse(text):
    blocks, cur, script, depth = [], None, None, 0
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if script is not None:
            if line == "endscript":
                cur["scripts"][script[0]] = script[1]
                script = None
            else:
                script[1].append(line)
            continue
        if not line or line.startswith("#"):
            continue
        if line.endswith("{"):
            if cur is not None:
                raise ValueError(f"line {n}: nested block (missing '}}' before it?)")
            cur = {"paths": line[:-1].split(), "directives": {}, "scripts": {}}
            continue
        if line == "}":
            if cur is None:
                raise ValueError(f"line {n}: '}}' without a block")
            blocks.append(cur)
            cur = None
            continue
        if cur is None:
            raise ValueError(f"line {n}: directive outside a block: {line}")
        words = line.split()
        if words[0] in ("postrotate", "prerotate", "firstaction", "lastaction", "preremove"):
            script = (words[0], [])
            continue
        if words[0] in cur["directives"]:
            raise ValueError(f"line {n}: duplicate directive {words[0]}")
        cur["directives"][words[0]] = " ".join(words[1:]) if len(words) > 1 else True
    if script is not None:
        raise ValueError("missing endscript")
    if cur is not None:
        raise ValueError("missing '}' at end of file")
    return blocks
