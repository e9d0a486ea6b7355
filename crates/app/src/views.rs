use huikuan_domain::Money;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

/// Amounts per aging bucket, serialized as a JSON object in bucket order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BucketAmounts(pub Vec<(String, Money)>);

impl BucketAmounts {
    pub fn get(&self, label: &str) -> Option<Money> {
        self.0.iter().find(|(l, _)| l == label).map(|(_, m)| *m)
    }
}

impl Serialize for BucketAmounts {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (label, amount) in &self.0 {
            map.serialize_entry(label, amount)?;
        }
        map.end()
    }
}
