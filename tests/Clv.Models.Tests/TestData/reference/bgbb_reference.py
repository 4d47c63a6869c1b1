#!/usr/bin/env python3
"""50-digit reference values for the BG/BB model (Clv.Models test data).

Writes bgbb_reference.csv next to this script. Requires mpmath (tested with 1.3.0). Deterministic (fixed seed, fixed
hand-picked rows).

Model and formulas: Fader, Hardie & Shang (2010), "Customer-Base Analysis in a Discrete-Time Noncontractual Setting",
Marketing Science 29(6), 1086-1108 (FHS). p ~ Beta(alpha, beta) transaction probability, theta ~ Beta(gamma, delta)
dropout probability at the start of each opportunity.

Columns
  alpha, beta, gamma, delta   parameters
  x, t_x, n                   a customer's repeat transactions, opportunity of the last one, opportunities observed
  m                           P(alive in opportunity n + m)
  n_star                      horizon of E[X(n, n + n_star) | x, t_x, n]
  d                           discount rate of DERT
  x_new, n_new                arguments of P(X(n_new) = x_new) and E[X(n_new)] for a new customer
  ll                          ln L, FHS eq. (5)
  d_alpha .. d_delta          gradient of ln L (mpmath numerical differentiation of eq. (5) at 50 digits)
  p_alive_0, p_alive_1, p_alive_m   P(alive in n + m) for m = 0, 1 and the row's m (FHS eq. (11) generalised)
  expected                    E[X(n, n + n_star)], FHS eq. (13)
  dert                        DERT(d), FHS eq. (14)
  expected_new                E[X(n_new)], FHS eq. (8)
  p_x_new                     P(X(n_new) = x_new), FHS eq. (7)

Cross-checks (the script aborts on disagreement above 1e-25 relative): eq. (13) in closed form (gamma functions) against
the direct sum over future opportunities of P(alive) * E[p]; eq. (14) with mpmath hyp2f1 against mp.quad of
E[(1-theta)/(d+theta)] over the posterior Beta(gamma, delta+n); eq. (8) against sum_x x P(X(n) = x) from eq. (7), and
sum_x P(X(n) = x) = 1. gamma = 1 exactly uses the limit of the closed forms (the direct sums).
"""
import csv
import os
import random

import mpmath as mp
from mpmath import mpf

mp.mp.dps = 50
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bgbb_reference.csv")


def lbeta(a, b):
    return mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b)


def loglik(al, be, ga, de, x, tx, n):
    """ln of FHS eq. (5)."""
    lab, lgd = lbeta(al, be), lbeta(ga, de)
    s = mp.exp(lbeta(al + x, be + n - x) - lab + lbeta(ga, de + n) - lgd)
    for i in range(n - tx):
        s += mp.exp(lbeta(al + x, be + tx - x + i) - lab + lbeta(ga + 1, de + tx + i) - lgd)
    return mp.log(s)


def p_alive(al, be, ga, de, x, tx, n, m):
    """P(alive in n + m | x, t_x, n) = B(al+x, be+n-x)/B(al,be) B(ga, de+n+m)/B(ga,de) / L."""
    return mp.exp(lbeta(al + x, be + n - x) - lbeta(al, be) + lbeta(ga, de + n + m) - lbeta(ga, de) - loglik(al, be, ga, de, x, tx, n))


def expected_closed(al, be, ga, de, x, tx, n, ns):
    """FHS eq. (13)."""
    if ga == 1:
        return None
    pre = mp.exp(lbeta(al + x + 1, be + n - x) - lbeta(al, be) - loglik(al, be, ga, de, x, tx, n))
    pre *= de / (ga - 1) * mp.exp(mp.loggamma(ga + de) - mp.loggamma(1 + de))
    br = mp.exp(mp.loggamma(1 + de + n) - mp.loggamma(ga + de + n)) - mp.exp(mp.loggamma(1 + de + n + ns) - mp.loggamma(ga + de + n + ns))
    return pre * br


def expected_sum(al, be, ga, de, x, tx, n, ns):
    """sum_{k=1}^{ns} E[p (1-theta)^(n+k) ...] / L, term by term."""
    base = lbeta(al + x + 1, be + n - x) - lbeta(al, be) - lbeta(ga, de) - loglik(al, be, ga, de, x, tx, n)
    return mp.fsum(mp.exp(base + lbeta(ga, de + n + k)) for k in range(1, ns + 1))


