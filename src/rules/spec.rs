//! The serde shape of a rule file (`RuleSpec`) and of the authorities file
//! (`AuthoritiesSpec`), decoded strictly: unknown keys are errors.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer};

/// How a metric's figures may change over time (DESIGN.md "Metric behaviours").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Behavior {
    /// One true value: all claims must agree (after the compiling period).
    Fixed,
    /// A running total that may only grow.
    Cumulative,
    /// An ordinal counting events: strictly increasing with date.
    Counter,
    /// A level that moves both ways: compared only within a window.
    Snapshot,
    /// A level that may only fall (hostages still held): compared within a
    /// window, where a fall is no disagreement.
    Declining,
}

impl Behavior {
    pub fn name(self) -> &'static str {
        match self {
            Behavior::Fixed => "fixed",
            Behavior::Cumulative => "cumulative",
            Behavior::Counter => "counter",
            Behavior::Snapshot => "snapshot",
            Behavior::Declining => "declining",
        }
    }
}

/// How serious a disagreement on a metric is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, serde::Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    #[default]
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Where context words are looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ContextScope {
    #[default]
    Sentence,
    Paragraph,
}

/// Words (regex fragments, case-insensitive, matched at the start of a
/// word) that must or must not appear around a figure.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContextSpec {
    /// At least one of these must appear.
    #[serde(default)]
    pub any: Vec<String>,
    /// Every one of these must appear.
    #[serde(default)]
    pub all: Vec<String>,
    /// None of these may appear.
    #[serde(default)]
    pub none: Vec<String>,
    /// None of these may appear in the figure's sentence up to the end of
    /// its clause: a cause told before a running total ("died of hunger …,
    /// raising the overall toll to 361") is the total's too, where `none`
    /// sees the total's clause alone.
    #[serde(default)]
    pub sentence_none: Vec<String>,
    /// None of these may be in a part of the figure, a figure after its
    /// "including" or "among them" read up to the next comma or figure:
    /// "Nearly 20,000 have been killed, including 18,400 in Gaza and 1,200
    /// in Israel" is no count of Gaza's alone.
    #[serde(default)]
    pub parts_none: Vec<String>,
    /// The sentence (default) or its whole paragraph.
    #[serde(default)]
    pub scope: ContextScope,
    /// The `any` words may also be in the document's lede (its title,
    /// headline and first paragraph): an article names its place once,
    /// and a later paragraph says "More than 10,000 people are missing".
    #[serde(default)]
    pub lede: bool,
    /// When the `any` words come from the lede only, none of these may be
    /// in the figure's clause: a Gaza story's "1,200 people died in the
    /// attack on Israel" does not borrow "Gaza".
    #[serde(default)]
    pub lede_none: Vec<String>,
    /// A lede that names one of these too places no figure: in a story
    /// headlined "Israel widens strikes in Lebanon as Gaza talks stall",
    /// "Some 6,000 have been wounded" may be either front's.
    #[serde(default)]
    pub lede_unless: Vec<String>,
}

/// Whose figures a metric carries and how authorities relate.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttributionSpec {
    /// Authority assumed when a sentence names none.
    #[serde(default)]
    pub default: Option<String>,
    /// Different authorities may legitimately differ: their disagreement is
    /// a note, not an error.
    #[serde(default)]
    pub authorities_may_differ: bool,
    /// Authorities whose figures are never this metric's: a civil defence
    /// agency's "death toll" is that of the strike it dug out, not the war's.
    #[serde(default)]
    pub not_from: Vec<String>,
}

/// How a metric's claims name the single event they count (one strike,
/// one attack): claims are compared only with claims about the same one.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventSpec {
    /// Regexes (case-insensitive) whose group `event` holds the words
    /// naming the event; its first proper name is the event's name
    /// ("an airstrike on a house in Rafah" names Rafah).
    pub named: Vec<String>,
    /// Regexes of an event introduced without a name ("a drone strike
    /// killed two"): such a figure does not take the name of the event
    /// named before it.
    #[serde(default)]
    pub unnamed: Vec<String>,
    /// Places too broad to name one event ("a strike in Gaza" is one of
    /// many): such a name is passed over.
    #[serde(default)]
    pub broad: Vec<String>,
}

