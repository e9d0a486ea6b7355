use chrono::{DateTime, FixedOffset, Local, NaiveDate, SecondsFormat, Utc};

/// Where "now" comes from. Business logic never reads the system clock: it asks this, so
/// tests can fix the date exactly.
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
    /// The business date today, in the user's local time zone.
    fn today(&self) -> NaiveDate;

    /// The user's time zone now, for times printed on paper (a signature's time).
    fn utc_offset(&self) -> FixedOffset;

    fn timestamp(&self) -> String {
        self.now().to_rfc3339_opts(SecondsFormat::Secs, true)
    }
}

pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }

    fn today(&self) -> NaiveDate {
        Local::now().date_naive()
    }

    fn utc_offset(&self) -> FixedOffset {
        *Local::now().offset()
    }
}

/// A clock that always says the same instant: for tests and reproducible runs.
pub struct FixedClock {
    now: DateTime<Utc>,
}

impl FixedClock {
    pub fn at(now: DateTime<Utc>) -> FixedClock {
        FixedClock { now }
    }

    /// Noon UTC on `date`, so the date is the same in every time zone from -11 to +11.
    pub fn on(date: NaiveDate) -> FixedClock {
        FixedClock { now: date.and_hms_opt(12, 0, 0).expect("noon exists").and_utc() }
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.now
    }

    fn today(&self) -> NaiveDate {
        self.now.date_naive()
    }

    /// China's time, where the books are kept: noon UTC prints as 20:00 the same day.
    fn utc_offset(&self) -> FixedOffset {
        FixedOffset::east_opt(8 * 3600).expect("a valid offset")
    }
}

/// One clock shared by everything a long-running program opens (the desktop app reopens
/// its books when the user starts the demo or restores a backup).
impl<C: Clock + ?Sized> Clock for std::sync::Arc<C> {
    fn now(&self) -> DateTime<Utc> {
        (**self).now()
    }

    fn today(&self) -> NaiveDate {
        (**self).today()
    }

    fn utc_offset(&self) -> FixedOffset {
        (**self).utc_offset()
    }
}
