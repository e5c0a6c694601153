from django.urls import path

from . import views

app_name = "site_search"

urlpatterns = [
    path("soeg/", views.search_page, name="page"),
    path("api/search/", views.search_api, name="api"),
]
