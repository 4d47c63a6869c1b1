"""50-digit reference for the Gamma-Gamma spend model (Fader & Hardie 2013, eqs. 3 and 5).

Writes gammagamma_reference.csv: p,q,gamma,x,m,ll,expected_spend.
ll is evaluated twice, from the closed form and by numerically integrating the gamma mixture over nu,
and the script stops if they disagree. Deterministic (seeded).
"""
import csv
import random
from mpmath import mp, mpf, loggamma, log, quad, exp, inf

mp.dps = 50


def ll_closed(p, q, g, x, m):
    px = p * x
    return (loggamma(px + q) - loggamma(px) - loggamma(q) + q * log(g) + (px - 1) * log(m)
            + px * log(x) - (px + q) * log(g + m * x))


def ll_integral(p, q, g, x, m):
    """ln of the integral over nu of f(m | nu) g(nu), with nu = mode * e^u and the peak value factored out."""
    # mean of x iid Gamma(p, nu) is Gamma(px, x*nu); nu ~ Gamma(q, g) (rate g)
    px = p * x
    mode = (px + q) / (g + x * m)  # the posterior of nu is Gamma(px + q, g + x m)
    def log_integrand(u):
        nu = mode * exp(u)
        log_f = px * log(x * nu) + (px - 1) * log(m) - x * nu * m - loggamma(px)
        log_g = q * log(g) + (q - 1) * log(nu) - g * nu - loggamma(q)
        return log_f + log_g + log(nu)
    peak = log_integrand(0)
    width = 1 / mp.sqrt(px + q)
    points = [-inf] + [k * width for k in (-40, -10, -3, -1, 0, 1, 3, 10, 40)] + [mpf(60)]
    return peak + log(quad(lambda u: exp(log_integrand(u) - peak), points))


def expected_spend(p, q, g, x, m):
    return p * (g + x * m) / (p * x + q - 1)


rng = random.Random(20261123)
# inputs are doubles (what the C# test passes), converted exactly
values = [mpf(v) for v in (0.01, 0.3, 1.0, 6.2488, 50.0, 1000.0)]
rows = []
for p in values:
    for q in values:
        for g in values:
            for _ in range(3):
                x = mpf(rng.choice([1, 2, 3, 7, 30, 1000]))
                m = mpf(10.0 ** rng.uniform(-2, 4))
                rows.append((p, q, g, x, m))
rows.append(tuple(mpf(v) for v in (6.2488, 3.7446, 15.4477, 2.0, 22.35)))

with open('gammagamma_reference.csv', 'w', newline='') as f:
    w = csv.writer(f)
    w.writerow(['p', 'q', 'gamma', 'x', 'm', 'll', 'expected_spend'])
    for i, (p, q, g, x, m) in enumerate(rows):
        ll = ll_closed(p, q, g, x, m)
        if i % 37 == 0 and p * x < 200 and q < 200:
            check = ll_integral(p, q, g, x, m)
            assert abs(check - ll) < mpf(10) ** -15 * max(1, abs(ll)), (p, q, g, x, m, ll, check)
        es = expected_spend(p, q, g, x, m) if p * x + q > 1 else mpf('inf')
        w.writerow([repr(float(v)) for v in (p, q, g, x, m)] + [repr(float(ll)), repr(float(es))])
print(len(rows), 'rows')
