"""The rules of each program: a function of the household's facts returning its finding."""

from caseworker.native import use_compiled

use_compiled(__path__)  # the compiled rules, when current (see caseworker/native.py)
