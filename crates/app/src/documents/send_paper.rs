//! Recording how a paper went out: by hand, post, express (its tracking number is the
//! proof of delivery), email or WeChat, on which day.

use huikuan_domain::customer::clean_text;
use huikuan_domain::parse_date_typed;
use huikuan_domain::{PaperKind, SendChannel};
use huikuan_store::tables::sendings::{self, Sending};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::papers::frozen;
use crate::books::audit;
use crate::error::AppError;
use crate::Books;

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct SendForm {
    pub number: String,
    /// Which paper the number is, when the caller knows (as for signing).
    #[ts(optional)]
    pub kind: Option<PaperKind>,
    /// hand, post, express, email, wechat or other.
    pub channel: String,
    /// YYYY-MM-DD; empty for today.
    pub date: String,
    pub tracking: String,
    pub note: String,
}

impl Books {
    /// Records that the paper was sent; returns all its sendings.
    pub fn record_sending(&mut self, form: SendForm) -> Result<Vec<Sending>, AppError> {
        let channel: SendChannel = form.channel.parse().map_err(AppError::invalid("channel"))?;
        let today = self.clock.today();
        let date = if form.date.trim().is_empty() {
            today
        } else {
            parse_date_typed(&form.date, today).map_err(AppError::invalid("date"))?
        };
        let tracking = clean_text("tracking", &form.tracking).map_err(AppError::invalid("tracking"))?;
        let note = clean_text("note", &form.note).map_err(AppError::invalid("note"))?;
        if channel == SendChannel::Express && tracking.is_empty() {
            return Err(AppError::rule(
                Some("tracking".into()),
                "an express delivery needs its tracking number: it is the proof the paper arrived",
                "快递寄送须填写运单号：它是送达的凭证",
            ));
        }
        if date > today {
            return Err(AppError::rule(
                Some("date".into()),
                format!("{date} is after today"),
                format!("{date} 晚于今天"),
            ));
        }
        let stamp = self.stamp();
        self.store.write(|tx| {
            let doc = frozen(tx, &stamp, &form.number, form.kind)?;
            if date < doc.doc_date {
                return Err(AppError::rule(
                    Some("date".into()),
                    format!("{} is dated {}: it cannot have been sent on {date}", doc.number, doc.doc_date),
                    format!("{} 的日期是 {}，不可能在 {date} 寄出", doc.number, doc.doc_date),
                ));
            }
            let id = sendings::insert(tx, doc.id, channel.as_str(), date, &tracking, &note, &stamp)?;
            let all = sendings::of_document(tx, doc.id)?;
            let kept = all.iter().find(|s| s.id == id).expect("just written");
            audit(tx, &stamp, "send", "document", doc.id, None::<&()>, Some(kept))?;
            Ok(all)
        })
    }
}
