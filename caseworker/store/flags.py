"""Households flagged by their latest screening: likely eligible for a program they can
apply for, with no application and no benefit of that program yet. One definition, used
by the home screen's list and by the household list's filter."""

from caseworker.domain.codes import APPLICATION_PROGRAMS

_PROGRAMS = ", ".join(f"'{p.value}'" for p in sorted(APPLICATION_PROGRAMS))

# (household_id, program) pairs; SQLite's JSON functions read the stored findings, in
# either form: compact records (``caseworker.eligibility.record``) hold each finding as an
# array under $.findings, [program, status, ...]; older ones a list of objects.
FLAGGED_SQL = f"""
SELECT household_id, program FROM (
    SELECT d.household_id AS household_id,
        coalesce(json_extract(f.value, '$.program'), json_extract(f.value, '$[0]')) AS program,
        coalesce(json_extract(f.value, '$.status'), json_extract(f.value, '$[1]')) AS status
    FROM (
        SELECT household_id, findings, ROW_NUMBER() OVER (
            PARTITION BY household_id ORDER BY screened_on DESC, created_at DESC) AS rn
        FROM decision
    ) d,
    json_each(d.findings,
              CASE json_type(d.findings) WHEN 'object' THEN '$.findings' ELSE '$' END) f
    WHERE d.rn = 1
) g
WHERE g.status = 'likely_eligible'
  AND g.program IN ({_PROGRAMS})
  AND NOT EXISTS (SELECT 1 FROM application a WHERE a.household_id = g.household_id
                  AND a.program = g.program)
  AND NOT EXISTS (SELECT 1 FROM benefit b WHERE b.household_id = g.household_id
                  AND b.program = g.program)
"""
