-- Clv.Models: the per-customer summary (customer_id, frequency, recency, T, monetary_value) of a transaction log,
-- with the definitions of Clv.Models.Data.Summarizer (R BTYD, Python lifetimes) in continuous time:
--   purchases on the same calendar day are one purchase (their amounts are summed);
--   frequency      = distinct purchase days after the first one, up to the calibration end (inclusive);
--   recency        = (last purchase day - first purchase day) / time unit (0 when frequency = 0);
--   T              = (calibration end - first purchase day) / time unit;
--   monetary_value = mean of the per-day amounts over the repeat days (the first day excluded; 0 when frequency = 0).
-- Customers whose first purchase is after the calibration end are not in the result; later purchases are not used.
--
-- Input: a table or view clv_transactions(customer_id, purchase_date DATE, amount DOUBLE), one row per purchase.
-- Build purchase_date from the date as written (time of day and zone offset ignored, as the library does); amount may
-- be NULL when there are no amounts (monetary_value is then 0).
-- Parameters, written as a dollar sign and the name in braces below and replaced as text (by SummarySql.CustomerSummary,
-- envsubst, or Spark SQL's variable substitution):
--   calibration_end  last day (inclusive) of the calibration window, yyyy-MM-dd;
--   time_unit_days   length of the time unit in days: 7 = weeks, 1 = days.
-- ANSI SQL (GROUP BY and one window function) except for one marked expression: the number of days between two
-- dates, written for DuckDB/PostgreSQL as (a - b); Spark SQL: datediff(a, b). Rows come out in no particular order.
WITH parameters AS (
    SELECT DATE '${calibration_end}' AS calibration_end,
           CAST(${time_unit_days} AS DOUBLE) AS time_unit_days
),
purchase_days AS (
    -- one row per customer and purchase day in the calibration window
    SELECT tx.customer_id, tx.purchase_date, SUM(tx.amount) AS amount
    FROM clv_transactions tx
    CROSS JOIN parameters p
    WHERE tx.purchase_date <= p.calibration_end
    GROUP BY tx.customer_id, tx.purchase_date
),
days_to_end AS (
    SELECT d.customer_id, d.amount,
           (p.calibration_end - d.purchase_date) AS days_to_end -- engine-specific: days between two dates
    FROM purchase_days d
    CROSS JOIN parameters p
),
with_first AS (
    SELECT customer_id, amount, days_to_end,
           MAX(days_to_end) OVER (PARTITION BY customer_id) AS first_to_end
    FROM days_to_end
),
per_customer AS (
    SELECT customer_id,
           COUNT(*) - 1 AS frequency,
           MAX(first_to_end) - MIN(days_to_end) AS recency_days,
           MAX(first_to_end) AS t_days,
           SUM(CASE WHEN days_to_end < first_to_end THEN amount END) AS repeat_amount
    FROM with_first
    GROUP BY customer_id
)
SELECT c.customer_id,
       c.frequency,
       CAST(c.recency_days AS DOUBLE) / p.time_unit_days AS recency,
       CAST(c.t_days AS DOUBLE) / p.time_unit_days AS T,
       CASE WHEN c.frequency > 0 THEN COALESCE(c.repeat_amount, 0) / c.frequency
            ELSE CAST(0 AS DOUBLE) END AS monetary_value
FROM per_customer c
CROSS JOIN parameters p
