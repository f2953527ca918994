//! The rules on small treaties written for the purpose: each tier branch and each gap
//! element, and the subtraction of the baseline's own weaknesses.

use treaty::analysis::{bundled_baseline, model_of};
use treaty::rules::{self, Tier};

/// A treaty with the given header lines and body lines, and parties UK, UA, RU.
fn treaty(header: &str, body: &str) -> String {
    format!(
        "treaty t {{\n{header}\n  party UK \"United Kingdom\" guarantor\n  party UA \"Ukraine\" beneficiary\n  party RU \"Russian Federation\" adversary\n{body}\n}}\n"
    )
}

fn assess(text: &str) -> rules::TreatyReport {
    let (model, diagnostics) = model_of(text);
    let errors: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.severity == treaty::diagnostics::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}\n{text}");
    rules::assess(&model.treaties[0], &bundled_baseline())
}

fn gaps(text: &str) -> Vec<&'static str> {
    assess(text).gaps.iter().map(|g| g.code).collect()
}

const TREATY: &str = "  form treaty\n  status in-force";
const POLITICAL: &str = "  form political\n  status signed";

#[test]
fn a_binding_treaty_with_armed_force_on_armed_attack_is_hard() {
    let text = treaty(
        TREATY,
        "  trigger armed-attack against UA {\n    assist UK -> attacked with armed-force forthwith\n  }",
    );
    let report = assess(&text);
    assert_eq!(report.tier.tier, Tier::Hard);
    assert_eq!(
        report.tier.summary(),
        "hard: ratified treaty; armed-force assistance on armed attack"
    );
    // The reason points at the deciding clause.
    let assist = &report.tier.reasons[1];
    assert!(text[assist.span.start..assist.span.end].starts_with("assist UK"));
}

#[test]
fn a_binding_treaty_with_stationed_forces_only_is_hard() {
    let text = treaty(
        TREATY,
        "  station UK forces in UA size 5000 troops tripwire",
    );
    let report = assess(&text);
    assert_eq!(report.tier.tier, Tier::Hard);
    assert!(report.tier.summary().contains("trip-wire forces stationed"));
}

#[test]
fn a_draft_treaty_is_tiered_as_drafted() {
    let text = treaty(
        "  form treaty\n  status draft\n  ratification required",
        "  trigger armed-attack against UA {\n    assist UK -> attacked with armed-force\n  }",
    );
    let report = assess(&text);
    assert_eq!(report.tier.tier, Tier::Hard);
    assert!(report.tier.summary().contains("as drafted"));
    let codes = gaps(&text);
    assert!(codes.contains(&"NOT_IN_FORCE"));
    assert!(
        !codes.contains(&"NOT_RATIFIED"),
        "a draft awaiting ratification: {codes:?}"
    );
}

#[test]
fn a_binding_treaty_without_a_guarantee_is_intermediate() {
    let text = treaty(TREATY, "  consult UK, UA within 24 hours");
    let report = assess(&text);
    assert_eq!(report.tier.tier, Tier::Intermediate);
    assert!(report
        .tier
        .summary()
        .contains("no assistance obligation on armed attack"));
}

#[test]
fn political_security_cooperation_is_intermediate() {
    let text = treaty(POLITICAL, "  provide UK -> UA training, intelligence");
    assert_eq!(assess(&text).tier.tier, Tier::Intermediate);
}

#[test]
fn an_executive_agreement_with_a_duty_to_assist_is_not_hard() {
    let text = treaty(
        "  form executive\n  status in-force",
        "  trigger armed-attack against UA {\n    assist UK -> attacked with armed-force\n  }",
    );
    let report = assess(&text);
    assert_eq!(report.tier.tier, Tier::Intermediate);
    assert!(gaps(&text).contains(&"BINDING_STATUS_CONTESTED"));
}

#[test]
fn a_declaration_is_soft_whatever_it_lists() {
    let text = treaty(
        "  form declaration\n  status signed",
        "  provide UK -> UA military-aid, training",
    );
    let report = assess(&text);
    assert_eq!(report.tier.tier, Tier::Soft);
    assert!(report.tier.summary().starts_with("soft: declaration"));
}

#[test]
fn an_aspirational_instrument_is_soft() {
    let text = treaty(
        "  form executive\n  status in-force\n  qualified-by aspirational",
        "  provide UK -> UA military-aid",
    );
    let report = assess(&text);
    assert_eq!(report.tier.tier, Tier::Soft);
    assert!(report.tier.summary().contains("aspirational"));
    assert!(gaps(&text).contains(&"INTENT_ONLY"));
}

