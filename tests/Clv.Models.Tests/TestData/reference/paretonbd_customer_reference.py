#!/usr/bin/env python3
"""50-digit reference values for the Pareto/NBD likelihood with per-customer rates (Clv.Models test data).

Writes paretonbd_customer_reference.csv next to this script. Requires mpmath (tested with 1.3.0); imports the integral
routines of paretonbd_reference.py (this folder). Deterministic: fixed rows and a fixed seed.

The covariate model gives customer i its own rates alpha_i, beta_i with shared shapes r, s; customer i's likelihood is the
Pareto/NBD likelihood (Fader & Hardie 2005 note, section 3) at (r, alpha_i, s, beta_i), mixed over lambda ~ Gamma(r, alpha_i),
mu ~ Gamma(s, beta_i):
    L = G(r+x)/G(r) alpha^r beta^s [ (alpha+T)^-(r+x) (beta+T)^-s + s * int_{t_x}^T (alpha+tau)^-(r+x) (beta+tau)^-(s+1) dtau ]
Columns
  group               rows sharing (r, s) (the tests evaluate each group as one data set with per-customer rates)
  r, alpha, s, beta   shapes and this customer's rates
  x, t_x, T           frequency, recency, age
  ll                  ln L
  d_r, d_s            d ln L / dr, d ln L / ds
  d_log_alpha         alpha * d ln L / d alpha
  d_log_beta          beta * d ln L / d beta
Values are repr(float(v)) of the 50-digit results.

Every value is computed by two routes and the script aborts on disagreement:
  * ln L: the integral by mpmath hyp2f1 (closed form, 120 digits) and by mp.quad (paretonbd_reference.loglik_palive
    checks these against each other to 1e-25);
  * the gradient: (1) differentiation under the integral sign, every integral by mp.quad on geometric breakpoints;
    (2) mp.diff of the closed-form ln L. They must agree to 1e-20 (absolute + relative).
  * for a few moderate rows also ln L by the two-dimensional mixture integral over (lambda, mu) of the individual-level
    likelihood lambda^x mu/(lambda+mu) e^-(lambda+mu) t_x + lambda^(x+1)/(lambda+mu) e^-(lambda+mu) T (20 digits, 1e-15).
"""
import csv
import os
import random
import sys

import mpmath as mp
from mpmath import mpf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from paretonbd_reference import integral_closed, loglik_palive  # noqa: E402

mp.mp.dps = 50
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "paretonbd_customer_reference.csv")


def check(u, v, what, tol):
    if abs(u - v) > tol * (1 + max(abs(u), abs(v))):
        raise SystemExit(f"cross-check failed for {what}: {mp.nstr(u, 30)} vs {mp.nstr(v, 30)}")


def quad_tau(f, alpha, a, beta, b, tx, T):
    """int_{t_x}^T f(tau) dtau on breakpoints t_x + 2^k/kappa (kappa the log-slope of the integrand's envelope)."""
    kappa = a / (alpha + tx) + b / (beta + tx)
    pts, k = [tx], -4
    while True:
        nxt = tx + mpf(2) ** k / kappa
        if nxt >= T:
            break
        pts.append(nxt)
        k += 1
    pts.append(T)
    return mp.quad(f, pts)


def gradient_by_quadrature(r, alpha, s, beta, x, tx, T):
    """d ln L/d(r, s, ln alpha, ln beta), differentiating under the integral sign."""
    r, alpha, s, beta, x, tx, T = map(mpf, (r, alpha, s, beta, x, tx, T))
    a = r + x
    # scale the integrands by their value at t_x so mp.quad sees O(1) numbers
    h0 = (alpha + tx) ** (-a) * (beta + tx) ** (-(s + 1))
    g = lambda tau: (alpha + tau) ** (-a) * (beta + tau) ** (-(s + 1)) / h0

    def integral(weight):
        if not T > tx:
            return mpf(0)
        return quad_tau(lambda tau: g(tau) * weight(tau), alpha, a, beta, s + 1, tx, T) * h0

    t1 = (alpha + T) ** (-a) * (beta + T) ** (-s)
    i0 = integral(lambda tau: 1)
    bracket = t1 + s * i0
    d_log_alpha = r - alpha * a * (t1 / (alpha + T) + s * integral(lambda tau: 1 / (alpha + tau))) / bracket
    d_log_beta = s - beta * (s * t1 / (beta + T) + s * (s + 1) * integral(lambda tau: 1 / (beta + tau))) / bracket
    d_r = mp.digamma(a) - mp.digamma(r) + mp.log(alpha) - (t1 * mp.log(alpha + T) + s * integral(lambda tau: mp.log(alpha + tau))) / bracket
    d_s = mp.log(beta) + (-t1 * mp.log(beta + T) + i0 - s * integral(lambda tau: mp.log(beta + tau))) / bracket
    return d_r, d_s, d_log_alpha, d_log_beta


def loglik_closed(r, alpha, s, beta, x, tx, T):
    a = r + x
    t1 = (alpha + T) ** (-a) * (beta + T) ** (-s)
    i = integral_closed(alpha, a, beta, s + 1, tx, T) if T > tx else mpf(0)
    return mp.loggamma(a) - mp.loggamma(r) + r * mp.log(alpha) + s * mp.log(beta) + mp.log(t1 + s * i)


