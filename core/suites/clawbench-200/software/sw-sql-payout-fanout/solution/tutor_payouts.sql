-- Monthly tutor payouts, see docs/payout-rules.md.
-- Parameters (set by scripts/run_report.py): :month_start (first day, 'YYYY-MM-DD'),
-- :month_end (first day of the next month) and :month_last_day (last day of the month).
-- Each measure is aggregated per session set in its own CTE, so that several payments,
-- refunds or reviews of one session never multiply each other (no join fan-out).
WITH month_sessions AS (
    SELECT id, tutor_id
    FROM sessions
    WHERE status = 'completed'
      AND started_at >= :month_start
      AND started_at < :month_end
),
counts AS (
    SELECT tutor_id, COUNT(*) AS sessions FROM month_sessions GROUP BY tutor_id
),
gross AS (
    SELECT ms.tutor_id, SUM(p.amount_cents) AS gross_cents
    FROM month_sessions ms
    JOIN payments p ON p.session_id = ms.id AND p.status = 'captured'
    GROUP BY ms.tutor_id
),
refunded AS (
    SELECT ms.tutor_id, SUM(r.amount_cents) AS refunds_cents
    FROM month_sessions ms
    JOIN refunds r ON r.session_id = ms.id
    GROUP BY ms.tutor_id
),
ratings AS (
    SELECT ms.tutor_id, AVG(v.rating) AS avg_rating
    FROM month_sessions ms
    JOIN reviews v ON v.session_id = ms.id
    GROUP BY ms.tutor_id
),
totals AS (
    SELECT t.id AS tutor_id,
           t.name AS tutor_name,
           COALESCE(c.sessions, 0) AS sessions,
           COALESCE(g.gross_cents, 0) AS gross_cents,
           COALESCE(r.refunds_cents, 0) AS refunds_cents,
           ROUND(rt.avg_rating, 2) AS avg_rating
    FROM tutors t
    LEFT JOIN counts c ON c.tutor_id = t.id
    LEFT JOIN gross g ON g.tutor_id = t.id
    LEFT JOIN refunded r ON r.tutor_id = t.id
    LEFT JOIN ratings rt ON rt.tutor_id = t.id
    WHERE t.status = 'active'
)
SELECT tutor_id,
       tutor_name,
       sessions,
       gross_cents,
       refunds_cents,
       ((gross_cents - refunds_cents) * 15 + 50) / 100 AS fee_cents,
       gross_cents - refunds_cents - ((gross_cents - refunds_cents) * 15 + 50) / 100 AS payout_cents,
       avg_rating
FROM totals
ORDER BY tutor_id;