#[test]
fn assurances_only_are_soft() {
    let text = treaty(
        "  form memorandum\n  status signed",
        "  respect UK independence, borders of UA\n  refrain UK from threat-or-use-of-force against UA",
    );
    let report = assess(&text);
    assert_eq!(report.tier.tier, Tier::Soft);
    assert!(report.tier.summary().contains("only assurances"));
}

#[test]
fn article_5_itself_has_no_gaps() {
    let baseline = bundled_baseline();
    let report = rules::assess(&baseline.treaty, &baseline);
    assert_eq!(report.tier.tier, Tier::Hard);
    assert!(report.gaps.is_empty(), "{:?}", report.gaps);
    // Its own discretion and its deadline-free consultation are never gaps.
    let own: Vec<&str> = baseline.own_codes().collect();
    assert!(
        own.is_empty(),
        "the bundled baseline flags nothing in itself: {own:?}"
    );
}

#[test]
fn as_deemed_necessary_is_never_a_gap() {
    let text = treaty(
        TREATY,
        "  trigger armed-attack against UA {\n    assist UK -> attacked with armed-force forthwith as-deemed-necessary\n  }",
    );
    let codes = gaps(&text);
    assert!(
        !codes
            .iter()
            .any(|c| c.contains("QUALIF") || *c == "CONDITIONAL_COMMITMENT"),
        "{codes:?}"
    );
}

#[test]
fn consultation_then_assistance_is_a_consultation_delay() {
    let text = treaty(
        TREATY,
        "  trigger armed-attack against UA {\n    consult UK, UA within 3 days\n    assist UK -> attacked with armed-force after consultation\n  }",
    );
    let report = assess(&text);
    let delay = report
        .gaps
        .iter()
        .find(|g| g.code == "CONSULTATION_DELAY")
        .expect("delay");
    assert_eq!(
        delay.message,
        "assistance waits for consultations of up to 3 days"
    );
    assert!(!report.gaps.iter().any(|g| g.code == "NOT_IMMEDIATE"));
}

#[test]
fn assistance_without_timing_is_not_immediate() {
    let text = treaty(
        TREATY,
        "  trigger armed-attack against UA {\n    assist UK -> attacked with armed-force\n  }",
    );
    assert!(gaps(&text).contains(&"NOT_IMMEDIATE"));
    let within_a_day = text.replace("armed-force\n", "armed-force within 24 hours\n");
    assert!(!gaps(&within_a_day).contains(&"NOT_IMMEDIATE"));
}

#[test]
fn acting_against_the_common_danger_is_not_assisting() {
    let text = treaty(
        TREATY,
        "  trigger armed-attack against UA {\n    act UK constitutional-processes\n  }",
    );
    let codes = gaps(&text);
    assert!(codes.contains(&"COMMON_DANGER_FORMULA"), "{codes:?}");
    assert!(
        codes.contains(&"CONSTITUTIONAL_QUALIFIER_IN_OPERATIVE_CLAUSE"),
        "{codes:?}"
    );
    assert!(codes.contains(&"NO_ARMED_FORCE"), "{codes:?}");
    assert!(
        !codes.contains(&"NO_MUTUAL_DEFENCE"),
        "act is a defence commitment: {codes:?}"
    );
}

#[test]
fn consultation_only_with_and_without_a_deadline() {
    let open = treaty(
        POLITICAL,
        "  trigger armed-attack against UA {\n    consult UK, UA immediately\n  }",
    );
    let codes = gaps(&open);
    assert!(codes.contains(&"CONSULT_ONLY"), "{codes:?}");
    assert!(codes.contains(&"NO_MUTUAL_DEFENCE"), "{codes:?}");
    assert!(
        codes.contains(&"NO_CONSULTATION_DEADLINE"),
        "'immediately' is no time limit: {codes:?}"
    );
    let timed = open.replace("immediately", "within 24 hours");
    assert!(!gaps(&timed).contains(&"NO_CONSULTATION_DEADLINE"));
}

#[test]
fn a_guarantor_that_is_the_adversary() {
    let text = "treaty t {\n  form memorandum\n  status signed\n  party RU \"Russian Federation\" guarantor, adversary\n  party UA \"Ukraine\" beneficiary\n  respect RU borders of UA\n}\n";
    assert!(gaps(text).contains(&"GUARANTOR_IS_POTENTIAL_AGGRESSOR"));
    let named_attacker = treaty(
        POLITICAL,
        "  trigger armed-attack by UK against UA {\n    consult UK, UA\n  }",
    );
    assert!(gaps(&named_attacker).contains(&"GUARANTOR_IS_POTENTIAL_AGGRESSOR"));
    let veto = treaty(TREATY, "  trigger armed-attack against UA {\n    assist UK -> attacked with armed-force unanimity\n  }");
    assert!(gaps(&veto).contains(&"GUARANTOR_IS_POTENTIAL_AGGRESSOR"));
}

