; Helix indent queries: the inside of a block is indented one level; the closing brace
; goes back.
[
  (treaty_body)
  (trigger_body)
  (scenario_body)
] @indent

"}" @outdent
