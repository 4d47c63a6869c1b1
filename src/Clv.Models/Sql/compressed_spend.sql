-- Clv.Models: the compressed spend table of a per-customer summary, the Gamma-Gamma input: one row per distinct
-- (frequency, monetary_value) over the customers with at least one repeat purchase (frequency > 0), with
-- count = the number of customers that have it.
-- Input: a table or view clv_summary(frequency, monetary_value, ...), e.g. the result of customer_summary.sql.
-- ANSI SQL. Rows come out in no particular order.
SELECT frequency, monetary_value, COUNT(*) AS count
FROM clv_summary
WHERE frequency > 0
GROUP BY frequency, monetary_value
