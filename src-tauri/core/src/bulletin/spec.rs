//! From a stored spec (JSON) to a PDF: which template a kind means, the free notice as the
//! composer sends it (the engine's [`FreeNotice`] plus an optional photo), the 公示期 and the
//! searchable text of a notice.

use chrono::{Days, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::BulletinError;
use crate::attachments;
use crate::notices::{
    Convention, DecisionNotice, FeedbackQr, FreeNotice, MeetingNotice, Minutes, Notice, NoticeError, NoticeKind,
    PointsTable, ProgressNotice, SignInSheet, TopicNotice,
};
use crate::pdf::{self, Block, Document, Unprintable};
use crate::privacy::{self, Masked};

/// A photo printed in a free notice: a stored attachment (the composer's draft photo) and a caption.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PhotoRef {
    pub attachment_id: String,
    #[serde(default)]
    pub caption: Option<String>,
}

/// A free notice as composed: the engine's spec, and a photo and the 反馈二维码 the engine's
/// spec has no room for.
#[derive(Debug, Clone, PartialEq)]
pub struct Composed {
    pub notice: FreeNotice,
    pub photo: Option<PhotoRef>,
    /// The code as issued (stored in the spec, so a reprint shows what was posted).
    pub qr: Option<FeedbackQr>,
}

impl Composed {
    /// Reads the composer's JSON: [`FreeNotice::from_json`]'s fields plus `"photo"` and `"qr"`
    /// (the code itself; the composer's `true` is turned into it by [`with_settings`]).
    pub fn from_json(json: &str) -> Result<Composed, BulletinError> {
        let mut value: serde_json::Value =
            serde_json::from_str(json).map_err(|e| NoticeError::BadSpec { detail: e.to_string() })?;
        let qr = match value.as_object_mut().and_then(|o| o.remove("qr")) {
            Some(q @ serde_json::Value::Object(_)) => Some(
                serde_json::from_value::<FeedbackQr>(q)
                    .map_err(|_| NoticeError::BadSpec { detail: "二维码（qr）的写法不对".into() })?,
            ),
            _ => None,
        };
        let photo = match value.as_object_mut().and_then(|o| o.remove("photo")) {
            None | Some(serde_json::Value::Null) => None,
            Some(p) => Some(
                serde_json::from_value::<PhotoRef>(p)
                    .map_err(|_| NoticeError::BadSpec { detail: "照片（photo）的写法不对".into() })?,
            ),
        };
        let notice = FreeNotice::from_json(&value.to_string())?;
        Ok(Composed { notice, photo, qr })
    }

    fn document(&self, conn: &Connection) -> Result<Document, BulletinError> {
        let mut doc = self.notice.document()?;
        if let Some(photo) = &self.photo {
            let bytes = attachments::get_data(conn, &photo.attachment_id)?.bytes;
            let caption = photo.caption.as_ref().filter(|c| !c.trim().is_empty()).map(|c| mask(&self.notice, c));
            // After the table (or the last paragraph), before the closing line and the sign-off.
            let at = photo_position(&doc, self.notice.closing.is_some());
            doc.blocks.insert(at, Block::Photo { bytes, caption });
        }
        crate::notices::push_qr(&mut doc, &self.qr);
        Ok(doc)
    }
}

fn mask(notice: &FreeNotice, text: &str) -> String {
    if notice.mask_personal_data {
        crate::privacy::mask_text_keeping(text, &notice.public_numbers).text
    } else {
        text.to_string()
    }
}

fn photo_position(doc: &Document, has_closing: bool) -> usize {
    let signoff = doc.blocks.iter().rposition(|b| matches!(b, Block::Signoff { .. })).unwrap_or(doc.blocks.len());
    if has_closing {
        signoff.saturating_sub(1)
    } else {
        signoff
    }
}

