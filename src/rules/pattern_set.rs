//! Which rule patterns match a masked sentence, read outward from each
//! figure.
//!
//! Every pattern binds one figure: `before {q} after`. A set of all the
//! patterns searched unanchored over a sentence carries every pattern's
//! every possible start at once, and its lazy DFA grows states whose
//! tables no longer fit the processor's caches (about 25 ns a byte on the
//! scale corpus). Here each pattern is split at its slot: from each figure
//! marker the `after` parts are searched forward and the `before` parts
//! backward, both anchored at the marker, so a search reads only as far as
//! some pattern's words still fit (on the scale corpus 64 bytes a walk on
//! average, most of it for a few parts that end in a window,
//! `[^.;]{0,80}?`, next to the figure). A pattern matches the sentence
//! when both its parts match at one marker. The walks read wide windows
//! unbounded (see `widened`), so the set may also report a pattern that
//! only its windows keep from matching; the caller's search with the
//! pattern itself drops it. In a text of many figures, a walk that
//! comes to the state an earlier walk was in at the same place takes what
//! that one found from there (`Trail`). A pattern whose
//! slot cannot be split off (inside a group or an alternative, or after an
//! inline flag that reaches past it) is searched as before, in a set of
//! its own.

use std::borrow::Cow;
use std::sync::OnceLock;

use super::compile::markers;
use fixedbitset::FixedBitSet;
use regex::bytes::RegexSet;
use regex_automata::hybrid::CacheError;
use regex_automata::hybrid::LazyStateID;
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson;
use regex_automata::util::pool::Pool;
use regex_automata::{Anchored, Input, MatchError, MatchKind};
use regex_syntax::ast::{self, Ast};
use regex_syntax::hir::translate;
use regex_syntax::hir::{Capture, Hir, HirKind, Repetition};

/// How much memory each lazy DFA may hold for its states.
const CACHE_CAPACITY: usize = 8 << 20;

/// The part of a pattern before its figure's slot and the part after, each
/// a regex of its own with the pattern's flags, or empty where the pattern
/// starts or ends with its slot.
#[derive(Debug, Clone)]
pub struct Parts {
    pub before: String,
    pub after: String,
    /// Both parts read without Unicode (`(?-u)`), and so does the whole
    /// pattern: it is made of them and a marker.
    pub ascii: bool,
    /// Each part as the walks read it (flags applied, `widened`), `None`
    /// where it is empty: kept for the pattern set to be built from, then
    /// released, as the default pack's parts hold some 16 MB of them.
    hirs: Option<[Option<Hir>; 2]>,
}

impl Parts {
    /// `before` and `after`, the pattern's text on either side of `{q}`,
    /// if matching them apart at a marker is matching the whole: each must
    /// parse alone, and neither may be an alternation at its top level or
    /// set a flag there (either would reach across the slot). Each is
    /// read once, case-insensitive, without Unicode where both allow it.
    pub fn split(before: &str, after: &str) -> Option<Parts> {
        let ast = |part: &str| {
            let parsed = ast::parse::Parser::new().parse(part).ok()?;
            let top_level_ok = match &parsed {
                Ast::Alternation(_) | Ast::Flags(_) => false,
                Ast::Concat(c) => !c.asts.iter().any(|a| matches!(a, Ast::Flags(_))),
                _ => true,
            };
            top_level_ok.then_some(parsed)
        };
        let asts = [ast(before)?, ast(after)?];
        let texts = [before, after];
        let hir = |k: usize, unicode: bool| {
            translate::TranslatorBuilder::new()
                .utf8(false)
                .unicode(unicode)
                .case_insensitive(true)
                .build()
                .translate(texts[k], &asts[k])
                .ok()
        };
        let (ascii, [b, a]) = match (hir(0, false), hir(1, false)) {
            (Some(b), Some(a)) => (true, [b, a]),
            _ => (false, [hir(0, true)?, hir(1, true)?]),
        };
        let flags = if ascii { "(?-u)(?i)" } else { "(?i)" };
        // A part that matches the empty string and asserts nothing
        // ("(?: [^,;.]*)?") matches at every marker: it is left out, so
        // that a walk need not carry it as far as it could reach.
        let kept = |text: &str, hir: Hir| {
            let always = hir.properties().minimum_len() == Some(0) && hir.properties().look_set().is_empty();
            if always { (String::new(), None) } else { (format!("{flags}{text}"), Some(widened(hir))) }
        };
        let ((before, before_hir), (after, after_hir)) = (kept(before, b), kept(after, a));
        Some(Parts { before, after, ascii, hirs: Some([before_hir, after_hir]) })
    }

    /// Each part as the walks read it: as read when split, lent, or, once
    /// released, read again from its text.
    fn hirs(&self) -> Result<[Option<Cow<'_, Hir>>; 2], String> {
        if let Some([before, after]) = &self.hirs {
            return Ok([before.as_ref().map(Cow::Borrowed), after.as_ref().map(Cow::Borrowed)]);
        }
        let read = |text: &str| -> Result<Option<Cow<'_, Hir>>, String> {
            if text.is_empty() {
                return Ok(None);
            }
            let hir = regex_syntax::ParserBuilder::new().utf8(false).build().parse(text).map_err(|e| e.to_string())?;
            Ok(Some(Cow::Owned(widened(hir))))
        };
        Ok([read(&self.before)?, read(&self.after)?])
    }

    /// Drop the parts as read, once the pattern set is built from them.
    pub fn release(&mut self) {
        self.hirs = None;
    }
}

