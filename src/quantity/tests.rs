//! The recognizer on the forms the product must handle (issue list and
//! DESIGN.md "Quantities"), with exact spans, values, kinds and qualifiers.

use super::*;

/// The count figures of a text as `(text, value, kind, qualifier)`.
fn counts(text: &str) -> Vec<(String, f64, String, Qualifier)> {
    recognize(text)
        .into_iter()
        .filter(Quantity::is_count)
        .map(|q| (q.text.into_string(), q.value, q.kind.to_string(), q.qualifier))
        .collect()
}

/// The single count figure of a text.
fn one(text: &str) -> (String, f64, String, Qualifier) {
    let mut c = counts(text);
    assert_eq!(c.len(), 1, "{text:?} gave {c:?}");
    c.remove(0)
}

fn q(text: &str, value: f64, kind: &str, qualifier: Qualifier) -> (String, f64, String, Qualifier) {
    (text.to_string(), value, kind.to_string(), qualifier)
}

use Qualifier::*;

#[test]
fn digits_with_separators_and_decimals() {
    assert_eq!(one("killed 1,200 people"), q("1,200", 1200.0, "cardinal", Bare));
    assert_eq!(one("31,988 Palestinians"), q("31,988", 31988.0, "cardinal", Bare));
    assert_eq!(one("killed 19,667 people"), q("19,667", 19667.0, "cardinal", Bare));
    assert_eq!(one("a rate of 4.5 deaths"), q("4.5", 4.5, "cardinal", Bare));
    assert_eq!(one("killing 15, 200 people"), q("15, 200", 15200.0, "cardinal", Bare));
    assert_eq!(one("100+ trusted sources"), q("100+", 100.0, "cardinal", Over));
    let vague = recognize("100's of premium titles").remove(0);
    assert_eq!((&*vague.text, vague.qualifier, vague.interval), ("100's", Vague, Some(Interval::new(200.0, 1000.0))));
}

#[test]
fn scales_money_and_qualifiers() {
    assert_eq!(one("an additional $135 million in aid"), q("$135 million", 135e6, "money", Bare));
    assert_eq!(one("now totals more than $1.2 billion."), q("more than $1.2 billion", 1.2e9, "money", Over));
    assert_eq!(one("its 2.3 million residents"), q("2.3 million", 2.3e6, "cardinal", Bare));
    assert_eq!(one("of nearly two million people"), q("nearly two million", 2e6, "cardinal", Nearly));
    let t = recognize("tens of thousands of people").remove(0);
    assert_eq!((&*t.text, t.value, t.range_hi, t.qualifier), ("tens of thousands", 20_000.0, Some(100_000.0), Vague));
    assert_eq!(one("a €50bn fund"), q("€50bn", 50e9, "money", Bare));
    assert_eq!(one("paid $54K"), q("$54K", 54e3, "money", Bare));
    assert_eq!(one("earned 5 million dollars"), q("5 million dollars", 5e6, "money", Bare));
    assert_eq!(recognize("a $135m grant")[0].value, 135e6);
    assert!(counts("ran 1m before").is_empty(), "a lone lower-case m may be a metre");
}

/// A qualifier at the end of a wrapped line still qualifies the figure on
/// the next; across a blank line (another paragraph) it does not.
#[test]
fn qualifiers_across_a_wrapped_line() {
    assert_eq!(one("help more\nthan one million people"), q("more\nthan one million", 1e6, "cardinal", Over));
    assert_eq!(one("killing at\r\nleast 3,000"), q("at\r\nleast 3,000", 3000.0, "cardinal", AtLeast));
    assert_eq!(one("a toll of nearly \n40,000."), q("nearly \n40,000", 40000.0, "cardinal", Nearly));
    assert_eq!(one("Over\n\n500 died."), q("500", 500.0, "cardinal", Bare));
    assert_eq!(one("Over\n \n500 died."), q("500", 500.0, "cardinal", Bare));
}

