"""
Benchmark the relay rules: eligibility, and the whole JSON-to-JSON path.

Run with the project's environment (``bash scripts/check.sh`` creates it)::

    .venv/bin/python benchmarks/relay.py

Each measurement runs in ``--processes`` fresh Python processes: on a shared
machine the speed of a whole process varies (by a factor of two here,
whatever the code), so one process is not a measurement. In each process,
the time per call is the median over ``--repeat`` timed batches of
``--number`` calls (standard-library ``timeit``); the table gives the median
and the range of those per-process medians.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import timeit
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "examples" / "relay-case.json"
BENCHMARKS = {
    "outcome": ("eligibility on domain objects (outcome)", "<= 10"),
    "explained": ("eligibility with its explanation built", "-"),
    "brief": ("JSON bytes -> brief JSON assessment", "<= 60"),
    "json": ("JSON bytes -> explained JSON assessment", "<= 60"),
    "parse": ("  of which parse_case alone", "-"),
    "assess": ("  of which assess on domain objects", "-"),
    "json_floor": ("  of which json.loads + json.dumps alone", "-"),
}
# The JSON paths take milliseconds rather than microseconds: fewer calls per batch.
_SLOW = {"brief", "json", "parse", "assess", "json_floor"}


def _measure(name: str, number: int, repeat: int) -> float:
    """Return the median time per call, in microseconds, of benchmark *name*."""
    from poles_policy.boundary.case import parse_case
    from poles_policy.parameters import default_parameters
    from poles_policy.rules.relay import assess, eligibility

    params = default_parameters()
    raw = EXAMPLE.read_bytes()
    case = parse_case(raw)
    request = case.request
    if eligibility(request, params).outcome.value != "eligible":
        msg = f"{EXAMPLE.name} should be an eligible case"
        raise SystemExit(msg)

    def outcome() -> object:
        return eligibility(request, params).outcome

    def explained() -> object:
        return eligibility(request, params).checks

    def brief() -> object:
        c = parse_case(raw)
        return json.dumps(assess(c.request, params, loan=c.loan).to_dict(brief=True))

    def json_to_json() -> object:
        c = parse_case(raw)
        return json.dumps(assess(c.request, params, loan=c.loan).to_dict())

    def parse() -> object:
        return parse_case(raw)

    def assessed() -> object:
        return assess(request, params, loan=case.loan)

    document = assess(request, params, loan=case.loan).to_dict()

    def json_floor() -> object:
        return json.loads(raw), json.dumps(document)

    functions: dict[str, Callable[[], object]] = {
        "outcome": outcome,
        "explained": explained,
        "brief": brief,
        "json": json_to_json,
        "parse": parse,
        "assess": assessed,
        "json_floor": json_floor,
    }
    times = timeit.repeat(functions[name], number=number, repeat=repeat)
    return statistics.median(t / number * 1e6 for t in times)


def main() -> int:
    """Run every benchmark in fresh processes and print the table."""
    parser = argparse.ArgumentParser(description="Benchmark the relay rules.")
    parser.add_argument("--number", type=int, default=2000, help="calls per timed batch")
    parser.add_argument("--repeat", type=int, default=9, help="timed batches per process")
    parser.add_argument("--processes", type=int, default=7, help="fresh processes per benchmark")
    parser.add_argument(
        "--only", nargs="+", choices=sorted(BENCHMARKS), help="run only these benchmarks"
    )
    parser.add_argument("--one", choices=sorted(BENCHMARKS), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        number = args.number if args.one not in _SLOW else max(args.number // 20, 20)
        print(_measure(args.one, number, args.repeat))
        return 0
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"python {platform.python_version()} on {platform.machine()}, {platform.system()}, "
        f"{os.cpu_count()} CPUs, load average {load}"
    )
    print(
        f"case: {EXAMPLE.name}; {args.processes} processes x {args.repeat} batches "
        f"x {args.number} calls (JSON path: {max(args.number // 20, 20)} calls)\n"
    )
    print(f"{'benchmark':42} {'median us':>10} {'range us':>17} {'target us':>10}")
    for key, (label, target) in BENCHMARKS.items():
        if args.only and key not in args.only:
            continue
        medians = []
        for _ in range(args.processes):
            out = subprocess.run(  # noqa: S603 - runs this very script
                [
                    sys.executable,
                    __file__,
                    "--one",
                    key,
                    "--number",
                    str(args.number),
                    "--repeat",
                    str(args.repeat),
                ],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            medians.append(float(out))
        spread = f"{min(medians):.1f} - {max(medians):.1f}"
        print(f"{label:42} {statistics.median(medians):10.1f} {spread:>17} {target:>10}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
