from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from articles import services
from articles.forms import ArticleUploadForm
from articles.models import Article
from config.http import AuthenticatedHttpRequest


@permission_required("articles.add_article")
def upload(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ArticleUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            article, created = services.create_article(article_input=form.article_input(), uploaded_by=request.user)
        except services.ArticleRejected as error:
            form.add_error(None, str(error))
        else:
            if not created:
                messages.info(request, "This article was already here; nothing new was stored.")
            return redirect(article)
    return render(request, "articles/article_upload.html", {"form": form})


@require_POST
@permission_required("articles.change_article")
def reextract(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    services.reextract_article(article=article)
    messages.info(request, "Extraction queued again; decisions already made are kept.")
    return redirect(article)
