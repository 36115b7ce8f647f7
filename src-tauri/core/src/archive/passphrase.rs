//! 归档密码: the committee's passphrase that encrypts the database on the stick.
//!
//! Set once in 设置 and kept on this laptop (`app_settings`, key [`KEY`]), so an export never
//! asks for it; an import on another laptop asks once and may remember it there ([`KNOWN_KEY`]).
//! Neither key ever leaves the laptop: export removes both from the snapshot before encrypting
//! it, and merge skips them in an archive. How strong a passphrase is ([`strength`]) is pure.
//!
//! The switch 每日备份也加密 ([`BACKUP_KEY`], off by default) is this laptop's too: when it is on
//! and a passphrase is set, `backup::take` writes every backup in the data folder age-encrypted
//! with this passphrase.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;

use super::ArchiveError;
use crate::ids::now_utc;

/// This laptop's passphrase (a JSON string).
pub const KEY: &str = "archive_passphrase";
/// Passphrases of other laptops' archives remembered at import (a JSON array).
pub const KNOWN_KEY: &str = "archive_passphrases_known";
/// Whether the backups in the data folder are encrypted too (a JSON bool).
pub const BACKUP_KEY: &str = "backup_encrypted";
/// The `app_settings` keys that belong to this laptop: never exported, never merged, kept
/// across a restore.
pub const LAPTOP_KEYS: [&str; 3] = [KEY, KNOWN_KEY, BACKUP_KEY];
/// Fewer characters are refused.
pub const MIN_CHARS: usize = 8;
/// More would only be a mistake (a pasted text).
pub const MAX_CHARS: usize = 200;

crate::labelled_enum! {
    /// How hard a passphrase is to guess, as shown beside the field.
    Level {
        TooShort = "too_short": "太短",
        Weak = "weak": "弱",
        Fair = "fair": "中",
        Strong = "strong": "强",
    }
}

/// The strength shown while she types, with one sentence of advice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Strength {
    pub level: Level,
    pub label: &'static str,
    /// Rough bits of guessing work (length × log2 of the kinds of characters used).
    pub bits: u32,
    pub advice: String,
    /// Whether it may be saved (at least [`MIN_CHARS`] characters).
    pub acceptable: bool,
}

/// Estimates how hard `passphrase` is to guess. Chinese characters count for much more than
/// letters (thousands in use), a character repeated counts once.
pub fn strength(passphrase: &str) -> Strength {
    let chars: Vec<char> = passphrase.chars().collect();
    let n = chars.len();
    let (mut digit, mut lower, mut upper, mut symbol, mut cjk) = (false, false, false, false, false);
    for c in &chars {
        match c {
            '0'..='9' => digit = true,
            'a'..='z' => lower = true,
            'A'..='Z' => upper = true,
            c if c.is_ascii() => symbol = true,
            _ => cjk = true,
        }
    }
    let pool = [(digit, 10.0), (lower, 26.0), (upper, 26.0), (symbol, 33.0), (cjk, 3000.0)]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, size)| size)
        .sum::<f64>()
        .max(1.0);
    let mut distinct = chars.clone();
    distinct.sort_unstable();
    distinct.dedup();
    // Repeats and runs (11111111, 12345678, abcdefgh) are guessed first.
    let steps = chars.windows(2).filter(|w| (w[1] as i64 - w[0] as i64).abs() <= 1).count();
    let effective = (distinct.len() as f64).min(n as f64 - steps as f64 * 0.75).max(1.0);
    let bits = (effective * pool.log2()).round() as u32;
    let level = if n < MIN_CHARS {
        Level::TooShort
    } else if bits < 40 {
        Level::Weak
    } else if bits < 60 {
        Level::Fair
    } else {
        Level::Strong
    };
    let advice = match level {
        Level::TooShort => format!("至少要 {MIN_CHARS} 个字符，现在是 {n} 个。"),
        Level::Weak => "容易被猜到：请加长，或混用汉字、字母和数字，不要用生日、电话或连续的数字。".to_string(),
        Level::Fair => "可以使用；再长一些会更安全，例如用一句只有委员会知道的话。".to_string(),
        Level::Strong => "很好。请打印《密码备忘单》放进办公室保险柜。".to_string(),
    };
    Strength { level, label: level.label(), bits, advice, acceptable: n >= MIN_CHARS }
}

