"""Who may do what with the index. Deny by default: everyone reads the index (it is public); only
the body's NGO coordinators assess its self-assessed criteria and recompute it."""

import rules

from kumppani.core.rules import is_body_coordinator

# Self-assessing a criterion and recomputing the body's index (object: a PublicBody).
rules.add_perm("welfare.assess_index", is_body_coordinator)
