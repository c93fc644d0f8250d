"""Who may do what with the index. Deny by default: everyone reads the index (it is public); only
the body's NGO coordinators assess its self-assessed criteria and recompute it."""

import rules

from kumppani.core.rules import is_any_coordinator, is_body_coordinator, is_platform_admin

# Self-assessing a criterion and recomputing the body's index (object: a PublicBody).
rules.add_perm("welfare.assess_index", is_body_coordinator)

# Importing Sotkanet indicator values (national data): any body's NGO coordinator or a platform admin.
rules.add_perm("welfare.import_indicators", is_platform_admin | is_any_coordinator)