def dert_hyp(al, be, ga, de, x, tx, n, d):
    """FHS eq. (14)."""
    pre = mp.exp(lbeta(al + x + 1, be + n - x) - lbeta(al, be) + lbeta(ga, de + n + 1) - lbeta(ga, de) - loglik(al, be, ga, de, x, tx, n))
    return pre / (1 + d) * mp.hyp2f1(1, de + n + 1, ga + de + n + 1, 1 / (1 + d))


def dert_quad(al, be, ga, de, x, tx, n, d):
    """P(alive at n) E[p] E[(1-theta)/(d+theta)], theta ~ Beta(ga, de+n), by mp.quad: for ga < 1 after theta = u^(1/ga)
    (removing the density's singularity at 0), otherwise in theta; split where theta = d and around the mean
    (mean +- k standard deviations, for peaked densities)."""
    alive = p_alive(al, be, ga, de, x, tx, n, 0)
    b = de + n
    lb = lbeta(ga, b)
    mean = ga / (ga + b)
    sd = mp.sqrt(ga * b / ((ga + b) ** 2 * (ga + b + 1)))
    pts = [mpf(0), mpf(1), min(d, mpf(1) / 2), mean] + [mean + k * sd for k in (-30, -10, -5, -2, -1, 1, 2, 5, 10, 30)]
    pts = sorted(set(t for t in pts if 0 <= t <= 1))
    g = lambda t: mp.exp((b - 1) * mp.log1p(-t) - lb) * (1 - t) / (d + t)
    if ga < 1:
        f = lambda u: mpf(0) if u == 0 else g(u ** (1 / ga)) / ga
        pts = [t ** ga for t in pts]
    else:
        f = lambda t: mpf(0) if t == 0 else mp.exp((ga - 1) * mp.log(t)) * g(t)
    return alive * (al + x) / (al + be + n) * mp.quad(f, pts)


def expected_new_closed(al, be, ga, de, n):
    """FHS eq. (8)."""
    if ga == 1:
        return al / (al + be) * mp.fsum(mp.exp(lbeta(ga, de + k) - lbeta(ga, de)) for k in range(1, n + 1))
    return al / (al + be) * de / (ga - 1) * (1 - mp.exp(mp.loggamma(ga + de) - mp.loggamma(ga + de + n) + mp.loggamma(1 + de + n) - mp.loggamma(1 + de)))


def pmf(al, be, ga, de, x, n):
    """FHS eq. (7)."""
    lab, lgd = lbeta(al, be), lbeta(ga, de)
    s = mp.binomial(n, x) * mp.exp(lbeta(al + x, be + n - x) - lab + lbeta(ga, de + n) - lgd)
    for i in range(x, n):
        s += mp.binomial(i, x) * mp.exp(lbeta(al + x, be + i - x) - lab + lbeta(ga + 1, de + i) - lgd)
    return s


def rel(a, b):
    return abs(a - b) / max(abs(b), mpf(10) ** -300)


def check(name, a, b, tol=mpf(10) ** -25):
    if rel(a, b) > tol:
        raise SystemExit(f"cross-check {name} failed: {mp.nstr(a, 30)} vs {mp.nstr(b, 30)}")


def row(al, be, ga, de, x, tx, n, m, ns, d, xn, nn, cross):
    al, be, ga, de, d = map(mpf, (al, be, ga, de, d))
    ll = loglik(al, be, ga, de, x, tx, n)
    grad = [mp.diff(lambda v: loglik(v, be, ga, de, x, tx, n), al),
            mp.diff(lambda v: loglik(al, v, ga, de, x, tx, n), be),
            mp.diff(lambda v: loglik(al, be, v, de, x, tx, n), ga),
            mp.diff(lambda v: loglik(al, be, ga, v, x, tx, n), de)]
    pa = [p_alive(al, be, ga, de, x, tx, n, k) for k in (0, 1, m)]
    ec = expected_closed(al, be, ga, de, x, tx, n, ns)
    if ec is None or (cross and ns <= 2000):
        es = expected_sum(al, be, ga, de, x, tx, n, ns)
        if ec is not None:
            check("eq13", ec, es, mpf(10) ** -20)
        ec = es
    dert = dert_hyp(al, be, ga, de, x, tx, n, d)
    if cross:
        check("eq14", dert, dert_quad(al, be, ga, de, x, tx, n, d), mpf(10) ** -20)
    en = expected_new_closed(al, be, ga, de, nn)
    px = pmf(al, be, ga, de, xn, nn)
    if cross and nn <= 60:
        probs = [pmf(al, be, ga, de, k, nn) for k in range(nn + 1)]
        check("sum pmf", mp.fsum(probs), mpf(1))
        check("eq8 vs eq7", mp.fsum(k * q for k, q in enumerate(probs)), en)
    vals = [ll] + grad + pa + [ec, dert, en, px]
    return [repr(float(v)) for v in (al, be, ga, de)] + [x, tx, n, m, ns, repr(float(d)), xn, nn] + [repr(float(v)) for v in vals]


