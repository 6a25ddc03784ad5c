from django.urls import path

from bmnn.registers import views, views_books, views_import, views_search

app_name = "registers"
urlpatterns = [
    path("", views.index, name="index"),
    path("books/", views_books.books, name="books"),
    path("books/<int:book_id>/", views.book, name="book"),
    path("books/<int:book_id>/lock/", views_books.lock, name="lock"),
    path("books/<int:book_id>/unlock/", views_books.request_unlock, name="request_unlock"),
    path("unlock/<int:request_id>/", views_books.decide_unlock, name="decide_unlock"),
    path("import/", views_import.upload, name="import"),
    path("import/map/", views_import.mapping, name="import_map"),
    path("search/", views_search.search_page, name="search"),
    path("search/export/", views_search.search_export, name="search_export"),
    path("outgoing/new/", views.outgoing_new, name="outgoing_new"),
    path("incoming/new/", views.incoming_new, name="incoming_new"),
    path("handover/new/", views.handover_new, name="handover_new"),
    path("handover/<int:entry_id>/confirm/", views.confirm_handover, name="confirm_handover"),
    path("receipt/<int:receipt_id>/sign/", views.sign_receipt, name="sign_receipt"),
    path("<str:kind>/<int:entry_id>/", views.entry, name="entry"),
    path("<str:kind>/<int:entry_id>/cancel/", views.cancel, name="cancel"),
]
