from __future__ import annotations

from typing import Any, cast

from django import forms
from django.conf import settings

from articles.ingest import UnreadableInput, content_type_for, decode_text
from articles.models import Article
from articles.services import ArticleInput


class ArticleUploadForm(forms.Form):
    title = forms.CharField(max_length=500, required=False, help_text="Taken from the first sentence when empty.")
    url = forms.URLField(max_length=2000, required=False, assume_scheme="https")
    outlet = forms.CharField(max_length=200, required=False)
    published_on = forms.DateField(
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Relative dates (“on Wednesday”) are resolved against it; leave empty if unknown.",
    )
    language = forms.CharField(max_length=16, initial="en")
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 12}), required=False, label="Paste text")
    file = forms.FileField(required=False, help_text="A .txt, .md or .html file.")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # upload.js refuses a larger paste before it is sent: past the request limit the server could not say why.
        self.fields["text"].widget.attrs["data-max-bytes"] = settings.ARTICLE_MAX_BYTES

    def clean_file(self) -> object:
        upload = self.cleaned_data.get("file")
        if upload and upload.size > settings.ARTICLE_MAX_BYTES:
            raise forms.ValidationError(f"The file is larger than {settings.ARTICLE_MAX_BYTES // (1024 * 1024)} MB.")
        return upload

    def clean(self) -> dict[str, object]:
        data = cast(dict[str, Any], super().clean())  # Form.clean() returns cleaned_data, never None
        if "file" in self.errors:  # already told why the file was refused; "paste the text" would mislead
            return data
        upload = data.get("file")
        if data.get("text") and upload:
            raise forms.ValidationError("Paste text or choose a file, not both.")
        if upload:
            try:
                data["content_type"] = content_type_for(upload.name)
                data["text"] = decode_text(upload.read(), name=upload.name)
            except UnreadableInput as error:
                raise forms.ValidationError(str(error)) from None
        if not data.get("text", "").strip():
            raise forms.ValidationError("Paste the article's text or choose a file with text in it.")
        return data

    def article_input(self) -> ArticleInput:
        data = self.cleaned_data
        return ArticleInput(
            title=data["title"],
            content=data["text"],
            content_type=data.get("content_type", Article.ContentType.TEXT),
            url=data["url"],
            outlet=data["outlet"],
            published_on=data["published_on"],
            language=data["language"],
        )
