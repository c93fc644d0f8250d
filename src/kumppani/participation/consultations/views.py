"""Pages of consultations: a body's list and a consultation's public page; the officials' pages to
prepare, open, close and answer it; the NGO's statement; the council's statement; residents' comments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kumppani.core import audit, versioning
from kumppani.core.forms import add_service_errors
from kumppani.core.models import PublicBody
from kumppani.core.signin import client_address
from kumppani.organisations.models import Organisation
from kumppani.participation.consultations import queries, services
from kumppani.participation.consultations.forms import (
    CommentForm,
    ConsultationEditForm,
    ConsultationForm,
    CouncilStatementForm,
    DocumentForm,
    HideCommentForm,
    ResponseForm,
    SectionForm,
    StatementForm,
)
from kumppani.participation.consultations.models import (
    Consultation,
    ConsultationDocument,
    ConsultationResponse,
    ConsultationSection,
    ResidentComment,
    ResponseLink,
    Statement,
    StatementStatus,
)


def _consultation(request, pk: int, perm: str = "participation.view_consultation") -> Consultation:
    consultation = get_object_or_404(Consultation.objects.select_related("body", "sector"), pk=pk)
    if not request.user.has_perm(perm, consultation):
        if perm == "participation.view_consultation":
            raise Http404
        raise PermissionDenied
    return consultation


def _errors_as_messages(request, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


def consultation_list(request, body):
    """A body's consultations: open, closed with the days the response has been pending, answered."""
    body = get_object_or_404(PublicBody, slug=body)
    return render(
        request,
        "participation/consultations/list.html",
        {
            "body": body,
            "consultations": queries.body_consultations(body, request.user)[:100],
            "can_add": request.user.has_perm("participation.add_consultation", body),
        },
    )


def consultation_detail(request, pk, comment_form=None):
    """The public page: sections, documents, statements after closing, the response and what each
    statement changed. The body's preparers also see the sent statements and the moderation tools."""
    consultation = _consultation(request, pk)
    user = request.user
    can_manage = user.has_perm("participation.manage_consultation", consultation)
    past_closing = consultation.is_past_closing()
    response = (
        ConsultationResponse.objects.filter(consultation=consultation)
        .prefetch_related(
            Prefetch(
                "links", queryset=ResponseLink.objects.select_related("statement__organisation", "statement__council")
            )
        )
        .first()
    )
    if response is not None and response.published_at is None and not can_manage:
        response = None
    if can_manage:
        statements = list(queries.sent_statements(consultation))
    elif past_closing:
        statements = list(queries.public_statements(consultation))
    else:
        statements = []
    my_ngos = []
    if user.is_authenticated and consultation.accepts_statements():
        own = Organisation.objects.filter(memberships__user=user).order_by("name")
        audience = set(queries.audience_organisations(consultation).filter(pk__in=own).values_list("pk", flat=True))
        drafts = {
            s.organisation_id: s for s in Statement.objects.filter(consultation=consultation, organisation__in=own)
        }
        my_ngos = [(org, drafts.get(org.pk)) for org in own if org.pk in audience]
    changed_by = {link.statement_id: link.what_changed for link in response.links.all()} if response else {}
    for statement in statements:
        statement.changed_text = changed_by.get(statement.pk, "")
    comments = list(queries.visible_comments(consultation))
    hidden = []
    if can_manage:
        hidden = list(
            ResidentComment.objects.filter(consultation=consultation, hidden_at__isnull=False).select_related("section")
        )
    context = {
        "consultation": consultation,
        "body": consultation.body,
        "sections": list(consultation.sections.all()),
        "documents": list(consultation.documents.all()) if consultation.is_published or can_manage else [],
        "councils": list(consultation.councils.all()),
        "statements": statements,
        "response": response,
        "comments": comments,
        "hidden_comments": hidden,
        "can_manage": can_manage,
        "my_ngos": my_ngos,
        "past_closing": past_closing,
    }
    if consultation.residents and consultation.accepts_statements():
        context["comment_form"] = comment_form or CommentForm(
            consultation=consultation, signed_in=user.is_authenticated
        )
    return render(request, "participation/consultations/detail.html", context)


