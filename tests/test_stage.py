"""Where the campaign stands after filing: certificates, decisions in the history, the wrap-up —
each read from the workspace (manifest, certificate files, the ward's register, tong-ket/)."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from click.testing import CliRunner

from docgen.archive.store import Store
from docgen.campaign import load_campaign
from docgen.cli import main
from docgen.output.manifest import read_manifest
from docgen.stage import FINISHED, Step, campaign_stage
from docgen.workspace import Workspace
from tests.test_history_e2e import number_the_decision

CAMPAIGN = "kh19-2023-cchc"
END = (Step.CERTIFICATES, Step.DECISIONS, Step.WRAP_UP)


def cli(root: Path, *argv: str) -> None:
    result = CliRunner().invoke(main, [*argv, "--thu-muc", str(root)])
    assert result.exit_code == 0, result.output


def _file_scans(ws: Workspace, documents: list[str]) -> None:
    """The signed paper copies of `documents` (manifest paths), scanned and filed."""
    from docgen.archive import file_signed
    from docgen.archive.filing import Request, Status
    from tools.sign import scan_pdf

    if not documents:
        return
    scans = []
    for document in documents:
        scan = ws.root / "ban-chup" / Path(document).with_suffix(".pdf")
        scan.parent.mkdir(parents=True, exist_ok=True)
        scan.write_bytes(scan_pdf(document))
        scans.append(scan)
    report = file_signed(scans, load_campaign(ws.campaign), ws.root, Request())
    assert {o.status for o in report.outcomes} == {Status.FILED}, report.outcomes


def _documents(ws: Workspace) -> list[str]:
    manifest = read_manifest(ws.output(CAMPAIGN))
    assert manifest is not None
    return sorted(manifest.entries)


def _pdfs(ws: Workspace) -> None:
    for document in ws.output(CAMPAIGN).rglob("*.docx"):
        document.with_suffix(".pdf").write_bytes(b"%PDF-1.7\n")


def _filed(ws: Workspace, books: bool = True) -> None:
    """The dossier as the steps before leave it: PDFs beside the documents, every document's
    signed copy filed, the registers printed after it."""
    _pdfs(ws)
    filed = {copy.path for copy in Store.of(ws.ward).filed_copies(CAMPAIGN)}
    _file_scans(ws, [d for d in _documents(ws) if d not in filed])
    if books:
        index = ws.output(CAMPAIGN) / "luu-tru" / "muc-luc-van-ban.xlsx"
        index.parent.mkdir(parents=True, exist_ok=True)
        index.write_bytes(b"")


def test_the_registers_follow_the_last_filing(example_workspace: Path) -> None:
    ws = Workspace(example_workspace)
    campaign = load_campaign(ws.campaign)
    cli(example_workspace, "tong-hop")
    cli(example_workspace, "ho-so")
    _filed(ws, books=False)
    stage = campaign_stage(ws, campaign, errors=0)
    assert stage.next is Step.REGISTERS and "“Lập sổ văn bản đi và mục lục”" in stage.advice
    _filed(ws)
    stage = campaign_stage(ws, campaign, errors=0)
    assert stage.done[Step.REGISTERS] == "đã in sau lần nộp lưu cuối"
    index = ws.output(CAMPAIGN) / "luu-tru" / "muc-luc-van-ban.xlsx"
    os.utime(index, (1_000_000_000, 1_000_000_000))  # printed before the last filing
    assert campaign_stage(ws, campaign, errors=0).next is Step.REGISTERS


def test_filing_is_done_when_every_document_of_the_dossier_is_filed(
    example_workspace: Path,
) -> None:
    ws = Workspace(example_workspace)
    campaign = load_campaign(ws.campaign)
    cli(example_workspace, "tong-hop")
    cli(example_workspace, "ho-so")
    documents = _documents(ws)
    _pdfs(ws)
    _file_scans(ws, ["thanh-pho/to-trinh.docx", "phuong/quyet-dinh-khen-thuong.docx"])
    stage = campaign_stage(ws, campaign, errors=0)
    assert stage.next is Step.ARCHIVE and Step.ARCHIVE not in stage.done
    assert stage.advice.startswith(
        f"Đã nộp lưu 2/{len(documents)} văn bản của hồ sơ; còn: Báo cáo thành tích — "
    )
    assert stage.advice.endswith(
        f" và {len(documents) - 2 - 4} văn bản khác. Tải các văn bản đã ký còn lại lên trang "
        "Lưu trữ và bấm “Nộp lưu”."
    )
    _filed(ws)
    stage = campaign_stage(ws, campaign, errors=0)
    assert stage.done[Step.ARCHIVE] == f"{len(documents)}/{len(documents)} văn bản đã nộp lưu"


def test_after_filing_come_certificates_decisions_and_the_wrap_up(example_workspace: Path) -> None:
    from docgen.award.certificate import Design
    from docgen.award.layout import read_placement
    from docgen.award.printing import print_certificates

    ws = Workspace(example_workspace)
    campaign = load_campaign(ws.campaign)
    assert campaign_stage(ws, campaign).steps[-3:] == END  # known before the dossier
    cli(example_workspace, "tong-hop")
    cli(example_workspace, "ho-so")
    _filed(ws)
    stage = campaign_stage(ws, campaign, errors=0)
    assert stage.steps[-3:] == END and Step.ARCHIVE in stage.done
    assert stage.next is Step.CERTIFICATES
    assert stage.advice.startswith("Sau khi Chủ tịch ký Quyết định khen thưởng, văn thư ghi số")

    print_certificates(campaign, ws, Design.PLAIN, read_placement(ws.ward, None, None))
    stage = campaign_stage(ws, campaign, errors=0)  # printed, but before the number: blanks
    assert stage.next is Step.CERTIFICATES and "văn thư ghi số" in stage.advice

    number_the_decision(example_workspace)
    cli(example_workspace, "ho-so")  # the numbered decision goes into the history
    stage = campaign_stage(ws, campaign, errors=0)
    assert stage.next is Step.CERTIFICATES
    assert stage.advice.startswith("Quyết định đã có số, ngày: bấm “In giấy khen”")

    print_certificates(campaign, ws, Design.PLAIN, read_placement(ws.ward, None, None))
    stage = campaign_stage(ws, campaign, errors=0)
    assert stage.done[Step.CERTIFICATES] == "1 cấp đã in giấy khen"
    assert stage.next is Step.DECISIONS
    assert stage.advice == (
        "Cấp thành phố: khi quyết định của Chủ tịch Ủy ban nhân dân thành phố Đồng Xoài về đến "
        "phường, bấm “Ghi quyết định” trên trang Lịch sử khen thưởng (số, ngày, người không có "
        "trong quyết định)."
    )

    cli(example_workspace, "lich-su", "--ghi-cap", "thanh-pho", "--so", "1234/QĐ-UBND",
        "--ngay", "10/01/2024")  # fmt: skip
    stage = campaign_stage(ws, campaign, errors=0)
    assert stage.done[Step.DECISIONS] == "2 cấp có quyết định: 15/QĐ-UBND, 1234/QĐ-UBND"
    assert stage.next is Step.WRAP_UP and stage.advice.startswith("Bấm “Tổng kết” trên trang")

    cli(example_workspace, "tong-ket")
    stage = campaign_stage(ws, campaign, errors=0)
    assert stage.done[Step.WRAP_UP] == "đã có báo cáo kết quả và thông báo"
    assert stage.next is None and stage.advice == FINISHED

    report = ws.output(CAMPAIGN) / "tong-ket" / "bao-cao-ket-qua.docx"
    os.utime(report, (1_000_000_000, 1_000_000_000))  # written before the last decision
    stage = campaign_stage(ws, campaign, errors=0)
    assert stage.next is Step.WRAP_UP and "trên trang Lịch sử khen thưởng lại" in stage.advice


def test_the_ward_decision_waits_for_its_number(example_workspace: Path) -> None:
    ws = Workspace(example_workspace)
    campaign = load_campaign(ws.campaign)
    cli(example_workspace, "tong-hop")
    cli(example_workspace, "ho-so")
    _filed(ws)
    printed = ws.output(CAMPAIGN) / "phuong" / "giay-khen" / "giay-khen.docx"
    printed.parent.mkdir(parents=True)
    printed.write_bytes(b"")  # certificates there, but the decision has no number
    stage = campaign_stage(ws, campaign, errors=0)
    assert Step.CERTIFICATES not in stage.done and Step.DECISIONS not in stage.done
    assert stage.next is Step.CERTIFICATES
    title = dataclasses.replace(campaign.levels[1], form="danh-hieu")  # no Giấy khen to print
    ward_only = dataclasses.replace(campaign, levels=(title,))
    stage = campaign_stage(ws, ward_only, errors=0)
    assert Step.CERTIFICATES not in stage.steps and stage.next is Step.DECISIONS
    assert stage.advice == (
        "Cấp phường: văn thư ghi số, ngày Quyết định khen thưởng vào trang “Số văn bản” của tệp "
        "họp xét, rồi bấm “Lập hồ sơ” trên trang Hồ sơ: quyết định tự vào lịch sử khen thưởng."
    )
    register = Store.of(ws.ward).register_file
    register.parent.mkdir(parents=True, exist_ok=True)
    register.write_bytes(b"khong phai so dang ky")  # damaged: said at its step, nowhere else
    stage = campaign_stage(ws, ward_only, errors=0)  # the archive's register: its first step
    assert stage.next is Step.ARCHIVE and str(register) in stage.advice
    assert "tệp không phải cơ sở dữ liệu SQLite" in stage.advice and Step.DOSSIER in stage.done


def test_without_a_level_the_ward_decides_there_are_no_certificates(
    example_workspace: Path,
) -> None:
    ws = Workspace(example_workspace)
    campaign = load_campaign(ws.campaign)
    higher_only = dataclasses.replace(
        campaign, levels=tuple(dataclasses.replace(lv, decides=False) for lv in campaign.levels)
    )
    stage = campaign_stage(ws, higher_only)
    assert Step.CERTIFICATES not in stage.steps and stage.steps[-2:] == END[1:]


def test_a_report_before_any_decision_is_a_wrap_up_done(example_workspace: Path) -> None:
    ws = Workspace(example_workspace)
    campaign = load_campaign(ws.campaign)
    cli(example_workspace, "tong-ket")
    stage = campaign_stage(ws, campaign)
    assert stage.done[Step.WRAP_UP] == "đã có báo cáo kết quả"
    assert Step.DECISIONS not in stage.done
