"""Desk forms: they parse and validate; the services in timelines/services do the work."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet

from articles.models import Article
from timelines.models import Actor, CandidateEvent, EventType, Precision
from timelines.services.review import DatedChanges

DATE_INPUT = forms.DateInput(attrs={"type": "date"})


def valid_filters(form: forms.Form) -> dict[str, Any]:
    """The filters that validated: an invalid one is left out, and its error shown on the form,
    while the others still apply."""
    form.is_valid()
    return form.cleaned_data


class InboxFilterForm(forms.Form):
    q = forms.CharField(required=False, label="Search", widget=forms.TextInput(attrs={"type": "search"}))
    status = forms.ChoiceField(required=False, choices=[("", "Any status"), *Article.Status.choices])
    outlet = forms.CharField(required=False)
    published_from = forms.DateField(required=False, widget=DATE_INPUT)
    published_to = forms.DateField(required=False, widget=DATE_INPUT)
    unreviewed = forms.BooleanField(required=False, label="Has unreviewed candidates")

    def filter(self, articles: QuerySet[Article]) -> QuerySet[Article]:
        """The articles the filters let through."""
        data = valid_filters(self)
        if data.get("q"):
            articles = articles.filter(Q(title__icontains=data["q"]) | Q(outlet__icontains=data["q"]))
        if data.get("status"):
            articles = articles.filter(status=data["status"])
        if data.get("outlet"):
            articles = articles.filter(outlet__iexact=data["outlet"])
        if data.get("published_from"):
            articles = articles.filter(published_on__gte=data["published_from"])
        if data.get("published_to"):
            articles = articles.filter(published_on__lte=data["published_to"])
        if data.get("unreviewed"):
            articles = articles.filter(Exists(CandidateEvent.objects.unreviewed().filter(article=OuterRef("pk"))))
        return articles


def interval_at(start: dt.date | None, end: dt.date | None, precision: str) -> tuple[dt.date | None, dt.date | None]:
    """The closed interval an editor means: "September 2025" at month precision is 1 to 30 September."""
    if start is None:
        return None, None
    if precision == Precision.MONTH:
        first = start.replace(day=1)
        return first, (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    if precision == Precision.YEAR:
        return start.replace(month=1, day=1), start.replace(month=12, day=31)
    if precision == Precision.RANGE:
        return start, end
    return start, start


class DatedForm(forms.Form):
    """The fields candidates and events share; actors are picked by id from the autocomplete."""

    date_start = forms.DateField(required=False, widget=DATE_INPUT, label="Date (start)")
    date_end = forms.DateField(required=False, widget=DATE_INPUT, label="End (ranges)")
    date_precision = forms.ChoiceField(required=False, choices=[("", "No date"), *Precision.choices])
    event_type = forms.ChoiceField(choices=EventType.choices, label="Type")
    actors = forms.ModelMultipleChoiceField(queryset=Actor.objects.all(), required=False)
    new_actor_name = forms.CharField(required=False, max_length=200, label="Add an actor")
    new_actor_kind = forms.ChoiceField(
        required=False, choices=Actor.Kind.choices, initial=Actor.Kind.PERSON, label="Kind"
    )
    alias_for = forms.ModelChoiceField(
        queryset=Actor.objects.all(), required=False, label="…or as another name of", widget=forms.HiddenInput
    )
    location = forms.CharField(required=False, max_length=200, label="Place")
    summary = forms.CharField(required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 2}))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end, precision = data.get("date_start"), data.get("date_end"), data.get("date_precision")
        if start and not precision:
            self.add_error("date_precision", "Say how precise the date is.")
        if precision and not start:
            self.add_error("date_start", "A precision needs a date.")
        if precision == Precision.RANGE and not end:
            self.add_error("date_end", "A range needs an end.")
        if start and end and end < start:
            self.add_error("date_end", "The end comes before the start.")
        return data

    def changes(self) -> DatedChanges:
        data = self.cleaned_data
        start, end = interval_at(data["date_start"], data["date_end"], data["date_precision"])
        return DatedChanges(
            date_start=start,
            date_end=end,
            date_precision=data["date_precision"],
            event_type=data["event_type"],
            actors=list(data["actors"]),
            location=data["location"],
            summary=data["summary"],
            title=data.get("title", ""),
            new_actor_name=data["new_actor_name"],
            new_actor_kind=data["new_actor_kind"] or Actor.Kind.PERSON,
            alias_for=data["alias_for"],
        )


class CandidateForm(DatedForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class EventForm(DatedForm):
    title = forms.CharField(max_length=300)
    summary = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 4}))
    seen_updated_at = forms.DateTimeField(widget=forms.HiddenInput)

    field_order = ["title", "date_start", "date_end", "date_precision", "event_type", "actors", "location"]


class CandidateMergeForm(forms.Form):
    event = forms.IntegerField(min_value=1)


class EventMergeForm(forms.Form):
    other = forms.IntegerField(min_value=1, label="Event number to fold into this one")
    seen_updated_at = forms.DateTimeField(widget=forms.HiddenInput)


class EventSplitForm(forms.Form):
    sources = forms.TypedMultipleChoiceField(coerce=int, choices=[])
    seen_updated_at = forms.DateTimeField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, source_ids: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        sources = self.fields["sources"]
        assert isinstance(sources, forms.TypedMultipleChoiceField)
        sources.choices = [(pk, pk) for pk in source_ids]


class AliasForm(forms.Form):
    name = forms.CharField(max_length=200, label="Another name")


class ActorMergeForm(forms.Form):
    keep = forms.ModelChoiceField(queryset=Actor.objects.all(), label="Merge into")
