//! The owner's letter settings: the wording of each level in both languages (checked when
//! saved, every problem said where it is) and the escalation rules.

use huikuan_domain::dunning::DunningPolicy;
use huikuan_domain::letter_template::{LetterTemplates, TemplateProblem};
use huikuan_store::tables::settings;
use huikuan_store::Transaction;

use crate::books::audit;
use crate::error::AppError;
use crate::Books;

const TEMPLATES: &str = "letter_templates";
const POLICY: &str = "dunning_policy";

pub(crate) fn templates(tx: &Transaction) -> Result<LetterTemplates, AppError> {
    Ok(settings::get::<LetterTemplates>(tx, TEMPLATES)?.unwrap_or_default().without_old_claims())
}

pub(crate) fn policy(tx: &Transaction) -> Result<DunningPolicy, AppError> {
    Ok(settings::get(tx, POLICY)?.unwrap_or_default())
}

fn refused(problems: &[TemplateProblem]) -> AppError {
    let first = &problems[0];
    let list: Vec<String> =
        problems.iter().map(|p| format!("{} level {} {}: {}", p.language, p.level, p.part, p.message)).collect();
    AppError::rule(
        Some(format!("{}.{}.{}", first.language, first.level, first.part)),
        format!("the templates were not saved: {}", list.join("; ")),
        format!("模板未保存：{}", list.join("；")),
    )
}

impl Books {
    pub fn letter_templates(&mut self) -> Result<LetterTemplates, AppError> {
        self.store.read(templates)
    }

    /// What is wrong with these templates, each problem where it is (none: they can be saved).
    pub fn check_letter_templates(&self, candidate: &LetterTemplates) -> Vec<TemplateProblem> {
        candidate.problems()
    }

    pub fn save_letter_templates(&mut self, candidate: LetterTemplates) -> Result<LetterTemplates, AppError> {
        let problems = candidate.problems();
        if !problems.is_empty() {
            return Err(refused(&problems));
        }
        let stamp = self.stamp();
        self.store.write(|tx| {
            let before = templates(tx)?;
            settings::put(tx, TEMPLATES, &candidate)?;
            audit(tx, &stamp, "update", TEMPLATES, 1, Some(&before), Some(&candidate))?;
            Ok(candidate)
        })
    }

    pub fn dunning_policy(&mut self) -> Result<DunningPolicy, AppError> {
        self.store.read(policy)
    }

    pub fn save_dunning_policy(&mut self, candidate: DunningPolicy) -> Result<DunningPolicy, AppError> {
        candidate.validate().map_err(|why| {
            AppError::rule(Some("dunning_policy".into()), why.clone(), format!("催款规则无效：{why}"))
        })?;
        let stamp = self.stamp();
        self.store.write(|tx| {
            let before = policy(tx)?;
            settings::put(tx, POLICY, &candidate)?;
            audit(tx, &stamp, "update", POLICY, 1, Some(&before), Some(&candidate))?;
            Ok(candidate)
        })
    }
}
