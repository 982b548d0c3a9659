"""
Benchmark the relay rules: eligibility, and the whole JSON-to-JSON path.

Run with the project's environment (``bash scripts/check.sh`` creates it)::

    .venv/bin/python benchmarks/relay.py

Each figure is the median, over ``--repeat`` timed batches of ``--number``
calls, of the time per call (standard-library ``timeit``). Run it on an
idle machine: other processes inflate the figures.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import timeit
from pathlib import Path
from typing import TYPE_CHECKING

from poles_policy.boundary.case import parse_case
from poles_policy.parameters import default_parameters
from poles_policy.rules.relay import assess, eligibility

if TYPE_CHECKING:
    from collections.abc import Callable

EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "examples" / "relay-case.json"


def _median_us(fn: Callable[[], object], number: int, repeat: int) -> tuple[float, float]:
    times = timeit.repeat(fn, number=number, repeat=repeat)
    per_call = [t / number * 1e6 for t in times]
    return statistics.median(per_call), min(per_call)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--number", type=int, default=2000, help="calls per timed batch")
    parser.add_argument("--repeat", type=int, default=15, help="timed batches")
    args = parser.parse_args()

    params = default_parameters()
    raw = EXAMPLE.read_bytes()
    case = parse_case(raw)
    request, loan = case.request, case.loan

    def decide() -> object:
        return eligibility(request, params).outcome

    def decide_explained() -> object:
        return eligibility(request, params).checks

    def json_to_json() -> object:
        c = parse_case(raw)
        return json.dumps(assess(c.request, params, loan=c.loan).to_dict())

    assert eligibility(request, params).outcome.value == "eligible"
    rows = [
        ("eligibility on domain objects (outcome)", decide, "<= 10"),
        ("eligibility with its explanation built", decide_explained, "-"),
        ("JSON bytes -> JSON assessment", json_to_json, "<= 60"),
    ]
    print(f"python {platform.python_version()} on {platform.machine()}, {platform.system()}")
    print(f"case: {EXAMPLE.name}; {args.repeat} batches x {args.number} calls\n")
    print(f"{'benchmark':45} {'median us':>10} {'min us':>8} {'target us':>10}")
    for name, fn, target in rows:
        number = args.number if "JSON" not in name else max(args.number // 10, 50)
        median, best = _median_us(fn, number, args.repeat)
        print(f"{name:45} {median:10.1f} {best:8.1f} {target:>10}")
    _ = loan
    return 0


if __name__ == "__main__":
    sys.exit(main())
