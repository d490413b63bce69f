"""`docgen chien-dich-moi`: a new campaign in a workspace folder of its own."""

from __future__ import annotations

from pathlib import Path

import click

from docgen.cli.common import FORCE_OPTION, aborts_cleanly
from docgen.errors import DocgenError
from docgen.output.files import Written
from docgen.workspace import Workspace

_STATUS = {
    Written.CREATED: "Đã lập tệp chiến dịch: {path}",
    Written.OVERWRITTEN: "Đã ghi đè tệp chiến dịch: {path}",
    Written.UNCHANGED: "Tệp chiến dịch đã có, không thay đổi: {path}",
    Written.COPY: "Tệp chiến dịch đã có nên được giữ nguyên; tệp mới ghi vào {path}.",
}


class TakenFolder(DocgenError):
    """The folder named for a new campaign already holds one."""

    def __init__(self, folder: Path) -> None:
        super().__init__(
            "WORKSPACE_TAKEN",
            f"Thư mục {folder.absolute()} đã có tệp chiến dịch ({Workspace(folder).campaign}). "
            "Hãy chọn thư mục khác cho đợt mới, ví dụ: docgen chien-dich-moi "
            f'"{folder.absolute().parent / "ten-dot-moi"}" (hoặc thêm --ghi-de để ghi đè).',
        )


@click.command("chien-dich-moi")
@click.argument("folder", required=False, type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--thu-muc",
    "workspace",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    metavar="THƯ_MỤC",
    help="Như THƯ_MỤC: thư mục làm việc mới của đợt.",
)
@FORCE_OPTION
@click.option(
    "--tiep-tuc",
    "resume",
    is_flag=True,
    help="Tiếp tục từ các câu trả lời đã lưu lần trước (tệp .tra-loi.json).",
)
@aborts_cleanly
def new_campaign(folder: Path | None, workspace: Path | None, force: bool, resume: bool) -> None:
    """Lập một đợt thi đua mới trong thư mục làm việc riêng, bằng cách trả lời câu hỏi.

    Hỏi số, ngày, trích yếu kế hoạch, thời gian, bộ biểu mẫu (gợi ý theo ngày lập hồ sơ), cơ
    quan ban hành, căn cứ, cách biểu quyết, người ký, địa chỉ thư, đối tượng, các cấp khen theo
    bộ biểu mẫu và số lượng, tiêu chí; rồi lập THƯ_MỤC của đợt với tệp
    input/campaign.toml (có chú thích từng mục), input/phieu/ và output/. Không ghi THƯ_MỤC thì
    lập thư mục mang mã đợt trong thư mục phường (biến DOCGEN_PHUONG, thư mục phường đang đứng,
    hoặc “Thi đua” trong thư mục Documents). Thư mục phường giữ kho lưu trữ và lịch sử khen
    thưởng chung cho mọi đợt. Mỗi câu trả lời được lưu ngay (tệp .tra-loi.json trong THƯ_MỤC,
    hoặc trong thư mục phường khi chưa ghi THƯ_MỤC); dừng giữa chừng hoặc gặp lỗi thì chạy lại
    với --tiep-tuc để làm tiếp.

    \b
    Ví dụ:
      docgen chien-dich-moi
      docgen chien-dich-moi "D:\\Thi đua\\Phường Tiến Thành\\kh05-2026"
      docgen chien-dich-moi --tiep-tuc
    """
    from docgen.campaign.write import free_folder, write_workspace
    from docgen.cli.interview import run_interview
    from docgen.cli.prompts import answers_file
    from docgen.workspace import default_ward

    target = folder or workspace
    if target is not None and Workspace(target).campaign.exists() and not force:
        raise TakenFolder(target)  # before the questions, so no answer is typed in vain
    answers = answers_file(target, default_ward)
    campaign = run_interview(answers, resume)
    target = target or free_folder(default_ward(), campaign.id)
    made = write_workspace(campaign, target, force)
    answers.unlink(missing_ok=True)
    root = made.workspace.root.absolute()
    click.echo("")
    click.echo(_STATUS[made.status].format(path=made.campaign_file))
    click.echo(
        f"{made.campaign.title} (Kế hoạch số {made.campaign.plan.number}): "
        f"{len(made.campaign.levels)} cấp khen, {len(made.campaign.criteria)} tiêu chí."
    )
    ward = "lập mới" if made.ward_created else "đã có"
    click.echo(f"Thư mục phường ({ward}, giữ kho lưu trữ chung): {made.ward.absolute()}")
    click.echo(
        f'Làm việc trong đợt này: cd "{root}" rồi gõ docgen kiem-tra-chien-dich '
        f'(hoặc thêm --thu-muc "{root}" vào mỗi lệnh).'
    )
