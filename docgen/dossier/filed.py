"""Documents whose signed copy is in the ward's archive are frozen: a rerun never changes them.

The register knows, for each filed document, the hash of the generated file its signed copy
was matched to, and the số, ký hiệu it was filed under. A rerun that would write the same path
with other content under the same number (or, unnumbered, with other content at all), or take
it out of the dossier, would leave a signed document and a different one of the same number
side by side — and the award history of a signed decision replaced. Such a run is refused as a
whole before anything is written, unless the clerk asks for it (the earlier file then goes to
da-thay-the/ with a reason that says so, and later runs leave the document alone). A new number
from the văn thư makes it a new document: that is the way to correct a signed one; the first
number given to a document filed before it had one is allowed too (the văn thư's own step).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from docgen.archive.register import FiledCopy
from docgen.archive.source import printed_number
from docgen.campaign.model import DocKind
from docgen.digest import sha256
from docgen.dossier.agree import Disagreement, Kept, disagreements
from docgen.dossier.plan import Planned
from docgen.output.manifest import read_manifest

# A Danh sách "kèm theo" goes with the document it is annexed to: signed with it, under its
# number (it has none of its own).
ANNEXED_TO = {DocKind.LIST: DocKind.PROPOSAL, DocKind.DECISION_LIST: DocKind.DECISION}


@dataclass(frozen=True)
class Frozen:
    """A filed document the run would change, and what would change."""

    filed: FiledCopy
    leaves: bool = False  # it would no longer be part of the dossier
    changes: list[Disagreement] = field(default_factory=list)  # [] when it cannot be compared


def watched(
    filed: Iterable[FiledCopy],
    planned: Iterable[Planned],
    generated: Mapping[str, str],
    moved: Mapping[str, list[tuple[str, str]]],
) -> list[FiledCopy]:
    """The filed documents, and the annex of each filed one that is not filed itself (as it
    was last generated, `generated`: path → SHA-256 of the manifest), under its number.

    A document an earlier run replaced on request (`replaced_on_request`, `moved`: the manifest
    history by path) is not watched any more: what is there now was never signed."""
    copies = {c.path: c for c in filed if not replaced_on_request(c, moved.get(c.path, ()))}
    items = list(planned)
    parents: dict[tuple[str, DocKind | None], FiledCopy | None]
    parents = {(p.level, p.kind): copies.get(p.path) for p in items}
    found = list(copies.values())
    for item in items:
        parent = parents.get((item.level, ANNEXED_TO.get(item.kind)))
        if parent is None or item.path in copies or item.path not in generated:
            continue
        found.append(
            replace(
                parent,
                path=item.path,
                kind=item.kind,
                title=f"Danh sách kèm theo {parent.title}",
                generated_sha256=generated[item.path],
            )
        )
    return found


def last_runs(folder: Path) -> tuple[dict[str, str], dict[str, list[tuple[str, str]]]]:
    """From the manifest: each current document's SHA-256, and the SHA-256 and reason of each
    file earlier runs moved aside, by path."""
    manifest = read_manifest(folder)
    if manifest is None:
        return {}, {}
    moved: dict[str, list[tuple[str, str]]] = {}
    for retired in manifest.history:
        moved.setdefault(retired.path, []).append((retired.sha256, retired.reason))
    return {path: entry.sha256 for path, entry in manifest.entries.items()}, moved


def frozen_documents(
    filed: Iterable[FiledCopy],
    planned: Iterable[Planned],
    rendered: Mapping[str, bytes],
    folder: Path,
    names: Iterable[str],
    meeting: str,
) -> list[Frozen]:
    """The filed documents (`watched`) this run would rewrite under their number, or take out.

    `rendered`: the new bytes of each filed document still planned (those whose data is
    missing are absent); `folder`: the campaign's output folder, where the generated file the
    signed copy was made from usually still is (it is what the changes are read against).
    """
    numbers = _numbers(list(planned))
    names = list(names)
    found: list[Frozen] = []
    for copy in filed:
        if copy.path not in numbers:
            found.append(Frozen(copy, leaves=True))
            continue
        data = rendered.get(copy.path)
        if data is None or sha256(data) == copy.generated_sha256:
            continue
        if copy.number != numbers[copy.path] and numbers[copy.path]:
            continue  # a new number (or the first): a new document, the signed one stays filed
        found.append(Frozen(copy, changes=_changes(copy, data, folder, names, meeting)))
    return found


@dataclass(frozen=True)
class Renumbered:
    """A filed document the văn thư gave a new number: the run writes it as a new document,
    which needs signing and filing in place of the signed one (kept in the archive)."""

    filed: FiledCopy
    number: str  # the new số, ký hiệu


def renumbered_documents(
    filed: Iterable[FiledCopy], planned: Iterable[Planned], rendered: Mapping[str, bytes]
) -> list[Renumbered]:
    """The filed documents (an annex left out: it follows its document) whose new version
    carries another number than the one they were filed under."""
    numbers = _numbers(list(planned))
    return [
        Renumbered(copy, numbers[copy.path])
        for copy in filed
        if copy.kind not in ANNEXED_TO
        and copy.number
        and copy.path in rendered
        and numbers.get(copy.path, copy.number) not in (copy.number, "")
        and sha256(rendered[copy.path]) != copy.generated_sha256
    ]


def _numbers(planned: list[Planned]) -> dict[str, str]:
    """Each planned document's số, ký hiệu as it would print (an annex: its document's)."""
    own = {
        (p.level, p.kind): printed_number(p.register_fields.number, p.register_fields.symbol)
        for p in planned
    }
    return {p.path: own.get((p.level, ANNEXED_TO.get(p.kind, p.kind)), "") for p in planned}


def _changes(
    copy: FiledCopy, data: bytes, folder: Path, names: list[str], meeting: str
) -> list[Disagreement]:
    """What differs between the generated file that was signed and the new one."""
    path = folder / copy.path
    signed = path.read_bytes() if path.is_file() else b""
    if sha256(signed) != copy.generated_sha256:
        return []  # the file that was signed is no longer on disk: nothing to read it against
    return disagreements([Kept(copy.path, signed, data)], {}, names, meeting)


def signed_reason(copy: FiledCopy, leaves: bool = False) -> str:
    """Why the generated file that was signed left the dossier on request (history, summary)."""
    number = f" số {copy.number}" if copy.number else ""
    done = "đưa ra khỏi hồ sơ" if leaves else "được lập lại với nội dung khác"
    return (
        f"{copy.title}{number}: bản đã ký, đã nộp lưu ({copy.stored}); {done} theo yêu cầu "
        "(--thay-ban-da-ky), bản đã ký trong lưu trữ giữ nguyên"
    )


def replaced_on_request(copy: FiledCopy, moved: Iterable[tuple[str, str]]) -> bool:
    """Whether an earlier run moved the document's signed version to da-thay-the/, or moved it
    aside on request (`moved`: the SHA-256 and reason of each history entry of its path)."""
    reasons = {signed_reason(copy), signed_reason(copy, leaves=True)}
    return any(digest == copy.generated_sha256 or reason in reasons for digest, reason in moved)
