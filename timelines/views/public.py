from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from timelines.models import Timeline


def index(request: HttpRequest) -> HttpResponse:
    timelines = Timeline.objects.published().select_related("published_version")
    return render(request, "timelines/public/index.html", {"timelines": timelines})
