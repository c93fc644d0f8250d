"""URL names of the governance pages that their own permission tests cover (public pages included).

tests/test_permissions.py fails for any URL name of the project that no matrix lists."""

URL_NAMES: set[str] = set()

# Public: who represents NGOs where, the networks and the meetings' agendas (approved minutes only);
# tests/cooperation/test_governance_views.py checks that drafts and action items stay hidden.
URL_NAMES |= {
    "cooperation:groups",
    "cooperation:group",
    "cooperation:networks",
    "cooperation:network",
    "cooperation:meetings",
    "cooperation:meeting",
}

# The body's coordinators, the network's chair and the owners of action items only
# (tests/cooperation/test_governance_views.py refuses the anonymous, another NGO's representative
# and another body's coordinator, and checks that nothing changes).
URL_NAMES |= {
    "cooperation:group_create",
    "cooperation:group_edit",
    "cooperation:nomination_request_create",
    "cooperation:nomination_request",
    "cooperation:nominate",
    "cooperation:nomination_confirm",
    "cooperation:nomination_cancel",
    "cooperation:network_create",
    "cooperation:network_edit",
    "cooperation:network_members",
    "cooperation:meeting_create",
    "cooperation:meeting_edit",
    "cooperation:meeting_approve",
    "cooperation:action_add",
    "cooperation:action_done",
}

# Expert requests: the list and a request are public (the answers are not: the body's officials and
# the answering NGO only); asking, answering, closing and recording are refused to outsiders
# (tests/cooperation/test_governance_views.py and test_governance_expert.py).
URL_NAMES |= {"cooperation:expert_requests", "cooperation:expert_request"}
URL_NAMES |= {
    "cooperation:expert_request_create",
    "cooperation:expert_answer",
    "cooperation:expert_fulfil",
    "cooperation:expert_close",
}

# The yearly negotiation: agreed ones and their PDF are public, drafts for the body's officials and
# the NGOs taking part; preparing it is for the body's coordinators
# (tests/cooperation/test_governance_negotiation.py).
URL_NAMES |= {"cooperation:negotiations", "cooperation:negotiation", "cooperation:negotiation_pdf"}
URL_NAMES |= {
    "cooperation:negotiation_open",
    "cooperation:negotiation_edit",
    "cooperation:measure_create",
    "cooperation:measure_edit",
    "cooperation:negotiation_agree",
}

# The API (/api/v1/cooperation/…): tests/cooperation/test_governance_api.py; the meetings' PATCH
# (the body's officials only, the draft minutes hidden from others) in test_governance_versions.py.
URL_NAMES |= {
    f"api-coop-{name}-{kind}"
    for name in ("group", "network", "nomination-request", "meeting", "action-item", "expert-request", "negotiation")
    for kind in ("list", "detail")
}
URL_NAMES |= {
    "api-coop-nomination-request-nominate",
    "api-coop-nomination-request-confirm",
    "api-coop-action-item-done",
    "api-coop-expert-request-answer",
}