type CacheMaker = Box<dyn Fn() -> Caches + Send + Sync + std::panic::RefUnwindSafe + std::panic::UnwindSafe>;

struct Caches {
    forward: Option<Walker>,
    reverse: Option<Walker>,
    /// A search's patterns found and still wanted, kept between searches.
    found: Bits,
    wanted: Bits,
}

/// Per match state of one lazy DFA: the split patterns it matches, as
/// bits. A walk meets the same few match states over and over; reading
/// their patterns from the state each time was most of a walk's cost.
#[derive(Default)]
struct Memo {
    /// The cache's clear count the states are from: a cleared cache
    /// numbers its states anew.
    clears: usize,
    bits: foldhash::HashMap<LazyStateID, Bits>,
}

impl Memo {
    fn of(&mut self, side: &Side, dfa: &DFA, cache: &Cache, sid: LazyStateID) -> &Bits {
        if cache.clear_count() != self.clears {
            self.clears = cache.clear_count();
            self.bits.clear();
        }
        self.bits.entry(sid).or_insert_with(|| {
            let mut bits = Bits::with_capacity(side.always.len());
            for i in 0..dfa.match_len(cache, sid) {
                bits.insert(side.owner[dfa.match_pattern(cache, sid, i).as_usize()]);
            }
            bits
        })
    }
}

/// A set of split patterns, one bit each.
type Bits = FixedBitSet;

/// How many figures a text needs for its walks to keep a trail (`Trail`).
const TRAIL_FROM: usize = 4;

/// How many walks of a text keep a trail before it is given up for the
/// rest of the text unless meeting it spared the walks more steps than
/// they recorded: walks that carry different words of different patterns
/// far along meet late, if at all, and recording then only costs them.
const TRAIL_TRIAL: u32 = 6;

/// What one side's walks keep: the lazy DFA's cache, its match states'
/// patterns, and where the walks over the text searched last went.
struct Walker {
    cache: Cache,
    memo: Memo,
    trail: Trail,
}

impl Walker {
    fn new(dfa: &DFA, patterns: usize) -> Walker {
        let met = Bits::with_capacity(patterns);
        let blocks = met.as_slice().len();
        let trail = Trail {
            on: false,
            generation: 0,
            clears: 0,
            states: Vec::new(),
            tails: Vec::new(),
            walks: 0,
            recorded: 0,
            spared: 0,
            blocks,
            path: Vec::new(),
            met,
        };
        Walker { cache: dfa.create_cache(), memo: Memo::default(), trail }
    }
}

/// Per place in the text searched last, the state a walk was in there and
/// the patterns every walk goes on to match from that state there. The
/// walks from a sentence's figures meet, most soon after the next figure,
/// and read alike from there on: a walk that comes to an earlier one's
/// state at the same place takes what that one went on to find and stops.
/// Without it a sentence was read once per figure: a 2 KB run of 300
/// figures 300 times over.
struct Trail {
    /// Whether walks of the text searched now keep a trail: only those of
    /// a text with many figures gain more from it than it costs them.
    on: bool,
    /// The text and cache numbering the entries are of: an entry of an
    /// earlier generation is none.
    generation: u32,
    clears: usize,
    /// Per place: the generation, the state, the entry of `tails` holding
    /// what walks go on to match from there, and where the walk ended.
    states: Vec<Option<(u32, LazyStateID, u32, u32)>>,
    /// `Bits` of `blocks` blocks each, one for every change of what walks
    /// went on to match: a walk's places share a few.
    tails: Vec<fixedbitset::Block>,
    blocks: usize,
    /// Walks of this text that kept the trail, the steps they recorded,
    /// and the steps they were spared by meeting it.
    walks: u32,
    recorded: usize,
    spared: usize,
    /// The walk under way, place by place.
    path: Vec<LazyStateID>,
    /// What a walk goes on to match, as it is recorded.
    met: Bits,
}

impl Trail {
    /// Forget every walk: a new text of `len` bytes, or a cache that
    /// numbers its states anew (`clears`).
    fn restart(&mut self, len: usize, clears: usize) {
        self.on = true;
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            self.states.fill(None);
            self.generation = 1;
        }
        self.clears = clears;
        (self.walks, self.recorded, self.spared) = (0, 0, 0);
        self.tails.clear();
        if self.states.len() <= len {
            self.states.resize(len + 1, None);
        }
    }

    /// Whether a walk in state `sid` at `place` is where an earlier one was.
    fn meets(&self, place: usize, sid: LazyStateID, cache: &Cache) -> bool {
        matches!(self.states[place], Some((generation, s, _, _)) if s == sid && generation == self.generation)
            && cache.clear_count() == self.clears
    }

    /// `met` set to what walks go on to match from `place`.
    fn take_tail(&mut self, place: usize) {
        let (tail, end) = self.states[place].map_or((0, place), |(_, _, tail, end)| (tail as usize, end as usize));
        self.spared += end.abs_diff(place);
        let at = tail * self.blocks;
        self.met.as_mut_slice().copy_from_slice(&self.tails[at..at + self.blocks]);
    }

    /// `met` kept as a tail; its entry.
    fn keep_met(&mut self) -> u32 {
        let entry = self.tails.len() / self.blocks;
        self.tails.extend_from_slice(self.met.as_slice());
        entry as u32
    }
}