@login_required
def consultation_create(request, body):
    body = get_object_or_404(PublicBody, slug=body)
    if not request.user.has_perm("participation.add_consultation", body):
        raise PermissionDenied
    form = ConsultationForm(request.POST or None, body=body)
    if request.method == "POST" and form.is_valid():
        try:
            consultation = services.consultation_create(by=request.user, body=body, **form.service_data())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The consultation is saved as a draft. Add its sections, then open it."))
            return redirect(consultation.get_absolute_url())
    return render(request, "participation/consultations/form.html", {"body": body, "form": form})


@login_required
def consultation_edit(request, pk):
    consultation = _consultation(request, pk, "participation.manage_consultation")
    initial = {field: getattr(consultation, field) for field in services.CONSULTATION_FIELDS}
    initial.update(
        areas=list(consultation.audience_areas.all()),
        themes=list(consultation.audience_themes.all()),
        councils=list(consultation.councils.all()),
        version=consultation.version,
    )
    form = ConsultationEditForm(request.POST or None, initial=initial, body=consultation.body)
    if request.method == "POST" and form.is_valid():
        version = form.cleaned_data["version"]
        try:
            services.consultation_update(
                by=request.user, consultation=consultation, version=version, **form.service_data()
            )
        except ValidationError as error:
            add_service_errors(form, error)
            if versioning.is_stale(error):
                versioning.keep_input(form, consultation, version)
        else:
            messages.success(request, _("The changes are saved."))
            return redirect(consultation.get_absolute_url())
    return render(
        request,
        "participation/consultations/form.html",
        {"body": consultation.body, "form": form, "consultation": consultation},
    )


