"""Hồ sơ: build the dossiers with progress, each document's state, previews, PDF, downloads.

`Lập hồ sơ` is `docgen ho-so` (`build_dossiers` with its progress callback); `PDF` is
`docgen pdf` (`dossier_files`, `convert_to_pdf`); `In giấy khen` is `docgen giay-khen`
(`print_certificates`, then `convert_to_pdf`). A preview shows the pages of the PDF that
`docgen pdf` made, drawn as PNG by poppler's pdftoppm into the server's own temporary folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response

from docgen.digest import sha256
from docgen.output.manifest import WriteOutcome
from docgen.output.pdfs import current_pdf, pdf_of
from docgen.web.common import current_job, frame, job_answer, site_of
from docgen.web.jobs import Job, Work
from docgen.web.site import Site

PAGE = "/ho-so"
STATES = {
    WriteOutcome.WRITTEN: "mới lập",
    WriteOutcome.FORCED: "lập lại (bản sửa tay đã chuyển đi)",
    WriteOutcome.UNCHANGED: "không đổi",
    WriteOutcome.KEPT_EDITED: "sửa tay, giữ nguyên",
    WriteOutcome.KEPT_UNKNOWN: "tệp lạ, giữ nguyên",
}
PREVIEW_PAGES = 6
PER_PAGE = 200  # documents listed at once: a 2,000-nominee dossier is read in pages


@dataclass(frozen=True)
class Document:
    """One current document of the dossier, as the page lists it."""

    path: Path
    title: str
    level: str
    state: str
    pdf: Path | None
    stale_pdf: bool = False  # a PDF of an earlier version lies beside it


def dossier(request: Request) -> Response:
    """The page: build, PDF, documents by level with their state, retired ones."""
    site = site_of(request)
    out = site.output()
    manifest = site.manifest()
    outcomes = dict(site.built.files) if site.built is not None else {}
    states = {path: STATES[o] for path, o in outcomes.items()}
    entries = list(manifest.entries.values()) if manifest else []
    levels = {level.id: level.label for level in site.campaign().levels}
    pages = max(1, -(-len(entries) // PER_PAGE))
    number = min(max(_int(request.query_params.get("trang", "1")), 1), pages)
    shown = entries[(number - 1) * PER_PAGE : number * PER_PAGE]
    docs = [
        Document(
            out / e.path,
            e.title or e.path,
            levels.get(e.level, e.level),
            states.get(e.path) or _on_disk(out / e.path, e.sha256),
            _pdf(out / e.path),
            _pdf(out / e.path) is None and pdf_of(out / e.path).is_file(),
        )  # fmt: skip
        for e in shown
    ]
    history = manifest.history if manifest else []
    return frame(request, "ho-so.html", job=current_job(request), docs=docs, history=history,
                 levels=site.campaign().levels if entries else (), total=len(entries), number=number, pages=pages,
                 built=site.built, out=out)  # fmt: skip


async def build(request: Request) -> Response:
    """Start `ho-so` (`--ghi-de`, `--thay-ban-da-ky` when their boxes are ticked)."""
    form = await request.form(max_files=0, max_fields=5)
    site = site_of(request)
    work = _building(site, form.get("ghi_de") == "co", form.get("thay_ban_da_ky") == "co")
    return job_answer(request, site.jobs.start("Lập hồ sơ", PAGE, work))


async def pdf(request: Request) -> Response:
    """Start `pdf` over the current dossier (`--pdfa` when the box is ticked)."""
    form = await request.form(max_files=0, max_fields=5)
    site = site_of(request)
    work = _converting(site, form.get("pdfa") == "co")
    return job_answer(request, site.jobs.start("Chuyển PDF", PAGE, work))


async def certificates(request: Request) -> Response:
    """Start `giay-khen` (`--tren-phoi` when the box is ticked) for the levels the ward decides."""
    form = await request.form(max_files=0, max_fields=8)
    f = {k: str(v).strip() for k, v in form.items()}
    site = site_of(request)
    offsets = {k: f.get(k, "") for k in ("lech_ngang", "lech_doc")}
    if f.get("trang_thu") == "co":
        work = _test_page(site, offsets)
        return job_answer(request, site.jobs.start("In trang thử cân lề phôi", PAGE, work))
    work = _certificates(site, f.get("tren_phoi") == "co", offsets)
    return job_answer(request, site.jobs.start("In giấy khen", PAGE, work))


def _offsets(job: Job, typed: dict[str, str]) -> tuple[float | None, float | None] | None:
    """`--lech-ngang`, `--lech-doc` as typed (mm, a comma allowed); None after saying why not."""
    found: list[float | None] = []
    for key, name in (("lech_ngang", "Lệch ngang"), ("lech_doc", "Lệch dọc")):
        text = typed.get(key, "").replace(",", ".")
        try:
            found.append(float(text) if text else None)
        except ValueError:
            job.problems.append(
                f"{name} “{typed[key]}” không phải số mi-li-mét, ví dụ 1,5 hoặc -2."
            )
            return None
    return found[0], found[1]


def _test_page(site: Site, typed: dict[str, str]) -> Work:
    def work(job: Job) -> None:
        from docgen.award.layout import read_placement
        from docgen.award.printing import print_test_page
        from docgen.award.said import written_line
        from docgen.convert import convert_to_pdf

        offsets = _offsets(job, typed)
        if offsets is None:
            return
        placement = read_placement(site.ws.ward, *offsets)
        path, status = print_test_page(site.campaign(), site.ws, placement)
        job.say(f"Trang thử cân lề phôi — {written_line(path, status)}")
        job.offer("Trang thử cân lề phôi (Word)", path)
        for pdf in convert_to_pdf([path], force=True).written:
            job.offer("Trang thử cân lề phôi (PDF)", pdf)

    return work


def _certificates(site: Site, blank: bool, typed: dict[str, str]) -> Work:
    def work(job: Job) -> None:
        from docgen.award.certificate import Design
        from docgen.award.layout import read_placement
        from docgen.award.printing import print_certificates
        from docgen.convert import convert_to_pdf

        offsets = _offsets(job, typed)
        if offsets is None:
            return
        design = Design.BLANK if blank else Design.PLAIN
        placement = read_placement(site.ws.ward, *offsets)
        printed = print_certificates(site.campaign(), site.ws, design, placement)
        if not printed:
            job.say("Không có cấp nào phường tự quyết định có người được đề nghị: không in gì.")
            return
        for item in printed:
            job.say(f"{item.level}: {item.pages} giấy khen ({item.path.name}).")
            if not item.numbered:
                job.say("Quyết định chưa có số, ngày: giấy khen để trống chỗ số và ngày; văn thư "
                        "ghi số, ngày vào trang “Số văn bản” của tệp họp xét rồi in lại.")  # fmt: skip
            job.offer(f"Giấy khen {item.level} (Word)", item.path)
        result = convert_to_pdf([item.path for item in printed], force=True)
        for path in result.written:
            job.offer(f"Giấy khen (PDF) {path.name}", path)
        job.problems.extend(f"Không chuyển được sang PDF: {p.name}" for p in result.failed)

    return work


def level_folder(request: Request) -> Response:
    """One level's current documents (Word and PDF) as a zip, made in the server's folder."""
    import zipfile

    from starlette.responses import FileResponse, HTMLResponse

    site = site_of(request)
    level = next(
        (lv for lv in site.campaign().levels if lv.id == request.path_params["level"]), None
    )
    manifest = site.manifest()
    if level is None or manifest is None:
        return HTMLResponse("Không có hồ sơ của cấp này.", status_code=404)
    out = site.output()
    target = site.scratch / f"ho-so-{site.campaign().id}-{level.id}.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as bundle:
        for entry in manifest.entries.values():
            if entry.level == level.id:
                for path in (out / entry.path, current_pdf(out / entry.path)):  # never a stale PDF
                    if path is not None and path.is_file():
                        bundle.write(path, path.relative_to(out).as_posix())
    return FileResponse(target, filename=target.name)


def preview(request: Request) -> Response:
    """The pages of one document's PDF as images."""
    site = site_of(request)
    source = site.downloads.path_of(request.path_params["file_id"])
    pdf = _pdf(source) if source is not None else None
    images = _pages(site, pdf) if pdf is not None else []
    return frame(request, "xem.html", source=source, images=images)


