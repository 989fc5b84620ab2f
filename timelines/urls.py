from django.urls import path

from timelines.views import desk, public

desk_patterns = (
    [
        path("", desk.inbox, name="inbox"),
    ],
    "desk",
)

public_patterns = (
    [
        path("", public.index, name="index"),
    ],
    "public",
)