def gradient_by_diff(r, alpha, s, beta, x, tx, T):
    r, alpha, s, beta, x, tx, T = map(mpf, (r, alpha, s, beta, x, tx, T))
    la, lb = mp.log(alpha), mp.log(beta)
    f = lambda rr, ss, lla, llb: loglik_closed(rr, mp.exp(lla), ss, mp.exp(llb), x, tx, T)
    return (mp.diff(lambda v: f(v, s, la, lb), r), mp.diff(lambda v: f(r, v, la, lb), s),
            mp.diff(lambda v: f(r, s, v, lb), la), mp.diff(lambda v: f(r, s, la, v), lb))


def loglik_mixture_2d(r, alpha, s, beta, x, tx, T):
    """ln L by integrating the individual-level likelihood against both gamma densities (lambda, mu in log space)."""
    with mp.workdps(20):
        r, alpha, s, beta, x, tx, T = map(mpf, (r, alpha, s, beta, x, tx, T))
        lg_r, lg_s = mp.loggamma(r), mp.loggamma(s)

        def f(u, v):  # lambda = e^u, mu = e^v; densities times the Jacobians e^u, e^v
            lam, mu = mp.exp(u), mp.exp(v)
            ind = lam ** x * (mu * mp.exp(-(lam + mu) * tx) + lam * mp.exp(-(lam + mu) * T)) / (lam + mu)
            dens = mp.exp(r * mp.log(alpha) + r * u - alpha * lam - lg_r + s * mp.log(beta) + s * v - beta * mu - lg_s)
            return ind * dens

        # the mass lies within a few units of ln((r+x)/(alpha+T)) and ln(s/beta) in log space
        cu = mp.log((r + x + 1) / (alpha + tx + 1))
        cv = mp.log((s + 1) / beta)
        us = [-mp.inf, cu - 8, cu - 3, cu, cu + 3, cu + 6]
        vs = [-mp.inf, cv - 12, cv - 4, cv, cv + 4, cv + 8]
        return mp.log(mp.quad(f, us, vs))


GROUPS = [(0.5533, 0.6062), (2.0, 1.0), (0.05, 30.0), (8.0, 0.1)]


def rows():
    """(group, r, alpha, s, beta, x, t_x, T): hand-picked corners, then seeded random rates."""
    out = []
    corners = [
        # alpha = beta, alpha ~ beta, alpha >> beta, beta >> alpha, t_x = T, x = 0, large x
        (10.578, 10.578, 2, 30.43, 38.86), (10.578, 10.578 * (1 + 1e-9), 2, 30.43, 38.86),
        (10.578, 11.667, 0, 0, 38.86), (11.667, 10.578, 0, 0, 38.86),
        (1000, 0.02, 5, 10, 40), (0.02, 1000, 5, 10, 40),
        (300, 0.05, 40, 39, 40), (0.05, 300, 40, 39, 40),
        (4.4, 2.1, 7, 20, 20), (2.1, 4.4, 7, 20, 20),
        (50, 60, 300, 35, 39), (60, 50, 300, 0.5, 39),
        (0.3, 0.25, 1, 0.01, 300), (0.25, 0.3, 0, 0, 0.5),
        (25, 25 * (1 - 1e-6), 3, 1.5, 2), (7, 0.7, 12, 51.9, 52),
    ]
    rng = random.Random(20261202)
    for g, (r, s) in enumerate(GROUPS):
        for (al, be, x, tx, T) in corners:
            out.append((g, r, al, s, be, x, tx, T))
        for _ in range(8):
            al = float(mp.exp(rng.uniform(mp.log(0.05), mp.log(500))))
            be = al * float(mp.exp(rng.uniform(-3, 3))) if rng.random() < 0.8 else al
            x = rng.choice([0, 1, 2, 3, 5, 10, 30])
            T = round(rng.uniform(0.5, 80), 4)
            tx = 0.0 if x == 0 else rng.choice([T, round(rng.uniform(0, T), 4)])
            out.append((g, r, al, s, be, x, tx, T))
    return out


def main():
    moderate = 0
    with open(OUT, "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["group", "r", "alpha", "s", "beta", "x", "t_x", "T", "ll", "d_r", "d_s", "d_log_alpha", "d_log_beta"])
        for (g, r, al, s, be, x, tx, T) in rows():
            ll, _ = loglik_palive(r, al, s, be, x, tx, T)
            check(ll, loglik_closed(*map(mpf, (r, al, s, be, x, tx, T))), f"ll {(r, al, s, be, x, tx, T)}", mpf("1e-25"))
            gq = gradient_by_quadrature(r, al, s, be, x, tx, T)
            gd = gradient_by_diff(r, al, s, be, x, tx, T)
            for k in range(4):
                check(gq[k], gd[k], f"gradient[{k}] {(r, al, s, be, x, tx, T)}", mpf("1e-20"))
            if moderate < 4 and x <= 12 and g == 0 and 0.1 <= al <= 100 and 0.1 <= be <= 100:
                check(ll, loglik_mixture_2d(r, al, s, be, x, tx, T), f"2-d mixture {(r, al, s, be, x, tx, T)}", mpf("1e-15"))
                moderate += 1
            w.writerow([g, repr(r), repr(al), repr(s), repr(be), x, repr(float(tx)), repr(float(T))]
                       + [repr(float(v)) for v in (ll, *gq)])
    print(f"wrote {OUT}; {moderate} rows also checked by the 2-d mixture integral")


if __name__ == "__main__":
    main()
