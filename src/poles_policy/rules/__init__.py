"""
The rules: pure functions over the domain model and dated parameters.

Each rule takes the case's own date and a parameter set as arguments and
answers with a :class:`~poles_policy.explain.Decision` (or a result that
carries one), citing the clause ids it applies.
"""
