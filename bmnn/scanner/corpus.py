"""Generator of a labelled corpus of Vietnamese administrative documents, with and without markings.

``python -m bmnn.scanner.corpus OUTDIR [--per-format N] [--seed S]`` writes the files and
``manifest.json`` ({"files": [{"path", "format", "category", "verdict", "level", "rules"}]}), which
``bmnn.scanner.evaluate`` reads. Everything is synthetic: names, numbers and contents are invented.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bmnn.scanner import corpus_writers as w
from bmnn.scanner.corpus_writers import Doc

AGENCIES = [("UBND TỈNH HÒA BÌNH", "SỞ Y TẾ", "SYT"), ("BỘ CÔNG AN", "CÔNG AN TỈNH NAM ĐỊNH", "CAT"),
            ("UBND HUYỆN ĐỒNG HỶ", "PHÒNG TƯ PHÁP", "PTP"), ("UBND TỈNH QUẢNG NGÃI", "SỞ XÂY DỰNG", "SXD")]  # fmt: skip
KINDS = [("BÁO CÁO", "BC"), ("KẾ HOẠCH", "KH"), ("CÔNG VĂN", "CV"), ("QUYẾT ĐỊNH", "QĐ")]
TOPICS = ["tình hình an ninh trật tự quý III", "phương án bảo đảm an toàn công trình trọng điểm",
          "kết quả kiểm tra công tác văn thư lưu trữ", "triển khai nhiệm vụ năm 2025",
          "rà soát hồ sơ cán bộ diện quy hoạch", "công tác phòng chống thiên tai"]  # fmt: skip
SENTENCES = [
    "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, đơn vị đã tổ chức triển khai các nhiệm vụ trọng tâm.",
    "Các phòng, ban chuyên môn phối hợp chặt chẽ, bảo đảm tiến độ và chất lượng công việc được giao.",
    "Kết quả cho thấy phần lớn chỉ tiêu đạt và vượt kế hoạch đề ra, một số nhiệm vụ còn chậm.",
    "Đề nghị các đơn vị tiếp tục quán triệt, nâng cao trách nhiệm của người đứng đầu.",
    "Kinh phí thực hiện được bố trí từ nguồn ngân sách nhà nước theo phân cấp hiện hành.",
    "Trong quá trình thực hiện, nếu có vướng mắc đề nghị phản ánh về Văn phòng để tổng hợp.",
]
HARD_NEGATIVE = [
    "Cán bộ phải đổi mật khẩu hộp thư công vụ ba tháng một lần, không ghi mật khẩu ra giấy.",
    "Mật độ dân cư tại khu vực trung tâm tăng nhanh, gây áp lực lên hạ tầng giao thông.",
    "Hợp tác xã đã xuất khẩu 20 tấn mật ong rừng trong năm qua.",
    "Buổi gặp mặt diễn ra trong không khí thân mật, cởi mở.",
    "Hai đơn vị có mối quan hệ mật thiết trong công tác phối hợp.",
    "Hệ thống được trang bị giải pháp bảo mật nhiều lớp.",
    "Doanh nghiệp có quyền bảo vệ bí mật kinh doanh theo quy định của pháp luật.",
    "Bí mật nhà nước được phân loại theo ba độ mật: Tuyệt mật, Tối mật và Mật.",
    "Điều 8. Bí mật nhà nước độ Tuyệt mật là bí mật nhà nước liên quan đến chính trị, quốc phòng.",
    "Hội đồng giải mật xem xét đề nghị giải mật và trình người đứng đầu quyết định.",
    "Việc gia hạn hợp đồng lao động thực hiện theo quy định của Bộ luật Lao động.",
    "Tài liệu gửi kèm gồm bản sao y bản chính giấy chứng nhận đăng ký kinh doanh.",
]
HARD_LINES = ["MẬT ONG RỪNG TÂY BẮC", "Các độ mật", "- Tuyệt mật;", "- Tối mật;", "- Mật.", "Mật khẩu:"]


@dataclass
class Case:
    path: str
    format: str
    category: str  # marked | declassified | suspect | clean | hard_negative
    verdict: str
    level: str | None = None
    rules: list[str] = field(default_factory=list)


MARKINGS = [  # (stamp text, level, rule, place options)
    ("TỐI MẬT", "secret", "level.stamp"),
    ("TUYỆT MẬT", "top_secret", "level.stamp"),
    ("MẬT", "confidential", "level.stamp"),
    ("T Ố I  M Ậ T", "secret", "level.stamp"),
    ("Độ mật: Tối mật", "secret", "level.field"),
    ("BẢN SAO BÍ MẬT NHÀ NƯỚC", None, "stamp.state_secret_copy"),
    ("TÀI LIỆU THU HỒI", None, "stamp.recall"),
    ("CHỈ NGƯỜI CÓ TÊN MỚI ĐƯỢC BÓC BÌ", None, "stamp.named_only"),
    ("THỜI HẠN BẢO VỆ BÍ MẬT NHÀ NƯỚC: 10 NĂM", None, "stamp.protection_period"),
]
PLACES = {
    "txt": ["top", "tabbed", "bottom"], "html": ["top", "header"], "docx": ["top", "header", "box", "split_runs", "hidden", "tabbed"],
    "xlsx": ["top", "header", "hidden_sheet"], "pptx": ["top", "notes", "master"], "odt": ["top", "header"],
    "ods": ["top"], "odp": ["top"], "pdf": ["top", "tabbed", "annotation"], "rtf": ["top", "header"],
}  # fmt: skip
FORMATS = [*PLACES, "eml", "zip", "txt-cp1258", "txt-utf16", "txt-tcvn3", "txt-vni"]


def skeleton(rng: random.Random, hard: bool = False) -> list[str]:
    parent, agency, short = rng.choice(AGENCIES)
    kind, code = rng.choice(KINDS)
    number = f"{rng.randint(1, 999)}/{code}-{short}"
    body = rng.sample(SENTENCES, 4) + (
        rng.sample(HARD_NEGATIVE, 4) + rng.sample(HARD_LINES, 2) if hard else []
    )
    rng.shuffle(body)
    return [
        f"{parent}\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        f"{agency}\tĐộc lập - Tự do - Hạnh phúc",
        f"Số: {number}\tHà Nội, ngày {rng.randint(1, 28)} tháng {rng.randint(1, 12)} năm 2025",
        kind,
        f"Về {rng.choice(TOPICS)}",
        *body,
        "Nơi nhận:",
        "- Như trên;",
        "- Lưu: VT, VP.",
        "GIÁM ĐỐC",
        "Nguyễn Văn An",
    ]


def _writer(fmt: str) -> Callable[[Doc], bytes]:
    table: dict[str, Callable[[Doc], bytes]] = {
        "txt": w.write_txt, "html": w.write_html, "docx": w.write_docx, "xlsx": w.write_xlsx, "pptx": w.write_pptx,
        "odt": lambda d: w.write_odf(d, "odt"), "ods": lambda d: w.write_odf(d, "ods"), "odp": lambda d: w.write_odf(d, "odp"),
        "pdf": w.write_pdf, "rtf": w.write_rtf, "txt-cp1258": lambda d: w.write_txt(d, "cp1258"),
        "txt-utf16": lambda d: w.write_txt(d, "utf-16"), "txt-tcvn3": lambda d: w.write_txt(d, "tcvn3"),
        "txt-vni": lambda d: w.write_txt(d, "vni"),
        "eml": lambda d: w.write_eml("Kính gửi anh/chị tài liệu đính kèm.", "tai-lieu.docx", w.write_docx(d)),
        "zip": lambda d: w.write_zip({"ho-so/van-ban.docx": w.write_docx(d), "ho-so/ghi-chu.txt": "Danh sách tài liệu gửi kèm".encode()}),
    }  # fmt: skip
    return table[fmt]


def _ext(fmt: str) -> str:
    return "txt" if fmt.startswith("txt") else fmt


def _variants(fmt: str, rng: random.Random) -> list[tuple[str, Doc, Case]]:
    """All labelled documents of one format (a list of (name, doc, label without path))."""
    base = fmt.split("-")[0] if fmt.startswith("txt") else fmt
    places = PLACES.get(base, ["top"])
    out: list[tuple[str, Doc, Case]] = []
    for i, (stamp, level, rule) in enumerate(MARKINGS):
        place = places[i % len(places)]
        if rule == "level.field" and place in ("split_runs",):
            place = "top"
        if stamp.startswith("T Ố") and place in ("split_runs",):
            place = "top"
        doc = Doc(skeleton(rng), stamp=stamp, place=place)
        out.append((f"mat-{i}-{place}", doc, Case("", fmt, "marked", "secret", level, [rule])))
    out.append(("luu-tm", _luu_doc(rng), Case("", fmt, "marked", "secret", "secret", ["level.luu_abbrev"])))
    declass = Doc(skeleton(rng), stamp="TỐI MẬT", place="top", extra=["GIẢI MẬT"])
    out.append(
        (
            "giai-mat",
            declass,
            Case("", fmt, "declassified", "declassified", "secret", ["level.stamp", "stamp.declassified"]),
        )
    )
    weak = Doc(skeleton(rng), stamp="Bản số: 02", place=places[0])
    out.append(("nghi-van", weak, Case("", fmt, "suspect", "suspect", None, ["stamp.copy_number"])))
    envelope = Doc([*skeleton(rng), "Ghi ngoài phong bì:", "B"])
    out.append(("bi-thu", envelope, Case("", fmt, "suspect", "suspect", "secret", ["envelope.code"])))
    for j in range(2):
        out.append((f"sach-{j}", Doc(skeleton(rng)), Case("", fmt, "clean", "clean")))
    for j in range(2):
        out.append((f"kho-{j}", Doc(skeleton(rng, hard=True)), Case("", fmt, "hard_negative", "clean")))
    return out


def _luu_doc(rng: random.Random) -> Doc:
    lines = skeleton(rng)
    at = lines.index("- Lưu: VT, VP.")
    return Doc([*lines[: at + 1], "TM", *lines[at + 1 :]])


def generate(outdir: Path, seed: int = 1, formats: list[str] | None = None) -> list[Case]:
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not cryptography
    outdir.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []
    wanted = formats or [f for f in FORMATS if f != "pdf" or w.FONT]
    if "pdf" not in wanted and not formats:
        print("Không có phông chữ tiếng Việt: bỏ qua định dạng pdf", file=sys.stderr)
    for fmt in wanted:
        for name, doc, case in _variants(fmt, rng):
            if fmt in ("txt-tcvn3", "txt-vni", "txt-cp1258") and doc.stamp and doc.stamp.startswith("T Ố"):
                continue
            rel = f"{fmt}/{name}.{_ext(fmt)}"
            (outdir / rel).parent.mkdir(parents=True, exist_ok=True)
            (outdir / rel).write_bytes(_writer(fmt)(doc))
            case.path = rel
            cases.append(case)
    (outdir / "manifest.json").write_text(
        json.dumps({"files": [asdict(c) for c in cases]}, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return cases


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m bmnn.scanner.corpus", description="Sinh bộ tệp thử có gán nhãn."
    )
    p.add_argument("outdir", type=Path)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--formats", nargs="*", choices=FORMATS)
    args = p.parse_args(argv)
    cases = generate(args.outdir, args.seed, args.formats)
    print(f"{len(cases)} tệp trong {args.outdir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
