"""The rules of each program: a function of the household's facts returning its finding."""
