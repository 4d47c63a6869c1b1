#!/usr/bin/env python3
"""50-digit reference values for the Pareto/NBD model (Clv.Models test data).

Writes paretonbd_reference.csv next to this script. Requires mpmath (tested with 1.3.0).
Deterministic: a fixed seed, a fixed list of hand-picked rows, no dependence on time or hash order.

Model: Schmittlein, Morrison & Colombo (1987), Management Science 33(1); formulas as in Fader & Hardie (2005),
"A Note on Deriving the Pareto/NBD Model and Related Expressions" (the note; section 3 likelihood, 4 E[X(t)],
5 P(alive), 6 E[Y(t)]) and Fader & Hardie (2006), "Deriving an Expression for P(X(t)=x) Under the Pareto/NBD Model".

Columns
  r, alpha, s, beta   model parameters
  x, t_x, T           a customer's frequency, recency and age
  t                   prediction horizon
  n                   count for P(X(t) = n)
  ll                  ln L(r, alpha, s, beta | x, t_x, T)
  p_alive             P(alive | x, t_x, T)
  expected_y          E[Y(t) | x, t_x, T]
  expected_x_new      E[X(t)] for a new customer
  p_x_n               P(X(t) = n) for a new customer
Values are repr(float(v)) of the 50-digit results; values below the double range print as 0.0 (or subnormal).

Every quantity is evaluated twice by independent routes and the script aborts on disagreement:
  * I = int_{t_x}^T (alpha+tau)^-(r+x) (beta+tau)^-(s+1) dtau (the likelihood's "died in (t_x, T]" part):
    (1) closed form, the note's A0 route: with (p, m) the larger rate and its exponent, (q, n) the other,
        c = m + n - 1, I = F(t_x) - F(T), F(tau) = (p+tau)^-c / c * 2F1(n, c; c+1; (p-q)/(p+tau)),
        by mpmath hyp2f1 at 120 digits (so the difference loses nothing);
    (2) mp.quad of the integrand in tau, split at t_x + 2^k / kappa (kappa the integrand's log-slope at t_x).
  * P(X(t)=n): (1) mp.quad in tau of NB(n; r, tau/(alpha+tau)) s beta^s (beta+tau)^-(s+1) on (0, t] plus the
    alive term; (2) the same integral after u = tau/(alpha+tau) (Euler form, a different integrand and nodes);
    for n = 0 also (3) the closed form of I above with t_x = 0, T = t.
  * E[Y(t)], E[X(t)]: closed form [1 - (1+u)^-(s-1)]/(s-1) (log at s = 1) vs mp.quad of int_0^log1p(u) e^-(s-1)y dy.
"""
import csv
import os
import random

import mpmath as mp
from mpmath import mpf

mp.mp.dps = 50
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "paretonbd_reference.csv")
TOL = mpf("1e-25")


def close(u, v, what, tol=TOL):
    if u == v:
        return
    if abs(u - v) > tol * max(abs(u), abs(v)):
        raise SystemExit(f"cross-check failed for {what}: {mp.nstr(u, 30)} vs {mp.nstr(v, 30)}")


def integral_closed(alpha, a, beta, b, tx, T):
    with mp.workdps(120):
        alpha, a, beta, b, tx, T = map(mpf, (alpha, a, beta, b, tx, T))
        if alpha >= beta:
            p, m, q, n = alpha, a, beta, b
        else:
            p, m, q, n = beta, b, alpha, a
        c = m + n - 1
        d = p - q

        def F(tau):
            return (p + tau) ** (-c) / c * mp.hyp2f1(n, c, c + 1, d / (p + tau))

        return +(F(tx) - F(T))


def integral_quad(alpha, a, beta, b, tx, T):
    alpha, a, beta, b, tx, T = map(mpf, (alpha, a, beta, b, tx, T))
    kappa = a / (alpha + tx) + b / (beta + tx)
    h0 = (alpha + tx) ** (-a) * (beta + tx) ** (-b)
    f = lambda tau: (alpha + tau) ** (-a) * (beta + tau) ** (-b) / h0
    pts = [tx]
    k = -4
    while True:
        nxt = tx + mpf(2) ** k / kappa
        if nxt >= T:
            break
        pts.append(nxt)
        k += 1
    pts.append(T)
    return mp.quad(f, pts) * h0


