//! The histogram's geometry: its labels and which periods each screen column shows. One pure
//! function of the data and the width, used by the header view and by mouse clicks alike.

use chrono::{Datelike, NaiveDate};

use super::data::{Data, Period};
use super::format::{day_long, month_short, str_width, year_label};

/// The histogram laid out for one width.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bars {
    pub left: String,
    pub right: String,
    pub per: String,
    /// Periods per column (more than one when they do not fit).
    pub group: usize,
    /// Screen cells per column (more than one when there are few periods).
    pub widen: usize,
    /// Events per column.
    pub cols: Vec<usize>,
}

/// The histogram at `width` cells, or None when there is nothing dated or no room.
pub fn bars(data: &Data, width: u16) -> Option<Bars> {
    let (first, last) = data.histogram_range?;
    let label = |d: NaiveDate| match data.period {
        Period::Day | Period::Week => day_long(d),
        Period::Month => month_short(d),
        Period::Year => year_label(d.year()),
    };
    // ‹ and › say that a few outlying events are counted in the end bars.
    let (before, after) = (data.outside.0 > 0, data.outside.1 > 0);
    let left = format!(" {}{} ", if before { "‹" } else { "" }, label(first));
    let right = format!(" {}{} ", label(last), if after { "›" } else { "" });
    let per = format!("per {}", data.period.name());
    let room =
        usize::from(width).saturating_sub(str_width(&left) + str_width(&right) + per.len() + 1);
    if room == 0 || data.histogram.is_empty() {
        return None;
    }
    let group = data.histogram.len().div_ceil(room);
    let cols: Vec<usize> = data
        .histogram
        .chunks(group)
        .map(|c| c.iter().sum())
        .collect();
    let widen = (room / cols.len()).clamp(1, 3);
    Some(Bars {
        left,
        right,
        per,
        group,
        widen,
        cols,
    })
}

impl Bars {
    /// The column showing day `d`.
    pub fn column_of(&self, data: &Data, d: NaiveDate) -> usize {
        data.bucket_of(d) / self.group
    }

    /// The days under cell `x` (counted from the histogram's left edge), if it is on a bar.
    pub fn days_at(&self, data: &Data, x: u16) -> Option<(NaiveDate, NaiveDate)> {
        let (first, _) = data.histogram_range?;
        let col = usize::from(x).checked_sub(str_width(&self.left))? / self.widen;
        if col >= self.cols.len() {
            return None;
        }
        let start = data.period.start(first);
        let first_bucket = col * self.group;
        let last_bucket = ((col + 1) * self.group).min(data.histogram.len()) - 1;
        let shift = |b: usize| {
            data.period
                .shift(start, i32::try_from(b).unwrap_or(i32::MAX))
        };
        Some((shift(first_bucket), data.period.range(shift(last_bucket)).1))
    }
}
