"""The wizard's questions, each answer saved as soon as it is typed and replayed on resume.

The answers file is a small JSON list of question and answer, rewritten after every answer, so
that an error or a closed window loses nothing: `docgen chien-dich-moi --tiep-tuc` replays the
saved answers while their questions come in the same order and asks the rest. A clerk may fix
one answer in the file with Notepad before resuming.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from docgen.campaign.reader import day_first
from docgen.errors import CampaignError
from docgen.output.files import write_atomic
from docgen.statefile import Damage, StateFileDamaged, keep_copy, parse_json, read_text
from docgen.text import fold, nfc
from docgen.workspace import Workspace

T = TypeVar("T")
FORMAT = "docgen chien-dich-moi"
WHAT = "Tệp câu trả lời"
REMEDY = (
    "Sửa tệp bằng Notepad (lưu dạng UTF-8) rồi chạy lại với --tiep-tuc, "
    "hoặc xóa tệp đó để trả lời lại từ đầu."
)


class DayFirstDate(click.ParamType):
    """A date typed day first: 24/02/2026, 24-2-2026, 24.02.2026."""

    name = "ngày"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        found = day_first(str(value))
        if found is None:
            today = date.today().strftime("%d/%m/%Y")
            self.fail(f"“{value}” không phải ngày; hãy gõ ngày/tháng/năm, ví dụ {today}.")
        return found


class YesNo(click.ParamType):
    """có / không (also c, k, co, khong)."""

    name = "có/không"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> bool:
        if isinstance(value, bool):
            return value
        word = fold(str(value)).strip()
        if word in ("c", "co"):
            return True
        if word in ("k", "khong"):
            return False
        self.fail(f"“{value}”: hãy gõ “có” hoặc “không”.")


@dataclass
class Answers:
    """The answers of one interview: those saved earlier (to replay) and those kept so far."""

    path: Path | None = None
    replay: list[tuple[str, str]] = field(default_factory=list)
    kept: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def read(cls, path: Path) -> Answers:
        """The answers saved at `path`, to replay; a damaged file stops with its name, a copy
        kept beside (nothing can rebuild the answers but the clerk)."""
        try:
            data = parse_json(read_text(path))
            items = data["cau_tra_loi"] if isinstance(data, dict) else None
            if not isinstance(items, list) or not all(
                isinstance(a, dict) and isinstance(a.get("hoi"), str) and "tra_loi" in a
                for a in items
            ):
                raise Damage('không có danh sách "cau_tra_loi" gồm các cặp "hoi", "tra_loi"')
        except (Damage, KeyError) as exc:
            damage = exc if isinstance(exc, Damage) else Damage(f"thiếu mục {exc}")
            raise StateFileDamaged(WHAT, path, damage, keep_copy(path), REMEDY) from None
        return cls(path, [(a["hoi"], str(a["tra_loi"])) for a in items])

    def take(self, question: str) -> str | None:
        """The saved answer to `question` when it is the next one saved; else replay ends."""
        if self.replay and self.replay[0][0] == question:
            return self.replay.pop(0)[1]
        self.stop()
        return None

    def stop(self) -> None:
        """End the replay; answers saved past this point are not used, and the clerk is told."""
        if self.replay:
            click.echo(
                f"(Từ câu này, câu hỏi khác với lần trước: {len(self.replay)} câu đã lưu sau đó "
                "không dùng được, xin trả lời tiếp.)"
            )
        self.replay.clear()

    def keep(self, question: str, answer: str) -> None:
        """Record one answer and save every answer so far."""
        self.kept.append((question, answer))
        if self.path is None:
            return
        pairs = [{"hoi": q, "tra_loi": a} for q, a in self.kept]
        text = json.dumps({"tep": FORMAT, "cau_tra_loi": pairs}, ensure_ascii=False, indent=1)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, (text + "\n").encode("utf-8"))


@dataclass
class Prompter:
    """Asks one question at a time; every answer goes through `answers`."""

    answers: Answers = field(default_factory=Answers)

    def _ask(self, text: str, default: str | None, convert: Callable[[str], T]) -> T:
        saved = self.answers.take(text)
        if saved is not None:
            try:
                value = convert(saved)
            except click.UsageError:
                self.answers.replay.insert(0, (text, saved))
                self.answers.stop()
            else:
                click.echo(f"{text}: {saved}")
                self.answers.keep(text, saved)
                return value

        def proc(raw: str) -> T:
            typed = nfc(raw).strip()
            value = convert(typed)
            self.answers.keep(text, typed)
            return value

        result: T = click.prompt(text, default=default, show_default=bool(default), value_proc=proc)
        return result

    def text(self, text: str, default: str | None = None) -> str:
        """One line of text, NFC, trimmed; `default` on Enter ("" allows an empty answer)."""
        return self._ask(text, default, str)

    def items(self, text: str, default: str | None = None) -> tuple[str, ...]:
        """Items typed on one line, separated by ";"."""
        return tuple(i.strip() for i in self.text(text, default).split(";") if i.strip())

    def day(self, text: str, default: date | None = None) -> date:
        shown = default.strftime("%d/%m/%Y") if default else None
        return self._ask(text, shown, DayFirstDate())

    def number(self, text: str, default: int | None = None, minimum: int = 0) -> int:
        kind = click.IntRange(min=minimum)
        shown = None if default is None else str(default)
        return self._ask(text, shown, lambda v: int(kind(v)))

    def yes(self, text: str, default: bool) -> bool:
        return self._ask(
            text, "có" if default else "không", lambda v: YesNo().convert(v, None, None)
        )

    def choice(self, text: str, options: list[str], default: str) -> str:
        """One of `options` (short codes such as "1", "2")."""
        kind = click.Choice(options)
        return self._ask(text, default, lambda v: str(kind(v)))

    def checked(self, text: str, check: Callable[[str], str], default: str | None = None) -> str:
        """Text that `check` accepts (it returns the text to keep or raises click.BadParameter)."""
        return self._ask(text, default, check)


def section(title: str) -> None:
    click.secho(f"\n— {title} —", bold=True)


ANSWERS = "campaign.tra-loi.json"  # beside the campaign file to be
WARD_ANSWERS = "chien-dich-moi.tra-loi.json"  # in the ward's folder, no campaign folder named yet


def answers_file(folder: Path | None, ward: Callable[[], Path]) -> Path:
    """Where this run's answers are saved: in the new campaign's folder when the clerk named
    it (beside its campaign file to be), else in the ward's folder (the campaign's own folder
    is named from the answers)."""
    if folder is not None:
        return Workspace(folder).campaign.with_name(ANSWERS)
    return ward() / WARD_ANSWERS


def open_answers(path: Path, resume: bool) -> Answers:
    """The answers of this run: those saved at `path` when resuming (`resume`, or the clerk
    says so when a saved file is found), else a new set saved there."""
    if not path.is_file():
        if resume:
            raise CampaignError(f"Không có câu trả lời đã lưu ở {path} để tiếp tục.")
        return Answers(path)
    saved = Answers.read(path)
    if not resume:
        click.echo(f"Có {len(saved.replay)} câu trả lời đã lưu từ lần trước ở {path}.")
        resume = click.prompt(
            "Tiếp tục từ đó (không: trả lời lại từ đầu, bỏ các câu đã lưu)?",
            default="có",
            type=YesNo(),
        )
    return saved if resume else Answers(path)


def kept_note(path: Path) -> str:
    """What the clerk reads when the wizard stops: where the answers are and how to resume."""
    if not path.is_file():
        return ""
    again = "docgen chien-dich-moi --tiep-tuc"
    if path.name == ANSWERS:  # in the campaign folder the clerk named: name it again
        again = f'docgen chien-dich-moi "{path.parent.parent.absolute()}" --tiep-tuc'
    return (
        f"Các câu trả lời đã gõ vẫn được giữ ở {path}. Chạy lại {again} "
        "để tiếp tục từ đó (muốn sửa một câu thì sửa câu đó trong tệp bằng Notepad trước)."
    )
