from django.urls import path

from articles import views

app_name = "articles"
urlpatterns = [
    path("upload/", views.upload, name="upload"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/reextract/", views.reextract, name="reextract"),
]
