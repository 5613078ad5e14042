from pkg.locks import Condition as Condition
from pkg.locks import later as later
