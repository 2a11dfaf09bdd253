-- Shire Libraries open data extract, schema v2 (2024-11)
-- Loaded nightly from the LMS; this file is the published structure.

CREATE TABLE branches (
  branch_id   TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  postcode    TEXT,
  opened_year INTEGER
);

CREATE TABLE items (
  item_id     INTEGER PRIMARY KEY,
  isbn        TEXT,
  title       TEXT NOT NULL,
  format      TEXT NOT NULL CHECK (format IN ('book', 'ebook', 'audiobook', 'dvd')),
  home_branch TEXT NOT NULL REFERENCES branches (branch_id),
  acquired_on TEXT,
  language    TEXT NOT NULL DEFAULT 'eng'   -- v2: ISO 639-2 code of the item's main language
);

CREATE TABLE members (
  member_id   INTEGER PRIMARY KEY,
  home_branch TEXT REFERENCES branches (branch_id),
  joined_on   TEXT NOT NULL,
  age_band    TEXT
);

-- v2: branch_code renamed to branch_id to match the branches table
CREATE TABLE loans (
  loan_id     INTEGER PRIMARY KEY,
  item_id     INTEGER NOT NULL REFERENCES items (item_id),
  member_id   INTEGER NOT NULL REFERENCES members (member_id),
  branch_id   TEXT NOT NULL REFERENCES branches (branch_id),
  issued_at   TEXT NOT NULL,
  due_at      TEXT NOT NULL,
  returned_at TEXT
);

CREATE VIEW overdue_loans AS
  SELECT * FROM loans WHERE returned_at IS NULL AND due_at < date('now');
