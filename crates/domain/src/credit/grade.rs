use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::DomainError;

/// Credit grade (信用等级), A best to E worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, ts_rs::TS)]
#[ts(type = "\"A\" | \"B\" | \"C\" | \"D\" | \"E\"")]
pub enum Grade {
    A,
    B,
    C,
    D,
    E,
}

impl Grade {
    pub const ALL: [Grade; 5] = [Grade::A, Grade::B, Grade::C, Grade::D, Grade::E];

    pub fn as_str(self) -> &'static str {
        ["A", "B", "C", "D", "E"][self.index()]
    }

    pub fn index(self) -> usize {
        self as usize
    }

    /// `steps` grades worse, never past E.
    pub fn lowered(self, steps: usize) -> Grade {
        Grade::ALL[(self.index() + steps).min(4)]
    }
}

impl FromStr for Grade {
    type Err = DomainError;
    fn from_str(text: &str) -> Result<Grade, DomainError> {
        let t = text.trim();
        Grade::ALL.into_iter().find(|g| g.as_str().eq_ignore_ascii_case(t)).ok_or_else(|| DomainError::UnknownChoice {
            field: "grade",
            value: t.to_string(),
            expected: "A, B, C, D, E".into(),
        })
    }
}

impl fmt::Display for Grade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Grade {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Grade {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?.parse().map_err(serde::de::Error::custom)
    }
}