/// Sets this laptop's passphrase; refused when too short (nothing is stored then). The one it
/// replaces is remembered with the other laptops' ([`KNOWN_KEY`]): archives and encrypted
/// backups written with it must still open here.
pub fn set(tx: &Transaction, passphrase: &str) -> Result<Strength, ArchiveError> {
    let s = strength(passphrase);
    let n = passphrase.chars().count();
    if !s.acceptable || n > MAX_CHARS {
        return Err(ArchiveError::BadPassphrase { chars: n });
    }
    if let Some(old) = get(tx)?.filter(|old| old != passphrase) {
        let mut list = known(tx)?;
        if !list.contains(&old) {
            list.push(old);
            put(tx, KNOWN_KEY, &serde_json::Value::from(list).to_string())?;
        }
    }
    put(tx, KEY, &serde_json::Value::from(passphrase).to_string())?;
    Ok(s)
}

/// Turns 每日备份也加密 on or off; on is refused while this laptop has no passphrase.
pub fn set_backups_encrypted(tx: &Transaction, on: bool) -> Result<(), ArchiveError> {
    if on && get(tx)?.is_none() {
        return Err(ArchiveError::BackupNoPassphraseToEncrypt);
    }
    put(tx, BACKUP_KEY, if on { "true" } else { "false" })
}

/// Whether the switch 每日备份也加密 is on (it has effect only with a passphrase set).
pub fn backups_encrypted(conn: &Connection) -> Result<bool, ArchiveError> {
    Ok(read(conn, BACKUP_KEY)?.is_some_and(|v| v == "true"))
}

/// The passphrase a new backup is encrypted with: this laptop's, when the switch is on.
pub fn backup_passphrase(conn: &Connection) -> Result<Option<String>, ArchiveError> {
    if backups_encrypted(conn)? {
        get(conn)
    } else {
        Ok(None)
    }
}

/// This laptop's passphrase, if one has been set.
pub fn get(conn: &Connection) -> Result<Option<String>, ArchiveError> {
    Ok(read(conn, KEY)?.and_then(|json| serde_json::from_str::<String>(&json).ok()).filter(|p| !p.is_empty()))
}

/// Every passphrase this laptop may try on an archive: its own, then the remembered ones.
pub fn candidates(conn: &Connection) -> Result<Vec<String>, ArchiveError> {
    let mut all: Vec<String> = get(conn)?.into_iter().collect();
    for p in known(conn)? {
        if !all.contains(&p) {
            all.push(p);
        }
    }
    Ok(all)
}

fn known(conn: &Connection) -> Result<Vec<String>, ArchiveError> {
    Ok(read(conn, KNOWN_KEY)?.and_then(|json| serde_json::from_str::<Vec<String>>(&json).ok()).unwrap_or_default())
}

/// Remembers a passphrase typed at import. When this laptop has none of its own yet, it becomes
/// its own (the committee has one passphrase; the next export uses it).
pub fn remember(tx: &Transaction, passphrase: &str) -> Result<(), ArchiveError> {
    if get(tx)?.is_none() {
        set(tx, passphrase)?;
        return Ok(());
    }
    let mut list = known(tx)?;
    if candidates(tx)?.iter().any(|p| p == passphrase) {
        return Ok(());
    }
    list.push(passphrase.to_string());
    put(tx, KNOWN_KEY, &serde_json::Value::from(list).to_string())
}

/// Whether an `app_settings` key is this laptop's own ([`LAPTOP_KEYS`]: never exported, never
/// merged).
pub fn is_laptop_key(key: &str) -> bool {
    LAPTOP_KEYS.contains(&key)
}

fn read(conn: &Connection, key: &str) -> Result<Option<String>, ArchiveError> {
    Ok(conn
        .query_row("SELECT value FROM app_settings WHERE id = ?1 AND deleted_at IS NULL", [key], |r| r.get(0))
        .optional()?)
}

fn put(tx: &Transaction, key: &str, json: &str) -> Result<(), ArchiveError> {
    tx.execute(
        "INSERT INTO app_settings (id, value, created_at, updated_at) VALUES (?1, ?2, ?3, ?3) \
         ON CONFLICT(id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, deleted_at = NULL",
        params![key, json, now_utc()],
    )?;
    Ok(())
}

