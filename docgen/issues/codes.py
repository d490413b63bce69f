"""Every validation code: severity, title, message pattern and how a department fixes it.

The README's table of codes is checked against this catalogue by a test.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from docgen.issues.model import Place, Severity, ValidationIssue

E, W = Severity.ERROR, Severity.WARNING


@dataclass(frozen=True, eq=False)  # identity: equal entries must not become enum aliases
class CodeInfo:
    """A stable code with its Vietnamese title, message pattern and fix."""

    severity: Severity
    title: str
    message: str  # str.format pattern
    hint: str
    detail: str = ""  # the default {detail}, for codes raised before any cell is read
    # What the department reads instead (feedback workbook, reply), when the message or the
    # hint above speaks to the clerk (the campaign file, the input folder, docgen commands).
    reply_message: str = ""
    reply_hint: str = ""


_MOVE_OUT = "Nếu không cần tệp này, hãy chuyển nó ra khỏi thư mục phiếu."
_RERUN = "Hãy chạy lại “docgen tong-hop”, ghi lại phiếu bầu vào tệp mới rồi lưu thành input/hop-xet.xlsx."


class Code(Enum):
    """Every stable code, in one literal: the member name is the code, the value its entry."""

    # --- file ---------------------------------------------------------------------------
    FILE_NOT_WORKBOOK = CodeInfo(
        E,
        "Không phải tệp Excel",
        "{detail}",
        "Mở tệp bằng Excel và lưu lại dưới dạng .xlsx rồi gửi lại.",
        detail="Tệp không phải là bảng tính Excel (.xlsx). Hãy mở tệp bằng Excel và lưu lại dưới dạng .xlsx rồi gửi lại.",
    )
    FILE_EMPTY = CodeInfo(
        E,
        "Tệp rỗng",
        "{detail}",
        "Gửi lại tệp đã điền.",
        detail="Tệp rỗng (0 byte), không có nội dung. Hãy kiểm tra tệp đính kèm và gửi lại.",
    )
    FILE_ZIP_BOMB = CodeInfo(
        E,
        "Tệp bất thường (nén quá mức)",
        "{detail}",
        "Lưu lại tệp từ Excel rồi gửi lại; không gửi tệp nén lồng.",
        detail="Tệp có cấu trúc nén bất thường (dung lượng giải nén quá lớn so với kích thước tệp) nên không được mở để bảo đảm an toàn. Hãy mở tệp bằng Excel và lưu lại dưới dạng .xlsx rồi gửi lại.",
    )
    FILE_TOO_LARGE = CodeInfo(
        E,
        "Tệp quá lớn",
        "{detail}",
        "Xóa các trang, hình ảnh không cần thiết rồi gửi lại.",
        detail="Tệp quá lớn để xử lý. Hãy xóa các trang tính, hình ảnh không cần thiết, lưu lại rồi gửi lại.",
    )
    FILE_ENCRYPTED = CodeInfo(
        E,
        "Tệp có mật khẩu",
        "{detail}",
        "Bỏ mật khẩu mở tệp (Tệp › Thông tin › Bảo vệ) rồi gửi lại.",
        detail="Tệp được đặt mật khẩu hoặc mã hóa nên không đọc được. Hãy mở tệp bằng Excel, bỏ mật khẩu mở tệp rồi lưu lại dưới dạng .xlsx và gửi lại.",
    )
    FILE_CORRUPT = CodeInfo(
        E,
        "Tệp bị hỏng",
        "{detail}",
        "Mở tệp bằng Excel, lưu lại dưới dạng .xlsx rồi gửi lại.",
        detail="Tệp Excel bị hỏng hoặc có cấu trúc không hợp lệ. Hãy mở tệp bằng Excel và lưu lại dưới dạng .xlsx rồi gửi lại.",
    )
    FILE_XML_UNSAFE = CodeInfo(
        E,
        "Tệp chứa nội dung không an toàn",
        "{detail}",
        "Điền lại trên mẫu phiếu gốc rồi gửi lại.",
        detail="Tệp chứa khai báo XML không an toàn (DTD hoặc thực thể) mà Excel không bao giờ tạo ra, nên không được mở. Hãy mở tệp bằng Excel và lưu lại dưới dạng .xlsx rồi gửi lại.",
    )
    FILE_XLS_UNREADABLE = CodeInfo(
        E,
        "Không đọc được tệp .xls",
        "{detail}",
        "Mở tệp bằng Excel, chọn Lưu thành › Sổ làm việc Excel (.xlsx), rồi gửi lại.",
        detail="Không đọc được tệp Excel định dạng cũ (.xls). Hãy mở tệp bằng Excel và lưu lại dưới dạng Sổ làm việc Excel (.xlsx) rồi gửi lại.",
    )
    FILE_UNREADABLE = CodeInfo(
        E,
        "Không đọc được tệp",
        "{detail}",
        "Đóng tệp nếu đang mở bằng Excel, kiểm tra quyền đọc tệp rồi chạy lại.",
        reply_hint="Đề nghị đơn vị mở tệp bằng Excel, lưu lại rồi gửi lại.",
    )
    FILE_LEGACY_XLS = CodeInfo(
        W,
        "Tệp .xls đời cũ",
        "Tệp dạng .xls (Excel 97–2003) đã được đọc.",
        "Lần sau hãy điền trên mẫu .xlsx được gửi kèm.",
    )
    FILE_MACROS = CodeInfo(
        W,
        "Tệp có macro",
        "Tệp có macro (VBA); macro không được chạy và không được giữ lại.",
        "Lần sau hãy lưu dưới dạng .xlsx (không có macro).",
    )
    FILE_NO_MARKER = CodeInfo(
        W,
        "Không phải mẫu phiếu của đợt này",
        "Tệp không có dấu của mẫu phiếu docgen; đã đọc theo tên cột.",
        "Lần sau hãy điền trên mẫu phiếu được gửi kèm.",
        reply_message="Tệp không được điền trên mẫu phiếu của đợt này; đã đọc theo tên cột.",
    )
    FILE_WRONG_CAMPAIGN = CodeInfo(
        E,
        "Mẫu phiếu của đợt khác",
        "Tệp là mẫu phiếu của đợt “{found}”, không phải đợt “{expected}”.",
        "Điền lại trên mẫu phiếu của đợt này.",
    )
    FILE_OLD_TEMPLATE = CodeInfo(
        W,
        "Mẫu phiếu phiên bản cũ",
        "Tệp dùng mẫu phiếu phiên bản {found}; phiên bản hiện hành là {expected}.",
        "Lần sau hãy dùng mẫu phiếu mới nhất.",
    )
    FILE_SUPERSEDED = CodeInfo(
        W,
        "Đã có bản gửi mới hơn",
        "Đơn vị “{department}” đã gửi bản mới hơn ({newer}); bản này không được dùng.",
        "Không cần làm gì nếu bản mới là bản đúng.",
    )
    FEEDBACK_PLAIN = CodeInfo(
        W,
        "Phản hồi không kèm bản sao phiếu",
        "Không đánh dấu được lỗi trên bản sao phiếu của đơn vị ({detail}); các lỗi được liệt kê ở trang này.",
        "Sửa theo danh sách này trên tệp phiếu của đơn vị rồi gửi lại.",
    )
    SHEET_MISSING = CodeInfo(
        E,
        "Thiếu trang",
        "Không tìm thấy trang “{sheet}”.",
        "Không đổi tên hay xóa trang; điền lại trên mẫu phiếu gốc.",
    )
    SHEET_COPY_READ = CodeInfo(
        W,
        "Trang chép thêm đã được đọc",
        "Trang “{sheet}” là bản chép của trang “{kind}” nên đã được đọc như trang “{kind}”.",
        "Kiểm tra các dòng của trang này; lần sau hãy thêm dòng vào trang gốc, không chép thêm trang.",
    )
    SHEET_NOT_READ = CodeInfo(
        W,
        "Trang không được đọc",
        "Trang “{sheet}” có dữ liệu nhưng không được đọc: {why}.",
        "Chuyển các đề nghị sang đúng trang của mẫu phiếu (Đơn vị, Tập thể, Cá nhân, Khen thưởng đã nhận) rồi gửi lại; xóa trang này nếu không cần.",
    )
    HEADER_NOT_FOUND = CodeInfo(
        E,
        "Không tìm thấy dòng tiêu đề",
        "Trang “{sheet}” không có dòng tiêu đề cột của mẫu phiếu.",
        "Không xóa dòng tiêu đề; điền lại trên mẫu phiếu gốc.",
    )
    COLUMN_MISSING = CodeInfo(
        E,
        "Thiếu cột",
        "Không tìm thấy cột “{header}”.",
        "Không xóa hay đổi tên cột; thêm lại cột này như mẫu phiếu.",
    )
    DEPARTMENT_MISSING = CodeInfo(
        E,
        "Thiếu tên đơn vị",
        "Trang “Đơn vị” chưa ghi tên đơn vị gửi.",
        "Ghi tên đơn vị ở trang “Đơn vị”.",
    )
    # --- cell ---------------------------------------------------------------------------
    CELL_REQUIRED = CodeInfo(E, "Thiếu thông tin bắt buộc", "Chưa điền “{header}”.", "Điền ô này.")
    CELL_DATE = CodeInfo(
        E,
        "Ngày không hợp lệ",
        "“{value}” không phải ngày hợp lệ.",
        "Ghi ngày theo ngày/tháng/năm, ví dụ 05/03/2023.",
    )
    CELL_DATE_IMPOSSIBLE = CodeInfo(
        E,
        "Ngày không thể có",
        "“{value}” không thể là {what}: {reason}.",
        "Kiểm tra lại ngày, tháng và năm (ghi đủ bốn chữ số của năm), ví dụ 05/03/1990.",
    )
    CELL_DATE_TWO_DIGIT_YEAR = CodeInfo(
        W,
        "Năm ghi hai chữ số",
        "“{value}” ghi năm bằng hai chữ số; đã đọc là {date} (theo năm của phong trào, năm hai chữ số được hiểu trong khoảng {first}–{last}).",
        "Kiểm tra lại; lần sau hãy ghi năm đủ bốn chữ số, ví dụ 05/03/1990.",
    )
    CELL_NUMBER = CodeInfo(
        E, "Không phải số", "“{value}” không phải số nguyên.", "Ghi một số nguyên, ví dụ 12."
    )
    CELL_CHOICE = CodeInfo(
        E,
        "Giá trị ngoài danh sách",
        "“{value}” không có trong danh sách: {choices}.",
        "Bấm vào ô và chọn trong danh sách.",
    )
    CELL_TOO_LONG = CodeInfo(
        E, "Quá dài", "Nội dung dài {length} ký tự, tối đa {limit}.", "Rút gọn nội dung."
    )
    CELL_MERGED = CodeInfo(
        E,
        "Ô gộp trong vùng dữ liệu",
        "Các ô {range} bị gộp.",
        "Bỏ gộp ô (Hợp nhất & Căn giữa › Bỏ hợp nhất), mỗi ô một giá trị.",
    )
    CELL_FORMULA_NO_VALUE = CodeInfo(
        E,
        "Công thức chưa có kết quả",
        "Ô chứa công thức nhưng không có giá trị đã tính.",
        "Thay công thức bằng giá trị (Sao chép › Dán giá trị) rồi lưu lại bằng Excel.",
    )
    CELL_ERROR_VALUE = CodeInfo(
        E, "Ô báo lỗi", "Ô có giá trị lỗi {value}.", "Sửa công thức hoặc ghi giá trị trực tiếp."
    )
    TEXT_LEGACY_CONVERTED = CodeInfo(
        W,
        "Chữ mã cũ đã được chuyển",
        "Chữ gõ bằng bảng mã {encoding} đã được chuyển sang Unicode: “{converted}”.",
        "Kiểm tra lại chữ; lần sau hãy gõ bằng bảng mã Unicode.",
    )
    ROW_HIDDEN = CodeInfo(
        W,
        "Dòng bị ẩn",
        "Dòng bị ẩn nhưng có dữ liệu; dòng này vẫn được xét.",
        "Hiện dòng để kiểm tra, hoặc xóa hẳn nếu không đề nghị.",
    )
    ROW_AFTER_GAP = CodeInfo(
        W,
        "Dòng có dữ liệu sau nhiều dòng trống",
        "Trước dòng này có {count} dòng trống (dòng {first}–{last}); dòng này vẫn được đọc và xét.",
        "Kiểm tra dòng này có đúng là đề nghị không; xóa các dòng trống xen giữa các đề nghị.",
    )
    # --- row: against the plan ------------------------------------------------------------
    ROW_NOT_ELIGIBLE = CodeInfo(
        E,
        "Đối tượng không thuộc diện xét ở cấp đã chọn",
        "“{subject}” không được đề nghị “{level}”: cấp này chỉ xét {accepted}. {allowed}",
        "Chọn lại cấp đề nghị khen thưởng phù hợp với đối tượng, hoặc bỏ đề nghị này.",
    )
    ROW_CRITERION = CodeInfo(
        E,
        "Không đạt tiêu chí của kế hoạch",
        "Không đạt tiêu chí {criterion}: {text} — {detail}",
        "Kiểm tra lại giá trị đã nhập; nếu đúng là chưa đạt tiêu chí thì bỏ đề nghị này.",
    )
    ROW_DATE_OUTSIDE_PERIOD = CodeInfo(
        W,
        "Ngày ngoài thời gian phong trào",
        "{what} {value} nằm ngoài thời gian phong trào {period}.",
        "Kiểm tra lại ngày; thành tích xét khen phải đạt được trong thời gian phong trào.",
    )
    AWARD_DATE_AFTER_SUBMISSION = CodeInfo(
        E,
        "Ngày quyết định khen thưởng chưa tới",
        "Ngày quyết định khen thưởng {value} sau ngày {reference} ({when}).",
        "Ghi đúng ngày ký quyết định khen thưởng đã nhận (ngày/tháng/năm).",
    )
    AWARD_YEAR_AFTER_SUBMISSION = CodeInfo(
        E,
        "Năm khen thưởng chưa tới",
        "Năm khen thưởng {value} sau năm của ngày {reference} ({when}).",
        "Ghi đúng năm được khen thưởng, đủ bốn chữ số (ví dụ 2022).",
    )
    SUBMISSION_LATE = CodeInfo(
        W,
        "Gửi phiếu sau hạn",
        "Phiếu gửi ngày {value}, không kịp hạn của kế hoạch: gửi trước ngày {deadline}.",
        "Hội đồng quyết định có xét phiếu gửi muộn hay không; liên hệ thường trực Hội đồng.",
    )
    NOMINEE_DUPLICATE = CodeInfo(
        E,
        "Đề nghị trùng",
        "“{value}” được đề nghị {count} lần; trùng với: {others}.",
        "Mỗi tập thể, cá nhân chỉ được đề nghị một lần, ở một cấp: giữ một đề nghị, xóa các dòng còn lại.",
    )
    QUOTA_EXCEEDED = CodeInfo(
        W,
        "Vượt số lượng đề nghị của cấp",
        "“{level}”: {count} {kind} đủ điều kiện được đề nghị, nhiều hơn số lượng tối đa {quota} của kế hoạch.",
        "Hội đồng xét chọn theo số phiếu đồng ý tại cuộc họp; có thể đề nghị các đơn vị rút bớt.",
    )
    AWARD_OWNER_UNKNOWN = CodeInfo(
        E,
        "Khen thưởng không khớp người được đề nghị",
        "“{value}” không có trong trang Tập thể / Cá nhân của tệp này.",
        "Ghi tên (và ngày sinh) đúng như ở trang Tập thể / Cá nhân.",
    )
    AWARD_TITLE_INDIVIDUAL_ONLY = CodeInfo(
        E,
        "Tập thể ghi danh hiệu chỉ tặng cá nhân",
        "“{value}” là danh hiệu thi đua chỉ tặng cho cá nhân; tập thể “{owner}” không thể đã nhận danh hiệu này.",
        "Nếu danh hiệu là của một người trong đơn vị, ghi ở dòng của người đó (trang Cá nhân); danh hiệu của tập thể là “Tập thể lao động tiên tiến”, “Tập thể lao động xuất sắc”… Sửa hoặc xóa dòng này.",
    )
    HISTORY_CONFLICT = CodeInfo(
        W,
        "Khen thưởng khác với sổ lịch sử khen thưởng của phường",
        "Phiếu ghi “{form}” năm {year} theo Quyết định số {sheet}, nhưng sổ lịch sử khen thưởng "
        "của phường ghi Quyết định số {history}; báo cáo thành tích in theo sổ.",
        "Kiểm tra lại số, ngày quyết định trong trang khen thưởng đã nhận và sửa cho đúng.",
    )
    HISTORY_AMBIGUOUS = CodeInfo(
        W,
        "Có thể trùng người trong sổ lịch sử khen thưởng",
        "Sổ lịch sử khen thưởng có “{form}” năm {year} (Quyết định số {reference}) của "
        "“{value}” {other}; chưa rõ có phải cùng {kind} nên chưa đưa vào báo cáo thành tích.",
        "Nếu đúng là cùng một người (tập thể), đề nghị đơn vị ghi khen thưởng này vào trang khen thưởng "
        "đã nhận của phiếu; nếu không, bỏ qua cảnh báo này.",
    )
    # --- meeting (consolidated list, meeting sheet, votes, selection) ---------------------------
    MEETING_FILE_INVALID = CodeInfo(
        E,
        "Tệp họp xét không đúng mẫu",
        "{detail}",
        "Dùng tệp do “docgen tong-hop” tạo ra; không đổi tên trang, không xóa cột hay dòng ẩn.",
    )
    MEETING_FIELD_MISSING = CodeInfo(
        E, "Thiếu thông tin cuộc họp", "Chưa điền “{header}”.", "Điền ô này ở trang “Cuộc họp”."
    )
    MEETING_FIELD_INVALID = CodeInfo(
        E,
        "Thông tin cuộc họp không hợp lệ",
        "“{value}” không hợp lệ: {detail}",
        "Sửa ô này ở trang “Cuộc họp”.",
    )
    MEETING_MEMBERS_DIFFER = CodeInfo(
        W,
        "Số thành viên khác tệp chiến dịch",
        "Trang “Cuộc họp” ghi {found} thành viên, tệp chiến dịch ghi {expected}.",
        "Nếu Hội đồng đã thay đổi, hãy sửa [council] members trong tệp chiến dịch.",
    )
    MEETING_ATTENDANCE = CodeInfo(
        E,
        "Số thành viên dự họp không khớp",
        "{detail}",
        "Kiểm tra tổng số thành viên, số có mặt và danh sách vắng mặt (kèm lý do).",
    )
    VOTES_MISSING = CodeInfo(
        E,
        "Chưa ghi số phiếu",
        "Chưa ghi số phiếu đồng ý cho {name}.",
        "Ghi số phiếu đồng ý (số nguyên, từ 0 đến số thành viên có mặt).",
    )
    VOTES_INVALID = CodeInfo(
        E,
        "Số phiếu không hợp lệ",
        "Số phiếu “{value}” của {name} không hợp lệ: {detail}",
        "Ghi số phiếu đồng ý là số nguyên, từ 0 đến số thành viên có mặt.",
    )
    MEETING_LIST_STALE = CodeInfo(E, "Danh sách họp xét đã cũ", "{detail}", _RERUN)
    MEETING_SOURCE_GONE = CodeInfo(
        E,
        "Phiếu của đề nghị trong danh sách họp xét không còn",
        "Danh sách họp xét có {count} đề nghị của đơn vị “{department}” lấy từ tệp {file}, tệp này không còn trong thư mục phiếu: {names}.",
        "Chép lại tệp vào thư mục phiếu (phiếu nhận qua thư: “docgen nhan-thu --khoi-phuc”) rồi chạy lại; đừng chạy lại “docgen tong-hop”: bảng mới sẽ bỏ hẳn các đề nghị này.",
    )
    TIE_AT_QUOTA = CodeInfo(
        E,
        "Bằng phiếu ở vị trí cuối chỉ tiêu",
        "{detail}",
        "Hội đồng biểu quyết lại giữa những người bằng phiếu; ghi số phiếu biểu quyết lại vào cột “Số phiếu biểu quyết lại” (không sửa số phiếu vòng đầu) rồi chạy lại.",
    )
    RUNOFF_INCOMPLETE = CodeInfo(
        E,
        "Thiếu số phiếu biểu quyết lại",
        "Chưa ghi số phiếu biểu quyết lại của {name}, trong khi người cùng bằng phiếu đã có.",
        "Ghi số phiếu biểu quyết lại cho mọi người bằng phiếu ở vị trí cuối chỉ tiêu.",
    )
    RUNOFF_UNUSED = CodeInfo(
        W,
        "Số phiếu biểu quyết lại không được dùng",
        "{name} không bằng phiếu ở vị trí cuối chỉ tiêu nên số phiếu biểu quyết lại ở ô này không được dùng.",
        "Chỉ ghi số phiếu biểu quyết lại cho người bằng phiếu ở vị trí cuối chỉ tiêu; xóa số ở ô này.",
    )
    DOC_NUMBER_INVALID = CodeInfo(
        E,
        "Số văn bản không hợp lệ",
        "Số “{value}” không hợp lệ: {detail}",
        "Chỉ ghi phần số do văn thư cấp (ví dụ 05), ký hiệu đã có sẵn ở cột bên cạnh.",
    )
    DOC_NUMBER_PADDING = CodeInfo(
        E,
        "Số văn bản nhỏ hơn 10 thiếu số 0",
        "Số “{value}” nhỏ hơn 10 phải ghi thêm số 0 ở đầu: “{detail}”.",
        "Ghi số nhỏ hơn 10 có số 0 ở đầu (Nghị định 30/2020): 01, 02 … 09.",
    )
    DOC_NUMBER_DUPLICATE = CodeInfo(
        E,
        "Số văn bản trùng",
        "Số {value} đã dùng cho {detail}.",
        "Mỗi văn bản một số riêng; kiểm tra lại sổ văn bản đi.",
    )
    DOC_DATE_INVALID = CodeInfo(
        E,
        "Ngày văn bản không hợp lệ",
        "Ngày “{value}” không hợp lệ: {detail}",
        "Ghi ngày theo ngày/tháng/năm (ví dụ 18/12/2023), không trước ngày họp.",
    )
    DOC_NUMBER_ROW_UNKNOWN = CodeInfo(
        E,
        "Số văn bản ghi ở dòng không thuộc văn bản nào",
        "“{value}” ghi ở dòng không thuộc văn bản nào: {detail}",
        "Ghi số và ngày vào đúng dòng docgen đã lập cho văn bản; nếu đã chèn, xóa hay chép dòng, "
        "chạy lại “docgen tong-hop” rồi chép số, ngày sang trang “Số văn bản” của tệp mới.",
    )
    DOC_NUMBER_ROWS_MISSING = CodeInfo(
        W,
        "Trang số văn bản thiếu dòng",
        "Trang “Số văn bản” chưa có dòng cho: {detail} (tệp họp xét lập trước khi có các văn bản này); các văn bản đó in chỗ trống số và ngày.",
        "Chạy “docgen tong-hop”, chép trang “Số văn bản” của tệp mới vào tệp họp xét (Excel: chuột phải vào tên trang › Di chuyển hoặc Sao chép), rồi ghi số, ngày.",
    )

    # --- the campaign's law (docgen kiem-tra-chien-dich) -----------------------------------
    LAW_PROFILE_PERIOD = CodeInfo(
        E,
        "Bộ biểu mẫu không hợp với thời gian chiến dịch",
        "Bộ biểu mẫu “{value}” áp dụng cho hồ sơ lập {span}; hồ sơ của chiến dịch này lập "
        "ngày {day} (ngày cuối thời gian phong trào) nên theo bộ {right}.",
        "Đặt legal_profile trong mục [campaign] bằng bộ nói trên và sửa căn cứ theo bộ đó (hoặc "
        "kiểm tra lại mục [period]); nếu chiến dịch buộc phải giữ bộ cũ (hồ sơ theo quy định "
        'chuyển tiếp), ghi lý do vào khóa keep_legal_profile = "…" trong mục [campaign].',
    )
    LAW_PROFILE_KEPT = CodeInfo(
        W,
        "Giữ bộ biểu mẫu không còn áp dụng",
        "Bộ biểu mẫu “{value}” áp dụng cho hồ sơ lập {span}; hồ sơ lập ngày {day} lẽ ra theo "
        "bộ {right}, nhưng chiến dịch giữ bộ này vì: {reason}.",
        "Kiểm tra lại lý do; căn cứ, mẫu báo cáo và tiền thưởng đều theo bộ được giữ.",
    )
    LAW_CITES_REPEALED = CodeInfo(
        E,
        "Căn cứ không có hiệu lực ngày lập hồ sơ",
        "{who} viện dẫn {value}, văn bản {state}; {printed} lập ngày {day} in căn cứ này.",
        "Sửa căn cứ ([plan] bases hoặc [award] decision_bases) theo văn bản có hiệu lực ngày "
        "lập hồ sơ, cùng bộ biểu mẫu với legal_profile.",
    )
    LAW_CITES_OTHER_PROFILE = CodeInfo(
        E,
        "Căn cứ thuộc bộ biểu mẫu khác",
        "{who} viện dẫn {value}, không phải văn bản của bộ biểu mẫu “{profile}”; tờ trình, "
        "quyết định sẽ viện dẫn hai chế độ pháp lý.",
        "Chọn legal_profile theo văn bản có hiệu lực ngày lập hồ sơ, rồi sửa căn cứ cho cùng bộ.",
    )
    LAW_DECISION_NO_COMPETENCE = CodeInfo(
        W,
        "Quyết định thiếu căn cứ thẩm quyền",
        "Quyết định khen thưởng của {levels} không có căn cứ thẩm quyền của Chủ tịch "
        "(decision_bases): quyết định thường mở đầu bằng “Căn cứ {value};”.",
        'Thêm vào mục [award] dòng decision_bases = ["…"] với luật tổ chức chính quyền địa '
        "phương có hiệu lực ngày ký quyết định.",
    )
    LAW_MISSING_CITATION = CodeInfo(
        W,
        "Thiếu căn cứ của bộ biểu mẫu",
        "Kế hoạch không viện dẫn {value}, văn bản mà bộ biểu mẫu “{profile}” dựa vào.",
        "Thêm căn cứ này vào mục [plan] bases nếu kế hoạch có viện dẫn; nếu không, kiểm tra lại legal_profile.",
    )
    LAW_LEVEL_TIER = CodeInfo(
        W,
        "Cấp hành chính không có trong bộ biểu mẫu",
        "Cấp khen “{level}” do {value} quyết định, nhưng bộ “{profile}” chỉ có {allowed}.",
        "Từ 01/07/2025 chính quyền địa phương có hai cấp (tỉnh, xã): sửa cấp khen, người quyết định và tier.",
    )
    LAW_FORMS_UNVERIFIED = CodeInfo(
        W,
        "Mẫu chưa đối chiếu với văn bản gốc",
        "Bộ biểu mẫu “{value}”: mẫu chưa đối chiếu với văn bản gốc — {forms}.",
        "Đối chiếu mẫu với Phụ lục của văn bản gốc trước khi trình ký; nguồn từng mẫu: templates_docx/nguon-mau.toml.",
    )
    # --- the input folder and re-submissions (mail intake) -------------------------------------
    FOLDER_EMPTY = CodeInfo(
        W,
        "Chưa có phiếu nào",
        "Thư mục {folder} chưa có phiếu nào.",
        "Chép các phiếu đơn vị gửi vào thư mục này, hoặc nhận từ thư bằng “docgen nhan-thu”.",
    )
    ENTRY_UNSUPPORTED = CodeInfo(
        W,
        "Không phải phiếu Excel",
        "Tệp có đuôi {suffix}, không phải phiếu (.xlsx, .xlsm, .xls, .ods), nên không được đọc.",
        "Thư đã lưu (.eml, .msg) hay tệp nén (.zip) thì nhận bằng “docgen nhan-thu”. " + _MOVE_OUT,
        reply_hint="Đề nghị đơn vị gửi phiếu dạng Excel (.xlsx).",
    )
    ENTRY_LOCK_FILE = CodeInfo(
        W,
        "Tệp khóa của Excel",
        "Tệp khóa do Excel tạo khi phiếu đang mở; không phải phiếu, không được đọc.",
        "Đóng Excel rồi chạy lại; tệp khóa tự mất khi đóng phiếu.",
    )
    ENTRY_FOLDER = CodeInfo(
        W,
        "Thư mục con",
        "Thư mục con không được đọc (chỉ đọc các tệp nằm ngay trong thư mục phiếu).",
        "Chép các phiếu trong thư mục con ra thư mục phiếu nếu cần xét.",
    )
    FILE_DUPLICATE = CodeInfo(
        W,
        "Tệp trùng",
        "Tệp có nội dung giống hệt “{same}”; chỉ đọc một lần.",
        _MOVE_OUT,
        reply_hint="Không cần gửi lại tệp này.",
    )
    SUBMISSION_TIE = CodeInfo(
        E,
        "Hai bản gửi cùng lúc",
        "Đơn vị “{department}” có các bản nhận cùng lúc ({when}): {files}; không tự chọn bản nào.",
        "Thường trực chọn bản đúng: chuyển các bản còn lại ra khỏi thư mục phiếu rồi chạy lại.",
        reply_message="Đơn vị gửi nhiều bản phiếu cùng lúc ({when}): {files}; chưa xác định được bản nào là bản đúng.",
        reply_hint="Đề nghị đơn vị gửi lại một bản duy nhất là bản đúng.",
    )
    SENDER_UNKNOWN = CodeInfo(
        E,
        "Người gửi chưa được xác nhận",
        "Thư gửi từ {sender}: người gửi chưa có trong danh sách đơn vị của tệp chiến dịch; phiếu chưa được dùng và không thay bản nào của đơn vị.",
        "Thường trực xác nhận người gửi với đơn vị rồi thêm địa chỉ vào [[departments]] của tệp chiến dịch; phiếu được dùng từ lần kiểm tra sau.",
        reply_message="Phiếu gửi từ địa chỉ {sender}, địa chỉ này chưa có trong danh sách địa chỉ thư của các đơn vị; phiếu chưa được đưa vào xét.",
        reply_hint="Đề nghị đơn vị gửi lại phiếu từ địa chỉ thư đã đăng ký của đơn vị, hoặc báo để bổ sung địa chỉ này.",
    )
    SENDER_MISMATCH = CodeInfo(
        W,
        "Người gửi khác đơn vị trong phiếu",
        "Thư gửi từ {sender} (đơn vị “{sender_department}”) nhưng phiếu ghi đơn vị “{department}”.",
        "Thường trực kiểm tra lại với đơn vị; sửa địa chỉ trong [[departments]] nếu danh sách sai.",
        reply_hint="Đề nghị đơn vị kiểm tra lại tên đơn vị ghi trong phiếu.",
    )
    DEPARTMENT_NO_FORM = CodeInfo(
        W,
        "Đơn vị chưa nộp phiếu",
        "Đơn vị “{department}” (có trong [[departments]] của tệp chiến dịch) chưa có phiếu nào trong thư mục phiếu; hạn nộp: trước ngày {deadline}.",
        "Nhắc đơn vị gửi phiếu, rồi nhận bằng “docgen nhan-thu” hoặc chép phiếu vào thư mục phiếu; đơn vị không có đề nghị thì không cần làm gì.",
    )
    FORM_GONE = CodeInfo(
        W,
        "Phiếu đã nhận không còn trong thư mục",
        "Phiếu của đơn vị “{department}” {how} lúc {received} (tệp {file}) không còn trong thư mục phiếu: các đề nghị của đơn vị không được xét.",
        "Chép lại tệp từ thư đã nhận bằng “docgen nhan-thu --khoi-phuc” (thư đã lưu, tệp đã tải lên trang) hoặc “docgen nhan-thu --khoi-phuc --imap …” (hộp thư IMAP); nếu đã cố ý bỏ phiếu này thì không cần làm gì.",
    )


CODES: dict[str, CodeInfo] = {c.name: c.value for c in Code}
# About the clerk's own files (meeting workbook, campaign, input folder), never a department's
# form: left out of every department's feedback and reply.
CLERK_ONLY = frozenset(
    {
        *(
            c.name
            for c in Code
            if c.name.startswith(("MEETING_", "VOTES_", "RUNOFF_", "DOC_", "LAW_"))
        ),
        Code.TIE_AT_QUOTA.name,
        Code.FOLDER_EMPTY.name,
        Code.ENTRY_LOCK_FILE.name,
        Code.ENTRY_FOLDER.name,
        Code.DEPARTMENT_NO_FORM.name,
        Code.FORM_GONE.name,
        Code.HISTORY_AMBIGUOUS.name,  # names another person's record: for the clerk only
    }
)


# About a department as a whole, not one of its files: the issue's value is the department.
ABOUT_DEPARTMENT = frozenset({Code.DEPARTMENT_NO_FORM.name, Code.FORM_GONE.name})


def make_issue(code: Code, place: Place, value: object = "", **details: object) -> ValidationIssue:
    """The issue for `code` at `place`, with the catalogue's message and hint.

    Codes are named by member (`Code.ROW_HIDDEN`), so a misspelt code fails type-checking;
    the issue carries the member's name, the spelling of the JSON and the README.
    """
    member = code
    entry = member.value
    shown = "" if value is None else str(value)
    details.setdefault("detail", entry.detail)
    message = entry.message.format(value=shown, header=place.header, **details)
    reply = None
    if entry.reply_message or entry.reply_hint:
        told = entry.reply_message or entry.message
        reply = (told.format(value=shown, header=place.header, **details), entry.reply_hint)
    return ValidationIssue(member.name, entry.severity, place, message, entry.hint, shown, reply)


def default_detail(code: Code) -> str:
    """The message a refused file gets when nothing more specific is known."""
    return code.value.detail