def _int(text: str) -> int:
    return int(text) if text.isdigit() else 1


def _on_disk(path: Path, made: str) -> str:
    """A document's state without a build in this session: its bytes against the manifest's."""
    if not path.is_file():
        return "không còn trên đĩa (lập lại hồ sơ)"
    return "như lần lập" if sha256(path.read_bytes()) == made else "sửa tay sau khi lập (được giữ)"


def _pdf(path: Path) -> Path | None:
    """The document's PDF when it is of its current version (a stale one is neither offered
    nor previewed)."""
    return current_pdf(path) if path.suffix == ".docx" else None


def _pages(site: Site, pdf: Path) -> list[Path]:
    from docgen.convert.office import pdf_pages_png

    stat = pdf.stat()
    folder = site.scratch / f"xem-{site.downloads.id_of(pdf)}-{stat.st_mtime_ns}"
    if folder.is_dir():
        return sorted(folder.glob("trang*.png"))
    return pdf_pages_png(pdf, folder, PREVIEW_PAGES)


def _building(site: Site, force: bool, replace_signed: bool) -> Work:
    def work(job: Job) -> None:
        from docgen.award.said import ward_recorded_line
        from docgen.dossier.run import build_dossiers
        from docgen.dossier.summary import frozen_lines, summary_lines

        campaign = site.campaign()
        result = build_dossiers(campaign, site.ws, force, job.step, replace_signed)
        site.built, site.meeting = result, result.meeting
        if result.blocked:
            job.problems.append("Chưa lập được hồ sơ: kết quả họp xét có lỗi cần sửa.")
            job.problems.extend(  # with the way out, as `ho-so` prints them
                f"{i.place.label()}: {i.message}" + (f" — {i.hint}" if i.hint else "")
                for i in result.meeting.errors
            )
            return
        if result.refused:  # as `ho-so` says it: the filed documents and the ways out
            job.problems.extend(frozen_lines(result))
            return
        job.lines.extend(summary_lines(result))
        job.say(f"Đã lập {len(result.files)} văn bản vào {result.folder}.")
        job.lines.extend(ward_recorded_line(done) for done in result.recorded)  # as `ho-so`
        job.problems.extend(f"Chưa lập: {line}" for line in result.missing)

    return work


def _converting(site: Site, pdfa: bool) -> Work:
    def work(job: Job) -> None:
        from docgen.archive import dossier_files
        from docgen.convert import convert_to_pdf
        from docgen.convert.summary import pdf_lines

        targets = dossier_files(site.campaign(), site.ws.root)
        result = convert_to_pdf(targets, pdfa=pdfa, progress=job.step)
        lines, failed = pdf_lines(result, pdfa)
        job.lines.extend(lines)
        job.problems.extend(failed)

    return work