#[test]
fn narrow_triggers() {
    let by_russia = treaty(
        POLITICAL,
        "  trigger armed-attack by RU against UA {\n    consult UK, UA\n  }",
    );
    assert!(gaps(&by_russia).contains(&"NARROW_TRIGGER"));
    let nuclear = treaty(
        POLITICAL,
        "  trigger nuclear-attack against UA {\n    consult UK, UA\n  }",
    );
    assert!(gaps(&nuclear).contains(&"NARROW_TRIGGER"));
    let any = treaty(
        POLITICAL,
        "  trigger aggression against UA {\n    consult UK, UA\n  }",
    );
    assert!(!gaps(&any).contains(&"NARROW_TRIGGER"));
    assert!(gaps(&treaty(POLITICAL, "")).contains(&"NO_TRIGGER"));
}

#[test]
fn durability() {
    let fixed = treaty("  form treaty\n  status in-force\n  duration 10 years", "");
    assert!(gaps(&fixed).contains(&"FIXED_TERM"));
    let review = treaty(
        "  form treaty\n  status in-force\n  review within 10 years",
        "",
    );
    assert!(gaps(&review).contains(&"FIXED_TERM"));
    let optional_review = treaty(
        "  form treaty\n  status in-force\n  review after 10 years",
        "",
    );
    assert!(!gaps(&optional_review).contains(&"FIXED_TERM"));
    let six_months = treaty(
        "  form treaty\n  status in-force\n  withdrawal notice 6 months",
        "",
    );
    assert!(gaps(&six_months).contains(&"SHORT_NOTICE_EXIT"));
    let one_year = treaty(
        "  form treaty\n  status in-force\n  withdrawal notice 1 year",
        "",
    );
    assert!(!gaps(&one_year).contains(&"SHORT_NOTICE_EXIT"));
    let any_time = treaty(
        "  form treaty\n  status in-force\n  withdrawal any-time",
        "",
    );
    assert!(gaps(&any_time).contains(&"SHORT_NOTICE_EXIT"));
}

#[test]
fn stationing_banned_and_missing() {
    let text = treaty(TREATY, "  prohibit stationing, foreign-bases in UA");
    let report = assess(&text);
    let codes: Vec<&str> = report.gaps.iter().map(|g| g.code).collect();
    assert!(codes.contains(&"STATIONING_PROHIBITED"));
    assert!(codes.contains(&"NO_STATIONED_FORCES"));
    let ban = report
        .gaps
        .iter()
        .find(|g| g.code == "STATIONING_PROHIBITED")
        .unwrap();
    assert!(text[ban.span.start..ban.span.end].starts_with("prohibit"));
}

#[test]
fn missing_elements_are_labelled_on_the_header() {
    let text = treaty(TREATY, "");
    let report = assess(&text);
    let umbrella = report
        .gaps
        .iter()
        .find(|g| g.code == "NO_NUCLEAR_UMBRELLA")
        .unwrap();
    assert_eq!(&text[umbrella.span.start..umbrella.span.end], "treaty t");
    assert!(umbrella.help.contains("deter"));
}

#[test]
fn the_weakening_qualifiers() {
    let text = treaty(
        POLITICAL,
        "  provide UK -> UA military-aid subject-to-funding conditional-on-reforms\n  trigger aggression against UA at-request neutrality-carveout {\n    consult UK, UA within 24 hours where-possible\n    seek UK action by un-security-council for UA\n  }",
    );
    let codes = gaps(&text);
    for code in [
        "FUNDING_CONDITIONAL",
        "CONDITIONALITY_ON_BENEFICIARY",
        "CONDITIONAL_ON_REQUEST",
        "NEUTRALITY_CARVEOUT",
        "QUALIFIED_DEADLINE",
        "UNSC_DEPENDENT",
    ] {
        assert!(codes.contains(&code), "{code} in {codes:?}");
    }
}

#[test]
fn a_mutual_pact_is_not_one_sided() {
    let text = "treaty t {\n  form treaty\n  status in-force\n  members A, B\n  trigger armed-attack against any member {\n    indivisible\n    assist each member -> attacked with armed-force forthwith\n  }\n}\n";
    let codes = gaps(text);
    assert!(!codes.contains(&"ONE_SIDED"), "{codes:?}");
    assert!(!codes.contains(&"NO_ATTACK_ON_ALL"), "{codes:?}");
    assert!(gaps(&treaty(TREATY, "")).contains(&"ONE_SIDED"));
}
