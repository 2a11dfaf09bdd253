"""The persona library (top-down route): role archetypes in organisations of many sectors, each with
habits, the files such a person keeps and the intents they bring to an assistant. A concrete persona
is an archetype with a drawn name and organisation."""
from __future__ import annotations

from dataclasses import dataclass

from . import vocab
from .model import Persona

INTENTS = {
    "file-organisation": "tidy, rename, move, deduplicate or prune files",
    "data-analysis": "compute figures from exports and answer a question with numbers",
    "data-cleaning": "repair, merge or deduplicate records",
    "report-generation": "turn data into a readable, exactly formatted document",
    "scheduling": "plan dates, slots and timelines",
    "automation": "set up or adjust jobs, scripts and configuration that run unattended",
    "monitoring": "read logs and metrics, find what went wrong",
    "code-upkeep": "fix, upgrade or release code",
    "knowledge-management": "index, link and update notes and documentation",
}


@dataclass(frozen=True)
class Archetype:
    id: str
    role: str
    sector: str
    organisations: tuple[str, ...]
    habits: tuple[str, ...]
    typical_files: tuple[str, ...]
    intents: tuple[str, ...]


ARCHETYPES: tuple[Archetype, ...] = (
    Archetype("finance-lead", "the one-person finance team", "retail",
              ("Beanline Coffee", "Harbour Books", "Verde Bikes", "Lumen Lamps"),
              ("closes the month from CSV exports and a Python script a contractor wrote",),
              ("data/*.csv", "scripts/*.py", "config/*.ini", "reports/*.md"),
              ("data-analysis", "data-cleaning", "report-generation", "automation")),
    Archetype("clinic-manager", "practice manager", "health",
              ("Riverside Physio", "Northgate Dental", "Kind Paws Vet Clinic", "Sunrise Family Practice"),
              ("keeps appointment exports and rota files in one shared folder",),
              ("exports/*.csv", "rota/*.yaml", "notes/*.md"),
              ("data-analysis", "scheduling", "data-cleaning", "file-organisation", "report-generation")),
    Archetype("sre", "on-call site reliability engineer", "tech",
              ("Parcelhub", "Tallyfox", "Quillpay", "Orbitly"),
              ("follows runbooks to the letter and keeps configs in YAML",),
              ("logs/*.log", "conf/*.yaml", "runbooks/*.md", "crontab"),
              ("monitoring", "automation", "report-generation")),
    Archetype("sysadmin", "IT administrator", "education",
              ("Hillcrest School", "Westbrook College", "Maple Grove Library", "Tidewater Institute"),
              ("automates everything with cron and shell scripts",),
              ("crontab", "scripts/*.sh", "logs/*.log", "backups/"),
              ("automation", "monitoring", "file-organisation")),
    Archetype("data-engineer", "data engineer", "tech",
              ("Streamwise", "Gridnote", "Kelpdata", "Fjordly"),
              ("writes small Python jobs and keeps pipeline configs in YAML",),
              ("pipelines/*.yaml", "jobs/*.py", "data/*.json", "requirements.txt"),
              ("data-cleaning", "automation", "code-upkeep", "data-analysis")),
    Archetype("logistics-coordinator", "logistics coordinator", "logistics",
              ("Northwind Freight", "Cargo Kite", "Baltic Parcel", "Swift Lane"),
              ("reconciles carrier exports every Monday",),
              ("shipments/*.csv", "carriers.json", "notes/*.md"),
              ("data-analysis", "data-cleaning", "report-generation", "scheduling")),
    Archetype("support-lead", "customer support lead", "tech",
              ("Helpdeskly", "Cobalt CRM", "Pebble Mail", "Tidy Invoices"),
              ("keeps ticket exports and weekly summaries for the team",),
              ("tickets/*.csv", "reports/*.md", "macros/*.yaml"),
              ("data-analysis", "report-generation", "knowledge-management")),
    Archetype("agency-pm", "project manager", "agency",
              ("Brightside Studio", "Pixel & Pine", "Northstar Digital", "Copperleaf Agency"),
              ("tracks timesheets, milestones and action items in plain files",),
              ("timesheets/*.csv", "plans/*.yaml", "meetings/*.md"),
              ("scheduling", "data-analysis", "report-generation", "knowledge-management")),
    Archetype("hr-generalist", "HR generalist", "corporate",
              ("Alder & Finch", "Greyhound Logistics", "Solenne Foods", "Crestview Insurance"),
              ("keeps expense claims and policy documents carefully versioned",),
              ("expenses/*.csv", "policies/*.yaml", "handbook/*.md"),
              ("data-analysis", "data-cleaning", "knowledge-management", "file-organisation")),
    Archetype("grants-coordinator", "grants coordinator", "nonprofit",
              ("Open Shelter Trust", "River Clean Alliance", "Books for All", "Wild Meadow Fund"),
              ("reports donations per campaign to the board each quarter",),
              ("donations/*.csv", "board/*.md", "campaigns.yaml"),
              ("data-analysis", "report-generation", "data-cleaning", "scheduling")),
    Archetype("lab-manager", "lab manager", "research",
              ("Kessler Lab", "BioMarine Unit", "Soil Genomics Group", "Photonics Lab 3"),
              ("keeps instrument exports and protocols next to each other",),
              ("runs/*.csv", "protocols/*.md", "instruments.yaml"),
              ("data-analysis", "data-cleaning", "file-organisation", "scheduling")),
    Archetype("phd-student", "PhD student", "research",
              ("the Computational Linguistics group", "the Ecology department", "the Robotics lab", "the Economics faculty"),
              ("keeps a folder of notes with YAML frontmatter and a reading list",),
              ("notes/*.md", "papers.json", "experiments/*.csv"),
              ("knowledge-management", "data-analysis", "code-upkeep", "scheduling")),
    Archetype("teacher", "secondary-school teacher", "education",
              ("Hillcrest School", "St Aidan's Academy", "Lakeview High", "Oakridge College"),
              ("keeps marks in CSV and lesson plans in Markdown",),
              ("marks/*.csv", "lessons/*.md", "timetable.yaml"),
              ("data-analysis", "report-generation", "scheduling", "file-organisation")),
    Archetype("tech-writer", "technical writer", "tech",
              ("Docsmith", "Lattice Cloud", "Quarry DB", "Nimbus Router"),
              ("keeps the docs site in Markdown with frontmatter and a changelog",),
              ("docs/*.md", "CHANGELOG.md", "site.yaml"),
              ("knowledge-management", "report-generation", "file-organisation")),
    Archetype("oss-maintainer", "open-source maintainer", "software",
              ("the tinyq project", "the mdlint project", "the csvkit-lite project", "the pywatch project"),
              ("releases from a clean working tree with a tagged commit",),
              ("src/**/*.py", "tests/*.py", "requirements.txt", "CHANGELOG.md"),
              ("code-upkeep", "automation", "knowledge-management")),
    Archetype("backend-dev", "backend developer", "software",
              ("Tallyfox", "Quillpay", "Orbitly", "Parcelhub"),
              ("keeps dependencies pinned and fixes bugs with a failing test first",),
              ("app/*.py", "tests/*.py", "requirements.txt", "package.json"),
              ("code-upkeep", "automation", "monitoring")),
    Archetype("marketing-analyst", "marketing analyst", "marketing",
              ("Verde Bikes", "Lumen Lamps", "Harbour Books", "Peak Outdoor"),
              ("compares weekly channel metrics snapshots in JSON",),
              ("metrics/*.json", "campaigns/*.csv", "reports/*.md"),
              ("data-analysis", "report-generation", "monitoring")),
    Archetype("facilities-manager", "facilities manager", "facilities",
              ("Crestview Offices", "Harbour Point", "The Foundry Cowork", "Elm Street Campus"),
              ("reads meter exports and books maintenance windows",),
              ("meters/*.csv", "maintenance.yaml", "notes/*.md"),
              ("data-analysis", "scheduling", "monitoring")),
    Archetype("warehouse-lead", "warehouse team lead", "logistics",
              ("Baltic Parcel", "Northwind Freight", "Depot 9", "Cargo Kite"),
              ("counts stock on Fridays and keeps movement exports",),
              ("inventory/*.csv", "locations.yaml", "notes/*.md"),
              ("data-analysis", "data-cleaning", "file-organisation")),
    Archetype("event-planner", "event planner", "events",
              ("Gather & Co", "Summit Events", "Fieldday Festivals", "The Long Table"),
              ("juggles calendars, vendor lists and run-sheets",),
              ("calendars/*.yaml", "vendors.csv", "runsheet.md"),
              ("scheduling", "report-generation", "file-organisation", "data-cleaning")),
    Archetype("shop-owner", "owner", "retail",
              ("Verde Bikes", "Little Fern Florist", "Harbour Books", "Copper Kettle Cafe"),
              ("downloads everything into one folder and sorts it later",),
              ("downloads/*", "orders/*.csv", "contacts.csv"),
              ("file-organisation", "data-cleaning", "data-analysis")),
    Archetype("paralegal", "paralegal", "legal",
              ("Hart & Moss LLP", "Quayside Legal", "Bramble Law", "Northcote Partners"),
              ("keeps matter files in dated folders and never deletes originals",),
              ("matters/*.md", "deadlines.yaml", "contacts.csv"),
              ("scheduling", "file-organisation", "knowledge-management")),
    Archetype("product-manager", "product manager", "software",
              ("Streamwise", "Gridnote", "Pebble Mail", "Cobalt CRM"),
              ("writes release notes from changelog fragments",),
              ("changes/*.yaml", "roadmap.md", "releases/*.md"),
              ("report-generation", "scheduling", "knowledge-management")),
    Archetype("restaurant-owner", "owner-chef", "hospitality",
              ("Copper Kettle Cafe", "Saltbox Kitchen", "Olive & Ash", "Noodle Yard"),
              ("keeps supplier invoices and the staff rota in a shared folder",),
              ("suppliers/*.csv", "rota.yaml", "menus/*.md"),
              ("data-analysis", "scheduling", "data-cleaning", "file-organisation")),
)
ARCHETYPES_BY_ID = {a.id: a for a in ARCHETYPES}


def make_persona(archetype: Archetype, rng) -> Persona:
    name = vocab.person(rng)
    org = rng.choice(archetype.organisations)
    return Persona(id=archetype.id, name=name, role=archetype.role, organisation=org, sector=archetype.sector,
                   habits=archetype.habits, typical_files=archetype.typical_files,
                   intents=tuple(dict.fromkeys(archetype.intents)))


def archetypes_for(intent: str) -> list[Archetype]:
    return [a for a in ARCHETYPES if intent in a.intents]
