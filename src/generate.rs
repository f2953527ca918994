//! A deterministic generator of treaty files for benchmarks and tests: realistic
//! treaties of varied size built from the example corpus's constructs, and, on request,
//! broken ones. The same seed always gives the same text. It only writes text; it must
//! not check what it writes (its tests do, through the pipeline).

/// Clause lines a generated treaty draws from (all valid with the parties below).
const STANDING: &[&str] = &[
    "  provide G -> B military-aid [air-defence, artillery], training GBP 2.5 billion per year",
    "  provide G -> B intelligence, cyber-defence\n    subject-to-funding \"subject to appropriations\"",
    "  provide G -> B reconstruction, economic-assistance source \"post-war reconstruction\"",
    "  establish council \"Joint Council\"",
    "  station G forces in B size 5000 troops tripwire",
    "  deter G -> B with nuclear-forces",
    "  respect G independence, sovereignty, borders of B",
    "  refrain G from threat-or-use-of-force against B",
    "  monitor M mandate monitor in \"the contact line\"",
];

const RESPONSES: &[&str] = &[
    "    consult G, B within 24 hours",
    "    consult G, B immediately at-request",
    "    assist G -> attacked with armed-force forthwith as-deemed-necessary",
    "    assist G -> attacked with armed-force after consultation",
    "    act G constitutional-processes",
    "    provide G -> B security-assistance, military-equipment legal-requirements",
    "    seek G action by un-security-council for B immediately",
    "    indivisible",
];

const HEADERS: &[&str] = &[
    "  form treaty\n  status in-force\n  ratification completed\n  duration indefinite\n  withdrawal notice 1 year after 20 years",
    "  form political\n  status signed\n  duration 10 years",
    "  form executive\n  status in-force\n  withdrawal notice 6 months",
    "  form declaration\n  status signed",
    "  form treaty\n  status draft\n  ratification required",
];

const BROKEN: &[&str] = &[
    "  duration banana",
    "  consult G, B within soon",
    "  provide G -> X training",
    "  consultt G, B",
    "  title \"never closed",
    "  signed 2023-02-29",
];

/// A small xorshift generator: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// `count` treaties in one text. With `broken`, about one treaty in four has a
/// syntax or model error.
pub fn treaties(seed: u64, count: usize, broken: bool) -> String {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut out = String::with_capacity(count * 900);
    for index in 0..count {
        out.push_str(&format!(
            "// generated treaty {index}\ntreaty t{index} {{\n"
        ));
        out.push_str(&format!(
            "  title \"Generated treaty {index}\"\n  signed 2024-01-12\n"
        ));
        out.push_str(rng.pick(HEADERS));
        out.push_str("\n\n  party G \"Guarantor\" guarantor\n  party B \"Beneficiary\" beneficiary\n  party M \"Monitor\" mediator\n  party A \"Adversary\" adversary\n\n");
        for _ in 0..(1 + rng.next() % 5) {
            out.push_str(rng.pick(STANDING));
            out.push('\n');
        }
        out.push_str("\n  trigger armed-attack against B {\n");
        for _ in 0..(1 + rng.next() % 4) {
            out.push_str(rng.pick(RESPONSES));
            out.push('\n');
        }
        out.push_str("  }\n");
        if broken && rng.next() % 4 == 0 {
            out.push_str(rng.pick(BROKEN));
            out.push('\n');
        }
        out.push_str("}\n\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::model_of;
    use crate::diagnostics::Severity;

    #[test]
    fn same_seed_same_text() {
        assert_eq!(treaties(7, 20, true), treaties(7, 20, true));
        assert_ne!(treaties(7, 20, true), treaties(8, 20, true));
    }

    #[test]
    fn valid_corpora_have_no_errors_and_broken_ones_do() {
        let (model, diagnostics) = model_of(&treaties(1, 50, false));
        assert_eq!(model.treaties.len(), 50);
        assert!(
            diagnostics.iter().all(|d| d.severity != Severity::Error),
            "{diagnostics:#?}"
        );
        let (_, diagnostics) = model_of(&treaties(1, 50, true));
        assert!(diagnostics.iter().any(|d| d.severity == Severity::Error));
    }
}
