"""Forms of the timeline editor: they parse and validate; services/timeline_editing.py does the work."""

from __future__ import annotations

from django import forms
from django.utils.html import escape

from timelines.forms import valid_filters
from timelines.models import Actor, Event, EventType, Timeline
from timelines.services.timeline_editing import EventSearch

DATE_INPUT = forms.DateInput(attrs={"type": "date"})


class TimelineForm(forms.ModelForm[Timeline]):
    class Meta:
        model = Timeline
        fields = ["title", "slug", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        # Help texts are rendered as HTML.
        help_texts = {"slug": escape("The public address: /t/<slug>/. Lowercase letters, digits and hyphens.")}


class EventSearchForm(forms.Form):
    q = forms.CharField(required=False, label="Text", widget=forms.TextInput(attrs={"type": "search"}))
    actor = forms.ModelChoiceField(queryset=Actor.objects.all(), required=False, empty_label="Any actor")
    event_type = forms.ChoiceField(required=False, choices=[("", "Any type"), *EventType.choices], label="Type")
    date_from = forms.DateField(required=False, widget=DATE_INPUT, label="From")
    date_to = forms.DateField(required=False, widget=DATE_INPUT, label="To")

    def search(self) -> EventSearch:
        """The valid criteria; an invalid one is left out rather than matching nothing."""
        data = valid_filters(self)
        return EventSearch(
            text=data.get("q", ""),
            actor=data.get("actor"),
            event_type=data.get("event_type", ""),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )


class AddEventsForm(EventSearchForm):
    event = forms.ModelMultipleChoiceField(queryset=Event.objects.all(), required=False)


class EntryNoteForm(forms.Form):
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}), label="Editorial note")