/// The document a stored spec describes.
pub fn document(conn: &Connection, kind: NoticeKind, spec: &str) -> Result<Document, BulletinError> {
    fn doc<T: Notice + serde::de::DeserializeOwned>(spec: &str) -> Result<Document, BulletinError> {
        let t: T = serde_json::from_str(spec).map_err(|e| BulletinError::BadStoredSpec { detail: e.to_string() })?;
        Ok(t.document()?)
    }
    match kind {
        NoticeKind::MeetingNotice => doc::<MeetingNotice>(spec),
        NoticeKind::Topic => doc::<TopicNotice>(spec),
        NoticeKind::Decision => doc::<DecisionNotice>(spec),
        NoticeKind::Progress => doc::<ProgressNotice>(spec),
        NoticeKind::Minutes => doc::<Minutes>(spec),
        NoticeKind::SignIn => doc::<SignInSheet>(spec),
        NoticeKind::Points => doc::<PointsTable>(spec),
        NoticeKind::Convention => doc::<Convention>(spec),
        NoticeKind::Supervision => doc::<crate::notices::SupervisionList>(spec),
        NoticeKind::MonthReview => doc::<crate::notices::MonthReview>(spec),
        NoticeKind::Ballots => doc::<crate::notices::Ballots>(spec),
        NoticeKind::Tally => doc::<crate::notices::TallySheet>(spec),
        NoticeKind::Election => doc::<crate::notices::ElectionNotice>(spec),
        NoticeKind::FundUse => doc::<crate::notices::FundUseNotice>(spec),
        NoticeKind::Free => Composed::from_json(spec)?.document(conn),
    }
}

/// How many phone and ID numbers the notice of a spec hides: the numbers its text has with
/// masking off that masking with the spec's own public numbers would hide. The internal minutes
/// and sign-in sheet hide none.
pub fn masked_numbers(conn: &Connection, kind: NoticeKind, spec: &str) -> Result<Masked, BulletinError> {
    let bad = |e: serde_json::Error| BulletinError::BadStoredSpec { detail: e.to_string() };
    let mut value: serde_json::Value =
        serde_json::from_str(spec).map_err(|e| NoticeError::BadSpec { detail: e.to_string() })?;
    let strings = |v: Option<&serde_json::Value>| -> Vec<String> {
        v.and_then(|v| v.as_array())
            .map(|a| a.iter().filter_map(|n| n.as_str().map(str::to_string)).collect())
            .unwrap_or_default()
    };
    let (masking, keep) = match kind {
        NoticeKind::Minutes | NoticeKind::SignIn | NoticeKind::Supervision | NoticeKind::MonthReview => {
            return Ok(Masked::default())
        }
        NoticeKind::Free => {
            let on = value.get("mask_personal_data").and_then(|v| v.as_bool()).unwrap_or(true);
            value["mask_personal_data"] = false.into();
            (on, strings(value.get("public_numbers")))
        }
        _ => {
            let masking = value.get("masking");
            let on = masking.and_then(|m| m.get("personal_data")).and_then(|v| v.as_bool()).unwrap_or(true);
            let keep = strings(masking.and_then(|m| m.get("public_numbers")));
            if let Some(m) = value.get_mut("masking").and_then(|m| m.as_object_mut()) {
                m.insert("personal_data".into(), false.into());
            }
            (on, keep)
        }
    };
    if !masking {
        return Ok(Masked::default());
    }
    let open = document(conn, kind, &serde_json::to_string(&value).map_err(bad)?)?;
    let mut found = privacy::mask_text_keeping(&plain_text(&open), &keep);
    found.text.clear();
    Ok(found)
}