@login_required
def consultation_section_add(request, pk):
    consultation = _consultation(request, pk, "participation.manage_consultation")
    form = SectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.section_add(by=request.user, consultation=consultation, data=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The section is added."))
            return redirect(consultation.get_absolute_url())
    return render(
        request,
        "participation/consultations/simple_form.html",
        {"consultation": consultation, "form": form, "heading": _("Add a section"), "button": _("Add the section")},
    )


@login_required
def consultation_section_edit(request, pk):
    section = get_object_or_404(ConsultationSection.objects.select_related("consultation__body"), pk=pk)
    consultation = section.consultation
    if not request.user.has_perm("participation.manage_consultation", consultation):
        raise PermissionDenied
    initial = {field: getattr(section, field) for field in services.SECTION_FIELDS}
    form = SectionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.section_update(by=request.user, section=section, data=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The changes are saved."))
            return redirect(consultation.get_absolute_url())
    return render(
        request,
        "participation/consultations/simple_form.html",
        {"consultation": consultation, "form": form, "heading": _("Change the section"), "button": _("Save")},
    )


@login_required
def consultation_document_add(request, pk):
    consultation = _consultation(request, pk, "participation.manage_consultation")
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.document_add(by=request.user, consultation=consultation, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The document is added. It is public once the consultation is opened."))
            return redirect(consultation.get_absolute_url())
    return render(
        request,
        "participation/consultations/simple_form.html",
        {
            "consultation": consultation,
            "form": form,
            "heading": _("Add a background document"),
            "button": _("Upload"),
            "multipart": True,
        },
    )


def consultation_document(request, pk):
    """A background document: public once the consultation is opened, before that for its preparers."""
    document = get_object_or_404(ConsultationDocument.objects.select_related("consultation"), pk=pk)
    consultation = document.consultation
    if not request.user.has_perm("participation.view_consultation", consultation):
        raise Http404
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    if not consultation.is_published:
        audit.record(
            actor=request.user,
            obj=consultation,
            action="consultation_document_read",
            changes={"document": [None, document.original_name]},
        )
    return FileResponse(handle, as_attachment=True, filename=document.original_name, content_type=document.content_type)


def _post_action(request, pk, action, success: str):
    consultation = _consultation(request, pk, "participation.manage_consultation")
    try:
        action(by=request.user, consultation=consultation)
    except ValidationError as error:
        _errors_as_messages(request, error)
    else:
        messages.success(request, success)
    return redirect(consultation.get_absolute_url())


@login_required
@require_POST
def consultation_open(request, pk):
    return _post_action(request, pk, services.consultation_open, _("The consultation is open and the NGOs are told."))


@login_required
@require_POST
def consultation_close(request, pk):
    return _post_action(
        request, pk, services.consultation_close, _("The consultation is closed. Write the response next.")
    )


@login_required
@require_POST
def consultation_response_publish(request, pk):
    return _post_action(request, pk, services.response_publish, _("The response is published."))


@login_required
@require_POST
def consultation_finish(request, pk):
    return _post_action(request, pk, services.consultation_finish, _("The consultation is closed for good."))


@login_required
def consultation_respond(request, pk):
    consultation = _consultation(request, pk, "participation.manage_consultation")
    statements = list(queries.sent_statements(consultation))
    response = ConsultationResponse.objects.filter(consultation=consultation).first()
    initial, links = {}, {}
    if response is not None:
        initial = {"heard": response.heard, "changed": response.changed, "version": response.version}
        links = {link.statement_id: link.what_changed for link in response.links.all()}
    form = ResponseForm(request.POST or None, initial=initial, statements=statements, links=links)
    if request.method == "POST" and form.is_valid():
        try:
            services.response_save(
                by=request.user,
                consultation=consultation,
                heard=form.cleaned_data["heard"],
                changed=form.cleaned_data["changed"],
                links=form.links(),
                version=form.cleaned_data.get("version"),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The response is saved. Publish it when it is ready."))
            return redirect(consultation.get_absolute_url())
    return render(
        request,
        "participation/consultations/simple_form.html",
        {
            "consultation": consultation,
            "form": form,
            "heading": _("The body's response"),
            "button": _("Save the response"),
        },
    )


@login_required
def consultation_statement_edit(request, pk, organisation):
    """The NGO's statement: its representatives draft it, its admin sends it."""
    consultation = _consultation(request, pk)
    organisation = get_object_or_404(Organisation, slug=organisation)
    if not request.user.has_perm("participation.draft_statement", organisation):
        raise PermissionDenied
    statement = Statement.objects.filter(consultation=consultation, organisation=organisation).first()
    if statement is not None and statement.status == StatementStatus.SENT:
        return redirect(statement.get_absolute_url())
    sections = list(consultation.sections.all())
    answers = {a.section_id: a.text for a in statement.answers.all()} if statement else {}
    initial = (
        {"summary": statement.summary, "is_public": statement.is_public, "version": statement.version}
        if statement
        else {"is_public": True}
    )
    form = StatementForm(request.POST or None, initial=initial, sections=sections, answers=answers)
    if request.method == "POST" and form.is_valid():
        try:
            statement = services.statement_save(
                by=request.user,
                consultation=consultation,
                organisation=organisation,
                answers=form.answers(),
                summary=form.cleaned_data["summary"],
                is_public=form.cleaned_data["is_public"],
                version=form.cleaned_data.get("version"),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The draft is saved. Only your NGO sees it until its admin sends it."))
            return redirect(statement.get_absolute_url())
    return render(
        request,
        "participation/consultations/statement_form.html",
        {"consultation": consultation, "organisation": organisation, "form": form, "statement": statement},
    )


def _statement(request, pk) -> Statement:
    statement = get_object_or_404(
        Statement.objects.select_related("consultation__body", "organisation", "council"), pk=pk
    )
    if not request.user.has_perm("participation.view_statement", statement):
        raise Http404
    return statement


def consultation_statement(request, pk):
    statement = _statement(request, pk)
    consultation = statement.consultation
    response = ConsultationResponse.objects.filter(consultation=consultation, published_at__isnull=False).first()
    changed = None
    if response is not None:
        changed = response.links.filter(statement=statement).values_list("what_changed", flat=True).first()
    return render(
        request,
        "participation/consultations/statement.html",
        {
            "statement": statement,
            "consultation": consultation,
            "answers": statement.answers.select_related("section"),
            "changed": changed,
            "can_change": request.user.has_perm("participation.change_statement", statement)
            and consultation.accepts_statements(),
            "can_send": request.user.has_perm("participation.send_statement", statement)
            and consultation.accepts_statements(),
        },
    )


@login_required
@require_POST
def consultation_statement_send(request, pk):
    statement = _statement(request, pk)
    if not request.user.has_perm("participation.send_statement", statement):
        raise PermissionDenied
    try:
        services.statement_send(by=request.user, statement=statement, version=None)
    except ValidationError as error:
        _errors_as_messages(request, error)
    else:
        messages.success(request, _("Thank you! The statement is sent on behalf of your NGO."))
    return redirect(statement.get_absolute_url())


def consultation_minutes(request, pk):
    statement = _statement(request, pk)
    if not statement.minutes:
        raise Http404
    try:
        handle = statement.minutes.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=statement.minutes_name or "minutes")


@login_required
def consultation_council_statement(request, pk):
    consultation = _consultation(request, pk, "participation.manage_consultation")
    form = CouncilStatementForm(request.POST or None, request.FILES or None, consultation=consultation)
    if request.method == "POST" and form.is_valid():
        try:
            statement = services.council_statement_record(
                by=request.user,
                consultation=consultation,
                council=form.cleaned_data["council"],
                answers=form.answers(),
                summary=form.cleaned_data["summary"],
                meeting_date=form.cleaned_data["meeting_date"],
                minutes=form.cleaned_data["minutes"],
                is_public=form.cleaned_data["is_public"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The council's statement is recorded."))
            return redirect(statement.get_absolute_url())
    return render(
        request,
        "participation/consultations/simple_form.html",
        {
            "consultation": consultation,
            "form": form,
            "heading": _("Record a council's statement"),
            "button": _("Record the statement"),
            "multipart": True,
        },
    )


@require_POST
def consultation_comment(request, pk):
    consultation = _consultation(request, pk)
    signed_in = request.user.is_authenticated
    form = CommentForm(request.POST, consultation=consultation, signed_in=signed_in)
    if form.is_valid():
        try:
            services.comment_submit(
                by=request.user,
                consultation=consultation,
                text=form.cleaned_data["text"],
                name=form.cleaned_data.get("name", ""),
                email=form.cleaned_data.get("email", ""),
                section=form.cleaned_data["section"],
                address=client_address(request),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if signed_in:
                messages.success(request, _("Thank you for your comment!"))
            else:
                messages.success(
                    request, _("Thank you! Open the link we sent to your e-mail, and your comment is shown.")
                )
            return redirect(consultation.get_absolute_url())
    return consultation_detail(request, pk, comment_form=form)


def consultation_comment_confirm(request, token):
    comment = services.comment_confirm(token=token)
    if comment is None:
        raise Http404
    messages.success(request, _("Thank you! Your comment is now shown."))
    return redirect(comment.consultation.get_absolute_url())


@login_required
@require_POST
def consultation_comment_hide(request, pk):
    comment = get_object_or_404(ResidentComment.objects.select_related("consultation__body"), pk=pk)
    if not request.user.has_perm("participation.manage_consultation", comment.consultation):
        raise PermissionDenied
    form = HideCommentForm(request.POST)
    if form.is_valid():
        try:
            services.comment_hide(by=request.user, comment=comment, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            _errors_as_messages(request, error)
        else:
            messages.success(request, _("The comment is hidden."))
    else:
        messages.error(request, _("Say why the comment is hidden."))
    return redirect(comment.consultation.get_absolute_url())
