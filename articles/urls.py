from django.urls import path
from django.views.generic import RedirectView

from articles import views

app_name = "articles"
urlpatterns = [
    path("upload/", views.upload, name="upload"),
    # The desk's review page is the article page; links from before it was kept lead there.
    path("<int:pk>/", RedirectView.as_view(pattern_name="desk:article", permanent=True)),
    path("<int:pk>/reextract/", views.reextract, name="reextract"),
]
