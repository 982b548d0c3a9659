"""
Benchmark the portfolio scenarios: vectorised screening against the scalar rule.

Run with the project's environment (``bash scripts/check.sh`` creates it)::

    .venv/bin/python benchmarks/scenarios.py

On a synthetic national portfolio (``synthetic_relay_cases``, seeded), each
line times one operation over the whole portfolio with the standard
library's ``timeit`` (median of ``--repeat`` runs) and gives the time per
case. Each measurement runs in ``--processes`` fresh processes, as the
whole-process speed of a shared machine varies; the table gives the median
and range of the per-process figures.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import timeit
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

BENCHMARKS = {
    "scalar": "scalar eligibility(...).outcome, case by case",
    "portfolio": "RelayPortfolio.from_cases (once per portfolio)",
    "screen": "screen(portfolio, params): every status and outcome",
    "sweep": "generalisation_sweep over 12 dates, per case and date",
    "savings": "simulate_savings, 1000 draws, per eligible case",
}


def _measure(name: str, cases: int, repeat: int) -> float:
    """Return the median time per case (per case and date for the sweep), in microseconds."""
    from poles_policy.parameters import default_parameters
    from poles_policy.rules.relay import eligibility
    from poles_policy.scenarios import (
        RelayPortfolio,
        generalisation_sweep,
        screen,
        simulate_savings,
        synthetic_relay_cases,
    )

    params = default_parameters()
    national = params.override("relay.national_from", date(2008, 4, 1))
    portfolio_cases = synthetic_relay_cases(cases, seed=2026, start=date(2008, 4, 1))
    portfolio = RelayPortfolio.from_cases(portfolio_cases)
    dates = [date(2008 + k // 3, 1 + 4 * (k % 3), 1) for k in range(12)]
    eligible = int((screen(portfolio, national)["outcome"] == "eligible").sum())

    def scalar() -> object:
        return [eligibility(c.request, params).outcome for c in portfolio_cases]

    functions: dict[str, tuple[Callable[[], object], int]] = {
        "scalar": (scalar, cases),
        "portfolio": (lambda: RelayPortfolio.from_cases(portfolio_cases), cases),
        "screen": (lambda: screen(portfolio, params), cases),
        "sweep": (lambda: generalisation_sweep(portfolio, params, dates), cases * len(dates)),
        "savings": (lambda: simulate_savings(portfolio, national, draws=1000, seed=1), eligible),
    }
    function, per = functions[name]
    times = timeit.repeat(function, number=1, repeat=repeat)
    return statistics.median(times) / per * 1e6


def main() -> int:
    """Run every benchmark in fresh processes and print the table."""
    parser = argparse.ArgumentParser(description="Benchmark the portfolio scenarios.")
    parser.add_argument("--cases", type=int, default=10_000, help="cases in the portfolio")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per process")
    parser.add_argument("--processes", type=int, default=3, help="fresh processes per benchmark")
    parser.add_argument(
        "--only", nargs="+", choices=sorted(BENCHMARKS), help="run only these benchmarks"
    )
    parser.add_argument("--one", choices=sorted(BENCHMARKS), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(_measure(args.one, args.cases, args.repeat))
        return 0
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"python {platform.python_version()} on {platform.machine()}, {platform.system()}, "
        f"{os.cpu_count()} CPUs, load average {load}"
    )
    print(
        f"synthetic national portfolio of {args.cases} cases (seed 2026); "
        f"{args.processes} processes x {args.repeat} runs\n"
    )
    print(f"{'benchmark':56} {'median us/case':>15} {'range':>15}")
    for key, label in BENCHMARKS.items():
        if args.only and key not in args.only:
            continue
        medians = []
        for _ in range(args.processes):
            command = [sys.executable, __file__, "--one", key]
            command += ["--cases", str(args.cases), "--repeat", str(args.repeat)]
            out = subprocess.run(  # noqa: S603 - runs this very script
                command, capture_output=True, text=True, check=True
            ).stdout
            medians.append(float(out))
        spread = f"{min(medians):.2f} - {max(medians):.2f}"
        print(f"{label:56} {statistics.median(medians):15.2f} {spread:>15}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
