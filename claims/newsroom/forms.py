from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from accounts.roles import ADMIN, EDITOR, FACT_CHECKER
from claims import evidence_files
from claims.ingest.submit import MAX_TEXT_BYTES, Source
from claims.models import (
    ClaimLink,
    Correction,
    Evidence,
    Rating,
    ReplyAttempt,
    Side,
    Topic,
    Verdict,
)


def newsroom_users():
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=[FACT_CHECKER, EDITOR, ADMIN])
        .distinct()
        .order_by("first_name", "username")
    )


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return user.get_full_name() or user.username


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class AssignForm(forms.Form):
    assignee = UserChoiceField(queryset=newsroom_users(), label=_("Assign to"))
    due_at = forms.DateTimeField(label=_("Due"), required=False, widget=DateTimeInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = newsroom_users()


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class CommentForm(forms.Form):
    comment = forms.CharField(label=_("What to fix"), widget=forms.Textarea(attrs={"rows": 3}))


class PublishForm(forms.Form):
    """The publish page's confirmation, and the ticks that accept a checklist item as it is."""

    confirmed = forms.BooleanField(
        required=False, label=_("I have read the preview: publish it to readers now")
    )
    accept_unarchived = forms.BooleanField(
        required=False, label=_("Publish with the sources that have no archived copy")
    )
    no_reply_sought = forms.BooleanField(
        required=False, label=_("There was no one to ask for a reply")
    )
    no_counter_claims = forms.BooleanField(
        required=False, label=_("None found: we looked for the other side's claims")
    )
    sources_exception = forms.CharField(
        required=False,
        max_length=1000,
        label=_("Why this verdict stands on fewer sources (shown to readers)"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class VerdictForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    rating = forms.ModelChoiceField(queryset=Rating.objects.none(), required=False)
    headline = forms.CharField(max_length=300, required=False)
    claim_reviewed = forms.CharField(
        label=_("The claim in a few words, for search engines"),
        max_length=Verdict.CLAIM_REVIEWED_AT_MOST,
        required=False,
        help_text=_("Under 75 characters, as search results show it beside our rating."),
        widget=forms.TextInput(attrs={"data-count": str(Verdict.CLAIM_REVIEWED_AT_MOST)}),
    )
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    explanation = forms.CharField(widget=forms.Textarea(attrs={"rows": 8}), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rating"].queryset = Rating.objects.filter(scale__is_default=True)

    @classmethod
    def for_verdict(cls, verdict, **kwargs):
        if verdict is None:
            return cls(**kwargs)
        return cls(
            initial={
                "version": verdict.version,
                "rating": verdict.rating_id,
                "headline": verdict.headline,
                "claim_reviewed": verdict.claim_reviewed,
                "summary": verdict.summary,
                "explanation": verdict.explanation,
            },
            **kwargs,
        )

    def changes(self):
        data = self.cleaned_data
        fields = ("rating", "headline", "claim_reviewed", "summary", "explanation")
        return {k: data[k] for k in fields if k in data}


class CorrectionForm(VerdictForm):
    """A published verdict stays complete: rating, summary and explanation are required."""

    kind = forms.ChoiceField(choices=Correction.Kind.choices, label=_("Label"))
    note = forms.CharField(
        label=_("What changed and why (shown to readers)"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("rating", "summary", "explanation"):
            self.fields[name].required = True


class ClaimEditForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    text = forms.CharField(label=_("As reported"), widget=forms.Textarea(attrs={"rows": 3}))
    checkable_text = forms.CharField(label=_("Checkable form"), max_length=500, required=False)
    topics = forms.ModelMultipleChoiceField(
        queryset=Topic.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("The claim needs a text."))
        return text


class EvidenceForm(forms.ModelForm):
    file = forms.FileField(
        label=_("…or upload a file (PDF or picture)"),
        required=False,
        help_text=_("PDF, PNG, JPEG, GIF or WebP, up to 5 MB."),
    )

    class Meta:
        model = Evidence
        fields = ["url", "file", "title", "stance", "excerpt"]
        labels = {"url": _("Web address")}
        widgets = {"excerpt": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Without a title, the source is named by its address or its file's name.
        self.fields["title"].required = False

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload:
            return None
        try:
            return evidence_files.read_upload(upload)
        except evidence_files.BadFile as exc:
            raise forms.ValidationError(str(exc)) from None

    def clean(self):
        data = super().clean()
        given = data.get("url") or data.get("file") or (data.get("title") or "").strip()
        if not given and "file" not in self.errors:
            raise forms.ValidationError(
                _("Give the source's address, a file, or at least its title.")
            )
        return data


class EvidenceEditForm(forms.ModelForm):
    """A source's title, excerpt and stance; its address is fixed (a new one is a new source)."""

    class Meta:
        model = Evidence
        fields = ["title", "stance", "excerpt"]
        widgets = {"excerpt": forms.Textarea(attrs={"rows": 2})}


class NoteForm(forms.Form):
    body = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}))


class ReplyAttemptForm(forms.ModelForm):
    class Meta:
        model = ReplyAttempt
        fields = ["contacted", "channel", "contacted_at", "answer_by", "outcome", "answer"]
        widgets = {
            "contacted_at": DateTimeInput(),
            "answer_by": DateTimeInput(),
            "answer": forms.Textarea(attrs={"rows": 2}),
        }


class ConflictForm(forms.Form):
    side = forms.ModelChoiceField(queryset=Side.objects.all())
    note = forms.CharField(max_length=300, required=False)


class BulkAssignForm(AssignForm):
    claims = forms.CharField(widget=forms.HiddenInput, required=False)


class SavedFilterForm(forms.Form):
    name = forms.CharField(max_length=100)
    query = forms.CharField(max_length=1000, required=False, widget=forms.HiddenInput)


class IngestForm(forms.Form):
    """One source: a web address, pasted text, or a .txt/.html file."""

    url = forms.CharField(
        label=_("Web address"),
        required=False,
        max_length=2000,
        widget=forms.URLInput(attrs={"placeholder": "https://…"}),
    )
    text = forms.CharField(label=_("…or paste the text"), required=False, widget=forms.Textarea)
    file = forms.FileField(label=_("…or upload a .txt or .html file"), required=False)

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        self.source = Source(
            url=data.get("url") or "",
            text=upload.read(MAX_TEXT_BYTES + 1) if upload else data.get("text") or "",
            filename=upload.name if upload else "",
        )
        if problem := self.source.problem():
            raise forms.ValidationError(_(problem))
        return data


def speaker_choices():
    """(id, name) of every actor: computed once per page, shared by its review forms."""
    from claims.models import Actor

    return list(Actor.objects.values_list("pk", "name"))


class AcceptSuggestionForm(forms.Form):
    text = forms.CharField(label=_("Claim"), widget=forms.Textarea(attrs={"rows": 3}))
    speaker = forms.TypedChoiceField(
        label=_("Speaker"), required=False, coerce=int, empty_value=None
    )
    new_speaker = forms.CharField(label=_("…or a new speaker"), required=False, max_length=200)
    links = forms.TypedMultipleChoiceField(
        label=_("Link to"), required=False, coerce=int, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, suggestion, related_claims=None, actor_choices=None, **kwargs):
        """`related_claims` ({id: Claim}) and `actor_choices` let a page with many
        suggestions load them once instead of once per form."""
        from claims.models import Claim

        super().__init__(*args, **kwargs)
        related = {r["claim_id"]: r for r in suggestion.related}
        if related_claims is None:
            related_claims = Claim.objects.in_bulk(list(related))
        if actor_choices is None:
            actor_choices = speaker_choices()
        self.fields["speaker"].choices = [("", _("— as suggested —")), *actor_choices]
        shown = [pk for pk in related if pk in related_claims]
        self.fields["links"].choices = [
            (pk, f"{related[pk]['kind']} · {related_claims[pk]}") for pk in shown
        ]
        self.initial.setdefault("text", suggestion.text)
        self.initial.setdefault("links", shown)

    def clean_speaker(self):
        from claims.models import Actor

        pk = self.cleaned_data["speaker"]
        return Actor.objects.filter(pk=pk).first() if pk else None


class PassageForm(forms.Form):
    """A passage the claim finder missed, selected on the article page."""

    passage = forms.CharField(
        label=_("Passage"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3, "id": "passage"}),
        help_text=_("Select the words in the text below, or paste them here."),
    )
    speaker = forms.CharField(
        label=_("Speaker"),
        required=False,
        max_length=200,
        help_text=_("Start typing an actor's name or alias; a name we do not know is added."),
        widget=forms.TextInput(attrs={"list": "actor-names", "autocomplete": "off"}),
    )


class LinkForm(forms.Form):
    other = forms.IntegerField(widget=forms.HiddenInput)
    kind = forms.ChoiceField(label=_("Link as"), choices=ClaimLink.Kind.choices)
