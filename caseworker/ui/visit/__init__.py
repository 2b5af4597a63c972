"""The parts of the household investigation form (``caseworker.ui.visit_form``): its field
lists, the editors they make, the draft they are kept in, the income lines, the problems
that stop a save and the autosave."""
