; Highlights for Helix and Neovim (both read this file). The capture names are ones
; both editors colour: Neovim falls back from `constant.numeric` to `constant` as
; Helix does. No two patterns capture the same node, so the result does not depend on
; which of two matches an editor prefers (Helix takes the first, Neovim the last).

(comment) @comment
(string) @string
[(number) (date) (timestamp)] @constant.numeric

; Blocks and clauses.
["treaty" "scenario" "trigger"] @keyword

[
  "title" "signed" "effective" "form" "status" "binding" "ratification" "duration"
  "renewal" "review" "withdrawal" "qualified-by" "activation" "proposed" "terminated"
  "void" "in-addition-to" "foresees" "party" "members" "suspend" "incorporate" "mirror"
] @keyword

[
  "consult" "provide" "assist" "defend" "act" "station" "deter" "peacekeeping"
  "monitor" "refrain" "respect" "seek" "report" "establish" "prohibit" "indivisible"
  "reinstate" "limit"
] @keyword.function

; Lines of a scenario.
["assume" "event" "end" "expect"] @keyword

; Words with a fixed meaning inside a clause or a scenario line.
[
  "source" "within" "by" "against" "in" "excluding" "to" "or" "of" "for" "from" "until"
  "with" "forces" "size" "mandate" "after" "per" "every" "on" "notice" "immediately"
  "forthwith" "consultation" "tripwire" "permanent" "indefinite" "any-time" "none"
  "not-stated" "if" "group" "except" "territory" "administered-territory" "scope-of"
  "covering" "across" "threshold" "decided-by" "automatically" "at" "no" "late"
  "because"
] @keyword.operator

"->" @operator
["{" "}" "[" "]" "(" ")"] @punctuation.bracket
"," @punctuation.delimiter

; Names in fixed positions.
(treaty_name) @type
(scenario_name) @function
(party_code) @constant
(currency) @type.builtin
(event_name) @function.call

; Words inside a clause: party codes are upper case; roles and qualifiers are the
; closed lists of grammar/treaty.pest; anything else is a vocabulary word
; (`political`, `armed-attack`) that `treaty check` checks.
((identifier) @constant
  (#match? @constant "^[A-Z][A-Z0-9_]*$"))

((identifier) @type.builtin
  (#any-of? @type.builtin
    "guarantor" "beneficiary" "member" "adversary" "observer" "signatory" "mediator"))

((identifier) @attribute
  (#any-of? @attribute
    "as-deemed-necessary" "constitutional-processes" "legal-requirements"
    "subject-to-funding" "subject-to" "conditional-on-reforms" "conditional-on"
    "aspirational" "at-request" "where-possible" "reserve-right" "unanimity"
    "neutrality-carveout" "armed-force-opt-out" "in-practice"))

((identifier) @string.special.symbol
  (#not-match? @string.special.symbol "^[A-Z][A-Z0-9_]*$")
  (#not-any-of? @string.special.symbol
    "guarantor" "beneficiary" "member" "adversary" "observer" "signatory" "mediator"
    "as-deemed-necessary" "constitutional-processes" "legal-requirements"
    "subject-to-funding" "subject-to" "conditional-on-reforms" "conditional-on"
    "aspirational" "at-request" "where-possible" "reserve-right" "unanimity"
    "neutrality-carveout" "armed-force-opt-out" "in-practice"))
