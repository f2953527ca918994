/**
 * Tree-sitter grammar for the treaty language, for editor colouring, folding and
 * text objects (Helix, Neovim). It follows the block structure of
 * grammar/treaty.pest exactly (treaties, triggers, scenarios, one clause per keyword)
 * and reads the inside of a clause loosely, as a run of words, strings, numbers and
 * dates: `treaty check` is the authority on what a clause may say, this grammar only
 * has to find where each clause starts and what each token is.
 *
 * Keywords are extracted from `identifier` (the `word` setting), so a keyword is only
 * a keyword where the grammar allows one: `end` is a word inside a treaty and a
 * keyword in a scenario, as in the pest grammar.
 */

// Clauses about the instrument itself (`form political`, `duration 10 years`).
const HEADER_KEYWORDS = [
  'title', 'signed', 'effective', 'form', 'status', 'binding', 'ratification',
  'duration', 'renewal', 'review', 'withdrawal', 'qualified-by', 'activation',
  'proposed', 'terminated', 'void', 'in-addition-to',
];

// Clauses that oblige a party; the only clauses a trigger block holds.
const OBLIGATION_KEYWORDS = [
  'consult', 'provide', 'assist', 'defend', 'act', 'station', 'deter', 'peacekeeping',
  'monitor', 'refrain', 'respect', 'seek', 'report', 'establish', 'prohibit',
  'indivisible', 'reinstate', 'limit',
];

// Clauses about other instruments.
const INSTRUMENT_KEYWORDS = ['suspend', 'incorporate', 'mirror'];

// Words with a fixed meaning inside a clause of a treaty.
const CLAUSE_WORDS = [
  'source', 'within', 'by', 'against', 'in', 'excluding', 'to', 'or', 'of', 'for',
  'from', 'until', 'with', 'forces', 'size', 'mandate', 'after', 'per', 'every', 'on',
  'notice', 'immediately', 'forthwith', 'consultation', 'tripwire', 'permanent',
  'indefinite', 'any-time', 'none', 'not-stated', 'if', 'group', 'except', 'territory',
  'administered-territory', 'scope-of', 'covering', 'across', 'threshold',
  'decided-by', 'automatically',
];

// Words with a fixed meaning inside a line of a scenario.
const SCENARIO_WORDS = ['at', 'no', 'late', 'because', 'by', 'against', 'in', 'to', 'with'];

module.exports = grammar({
  name: 'treaty',

  extras: $ => [/\s/, '\uFEFF', $.comment],

  word: $ => $.identifier,

  // Names in a fixed position get their own node (`treaty_name`, `party_code`,
  // `currency`, `event_name`), so that a plain `identifier` is always a word inside a
  // clause and the highlight queries need no parent to tell them apart.

  conflicts: $ => [],

  rules: {
    source_file: $ => repeat(choice($.treaty, $.scenario)),

    // ------------------------------------------------------------------ treaties
    treaty: $ => seq(
      'treaty',
      field('name', alias($.identifier, $.treaty_name)),
      field('body', $.treaty_body),
    ),

    treaty_body: $ => seq(
      '{',
      repeat(choice(
        $.header_clause,
        $.foresees_clause,
        $.party_clause,
        $.members_clause,
        $.instrument_clause,
        $.obligation,
        $.trigger,
      )),
      '}',
    ),

    header_clause: $ => seq(
      field('keyword', choice(...HEADER_KEYWORDS)),
      repeat($._clause_atom),
    ),

    // `foresees treaty ratification constitutional-processes`: the one clause that
    // takes another clause's keyword, read greedily as pest reads it.
    foresees_clause: $ => prec.right(seq(
      field('keyword', 'foresees'),
      repeat($._clause_atom),
      optional(seq('ratification', repeat($._clause_atom))),
    )),

    party_clause: $ => seq(
      field('keyword', 'party'),
      field('code', alias($.identifier, $.party_code)),
      repeat($._clause_atom),
    ),

    members_clause: $ => seq(
      field('keyword', 'members'),
      repeat($._clause_atom),
    ),

    instrument_clause: $ => seq(
      field('keyword', choice(...INSTRUMENT_KEYWORDS)),
      repeat($._clause_atom),
    ),

    obligation: $ => seq(
      field('keyword', choice(...OBLIGATION_KEYWORDS)),
      repeat($._clause_atom),
    ),

    trigger: $ => seq(
      field('keyword', 'trigger'),
      field('condition', optional($.trigger_condition)),
      field('body', $.trigger_body),
    ),

    trigger_condition: $ => repeat1($._clause_atom),

    trigger_body: $ => seq('{', repeat($.obligation), '}'),

    _clause_atom: $ => choice(
      $.identifier,
      $.string,
      $.number,
      $.date,
      $.amount,
      $.call,
      $.kind_list,
      ...CLAUSE_WORDS,
      '->',
      ',',
    ),

    // `nato-accession(UA)`, `ceasefire-violation(RU)`.
    call: $ => seq(
      field('event', alias($.identifier, $.event_name)),
      token.immediate('('),
      commaSep1($.identifier),
      ')',
    ),

    // `GBP 2.5 billion`: a currency code followed by a number is an amount, not a
    // party (pest's `currency`).
    amount: $ => prec(1, seq(field('currency', alias($.identifier, $.currency)), $.number)),

    // `military-aid [air-defence, artillery]`.
    kind_list: $ => seq('[', commaSep1($.identifier), ']'),

    // ------------------------------------------------------------------ scenarios
    scenario: $ => seq(
      'scenario',
      field('name', alias($.identifier, $.scenario_name)),
      field('body', $.scenario_body),
    ),

    scenario_body: $ => seq(
      '{',
      repeat($.scenario_line),
      '}',
    ),

    scenario_line: $ => seq(
      field('keyword', choice('treaty', 'assume', 'event', 'end', 'expect')),
      repeat($._scenario_atom),
    ),

    _scenario_atom: $ => choice(
      $.identifier,
      $.string,
      $.number,
      $.date,
      $.timestamp,
      $.call,
      ...SCENARIO_WORDS,
      ',',
    ),

    // ------------------------------------------------------------------ tokens
    comment: _ => token(seq('//', /[^\n]*/)),

    string: _ => token(seq('"', repeat(choice(/[^"\\\n]/, /\\[^\n]/)), '"')),

    // `2027-03-01T06:00Z`, `2027-03-01T08:00+02:00`.
    timestamp: _ => token(prec(3, /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})?/)),

    date: _ => token(prec(2, /\d{4}-\d{2}-\d{2}/)),

    // `24`, `600_000`, `1,000`, `2.5`.
    number: _ => token(prec(1, /\d+([_,]\d{3})*(\.\d+)?/)),

    // Party codes, treaty names and vocabulary words (`UA`, `uk_ukraine_2024`,
    // `armed-attack`, `Україна`): hyphens are part of a word.
    identifier: _ => /[\p{XID_Start}_][\p{XID_Continue}\-]*/,
  },
});

function commaSep1(rule) {
  return seq(rule, repeat(seq(',', rule)));
}
