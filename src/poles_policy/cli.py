"""
The ``poles-policy`` command.

Each subcommand is one small function registered by an ``_add_*`` function
in :func:`build_parser`; to add one, write both and append the ``_add_*``
function to ``_COMMANDS``. A handler receives the parsed arguments and the
output stream, and returns the exit code.

Bad arguments print the usage and one ``poles-policy: error: ...`` line on
stderr and exit with status 2, as does any
:class:`~poles_policy.exceptions.PolesPolicyError`; the command never shows
a traceback for them. It never reads the clock: a date is an argument.

The JSON boundary (pydantic) is imported inside the handlers that need it,
so that ``poles-policy params`` and ``import poles_policy.cli`` stay light.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NoReturn, TextIO

from poles_policy.dates import parse_iso_date
from poles_policy.exceptions import InvalidInputError, ParameterError, PolesPolicyError
from poles_policy.parameters import (
    ParameterSet,
    default_parameters,
    load_parameters,
    render_value,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from _typeshed import SupportsWrite

    from poles_policy.model.cases import RelayCase
    from poles_policy.parameters import DatedValue, Parameter

    # argparse has no public name for the type of add_subparsers()'s result.
    _Commands = argparse._SubParsersAction["_Parser"]  # noqa: SLF001

__all__ = ["PROG", "build_parser", "main"]

PROG: Final = "poles-policy"
_USAGE_ERROR: Final = 2
_OUTPUT_ERROR: Final = 1


class _ParserExitError(Exception):
    """Raised instead of SystemExit so that :func:`main` returns the status."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class _Parser(argparse.ArgumentParser):
    """An argument parser that reports errors as ``poles-policy: error: ...`` and returns."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(_USAGE_ERROR, f"{PROG}: error: {message}\n")

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            sys.stderr.write(message)
        raise _ParserExitError(status)

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        # argparse's own swallows a failed write: --help to a full disk would say nothing.
        if message:
            (file or sys.stderr).write(message)


def _iso_date(text: str) -> date:
    """Read a command-line date, in ISO form only."""
    try:
        return parse_iso_date(text)
    except InvalidInputError:
        msg = f"{text!r} is not a date in ISO form YYYY-MM-DD (e.g. 2009-07-01)"
        raise argparse.ArgumentTypeError(msg) from None


def _version() -> str:
    try:
        return version("poles-policy")
    except PackageNotFoundError:
        return "unknown (not installed)"


# -- params -----------------------------------------------------------------------------------


def _add_params(commands: _Commands) -> None:
    parser = commands.add_parser(
        "params",
        help="list the policy parameters with their values and sources",
        description=(
            "List every parameter in force on a date, or every parameter with its full "
            "history when no date is given."
        ),
    )
    parser.add_argument(
        "--at",
        type=_iso_date,
        metavar="DATE",
        help="list the values in force on DATE (YYYY-MM-DD); default: the full history",
    )
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    parser.set_defaults(handler=_run_params)


def _row(parameter: Parameter, item: DatedValue | None) -> dict[str, Any]:
    return {
        "name": parameter.name,
        "value": None if item is None else render_value(item.value),
        "unit": parameter.unit,
        "valid_from": None if item is None else item.valid_from.isoformat(),
        "valid_until": (
            None if item is None or item.valid_until is None else item.valid_until.isoformat()
        ),
        "confidence": None if item is None else item.confidence,
        "source": None if item is None else item.source,
        "note": None if item is None else item.note,
        "description": parameter.description,
        "clauses": list(parameter.clauses),
    }


def _run_params(args: argparse.Namespace, out: TextIO) -> int:
    params = default_parameters()
    on: date | None = args.at
    pairs: list[tuple[Parameter, DatedValue | None]]
    if on is None:
        pairs = [(p, v) for p in params.parameters for v in (p.values or (None,))]
        title = f"Every parameter with its full history (parameter set: {params.label})"
        absent = "never in force"
    else:
        pairs = list(params.in_force(on))
        title = f"Parameters in force on {on.isoformat()} (parameter set: {params.label})"
        absent = "not in force"
    rows = [_row(p, v) for p, v in pairs]
    note = None if on is None else _after_phase_2(on, "the values shown")
    if args.json:
        out.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        if note is not None:
            sys.stderr.write(f"{PROG}: {note}\n")
        return 0
    table = [["NAME = VALUE", "UNIT", "VALID FROM", "VALID UNTIL", "CONFIDENCE", "SOURCE"]]
    for row in rows:
        if row["value"] is None:
            table.append([f"{row['name']}: {absent}", row["unit"], "-", "-", "-", "-"])
        else:
            table.append(
                [
                    f"{row['name']} = {row['value']}",
                    row["unit"],
                    row["valid_from"],
                    row["valid_until"] or "open",
                    row["confidence"],
                    row["source"],
                ]
            )
    if note is not None:
        title += "\n" + note
    out.write(title + "\n\n" + _format_table(table) + "\n")
    return 0


# Phase 2 ran 2009-2011, extended to 2012 (CIADT of 11 May 2010; FACTS.md): the period the
# packaged data's sources cover.
_PHASE_2_END: Final = date(2012, 12, 31)


def _after_phase_2(on: date, what: str, lang: str = "en") -> str | None:
    """A note for a date after Phase 2: *what* may be carried forward from the last known."""
    if on <= _PHASE_2_END:
        return None
    if lang == "fr":
        return (
            f"Note : le {on.isoformat()} est postérieur à la phase 2 (2009-2012), la période que "
            f"couvrent les sources de la bibliothèque ; {what} peuvent être les dernières connues, "
            "prolongées sans source pour cette date."
        )
    return (
        f"Note: {on.isoformat()} is after Phase 2 (2009-2012), the period the library's sources "
        f"cover; {what} may be the last known, carried forward with no source for that date."
    )


def _format_table(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    lines = [
        "  ".join([*(cell.ljust(w) for cell, w in zip(row, widths, strict=False)), row[-1]])
        for row in rows
    ]
    return "\n".join(line.rstrip() for line in lines)


# -- relay check ------------------------------------------------------------------------------


def _add_relay(commands: _Commands) -> None:
    relay = commands.add_parser(
        "relay",
        help="relay financing (financement relais): check a case",
        description="Relay financing (financement relais, RELAY.1-RELAY.7).",
    )
    actions = relay.add_subparsers(
        dest="relay_command", metavar="ACTION", required=True, parser_class=_Parser
    )
    check = actions.add_parser(
        "check",
        help="assess a relay case: eligibility, OSEO guarantee, time saved and cost",
        description=(
            "Assess a relay case given as one JSON document (see docs/examples/relay-case.json "
            "and the relay-case schema): the decision with every check and the clauses it "
            "applies, the time saved and the cost. The parameters are read at the case's "
            "request date. The exit status is 0 whenever the case was assessed, whatever the "
            "outcome, and 2 if the document or a file cannot be read or is invalid."
        ),
    )
    check.add_argument(
        "case", metavar="CASE.json", help="the case document, or - to read it from standard input"
    )
    check.add_argument(
        "--json", action="store_true", help="print the assessment as JSON instead of text"
    )
    check.add_argument(
        "--brief",
        action="store_true",
        help=(
            "with --json: print only the outcome, the failed conditions, the missing facts "
            "and the figures, without the explanations"
        ),
    )
    check.add_argument(
        "--sources",
        action="store_true",
        help=(
            "show the source of every parameter in the text explanation (the JSON assessment "
            "always has them)"
        ),
    )
    check.add_argument(
        "--lang",
        choices=("en", "fr"),
        help=(
            "language of the text explanation: en (default) or fr (the JSON assessment holds both)"
        ),
    )
    check.add_argument(
        "--at-params",
        type=Path,
        metavar="FILE",
        help=(
            "a TOML parameter file (or a directory of them) whose parameters replace the "
            "default ones of the same name (each must be one of the library's)"
        ),
    )
    labelling = check.add_mutually_exclusive_group()
    labelling.add_argument(
        "--reference-poles",
        action="store_true",
        help=(
            "count a label only if its pôle held its own label that day, by the labelling "
            "histories of the packaged Rhône-Alpes pôles (a label from another pôle is then "
            "undetermined)"
        ),
    )
    labelling.add_argument(
        "--poles",
        metavar="FILE",
        help=(
            "the same check by the labelling histories of FILE, a JSON array of pôle documents "
            "(`poles-policy schema pole`), for pôles of any region"
        ),
    )
    check.set_defaults(handler=_run_relay_check)


def _read_document(name: str) -> tuple[str, bytes]:
    """Return the name to show in messages and the bytes of file *name* (``-``: stdin)."""
    if name == "-":
        stream = sys.stdin
        data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read().encode()
        return "<stdin>", data
    try:
        return name, Path(name).read_bytes()
    except OSError as exc:
        msg = f"{name}: cannot be read: {exc.strerror or exc}"
        raise InvalidInputError(msg) from None


def _did_you_mean(word: str, choices: list[str], *, cutoff: float) -> str:
    """`` (did you mean 'x'?)`` with the closest of *choices*, or nothing."""
    close = difflib.get_close_matches(word, choices, n=3, cutoff=cutoff)
    return f" (did you mean {', '.join(map(repr, close))}?)" if close else ""


def _parameters_with(path: Path | None) -> ParameterSet:
    """
    Return the default parameters, with those of *path* replacing them.

    :func:`~poles_policy.parameters.load_parameters` refuses a name defined
    in two files, so the replacement is made here: every parameter of the
    file replaces the default one of the same name, whole (description,
    unit and history). A name the library does not define would be read by
    no rule (a misspelt ``relay.national_form`` would leave the default in
    force unnoticed), so it is refused, as is a file that defines nothing or
    gives a parameter in another unit than the library's.
    """
    base = default_parameters()
    if path is None:
        return base
    replacing = load_parameters(path)
    if not replacing.parameters:
        msg = f"--at-params: {path} defines no parameter"
        raise InvalidInputError(msg)
    for name in replacing:
        if name not in base:
            # Names share dotted prefixes: a lower cutoff would suggest too much.
            hint = _did_you_mean(name, list(base), cutoff=0.75)
            msg = (
                f"--at-params: {path} defines {name!r}, which is not one of the library's "
                f"parameters{hint}; `poles-policy params` lists them"
            )
            raise InvalidInputError(msg)
        given, expected = replacing[name].unit, base[name].unit
        if given != expected:
            # The rules read each parameter in its own unit: a share is not a list of regions.
            msg = f"--at-params: {path} gives {name} in unit {given!r}; its unit is {expected!r}"
            raise InvalidInputError(msg)
    kept = [p for p in base.parameters if p.name not in replacing]
    return ParameterSet(
        parameters=[*kept, *replacing.parameters], label=f"{base.label} + {path.name}"
    )


def _run_relay_check(args: argparse.Namespace, out: TextIO) -> int:
    from poles_policy.boundary.case import parse_case
    from poles_policy.boundary.poles import parse_poles
    from poles_policy.data import rhone_alpes_poles
    from poles_policy.rules.relay.assessment import assess_case

    if args.brief and not args.json:
        msg = "--brief applies to the JSON assessment: add --json"
        raise InvalidInputError(msg)
    if args.json and args.lang is not None:
        msg = "--lang applies to the text explanation: the JSON assessment holds both languages"
        raise InvalidInputError(msg)
    if args.json and args.sources:
        msg = "--sources applies to the text explanation: the JSON assessment always has them"
        raise InvalidInputError(msg)
    params = _parameters_with(args.at_params)
    poles = rhone_alpes_poles() if args.reference_poles else None
    if args.poles is not None:
        named, text = _read_document(args.poles)
        try:
            poles = parse_poles(text)
        except InvalidInputError as exc:
            msg = f"--poles {named}: {exc}"
            raise InvalidInputError(msg) from None
    shown, data = _read_document(args.case)
    try:
        case = parse_case(data)
        assessment = assess_case(case, params, poles=poles)
    except InvalidInputError as exc:
        msg = f"{shown}: {exc}"
        raise InvalidInputError(msg) from None
    except ParameterError as exc:
        if args.at_params is None:
            raise
        msg = f"{exc} (parameters of {args.at_params})"
        raise ParameterError(msg) from None
    if args.json:
        document = assessment.to_dict(brief=args.brief)
        out.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    else:
        out.write(assessment.explain(args.lang or "en", sources=args.sources) + "\n")
    return 0


# -- schema -----------------------------------------------------------------------------------


def _add_schema(commands: _Commands) -> None:
    parser = commands.add_parser(
        "schema",
        help="print or write the JSON Schemas of the documents",
        description=(
            "Print the JSON Schema of one document type (e.g. relay-case), or of all of them "
            "as one JSON object keyed by name; with --write, write NAME.schema.json files."
        ),
    )
    parser.add_argument(
        "name", nargs="?", metavar="NAME", help="one document type, e.g. relay-case; default: all"
    )
    parser.add_argument(
        "--write",
        type=Path,
        metavar="DIR",
        help="write NAME.schema.json into DIR (created if needed) instead of printing",
    )
    parser.set_defaults(handler=_run_schema)


def _run_schema(args: argparse.Namespace, out: TextIO) -> int:
    from poles_policy.boundary.schema import schema_names, schema_text, schemas

    names = schema_names() if args.name is None else (args.name,)
    texts = {name: schema_text(name) for name in names}  # an unknown name fails here
    directory: Path | None = args.write
    if directory is not None:
        try:
            directory.mkdir(parents=True, exist_ok=True)
            for name, text in texts.items():
                path = directory / f"{name}.schema.json"
                path.write_text(text, encoding="utf-8")
                out.write(f"wrote {path}\n")
        except OSError as exc:
            msg = f"{directory}: cannot be written: {exc.strerror or exc}"
            raise InvalidInputError(msg) from None
        return 0
    if args.name is not None:
        out.write(texts[args.name])
    else:
        out.write(json.dumps(schemas(), indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    return 0


# -- demo -------------------------------------------------------------------------------------


def _add_demo(commands: _Commands) -> None:
    parser = commands.add_parser(
        "demo",
        help="evaluate the Rhône-Alpes relay pilot and its national generalisation on demo data",
        description=(
            "Assess the packaged synthetic portfolio of relay cases under the default "
            "parameters (the Rhône-Alpes pilot) and under a national generalisation, and print "
            "the balance sheet of each and their comparison by region (RELAY.7)."
        ),
    )
    parser.add_argument(
        "--national-from",
        type=_iso_date,
        metavar="DATE",
        help="generalisation date of the national scenario (default: 2009-01-01)",
    )
    parser.add_argument("--lang", choices=("en", "fr"), default="en", help="report language")
    parser.set_defaults(handler=_run_demo)


def _run_demo(args: argparse.Namespace, out: TextIO) -> int:
    from decimal import Decimal

    from poles_policy.data.demo import DEMO_NATIONAL_FROM, demo_cases
    from poles_policy.parameters import default_parameters
    from poles_policy.rules.relay import assess_case
    from poles_policy.rules.relay.evaluation import PilotCriteria, compare, evaluate_portfolio

    national_from: date = args.national_from or DEMO_NATIONAL_FROM
    baseline = default_parameters()
    # The scheme's terms (the OSEO counter-guarantee) start with the pilot: none before it.
    pilot_start = baseline["relay.oseo.guarantee_share"].values[0].valid_from
    if national_from < pilot_start:
        msg = (
            f"--national-from: {national_from.isoformat()} is before the relay pilot began "
            f"({pilot_start.isoformat()}), when the scheme's terms have no value; "
            f"give a date from {pilot_start.isoformat()}"
        )
        raise InvalidInputError(msg)
    reform = baseline.override(
        "relay.national_from", national_from, note="demo scenario: national generalisation"
    )
    # Illustrative criteria: the policy text names none; a user states their own.
    criteria = PilotCriteria(
        min_grant_rate=Decimal("0.50"),
        min_share_inside_promise=Decimal("0.50"),
        min_median_months_saved=Decimal(6),
    )
    cases = demo_cases()
    summaries = [
        evaluate_portfolio(
            (assess_case(c, params) for c in cases),
            label=params.label,
            criteria=criteria,
        )
        for params in (baseline, reform)
    ]
    fr = args.lang == "fr"
    out.write(
        (
            "Démonstration : portefeuille SYNTHÉTIQUE de demandes de financement relais "
            f"({len(cases)} dossiers inventés), dispositif pilote en Rhône-Alpes puis "
            f"généralisé au niveau national à partir du {national_from.isoformat()}.\n"
            "Critères de bilan illustratifs (le texte n'en fixe pas).\n\n"
        )
        if fr
        else (
            f"Demo: a SYNTHETIC portfolio of relay-financing requests ({len(cases)} invented "
            "cases), under the Rhône-Alpes pilot, then generalised nationally from "
            f"{national_from.isoformat()}.\n"
            "The criteria are illustrative (the policy text sets none).\n\n"
        )
    )
    comparison = compare(summaries[0], summaries[1])
    out.write(comparison.report(args.lang) + "\n")
    if not any(r.newly_eligible or r.no_longer_eligible for r in comparison.regions):
        out.write(_unchanged_note(cases, baseline, national_from, fr=fr))
    return 0


def _unchanged_note(
    cases: Sequence[RelayCase], baseline: ParameterSet, national_from: date, *, fr: bool
) -> str:
    """Say why a generalisation changes no decision of the demo portfolio, when it is its dates."""
    from poles_policy.explain import Status
    from poles_policy.rules.relay import eligibility

    # The scheme not in force under the baseline (RELAY.1), as the eligibility rule decides it.
    outside = [
        c.request.requested_on
        for c in cases
        if eligibility(c.request, baseline).check("relay.in_force").status is not Status.MET
    ]
    if not outside or max(outside) >= national_from:
        return ""
    last = max(outside).isoformat()
    if fr:
        return (
            f"La généralisation ne change aucune décision : la dernière demande hors des régions "
            f"pilotes date du {last}, avant le {national_from.isoformat()}.\n"
        )
    return (
        f"The generalisation changes no decision: the last request outside the pilot regions is "
        f"dated {last}, before {national_from.isoformat()}.\n"
    )


# -- poles ------------------------------------------------------------------------------------


def _add_poles(commands: _Commands) -> None:
    parser = commands.add_parser(
        "poles",
        help="where the Rhône-Alpes pôles stand on a date, and which should coordinate",
        description=(
            "For each Rhône-Alpes pôle of the packaged reference data: whether it holds its "
            "label on DATE, where it stands in the follow-up of the 2008 evaluation (PHASE.1, "
            "GOV.1) and whether its State correspondent is known (GOV.3); then the groups of "
            "labelled pôles sharing a theme, or holding two themes given as complementary, "
            "whose coordination GOV.4 encourages."
        ),
    )
    parser.add_argument(
        "--at", type=_iso_date, metavar="DATE", required=True, help="the date read (YYYY-MM-DD)"
    )
    parser.add_argument(
        "--complementary",
        nargs=2,
        action="append",
        default=[],
        metavar=("THEME", "THEME"),
        help=(
            "two themes to hold as complementary (GOV.4 names none); repeat for more pairs, "
            "e.g. --complementary 'chemistry and environment' eco-technologies"
        ),
    )
    parser.add_argument("--json", action="store_true", help="print a JSON object")
    parser.add_argument("--lang", choices=("en", "fr"), default="en", help="report language")
    parser.set_defaults(handler=_run_poles)


def _check_themes(pairs: Sequence[Sequence[str]], held: set[str]) -> None:
    """Refuse a complementary theme no pôle holds: a misspelt one would only find no group."""
    from poles_policy.rules.coordination import theme_key

    keys = {theme_key(theme) for theme in held}
    for pair in pairs:
        for theme in pair:
            if theme_key(theme) not in keys:
                hint = _did_you_mean(theme, sorted(held), cutoff=0.6)
                msg = (
                    f"--complementary: no pôle of the reference data holds the theme "
                    f"{theme!r}{hint}; their themes: {', '.join(sorted(held))}"
                )
                raise InvalidInputError(msg)


def _run_poles(args: argparse.Namespace, out: TextIO) -> int:
    from poles_policy.data import rhone_alpes_poles
    from poles_policy.rules.coordination import coordination_groups
    from poles_policy.rules.standing import pole_standing

    on: date = args.at
    params = default_parameters()
    poles = rhone_alpes_poles()
    _check_themes(args.complementary, {theme for pole in poles for theme in pole.themes})
    standings = [pole_standing(pole, on, params) for pole in poles]
    try:
        groups = coordination_groups(
            poles, on, complementary=[tuple(p) for p in args.complementary]
        )
    except InvalidInputError as exc:
        # The option, not the function's argument, is what the user wrote.
        msg = str(exc).replace("coordination_groups: complementary:", "--complementary:", 1)
        raise InvalidInputError(msg) from None
    what = "les données des pôles" if args.lang == "fr" else "the pôles' data"
    note = _after_phase_2(on, what, args.lang)
    if args.json:
        document = {
            "on": on.isoformat(),
            "parameters": params.label,
            "poles": [s.to_dict() for s in standings],
            "coordination_groups": [g.to_dict() for g in groups],
        }
        out.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        if note is not None:
            sys.stderr.write(f"{PROG}: {note}\n")
        return 0
    fr = args.lang == "fr"
    yes, no, unknown = ("oui", "non", "inconnu") if fr else ("yes", "no", "not known")
    table = [
        ["PÔLE", "LABELLISÉ", "GROUPE 2008", "SUITES DE L'ÉVALUATION", "CORRESPONDANT DE L'ÉTAT"]
        if fr
        else ["PÔLE", "LABELLED", "2008 GROUP", "EVALUATION FOLLOW-UP", "STATE CORRESPONDENT"]
    ]
    table.extend(
        [
            s.pole_id,
            yes if s.labelled else no,
            "-" if s.group is None else str(int(s.group)),
            s.follow_up.label.in_lang(args.lang),
            unknown if s.correspondent is None else s.correspondent.name,
        ]
        for s in standings
    )
    head = (
        f"Pôles de Rhône-Alpes le {on.isoformat()} (données de référence ; "
        f"paramètres : {params.label})"
        if fr
        else f"Rhône-Alpes pôles on {on.isoformat()} (reference data; parameters: {params.label})"
    )
    lines = [head, *([note] if note is not None else []), "", _format_table(table), ""]
    lines.append(
        "Coordination nationale encouragée (GOV.4) :" if fr else "National coordination (GOV.4):"
    )
    lines.extend(f"  {g.describe(args.lang)}" for g in groups)
    if not groups:
        lines.append(
            "  aucun groupe : ni thématique partagée, ni paire complémentaire réunissant deux pôles"
            if fr
            else "  no group: no theme shared, no complementary pair bringing two pôles together"
        )
    out.write("\n".join(lines) + "\n")
    return 0


# -- the command ------------------------------------------------------------------------------

_COMMANDS: Final[tuple[Callable[[_Commands], None], ...]] = (
    _add_params,
    _add_relay,
    _add_schema,
    _add_demo,
    _add_poles,
)


def build_parser() -> argparse.ArgumentParser:
    """
    Build the ``poles-policy`` argument parser with every subcommand.

    Each subcommand's parser sets a ``handler`` default: a function taking
    the parsed arguments and the output stream and returning the exit code.
    """
    parser = _Parser(
        prog=PROG,
        description=(
            "The French competitiveness-cluster policy (pôles de compétitivité, Phase 2) as "
            "code: parameters, relay-financing rules and scenarios."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", required=True, parser_class=_Parser
    )
    for add in _COMMANDS:
        add(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run ``poles-policy`` with *argv* (default: the process arguments).

    Returns:
        The exit status: 0 on success, 2 for bad arguments or any
        :class:`~poles_policy.exceptions.PolesPolicyError` (reported on one
        line of stderr), 1 when the output cannot be written (reported on
        one line, except a reader that stopped reading, such as ``head``).
    """
    parser = build_parser()
    try:
        try:
            args = parser.parse_args(argv)
        except _ParserExitError as exc:
            sys.stdout.flush()  # --help and --version write here too
            return exc.status
        handler: Callable[[argparse.Namespace, TextIO], int] = args.handler
        status = handler(args, sys.stdout)
        sys.stdout.flush()  # a write that fails does so here, not at the interpreter's exit
    except PolesPolicyError as exc:
        message = " ".join(str(exc).split())
        sys.stderr.write(f"{PROG}: error: {message}\n")
        return _USAGE_ERROR
    except BrokenPipeError:
        # The reader stopped reading (``| head``): nothing to report, nothing more to write.
        _discard_stdout()
        return _OUTPUT_ERROR
    except OSError as exc:
        # The output cannot be written (a full disk): the arguments were fine.
        _discard_stdout()
        sys.stderr.write(f"{PROG}: error: cannot write the output: {exc.strerror or exc}\n")
        return _OUTPUT_ERROR
    return status


def _discard_stdout() -> None:
    """Point standard output at the null device, so that its final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no file descriptor (a captured stream): nothing to flush
        pass


if __name__ == "__main__":
    raise SystemExit(main())
