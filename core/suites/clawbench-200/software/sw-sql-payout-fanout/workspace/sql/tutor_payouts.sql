-- Monthly tutor payouts, see docs/payout-rules.md.
-- Parameters (set by scripts/run_report.py): :month_start (first day, 'YYYY-MM-DD'),
-- :month_end (first day of the next month) and :month_last_day (last day of the month).
SELECT t.id AS tutor_id,
       t.name AS tutor_name,
       COUNT(s.id) AS sessions,
       SUM(p.amount_cents) AS gross_cents,
       COALESCE(SUM(r.amount_cents), 0) AS refunds_cents,
       CAST(ROUND((SUM(p.amount_cents) - COALESCE(SUM(r.amount_cents), 0)) * 0.15) AS INTEGER) AS fee_cents,
       SUM(p.amount_cents) - COALESCE(SUM(r.amount_cents), 0)
         - CAST(ROUND((SUM(p.amount_cents) - COALESCE(SUM(r.amount_cents), 0)) * 0.15) AS INTEGER) AS payout_cents,
       SUM(v.rating) / COUNT(v.rating) AS avg_rating
FROM tutors t
JOIN sessions s ON s.tutor_id = t.id
LEFT JOIN payments p ON p.session_id = s.id
LEFT JOIN refunds r ON r.session_id = s.id
LEFT JOIN reviews v ON v.session_id = s.id
WHERE s.status = 'completed'
  AND s.started_at BETWEEN :month_start AND :month_last_day
  AND t.status = 'active'
GROUP BY t.id
ORDER BY t.id;
