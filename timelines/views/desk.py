from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from articles.models import Article


@permission_required("timelines.review_candidateevent")
def inbox(request: HttpRequest) -> HttpResponse:
    articles = Article.objects.with_unreviewed_counts()[:100]
    return render(request, "timelines/desk/inbox.html", {"articles": articles})
