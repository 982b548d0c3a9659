"""
Dated policy parameters, each value with its source and confidence.

Policy values change over time and must be sourced. Each parameter has a
dotted name, a description, a unit and dated values; each value carries a
``source`` (an address or a clause id) and a ``confidence``: ``text`` (the
policy text), ``sourced`` (a public secondary source) or ``assumption`` (a
modelling choice, stated as such). The default set is packaged as TOML files
in ``poles_policy/parameters/data`` and checked when it is read.

A rule reads a parameter at the case's own date::

    >>> from datetime import date
    >>> params = default_parameters()
    >>> params.value("relay.oseo.guarantee_share", date(2009, 7, 1))
    Decimal('0.50')
    >>> params.at("relay.pilot_regions", date(2007, 1, 1)) is None
    True

A reform is a new set; the default is never changed::

    >>> reform = params.override("relay.national_from", date(2010, 1, 1))
    >>> reform.value("relay.national_from", date(2011, 1, 1))
    datetime.date(2010, 1, 1)
"""

from __future__ import annotations

from poles_policy.parameters.history import (
    CONFIDENCES,
    Confidence,
    DatedValue,
    Parameter,
)
from poles_policy.parameters.loader import (
    default_parameters,
    load_parameters,
    packaged_parameter_files,
    parameters_from_toml,
)
from poles_policy.parameters.parameter_set import MEMO_SIZE, OVERRIDE_EPOCH, ParameterSet
from poles_policy.parameters.units import (
    UNITS,
    ParameterValue,
    Unit,
    coerce_value,
    render_value,
)

__all__ = [
    "CONFIDENCES",
    "MEMO_SIZE",
    "OVERRIDE_EPOCH",
    "UNITS",
    "Confidence",
    "DatedValue",
    "Parameter",
    "ParameterSet",
    "ParameterValue",
    "Unit",
    "coerce_value",
    "default_parameters",
    "load_parameters",
    "packaged_parameter_files",
    "parameters_from_toml",
    "render_value",
]
