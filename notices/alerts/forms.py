"""The public form that asks for alerts."""

from django import forms

from notices.models.subscriptions import EMAIL_MAX_LENGTH

THIS_COUNCIL = "council"
EVERY_COUNCIL = "all"


class SubscribeForm(forms.Form):
    follows = forms.ChoiceField(
        label="What do you want alerts about?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose which notices you want alerts about",
            "invalid_choice": "Choose which notices you want alerts about",
        },
    )
    email = forms.EmailField(
        label="Email address",
        max_length=EMAIL_MAX_LENGTH,
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
            "max_length": "Enter an email address that is 254 characters or fewer",
        },
    )

    def __init__(self, *args, council=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.council = council
        choices = [(EVERY_COUNCIL, "Every council's privacy notice on this site")]
        if council is not None:
            choices.insert(0, (THIS_COUNCIL, f"{council.name}'s privacy notice"))
        self.fields["follows"].choices = choices
        if council is None:
            self.fields["follows"].initial = EVERY_COUNCIL

    def followed_council(self):
        """The council the address will follow, or None for every council."""
        if self.cleaned_data["follows"] == THIS_COUNCIL:
            return self.council
        return None
