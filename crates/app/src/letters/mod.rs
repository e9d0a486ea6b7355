//! Dunning letters (催款函) in three levels: the owner's wording, the escalation rules,
//! the letters due, and each letter issued with the overdue items of its date.

mod answer_letter;
mod choose;
mod compose;
mod issue_letter;
mod letters_due;
mod settings;
mod views;

pub use answer_letter::LetterAnswerForm;
pub use choose::LetterChoice;
pub use compose::level_words;
pub use issue_letter::LetterProgress;
pub use views::{LastLetter, LetterDue, LetterItemView, LetterView};
