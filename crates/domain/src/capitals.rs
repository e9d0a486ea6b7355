//! Amounts in Chinese capitals (大写金额), as financial documents write them: the digits
//! 零壹贰叁肆伍陆柒捌玖, the units 拾佰仟 within each group of four and 万亿 between groups,
//! then 元角分. One 零 stands for any run of zeros between two figures, also across a 万 or
//! 亿; a zero 元 digit (or a missing 角) before a 角 or 分 is written 零; 整 follows a whole
//! amount of 元 and never a 角 or 分; an amount under one 元 starts at its 角 or 分.

use crate::money::Money;

const DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const IN_GROUP: [&str; 4] = ["", "拾", "佰", "仟"];
/// Up to 亿: the largest amount the books hold, ¥100,000,000,000.00, is 壹仟亿元整.
const GROUPS: [&str; 3] = ["", "万", "亿"];

/// `人民币壹万零伍元整` for ¥10,005.00; `人民币负…` for a negative amount.
pub fn rmb_capitals(amount: Money) -> String {
    format!("人民币{}", capitals(amount))
}

/// The capitals without the currency: `壹拾万元零壹角` for ¥100,000.10.
pub fn capitals(amount: Money) -> String {
    let cents = amount.cents().unsigned_abs();
    let (yuan, jiao, fen) = (cents / 100, (cents / 10 % 10) as usize, (cents % 10) as usize);
    let mut out = String::new();
    if amount.is_negative() {
        out.push('负');
    }
    if yuan == 0 && jiao == 0 && fen == 0 {
        out.push_str("零元整");
        return out;
    }
    if yuan > 0 {
        write_yuan(&mut out, yuan);
        out.push('元');
        if jiao == 0 && fen == 0 {
            out.push('整');
            return out;
        }
        // 零 for a zero 元 digit before 角 (壹拾元零贰角) or for a missing 角 before 分 (壹元零贰分).
        if jiao == 0 || yuan % 10 == 0 {
            out.push('零');
        }
    }
    if jiao != 0 {
        out.push(DIGITS[jiao]);
        out.push('角');
    }
    if fen != 0 {
        out.push(DIGITS[fen]);
        out.push('分');
    }
    out
}

fn write_yuan(out: &mut String, yuan: u64) {
    let mut groups = Vec::new();
    let mut rest = yuan;
    while rest > 0 {
        groups.push((rest % 10_000) as usize);
        rest /= 10_000;
    }
    let mut zero_pending = false;
    let mut written = false;
    for (g, &value) in groups.iter().enumerate().rev() {
        if value == 0 {
            zero_pending |= written;
            continue;
        }
        for place in (0..4).rev() {
            let digit = value / 10usize.pow(place as u32) % 10;
            if digit == 0 {
                zero_pending |= written;
                continue;
            }
            // Zeros since the last figure, in this group or the ones above: one 零 (壹万零伍).
            if zero_pending {
                out.push('零');
            }
            zero_pending = false;
            out.push(DIGITS[digit]);
            out.push_str(IN_GROUP[place]);
            written = true;
        }
        out.push_str(GROUPS[g]);
    }
}

#[cfg(test)]
mod tests;
