"""The line of facts under a household's name on its page: address, hukou, local
residence, registered-poor status, an emergency, a cadre relative and where its benefits
are paid."""

from PySide6.QtCore import QCoreApplication

from caseworker.domain.records import Household
from caseworker.ui.labels import label
from caseworker.ui.pages.household_tabs import yes_no

translate = QCoreApplication.translate


def facts_line(h: Household) -> str:
    """The household's facts in the current language, separated by dots."""
    unknown = translate("HouseholdPage", "not known")
    poor = h.registered_poor
    poor_text = unknown if poor is None else label(poor.status)
    if poor is not None and poor.exited_on is not None:
        poor_text += f" ({poor.exited_on.isoformat()})"
    local = yes_no(h.local_resident)
    facts = [
        translate("HouseholdPage", "Address: {value}").format(value=h.address),
        translate("HouseholdPage", "Hukou: {value}").format(value=label(h.hukou)),
        translate("HouseholdPage", "Local resident: {value}").format(value=local),
        translate("HouseholdPage", "Registered poor: {value}").format(value=poor_text),
    ]
    if h.emergency is not None:
        facts.append(
            translate("HouseholdPage", "Emergency: {kind} on {day}").format(
                kind=label(h.emergency.kind), day=h.emergency.date.isoformat()
            )
        )
    if h.cadre_relative:
        facts.append(
            translate("HouseholdPage", "Relative of a cadre or caseworker (registered separately)")
        )
    if h.payment is not None:
        facts.append(
            # The account's last four digits, as ID numbers are masked on this page:
            # the whole number is in the household details.
            translate(
                "HouseholdPage", "Paid into: {bank}, account ending {last4} ({holder})"
            ).format(
                bank=h.payment.bank_name,
                last4=h.payment.account_number[-4:],
                holder=h.payment.account_name,
            )
        )
    elif h.benefits:
        facts.append(translate("HouseholdPage", "Payment account: not recorded"))
    return " · ".join(facts)
