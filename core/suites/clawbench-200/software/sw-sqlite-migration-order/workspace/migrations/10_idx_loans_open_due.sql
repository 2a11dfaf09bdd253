-- speeds up the overdue list
CREATE INDEX idx_loans_open_due ON loans(due_on) WHERE returned_at IS NULL;
