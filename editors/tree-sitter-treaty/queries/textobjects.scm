; Helix text objects: `maf`/`mif` select a trigger or scenario (around/inside),
; `mat`/`mit` a treaty, `mac` a comment, `maa` one clause; `]f` goes to the next trigger.
(treaty body: (treaty_body) @class.inside) @class.around
(trigger body: (trigger_body) @function.inside) @function.around
(scenario body: (scenario_body) @function.inside) @function.around
(comment) @comment.inside
(comment)+ @comment.around
[
  (header_clause)
  (foresees_clause)
  (party_clause)
  (members_clause)
  (instrument_clause)
  (obligation)
  (scenario_line)
] @parameter.around
