"""Every policy parameter a pack may set: its dotted name, its kind of value, its names
in Chinese and English, its unit and the program it belongs to.

This is the one table of parameters (``SPECS``), gathered here from the parameters of each
program, with the general ones (rounding, procedure, reviews, evidence files) listed below.
A name not listed here is an error in a pack; the Policy page, what-if and printing read
the names, units and kinds from here (what they are is in ``param_model``; the words for a
value are made by ``parameter_words``). Structured values (Dibao categories,
temporary-assistance amounts) are parsed into the small frozen types of ``structures``.
"""

from collections.abc import Mapping

from caseworker.domain.codes import Program
from caseworker.eligibility import kinds, params_assistance, params_dibao
from caseworker.eligibility.param_codes import Rounding
from caseworker.eligibility.param_model import (
    Kind,
    ParamSpec,
    Row,
    Unit,
    ValueType,
    one_of,
    table,
    whole,
    yes_no,
)

# Parameters of no one program.
GENERAL: tuple[Row, ...] = (
    (
        "amounts.rounding",
        one_of(Rounding),
        "金额取整方式",
        "rounding of amounts",
        Unit.NONE,
    ),
    (
        "procedure.appraisal_required",
        yes_no(),
        "每件申请都须经民主评议",
        "every application goes through a democratic appraisal",
        Unit.NONE,
    ),
    (
        "reviews.dibao_stable_months",
        whole(1, 60),
        "收入稳定的低保家庭的复核周期",
        "review cycle of Dibao households with steady income",
        Unit.MONTHS,
    ),
    (
        "reviews.dibao_changeable_months",
        whole(1, 60),
        "有劳动能力或收入不固定的低保家庭的复核周期",
        "review cycle of Dibao households able to work or with irregular income",
        Unit.MONTHS,
    ),
    (
        "reviews.special_hardship_months",
        whole(1, 60),
        "特困人员的复核周期",
        "review cycle of special-hardship persons",
        Unit.MONTHS,
    ),
    (
        "reviews.suspended",
        ValueType(Kind.DATE_RANGES, kinds.date_ranges),
        "暂停复核的期间",
        "periods when reviews are suspended",
        Unit.NONE,
    ),
    (
        "evidence.max_file_mb",
        whole(1, 200),
        "每份证明材料文件的大小上限",
        "largest file of evidence",
        Unit.MEGABYTES,
    ),
    (
        "evidence.photo_long_side",
        whole(800, 8000),
        "证明材料照片长边缩小到",
        "photos of evidence brought down to a long side of",
        Unit.PIXELS,
    ),
    (
        "evidence.jpeg_quality",
        whole(50, 95),
        "证明材料照片的保存质量（JPEG）",
        "quality photos of evidence are kept at (JPEG)",
        Unit.OF_100,
    ),
    (
        "evidence.keep_gps",
        yes_no(),
        "照片保留拍摄地点（GPS）",
        "photos keep where they were taken (GPS)",
        Unit.NONE,
    ),
)

# The order here is the order the Policy page lists them in, program by program.
SPECS: Mapping[str, ParamSpec] = table(
    (
        (None, GENERAL),
        (Program.DIBAO, params_dibao.DIBAO),
        (Program.DIBAO_SINGLE_PERSON, params_dibao.SINGLE_PERSON),
        (Program.MARGINAL, params_dibao.MARGINAL),
        (Program.DIBAO_GRADUAL_EXIT, params_dibao.GRADUAL_EXIT),
        (Program.SPECIAL_HARDSHIP, params_assistance.SPECIAL_HARDSHIP),
        (Program.TEMPORARY_ASSISTANCE, params_assistance.TEMPORARY_ASSISTANCE),
        (Program.PRICE_SUBSIDY, params_assistance.PRICE_SUBSIDY),
        (Program.EPIDEMIC_RELIEF, params_assistance.EPIDEMIC_RELIEF),
    )
)
