"""The codes some policy parameters choose from: how amounts are rounded, how the Dibao
amount and the price subsidy are computed, and whom the price subsidy covers (which the
rules also read)."""

from caseworker.domain.codes import LabelledCode


class Rounding(LabelledCode):
    """How amounts are rounded (``amounts.rounding``)."""

    FEN = "fen", "按分计（四舍五入）", "to the fen (half up)"
    YUAN_HALF_UP = "yuan_half_up", "按元四舍五入", "to the yuan, half up"
    YUAN_UP = "yuan_up", "按元向上取整", "up to the next yuan"
    YUAN_DOWN = "yuan_down", "按元向下取整", "down to the yuan"


class DibaoMethod(LabelledCode):
    """How the monthly Dibao amount is computed (``dibao.method``)."""

    GAP = "gap", "补差发放（低保标准减家庭人均收入）", "the gap (standard minus income per person)"
    TIERED = "tiered", "按类别分档发放", "a fixed amount by category"


class PriceMethod(LabelledCode):
    """How the temporary price subsidy is computed (``price_subsidy.method``)."""

    STANDARD_TIMES_RISE = (
        "standard_times_rise",
        "低保标准×物价涨幅",
        "the Dibao standard times the price rise",
    )
    FIXED_PER_PERSON = "fixed_per_person", "每人固定金额", "a fixed amount per person"


class PriceGroup(LabelledCode):
    """Who the temporary price subsidy covers (``price_subsidy.groups``)."""

    DIBAO = "dibao", "低保对象", "Dibao recipients"
    SPECIAL_HARDSHIP = "special_hardship", "特困人员", "special-hardship persons"
    ORPHANS = "orphans", "孤儿", "orphans"
    DE_FACTO_UNSUPPORTED_CHILDREN = (
        "de_facto_unsupported_children",
        "事实无人抚养儿童",
        "de facto unsupported children",
    )
    UNEMPLOYMENT_INSURANCE = (
        "unemployment_insurance",
        "领取失业保险金人员",
        "unemployment insurance recipients",
    )
    ENTITLED_VETERANS = "entitled_veterans", "优抚对象", "entitled veterans"
