//! Table test of the time tagger: hand-written expressions in sentences, with a publication date,
//! and the expected type, value and inclusive bounds. Reference 2025-11-20 is a Thursday (2025-W47).

use chrono::NaiveDate;
use dateline::extract::temporal::{self, Timex};
use dateline::extract::{DocInput, segment};

struct Tagger {
    seg: &'static segment::Lexicon,
    tmp: &'static temporal::Lexicon,
}

fn tagger() -> Tagger {
    let lex = crate::common::lexicon();
    Tagger {
        seg: &lex.segment,
        tmp: &lex.temporal,
    }
}

fn day(s: &str) -> Option<NaiveDate> {
    (!s.is_empty()).then(|| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date"))
}

fn tag(t: &Tagger, text: &str, reference: &str) -> Vec<Timex> {
    let doc = DocInput::segmented(text, t.seg, day(reference));
    temporal::tag(&doc, t.tmp)
}

/// (sentence, publication date, expression, type, value, earliest, latest)
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const R: &str = "2025-11-20";

#[rustfmt::skip]
const ROWS: &[Row] = &[
    // The seed's six.
    ("A group of experts is set to visit Baku on November 21–22 for talks.", R, "November 21–22", "DATE", "2025-11-21", "2025-11-21", "2025-11-22"),
    ("It follows last month’s trip of experts to Yerevan.", R, "last month", "DATE", "2025-10", "2025-10-01", "2025-10-31"),
    ("Armenians currently imprisoned in Azerbaijan.", R, "currently", "DATE", "PRESENT_REF", "2025-11-20", "2025-11-20"),
    ("Officials are currently on trial in Baku.", R, "currently", "DATE", "PRESENT_REF", "2025-11-20", "2025-11-20"),
    ("One detainee is reportedly now wheelchair-bound.", R, "now", "DATE", "PRESENT_REF", "2025-11-20", "2025-11-20"),
    ("Pashinyan traveled to Kazakhstan this week.", R, "this week", "DATE", "2025-W47", "2025-11-17", "2025-11-23"),
    // Absolute days in news orders.
    ("The vote was held on Nov. 5.", R, "Nov. 5", "DATE", "2025-11-05", "2025-11-05", "2025-11-05"),
    ("The law took effect on 5 November 2025.", R, "5 November 2025", "DATE", "2025-11-05", "2025-11-05", "2025-11-05"),
    ("The law took effect on November 5th.", R, "November 5th", "DATE", "2025-11-05", "2025-11-05", "2025-11-05"),
    ("The filing is dated 2025-11-05.", R, "2025-11-05", "DATE", "2025-11-05", "2025-11-05", "2025-11-05"),
    ("He was born on March 3, 1961.", R, "March 3, 1961", "DATE", "1961-03-03", "1961-03-03", "1961-03-03"),
    ("The treaty was signed on the 21st of May 2019.", R, "21st of May 2019", "DATE", "2019-05-21", "2019-05-21", "2019-05-21"),
    ("The deal was reached Sept. 30, 1989, in Paris.", R, "Sept. 30, 1989", "DATE", "1989-09-30", "1989-09-30", "1989-09-30"),
    ("The form dated 11/05/2025 was lost.", R, "11/05/2025", "DATE", "2025-11-05", "2025-11-05", "2025-11-05"),
    ("The summit will open on Dec. 2.", R, "Dec. 2", "DATE", "2025-12-02", "2025-12-02", "2025-12-02"),
    ("Parliament met on 17 November.", R, "17 November", "DATE", "2025-11-17", "2025-11-17", "2025-11-17"),
    ("Prices rose in Jan. 2024.", R, "Jan. 2024", "DATE", "2024-01", "2024-01-01", "2024-01-31"),
    ("On Monday, Oct. 27, the talks resumed.", R, "Monday, Oct. 27", "DATE", "2025-10-27", "2025-10-27", "2025-10-27"),
    ("The strike began on August 1.", R, "August 1", "DATE", "2025-08-01", "2025-08-01", "2025-08-01"),
    ("Elections are due on February 8.", R, "February 8", "DATE", "2026-02-08", "2026-02-08", "2026-02-08"),
    ("The ship sank on December 28.", "2026-01-03", "December 28", "DATE", "2025-12-28", "2025-12-28", "2025-12-28"),
    ("The report will be published January 10.", "2025-12-20", "January 10", "DATE", "2026-01-10", "2026-01-10", "2026-01-10"),
    // Ranges.
    ("Talks are planned for November 21-22 in Geneva.", R, "November 21-22", "DATE", "2025-11-21", "2025-11-21", "2025-11-22"),
    ("The festival runs 12–14 December.", R, "12–14 December", "DATE", "2025-12-12", "2025-12-12", "2025-12-14"),
    ("The fair runs Dec. 1 to 3 in Berlin.", R, "Dec. 1 to 3", "DATE", "2025-12-01", "2025-12-01", "2025-12-03"),
    ("The exhibition runs November 28 through December 3.", R, "November 28 through December 3", "DATE", "2025-11-28", "2025-11-28", "2025-12-03"),
    ("Voting takes place between December 5 and 7.", R, "December 5 and 7", "DATE", "2025-12-05", "2025-12-05", "2025-12-07"),
    ("The games ran from July 26 to August 11, 2024.", R, "July 26 to August 11, 2024", "DATE", "2024-07-26", "2024-07-26", "2024-08-11"),
    // Months, years, decades, centuries.
    ("Inflation peaked in October.", R, "October", "DATE", "2025-10", "2025-10-01", "2025-10-31"),
    ("The plan was first proposed in March.", R, "March", "DATE", "2025-03", "2025-03-01", "2025-03-31"),
    ("Ministers will meet again in February.", R, "February", "DATE", "2026-02", "2026-02-01", "2026-02-28"),
    ("The factory closed in November 2019.", R, "November 2019", "DATE", "2019-11", "2019-11-01", "2019-11-30"),
    ("The law dates from 1998.", R, "1998", "DATE", "1998", "1998-01-01", "1998-12-31"),
    ("Sales fell in fiscal 2024.", R, "fiscal 2024", "DATE", "2024", "2024-01-01", "2024-12-31"),
    ("The city boomed in the 1990s.", R, "the 1990s", "DATE", "199", "1990-01-01", "1999-12-31"),
    ("Growth slowed in the '80s.", R, "the '80s", "DATE", "198", "1980-01-01", "1989-12-31"),
    ("The building dates from the 19th century.", R, "the 19th century", "DATE", "18", "1800-01-01", "1899-12-31"),
    ("It was the bloodiest war of the twentieth century.", R, "the twentieth century", "DATE", "19", "1900-01-01", "1999-12-31"),
    ("Music changed in the sixties.", R, "the sixties", "DATE", "196", "1960-01-01", "1969-12-31"),
    ("The estate was sold in nineteen ninety-six.", R, "nineteen ninety-six", "DATE", "1996", "1996-01-01", "1996-12-31"),
    ("The bridge opened in early 2020.", R, "early 2020", "DATE", "2020", "2020-01-01", "2020-05-01"),
    ("The reform was passed in late 2019.", R, "late 2019", "DATE", "2019", "2019-09-01", "2019-12-31"),
    ("Construction began in mid-2023.", R, "mid-2023", "DATE", "2023", "2023-05-02", "2023-09-01"),
    ("Rates were cut in early November.", R, "early November", "DATE", "2025-11", "2025-11-01", "2025-11-10"),
    ("The museum reopened at the end of October.", R, "the end of October", "DATE", "2025-10", "2025-10-21", "2025-10-31"),
    // Seasons, quarters, halves.
    ("The offensive began in summer 2024.", R, "summer 2024", "DATE", "2024-SU", "2024-06-01", "2024-08-31"),
    ("The company expanded last summer.", R, "last summer", "DATE", "2025-SU", "2025-06-01", "2025-08-31"),
    ("Protests spread last fall.", R, "last fall", "DATE", "2024-FA", "2024-09-01", "2024-11-30"),
    ("A decision is expected next spring.", R, "next spring", "DATE", "2026-SP", "2026-03-01", "2026-05-31"),
    ("Prices usually rise this winter.", R, "this winter", "DATE", "2025-WI", "2025-12-01", "2026-02-28"),
    ("Profit rose in the third quarter.", R, "the third quarter", "DATE", "2025-Q3", "2025-07-01", "2025-09-30"),
    ("Third-quarter profit rose 5%.", R, "Third-quarter", "DATE", "2025-Q3", "2025-07-01", "2025-09-30"),
    ("Revenue fell in the first quarter of 2024.", R, "the first quarter of 2024", "DATE", "2024-Q1", "2024-01-01", "2024-03-31"),
    ("Revenue rose in Q2 2025.", R, "Q2 2025", "DATE", "2025-Q2", "2025-04-01", "2025-06-30"),
    ("Output grew in the first half.", R, "the first half", "DATE", "2025-H1", "2025-01-01", "2025-06-30"),
    ("Output fell in the second half of 2023.", R, "the second half of 2023", "DATE", "2023-H2", "2023-07-01", "2023-12-31"),
    ("Sales fell in the quarter.", R, "the quarter", "DATE", "2025-Q3", "2025-07-01", "2025-09-30"),
    ("Sales rose this quarter.", R, "this quarter", "DATE", "2025-Q4", "2025-10-01", "2025-12-31"),
    ("Sales fell last quarter.", R, "last quarter", "DATE", "2025-Q3", "2025-07-01", "2025-09-30"),
    ("Profit rose in this year's third quarter.", R, "this year's third quarter", "DATE", "2025-Q3", "2025-07-01", "2025-09-30"),
    // Holidays.
    ("Families will gather on Thanksgiving Day.", R, "Thanksgiving Day", "DATE", "2025-11-27", "2025-11-27", "2025-11-27"),
    ("The truce held over Christmas 2024.", R, "Christmas 2024", "DATE", "2024-12-25", "2024-12-25", "2024-12-25"),
    ("Turnout was high on Election Day.", "2024-11-07", "Election Day", "DATE", "2024-11-05", "2024-11-05", "2024-11-05"),
    ("Prices spiked last Thanksgiving.", "2026-01-10", "last Thanksgiving", "DATE", "2025-11-27", "2025-11-27", "2025-11-27"),
    ("Pilgrims arrived for Easter.", "2025-04-10", "Easter", "DATE", "2025-04-20", "2025-04-20", "2025-04-20"),
    ("The bonus is paid at year-end.", R, "year-end", "DATE", "2025", "2025-01-01", "2025-12-31"),
    ("Pilgrims filled the city during Easter week.", "2025-04-10", "Easter week", "DATE", "2025-W16", "2025-04-14", "2025-04-20"),
    ("Talks are set for the week of December 8.", R, "the week of December 8", "DATE", "2025-W50", "2025-12-08", "2025-12-14"),
    ("The plant reopened this past spring.", R, "this past spring", "DATE", "2025-SP", "2025-03-01", "2025-05-31"),
    ("Sales slowed earlier in the year.", R, "earlier in the year", "DATE", "2025", "2025-01-01", "2025-11-19"),
    ("Payments are due at the end of the month.", R, "the end of the month", "DATE", "2025-11", "2025-11-21", "2025-11-30"),
    // Weeks and weekdays, with the tense.
    ("Talks resumed last week.", R, "last week", "DATE", "2025-W46", "2025-11-10", "2025-11-16"),
    ("The court will rule next week.", R, "next week", "DATE", "2025-W48", "2025-11-24", "2025-11-30"),
    ("Ministers met on Tuesday.", R, "Tuesday", "DATE", "2025-11-18", "2025-11-18", "2025-11-18"),
    ("Ministers will meet on Tuesday.", R, "Tuesday", "DATE", "2025-11-25", "2025-11-25", "2025-11-25"),
    ("The minister resigned Thursday.", R, "Thursday", "DATE", "2025-11-20", "2025-11-20", "2025-11-20"),
    ("The team arrived Sunday.", R, "Sunday", "DATE", "2025-11-16", "2025-11-16", "2025-11-16"),
    ("The vote is scheduled for Saturday.", R, "Saturday", "DATE", "2025-11-22", "2025-11-22", "2025-11-22"),
    ("The talks collapsed last Friday.", R, "last Friday", "DATE", "2025-11-14", "2025-11-14", "2025-11-14"),
    ("Leaders meet next Monday.", R, "next Monday", "DATE", "2025-11-24", "2025-11-24", "2025-11-24"),
    ("The bill passed on Wed. after a long debate.", R, "Wed.", "DATE", "2025-11-19", "2025-11-19", "2025-11-19"),
    ("Crowds gathered over the weekend.", R, "the weekend", "DATE", "2025-W46-WE", "2025-11-15", "2025-11-16"),
    ("Voters go to the polls this weekend.", R, "this weekend", "DATE", "2025-W47-WE", "2025-11-22", "2025-11-23"),
    ("Shares fell earlier this week.", R, "this week", "DATE", "2025-W47", "2025-11-17", "2025-11-19"),
    // Relative days, months, years.
    ("The ministry said yesterday that talks failed.", R, "yesterday", "DATE", "2025-11-19", "2025-11-19", "2025-11-19"),
    ("The president speaks today.", R, "today", "DATE", "2025-11-20", "2025-11-20", "2025-11-20"),
    ("The results come tomorrow.", R, "tomorrow", "DATE", "2025-11-21", "2025-11-21", "2025-11-21"),
    ("Troops will leave next month.", R, "next month", "DATE", "2025-12", "2025-12-01", "2025-12-31"),
    ("Exports fell this month.", R, "this month", "DATE", "2025-11", "2025-11-01", "2025-11-30"),
    ("The tax was raised last year.", R, "last year", "DATE", "2024", "2024-01-01", "2024-12-31"),
    ("Growth will slow next year.", R, "next year", "DATE", "2026", "2026-01-01", "2026-12-31"),
    ("Output rose this year.", R, "this year", "DATE", "2025", "2025-01-01", "2025-12-31"),
    ("The plant closed two years ago.", R, "two years ago", "DATE", "2023", "2023-01-01", "2023-12-31"),
    ("He resigned three months ago.", R, "three months ago", "DATE", "2025-08", "2025-08-01", "2025-08-31"),
    ("The fire started 10 days ago.", R, "10 days ago", "DATE", "2025-11-10", "2025-11-10", "2025-11-10"),
    ("Fighting broke out two weeks ago.", R, "two weeks ago", "DATE", "2025-W45", "2025-11-03", "2025-11-09"),
    ("The camp was built a decade ago.", R, "a decade ago", "DATE", "201", "2010-01-01", "2019-12-31"),
    ("The program ends a year from now.", R, "a year from now", "DATE", "2026", "2026-01-01", "2026-12-31"),
    ("Prices jumped earlier this year.", R, "earlier this year", "DATE", "2025", "2025-01-01", "2025-11-19"),
    ("The party split late last year.", R, "late last year", "DATE", "2024", "2024-09-01", "2024-12-31"),
    ("The plan was announced earlier this month.", R, "earlier this month", "DATE", "2025-11", "2025-11-01", "2025-11-19"),
    // "earlier"/"later" of a period that holds the reference cut it there (issue 14), not at a
    // third: on 1 June "earlier this month" is no later than the day, "later this month" is the
    // rest of it.
    ("Earlier this month figures showed that job creation is weak.", "2005-06-01", "Earlier this month", "DATE", "2005-06", "2005-06-01", "2005-06-01"),
    ("HSBC will report profits of 9.4bn later this month.", "2005-06-01", "this month", "DATE", "2005-06", "2005-06-02", "2005-06-30"),
    // A past auxiliary right after a bare month is its subject's verb: the month is past.
    ("The appointment of a new minister in July was taken as a sign of change.", "2005-06-01", "July", "DATE", "2004-07", "2004-07-01", "2004-07-31"),
    // In a past-tense clause a bare month or season is one begun before the publication, however
    // much nearer the next one is (issue 14).
    ("Beenie Man was dropped from a show in August.", "2005-06-01", "August", "DATE", "2004-08", "2004-08-01", "2004-08-31"),
    ("In July a virus slowed down searches on Google.", "2005-06-01", "July", "DATE", "2004-07", "2004-07-01", "2004-07-31"),
    ("It was a hard time throughout the summer.", "2005-06-01", "the summer", "DATE", "2004-SU", "2004-06-01", "2004-08-31"),
    ("They ran five tries past the French in the summer.", "2005-06-01", "the summer", "DATE", "2004-SU", "2004-06-01", "2004-08-31"),
    ("A new round is expected later this month.", R, "this month", "DATE", "2025-11", "2025-11-21", "2025-11-30"),
    ("Bonds rallied late yesterday.", R, "late yesterday", "DATE", "2025-11-19", "2025-11-19", "2025-11-19"),
    ("The talks resumed in January this year.", R, "January this year", "DATE", "2025-01", "2025-01-01", "2025-01-31"),
    ("The accord was signed in June last year.", R, "June last year", "DATE", "2024-06", "2024-06-01", "2024-06-30"),
    ("The army withdrew last November.", R, "last November", "DATE", "2024-11", "2024-11-01", "2024-11-30"),
    ("The leaders met last April.", R, "last April", "DATE", "2025-04", "2025-04-01", "2025-04-30"),
    ("The sale closes next March.", R, "next March", "DATE", "2026-03", "2026-03-01", "2026-03-31"),
    ("Unemployment fell in the past year.", R, "the past year", "DATE", "2024", "2024-01-01", "2024-12-31"),
    // Anchored on an earlier date of the text.
    ("The ceasefire began on March 3. The previous day, shells hit the town.", R, "The previous day", "DATE", "2025-03-02", "2025-03-02", "2025-03-02"),
    ("Rebels entered the city on June 10. The next day they left.", R, "The next day", "DATE", "2025-06-11", "2025-06-11", "2025-06-11"),
    ("The vote was on May 4. The following day, protests began.", R, "The following day", "DATE", "2025-05-05", "2025-05-05", "2025-05-05"),
    ("Talks began on Oct. 2. That day, markets rose.", R, "That day", "DATE", "2025-10-02", "2025-10-02", "2025-10-02"),
    // TimeBank reads "N days later" as a duration without "later".
    ("The storm hit on Aug. 9. Two days later the river burst.", R, "Two days", "DURATION", "P2D", "", ""),
    ("The rebels left on May 2. A month later the town was calm.", R, "A month", "DURATION", "P1M", "", ""),
    ("The plant opened in 1990. The following year it closed.", R, "The following year", "DATE", "1991", "1991-01-01", "1991-12-31"),
    ("Profit fell in the third quarter. A year earlier it had risen.", R, "A year earlier", "DATE", "2024-Q3", "2024-07-01", "2024-09-30"),
    ("Profit fell in the year-ago third quarter.", R, "the year-ago third quarter", "DATE", "2024-Q3", "2024-07-01", "2024-09-30"),
    ("Output doubled in the last half of 2019.", R, "the last half of 2019", "DATE", "2019-H2", "2019-07-01", "2019-12-31"),
    ("Repairs will take two to three weeks.", R, "two to three weeks", "DURATION", "P2W", "", ""),
    // Times of day.
    ("The blast happened at 3 p.m. near the station.", R, "3 p.m.", "TIME", "2025-11-20T15:00", "2025-11-20", "2025-11-20"),
    ("The polls close at 8 pm.", R, "8 pm", "TIME", "2025-11-20T20:00", "2025-11-20", "2025-11-20"),
    ("The train left at 10:35 a.m.", R, "10:35 a.m.", "TIME", "2025-11-20T10:35", "2025-11-20", "2025-11-20"),
    ("The shooting happened at 21:40 in the centre.", R, "21:40", "TIME", "2025-11-20T21:40", "2025-11-20", "2025-11-20"),
    ("The leaders met at noon.", R, "noon", "TIME", "2025-11-20T12:00", "2025-11-20", "2025-11-20"),
    ("Police raided the house Tuesday morning.", R, "Tuesday morning", "TIME", "2025-11-18TMO", "2025-11-18", "2025-11-18"),
    ("The minister will speak Friday evening.", R, "Friday evening", "TIME", "2025-11-21TEV", "2025-11-21", "2025-11-21"),
    ("Shelling continued overnight into this morning.", R, "this morning", "TIME", "2025-11-20TMO", "2025-11-20", "2025-11-20"),
    ("The president will address the nation tonight.", R, "tonight", "TIME", "2025-11-20TNI", "2025-11-20", "2025-11-20"),
    ("Rioters clashed with police last night.", R, "last night", "TIME", "2025-11-19TNI", "2025-11-19", "2025-11-19"),
    ("The deadline will expire at 5 p.m. EST Friday.", R, "5 p.m. EST Friday", "TIME", "2025-11-21T17:00", "2025-11-21", "2025-11-21"),
    ("The protest was broken up yesterday afternoon.", R, "yesterday afternoon", "TIME", "2025-11-19TAF", "2025-11-19", "2025-11-19"),
    // Durations.
    ("He served three years in prison.", R, "three years", "DURATION", "P3Y", "", ""),
    ("The talks lasted 18 months.", R, "18 months", "DURATION", "P18M", "", ""),
    ("The country waited a decade for reform.", R, "a decade", "DURATION", "P10Y", "", ""),
    ("The siege lasted two weeks.", R, "two weeks", "DURATION", "P2W", "", ""),
    ("Rescuers worked for five hours.", R, "five hours", "DURATION", "PT5H", "", ""),
    ("The meeting took 45 minutes.", R, "45 minutes", "DURATION", "PT45M", "", ""),
    ("They signed a two-year contract.", R, "two-year", "DURATION", "P2Y", "", ""),
    ("It ended a 16-hour standoff.", R, "16-hour", "DURATION", "PT16H", "", ""),
    ("Sales rose in the first nine months.", R, "the first nine months", "DURATION", "P9M", "", ""),
    ("Prices rose over the past two months.", R, "the past two months", "DURATION", "P2M", "", ""),
    ("Inflation will fall over the next five years.", R, "the next five years", "DURATION", "P5Y", "", ""),
    ("The trial could take several years.", R, "several years", "DURATION", "PXY", "", ""),
    ("Rescuers have a few days left.", R, "a few days", "DURATION", "PXD", "", ""),
    ("The flight took 5 1/2 hours.", R, "5 1/2 hours", "DURATION", "PT5H30M", "", ""),
    ("The project will take two and a half years.", R, "two and a half years", "DURATION", "P2Y6M", "", ""),
    ("The camp has been there for years.", R, "years", "DURATION", "PXY", "", ""),
    ("The war lasted a century.", R, "a century", "DURATION", "P100Y", "", ""),
    ("They met for more than three hours.", R, "more than three hours", "DURATION", "PT3H", "", ""),
    ("The mission lasts twenty-five days.", R, "twenty-five days", "DURATION", "P25D", "", ""),
    // Sets.
    ("Inspectors visit every week.", R, "every week", "SET", "P1W", "", ""),
    ("The council meets every Tuesday.", R, "every Tuesday", "SET", "XXXX-WXX-2", "", ""),
    ("The report is published annually.", R, "annually", "SET", "P1Y", "", ""),
    ("The pills are taken daily.", R, "daily", "SET", "P1D", "", ""),
    ("The board meets each month.", R, "each month", "SET", "P1M", "", ""),
    ("The census is held every ten years.", R, "every ten years", "SET", "P10Y", "", ""),
    ("Elections are held twice a year.", R, "a year", "SET", "P1Y", "", ""),
    ("The index is updated weekly.", R, "weekly", "SET", "P1W", "", ""),
    ("The market opens on Sundays.", R, "Sundays", "SET", "XXXX-WXX-7", "", ""),
    ("The festival is held each July.", R, "each July", "SET", "XXXX-07", "", ""),
    // Present, past and future references.
    ("The group recently expanded.", R, "recently", "DATE", "PAST_REF", "", ""),
    ("Costs may rise in the future.", R, "the future", "DATE", "FUTURE_REF", "", ""),
    ("Such talks were rare in the past.", R, "the past", "DATE", "PAST_REF", "", ""),
    ("The current government fell.", R, "current", "DATE", "PRESENT_REF", "2025-11-20", "2025-11-20"),
    ("Attacks have risen in recent weeks.", R, "recent weeks", "DATE", "PAST_REF", "", ""),
    ("Investment will grow in the coming months.", R, "the coming months", "DURATION", "PXM", "", ""),
    ("Prices have fallen over the last few months.", R, "the last few months", "DURATION", "PXM", "", ""),
    ("Inflation is falling these days.", R, "these days", "DATE", "PRESENT_REF", "2025-11-20", "2025-11-20"),
    ("No deal is likely in the near future.", R, "the near future", "DATE", "FUTURE_REF", "", ""),
    ("At present, the border is closed.", R, "present", "DATE", "PRESENT_REF", "2025-11-20", "2025-11-20"),
    ("Fourth-quarter sales will rise. Profit fell in the latest quarter.", R, "the latest quarter", "DATE", "2025-Q3", "2025-07-01", "2025-09-30"),
    ("Mr. Schwarz will succeed him Feb. 1.", "1989-10-26", "Feb. 1", "DATE", "1990-02-01", "1990-02-01", "1990-02-01"),
    ("The final is on Saturday, 26 February.", "2005-02-20", "Saturday, 26 February", "DATE", "2005-02-26", "2005-02-26", "2005-02-26"),
    ("Saturday, 26 February\n\n1400 GMT\n\nThe match is sold out.", "2005-02-20", "1400 GMT", "TIME", "2005-02-26T14:00", "2005-02-26", "2005-02-26"),
    // A paragraph break or the end of a heading line ends an expression.
    ("Storm hit the coast on 26 February\n\n1400 homes lost power.", "2026-02-27", "26 February", "DATE", "2026-02-26", "2026-02-26", "2026-02-26"),
    ("Storm hits coast on 26 February\n2014 was already a record year for floods.", "2026-02-27", "26 February", "DATE", "2026-02-26", "2026-02-26", "2026-02-26"),
    // Business news: fiscal years, quarters named nearby.
    ("Net income rose in the year ended June 30.", "1989-11-02", "the year", "DURATION", "P1Y", "", ""),
    ("In the fiscal year ended Jan. 31, sales rose.", "1989-11-02", "the fiscal year", "DURATION", "P1Y", "", ""),
    ("The stock hit a high for the year in June.", "1989-11-02", "the year", "DATE", "1989", "1989-01-01", "1989-12-31"),
    ("It lost money in the third quarter. For the quarter a year ago, it earned $5 million.", "1989-10-26", "the quarter a year ago", "DATE", "1988-Q3", "1988-07-01", "1988-09-30"),
    ("It lost money in the third quarter, against a profit in the corresponding period last year.", "1989-11-01", "the corresponding period last year", "DATE", "1988-Q3", "1988-07-01", "1988-09-30"),
    ("Sales fell in the third quarter. U.K. sales for last year's quarter were $3 million.", "1989-11-01", "last year's quarter", "DATE", "1988-Q3", "1988-07-01", "1988-09-30"),
    ("Profit fell in the third quarter, against a gain in the 1988 quarter.", "1989-10-30", "the 1988 quarter", "DATE", "1988-Q3", "1988-07-01", "1988-09-30"),
    ("Net fell in the nine months, against a loss in the 1988 period.", "1989-11-02", "the 1988 period", "DATE", "1988", "1988-01-01", "1988-12-31"),
    ("The company earned $5 million for the quarter ended Sept. 30.", "1989-10-26", "the quarter", "DATE", "1989-Q3", "1989-07-01", "1989-09-30"),
    ("It had a loss in the second quarter. Results for that quarter included a charge.", "1989-10-27", "that quarter", "DATE", "1989-Q2", "1989-04-01", "1989-06-30"),
    // Plans point forward; "earlier"/"later" stay outside a week's span.
    ("The team planned to leave Nairobi on Thursday.", "1998-09-30", "Thursday", "DATE", "1998-10-01", "1998-10-01", "1998-10-01"),
    ("The peace process, set to resume Monday, is fragile.", "1998-03-22", "Monday", "DATE", "1998-03-23", "1998-03-23", "1998-03-23"),
    ("On Friday, the government planned to pay the claims.", "1998-09-30", "Friday", "DATE", "1998-09-25", "1998-09-25", "1998-09-25"),
    // Numbers that only look like years.
    ("Bonds due 1993 were sold.", "1989-11-02", "1993", "DATE", "1993", "1993-01-01", "1993-12-31"),
    ("The target is net zero by 2050.", "2005-06-01", "2050", "DATE", "2050", "2050-01-01", "2050-12-31"),
    // A bare month without a tense cue is the past one; "by" sets a deadline ahead.
    ("Shares rose to a high in June from $29.75 in March.", "1989-10-30", "March", "DATE", "1989-03", "1989-03-01", "1989-03-31"),
    ("The company aims to pay down its loan by February.", "1989-10-30", "February", "DATE", "1990-02", "1990-02-01", "1990-02-28"),
    ("International Women's Day is on March eighth.", "1998-03-05", "March eighth", "DATE", "1998-03-08", "1998-03-08", "1998-03-08"),
    // Durations written as compound adjectives; "recent months" is a span.
    ("Lawyers emerged from their third day-long meeting.", "2000-04-03", "day-long", "DURATION", "P1D", "", ""),
    ("It is a symbol of the decades-long battle.", "2000-01-15", "decades-long", "DURATION", "PXY", "", ""),
    ("Officials have raised concerns in recent months.", "1998-04-02", "recent months", "DURATION", "PXM", "", ""),
    ("Sales rose to $1bn in 2004, up from $900m the year before.", "2005-03-01", "the year before", "DATE", "2003", "2003-01-01", "2003-12-31"),
    ("The company expects growth in the year ahead.", "2005-03-01", "the year ahead", "DURATION", "P1Y", "", ""),
    ("Analysts expect more selling in the weeks ahead.", "2005-03-01", "the weeks ahead", "DURATION", "PXW", "", ""),
    ("The year 2004 shows that our strategy works.", "2005-03-01", "The year 2004", "DATE", "2004", "2004-01-01", "2004-12-31"),
    ("He wore London's 2012 Olympic bid slogan.", "2005-06-01", "2012", "DATE", "2012", "2012-01-01", "2012-12-31"),
    ("Rates will stay low until at least 2008.", "2005-06-01", "2008", "DATE", "2008", "2008-01-01", "2008-12-31"),
    ("Money was set aside in 2010, 2011 and 2012.", "2005-06-01", "2011", "DATE", "2011", "2011-01-01", "2011-12-31"),
    ("Sales have been flat for the last half of the '80s.", "1989-10-26", "the last half of the '80s", "DATE", "198", "1980-01-01", "1989-12-31"),
    ("Over the years many more patients died.", "1998-03-31", "the years", "DURATION", "PXY", "", ""),
    // A passive after a form of "be" takes its tense from the auxiliary, not from the "-ed".
    ("Details of the chip will be released in Tokyo on Monday.", R, "Monday", "DATE", "2025-11-24", "2025-11-24", "2025-11-24"),
    ("The winners are to be named at a ceremony on Saturday.", R, "Saturday", "DATE", "2025-11-22", "2025-11-22", "2025-11-22"),
    ("The United Nations council meets on Monday, diplomats say.", R, "Monday", "DATE", "2025-11-17", "2025-11-17", "2025-11-17"),
    ("The strike was called off on Sat. after talks.", R, "Sat.", "DATE", "2025-11-15", "2025-11-15", "2025-11-15"),
    ("The dividend will be paid Dec. 14 to holders of record.", "1998-08-17", "Dec. 14", "DATE", "1998-12-14", "1998-12-14", "1998-12-14"),
    ("The vote will be held in July.", "1998-08-17", "July", "DATE", "1999-07", "1999-07-01", "1999-07-31"),
    // "will" holds even when the other side's month is nearer.
    ("Collins will be named commander of a mission in December.", "1998-03-04", "December", "DATE", "1998-12", "1998-12-01", "1998-12-31"),
    // A change "effective" a date takes effect at the one nearest ahead.
    ("The board created a new office of the chairman, effective Feb. 1.", "1989-10-26", "Feb. 1", "DATE", "1990-02-01", "1990-02-01", "1990-02-01"),
    ("He resigned, effective Aug. 1.", "1998-08-17", "Aug. 1", "DATE", "1998-08-01", "1998-08-01", "1998-08-01"),
    // "the plan" is a noun: the past tense before it governs.
    ("The bank announced the plan on Tuesday.", R, "Tuesday", "DATE", "2025-11-18", "2025-11-18", "2025-11-18"),
    ("He said the region will one day be at peace.", R, "one day", "DATE", "FUTURE_REF", "", ""),
    ("The shops stay open until 9 in the evening.", R, "9 in the evening", "TIME", "2025-11-20T21:00", "2025-11-20", "2025-11-20"),
    // A fronted "until" leaves the tense to its clause; "until" after a verb sets a deadline ahead.
    ("Until Thursday, police had not named him a suspect.", "2025-11-21", "Thursday", "DATE", "2025-11-20", "2025-11-20", "2025-11-20"),
    ("Officials postponed until Tuesday any action on the permit.", R, "Tuesday", "DATE", "2025-11-25", "2025-11-25", "2025-11-25"),
    // "plans" without "to" is a noun; "planned" with an object plans that day.
    ("On Friday, when she set aside her vacation plans, the ministry lifted a warning.", "2025-11-24", "Friday", "DATE", "2025-11-21", "2025-11-21", "2025-11-21"),
    ("Protesters planned a large march on Saturday.", "2025-11-21", "Saturday", "DATE", "2025-11-22", "2025-11-22", "2025-11-22"),
    ("The offensive began as previously planned Saturday night.", "2025-11-24", "Saturday night", "TIME", "2025-11-22TNI", "2025-11-22", "2025-11-22"),
    ("Some families have kept the secret for more than two thousand years.", R, "more than two thousand years", "DURATION", "P2000Y", "", ""),
    ("The town has stood for 2,000 years.", R, "2,000 years", "DURATION", "P2000Y", "", ""),
    ("By mid afternoon, officials said the raid was over.", R, "mid afternoon", "TIME", "2025-11-20TAF", "2025-11-20", "2025-11-20"),
    ("The rebels attacked on Monday and withdrew in the late afternoon.", R, "the late afternoon", "TIME", "2025-11-17TAF", "2025-11-17", "2025-11-17"),
    ("The rules, which come into force on 7 February, were agreed in March.", "2025-11-20", "7 February", "DATE", "2026-02-07", "2026-02-07", "2026-02-07"),
    ("Mr Clarke, who will unveil his plans on Monday, said migration helped the economy.", R, "Monday", "DATE", "2025-11-24", "2025-11-24", "2025-11-24"),
    ("Talks Resume Today", R, "Today", "DATE", "2025-11-20", "2025-11-20", "2025-11-20"),
    ("The car was seen in the weeks before the shooting.", R, "weeks", "DURATION", "PXW", "", ""),
    ("After years of war, the border reopened.", R, "years", "DURATION", "PXY", "", ""),
    ("The exhibition runs from 8 June to 3 September at Tate Modern.", "2023-06-05", "8 June to 3 September", "DATE", "2023-06-08", "2023-06-08", "2023-09-03"),
    ("The festival ran from 28 December to 2 January 2023.", "2023-06-05", "28 December to 2 January 2023", "DATE", "2022-12-28", "2022-12-28", "2023-01-02"),
    ("The government expects growth to pick up in the second half of the year.", "2019-05-02", "the second half of the year", "DATE", "2019-H2", "2019-07-01", "2019-12-31"),
    ("Tickets for the tour, which runs from May to August, are on sale.", "2024-01-18", "May", "DATE", "2024-05", "2024-05-01", "2024-05-31"),
    // Several units in one duration.
    ("The marathon was won in 2 hours 5 minutes 59 seconds.", R, "2 hours 5 minutes 59 seconds", "DURATION", "PT2H5M59S", "", ""),
    ("He was jailed for two years and six months.", R, "two years and six months", "DURATION", "P2Y6M", "", ""),
    // A clock on a holiday or a written date; holidays beyond the US ones.
    ("The special will air at 7.40pm on Christmas Day.", R, "7.40pm on Christmas Day", "TIME", "2025-12-25T19:40", "2025-12-25", "2025-12-25"),
    ("The lorry left the road at 4.15am on 2 February.", R, "4.15am on 2 February", "TIME", "2025-02-02T04:15", "2025-02-02", "2025-02-02"),
    ("No trains will run on Boxing Day.", R, "Boxing Day", "DATE", "2025-12-26", "2025-12-26", "2025-12-26"),
    // The present of a fixture points ahead.
    ("England face the USA on Friday night.", "2022-11-21", "Friday night", "TIME", "2022-11-25TNI", "2022-11-25", "2022-11-25"),
    ("She spent years campaigning for equal pay.", R, "years", "DURATION", "PXY", "", ""),
    // A capital after a preposition or "the" is no name: the weekday and month stand.
    ("\"It works.\" On Tuesday Labour chairman Ian McCartney said so.", R, "Tuesday", "DATE", "2025-11-18", "2025-11-18", "2025-11-18"),
    ("In June I will decide whether to stay.", "2025-03-01", "June", "DATE", "2025-06", "2025-06-01", "2025-06-30"),
    ("The trial is expected to last six weeks.", R, "six weeks", "DURATION", "P6W", "", ""),
    ("Prosecutors allege the men rigged the rate between March and May 2013.", "2016-03-22", "March", "DATE", "2013-03", "2013-03-01", "2013-03-31"),
    ("Service revenue fell in the final quarter of 2018.", "2019-01-31", "the final quarter of 2018", "DATE", "2018-Q4", "2018-10-01", "2018-12-31"),
    ("Kick-off is at 4.30pm on Sunday.", "2017-12-09", "4.30pm on Sunday", "TIME", "2017-12-10T16:30", "2017-12-10", "2017-12-10"),
    ("An interim timetable introduced on 4 June will be scrapped.", "2018-08-30", "4 June", "DATE", "2018-06-04", "2018-06-04", "2018-06-04"),
    ("The strike began late Wednesday.", R, "late Wednesday", "DATE", "2025-11-19", "2025-11-19", "2025-11-19"),
    ("Markets in Tokyo open at 6am local time.", R, "6am local time", "TIME", "2025-11-20T06:00", "2025-11-20", "2025-11-20"),
    ("Exports fell in the second half, the bank said.", "2005-06-01", "the second half", "DATE", "2004-H2", "2004-07-01", "2004-12-31"),
    ("Hurricane Laura slammed into the coast overnight.", "2020-08-27", "overnight", "TIME", "2020-08-26TNI", "2020-08-26", "2020-08-26"),
    ("Storms could bring tornadoes to Kentucky overnight.", "2021-12-11", "overnight", "TIME", "2021-12-11TNI", "2021-12-11", "2021-12-11"),
    ("Prices rose by the smallest amount since January.", "2022-11-10", "January", "DATE", "2022-01", "2022-01-01", "2022-01-31"),
    ("He arrived on Sunday ahead of a speech to Congress on Tuesday.", "2015-03-01", "Tuesday", "DATE", "2015-03-03", "2015-03-03", "2015-03-03"),
    ("The rules, which take effect on Jan. 1, were passed.", "2022-09-06", "Jan. 1", "DATE", "2023-01-01", "2023-01-01", "2023-01-01"),
    ("The White House responded within minutes.", R, "minutes", "DURATION", "PTXM", "", ""),
    ("Service will be suspended every weekend in January.", R, "every weekend", "SET", "XXXX-WXX-WE", "", ""),
    ("The Celtics won 64 games in the 2023-24 season.", "2024-05-20", "the 2023-24 season", "DATE", "2023", "2023-01-01", "2023-12-31"),
    // Review cases: "9am to", "-ly" nouns, business halves, cross-year ranges, names after words.
    ("From 9am to noon on Monday, police blocked the road.", "2021-06-10", "noon on Monday", "TIME", "2021-06-07T12:00", "2021-06-07", "2021-06-07"),
    ("The rally ended on Monday with speeches that will be broadcast.", "2021-06-10", "Monday", "DATE", "2021-06-07", "2021-06-07", "2021-06-07"),
    ("Defence spending will rise in the second half.", "2021-06-10", "the second half", "DATE", "2021-H2", "2021-07-01", "2021-12-31"),
    ("The festival ran from 20 December 2020 to 3 January.", "2021-06-10", "20 December 2020 to 3 January", "DATE", "2020-12-20", "2020-12-20", "2021-01-03"),
    ("They met at 6:30 in the evening.", "2021-06-10", "6:30 in the evening", "TIME", "2021-06-10T18:30", "2021-06-10", "2021-06-10"),
    ("In mid-June Parliament will vote.", "2021-03-10", "mid-June", "DATE", "2021-06", "2021-06-10", "2021-06-21"),
    ("A man arrested on Friday, who cannot be named, appeared in court.", "2021-06-10", "Friday", "DATE", "2021-06-04", "2021-06-04", "2021-06-04"),
    ("On Christmas I visited my parents.", "2021-06-10", "Christmas", "DATE", "2020-12-25", "2020-12-25", "2020-12-25"),
    ("The race ended 43 minutes ago.", "2021-06-10", "43 minutes ago", "DATE", "2021-06-10", "2021-06-10", "2021-06-10"),
    ("Life in the 1900s was hard.", R, "the 1900s", "DATE", "19", "1900-01-01", "1999-12-31"),
    ("Residents have been asked to store water on Thursday night.", "2017-03-22", "Thursday night", "TIME", "2017-03-23TNI", "2017-03-23", "2017-03-23"),
    ("As thousands prepare to gather for her funeral on Saturday, people reflect.", "2018-04-12", "Saturday", "DATE", "2018-04-14", "2018-04-14", "2018-04-14"),
    // British clocks: "9am", "4.15am", with the day after them.
    ("Tube workers will strike from 9am on Friday.", R, "9am on Friday", "TIME", "2025-11-21T09:00", "2025-11-21", "2025-11-21"),
    ("Firefighters were called to the warehouse at 4.15am on Sunday.", R, "4.15am on Sunday", "TIME", "2025-11-16T04:15", "2025-11-16", "2025-11-16"),
    ("Britain leaves the European Union at 11pm tonight.", R, "11pm tonight", "TIME", "2025-11-20T23:00", "2025-11-20", "2025-11-20"),
    ("Liz Truss, who took office on 6 Sept, faces a revolt.", "2022-10-17", "6 Sept", "DATE", "2022-09-06", "2022-09-06", "2022-09-06"),
    ("Prices rose in the spring, the regulator said.", "2020-09-16", "the spring", "DATE", "2020-SP", "2020-03-01", "2020-05-31"),
    // With no tense, the nearest weekend: ahead from a Thursday, just past from a Tuesday.
    ("More thunderstorms are forecast for the weekend.", R, "the weekend", "DATE", "2025-W47-WE", "2025-11-22", "2025-11-23"),
    ("Thunderstorms hit southern towns over the weekend.", "2025-11-18", "the weekend", "DATE", "2025-W46-WE", "2025-11-15", "2025-11-16"),
    // A past verb right before the date is not overruled by a nearer January ahead.
    ("The UK formally left the EU in January.", "2020-12-10", "January", "DATE", "2020-01", "2020-01-01", "2020-01-31"),
    // Vague spans and references.
    ("Control Data, which just months ago was failing, is healthy again.", R, "months ago", "DATE", "PAST_REF", "", ""),
    ("Over the past decade, the city doubled in size.", R, "the past decade", "DURATION", "P10Y", "", ""),
    ("He told USA Today on Monday that he would run.", R, "Monday", "DATE", "2025-11-17", "2025-11-17", "2025-11-17"),
    ("They will have to live without power for a while.", R, "a while", "DURATION", "PXX", "", ""),
    ("The rebels left the town a while ago.", R, "a while ago", "DATE", "PAST_REF", "", ""),
    ("In today's world, nothing stays private.", R, "today", "DATE", "PRESENT_REF", "2025-11-20", "2025-11-20"),
    ("Today's meeting was cancelled.", R, "Today", "DATE", "2025-11-20", "2025-11-20", "2025-11-20"),
    ("We do not minimise the challenges of the near term.", R, "the near term", "DATE", "FUTURE_REF", "", ""),
    ("The losses will cut tax payments in future quarters.", R, "future quarters", "DATE", "FUTURE_REF", "", ""),
    // Issue 14: a 24-hour clock is no year; what TIMEX3 cannot write is vague (issue 16.8).
    ("A bomb was due to explode at 2100 local time.", R, "2100 local time", "TIME", "2025-11-20T21:00", "2025-11-20", "2025-11-20"),
    ("A fantasy set 6,000 years ago.", R, "6,000 years ago", "DATE", "PAST_REF", "", ""),
    // Reported plans: "would" before the day points ahead, unless the day owns a finished thing.
    ("Officials said on Tuesday that the bridge would reopen on Friday.", R, "Friday", "DATE", "2025-11-21", "2025-11-21", "2025-11-21"),
    ("His lawyers said they would appeal Monday's ruling.", R, "Monday", "DATE", "2025-11-17", "2025-11-17", "2025-11-17"),
    ("The firm is to resume trading in Paris Tuesday.", R, "Tuesday", "DATE", "2025-11-25", "2025-11-25", "2025-11-25"),
    ("The ten-day summit begins on Monday in Geneva.", R, "Monday", "DATE", "2025-11-24", "2025-11-24", "2025-11-24"),
    // "quarters of" is a span before a plain noun, a share before a determiner (see NOT_TIMES).
    ("The unit turned a profit after several quarters of losses.", R, "several quarters", "DURATION", "PXQ", "", ""),
    ("The trial is set for Jan. 15 in Manila.", R, "Jan. 15", "DATE", "2026-01-15", "2026-01-15", "2026-01-15"),
    ("The new tariff takes effect in February.", R, "February", "DATE", "2026-02", "2026-02-01", "2026-02-28"),
    // A colon time after a word that sets a clock up, and a capitalised "Last" opening a sentence.
    ("The shooting happened shortly after 21:40 in the centre.", R, "21:40", "TIME", "2025-11-20T21:40", "2025-11-20", "2025-11-20"),
    ("Last summer was hot.", R, "Last summer", "DATE", "2025-SU", "2025-06-01", "2025-08-31"),
    // A tense after "and" + verb belongs to the next clause.
    ("The envoy met rebel leaders on Tuesday and will fly to Rome on Saturday.", R, "Tuesday", "DATE", "2025-11-18", "2025-11-18", "2025-11-18"),
    // "the last week of June" is a part of June, not last week.
    ("He died in the last week of June.", R, "the last week of June", "DATE", "2025-06", "2025-06-01", "2025-06-30"),
    ("Talks will resume in the first week of March.", R, "the first week of March", "DATE", "2026-03", "2026-03-01", "2026-03-31"),
    ("Polls close at 8 p.m. ET on Tuesday.", R, "8 p.m. ET on Tuesday", "TIME", "2025-11-18T20:00", "2025-11-18", "2025-11-18"),
    // A quarter long over is the next one in a clause about the future, not one just reported.
    ("The merger is expected to close in the third quarter.", "2005-03-10", "the third quarter", "DATE", "2005-Q3", "2005-07-01", "2005-09-30"),
    ("The company expects to report a loss for the third quarter.", "1989-10-15", "the third quarter", "DATE", "1989-Q3", "1989-07-01", "1989-09-30"),
    ("Sales slowed over the Christmas period.", "2005-01-10", "Christmas", "DATE", "2004-12-25", "2004-12-25", "2004-12-25"),
    // No publication date: keep what is known.
    ("The vote is on November 21.", "", "November 21", "DATE", "XXXX-11-21", "", ""),
    ("Exports fell last month.", "", "last month", "DATE", "XXXX-XX", "", ""),
    ("The law dates from 1998.", "", "1998", "DATE", "1998", "1998-01-01", "1998-12-31"),
    ("Ministers met on Tuesday.", "", "Tuesday", "DATE", "XXXX-WXX-2", "", ""),
    ("The group is currently in Baku.", "", "currently", "DATE", "PRESENT_REF", "", ""),
];

#[test]
fn expressions_in_sentences() {
    let t = tagger();
    let mut failures = Vec::new();
    for &(text, reference, expr, kind, value, earliest, latest) in ROWS {
        let found = tag(&t, text, reference);
        let hit = found.iter().find(|x| x.span.slice(text) == expr);
        let got = hit.map(|x| {
            (
                x.kind.as_str().to_string(),
                x.value.to_string(),
                x.earliest,
                x.latest,
            )
        });
        let want = Some((
            kind.to_string(),
            value.to_string(),
            day(earliest),
            day(latest),
        ));
        if got != want {
            let all: Vec<String> = found
                .iter()
                .map(|x| {
                    format!(
                        "{:?} {} {} {:?}..{:?}",
                        x.span.slice(text),
                        x.kind.as_str(),
                        x.value,
                        x.earliest,
                        x.latest
                    )
                })
                .collect();
            failures.push(format!(
                "{text:?} [{reference}] {expr:?}: want {want:?}\n    got {all:?}"
            ));
        }
    }
    assert!(ROWS.len() >= 150, "only {} rows", ROWS.len());
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        ROWS.len(),
        failures.join("\n")
    );
}

