use pest::Parser;
use treaty::syntax::{Rule, TreatyParser};
fn main() {
    let text = std::env::args().nth(1).unwrap();
    match TreatyParser::parse(Rule::probe_treaty_item, &text) {
        Ok(p) => println!("ok {:?}", p),
        Err(e) => println!("{:?}\n{}", e.variant, e),
    }
}