/// The composer's JSON with what 设置 holds today, so the stored spec keeps it as it was when
/// issued: the public contact number as the number to print whole, and — unless she unticked
/// 打印二维码 (`"qr": false`) — the 反馈二维码 (none when 设置 has none).
pub fn with_settings(conn: &Connection, content: &str) -> Result<String, BulletinError> {
    let mut value: serde_json::Value =
        serde_json::from_str(content).map_err(|e| NoticeError::BadSpec { detail: e.to_string() })?;
    let numbers = crate::community::public_numbers(conn)?;
    if let Some(o) = value.as_object_mut() {
        o.insert("public_numbers".into(), numbers.into());
        let wanted = o.remove("qr").is_some_and(|q| q.is_object() || q == serde_json::Value::Bool(true));
        if let Some(qr) = crate::community::feedback_qr(conn)?.filter(|_| wanted) {
            let qr = serde_json::to_value(qr).map_err(|e| BulletinError::BadStoredSpec { detail: e.to_string() })?;
            o.insert("qr".into(), qr);
        }
    }
    serde_json::to_string(&value).map_err(|e| BulletinError::BadStoredSpec { detail: e.to_string() })
}

/// The PDF bytes of a spec.
pub fn render(
    conn: &Connection,
    kind: NoticeKind,
    spec: &str,
    unprintable: Unprintable,
) -> Result<Vec<u8>, BulletinError> {
    let doc = document(conn, kind, spec)?;
    Ok(pdf::render_as(&doc, unprintable).map_err(NoticeError::from)?)
}

/// The spec to store: as given, or — when she chose to print without them — without the
/// characters no font has, so that what is stored is exactly what was printed and a reprint
/// of the stored spec gives the same bytes. The characters are taken out of the JSON text
/// itself: they are never ASCII (JSON's syntax), and keys, ids and dates stay as they were.
pub fn printable_spec(
    conn: &Connection,
    kind: NoticeKind,
    spec: &str,
    unprintable: Unprintable,
) -> Result<String, BulletinError> {
    if unprintable == Unprintable::Refuse {
        return Ok(spec.to_string());
    }
    let missing = pdf::missing_chars(&document(conn, kind, spec)?, pdf::Fonts::get());
    Ok(spec.chars().filter(|c| c.is_ascii() || !missing.chars.contains(c)).collect())
}

/// The 公示期 a spec prints, first and last day included; `None` for notices without one.
pub fn period(kind: NoticeKind, spec: &str) -> Option<(NaiveDate, NaiveDate)> {
    let value: serde_json::Value = serde_json::from_str(spec).ok()?;
    let date = |key: &str, v: &serde_json::Value| v.get(key)?.as_str()?.parse::<NaiveDate>().ok();
    match kind {
        NoticeKind::Free => {
            let p = value.get("period")?;
            Some((date("from", p)?, date("to", p)?))
        }
        NoticeKind::Topic => Some((date("period_from", &value)?, date("period_to", &value)?)),
        NoticeKind::Convention => {
            let p = value.get("draft_period")?.as_array()?;
            Some((p.first()?.as_str()?.parse().ok()?, p.get(1)?.as_str()?.parse().ok()?))
        }
        NoticeKind::Decision | NoticeKind::Election | NoticeKind::FundUse => {
            let days = value.get("objection_days")?.as_u64().filter(|d| *d > 0)?;
            let from = date("date", &value)?;
            Some((from, from.checked_add_days(Days::new(days - 1))?))
        }
        _ => None,
    }
}

/// The text of a document, for the search index: every line a reader sees.
pub fn plain_text(doc: &Document) -> String {
    let mut out = Vec::new();
    for block in &doc.blocks {
        match block {
            Block::Title(t) | Block::Subtitle(t) | Block::Salutation(t) | Block::Paragraph(t) => out.push(t.clone()),
            Block::Line { text, .. } | Block::Heading { text, .. } => out.push(text.clone()),
            Block::Table(t) => {
                out.push(t.columns.iter().map(|c| c.title.as_str()).collect::<Vec<_>>().join(" "));
                out.extend(t.rows.iter().map(|r| r.join(" ")));
            }
            Block::Signoff { issuer, date } => out.push(format!("{issuer} {date}")),
            Block::Photo { caption: Some(c), .. } => out.push(c.clone()),
            Block::Qr { caption, .. } => out.push(caption.clone()),
            _ => {}
        }
    }
    out.join("\n")
}
