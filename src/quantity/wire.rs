//! Reading quantities back from JSON (claims files): the kind is written by
//! name, and a currency or time unit is recovered from the unit.

use serde::{Deserialize, Deserializer};

use super::{Currency, Interval, Kind, Qualifier, TimeUnit};

const TIME_UNITS: [TimeUnit; 9] = [
    TimeUnit::Second,
    TimeUnit::Minute,
    TimeUnit::Hour,
    TimeUnit::Day,
    TimeUnit::Week,
    TimeUnit::Month,
    TimeUnit::Year,
    TimeUnit::Decade,
    TimeUnit::Century,
];

/// The lexicon's own spelling of a currency code, so `Currency` keeps a static string.
fn currency(code: &str) -> Option<Currency> {
    let lex = super::lexicon::english();
    lex.currency_before.iter().chain(lex.currency_after).map(|(_, c)| *c).find(|c| c.0 == code)
}

/// A count's kind from its name and unit, as `Quantity` writes them.
pub fn kind_from(name: &str, unit: Option<&str>) -> Result<Kind, String> {
    let unit = unit.unwrap_or("");
    Ok(match name {
        "cardinal" => Kind::Cardinal,
        "ordinal" => Kind::Ordinal,
        "percent" => Kind::Percent,
        "ratio" => Kind::Ratio,
        "money" => Kind::Money(currency(unit).ok_or_else(|| format!("unknown currency `{unit}`"))?),
        "duration" => Kind::Duration(
            TIME_UNITS.into_iter().find(|u| u.name() == unit).ok_or_else(|| format!("unknown time unit `{unit}`"))?,
        ),
        other => return Err(format!("`{other}` is not the kind of a count")),
    })
}

impl<'de> Deserialize<'de> for Qualifier {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Qualifier, D::Error> {
        let name = String::deserialize(d)?;
        Qualifier::from_name(&name).ok_or_else(|| serde::de::Error::custom(format!("unknown qualifier `{name}`")))
    }
}

impl<'de> Deserialize<'de> for Interval {
    /// `[lo, hi]`, `null` for an infinite end.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Interval, D::Error> {
        let [lo, hi] = <[Option<f64>; 2]>::deserialize(d)?;
        Ok(Interval { lo: lo.unwrap_or(f64::NEG_INFINITY), hi: hi.unwrap_or(f64::INFINITY) })
    }
}

#[cfg(test)]
mod tests {
    use super::kind_from;
    use crate::quantity::recognize;

    #[test]
    fn count_kinds_read_back_from_name_and_unit() {
        for q in recognize("more than $1.2 billion, about 40%, 3 weeks, 18 dead, the 11th visit, one in five, €50bn")
            .into_iter()
            .filter(|q| q.is_count())
        {
            assert_eq!(kind_from(q.kind.name(), q.unit.as_deref()), Ok(q.kind), "{}", q.text);
        }
        assert!(kind_from("date", None).is_err());
        assert!(kind_from("money", Some("XYZ")).is_err());
    }
}
