//! A timeline chart per metric for the HTML report: each claim as a mark
//! at its as-of date and value (red when a problem cites it, hollow when
//! undated, at the right edge), and the reference series as a line. Drawn
//! with plotters' SVG backend into an inline `<svg>`.

use plotters::prelude::*;

use crate::compare::format_count;
use crate::dataset::Series;
use crate::dates::{day_number, from_day_number};
use crate::extract::Claim;

const WIDTH: u32 = 760;
const HEIGHT: u32 = 300;

/// How a claim is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Cited by an error or warning.
    Problem,
    /// Anything else.
    Plain,
}

/// The chart of one metric's claims (with their marks) and series, as SVG.
pub fn timeline(title: &str, claims: &[(&Claim, Mark)], series: &[&Series]) -> Result<String, String> {
    let dated: Vec<i32> = claims.iter().filter_map(|(c, _)| c.as_of.date.map(day_number)).collect();
    let (mut x0, mut x1) = match (dated.iter().min(), dated.iter().max()) {
        (Some(&a), Some(&b)) => (a, b),
        _ => (0, 1),
    };
    // A little room either side; undated claims sit at the right edge.
    let pad = ((x1 - x0) / 10).max(3);
    x0 -= pad;
    x1 += pad;
    let undated_x = x1;
    if claims.iter().any(|(c, _)| c.as_of.date.is_none()) {
        x1 += pad;
    }
    let points: Vec<(f64, f64)> = series
        .iter()
        .flat_map(|s| s.points.iter())
        .map(|p| (f64::from(day_number(p.date)), p.value))
        .filter(|(x, _)| *x >= f64::from(x0) && *x <= f64::from(x1))
        .collect();
    let values: Vec<f64> = claims.iter().map(|(c, _)| c.quantity.value).chain(points.iter().map(|p| p.1)).collect();
    let (lo, hi) = values.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| (a.min(v), b.max(v)));
    let (lo, hi) = if lo.is_finite() { (lo, hi) } else { (0.0, 1.0) };
    let span = (hi - lo).max(hi.abs() * 0.1).max(1.0);
    let (y0, y1) = ((lo - span * 0.15).max(if lo >= 0.0 { 0.0 } else { f64::NEG_INFINITY }), hi + span * 0.15);

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        let e = |e: DrawingAreaErrorKind<_>| e.to_string();
        root.fill(&WHITE).map_err(e)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .caption(title, ("sans-serif", 15))
            .x_label_area_size(32)
            .y_label_area_size(72)
            .build_cartesian_2d(f64::from(x0)..f64::from(x1), y0..y1)
            .map_err(e)?;
        chart
            .configure_mesh()
            .x_labels(6)
            .y_labels(6)
            .x_label_formatter(&|x| {
                if *x >= f64::from(undated_x) && undated_x != x1 {
                    "undated".to_string()
                } else {
                    from_day_number(*x as i32).to_string()
                }
            })
            .y_label_formatter(&|y| format_count(y.round()))
            .light_line_style(WHITE.mix(0.0))
            .draw()
            .map_err(e)?;
        if !points.is_empty() {
            chart.draw_series(LineSeries::new(points, BLUE.mix(0.6).stroke_width(2))).map_err(e)?;
        }
        let red = RGBColor(200, 30, 30);
        let grey = RGBColor(60, 60, 60);
        chart
            .draw_series(claims.iter().map(|(c, mark)| {
                let x = c.as_of.date.map_or(f64::from(undated_x), |d| f64::from(day_number(d)));
                let color = if *mark == Mark::Problem { red } else { grey };
                let style = if c.as_of.date.is_some() { color.filled() } else { color.stroke_width(2) };
                Circle::new((x, c.quantity.value), 5, style)
            }))
            .map_err(e)?;
        root.present().map_err(e)?;
    }
    Ok(svg)
}