/// A scale word on the next line of a wrapped line scales the figure; after
/// a short line (a heading, a byline) or a blank line it does not.
#[test]
fn scales_across_a_wrapped_line() {
    let wrapped = "US: Secretary of State Antony Blinken said the US had pledged $100\nmillion in aid.";
    assert_eq!(one(wrapped), q("$100\nmillion", 100e6, "money", Bare));
    assert_eq!(recognize("Aid: $100\nmillion in aid.")[0].value, 100.0);
    let blank = "US: Secretary of State Antony Blinken said the US had pledged $100\n\nmillion in aid.";
    assert_eq!(recognize(blank)[0].value, 100.0);
}

/// "c.130" is about 130, not 0.13; "ca." and "circa" are "about" too.
/// A bare "m" is millions of people before a noun for them, or "of
/// Gaza's"; before anything else ("a 5m wall") it may be metres.
#[test]
fn circa_and_a_bare_m_for_millions_of_people() {
    let read = |text: &str| recognize(text).iter().map(|q| (q.text.clone(), q.value, q.qualifier)).collect::<Vec<_>>();
    assert_eq!(read("c.130 hostages"), [("c.130".into(), 130.0, About)]);
    assert_eq!(
        read("ca. 130 hostages, circa 40"),
        [("ca. 130".into(), 130.0, About), ("circa 40".into(), 40.0, About)]
    );
    assert_eq!(read("No.5 road")[0].1, 5.0);
    assert_eq!(
        read("Roughly 1.7m of Gaza's 2.2m people"),
        [("Roughly 1.7m".into(), 1.7e6, About), ("2.2m".into(), 2.2e6, Bare)]
    );
    assert!(read("a 5m wall, 5m of rope").is_empty());
}

/// A figure in words cut by a wrap reads on: "twelve" / "hundred", "two
/// hundred and" / "fifty", "three" / "quarters". A unit after a figure
/// does not join it ("… some 12" / "three were hurt" are two figures).
#[test]
fn words_read_on_across_a_wrapped_line() {
    let values = |text: &str| recognize(text).iter().map(|q| (q.text.clone(), q.value)).collect::<Vec<_>>();
    let pad = "Israel's own reckoning starts earlier, on a single morning. Some";
    assert_eq!(values(&format!("{pad} twelve\nhundred people died.")), [("Some twelve\nhundred".into(), 1200.0)]);
    assert_eq!(
        values(&format!("{pad} two hundred and\nfifty were taken.")),
        [("Some two hundred and\nfifty".into(), 250.0)]
    );
    assert_eq!(values(&format!("{pad} two hundred\nfifty were taken."))[0].1, 250.0);
    assert_eq!(values(&format!("{pad} three\nquarters of them.")), [("Some three\nquarters".into(), 0.75)]);
    assert_eq!(
        values(&format!("{pad} twelve\nthree were hurt.")),
        [("Some twelve".into(), 12.0), ("three".into(), 3.0)]
    );
    assert_eq!(values("In short: twelve\nhundred died."), [("twelve".into(), 12.0), ("hundred".into(), 100.0)]);
}

#[test]
fn every_qualifier_is_classified() {
    let cases = [
        ("about 240 hostages", About),
        ("around 240 hostages", About),
        ("approximately 240 hostages", About),
        ("roughly 240 hostages", About),
        ("some 240 hostages", About),
        ("an estimated 240 hostages", About),
        ("nearly 240 hostages", Nearly),
        ("almost 240 hostages", Nearly),
        ("close to 240 hostages", Nearly),
        ("just under 240 hostages", Nearly),
        ("over 240 hostages", Over),
        ("more than 240 hostages", Over),
        ("upwards of 240 hostages", Over),
        ("in excess of 240 hostages", Over),
        ("240-plus hostages", Over),
        ("240+ hostages", Over),
        ("at least 240 hostages", AtLeast),
        ("no fewer than 240 hostages", AtLeast),
        ("240 hostages or more", AtLeast),
        ("under 240 hostages", Under),
        ("fewer than 240 hostages", Under),
        ("less than 240 hostages", Under),
        ("at most 240 hostages", AtMost),
        ("up to 240 hostages", AtMost),
        ("as many as 240 hostages", AtMost),
        ("As many as 240 hostages", AtMost),
        ("no more than 240 hostages", AtMost),
        ("a little over 240 hostages", Over),
        ("slightly more than 240 hostages", Over),
        ("north of 240 hostages", Over),
        ("just shy of 240 hostages", Nearly),
        ("just short of 240 hostages", Nearly),
        ("slightly under 240 hostages", Nearly),
        ("south of 240 hostages", Under),
        ("close on 240 hostages", Nearly),
        ("approaching 240 hostages", Nearly),
        ("nearing 240 hostages", Nearly),
        ("exceeding 240 hostages", Over),
        ("surpassing 240 hostages", Over),
    ];
    for (text, qual) in cases {
        let (_, v, _, got) = one(text);
        assert_eq!((v, got), (240.0, qual), "{text}");
    }
}

