import io
import json
import zipfile

import pytest

from bmnn.ops import restore, sealed


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch):
    monkeypatch.setattr(sealed, "SCRYPT", {"n": 2**10, "r": 8, "p": 1})
    monkeypatch.setattr(sealed, "CHUNK", 1000)


def seal_bytes(tmp_path, data: bytes):
    src, out = tmp_path / "plain", tmp_path / "sealed"
    src.write_bytes(data)
    sealed.seal(src, out, "cụm mật khẩu sao lưu")
    return out


def test_a_sealed_file_opens_with_its_passphrase_only(tmp_path):
    data = bytes(range(256)) * 20
    out = seal_bytes(tmp_path, data)
    sealed.unseal(out, tmp_path / "back", "cụm mật khẩu sao lưu")
    assert (tmp_path / "back").read_bytes() == data
    with pytest.raises(sealed.SealError, match="sai cụm mật khẩu"):
        sealed.unseal(out, tmp_path / "bad", "cụm khác")
    assert not (tmp_path / "bad").exists()


@pytest.mark.parametrize("damage", ["flip", "truncate", "drop_last_chunk", "append"])
def test_any_alteration_of_a_sealed_file_is_detected(tmp_path, damage):
    out = seal_bytes(tmp_path, b"x" * 5000)
    raw = bytearray(out.read_bytes())
    if damage == "flip":
        raw[len(raw) // 2] ^= 1
    elif damage == "truncate":
        raw = raw[:-10]
    elif damage == "drop_last_chunk":
        raw = raw[: -(4 + 12 + 1000 + 16)]
    else:
        raw += raw[-(4 + 12 + 1000 + 16) :]
    out.write_bytes(bytes(raw))
    with pytest.raises(sealed.SealError):
        sealed.unseal(out, tmp_path / "back", "cụm mật khẩu sao lưu")


def payload(tmp_path, members: dict[str, bytes], listed: dict[str, bytes] | None = None, migrations=()):
    import hashlib

    path = tmp_path / "payload.zip"
    listed = members if listed is None else listed
    manifest = {
        "format": 1,
        "migrations": list(migrations),
        "files": {n: {"sha256": hashlib.sha256(b).hexdigest(), "size": len(b)} for n, b in listed.items()},
    }
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, body in members.items():
            zf.writestr(name, body)
        zf.writestr("manifest.json", json.dumps(manifest))
    return path


def test_a_well_formed_payload_passes(tmp_path):
    manifest = restore.check_payload(
        payload(tmp_path, {"data.bmnnjsonl": b"{}\n"}, migrations=["audit.0001"]), {"audit.0001"}
    )
    assert "data.bmnnjsonl" in manifest["files"]


@pytest.mark.parametrize(
    ("members", "listed", "migrations", "reason"),
    [
        ({"data.bmnnjsonl": b"{}", "extra.txt": b"?"}, {"data.bmnnjsonl": b"{}"}, [], "thừa tệp"),
        ({"../evil": b"x"}, None, [], "không an toàn"),
        ({"data.bmnnjsonl": b"\0" * 3_000_000}, None, [], "tỉ lệ nén"),
        ({"data.bmnnjsonl": b"{}"}, None, ["registry.9999_future"], "mới hơn"),
        ({"data.bmnnjsonl": b"{}"}, {"data.bmnnjsonl": b"{ }"}, [], "sai kích thước"),
    ],
)
def test_a_suspicious_payload_is_refused_with_its_reason(tmp_path, members, listed, migrations, reason):
    with pytest.raises(restore.RestoreError, match=reason):
        restore.check_payload(payload(tmp_path, members, listed, migrations), {"audit.0001"})


def test_a_payload_that_is_not_a_zip_is_refused(tmp_path):
    path = tmp_path / "payload.zip"
    path.write_bytes(io.BytesIO(b"not a zip").getvalue())
    with pytest.raises(restore.RestoreError, match="không phải gói"):
        restore.check_payload(path, set())
