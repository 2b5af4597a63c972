"""Households flagged by their latest screening: likely eligible for a program they can
apply for, with no application and no benefit of that program yet. One definition, used
by the home screen's list and by the household list's filter."""

from caseworker.domain.codes import APPLICATION_PROGRAMS

_PROGRAMS = ", ".join(f"'{p.value}'" for p in sorted(APPLICATION_PROGRAMS))

# (household_id, program) pairs; SQLite's JSON functions read the stored findings.
FLAGGED_SQL = f"""
SELECT d.household_id AS household_id, json_extract(f.value, '$.program') AS program
FROM (
    SELECT household_id, findings, ROW_NUMBER() OVER (
        PARTITION BY household_id ORDER BY screened_on DESC, created_at DESC) AS rn
    FROM decision
) d, json_each(d.findings) f
WHERE d.rn = 1
  AND json_extract(f.value, '$.status') = 'likely_eligible'
  AND json_extract(f.value, '$.program') IN ({_PROGRAMS})
  AND NOT EXISTS (SELECT 1 FROM application a WHERE a.household_id = d.household_id
                  AND a.program = json_extract(f.value, '$.program'))
  AND NOT EXISTS (SELECT 1 FROM benefit b WHERE b.household_id = d.household_id
                  AND b.program = json_extract(f.value, '$.program'))
"""
