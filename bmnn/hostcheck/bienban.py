"""The Vietnamese "Biên bản kiểm tra máy tính" as one self-contained HTML page (inline CSS, no
external URL), ready to print, sign and record the seal (tem) number."""

from __future__ import annotations

from html import escape
from typing import Any

STATUS_VI = {"PASS": "Đạt", "FAIL": "Không đạt", "WARN": "Cảnh báo", "UNKNOWN": "Không xác định"}
MAX_EVIDENCE_ROWS = 300  # the JSON keeps everything; the printed copy says how many were left out
_CSS = """
body{font-family:"Times New Roman",serif;font-size:13pt;margin:2cm;color:#000}
h1{text-align:center;font-size:15pt;margin:.6em 0 .2em}.c{text-align:center}
table{border-collapse:collapse;width:100%;margin:.5em 0}td,th{border:1px solid #000;padding:3px 5px;
vertical-align:top;font-size:11pt}th{background:#eee}.FAIL{font-weight:bold;color:#b00}
.WARN,.UNKNOWN{font-weight:bold;color:#a60}.PASS{color:#060}.sig{display:flex;justify-content:space-between;
margin-top:2em;text-align:center}.sig div{width:32%;min-height:6em}.dots{border-bottom:1px dotted #000;
display:inline-block;min-width:14em}.mono{font-family:monospace;font-size:9pt;word-break:break-all}
"""


def _e(value: object) -> str:
    return escape("" if value is None else str(value))


def _header() -> str:
    return (
        '<table style="border:none"><tr><td style="border:none" class="c">'
        '<span class="dots"></span><br><b>ĐƠN VỊ KIỂM TRA</b></td><td style="border:none" class="c">'
        "<b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><b><u>Độc lập - Tự do - Hạnh phúc</u></b></td>"
        "</tr></table><h1>BIÊN BẢN KIỂM TRA MÁY TÍNH</h1>"
        '<p class="c"><i>(máy tính dùng soạn thảo, lưu giữ tài liệu bí mật nhà nước)</i></p>'
    )