def loglik_palive(r, alpha, s, beta, x, tx, T):
    r, alpha, s, beta, x, tx, T = map(mpf, (r, alpha, s, beta, x, tx, T))
    a = r + x
    t1 = (alpha + T) ** (-a) * (beta + T) ** (-s)
    if T > tx:
        i1 = integral_closed(alpha, a, beta, s + 1, tx, T)
        i2 = integral_quad(alpha, a, beta, s + 1, tx, T)
        close(i1, i2, f"I at {(float(r), float(alpha), float(s), float(beta), float(x), float(tx), float(T))}")
        i = i1
    else:
        i = mpf(0)
    pref = mp.loggamma(r + x) - mp.loggamma(r) + r * mp.log(alpha) + s * mp.log(beta)
    ll = pref + mp.log(t1 + s * i)
    pa = t1 / (t1 + s * i)
    return ll, pa


def dropout_factor(s, u):
    s, u = mpf(s), mpf(u)
    ell = mp.log1p(u)
    closed = ell if s == 1 else (1 - (1 + u) ** (-(s - 1))) / (s - 1)
    quad = mp.quad(lambda y: mp.exp(-(s - 1) * y), [0, ell])
    close(closed, quad, f"dropout factor s={s} u={u}", mpf("1e-30"))
    return closed


def expected_y(r, alpha, s, beta, x, tx, T, t, pa):
    r, alpha, s, beta, x, tx, T, t = map(mpf, (r, alpha, s, beta, x, tx, T, t))
    return pa * (r + x) * (beta + T) / (alpha + T) * dropout_factor(s, t / (beta + T))


def expected_x_new(r, alpha, s, beta, t):
    r, alpha, s, beta, t = map(mpf, (r, alpha, s, beta, t))
    return r * beta / alpha * dropout_factor(s, t / beta)


def p_x_n(r, alpha, s, beta, n, t):
    r, alpha, s, beta, t = map(mpf, (r, alpha, s, beta, t))
    lcoef = mp.loggamma(r + n) - mp.loggamma(r) - mp.loggamma(n + 1)
    alive = mp.exp(lcoef + r * mp.log(alpha / (alpha + t)) + n * mp.log(t / (alpha + t)) + s * mp.log(beta / (beta + t)))

    # (1) tau-integral, scaled by the integrand's largest value on a coarse grid, split on a geometric grid.
    def g(tau):
        if tau <= 0:
            return mpf(0) if n > 0 else (alpha ** (-r)) * (beta ** (-s - 1))
        return tau ** n * (alpha + tau) ** (-(r + n)) * (beta + tau) ** (-(s + 1))

    grid = [t * mpf(2) ** (-k) for k in range(64, -1, -4)]
    scale = max(g(v) for v in grid)
    died1 = mp.quad(lambda v: g(v) / scale, [mpf(0)] + grid) * scale
    died1 = died1 * mp.exp(lcoef + r * mp.log(alpha) + s * mp.log(beta)) * s
    # (2) Euler form: int_0^z u^n (1-u)^(r+s-1) (beta(1-u) + alpha u)^-(s+1) du * alpha * s * beta^s
    z = t / (alpha + t)
    h = lambda u: u ** n * (1 - u) ** (r + s - 1) * (beta * (1 - u) + alpha * u) ** (-(s + 1))
    ugrid = [z * mpf(2) ** (-k) for k in range(64, -1, -4)]
    uscale = max(h(v) for v in ugrid)
    died2 = mp.quad(lambda u: h(u) / uscale, [mpf(0)] + ugrid) * uscale
    died2 = died2 * mp.exp(lcoef + mp.log(alpha) + mp.log(s) + s * mp.log(beta))
    close(died1, died2, f"P(X(t)=n) died term at {(float(r), float(alpha), float(s), float(beta), n, float(t))}", mpf("1e-20"))
    if n == 0:
        died3 = s * alpha ** r * beta ** s * integral_closed(alpha, r, beta, s + 1, 0, t)
        close(died1, died3, "P(X(t)=0) closed form", mpf("1e-20"))
    return alive + died2


LIST = [0.01, 0.03, 0.1, 0.3, 1.0, 2.5, 7.0, 30.0, 100.0, 1000.0]


def logu(rng, lo, hi):
    return float(mp.exp(mp.log(lo) + (mp.log(hi) - mp.log(lo)) * rng.random()))


