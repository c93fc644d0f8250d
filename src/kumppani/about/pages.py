"""The body's privacy notice on its page, with the edit link for its coordinators."""

from kumppani.core.pages import Section, register_body_section


def body_privacy(request, body) -> dict:
    return {"body": body, "can_edit": request.user.has_perm("about.change_privacy_notice", body)}


def register() -> None:
    register_body_section(Section("privacy", "about/_body_section.html", body_privacy, order=900))
