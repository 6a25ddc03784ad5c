import socket

import pytest

from bmnn.lib import egress


def test_loopback_is_allowed_and_anything_else_is_refused_and_logged(tmp_path, monkeypatch):
    log = tmp_path / "egress.log"
    egress.install()
    monkeypatch.setattr(egress, "_log_path", str(log))  # not the suite's log: these attempts are deliberate
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    client = socket.create_connection(server.getsockname(), timeout=2)
    client.close()
    server.close()
    before = len(egress.attempts)
    with pytest.raises(OSError, match="bị chặn"):
        socket.create_connection(("192.0.2.10", 443), timeout=1)
    with pytest.raises(OSError):
        socket.getaddrinfo("example.com", 443)
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    with pytest.raises(OSError):
        udp.sendto(b"x", ("8.8.8.8", 53))
    udp.close()
    assert egress.attempts[before:] == ["192.0.2.10:443", "dns:example.com", "8.8.8.8:53"]
    assert "192.0.2.10:443" in log.read_text()
    egress.attempts[before:] = []
