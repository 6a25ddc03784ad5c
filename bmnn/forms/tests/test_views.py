import pytest

from bmnn.audit.models import LedgerEntry


@pytest.fixture
def login(client):
    def as_(user):
        client.force_login(user)
        return client

    return as_


def test_the_catalogue_lists_the_forms_in_force_with_their_basis(people, login):
    page = login(people["clerk"]).get("/forms/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "register.outgoing" in text and "Luật Bảo vệ bí mật nhà nước 117/2025/QH15" in text


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_an_item_form_downloads_and_is_ledgered(people, item, login, fmt):
    client = login(people["clerk"])
    before = LedgerEntry.objects.count()
    response = client.get(f"/forms/items/{item.pk}/doc.proposal/?format={fmt}")
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert body[:4] in (b"%PDF", b"PK\x03\x04")
    assert list(LedgerEntry.objects.filter(seq__gt=before).values_list("event", flat=True)) == [
        "forms.printed"
    ]


def test_stamps_of_an_item_the_user_cannot_see_are_404(people, item, login):
    client = login(people["stranger"])
    assert client.get(f"/forms/items/{item.pk}/stamps/").status_code == 404
    assert client.get(f"/forms/items/{item.pk}/stamp.level/").status_code == 404


def test_import_page_previews_then_saves_only_on_confirmation(people, login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from bmnn.forms.models import ImportedDefinition
    from bmnn.forms.tests.test_services import _corrected

    client = login(people["officer"])
    upload = SimpleUploadedFile("so-di.json", _corrected().encode("utf-8"))
    page = client.post("/forms/import/", {"file": upload})
    assert "Xem trước" in page.content.decode() and not ImportedDefinition.objects.exists()
    client.post("/forms/import/", {"content": _corrected(), "file_name": "so-di.json", "confirm": "1"})
    assert ImportedDefinition.objects.count() == 1


def test_a_clerk_may_not_import_definitions(people, login):
    assert login(people["clerk"]).get("/forms/import/").status_code == 403


def test_a_bad_print_request_shows_the_rule_and_prints_nothing(people, item, login):
    client = login(people["clerk"])
    before = LedgerEntry.objects.count()
    page = client.get(f"/forms/items/{item.pk}/doc.proposal/?format=odt&copies=99")
    text = page.content.decode()
    assert page.status_code == 400
    assert "Định dạng: chỉ in ra PDF hoặc DOCX." in text and "Số bản in: từ 1 đến 50." in text
    assert LedgerEntry.objects.count() == before


def test_a_download_answers_the_pages_token_so_its_progress_note_can_stop(people, item, login):
    client = login(people["clerk"])
    response = client.get(f"/forms/items/{item.pk}/stamps/?format=pdf&download_token=abc123def")
    assert response.cookies["bmnn_download"].value == "abc123def"
    assert response.cookies["bmnn_download"]["samesite"] == "Strict"
    odd = client.get(f"/forms/items/{item.pk}/stamps/?format=pdf&download_token=%3Cscript%3E")
    assert "bmnn_download" not in odd.cookies  # only a short lowercase nonce is echoed
