CREATE TABLE deposits (
    id INTEGER PRIMARY KEY,
    loan_id INTEGER NOT NULL REFERENCES loans(id),
    amount_cents INTEGER NOT NULL,
    refunded INTEGER NOT NULL DEFAULT 0
);
