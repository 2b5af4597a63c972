"""``caseworker --self-test``: is this installation healthy?

In a temporary folder, and never touching the worker's own records, it goes once through
what a laptop does: an encrypted store, demo households imported from a household file,
screening with the bundled policy pack of the demo county, one form printed to PDF, the
desktop's Qt parts, and a sync with a county server started on loopback. It prints one
line per step (ok / FAILED / skipped, with its time, in Chinese and English) and exits 0,
or 1 naming the step that failed. The same code runs from source and in the PyInstaller
bundle, where it proves the bundle carries its fonts, forms, policies, translations and
migrations.

``runner`` runs the steps and reports; ``steps`` lists them; ``laptop_steps`` and
``county_steps`` are the steps; ``context`` is what they share; ``processes`` starts and
stops the county server's process.
"""