def patterns(n, rnd, k):
    out = [(0, 0, n), (n, n, n)]
    while len(out) < k:
        tx = rnd.randint(1, n)
        x = rnd.randint(1, tx)
        out.append((x, tx, n))
    return out


def main():
    rnd = random.Random(20261202)
    rows = []
    donations = (1.2035, 0.7497, 0.6567, 2.7834)
    # The paper's worked customer and every donations pattern (n = 6).
    rows.append(donations + (3, 5, 6, 1, 10, 0.1, 3, 6, True))
    for x, tx in [(0, 0), (1, 1), (1, 6), (2, 4), (3, 6), (4, 5), (6, 6)]:
        rows.append(donations + (x, tx, 6, 3, 5, 0.1, min(x, 6), 11, True))
    # Extreme parameters: corners, gamma = 1 and 1 +- 1e-9 (the closed forms' removable singularity), long histories,
    # long horizons (n_star > 20000: the library's quadrature path) and small discount rates (d < ~0.002: quadrature).
    vals = [0.01, 0.1, 1.0, 10.0, 1000.0]
    gammas = [0.01, 0.5, 1.0, 1.0 + 1e-9, 1.0 - 1e-9, 2.5, 1000.0]
    for ga in gammas:
        for de in [0.01, 1.0, 1000.0]:
            al, be = rnd.choice(vals), rnd.choice(vals)
            for (x, tx, n) in patterns(rnd.choice([1, 6, 40, 200]), rnd, 3):
                ns = rnd.choice([1, 10, 500, 50000])
                d = rnd.choice([1e-4, 0.01, 0.1, 1.0, 10.0])
                nn = rnd.choice([1, 6, 30])
                rows.append((al, be, ga, de, x, tx, n, rnd.randint(0, 20), ns, d, rnd.randint(0, nn), nn, ns <= 500))
    for al in vals:
        for be in vals:
            ga, de = rnd.choice(gammas), rnd.choice(vals)
            for (x, tx, n) in patterns(rnd.choice([6, 100, 1000]), rnd, 2):
                ns = rnd.choice([1, 10, 100, 30000])
                d = rnd.choice([1e-3, 0.05, 0.1, 2.0])
                nn = rnd.choice([1, 10, 50])
                rows.append((al, be, ga, de, x, tx, n, rnd.randint(0, 5), ns, d, rnd.randint(0, nn), nn, n <= 100 and ns <= 100))
    # Seeded random rows, log-uniform parameters.
    for _ in range(120):
        p = [10 ** rnd.uniform(-2, 3) for _ in range(4)]
        n = rnd.choice([1, 2, 6, 12, 50, 300])
        (x, tx, n) = patterns(n, rnd, 3)[rnd.randint(0, 2)]
        nn = rnd.choice([1, 5, 20, 60])
        rows.append(tuple(p) + (x, tx, n, rnd.randint(0, 10), rnd.choice([1, 5, 20, 100]), 10 ** rnd.uniform(-2, 1), rnd.randint(0, nn), nn, n <= 50))
    header = ["alpha", "beta", "gamma", "delta", "x", "t_x", "n", "m", "n_star", "d", "x_new", "n_new",
              "ll", "d_alpha", "d_beta", "d_gamma", "d_delta", "p_alive_0", "p_alive_1", "p_alive_m",
              "expected", "dert", "expected_new", "p_x_new"]
    with open(OUT, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow(row(*r))
    print(f"{len(rows)} rows written to {OUT}")


if __name__ == "__main__":
    main()