#[test]
fn stacked_lower_bounds_are_one_bound() {
    assert_eq!(
        one("killed at least more than 40,000 people"),
        q("at least more than 40,000", 40000.0, "cardinal", Over)
    );
    assert_eq!(one("at least over 240 hostages"), q("at least over 240", 240.0, "cardinal", Over));
    assert_eq!(one("more than at least 240 hostages"), q("more than at least 240", 240.0, "cardinal", Over));
    // An upper bound before a lower one is no stack: only the nearer reads.
    assert_eq!(one("up to at least 240 hostages"), q("at least 240", 240.0, "cardinal", AtLeast));
}

#[test]
fn intervals_follow_the_design_table() {
    let i = |t: &str| recognize(t).into_iter().find(Quantity::is_count).unwrap().interval.unwrap();
    assert_eq!(i("1,200 killed"), Interval::new(1150.0, 1250.0));
    assert_eq!(i("some 1,200 killed"), Interval::new(1100.0, 1300.0));
    assert_eq!(i("nearly 1,200 killed"), Interval::new(1100.0, 1200.0));
    assert_eq!(i("over 1,200 killed"), Interval::new(1200.0, f64::INFINITY));
    assert_eq!(i("fewer than 1,200 killed"), Interval::new(0.0, 1200.0));
    assert_eq!(i("31,988 killed"), Interval::new(31987.5, 31988.5));
    assert_eq!(i("Close to 32,000 killed"), Interval::new(31000.0, 32000.0));
    assert_eq!(i("2.3 million people"), Interval::new(2.25e6, 2.35e6));
    assert_eq!(i("between 1,100 and 1,200 killed"), Interval::new(1100.0, 1200.0));
    assert_eq!(i("18 fatalities"), Interval::point(18.0));
}

#[test]
fn number_words() {
    assert_eq!(one("twenty-one thousand four hundred people").1, 21400.0);
    assert_eq!(one("a dozen people").0, "a dozen");
    assert_eq!(one("a dozen people").1, 12.0);
    assert_eq!(one("in each of the dozen-plus phone calls"), q("dozen-plus", 12.0, "cardinal", Over));
    assert_eq!(one("half a dozen trucks").1, 6.0);
    let couple = one("a couple of days later");
    assert_eq!((couple.1, couple.3), (2.0, About));
    assert_eq!(one("four billion people").1, 4e9);
    assert_eq!(one("Fourteen days free"), q("Fourteen days", 14.0, "duration", Bare));
}

#[test]
fn ordinals_are_typed() {
    assert_eq!(one("his sixth visit"), q("sixth", 6.0, "ordinal", Bare));
    assert_eq!(one("his 11th visit"), q("11th", 11.0, "ordinal", Bare));
    assert_eq!(one("the 21st century"), q("21st", 21.0, "ordinal", Bare));
    assert_eq!(one("the twenty-first century"), q("twenty-first", 21.0, "ordinal", Bare));
    assert_eq!(one("the number four priority"), q("number four", 4.0, "ordinal", Bare));
    assert_eq!(one("the No. 2 official"), q("No. 2", 2.0, "ordinal", Bare));
    assert_eq!(one("met for a third day"), q("third", 3.0, "ordinal", Bare));
    assert_eq!(one("a third of the population"), q("a third", 1.0 / 3.0, "ratio", Bare));
}

