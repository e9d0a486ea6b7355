// English for the letters screen's selection, preview and skip reason (issue 18).
export const lettersEn = {
  "letters.select_all": "Select all",
  "letters.select_none": "Select none",
  "letters.nothing_chosen": "Tick the customers to write to.",
  "letters.preview_button": "Preview letters ({count}) · {total}",
  "letters.skip_reason": "Reason for skipping a level",
  "letters.skip_hint": "Above the level due ({level}): write why; it is kept with the letter.",
  "letters.review_title": "Preview before issuing",
  "letters.review_of": "Letter {n} of {count}: {code} {name} · {level} · {total}",
  "letters.previous": "Previous letter",
  "letters.next": "Next letter",
  "letters.include": "Issue this letter now",
  "letters.confirm": "Issue letters ({count}) · {total}",
  "letters.back": "Back to the list",
  "letters.draft_note": "Draft: not numbered and not stored. It is numbered and frozen only when you confirm.",
  "letters.skipped": "Sent above the level due ({level}): {reason}",
};