def rows():
    out = []
    # CDNOW fit (Fader & Hardie 2005 note / lifetimes) and the customer x=2, t_x=30.43, T=38.86, t=39.
    cd = (0.5533, 10.578, 0.6062, 11.667)
    out.append((*cd, 2, 30.43, 38.86, 39.0, 2))
    for x, tx, T in [(0, 0, 38.86), (1, 1.71, 38.86), (7, 29.43, 35.0), (26, 35.71, 38.86), (2, 38.86, 38.86)]:
        out.append((*cd, x, tx, T, 52.0, x % 8))
    # alpha = beta exactly and within 1e-9, 1e-12 relative
    for base in [0.01, 1.0, 11.667, 1000.0]:
        for beta in [base, base * (1 + 1e-9), base * (1 - 1e-12), base + 5e-10]:
            for (r, s) in [(0.5533, 0.6062), (2.0, 1.0), (30.0, 7.0)]:
                for (x, tx, T) in [(0, 0, 40.0), (3, 20.0, 40.0), (50, 1999.0, 2000.0), (1000, 5.0, 10.0)]:
                    out.append((r, base, s, beta, x, tx, T, 13.0, x % 5))
    # 2F1 argument near 1: alpha = 0.01, beta = 1000 and vice versa; recency 0 and T
    for (alpha, beta) in [(0.01, 1000.0), (1000.0, 0.01), (0.01, 100.0), (100.0, 0.01)]:
        for (r, s) in [(0.01, 0.01), (0.5, 0.6), (1.0, 1.0), (10.0, 30.0), (1000.0, 1000.0), (0.01, 1000.0), (1000.0, 0.01)]:
            for (x, tx, T) in [(0, 0, 0.01), (0, 0, 2000.0), (1, 1e-6, 2000.0), (5, 1.0, 2.0), (5, 2.0, 2.0), (1000, 1999.9, 2000.0), (30, 0.5, 1000.0)]:
                out.append((r, alpha, s, beta, x, tx, T, 39.0, (x + 3) % 51))
    # s = 1 exactly and 1 +- 1e-9 (the E[Y], E[X] limit)
    for s in [1.0, 1 + 1e-9, 1 - 1e-9, 1 + 1e-6]:
        for (r, alpha, beta) in [(0.5533, 10.578, 11.667), (3.0, 0.01, 1000.0), (0.1, 1000.0, 0.01)]:
            out.append((r, alpha, s, beta, 4, 20.0, 50.0, 100.0, 4))
            out.append((r, alpha, s, beta, 0, 0, 50.0, 0.01, 0))
    # seeded random rows
    rng = random.Random(20261202)
    while len(out) < 1200:
        def par():
            return rng.choice(LIST) if rng.random() < 0.5 else logu(rng, 0.01, 1000.0)
        r, alpha, s, beta = par(), par(), par(), par()
        if rng.random() < 0.1:
            beta = alpha
        u = rng.random()
        x = 0 if u < 0.3 else (rng.randint(1, 10) if u < 0.7 else int(logu(rng, 1, 1000)))
        T = logu(rng, 0.01, 2000.0)
        if x == 0:
            tx = 0.0
        else:
            v = rng.random()
            tx = T if v < 0.15 else (T * logu(rng, 1e-6, 1.0) if v < 0.3 else T * rng.random())
        t = logu(rng, 0.01, 200.0)
        n = rng.randint(0, 8) if rng.random() < 0.6 else rng.randint(9, 50)
        out.append((r, alpha, s, beta, x, tx, T, t, n))
    return out


def main():
    header = ["r", "alpha", "s", "beta", "x", "t_x", "T", "t", "n", "ll", "p_alive", "expected_y", "expected_x_new", "p_x_n"]
    with open(OUT, "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        for k, (r, alpha, s, beta, x, tx, T, t, n) in enumerate(rows()):
            ll, pa = loglik_palive(r, alpha, s, beta, x, tx, T)
            ey = expected_y(r, alpha, s, beta, x, tx, T, t, pa)
            ex = expected_x_new(r, alpha, s, beta, t)
            px = p_x_n(r, alpha, s, beta, n, t)
            w.writerow([repr(float(v)) for v in (r, alpha, s, beta)] + [str(int(x))] + [repr(float(v)) for v in (tx, T, t)]
                       + [str(int(n))] + [repr(float(v)) for v in (ll, pa, ey, ex, px)])
            if k % 100 == 0:
                print(k, flush=True)


if __name__ == "__main__":
    main()
