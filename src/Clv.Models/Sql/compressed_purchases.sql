-- Clv.Models: the compressed purchase table of a per-customer summary: one row per distinct (frequency, recency, T)
-- with count = the number of customers that have it. Everything BG/NBD, MBG/NBD and Pareto/NBD need for fitting
-- (the likelihood depends on a customer only through these three numbers); `clv fit` reads it with its count column.
-- Input: a table or view clv_summary(frequency, recency, T, ...), e.g. the result of customer_summary.sql.
-- ANSI SQL. Rows come out in no particular order.
SELECT frequency, recency, T, COUNT(*) AS count
FROM clv_summary
GROUP BY frequency, recency, T
