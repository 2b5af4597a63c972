"""How home words its figures: the summary of the area, and each entry of its lists of
work (whose household, how overdue or how long is left, what is missing), in the language
of the moment.

The texts keep the home page's translation context ("DashboardPage"): they are the page's
words, kept here so that the page's module is about its layout and its figures.
"""

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from caseworker.domain.codes import Program
from caseworker.ui.i18n import is_chinese
from caseworker.ui.labels import label
from caseworker.ui.pages.dashboard_parts import Entry

if TYPE_CHECKING:
    from caseworker.operations.evidence import MissingEvidence
    from caseworker.store.dashboard import DashboardStats, OpenApplication, ReviewDue

translate = QCoreApplication.translate


def months_between(start: date, end: date) -> int:
    """Whole months from ``start`` to ``end`` (0 if ``end`` is not a month later)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(months, 0)


def how_long(days: int, start: date, end: date) -> str:
    """A span of ``days`` (from ``start`` to ``end``) as people say it: days under a
    month, else months, else years and months."""
    months = months_between(start, end)
    if months < 1:
        return translate("DashboardPage", "%n day(s)", "", days)
    years, months = divmod(months, 12)
    if not years:
        return translate("DashboardPage", "%n month(s)", "", months)
    if not months:
        return translate("DashboardPage", "%n year(s)", "", years)
    return translate("DashboardPage", "{years} {months}").format(
        years=translate("DashboardPage", "%n year(s)", "", years),
        months=translate("DashboardPage", "%n month(s)", "", months),
    )


def summary(stats: "DashboardStats") -> str:
    """The area in two lines: its households and those receiving assistance, then what
    waits to be synced and when this laptop last synced."""
    receiving = sum(stats.beneficiary_households.values())
    lines = [
        translate(
            "DashboardPage", "{households} households in your area; {receiving} receive assistance."
        ).format(households=stats.households, receiving=receiving)
    ]
    if stats.last_sync is None:
        synced = translate("DashboardPage", "this laptop has never synced with the county")
    else:
        synced = translate("DashboardPage", "this laptop last synced {time}").format(
            time=stats.last_sync.astimezone().strftime("%Y-%m-%d %H:%M")
        )
    if stats.unsynced == 0:
        lines.append(
            translate(
                "DashboardPage", "No changes in your area are waiting to be synced; {synced}."
            ).format(synced=synced)
        )
    elif stats.refused:
        lines.append(
            translate(
                "DashboardPage",
                "{n} households in your area have changes not yet synced with the county "
                "({refused} refused by the county: see Sync); {synced}.",
            ).format(n=stats.unsynced, refused=stats.refused, synced=synced)
        )
    else:
        lines.append(
            translate(
                "DashboardPage",
                "{n} households in your area have changes not yet synced with the county; "
                "{synced}.",
            ).format(n=stats.unsynced, synced=synced)
        )
    return "\n".join(lines)


def review_entry(item: "ReviewDue", today: date) -> Entry:
    """A household whose review is due: how overdue, or how soon."""
    if item.overdue:
        when = translate("DashboardPage", "OVERDUE by {time}").format(
            time=how_long((today - item.due).days, item.due, today)
        )
    elif item.due == today:
        when = translate("DashboardPage", "due today")
    else:
        when = translate("DashboardPage", "due in {time}").format(
            time=how_long((item.due - today).days, today, item.due)
        )
    text = translate("DashboardPage", "{head} \u2014 {when}\nreview due {day}").format(
        head=item.head_name, when=when, day=item.due.isoformat()
    )
    return Entry(text, item.household_id, urgent=item.overdue)


def application_entry(item: "OpenApplication") -> Entry:
    """An open application: the working days over or left of its time limit."""
    if item.overdue:
        when = translate(
            "DashboardPage", "OVERDUE by %n working day(s)", "", item.working_days_over
        )
        if item.deadline.past_latest:
            when = translate("DashboardPage", "{when}, past the 45-working-day maximum").format(
                when=when
            )
    elif item.working_days_left == 0:
        when = translate("DashboardPage", "time limit reached today")
    else:
        when = translate("DashboardPage", "%n working day(s) left", "", item.working_days_left)
    if item.deadline.estimated:  # counted through a year not announced yet
        when = translate("DashboardPage", "{when} (estimated)").format(when=when)
    app = item.application
    text = translate(
        "DashboardPage", "{head} \u2014 {when}\n{program}, applied {day}, now at {stage}"
    ).format(
        head=item.head_name,
        when=when,
        program=label(app.program),
        day=app.applied_on.isoformat(),
        stage=label(app.stage),
    )
    return Entry(text, item.household_id, urgent=item.overdue)


def flagged_entry(household_id: str, head: str, program: Program) -> Entry:
    """A household a screening found likely eligible for ``program``, not yet applied."""
    text = translate("DashboardPage", "{head}: {program}")
    return Entry(text.format(head=head, program=label(program)), household_id)


def evidence_entry(item: "MissingEvidence") -> Entry:
    """An application under way and the documents it lacks."""
    zh = is_chinese()
    what = ("、" if zh else ", ").join(
        dict.fromkeys(i.text_zh if zh else i.text_en for i in item.missing)
    )
    text = translate(
        "DashboardPage", "{head} \u2014 %n document(s) missing\n{what}", "", len(item.missing)
    )
    return Entry(text.format(head=item.head_name, what=what), item.household_id)
