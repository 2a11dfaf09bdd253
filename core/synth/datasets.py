"""Tabular record kinds the data families draw from (orders, appointments, shipments, tickets...),
each with several spellings of its column names, so that one family yields CSVs that differ in
entity, header, grouping keys and measures, not only in numbers. The persona's sector picks likely
kinds; any kind can appear for any persona with a small probability."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from . import vocab


@dataclass(frozen=True)
class Group:
    names: tuple[str, ...]           # header spellings
    values: tuple[str, ...]


@dataclass(frozen=True)
class Measure:
    names: tuple[str, ...]
    lo: float
    hi: float
    decimals: int                    # 0: whole numbers
    unit: str


@dataclass(frozen=True)
class Dataset:
    id: str
    sectors: tuple[str, ...]
    entity: str                      # singular noun: "order"
    stems: tuple[str, ...]           # file name stems: "orders", "sales_export"
    id_names: tuple[str, ...]
    id_prefix: str
    date_names: tuple[str, ...]
    person_names: tuple[str, ...]
    groups: tuple[Group, ...]
    measures: tuple[Measure, ...]


DATASETS: tuple[Dataset, ...] = (
    Dataset("orders", ("retail", "marketing", "hospitality"), "order", ("orders", "sales_export", "shop_orders"),
            ("order_id", "order_no", "id"), "SO", ("date", "order_date", "created"), ("customer", "buyer", "account"),
            (Group(("region", "sales_region", "area"), vocab.REGIONS[:6]),
             Group(("channel", "sales_channel", "source"), ("web", "store", "phone", "marketplace", "wholesale"))),
            (Measure(("qty", "units", "quantity"), 1, 12, 0, "units"),
             Measure(("amount", "revenue", "total"), 8, 480, 2, "EUR"))),
    Dataset("appointments", ("health",), "appointment", ("appointments", "bookings", "visits"),
            ("appt_id", "booking_ref", "visit_id"), "AP", ("date", "visit_date", "slot_date"), ("patient", "client", "patient_name"),
            (Group(("clinic", "site", "location"), ("Riverside", "Old Town", "Harbour", "Northgate", "Parkview")),
             Group(("service", "treatment", "appointment_type"), ("checkup", "follow-up", "x-ray", "cleaning", "consult", "vaccination"))),
            (Measure(("duration_min", "minutes", "length_min"), 10, 90, 0, "minutes"),
             Measure(("fee", "charge", "billed"), 25, 260, 2, "EUR"))),
    Dataset("shipments", ("logistics",), "shipment", ("shipments", "consignments", "dispatch_log"),
            ("shipment_id", "tracking_no", "consignment"), "SH", ("date", "ship_date", "dispatched"), ("consignee", "recipient", "customer"),
            (Group(("carrier", "courier", "provider"), ("DHL", "UPS", "GLS", "DPD", "PostNord", "FedEx")),
             Group(("destination", "dest_city", "to_city"), vocab.CITIES[:8])),
            (Measure(("weight_kg", "kg", "weight"), 0.2, 38, 1, "kg"),
             Measure(("cost", "freight_cost", "charge"), 4, 180, 2, "EUR"))),
    Dataset("tickets", ("tech", "software"), "ticket", ("tickets", "support_export", "helpdesk"),
            ("ticket_id", "case_no", "ticket"), "TK", ("opened", "created_at", "date"), ("requester", "customer", "reporter"),
            (Group(("queue", "team", "category"), ("billing", "technical", "account", "shipping", "onboarding")),
             Group(("priority", "severity", "urgency"), ("low", "normal", "high", "urgent"))),
            (Measure(("resolution_h", "hours_to_resolve", "ttr_hours"), 0.5, 96, 1, "hours"),
             Measure(("replies", "messages", "touches"), 1, 14, 0, "replies"))),
    Dataset("timesheets", ("agency", "corporate", "legal"), "time entry", ("timesheet", "hours", "time_log"),
            ("entry_id", "line_id", "ref"), "TS", ("date", "day", "work_date"), ("employee", "staff", "person"),
            (Group(("project", "client_project", "engagement"), ("Atlas", "Beacon", "Cedar", "Dune", "Ember", "Fjord")),
             Group(("activity", "task_type", "phase"), ("design", "build", "review", "meeting", "support"))),
            (Measure(("hours", "hrs", "time_h"), 0.5, 9, 1, "hours"),
             Measure(("billable_amount", "amount", "value"), 40, 900, 2, "EUR"))),
    Dataset("expenses", ("corporate", "legal", "nonprofit"), "expense claim", ("expenses", "claims", "expense_report"),
            ("claim_id", "expense_id", "ref"), "EX", ("date", "spent_on", "claim_date"), ("employee", "claimant", "staff_member"),
            (Group(("category", "expense_type", "kind"), ("travel", "meals", "lodging", "software", "training", "supplies")),
             Group(("department", "cost_centre", "team"), ("Sales", "Ops", "Finance", "Engineering", "People"))),
            (Measure(("amount", "total", "claimed"), 6, 640, 2, "EUR"),
             Measure(("receipts", "receipt_count", "attachments"), 1, 5, 0, "receipts"))),
    Dataset("donations", ("nonprofit",), "donation", ("donations", "gifts", "giving_export"),
            ("donation_id", "gift_id", "ref"), "DN", ("date", "received", "gift_date"), ("donor", "supporter", "donor_name"),
            (Group(("campaign", "appeal", "fund"), ("Winter Appeal", "Spring Drive", "Clean Rivers", "Book Bus", "Open Doors")),
             Group(("method", "payment_method", "channel"), ("card", "bank", "cash", "paypal", "cheque"))),
            (Measure(("amount", "gift", "value"), 5, 750, 2, "EUR"),
             Measure(("gift_aid", "matched", "bonus"), 0, 60, 2, "EUR"))),
    Dataset("samples", ("research",), "sample run", ("runs", "assay_results", "instrument_export"),
            ("sample_id", "run_id", "specimen"), "SM", ("date", "run_date", "measured"), ("operator", "analyst", "technician"),
            (Group(("assay", "method", "panel"), ("PCR", "ELISA", "HPLC", "qPCR", "flow")),
             Group(("instrument", "device", "machine"), ("QX-200", "Lumi-4", "Spectra-9", "Nova-2"))),
            (Measure(("concentration", "conc_ng_ul", "yield"), 0.5, 250, 2, "ng/ul"),
             Measure(("runtime_min", "minutes", "duration"), 5, 120, 0, "minutes"))),
    Dataset("enrolments", ("education",), "enrolment", ("enrolments", "marks", "gradebook"),
            ("student_id", "learner_id", "enrolment"), "ST", ("date", "submitted", "assessed_on"), ("student", "learner", "pupil"),
            (Group(("course", "subject", "class"), ("Maths", "Biology", "History", "Art", "Physics", "French")),
             Group(("cohort", "year_group", "form"), ("Y9", "Y10", "Y11", "Y12", "Y13"))),
            (Measure(("score", "mark", "points"), 20, 100, 0, "points"),
             Measure(("hours", "study_hours", "contact_hours"), 1, 40, 1, "hours"))),
    Dataset("meters", ("facilities",), "meter reading", ("meter_readings", "energy", "readings"),
            ("reading_id", "read_no", "ref"), "MR", ("date", "read_at", "reading_date"), ("read_by", "technician", "engineer"),
            (Group(("site", "building", "location"), ("North Wing", "Annex", "Warehouse", "Tower A", "Tower B")),
             Group(("meter", "utility", "supply"), ("electric", "gas", "water", "heat"))),
            (Measure(("kwh", "consumption", "usage"), 20, 2400, 1, "kWh"),
             Measure(("cost", "charge", "bill"), 5, 600, 2, "EUR"))),
    Dataset("sessions", ("marketing", "tech"), "session", ("sessions", "traffic", "web_analytics"),
            ("session_id", "visit_id", "sid"), "WS", ("date", "day", "visit_date"), ("landing_page", "entry_page", "page"),
            (Group(("channel", "source", "medium"), ("organic", "paid", "email", "social", "referral", "direct")),
             Group(("device", "platform", "device_type"), ("mobile", "desktop", "tablet"))),
            (Measure(("pageviews", "views", "pages"), 1, 25, 0, "pageviews"),
             Measure(("order_value", "revenue", "basket"), 0, 320, 2, "EUR"))),
    Dataset("inventory", ("logistics", "retail", "hospitality"), "stock movement", ("stock_moves", "inventory", "movements"),
            ("move_id", "movement", "ref"), "MV", ("date", "moved_on", "posted"), ("handled_by", "clerk", "picker"),
            (Group(("warehouse", "location", "depot"), ("DC-North", "DC-South", "Store-1", "Store-2", "Overflow")),
             Group(("sku_family", "category", "product_group"), ("beverages", "snacks", "household", "frozen", "produce"))),
            (Measure(("qty", "units", "quantity"), 1, 60, 0, "units"),
             Measure(("value", "stock_value", "amount"), 3, 900, 2, "EUR"))),
)
DATASETS_BY_ID = {d.id: d for d in DATASETS}


def pick_dataset(rng, sector: str) -> Dataset:
    """Mostly one that fits the sector; sometimes any, so sectors do not wall families in."""
    fitting = [d for d in DATASETS if sector in d.sectors]
    if fitting and rng.random() < 0.8:
        return rng.choice(fitting)
    return rng.choice(DATASETS)


@dataclass
class Schema:
    """One drawn spelling of a dataset: the actual header and what each column means."""
    dataset: Dataset
    id: str
    date: str
    person: str
    group: str
    group_values: tuple[str, ...]
    other_group: str
    other_values: tuple[str, ...]
    measure: str
    measure_spec: Measure
    other_measure: str
    other_measure_spec: Measure
    stem: str

    @property
    def header(self) -> list[str]:
        return [self.id, self.date, self.person, self.group, self.other_group, self.measure, self.other_measure]


def draw_schema(rng, dataset: Dataset) -> Schema:
    groups = list(dataset.groups)
    rng.shuffle(groups)
    measures = list(dataset.measures)
    rng.shuffle(measures)
    g, og = groups
    m, om = measures
    k = rng.randint(3, min(5, len(g.values)))
    return Schema(dataset, rng.choice(dataset.id_names), rng.choice(dataset.date_names), rng.choice(dataset.person_names),
                  rng.choice(g.names), tuple(rng.sample(g.values, k)), rng.choice(og.names), og.values,
                  rng.choice(m.names), m, rng.choice(om.names), om, rng.choice(dataset.stems))


def fmt_number(value: float, decimals: int) -> str:
    return str(int(round(value))) if decimals == 0 else f"{value:.{decimals}f}"


def draw_value(rng, m: Measure) -> str:
    if m.decimals == 0:
        return str(rng.randint(int(m.lo), int(m.hi)))
    return fmt_number(rng.uniform(m.lo, m.hi), m.decimals)


def draw_rows(rng, s: Schema, n: int, month: str, start: int = 1) -> list[dict[str, str]]:
    """n well-formed rows dated within `month` (YYYY-MM), ids numbered from `start`."""
    names = vocab.people(rng, 8)
    rows = []
    for i in range(n):
        rows.append({
            s.id: f"{s.dataset.id_prefix}-{month.replace('-', '')[2:]}-{start + i:04d}",
            s.date: f"{month}-{rng.randint(1, 28):02d}",
            s.person: rng.choice(names),
            s.group: rng.choice(s.group_values),
            s.other_group: rng.choice(s.other_values),
            s.measure: draw_value(rng, s.measure_spec),
            s.other_measure: draw_value(rng, s.other_measure_spec),
        })
    return rows


def to_csv(header: list[str], rows: list[dict[str, str]] | list[list[str]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow([r.get(h, "") for h in header] if isinstance(r, dict) else r)
    return buf.getvalue()


def parse_csv(text: str) -> tuple[list[str], list[list[str]]]:
    """Header and raw rows (lists, any length): stage 3 recomputes expectations from the written text."""
    rows = list(csv.reader(io.StringIO(text)))
    return rows[0], rows[1:]