/// The expected outcome of an example.
#[derive(Debug, Clone, PartialEq)]
pub enum ExpectSpec {
    /// `expect: none`: the rule must stay silent.
    Nothing,
    Figure(FigureSpec),
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureSpec {
    pub value: f64,
    #[serde(default)]
    pub qualifier: Option<String>,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub as_of: Option<String>,
    #[serde(default)]
    pub attribution: Option<String>,
    /// The name of the event the figure is about (`event:` rules).
    #[serde(default)]
    pub event: Option<String>,
}

impl<'de> Deserialize<'de> for ExpectSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Word(String),
            Figure(FigureSpec),
        }
        match Raw::deserialize(d)? {
            Raw::Word(w) if w == "none" => Ok(ExpectSpec::Nothing),
            Raw::Word(w) => Err(serde::de::Error::custom(format!("expect: `{w}` is neither `none` nor a figure"))),
            Raw::Figure(f) => Ok(ExpectSpec::Figure(f)),
        }
    }
}

/// One of a rule's own tests.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExampleSpec {
    pub text: String,
    pub expect: ExpectSpec,
    /// The publication date the example is read with (for as-of checks).
    #[serde(default)]
    pub published: Option<String>,
}

/// A rule file as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    pub id: String,
    pub metric: String,
    pub description: String,
    #[serde(default)]
    pub unit: Option<String>,
    pub behavior: Behavior,
    /// Relative tolerance added to every interval (default 0).
    #[serde(default)]
    pub tolerance: f64,
    #[serde(default)]
    pub severity: Severity,
    /// The date of the event a fixed metric counts.
    #[serde(default)]
    pub event_date: Option<String>,
    /// The first day the metric counts (`2023-10-07`): a figure dated
    /// before it is another period's, as an archive's 2014 war toll is.
    #[serde(default)]
    pub since: Option<String>,
    /// Days after the event during which counts may still rise (`14 days`).
    #[serde(default)]
    pub compiling: Option<String>,
    /// Claims this close in as-of date compare as one day (cumulative).
    #[serde(default)]
    pub same_day: Option<String>,
    /// Claims this close are about the same event (counter).
    #[serde(default)]
    pub event_window: Option<String>,
    /// Claims further apart than this are not compared (snapshot).
    #[serde(default)]
    pub window: Option<String>,
    /// How far before its as-of date a claim may quote a dataset report.
    #[serde(default)]
    pub lag: Option<String>,
    /// Quantity kinds `{q}` accepts unless the pattern says `{q:kind}`.
    #[serde(default)]
    pub kinds: Vec<String>,
    pub patterns: Vec<String>,
    #[serde(default)]
    pub context: ContextSpec,
    #[serde(default)]
    pub scope: BTreeMap<String, String>,
    /// Metrics this one is part of: its figures may not exceed theirs.
    #[serde(default)]
    pub part_of: Vec<String>,
    /// The metric counts single events, named as this says.
    #[serde(default)]
    pub event: Option<EventSpec>,
    #[serde(default)]
    pub attribution: AttributionSpec,
    /// Groups that some sources count and others leave out: figures that
    /// differ by one are the same count, told apart by definition.
    #[serde(default)]
    pub variants: Vec<VariantSpec>,
    #[serde(default)]
    pub examples: Vec<ExampleSpec>,
}

/// A group some sources count in a metric and others leave out: the four
/// captives held in Gaza since 2014 and 2015, in the count of hostages held.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct VariantSpec {
    /// How many the group adds.
    pub offset: f64,
    /// Who they are, as a finding names them: "the four held since 2014 and 2015".
    pub group: String,
}

/// An authority and the names it goes by.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthoritySpec {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Names that stand for it only as the speaker of a statement: a
    /// seat of government, as in "Tel Aviv says" (not "rockets hit Tel Aviv").
    #[serde(default)]
    pub speakers: Vec<String>,
}

/// `authorities.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthoritiesSpec {
    pub authorities: Vec<AuthoritySpec>,
}
