//! Which dunning letter a customer is due, if any: the level follows the days overdue and
//! the letters already sent about the debt, escalating one level at a time.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The owner's rules for letters (a setting).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct DunningPolicy {
    /// Days overdue from which each level may be sent: reminder, demand, final notice.
    pub level_days: [u32; 3],
    /// Never two letters to one customer closer than this.
    pub min_gap_days: u32,
    /// The pay-by date of each level: days after the letter's date.
    pub pay_within_days: [u32; 3],
}

impl Default for DunningPolicy {
    fn default() -> Self {
        DunningPolicy { level_days: [15, 45, 90], min_gap_days: 14, pay_within_days: [10, 7, 7] }
    }
}

impl DunningPolicy {
    pub fn validate(&self) -> Result<(), String> {
        let [a, b, c] = self.level_days;
        if !(1..=3650).contains(&a) || b <= a || c <= b || c > 3650 {
            return Err(format!("the levels' days must rise: {a} < {b} < {c}, from 1 to 3650"));
        }
        if self.min_gap_days > 365 {
            return Err("the least days between two letters must be at most 365".into());
        }
        if self.pay_within_days.iter().any(|d| !(1..=90).contains(d)) {
            return Err("each pay-by must be 1 to 90 days after the letter".into());
        }
        Ok(())
    }

    /// The highest level whose threshold `days_overdue` reaches (0: none).
    pub fn level_for(&self, days_overdue: i64) -> u8 {
        self.level_days.iter().filter(|&&d| days_overdue >= i64::from(d)).count() as u8
    }
}

/// A letter already sent about the debt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentLetter {
    pub date: NaiveDate,
    pub level: u8,
}

/// What the rules say about a customer today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Suggestion {
    /// Nothing is overdue long enough for a letter.
    NotYet,
    /// A letter of this level is due now.
    Due { level: u8 },
    /// The last letter is too recent: the next, of this level, may go on that day.
    Wait { level: u8, until: NaiveDate },
    /// The final notice was sent: what remains is legal action, not another letter.
    Exhausted,
}

/// The highest level the days overdue and the letters already sent allow: the first letter
/// at most a demand (a final notice needs a demand before it), each later one at most one
/// level above the highest sent (0: none yet).
fn escalation_level(policy: &DunningPolicy, days_overdue: i64, sent: &[SentLetter]) -> u8 {
    let by_days = policy.level_for(days_overdue);
    match sent.iter().map(|l| l.level).max() {
        None => by_days.min(2),
        Some(highest) => by_days.min(highest + 1),
    }
}

/// The next letter for a customer whose oldest overdue item is `days_overdue` days late on
/// `today`, given the letters sent about this debt (since it fell due). The first letter is
/// at most a demand (a final notice needs a demand before it); after that each letter is at
/// most one level above the last, and never the same level again.
pub fn next_letter(policy: &DunningPolicy, days_overdue: i64, sent: &[SentLetter], today: NaiveDate) -> Suggestion {
    if policy.level_for(days_overdue) == 0 {
        return Suggestion::NotYet;
    }
    let highest = sent.iter().map(|l| l.level).max().unwrap_or(0);
    if highest >= 3 {
        return Suggestion::Exhausted;
    }
    let level = escalation_level(policy, days_overdue, sent);
    if level <= highest {
        return Suggestion::NotYet;
    }
    if let Err(TooSoon { next, .. }) = check_gap(policy, sent, today) {
        return Suggestion::Wait { level, until: next };
    }
    Suggestion::Due { level }
}

/// A letter of a level above what the escalation rules allow now: sent only with the
/// owner's written reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LevelSkipped {
    /// The highest level due now (1 when nothing is due yet: a reminder is never a skip).
    pub due: u8,
    pub chosen: u8,
}