/// How many more repeats than its least a bounded repeat may allow and
/// still be walked as written; a wider one is walked unbounded.
const WINDOW_KEPT: u32 = 8;

/// `hir` with every wide bounded repeat (`[^.;]{0,80}?`) unbounded. Each
/// place inside such a window is a state of its own, in every combination
/// with the other parts' places: walked as written, the lazy DFAs' tables
/// grew to twice or four times a core's L2 cache and each step of a walk
/// missed it. Unbounded, a part matches more than it would: the set then
/// reports patterns that do not match, which their own search drops.
fn widened(hir: Hir) -> Hir {
    match hir.into_kind() {
        HirKind::Repetition(r) => {
            let max = r.max.filter(|&max| max - r.min <= WINDOW_KEPT);
            Hir::repetition(Repetition { max, sub: Box::new(widened(*r.sub)), ..r })
        }
        HirKind::Capture(c) => Hir::capture(Capture { sub: Box::new(widened(*c.sub)), ..c }),
        HirKind::Concat(v) => Hir::concat(v.into_iter().map(widened).collect()),
        HirKind::Alternation(v) => Hir::alternation(v.into_iter().map(widened).collect()),
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(l) => Hir::literal(l.0),
        HirKind::Class(c) => Hir::class(c),
        HirKind::Look(l) => Hir::look(l),
    }
}

/// One direction's parts in a lazy DFA: those that are not empty.
#[derive(Clone)]
struct Side {
    dfa: Option<DFA>,
    /// DFA pattern → split pattern.
    owner: Vec<usize>,
    /// The split patterns whose part here is empty: they match at every marker.
    always: Bits,
}

impl Side {
    /// `parts`: each split pattern's part on this side as the walks read
    /// it, `None` where it is empty.
    fn new(parts: &[Option<Cow<'_, Hir>>], reverse: bool) -> Result<Side, String> {
        let mut always = Bits::with_capacity(parts.len());
        let (mut owner, mut hirs) = (Vec::new(), Vec::new());
        for (i, p) in parts.iter().enumerate() {
            match p {
                None => always.insert(i),
                Some(hir) => {
                    owner.push(i);
                    hirs.push(hir.as_ref());
                }
            }
        }
        let dfa = if hirs.is_empty() {
            None
        } else {
            let nfa = thompson::Compiler::new()
                .configure(
                    thompson::Config::new().utf8(false).reverse(reverse).which_captures(thompson::WhichCaptures::None),
                )
                .build_many_from_hir(&hirs)
                .map_err(|e| e.to_string())?;
            let dfa = DFA::builder()
                .configure(DFA::config().match_kind(MatchKind::All).cache_capacity(CACHE_CAPACITY))
                .build_from_nfa(nfa)
                .map_err(|e| e.to_string())?;
            Some(dfa)
        };
        Ok(Side { dfa, owner, always })
    }

    /// Walk from `at`, anchored (see `walk`), telling `seen` the split
    /// patterns each match state on the way matches; `seen` returns true
    /// to stop.
    fn walk(
        &self,
        walker: Option<&mut Walker>,
        text: &[u8],
        at: usize,
        reverse: bool,
        seen: impl FnMut(&Bits) -> bool,
    ) -> Result<(), MatchError> {
        match (&self.dfa, walker) {
            (Some(dfa), Some(walker)) => walk(self, dfa, walker, text, at, reverse, seen),
            _ => Ok(()),
        }
    }
}

/// The split patterns' parts: after the slot, forward; before it, in reverse.
struct Split {
    forward: Side,
    reverse: Side,
    /// Split pattern → index in the whole set.
    index: Vec<usize>,
    caches: Pool<Caches, CacheMaker>,
}

impl Split {
    fn new(forward: Side, reverse: Side, index: Vec<usize>) -> Split {
        let (f, r, n) = (forward.dfa.clone(), reverse.dfa.clone(), index.len());
        let make: CacheMaker = Box::new(move || Caches {
            forward: f.as_ref().map(|d| Walker::new(d, n)),
            reverse: r.as_ref().map(|d| Walker::new(d, n)),
            found: Bits::with_capacity(n),
            wanted: Bits::with_capacity(n),
        });
        Split { forward, reverse, index, caches: Pool::new(make) }
    }

