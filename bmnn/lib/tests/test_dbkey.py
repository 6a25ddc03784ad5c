import json

import pytest

from bmnn.lib import dbkey


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch):
    monkeypatch.setattr(dbkey, "SCRYPT_N", 2**10)
    dbkey.set_session_key(None)
    yield
    dbkey.set_session_key(None)


def test_the_passphrase_and_the_recovery_code_both_open_the_same_key(tmp_path):
    created = dbkey.create(tmp_path, "một cụm mật khẩu dài")
    assert dbkey.unlock(tmp_path, "một cụm mật khẩu dài") == created.data_key
    new_key = dbkey.recover(tmp_path, created.recovery_code.lower(), "cụm mật khẩu mới đủ dài")
    assert new_key == created.data_key
    assert dbkey.unlock(tmp_path, "cụm mật khẩu mới đủ dài") == created.data_key


def test_a_wrong_passphrase_is_refused_and_the_key_never_lies_in_clear(tmp_path):
    created = dbkey.create(tmp_path, "một cụm mật khẩu dài")
    with pytest.raises(dbkey.KeyError_, match="không đúng"):
        dbkey.unlock(tmp_path, "một cụm mật khẩu sai")
    assert created.data_key.hex() not in dbkey.encryption_file(tmp_path).read_text()


def test_changing_the_passphrase_retires_the_old_one(tmp_path):
    created = dbkey.create(tmp_path, "cụm mật khẩu thứ nhất")
    dbkey.change_passphrase(tmp_path, "cụm mật khẩu thứ nhất", "cụm mật khẩu thứ hai")
    with pytest.raises(dbkey.KeyError_):
        dbkey.unlock(tmp_path, "cụm mật khẩu thứ nhất")
    assert dbkey.unlock(tmp_path, "cụm mật khẩu thứ hai") == created.data_key


def test_a_tampered_wrapped_key_is_detected(tmp_path):
    dbkey.create(tmp_path, "một cụm mật khẩu dài")
    path = dbkey.encryption_file(tmp_path)
    doc = json.loads(path.read_text())
    flipped = bytearray(bytes.fromhex(doc["passphrase"]["ciphertext"]))
    flipped[0] ^= 1
    doc["passphrase"]["ciphertext"] = flipped.hex()
    path.write_text(json.dumps(doc))
    with pytest.raises(dbkey.KeyError_):
        dbkey.unlock(tmp_path, "một cụm mật khẩu dài")


def test_short_passphrases_and_a_second_key_are_refused(tmp_path):
    with pytest.raises(dbkey.KeyError_, match="12 ký tự"):
        dbkey.create(tmp_path, "ngắn")
    dbkey.create(tmp_path, "một cụm mật khẩu dài")
    with pytest.raises(dbkey.KeyError_, match="không tạo lại"):
        dbkey.create(tmp_path, "một cụm mật khẩu dài")


def test_a_key_file_readable_by_others_is_refused(tmp_path, monkeypatch):
    key_file = tmp_path / "db.key"
    key_file.write_text("ab" * 32)
    key_file.chmod(0o644)
    monkeypatch.setenv("BMNN_DB_KEY_FILE", str(key_file))
    with pytest.raises(dbkey.KeyError_, match="chmod 600"):
        dbkey.database_key(tmp_path)
    key_file.chmod(0o600)
    assert dbkey.database_key(tmp_path) == bytes.fromhex("ab" * 32)