#[test]
fn percentages_ratios_and_ranges() {
    assert_eq!(one("rose 12%"), q("12%", 12.0, "percent", Bare));
    assert_eq!(one("rose 12 per cent"), q("12 per cent", 12.0, "percent", Bare));
    assert_eq!(one("about 40 percent of them"), q("about 40 percent", 40.0, "percent", About));
    assert_eq!(one("the ratio is two to one."), q("two to one", 2.0, "ratio", Bare));
    assert_eq!(one("one in five children"), q("one in five", 0.2, "ratio", Bare));
    let r = recognize("between 1,100 and 1,200 people").remove(0);
    assert_eq!((&*r.text, r.value, r.range_hi, r.qualifier), ("between 1,100 and 1,200", 1100.0, Some(1200.0), Range));
    let r = recognize("1,100-1,200 people").remove(0);
    assert_eq!((r.value, r.range_hi), (1100.0, Some(1200.0)));
    let r = recognize("1.5-2 million people").remove(0);
    assert_eq!((r.value, r.range_hi), (1.5e6, Some(2e6)));
    let y = recognize("the 2012-13 season").remove(0);
    assert_eq!((&*y.text, y.kind), ("2012-13", Kind::Year));
    assert_eq!(counts("from 5 to 10 people").len(), 2, "a change, not a range");
    assert_eq!(counts("the toll rose by 106 to 35,562").len(), 2, "a change, then the new level");
    let r = recognize("rose by 5 to 10 people").remove(0);
    assert_eq!((r.value, r.range_hi), (5.0, Some(10.0)), "a range of changes");
}

#[test]
fn years_dates_times_and_names_are_not_counts() {
    for text in [
        "in 2024",
        "a 2006 UN resolution",
        "the 1948 Nakba",
        "since October 7th",
        "on Oct. 7, he said",
        "dated 24-10-2024",
        "On November 3, the trip",
        "at 10:30 a.m.",
        "UN Security Council Resolution 1701",
        "a two-state solution",
        "a two state solution",
        "the COVID-19 pandemic",
        "call +1-222-2222/2222",
        "the one you mentioned",
    ] {
        assert!(counts(text).is_empty(), "{text:?} gave {:?}", counts(text));
    }
    let kinds: Vec<String> =
        recognize("in 2024, on October 7th, at 3 p.m., Resolution 1701").iter().map(|q| q.kind.to_string()).collect();
    assert_eq!(kinds, ["year", "date", "time", "identifier"]);
    let d = recognize("since October 7th of 2023").remove(0);
    assert_eq!(d.kind, Kind::Date(PartialDate { year: Some(2023), month: 10, day: Some(7) }));
    assert_eq!(one("2000 people fled").1, 2000.0, "a four-digit count before a counted noun");
}

#[test]
fn spans_are_exact_byte_ranges() {
    let text = "Israel says that 1,200 soldiers — and “nearly two million” — fled.";
    for q in recognize(text) {
        assert_eq!(&text[q.span.clone()], &*q.text);
    }
    let q = recognize(text);
    assert_eq!(q[0].span, 17..22);
}

#[test]
fn links_are_skipped() {
    assert!(recognize("see https://example.org/a/2024/10/7?id=135 now").is_empty());
}

/// Found by the recognizer fuzz target: a sign before a range gave an
/// interval with its ends reversed.
#[test]
fn a_signed_range_keeps_its_ends_in_order() {
    for text in [" -0-02", "-5-10 degrees", "down -3 to -1 percent"] {
        for q in recognize(text) {
            if let Some(iv) = q.interval {
                assert!(iv.lo <= iv.hi, "{text:?}: {:?} gives {iv:?}", q.text);
            }
            if let Some(hi) = q.range_hi {
                assert!(q.value <= hi, "{text:?}: {:?}", q.text);
            }
        }
    }
    let q = &recognize("-5-10 degrees")[0];
    assert_eq!((q.value, q.range_hi), (-10.0, Some(-5.0)));
}

/// Found by the recognizer fuzz target: a figure more than 4 KiB into a
/// run without spaces, where the link look-back stopped inside a character.
#[test]
fn a_long_token_with_multibyte_characters_is_read() {
    let text = format!("G {}1,200 killed", "é3".repeat(2100));
    let qs = recognize(&text);
    assert!(qs.iter().all(|q| text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end)));
}

