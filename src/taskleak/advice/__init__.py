"""Fix advice: what fix a finding gets, or why it gets none (the layer between the rules and
the project join).

- `offers.py`: every fix kind a spawn's rule lists, tried in a dry run on the module (the
  rewriter's kinds, `taskleak.fixes.kinds`), so a finding never advertises a fix `taskleak fix`
  would then refuse for a reason it could have known; the one it advertises, and the one the
  fixer applies (`choose`);
- `returned.py`: what a call that drops a task another function returns is advised (the project
  join attaches it, warm runs too, so it needs no libcst).

The analysis and the rewriter never import this package; the fixer and the run do (a layer
contract checks it).
"""