    /// Push the set indices of the split patterns matching in `text`,
    /// their wide windows unbounded (see `widened`).
    fn matches(&self, text: &[u8], out: &mut Vec<usize>) -> Result<(), MatchError> {
        let mut caches = self.caches.get();
        let Caches { forward, reverse, found, wanted } = &mut *caches;
        found.clear();
        for w in [&mut *forward, &mut *reverse].into_iter().flatten() {
            w.trail.on = false;
        }
        // Per marker: the patterns whose `after` matches and are not yet
        // found, then those of them whose `before` matches too.
        for (k, (start, end)) in markers(text).enumerate() {
            // From the text's `TRAIL_FROM`th figure on, the walks back keep
            // a trail. Forward ones gain as much only where figures stand
            // bare; where each figure comes with words (a list of "12 of the
            // 250 hostages"), they meet late and the trail cost them a tenth
            // more than it spared.
            if k + 1 == TRAIL_FROM
                && let Some(w) = reverse.as_mut()
            {
                w.trail.restart(text.len(), w.cache.clear_count());
            }
            wanted.as_mut_slice().copy_from_slice(self.forward.always.as_slice());
            self.forward.walk(forward.as_mut(), text, end, false, |bits| {
                wanted.union_with(bits);
                false
            })?;
            let mut left = 0;
            for ((w, f), b) in
                wanted.as_mut_slice().iter_mut().zip(found.as_mut_slice()).zip(self.reverse.always.as_slice())
            {
                *w &= !*f;
                *f |= *w & b;
                *w &= !b;
                left += w.count_ones();
            }
            if left == 0 {
                continue;
            }
            self.reverse.walk(reverse.as_mut(), text, start, true, |bits| {
                for ((w, f), b) in wanted.as_mut_slice().iter_mut().zip(found.as_mut_slice()).zip(bits.as_slice()) {
                    let new = *w & b;
                    *f |= new;
                    *w &= !new;
                    left -= new.count_ones();
                }
                left == 0
            })?;
        }
        out.extend(found.ones().map(|p| self.index[p]));
        Ok(())
    }
}

/// All patterns of a rule pack, in one set, indices in pack order.
pub struct PatternSet {
    /// Every pattern's whole regex.
    sources: Vec<String>,
    /// All of them in one set, built only if a split search fails.
    all: OnceLock<Option<RegexSet>>,
    split: Option<Split>,
    /// Patterns that are not split, and their indices in the whole set.
    whole: Option<(RegexSet, Vec<usize>)>,
}

impl std::fmt::Debug for PatternSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PatternSet")
            .field("len", &self.sources.len())
            .field("split", &self.split.as_ref().map_or(0, |s| s.index.len()))
            .finish_non_exhaustive()
    }
}

/// A copy learns its lazy-DFA states afresh, as a `RegexSet`'s copy does.
impl Clone for PatternSet {
    fn clone(&self) -> Self {
        PatternSet {
            sources: self.sources.clone(),
            all: OnceLock::new(),
            split: self.split.as_ref().map(|s| Split::new(s.forward.clone(), s.reverse.clone(), s.index.clone())),
            whole: self.whole.clone(),
        }
    }
}

impl PatternSet {
    /// `patterns`: each pattern's whole regex and, where it splits, its parts.
    pub fn new(patterns: &[(&str, Option<&Parts>)]) -> Result<PatternSet, String> {
        let (mut index, mut befores, mut afters, mut rest) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (i, (whole, parts)) in patterns.iter().enumerate() {
            match parts {
                Some(p) => {
                    let [before, after] = p.hirs()?;
                    index.push(i);
                    befores.push(before);
                    afters.push(after);
                }
                None => rest.push((i, *whole)),
            }
        }
        // A lazy DFA cannot take every pattern the regex crate can (a
        // Unicode word boundary): then all are searched whole.
        let split = match (Side::new(&afters, false), Side::new(&befores, true)) {
            (Ok(forward), Ok(reverse)) if !index.is_empty() => Some(Split::new(forward, reverse, index)),
            _ => {
                rest = patterns.iter().enumerate().map(|(i, (whole, _))| (i, *whole)).collect();
                None
            }
        };
        let whole = if rest.is_empty() {
            None
        } else {
            let set = regex::bytes::RegexSetBuilder::new(rest.iter().map(|(_, p)| p))
                .dfa_size_limit(32 << 20)
                .build()
                .map_err(|e| e.to_string())?;
            Some((set, rest.into_iter().map(|(i, _)| i).collect()))
        };
        let sources = patterns.iter().map(|(p, _)| p.to_string()).collect();
        Ok(PatternSet { sources, all: OnceLock::new(), split, whole })
    }