/// A thread's post numbers ("2/", "3/7") open lines and count nothing;
/// "24/7" and a fraction in prose are read as before.
#[test]
fn thread_post_numbers_are_no_figures() {
    assert_eq!(counts("2/ Killed: 33,175 Palestinians"), vec![q("33,175", 33175.0, "cardinal", Bare)]);
    assert_eq!(counts("intro\n  3/7 Injured: 75,886"), vec![q("75,886", 75886.0, "cardinal", Bare)]);
    assert_eq!(counts("a 3/7 share"), vec![q("3/7", 3.0 / 7.0, "cardinal", Bare)]);
    assert_eq!(counts("of them.\n2/3 of the dead"), vec![q("2/3", 2.0 / 3.0, "cardinal", Bare)]);
    assert_eq!(counts("12/5 were freed").len(), 1, "a post number is never past its total");
}

/// A qualifier before coordinated figures holds for each of them; one
/// across a verb does not.
#[test]
fn a_qualifier_holds_for_figures_coordinated_with_it() {
    assert_eq!(
        counts("more than 9,500 women and 14,500 children"),
        [q("more than 9,500", 9500.0, "cardinal", Over), q("14,500", 14500.0, "cardinal", Over)]
    );
    let second = recognize("at least 15,000 Palestinian children and 10,000 women").remove(1);
    assert_eq!((second.qualifier, second.interval), (AtLeast, Some(Interval::new(10000.0, f64::INFINITY))));
    assert_eq!(counts("about 1,200 killed and 250 abducted")[1], q("250", 250.0, "cardinal", Bare));
    assert_eq!(counts("about 1,200 people were killed and 250 taken")[1], q("250", 250.0, "cardinal", Bare));
    assert_eq!(counts("about 1,200 people and $250 million")[1].3, Bare);
    assert_eq!(counts("some 15,694 were children and 10,367 were women")[1].3, Bare);
}

/// A figure read out of a run of digits no number reads whole is marked
/// with the run as written; a well-formed figure, at a sentence's end or
/// in a range, is not. ("30,03" is read whole, as a decimal comma.)
#[test]
fn malformed_digit_runs_around_a_figure() {
    let runs = |text: &str| -> Vec<(String, Option<String>)> {
        recognize(text)
            .into_iter()
            .map(|q| (q.text.to_string(), q.malformed(text).map(|r| text[r].to_string())))
            .collect()
    };
    let malformed = |text: &str| runs(text).into_iter().filter_map(|(_, r)| r).collect::<Vec<_>>();
    assert_eq!(malformed("The ministry said 3,0320 people had been killed."), ["3,0320", "3,0320"]);
    assert_eq!(malformed("It put the toll at 1,2345,678 on Monday."), ["1,2345,678"; 3]);
    // A count has no fraction: a decimal comma without a scale word lost a digit.
    assert_eq!(malformed("The ministry said 30,03 people had been killed."), ["30,03"]);
    // So has one written with thousands points, or with a decimal point.
    assert_eq!(
        malformed("It said 70.457 were hurt, 30.000 killed, 30,035.5 in all."),
        ["70.457", "30.000", "30,035.5"]
    );
    assert_eq!(malformed_digits("30,03 people", 0..5), None);
    // A decimal without an integer part is written from its point; an ellipsis is no point.
    let texts = |text: &str| recognize(text).into_iter().map(|q| (q.text.to_string(), q.value)).collect::<Vec<_>>();
    assert_eq!(texts("A .5 share, then...200 more."), [(".5".to_string(), 0.5), ("200".to_string(), 200.0)]);
    // A doubled separator joins the run too: "30,,000" is no "30" and "000".
    assert_eq!(
        malformed("The ministry said 30,,000 people and 1..200 more."),
        ["30,,000", "30,,000", "1..200", "1..200"]
    );
    for fine in [
        "The toll is 30,035.",
        "Between 1,200-1,400 were killed, more than 30,000 in all.",
        "It rose to 1.7 million, on Oct. 7, 2023.",
        "About 1 234 567 people.",
        "It fell 2,5% and 1,2 million people fled; 1.5 million more.",
    ] {
        assert_eq!(malformed(fine), Vec::<String>::new(), "{fine}: {:?}", runs(fine));
    }
}
