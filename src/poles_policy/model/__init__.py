"""
The domain model: immutable, typed objects of the policy (DESIGN section 3).

Objects hold invariants only (no negative amount, no end before its start,
no share above 1); whether a case satisfies the policy is for the rules.
"""