/// Things that are not time expressions.
#[rustfmt::skip]
const NOT_TIMES: &[&str] = &[
    "Once in a while he calls his brother.",
    "Police arrested 4 in the morning.",
    "He told USA Today that he would run.",
    "She lowered her world record of 2:17:18 in Chicago.",
    "The Sunday Times and The Sunday Telegraph say the club is for sale.",
    "FM2005 could be the best purchase you ever make.",
    "The suspect is 52 years of age.",
    "Some hospitals still run Windows 2000 on their scanners.",
    "The Good Friday Agreement ended most of the violence.",
    "Councillor June Whitfield said the car park would be resurfaced.",
    "George Orwell's Nineteen Eighty-Four was removed from the list.",
    "Schools were shut because of the winter storm.",
    "Los Angeles will host the next Summer Games.",
    "He became an overnight success.",
    "He was still in his twenties.",
    "The story ran in the Daily Nation.",
    "They approved the minutes of the meeting.",
    "Italy led 9-8 early in the second half but a late penalty won it.",
    "He drank spring water after the fall.",
    "He told BBC Radio 4's Today programme that taxes must rise.",
    "Sturrock has unfinished business with Wednesday, who are fourth in League One.",
    "\"We would look at a tour together,\" May wrote.",
    "The duo won best entertainment programme for Saturday Night Takeaway, beating rivals.",
    "The last decade of the old century was calm.",
    "The short term rate rose sharply.",
    "The two countries continue navigating a delicate post-war agenda.",
    "They face severe sentences, including life imprisonment.",
    "The operator launched the 5G network in the capital.",
    "The government allocated 18 million drams to the flight.",
    "Police detained 1,500 protesters.",
    "The company employs 2000 workers at the plant.",
    "The rifle costs $1999 in stores.",
    "During her recent visit to Yerevan, she discussed the matter.",
    "The segment also addressed recent remarks by the minister.",
    "Theresa May met the press.",
    "May I ask a question?",
    "The boy, a 12-year-old, was unhurt.",
    "The march on the capital drew thousands.",
    "He may fall on the ice.",
    "Flight 1549 landed safely.",
    "The spring water is clean.",
    "Room 1204 was searched.",
    "The software uses 2048-bit encryption.",
    "It is 5% of the average daily volume.",
    "Wong Kar-wai's film 2046 opened in Cannes.",
    "A 1,500-strong force arrived, and a 1500-strong unit followed.",
    "Chelsea won 2-1 and the report ran to 1998 pages.",
    "The grid runs on Solaris, the operating system owned by Sun.",
    "She was named Sportswoman of the Year by the magazine.",
    "Pension funds hold more than a quarter of the bond market.",
    "Three quarters of its revenue comes from abroad.",
    "She spoke often in the last week of the campaign.",
    // A bare colon time after no word that sets a clock up is a race time (issue 14).
    "He missed the mark but 3:39 was the best he could achieve.",
    // A capitalised "Last" inside a name is a title's (issue 14).
    "Diana Rigg was best actress for Suddenly Last Summer.",
];

#[test]
fn things_that_are_not_times() {
    let t = tagger();
    for text in NOT_TIMES {
        let found = tag(&t, text, R);
        let spans: Vec<&str> = found.iter().map(|x| x.span.slice(text)).collect();
        assert!(found.is_empty(), "{text:?} tagged {spans:?}");
    }
}

#[test]
fn anything_goes_without_panic() {
    let t = tagger();
    let nasty = [
        "",
        " ",
        "–",
        "Nov.",
        "31 February 2025",
        "February 30",
        "99:99 p.m.",
        "the",
        "1990s—2000s",
        "Ünïcödé 5 Nov. 2025 — 2025-13-45",
        "'",
        "mid-",
        "every",
        "a.m.",
        "Q",
        "Q9 2025",
        "9999-99-99",
        "second",
        "the 0th century",
        "last",
        "Sept. 31, 2025",
    ];
    for text in nasty {
        for reference in [R, ""] {
            let found = tag(&t, text, reference);
            for x in found {
                assert!(text.is_char_boundary(x.span.start) && text.is_char_boundary(x.span.end));
            }
        }
    }
}