    /// The patterns that match somewhere in `text`, ascending, and perhaps
    /// a few that would match only with their wide windows unbounded.
    pub fn matches(&self, text: &[u8]) -> Vec<usize> {
        let mut out = Vec::new();
        if let Some((set, index)) = &self.whole {
            out.extend(set.matches(text).iter().map(|i| index[i]));
        }
        if let Some(split) = &self.split
            && split.matches(text, &mut out).is_err()
        {
            // The lazy DFAs are built not to give up; were one to, the
            // patterns are searched whole rather than missed.
            let all = self.all.get_or_init(|| {
                regex::bytes::RegexSetBuilder::new(&self.sources).dfa_size_limit(32 << 20).build().ok()
            });
            out = match all {
                Some(set) => set.matches(text).into_iter().collect(),
                None => Vec::new(),
            };
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Walk `side`'s `dfa` from `at`, anchored, forward to the end of `text`
/// or backward to its start (`reverse`), until it can match no more or
/// meets the trail of an earlier walk (`Trail`); `seen` is told the
/// patterns of each match state on the way (a state met twice in a row,
/// once), or at once all those the met walk went on to match, and returns
/// true to stop the walk.
fn walk(
    side: &Side,
    dfa: &DFA,
    walker: &mut Walker,
    text: &[u8],
    at: usize,
    reverse: bool,
    mut seen: impl FnMut(&Bits) -> bool,
) -> Result<(), MatchError> {
    let input = if reverse { Input::new(text).range(..at) } else { Input::new(text).range(at..) };
    let input = input.anchored(Anchored::Yes);
    let sid = match reverse {
        true => dfa.start_state_reverse(&mut walker.cache, &input)?,
        false => dfa.start_state_forward(&mut walker.cache, &input)?,
    };
    let trail = &mut walker.trail;
    if trail.on {
        trail.walks += 1;
        trail.on = trail.walks <= TRAIL_TRIAL || trail.spared > trail.recorded;
    }
    // A place is the boundary a walk has just crossed: forward, after the
    // byte read; backward, before it.
    match (walker.trail.on, reverse) {
        (false, true) => walk_bytes(side, dfa, walker, sid, text[..at].iter().rev().copied(), &mut seen),
        (false, false) => walk_bytes(side, dfa, walker, sid, text[at..].iter().copied(), &mut seen),
        (true, true) => walk_trailed(side, dfa, walker, sid, (0..at).rev().map(|i| (i, text[i])), reverse, &mut seen),
        (true, false) => {
            let steps = (at..text.len()).map(|i| (i + 1, text[i]));
            walk_trailed(side, dfa, walker, sid, steps, reverse, &mut seen)
        }
    }
    .map_err(|_| MatchError::gave_up(at))
}

/// The place `steps` steps on from `first`, a walk's first step's place.
fn first_place_after(first: usize, steps: usize, reverse: bool) -> usize {
    if reverse { first.saturating_sub(steps) } else { first + steps }
}

/// Whether a match state is other than the last one reported: a cleared
/// cache numbers its states anew.
fn fresh_states() -> impl FnMut(LazyStateID, &Cache) -> bool {
    let mut last = None;
    move |sid, cache| {
        let now = Some((sid, cache.clear_count()));
        last != now && {
            last = now;
            true
        }
    }
}

/// Walk `bytes` from `sid`, telling `seen` the patterns of each match
/// state on the way (a state met twice in a row, once), until it returns
/// true or the walk can match no more.
fn walk_bytes(
    side: &Side,
    dfa: &DFA,
    walker: &mut Walker,
    mut sid: LazyStateID,
    bytes: impl Iterator<Item = u8>,
    seen: &mut impl FnMut(&Bits) -> bool,
) -> Result<(), CacheError> {
    let Walker { cache, memo, .. } = walker;
    let mut fresh = fresh_states();
    for b in bytes {
        sid = dfa.next_state(cache, sid, b)?;
        if sid.is_tagged() {
            if sid.is_dead() || sid.is_quit() {
                return Ok(());
            }
            if sid.is_match() && fresh(sid, cache) && seen(memo.of(side, dfa, cache, sid)) {
                return Ok(());
            }
        }
    }
    sid = dfa.next_eoi_state(cache, sid)?;
    if sid.is_match() && fresh(sid, cache) {
        seen(memo.of(side, dfa, cache, sid));
    }
    Ok(())
}

/// `walk_bytes` over `steps` (place, byte), keeping the trail: a walk that
/// meets an earlier one's state at the same place is told at once all that
/// one went on to match, and stops; one that ran to its end leaves, for
/// the walks after it, its state at each place and what it matched from there.
fn walk_trailed(
    side: &Side,
    dfa: &DFA,
    walker: &mut Walker,
    mut sid: LazyStateID,
    steps: impl Iterator<Item = (usize, u8)>,
    reverse: bool,
    seen: &mut impl FnMut(&Bits) -> bool,
) -> Result<(), CacheError> {
    let Walker { cache, memo, trail } = walker;
    let mut fresh = fresh_states();
    trail.path.clear();
    // The place of the walk's first step, and where it met an earlier walk.
    let (mut first, mut met, mut dead) = (None, None, false);
    for (place, b) in steps {
        sid = dfa.next_state(cache, sid, b)?;
        if trail.meets(place, sid, cache) {
            met = Some(place);
            break;
        }
        first.get_or_insert(place);
        if sid.is_tagged() {
            if sid.is_dead() || sid.is_quit() {
                dead = true;
                break;
            }
            if sid.is_match() && fresh(sid, cache) && seen(memo.of(side, dfa, cache, sid)) {
                // Stopped short: what lies beyond is not known, and not recorded.
                return Ok(());
            }
        }
        trail.path.push(sid);
    }
    match met {
        Some(place) => {
            trail.take_tail(place);
            seen(&trail.met);
        }
        None if dead => trail.met.clear(),
        None => {
            trail.met.clear();
            let eoi = dfa.next_eoi_state(cache, sid)?;
            if eoi.is_match() {
                let bits = memo.of(side, dfa, cache, eoi);
                trail.met.union_with(bits);
                if fresh(eoi, cache) {
                    seen(bits);
                }
            }
        }
    }
    // States numbered before a clearing name other states after it.
    if cache.clear_count() != trail.clears {
        trail.restart(trail.states.len() - 1, cache.clear_count());
        return Ok(());
    }
    let Some(first) = first else { return Ok(()) };
    // Back from the walk's end: each place's tail is its state's patterns
    // and those of every place after it.
    let mut tail = trail.keep_met();
    let mut prev = None;
    // Where this walk ended, or the walk it met did.
    let end = match met {
        Some(place) => trail.states[place].map_or(place, |(_, _, _, end)| end as usize),
        None => first_place_after(first, trail.path.len(), reverse),
    } as u32;
    trail.recorded += trail.path.len();
    for k in (0..trail.path.len()).rev() {
        let (sid, place) = (trail.path[k], if reverse { first - k } else { first + k });
        if sid.is_match() && prev != Some(sid) {
            let bits = memo.of(side, dfa, cache, sid);
            if !bits.is_subset(&trail.met) {
                trail.met.union_with(bits);
                tail = trail.keep_met();
            }
        }
        prev = Some(sid);
        trail.states[place] = Some((trail.generation, sid, tail, end));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use super::*;
    use crate::rules::RulePack;
    use crate::rules::compile::{CLOSE, CLOSE_BYTES, OPEN, OPEN_BYTES};

    /// `text` with each run of digits as the figure marker the extractor
    /// writes.
    fn masked(text: &str) -> String {
        let digits = regex::Regex::new(r"[0-9](?:[0-9,.]*[0-9])?").unwrap();
        let mut k = 0;
        digits
            .replace_all(text, |_: &regex::Captures| {
                k += 1;
                format!("{OPEN}{}{CLOSE}", k - 1)
            })
            .into_owned()
    }

    static PACK: LazyLock<RulePack> = LazyLock::new(RulePack::default_pack);

    /// The default pack's patterns in one `RegexSet`: what the split set must find.
    static WHOLE: LazyLock<RegexSet> = LazyLock::new(|| {
        let patterns = PACK.rules.iter().flat_map(|r| r.patterns.iter()).map(|p| p.expanded.as_str());
        regex::bytes::RegexSetBuilder::new(patterns).dfa_size_limit(32 << 20).build().unwrap()
    });

    /// The same whole patterns with their wide windows unbounded: what
    /// the split set finds, exactly.
    static WIDENED: LazyLock<regex_automata::meta::Regex> = LazyLock::new(|| {
        let parser = || regex_syntax::ParserBuilder::new().utf8(false).build();
        let hirs: Vec<Hir> = PACK
            .rules
            .iter()
            .flat_map(|r| r.patterns.iter())
            .map(|p| widened(parser().parse(&p.expanded).unwrap()))
            .collect();
        regex_automata::meta::Regex::builder()
            .configure(regex_automata::meta::Config::new().match_kind(MatchKind::All).utf8_empty(false))
            .build_many_from_hir(&hirs)
            .unwrap()
    });

    /// The split set finds every pattern that matches (those of `WHOLE`),
    /// and besides them only patterns that match with their windows
    /// unbounded: exactly those of `WIDENED`.
    fn agree(text: &str) -> Vec<usize> {
        let split = PACK.set.matches(text.as_bytes());
        let whole: Vec<usize> = WHOLE.matches(text.as_bytes()).into_iter().collect();
        assert!(whole.iter().all(|p| split.contains(p)), "{text:?}: {whole:?} not all in {split:?}");
        let mut unbounded = regex_automata::PatternSet::new(WIDENED.pattern_len());
        WIDENED.which_overlapping_matches(&Input::new(text.as_bytes()), &mut unbounded);
        let unbounded: Vec<usize> = unbounded.iter().map(|p| p.as_usize()).collect();
        assert_eq!(split, unbounded, "{text:?}");
        whole
    }

    #[test]
    fn only_wide_windows_are_unbounded() {
        let parse = |r: &str| regex_syntax::ParserBuilder::new().utf8(false).build().parse(r).unwrap();
        assert_eq!(widened(parse("toll[^.;]{0,80}? at")), parse("toll[^.;]*? at"));
        assert_eq!(widened(parse("(?:of (?:the )?x{2,40})")), parse("(?:of (?:the )?x{2,})"));
        assert_eq!(widened(parse("(?:[a-z]+ ){0,3}dead")), parse("(?:[a-z]+ ){0,3}dead"));
        assert_eq!(widened(parse("a{10}|(?P<q>b{1,9})")), parse("a{10}|(?P<q>b{1,9})"));
        // A sentence where the window is too short for the whole pattern:
        // the set reports it, and the pattern's own search drops it.
        let long = format!("the toll, which{} had, stood at 9 dead", " very".repeat(20));
        let text = masked(&long);
        let whole: Vec<usize> = WHOLE.matches(text.as_bytes()).into_iter().collect();
        let split = PACK.set.matches(text.as_bytes());
        assert!(split.len() > whole.len() && whole.iter().all(|p| split.contains(p)), "{split:?} against {whole:?}");
        assert_eq!(agree(&text), whole);
    }

    #[test]
    fn every_default_pattern_is_split() {
        let whole: Vec<&str> = PACK
            .rules
            .iter()
            .flat_map(|r| r.patterns.iter())
            .filter(|p| p.parts.is_none())
            .map(|p| p.source.as_str())
            .collect();
        assert_eq!(whole, Vec::<&str>::new());
        assert!(PACK.set.whole.is_none() && PACK.set.split.is_some());
    }

    #[test]
    fn a_slot_splits_only_where_it_stands_alone() {
        let split = |b: &str, a: &str| Parts::split(b, a).map(|p| (p.before, p.after));
        assert_eq!(split("killed ", " people"), Some(("(?-u)(?i)killed ".into(), "(?-u)(?i) people".into())));
        assert_eq!(split("", " hostages"), Some((String::new(), "(?-u)(?i) hostages".into())));
        assert_eq!(split("(?:^|: )", ""), Some(("(?-u)(?i)(?:^|: )".into(), String::new())));
        // A part that matches anywhere is no part; one that asserts something is.
        assert_eq!(split("(?:about )?", "(?: [^,;.]*)?"), Some((String::new(), String::new())));
        assert_eq!(split("", "(?: people)?\\b"), Some((String::new(), "(?-u)(?i)(?: people)?\\b".into())));
        // A class of characters beyond ASCII needs Unicode, for both parts.
        assert_eq!(split("said[”\"] ", " dead"), Some(("(?i)said[”\"] ".into(), "(?i) dead".into())));
        // Inside a group, in one branch of an alternation, after a flag.
        assert_eq!(split("(?:toll of ", ")"), None);
        assert_eq!(split("dead|toll of ", ""), None);
        assert_eq!(split("(?-i)Toll ", ""), None);
        assert_eq!(split("toll ", " (?s)dead"), None);
    }

    /// Each part is read once, where it is split: its HIR is the one its
    /// text with flags reads as, widened, and the whole pattern reads
    /// without Unicode exactly when both parts do.
    #[test]
    fn parts_are_read_as_their_text_reads() {
        let parser = || regex_syntax::ParserBuilder::new().utf8(false).build();
        let mut seen = 0;
        for assembled in PACK.rules.iter().flat_map(|r| r.patterns.iter()) {
            // The pack released its parts as read: split them afresh.
            assert!(assembled.parts.as_ref().is_some_and(|p| p.hirs.is_none()), "{}", assembled.source);
            let p = super::super::compile::compile_pattern(&assembled.source, &assembled.kinds, false).unwrap();
            let parts = p.parts.as_ref().expect("every default pattern splits");
            let hirs = parts.hirs.as_ref().expect("read when split");
            let mut released = parts.clone();
            released.release();
            let lent = |p: &Parts| p.hirs().unwrap().map(|h| h.map(Cow::into_owned));
            assert_eq!(&lent(parts), hirs);
            assert_eq!(&lent(&released), hirs, "{}", p.source);
            for (text, hir) in [(&parts.before, &hirs[0]), (&parts.after, &hirs[1])] {
                assert_eq!(text.is_empty(), hir.is_none(), "{}", p.source);
                if let Some(hir) = hir {
                    assert_eq!(&widened(parser().parse(text).unwrap()), hir, "{text}");
                    seen += 1;
                }
            }
            let whole_ascii = parser().parse(&format!("(?-u){}", p.expanded.trim_start_matches("(?-u)"))).is_ok();
            assert_eq!(parts.ascii, whole_ascii, "{}", p.source);
            assert_eq!(p.expanded.starts_with("(?-u)"), parts.ascii, "{}", p.source);
        }
        assert!(seen > 400, "{seen}");
    }

    #[test]
    fn the_split_set_finds_what_one_set_of_whole_patterns_finds() {
        // One example in eight (the rules' own tests run them all, split):
        // a set of every whole pattern is slow to search unoptimised.
        let examples = PACK.rules.iter().flat_map(|r| r.examples.iter()).step_by(8);
        let (mut tried, mut matched) = (0, 0);
        for example in examples {
            tried += 1;
            matched += usize::from(!agree(&masked(&example.text)).is_empty());
        }
        // Most examples are of a figure some pattern reads.
        assert!(tried > 100 && matched * 3 > tried * 2, "{matched} of {tried}");
        // A figure at either end, figures side by side, none at all.
        for text in ["1 killed", "killed 2", "3 4 5", "toll of 7 and 8", "", "no figure here", "\u{E000}9"] {
            agree(&masked(text));
        }
        agree(&format!("{OPEN}{CLOSE} killed, toll of {OPEN}x{CLOSE}"));
    }

    /// A sentence of many figures: the walks from them meet one another's
    /// trails, and find what walks that read on alone find.
    #[test]
    fn walks_that_meet_find_what_walks_alone_find() {
        let words =
            ["killed", "people", "hostages", "toll", "rose to", "of", "in Gaza", "dead", "at least", "were killed"];
        for gap in 1..=4 {
            let text: String = (0..120)
                .map(|k: usize| {
                    let said = (0..gap).map(|j| words[(k * 7 + j * 3) % words.len()]).collect::<Vec<_>>().join(" ");
                    format!("{said} {OPEN}{}{CLOSE} ", k % 10)
                })
                .collect();
            agree(&text);
            // The same with the sentence cut short: a walk from the last figure meets none.
            agree(&text[..text.len() / 2 + text[text.len() / 2..].find(' ').unwrap()]);
        }
        // Two searches of one text, and of texts of other lengths, one after another.
        let long = masked(&"12 killed and 30 hostages, a toll of 4 ".repeat(40));
        for text in [long.as_str(), "3 killed", long.as_str(), &long[..long.len() / 3], "toll of 4"] {
            agree(text);
        }
    }

    /// Walk by walk, on either side: a walk that meets the trail of those
    /// before it reports what it reports read on alone, what it would meet
    /// at the text's ends included.
    #[test]
    fn a_walk_that_meets_a_trail_finds_what_it_finds_alone() {
        let parts = [
            // Windows unbounded as written: the walks read them so.
            ("", "[^.;]*? killed\\b"),
            ("toll[^.;]*? of ", ""),
            ("^[^.;]*?", " dead"),
            ("killed ", " people"),
            ("", " hostages"),
        ]
        .map(|(before, after)| (format!("(?i){before}{OPEN}(?P<q>[0-9]+){CLOSE}{after}"), Parts::split(before, after)));
        let refs: Vec<(&str, Option<&Parts>)> = parts.iter().map(|(w, p)| (w.as_str(), p.as_ref())).collect();
        let set = PatternSet::new(&refs).unwrap();
        let split = set.split.as_ref().expect("split");
        let n = split.index.len();
        let list = (1..=30).map(|k| k.to_string()).collect::<Vec<_>>().join(", ");
        let texts = [
            format!("{list} killed"),
            format!("a toll of {list} dead"),
            format!("a toll of {list} hostages, 4 dead; killed 5 people and {list} killed in Gaza"),
        ]
        .map(|t| masked(&t));
        for (side, reverse) in [(&split.forward, false), (&split.reverse, true)] {
            let dfa = side.dfa.as_ref().expect("parts on both sides");
            for text in &texts {
                let (mut shared, mut alone) = (Walker::new(dfa, n), Walker::new(dfa, n));
                shared.trail.restart(text.len(), shared.cache.clear_count());
                let mut found = Bits::with_capacity(n);
                for (start, end) in markers(text.as_bytes()) {
                    let at = if reverse { start } else { end };
                    let read = |w: &mut Walker| {
                        let mut bits = Bits::with_capacity(n);
                        walk(side, dfa, w, text.as_bytes(), at, reverse, |b| {
                            bits.union_with(b);
                            false
                        })
                        .unwrap();
                        bits
                    };
                    let with_trail = read(&mut shared);
                    alone.trail.restart(text.len(), alone.cache.clear_count());
                    assert_eq!(with_trail, read(&mut alone), "reverse {reverse}, figure at {at} of {text:?}");
                    found.union_with(&with_trail);
                }
                assert!(found.count_ones(..) > 0, "reverse {reverse}: {text:?}");
            }
        }
        // And the set as a whole, against the patterns searched whole.
        for text in &texts {
            let whole = RegexSet::new(parts.iter().map(|(w, _)| w)).unwrap();
            let whole: Vec<usize> = whole.matches(text.as_bytes()).into_iter().collect();
            assert_eq!(set.matches(text.as_bytes()), whole, "{text:?}");
        }
    }

    #[test]
    fn patterns_that_do_not_split_are_searched_whole() {
        let pattern = |before: &str, after: &str| {
            let whole = format!("(?i){before}{OPEN}(?P<q>[0-9]+){CLOSE}{after}");
            let parts = Parts::split(before, after);
            (whole, parts)
        };
        let patterns = [pattern("killed ", " people"), pattern("(?:toll of ", "|dead)"), pattern("", " hostages")];
        assert!(patterns[1].1.is_none());
        let refs: Vec<(&str, Option<&Parts>)> = patterns.iter().map(|(w, p)| (w.as_str(), p.as_ref())).collect();
        let set = PatternSet::new(&refs).unwrap();
        let found = |text: &str| set.matches(masked(text).as_bytes());
        assert_eq!(found("They killed 12 people"), vec![0]);
        assert_eq!(found("The toll of 40 rose; 12 hostages"), vec![1, 2]);
        assert_eq!(found("Nobody was dead"), vec![1]);
        assert_eq!(found("Killed 12"), Vec::<usize>::new());
        assert_eq!(set.clone().matches(masked("killed 3 people, 4 hostages").as_bytes()), vec![0, 2]);
    }

    #[test]
    fn marker_bytes_are_the_markers() {
        assert_eq!(OPEN_BYTES, OPEN.to_string().as_bytes());
        assert_eq!(CLOSE_BYTES, CLOSE.to_string().as_bytes());
        // Another private-use character shares the lead byte: not a marker.
        let text = "a\u{E000}1\u{E001} \u{E123}\u{E000}";
        assert_eq!(super::super::compile::opens(text.as_bytes()).collect::<Vec<_>>(), vec![1, 12]);
    }

    fn sentences() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop_oneof![
            proptest::sample::select(vec![
                " killed ",
                " people",
                " Palestinians",
                " hostages",
                " were killed",
                " death toll",
                " toll",
                " rose to ",
                " at ",
                " of ",
                " in Gaza",
                " since October 7",
                ", ",
                "; ",
                ": ",
                ".",
                " the ",
                " ministry's count",
                " has risen to ",
                " held",
                " children",
                " women",
                " aid",
                " $",
                " million",
                " visit",
                " trip",
                " is ",
                " was ",
                " dead",
                " in the ",
                " war",
                " (",
                ")",
                " \u{2014} ",
                " more than ",
                " at least ",
            ])
            .prop_map(str::to_string),
            (0u32..4).prop_map(|k| format!(" {OPEN}{k}{CLOSE}")),
            "[a-z]{1,8}".prop_map(|w| format!(" {w}")),
        ];
        proptest::collection::vec(piece, 0..30).prop_map(|v| v.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// Any masked sentence: the split set and a set of the whole patterns agree.
        #[test]
        fn split_and_whole_agree(s in sentences()) {
            agree(&s);
        }
    }
}
