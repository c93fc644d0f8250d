"""Governance reads used by other parts of the cooperation app."""


def ngo_parts(organisation, body, viewer) -> dict:
    """The NGO's seats, expert answers, meetings and action items with the body, limited to what
    `viewer` may see. Filled by the governance part; the record page includes its snippet."""
    return {"seats": [], "expert_answers": [], "meetings": [], "action_items": []}
