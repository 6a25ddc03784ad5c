from bmnn.lib.testing import make_agency, make_unit, make_user


def test_those_who_answer_for_the_work_see_its_warnings_first(db, client):
    agency = make_agency()
    officer = make_user(agency, "officer", role="security_officer", clearance="secret")
    staff = make_user(agency, "staff", role="staff", clearance="secret", unit=make_unit(agency))
    client.force_login(officer)
    page = client.get("/").content.decode()
    assert 'data-testid="alerts"' in page and "chưa ban hành nội quy" in page
    client.force_login(staff)
    assert 'data-testid="alerts"' not in client.get("/").content.decode()