/// Whether a letter of `chosen` level keeps to the escalation: at most the level due by the
/// days overdue and the letters sent (see [`next_letter`]), and never above the level after
/// the highest sent. A reminder is always in order; so is a level already reached (a second
/// final notice is not a skip).
pub fn check_level(
    policy: &DunningPolicy,
    days_overdue: i64,
    sent: &[SentLetter],
    chosen: u8,
) -> Result<(), LevelSkipped> {
    let highest = sent.iter().map(|l| l.level).max().unwrap_or(0);
    let due = escalation_level(policy, days_overdue, sent).max(1).max(highest.min(3));
    if chosen > due {
        return Err(LevelSkipped { due, chosen });
    }
    Ok(())
}

/// A letter sooner after the customer's last one than the policy's least gap: sent only
/// with the owner's written reason, like a skipped level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooSoon {
    /// The customer's last letter on or before the new letter's date.
    pub last: NaiveDate,
    /// The first day the next letter may go without a reason.
    pub next: NaiveDate,
}

/// The first day after `last` a letter may go: `min_gap_days` later.
fn gap_end(policy: &DunningPolicy, last: NaiveDate) -> NaiveDate {
    last + chrono::Days::new(u64::from(policy.min_gap_days))
}

/// Whether a letter dated `date` keeps the least gap after the customer's letters `sent`
/// (those dated after `date` are not its predecessors and are ignored).
pub fn check_gap(policy: &DunningPolicy, sent: &[SentLetter], date: NaiveDate) -> Result<(), TooSoon> {
    let Some(last) = sent.iter().map(|l| l.date).filter(|d| *d <= date).max() else { return Ok(()) };
    let next = gap_end(policy, last);
    if date < next {
        return Err(TooSoon { last, next });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::parse_date;

    fn d(text: &str) -> NaiveDate {
        parse_date(text).unwrap()
    }

    fn next(days: i64, sent: &[(&str, u8)], today: &str) -> Suggestion {
        let sent: Vec<SentLetter> = sent.iter().map(|&(date, level)| SentLetter { date: d(date), level }).collect();
        next_letter(&DunningPolicy::default(), days, &sent, d(today))
    }

    #[test]
    fn the_level_follows_the_days_overdue_at_each_threshold() {
        assert_eq!(next(14, &[], "2026-12-01"), Suggestion::NotYet);
        assert_eq!(next(15, &[], "2026-12-01"), Suggestion::Due { level: 1 });
        assert_eq!(next(44, &[], "2026-12-01"), Suggestion::Due { level: 1 });
        assert_eq!(next(45, &[], "2026-12-01"), Suggestion::Due { level: 2 });
        assert_eq!(next(90, &[], "2026-12-01"), Suggestion::Due { level: 2 }, "a first letter is at most a demand");
    }

    #[test]
    fn escalation_goes_one_level_at_a_time_and_never_repeats_a_level() {
        assert_eq!(
            next(44, &[("2026-11-01", 1)], "2026-12-01"),
            Suggestion::NotYet,
            "level 1 sent, level 2 not reached"
        );
        assert_eq!(next(45, &[("2026-11-01", 1)], "2026-12-01"), Suggestion::Due { level: 2 });
        assert_eq!(next(200, &[("2026-11-01", 1)], "2026-12-01"), Suggestion::Due { level: 2 });
        assert_eq!(next(89, &[("2026-11-01", 2)], "2026-12-01"), Suggestion::NotYet);
        assert_eq!(next(90, &[("2026-11-01", 1), ("2026-11-10", 2)], "2026-12-01"), Suggestion::Due { level: 3 });
        assert_eq!(next(400, &[("2026-10-01", 3)], "2026-12-01"), Suggestion::Exhausted);
    }

    #[test]
    fn never_two_letters_within_fourteen_days() {
        let until = d("2026-12-02");
        assert_eq!(next(50, &[("2026-11-18", 1)], "2026-12-01"), Suggestion::Wait { level: 2, until }, "13 days after");
        assert_eq!(next(50, &[("2026-11-17", 1)], "2026-12-01"), Suggestion::Due { level: 2 }, "14 days is enough");
    }

    fn check(days: i64, sent: &[(&str, u8)], chosen: u8) -> Result<(), LevelSkipped> {
        let sent: Vec<SentLetter> = sent.iter().map(|&(date, level)| SentLetter { date: d(date), level }).collect();
        check_level(&DunningPolicy::default(), days, &sent, chosen)
    }

    #[test]
    fn a_final_notice_as_a_first_letter_skips_the_demand_however_late_the_debt() {
        assert_eq!(check(400, &[], 3), Err(LevelSkipped { due: 2, chosen: 3 }));
        assert_eq!(check(400, &[], 2), Ok(()));
        assert_eq!(check(20, &[], 2), Err(LevelSkipped { due: 1, chosen: 2 }), "a demand before 45 days");
    }

    #[test]
    fn skipping_from_a_reminder_to_a_final_notice_is_refused_and_one_step_up_is_not() {
        assert_eq!(check(200, &[("2026-11-01", 1)], 3), Err(LevelSkipped { due: 2, chosen: 3 }));
        assert_eq!(check(200, &[("2026-11-01", 1)], 2), Ok(()));
        assert_eq!(check(200, &[("2026-11-01", 1), ("2026-11-20", 2)], 3), Ok(()));
    }

    #[test]
    fn a_reminder_or_a_level_already_reached_is_never_a_skip() {
        assert_eq!(check(3, &[], 1), Ok(()), "a reminder even before the first threshold");
        assert_eq!(check(3, &[], 2), Err(LevelSkipped { due: 1, chosen: 2 }));
        assert_eq!(check(400, &[("2026-10-01", 1), ("2026-10-20", 2), ("2026-11-10", 3)], 3), Ok(()));
        assert_eq!(check(30, &[("2026-11-01", 2)], 2), Ok(()), "the same level again");
    }

    fn gap(sent: &[&str], date: &str) -> Result<(), TooSoon> {
        let sent: Vec<SentLetter> = sent.iter().map(|&date| SentLetter { date: d(date), level: 1 }).collect();
        check_gap(&DunningPolicy::default(), &sent, d(date))
    }

    #[test]
    fn a_letter_within_the_least_gap_after_the_last_is_too_soon_and_names_the_day_the_next_may_go() {
        let too_soon = TooSoon { last: d("2026-11-18"), next: d("2026-12-02") };
        assert_eq!(gap(&["2026-11-01", "2026-11-18"], "2026-12-01"), Err(too_soon), "13 days after the last");
        assert_eq!(gap(&["2026-11-18"], "2026-11-18"), Err(TooSoon { last: d("2026-11-18"), next: d("2026-12-02") }));
        assert_eq!(gap(&["2026-11-18"], "2026-12-02"), Ok(()), "14 days is enough");
        assert_eq!(gap(&[], "2026-12-01"), Ok(()), "a first letter");
        assert_eq!(gap(&["2026-12-05"], "2026-11-01"), Ok(()), "a later letter is not the last before it");
    }

    #[test]
    fn a_policy_without_a_gap_never_finds_a_letter_too_soon() {
        let policy = DunningPolicy { min_gap_days: 0, ..DunningPolicy::default() };
        let sent = [SentLetter { date: d("2026-12-01"), level: 1 }];
        assert_eq!(check_gap(&policy, &sent, d("2026-12-01")), Ok(()));
    }

    #[test]
    fn a_policy_needs_rising_levels_and_sensible_days() {
        assert!(DunningPolicy::default().validate().is_ok());
        let bad = DunningPolicy { level_days: [30, 30, 90], ..DunningPolicy::default() };
        assert!(bad.validate().is_err());
        let bad = DunningPolicy { pay_within_days: [0, 7, 7], ..DunningPolicy::default() };
        assert!(bad.validate().is_err());
    }
}
