"""Word pools the procedural generators draw from: people, places, products, services, phrases.
Large enough that two tasks of one family rarely share more than their template."""
from __future__ import annotations

FIRST_NAMES = (
    "Ada", "Amara", "Anika", "Arjun", "Ayumi", "Bea", "Bilal", "Bruno", "Camila", "Chen", "Chiara", "Dario",
    "Dmitri", "Elif", "Emeka", "Esme", "Farah", "Felix", "Freya", "Gabriel", "Hana", "Hugo", "Ilse", "Imani",
    "Ines", "Ivan", "Jae", "Jonas", "Kai", "Kavya", "Keanu", "Lars", "Leila", "Lucia", "Luca", "Maja", "Malik",
    "Marco", "Mei", "Mira", "Nadia", "Nico", "Noor", "Olu", "Omar", "Paula", "Priya", "Rafael", "Rhea", "Rosa",
    "Sami", "Sana", "Sofia", "Soren", "Tariq", "Tess", "Theo", "Uma", "Vera", "Wen", "Yara", "Yusuf", "Zoe",
)
LAST_NAMES = (
    "Abara", "Bianchi", "Brandt", "Castro", "Dubois", "Duarte", "Eriksen", "Farouk", "Fischer", "Garcia",
    "Haddad", "Hansen", "Ibrahim", "Ito", "Jansen", "Kaur", "Kim", "Kowalski", "Larsen", "Lopez", "Mbeki",
    "Moreau", "Nakamura", "Novak", "Okafor", "Olsen", "Park", "Petrov", "Quinn", "Rossi", "Sato", "Schmidt",
    "Silva", "Singh", "Tanaka", "Torres", "Ueda", "Varga", "Weber", "Xu", "Yilmaz", "Zhang",
)
REGIONS = ("North", "South", "East", "West", "Central", "Coastal", "Highlands", "Metro", "Valley", "Lakeside")
CITIES = ("Lisbon", "Porto", "Lyon", "Ghent", "Utrecht", "Graz", "Bergen", "Tartu", "Krakow", "Bologna", "Malmo",
          "Leeds", "Cork", "Aarhus", "Bilbao", "Brno", "Turku", "Nantes", "Basel", "Split")
SERVICES = ("auth", "billing", "catalog", "checkout", "search", "notify", "inventory", "gateway", "reports",
            "scheduler", "media", "profile", "ledger", "export", "webhooks", "pricing")
HOST_PREFIXES = ("web", "api", "db", "cache", "worker", "edge", "batch", "queue")
LOG_PATHS = ("/api/orders", "/api/products", "/api/cart", "/login", "/logout", "/api/search", "/health",
             "/api/users", "/static/app.js", "/api/invoices", "/api/reports", "/api/upload", "/admin", "/feed")
MONTHS = ("2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09",
          "2024-10", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03")
VERBS = ("draft", "review", "update", "send", "book", "confirm", "prepare", "check", "fix", "share", "archive",
         "schedule", "migrate", "document", "clean up", "order", "renew", "test", "publish", "reconcile")
OBJECTS = ("the budget sheet", "the vendor contract", "the onboarding guide", "the Q3 forecast", "the slide deck",
           "the release notes", "the supplier list", "the room booking", "the training plan", "the audit log",
           "the backup policy", "the grant report", "the price list", "the floor plan", "the newsletter",
           "the API keys rotation", "the customer survey", "the shipping labels", "the payroll export",
           "the safety checklist", "the holiday rota", "the invoice batch", "the style guide", "the data dictionary")
TAGS = ("howto", "release", "security", "data", "design", "ops", "research", "community", "guide", "news",
        "recipe", "travel", "finance", "health", "teaching", "tools", "culture", "hiring", "infra", "ux")
TITLE_WORDS = ("Quiet", "Faster", "Better", "Hidden", "Simple", "Modern", "Practical", "Small", "Honest",
               "Robust", "Gentle", "Clear", "Lean", "Curious", "Everyday", "Reliable", "Open", "Local")
TITLE_NOUNS = ("Backups", "Dashboards", "Sourdough", "Onboarding", "Caching", "Budgets", "Gardens", "Queues",
               "Interviews", "Migrations", "Spreadsheets", "Deadlines", "Prototypes", "Workshops", "Invoices",
               "Playlists", "Checklists", "Logs", "Roadmaps", "Surveys", "Sensors", "Timelines", "Recipes")
PACKAGES = ("requests", "flask", "django", "numpy", "pandas", "pyyaml", "jinja2", "urllib3", "cryptography",
            "pillow", "sqlalchemy", "celery", "redis", "boto3", "click", "pydantic", "fastapi", "uvicorn",
            "lxml", "paramiko", "werkzeug", "certifi", "idna", "markdown", "pytz", "rich", "httpx", "aiohttp")
NPM_PACKAGES = ("express", "lodash", "axios", "react", "react-dom", "moment", "chalk", "commander", "dotenv",
                "jsonwebtoken", "minimist", "ws", "yargs", "semver", "uuid", "debug", "qs", "body-parser")


def person(rng) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def people(rng, n: int) -> list[str]:
    """n distinct full names."""
    out: list[str] = []
    while len(out) < n:
        name = person(rng)
        if name not in out and name.split()[0] not in {o.split()[0] for o in out}:
            out.append(name)
    return out


def handle(name: str) -> str:
    """'Ines Duarte' -> 'ines'."""
    return name.split()[0].lower()


def slug(text: str) -> str:
    out = "".join(c.lower() if c.isalnum() else "-" for c in text)
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")
