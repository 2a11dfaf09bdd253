"""The skill library (bottom-up route): SKILL.md files under core/skills/<name>/, each with YAML
frontmatter (name, description, commands and optional scripts it uses, the file kinds it reads and
writes) and a body of instructions for the agent.

Composition: starting from an anchor skill, add skills it can hand work to or take work from (one's
outputs are the other's inputs, or both work on the same kind of file), then keep only the scenario
families that can realise the whole combination within those skills.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

SKILLS_DIR = Path(__file__).resolve().parent.parent / "skills"
REQUIRED_FIELDS = ("name", "description", "commands", "inputs", "outputs")


class SkillError(ValueError):
    """A SKILL.md that cannot be used; names the file and the field."""


@dataclass(frozen=True)
class Skill:
    name: str
    description: str
    commands: tuple[str, ...]
    inputs: tuple[str, ...]
    outputs: tuple[str, ...]
    scripts: tuple[str, ...]
    path: Path

    def feeds(self, other: "Skill") -> bool:
        """This skill's output is something `other` reads."""
        return bool(set(self.outputs) & set(other.inputs))

    def compatible(self, other: "Skill") -> bool:
        return self.name != other.name and (self.feeds(other) or other.feeds(self)
                                            or bool(set(self.inputs) & set(other.inputs)))


def split_frontmatter(text: str, file: Path) -> tuple[dict, str]:
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise SkillError(f"{file}: (frontmatter): expected the file to start with a '---' line")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise SkillError(f"{file}: (frontmatter): no closing '---' line") from None
    try:
        data = yaml.safe_load("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as e:
        raise SkillError(f"{file}: (frontmatter): invalid YAML ({e})") from None
    if not isinstance(data, dict):
        raise SkillError(f"{file}: (frontmatter): expected a mapping")
    return data, "\n".join(lines[end + 1:])


def parse_skill(file: Path) -> Skill:
    data, _ = split_frontmatter(file.read_text(encoding="utf-8"), file)
    for key in REQUIRED_FIELDS:
        if key not in data:
            raise SkillError(f"{file}: {key}: required field is missing")
    for key in ("commands", "inputs", "outputs", "scripts"):
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise SkillError(f"{file}: {key}: expected a list of strings, got {value!r}")
    if data["name"] != file.parent.name:
        raise SkillError(f"{file}: name: expected {file.parent.name!r} (the folder name), got {data['name']!r}")
    return Skill(name=data["name"], description=str(data["description"]), commands=tuple(data["commands"]),
                 inputs=tuple(data["inputs"]), outputs=tuple(data["outputs"]), scripts=tuple(data.get("scripts", [])),
                 path=file)


@functools.lru_cache(maxsize=4)
def load_skills(root: Path = SKILLS_DIR) -> dict[str, Skill]:
    skills = {}
    for file in sorted(Path(root).glob("*/SKILL.md")):
        skill = parse_skill(file)
        skills[skill.name] = skill
    return skills


def compose(rng, families, skills: dict[str, Skill], max_extra: int = 2, tries: int = 24, prefer=None):
    """Draw a compatible skill combination and a family that can realise it.

    With `prefer` (a family), the anchor skill is one of its skills and it realises the combination
    whenever it can: the caller draws `prefer` level over families, so a skill that only one family
    uses (say git-inspect-history) does not pull a share of tasks to that family out of proportion.
    Returns (family, combination, variants): the combination is every skill the task may use (the
    family's required skills plus the composed ones), variants the optional skills it switched on."""
    usable = sorted({s for f in families for s in (*f.skills, *f.optional_skills)} & set(skills))
    if prefer is not None:
        usable = sorted({*prefer.skills, *prefer.optional_skills} & set(skills)) or usable
    for _ in range(tries):
        anchor = rng.choice(usable)
        hosts = [f for f in families if anchor in (*f.skills, *f.optional_skills)]
        reachable = sorted({s for f in ([prefer] if prefer in hosts else hosts)
                            for s in (*f.skills, *f.optional_skills)} - {anchor})
        partners = [s for s in reachable if s in skills and skills[anchor].compatible(skills[s])]
        chosen = {anchor, *rng.sample(partners, min(len(partners), rng.randint(0, max_extra)))}
        fitting = [f for f in hosts if chosen <= {*f.skills, *f.optional_skills}]
        if fitting:
            family = prefer if prefer in fitting else rng.choice(fitting)
            variants = frozenset(chosen & set(family.optional_skills))
            combination = tuple(sorted(set(family.skills) | chosen))
            return family, combination, variants
    family = rng.choice(list(families))
    return family, tuple(sorted(family.skills)), frozenset()
