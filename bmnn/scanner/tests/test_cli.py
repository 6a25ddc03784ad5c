import json

from bmnn.scanner.cli import main
from bmnn.scanner.gateway import REPORT_SUFFIX


def write(tmp_path, name, text):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_json_output_lists_files_and_summary_and_stdout_is_only_json(tmp_path, capsys):
    write(tmp_path, "a/mat.txt", "UBND\nTỐI MẬT\nBáo cáo")
    write(tmp_path, "a/sach.txt", "Báo cáo thường")
    code = main(["--json", str(tmp_path / "a")])
    out = json.loads(capsys.readouterr().out)
    assert code == 1
    assert out["summary"]["by_verdict"]["secret"] == 1
    assert {f["verdict"] for f in out["files"]} == {"secret", "clean"}
    assert set(out["files"][0]) >= {"path", "verdict", "level", "findings"}


def test_exit_code_is_zero_when_everything_is_clean(tmp_path, capsys):
    assert main([str(write(tmp_path, "a.txt", "Báo cáo thường"))]) == 0


def test_fail_on_suspect_turns_a_suspect_file_into_exit_one(tmp_path, capsys):
    path = write(tmp_path, "a.txt", "UBND\nTối mật\nBáo cáo")
    assert main([str(path)]) == 0
    assert main(["--fail-on", "suspect", str(path)]) == 1


def test_usage_errors_and_missing_paths_exit_two(tmp_path, capsys):
    assert main([]) == 2
    assert main(["--fail-on", "nonsense", "x"]) == 2
    assert main([str(tmp_path / "khong-co.txt")]) == 2


def test_known_numbers_file_is_built_and_used(tmp_path, capsys):
    plain = write(tmp_path, "ds.txt", "123/QĐ-UBND;Tối mật\n")
    hashed = tmp_path / "ds.hash"
    assert main(["--make-known-numbers", str(plain), str(hashed)]) == 0
    doc = write(tmp_path, "qd.txt", "UBND\nSố: 123/QD-UBND\nQuyết định")
    assert main(["--known-numbers", str(hashed), "--json", str(doc)]) == 1
    assert json.loads(capsys.readouterr().out)["files"][0]["level"] == "secret"


def test_allow_list_and_html_report(tmp_path, capsys):
    doc = write(tmp_path, "a.txt", "UBND\nTỐI MẬT\nBáo cáo")
    main(["--json", str(doc)])
    fp = json.loads(capsys.readouterr().out)["files"][0]["findings"][0]["fingerprint"]
    allow = write(tmp_path, "allow.txt", f"{fp} đã xem xét\n")
    html = tmp_path / "bc.html"
    assert main(["--allow-list", str(allow), "--html", str(html), str(doc)]) == 0
    assert "Báo cáo rà soát" in html.read_text("utf-8")


def test_parallel_jobs_give_the_same_results(tmp_path, capsys):
    for i in range(4):
        write(tmp_path, f"d/{i}.txt", "UBND\nTỐI MẬT\n" if i % 2 else "Báo cáo")
    main(["--json", str(tmp_path / "d")])
    serial = json.loads(capsys.readouterr().out)
    main(["--json", "--jobs", "2", str(tmp_path / "d")])
    parallel = json.loads(capsys.readouterr().out)
    assert [f["verdict"] for f in serial["files"]] == [f["verdict"] for f in parallel["files"]]


def test_gateway_moves_files_to_approved_or_blocked_with_a_report(tmp_path, capsys):
    outbox = tmp_path / "outbox"
    write(outbox, "sach.txt", "Báo cáo thường")
    write(outbox, "mat.txt", "UBND\nTỐI MẬT\n")
    assert main(["--gateway", str(outbox)]) == 1
    assert (outbox / "approved" / "sach.txt").exists()
    assert (outbox / "blocked" / "mat.txt").exists()
    report = json.loads((outbox / "blocked" / ("mat.txt" + REPORT_SUFFIX)).read_text("utf-8"))
    assert report["files"][0]["verdict"] == "secret"
    assert not (outbox / "mat.txt").exists()
