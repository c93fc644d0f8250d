"""Who may change a body's privacy notice: its NGO coordinators and the platform's admins."""

import rules

from kumppani.core.rules import is_body_coordinator, is_platform_admin

rules.add_perm("about.change_privacy_notice", is_platform_admin | is_body_coordinator)