/// 密码备忘单: one A4 page with the passphrase, large and character by character, to keep in
/// the office safe. Internal: never posted, never archived.
pub fn sheet(conn: &Connection, today: chrono::NaiveDate) -> Result<Vec<u8>, ArchiveError> {
    use crate::pdf::{Align, Block, Column, Document, Paper, Table};
    let pass = get(conn)?.ok_or(ArchiveError::NoPassphrase)?;
    let (name, issuer) = crate::community::load_settings(conn).map(|s| (s.name, s.issuer)).unwrap_or_default();
    let community = if name.is_empty() { "本社区".to_string() } else { name };
    let mut doc = Document::new("归档密码备忘单", Paper::A4, today);
    doc.push(Block::Title("归档密码备忘单".into()));
    doc.push(Block::Subtitle(format!("{community} · 议事簿 · 内部保管，请勿张贴")));
    doc.push(Block::Paragraph(
        "议事簿导出到U盘的归档中，完整数据库（居民姓名、电话、身份证号）用下面的归档密码加密。\
         在另一台电脑上导入、或从归档恢复时，需要输入这个密码。"
            .into(),
    ));
    doc.push(Block::Heading { text: pass.clone(), align: Align::Center });
    let rows = pass.chars().enumerate().map(|(i, c)| vec![(i + 1).to_string(), shown(c), describe(c)]).collect();
    doc.push(Block::Table(Table {
        columns: vec![
            Column::new("第几个").weight(1.0),
            Column::new("字符").weight(1.0),
            Column::new("说明").weight(3.0),
        ],
        rows,
        min_row_height: 0.0,
    }));
    doc.push(Block::Paragraph(format!(
        "共 {} 个字符，强度：{}。请把本页放进办公室保险柜，不要贴在电脑旁，也不要拍照发到微信群。",
        pass.chars().count(),
        strength(&pass).label
    )));
    doc.push(Block::Paragraph(
        "忘记了密码：U盘上的台账表格（ledger.xlsx 和 csv 文件夹，电话和身份证号已打码）不需要密码也能打开；\
         完整记录只有用正确的密码才能导入。更换密码后，请重新打印本页并销毁旧的。"
            .into(),
    ));
    let date = format!(
        "{}年{}月{}日",
        chrono::Datelike::year(&today),
        chrono::Datelike::month(&today),
        chrono::Datelike::day(&today)
    );
    let issuer = if issuer.is_empty() { community } else { issuer };
    doc.push(Block::Signoff { issuer, date });
    Ok(crate::pdf::render(&doc)?)
}

fn shown(c: char) -> String {
    match c {
        ' ' => "（空格）".into(),
        '\u{3000}' => "（全角空格）".into(),
        c => c.to_string(),
    }
}

fn describe(c: char) -> String {
    match c {
        '0'..='9' => "数字".into(),
        'a'..='z' => "小写英文字母".into(),
        'A'..='Z' => "大写英文字母".into(),
        ' ' => "半角空格".into(),
        '\u{3000}' => "全角空格".into(),
        c if c.is_ascii() => "英文符号（半角）".into(),
        c if ('\u{ff01}'..='\u{ff5e}').contains(&c) => "全角符号".into(),
        _ => "汉字或其他文字".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strength_grows_with_length_and_kinds_and_refuses_short_ones() {
        assert_eq!(strength("abc123").level, Level::TooShort);
        assert!(!strength("abc123").acceptable);
        assert_eq!(strength("12345678").level, Level::Weak, "a run of digits");
        assert_eq!(strength("11111111").level, Level::Weak);
        assert!(strength("幸福里居委会议事簿").level == Level::Strong, "Chinese characters are hard to guess");
        assert!(strength("Xq7#pLm2vR9!").bits > strength("xq7pl").bits);
        assert!(strength("xingfuli2026").acceptable);
    }

    #[test]
    fn a_short_passphrase_is_refused_and_nothing_is_stored() {
        let (_dir, mut store) = crate::testing::temp_store();
        let e = store.write(|tx| set(tx, "1234567")).unwrap_err();
        assert_eq!(crate::error::UserFacing::code(&e), "archive_passphrase_too_short");
        assert!(crate::error::UserFacing::message(&e).contains("8"));
        assert_eq!(get(store.conn()).unwrap(), None);
        store.write(|tx| set(tx, "幸福里 2026 议事")).unwrap();
        assert_eq!(get(store.conn()).unwrap().as_deref(), Some("幸福里 2026 议事"));
    }
}
