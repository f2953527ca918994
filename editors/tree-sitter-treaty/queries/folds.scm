; Treaties, triggers and scenarios fold (Neovim's foldexpr, Helix has no folding yet).
[
  (treaty_body)
  (trigger_body)
  (scenario_body)
] @fold
