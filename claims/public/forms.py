from django import forms
from django.utils.translation import gettext_lazy as _


class FollowForm(forms.Form):
    """Follow by e-mail. `website` is the same honeypot as the request form's."""

    email = forms.EmailField(label=_("Your e-mail"))
    website = forms.CharField(
        required=False,
        label=_("Leave this empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )


class AskForm(forms.Form):
    """'Ask us to check'. `website` is a honeypot: people leave it empty, bots fill it."""

    text = forms.CharField(
        label=_("What should we check?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The claim in the words you saw it."),
    )
    url = forms.URLField(
        label=_("Where did you see it? (optional)"), required=False, max_length=2000
    )
    email = forms.EmailField(
        label=_("Your e-mail (optional)"),
        required=False,
        help_text=_("We write once, when the verdict is published, and then forget it."),
    )
    website = forms.CharField(
        required=False,
        label=_("Leave this empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean_text(self):
        text = " ".join(self.cleaned_data["text"].split())
        if len(text) < 10:
            raise forms.ValidationError(_("Please give us the claim in a sentence."))
        return text

    def is_spam(self):
        return bool(self.cleaned_data.get("website"))
