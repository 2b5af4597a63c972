"""Reports for the township, the county and the bank (roster, payments, changes), as xlsx or csv."""
