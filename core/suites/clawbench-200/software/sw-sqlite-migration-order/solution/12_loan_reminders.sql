-- SW-58: loan reminders
ALTER TABLE members ADD COLUMN sms_opt_in INTEGER NOT NULL DEFAULT 0;

UPDATE members
   SET sms_opt_in = 1
 WHERE phone IS NOT NULL AND phone <> '' AND contact_pref = 'sms';

CREATE TABLE reminders (
    id INTEGER PRIMARY KEY,
    loan_id INTEGER NOT NULL REFERENCES loans(id),
    channel TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
    send_on TEXT NOT NULL,
    sent_at TEXT
);

CREATE INDEX idx_reminders_send_on ON reminders(send_on);

INSERT INTO reminders (loan_id, channel, send_on, sent_at)
SELECT l.id,
       CASE WHEN m.sms_opt_in = 1 THEN 'sms' ELSE 'email' END,
       date(l.due_on, '-2 days'),
       NULL
  FROM loans AS l
  JOIN members AS m ON m.id = l.member_id
 WHERE l.returned_at IS NULL
 ORDER BY l.id;