def _machine(report: dict[str, Any]) -> str:
    machine, time, target = report["machine"], report["time"], report["target"]
    hardware = "; ".join(f"{k}: {v}" for k, v in sorted((machine.get("hardware") or {}).items()) if v)
    rows = [
        ("Tên máy", machine.get("hostname")),
        ("Hệ điều hành", machine.get("os")),
        ("Định danh phần cứng", hardware),
        ("Địa chỉ MAC", ", ".join(machine.get("macs") or []) or "—"),
        ("Mã máy (machine-id)", machine.get("machine_id")),
        ("Đối tượng kiểm tra", f"{target['platform']} — {target['mode']} — {target['path']}"),
        ("Thời điểm kiểm tra (UTC)", time.get("check_time_utc") or "(không ghi — xem thời điểm tham chiếu)"),
        ("Thời điểm tham chiếu (UTC)", f"{time.get('reference_time_utc')} ({time.get('reference_basis')})"),
        ("Múi giờ của máy", time.get("host_timezone")),
        ("Công cụ", f"{report['tool']['name']} {report['tool']['version']}"),
        ("Chính sách", f"chế độ {report['policy']['regime']}, SHA-256 {report['policy']['sha256']}"),
    ]
    body = "".join(f"<tr><th style='width:30%'>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in rows)
    return "<h2>I. THÔNG TIN MÁY</h2><table>" + body + "</table>"


def _verdicts(report: dict[str, Any]) -> str:
    rows = "".join(
        f"<tr><td>{i}</td><td>{_e(v['title_vi'])}</td><td class='{v['status']}'>{STATUS_VI[v['status']]}</td>"
        f"<td>{_e(v['message_vi'])}<br><small>Chứng cứ số: {_e(', '.join(map(str, v['evidence_ids'][:40])))}"
        f"</small></td><td><small>{_e(v['basis'])}</small></td></tr>"
        for i, v in enumerate(report["verdicts"], 1)
    )
    return (
        "<h2>II. KẾT QUẢ KIỂM TRA</h2><table><tr><th>TT</th><th>Nội dung</th><th>Kết quả</th>"
        "<th>Nhận xét</th><th>Căn cứ</th></tr>" + rows + "</table>"
    )


def _evidence(report: dict[str, Any]) -> str:
    items = report["evidence"][:MAX_EVIDENCE_ROWS]
    rows = "".join(
        f"<tr><td>{e['id']}</td><td>{_e(e['time_local'] or '—')}</td><td>{_e(e['summary_vi'])}</td>"
        f"<td class='mono'>{_e(e['source'])}<br>{_e(e['raw'][:300])}</td></tr>"
        for e in items
    )
    left = len(report["evidence"]) - len(items)
    note = f"<p><i>Còn {left} chứng cứ khác trong tệp JSON.</i></p>" if left else ""
    return (
        "<h2>III. CHỨNG CỨ</h2><table><tr><th>Số</th><th>Thời gian (giờ máy)</th><th>Nội dung</th>"
        "<th>Nguồn / giá trị gốc</th></tr>" + rows + "</table>" + note
    )


def _sources(report: dict[str, Any]) -> str:
    labels = {"read": "Đã đọc", "absent": "Không có", "unreadable": "Không đọc được (không kiểm chứng được)"}
    rows = "".join(
        f"<tr><td class='mono'>{_e(s['path'])}</td><td>{labels[s['state']]}</td><td>{_e(s['detail'])}</td>"
        "</tr>"
        for s in report["sources"]
    )
    return (
        "<h2>IV. NGUỒN DỮ LIỆU ĐÃ KIỂM TRA</h2><table><tr><th>Đường dẫn / khóa</th><th>Tình trạng</th>"
        "<th>Ghi chú</th></tr>" + rows + "</table>"
    )


def _conclusion(report: dict[str, Any]) -> str:
    status = report["overall"]
    return (
        f"<h2>V. KẾT LUẬN</h2><p>Kết quả chung: <b class='{status}'>{STATUS_VI[status]}</b>.</p>"
        "<p>Kiến nghị: <span class='dots' style='min-width:30em'></span></p>"
        "<p>Số tem niêm phong: <span class='dots'></span> &nbsp; Vị trí dán tem: <span class='dots'></span></p>"
        f"<p>Mã băm SHA-256 của báo cáo JSON: <span class='mono'>{_e(report['report_sha256'])}</span></p>"
        "<p>Biên bản lập thành ..... bản, mỗi bên giữ ..... bản, có giá trị như nhau.</p>"
        "<div class='sig'><div><b>NGƯỜI SỬ DỤNG MÁY</b><br><i>(ký, ghi rõ họ tên)</i></div>"
        "<div><b>ĐẠI DIỆN ĐƠN VỊ QUẢN LÝ MÁY</b><br><i>(ký, ghi rõ họ tên, đóng dấu)</i></div>"
        "<div><b>ĐẠI DIỆN ĐOÀN KIỂM TRA</b><br><i>(ký, ghi rõ họ tên)</i></div></div>"
    )


def render_html(report: dict[str, Any]) -> str:
    intro = (
        "<p>Hôm nay, vào hồi ..... giờ ..... ngày ..... tháng ..... năm ......., tại "
        "<span class='dots'></span>, đoàn kiểm tra gồm: <span class='dots' style='min-width:25em'></span> "
        "đã tiến hành kiểm tra máy tính dưới đây bằng công cụ chỉ đọc (không gửi gói tin, không sửa đổi dữ "
        "liệu trên máy).</p>"
    )
    return (
        "<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><title>Biên bản kiểm tra máy tính</title>"
        f"<style>{_CSS}</style></head><body>"
        + _header()
        + intro
        + _machine(report)
        + _verdicts(report)
        + _evidence(report)
        + _sources(report)
        + _conclusion(report)
        + "</body></html>\n"
    )
