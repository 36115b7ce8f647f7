//! Internal records: 会议记录 (the minutes as an archive document) and 签到表. They are not
//! posted publicly and print names and text unmasked.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::format::{cn_number, fmt_datetime};
use super::public::VoteCounts;
use super::vote_parts::VotePart;
use super::{Notice, NoticeError};
use crate::pdf::{self, Align, Block, Column, Document, Fonts, Orientation, Paper, Table};

/// One person's contribution to an agenda item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speech {
    /// As printed, with role if useful: "张建军（物业公司）".
    pub speaker: String,
    pub text: String,
}

/// One agenda item of the minutes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub title: String,
    /// The recorder's running text for the item (may be empty).
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub speeches: Vec<Speech>,
    #[serde(default)]
    pub vote: Option<VoteCounts>,
    /// The vote outcome in words, e.g. "通过".
    #[serde(default)]
    pub vote_result: String,
    /// Whose vote it was (“3号楼全体住户”); empty for a vote of those present.
    #[serde(default)]
    pub vote_scope: String,
    /// The parts the count adds up from (现场, 投票箱, 线上, 入户征求).
    #[serde(default)]
    pub vote_parts: Vec<VotePart>,
    #[serde(default)]
    pub decisions: Vec<String>,
}

/// 会议记录: the full minutes, with signature lines for host and recorder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Minutes {
    #[serde(default)]
    pub paper: Paper,
    /// e.g. "幸福里社区2026年第11次议事会".
    pub meeting_title: String,
    pub starts_at: NaiveDateTime,
    #[serde(default)]
    pub ends_at: Option<NaiveDateTime>,
    pub place: String,
    pub host: String,
    pub recorder: String,
    pub attendees: Vec<String>,
    /// Absentees with the reason if known: "刘梅（出差）".
    #[serde(default)]
    pub absentees: Vec<String>,
    /// 列席人员: present without a vote, not counted among 参会人员.
    #[serde(default)]
    pub observers: Vec<String>,
    pub items: Vec<AgendaItem>,
}

impl Notice for Minutes {
    fn document(&self) -> Result<Document, NoticeError> {
        let mut doc = Document::new(&format!("{}会议记录", self.meeting_title), self.paper, self.starts_at.date());
        doc.body_size = 14.0;
        doc.push(Block::Title("会议记录".to_string()));
        doc.push(Block::Subtitle(self.meeting_title.clone()));
        let time = match self.ends_at {
            Some(end) => format!("{}—{}", fmt_datetime(self.starts_at), end.format("%H:%M")),
            None => fmt_datetime(self.starts_at),
        };
        let absent = if self.absentees.is_empty() { "无".to_string() } else { self.absentees.join("、") };
        let facts = [
            ("会议时间", time),
            ("会议地点", self.place.clone()),
            ("主持人", self.host.clone()),
            ("记录人", self.recorder.clone()),
            ("参会人员", attendance(&self.attendees)),
            ("缺席人员", absent),
        ];
        for (label, value) in facts {
            doc.push(Block::Line { text: format!("{label}：{value}"), align: Align::Left });
        }
        if !self.observers.is_empty() {
            let text = format!("列席人员：{}（共{}人）", self.observers.join("、"), self.observers.len());
            doc.push(Block::Line { text, align: Align::Left });
        }
        for (i, item) in self.items.iter().enumerate() {
            push_item(&mut doc, i + 1, item);
        }
        doc.push(Block::Signatures(vec!["主持人（签字）：".to_string(), "记录人（签字）：".to_string()]));
        Ok(doc)
    }
}

fn push_item(doc: &mut Document, n: usize, item: &AgendaItem) {
    doc.push(Block::Heading { text: format!("议题{}：{}", cn_number(n), item.title), align: Align::Left });
    // The recorder types one paragraph per line.
    for para in item.text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        doc.push(Block::Paragraph(para.to_string()));
    }
    let (said, named): (Vec<&Speech>, Vec<&Speech>) = item.speeches.iter().partition(|s| !s.text.is_empty());
    for speech in said {
        doc.push(Block::Paragraph(format!("{}：{}", speech.speaker, speech.text)));
    }
    // Speakers recorded by name only (what they said is in the running text).
    if !named.is_empty() {
        let names: Vec<&str> = named.iter().map(|s| s.speaker.as_str()).collect();
        doc.push(Block::Paragraph(format!("发言人：{}。", names.join("、"))));
    }
    if let Some(v) = &item.vote {
        if !item.vote_scope.is_empty() {
            doc.push(Block::Paragraph(format!("表决范围：{}。", item.vote_scope)));
        }
        if !item.vote_parts.is_empty() {
            doc.push(Block::Paragraph(format!("分项计票：{}。", VotePart::in_words(&item.vote_parts))));
        }
        let counts = format!("表决情况：{}", v.in_words());
        let result = item.vote_result.trim();
        doc.push(Block::Paragraph(if result.is_empty() {
            format!("{counts}。")
        } else if result.ends_with('。') {
            // A full explanation ("到会11人，同意9票，超过……表决通过。") reads as its own sentence.
            format!("{counts}。{result}")
        } else {
            format!("{counts}，结果：{result}。")
        }));
    }
    for (i, d) in item.decisions.iter().enumerate() {
        doc.push(Block::Paragraph(format!("议定事项{}：{d}", i + 1)));
    }
}

/// One invited person on the sign-in sheet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Invitee {
    pub name: String,
    /// Role or unit: 党员, 居民代表, 物业公司, 3栋2单元业主…
    #[serde(default)]
    pub role: String,
}

/// 签到表: the invited names with room to sign, plus blank rows for walk-ins.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignInSheet {
    #[serde(default)]
    pub paper: Paper,
    pub meeting_title: String,
    pub starts_at: NaiveDateTime,
    pub place: String,
    pub invited: Vec<Invitee>,
    /// At least this many empty rows for people not on the list; more are added to fill the
    /// last page (see [`SignInSheet::document`]).
    #[serde(default)]
    pub blank_rows: usize,
}

/// The most blank rows added to fill a page: more than an A3 landscape page holds.
const MAX_FILL_ROWS: usize = 40;

impl SignInSheet {
    /// The sheet with exactly `blank` empty rows after the names.
    fn sheet(&self, blank: usize) -> Document {
        let title = format!("{}签到表", self.meeting_title);
        let mut doc = Document::new(&title, self.paper, self.starts_at.date());
        doc.orientation = Orientation::Landscape;
        doc.body_size = 14.0;
        doc.table_size = 13.0;
        doc.push(Block::Title(title));
        doc.push(Block::Subtitle(format!("时间：{}", fmt_datetime(self.starts_at))));
        doc.push(Block::Subtitle(format!("地点：{}", self.place)));
        let c = |t: &str, w: f32| Column::new(t).weight(w);
        let columns = vec![
            c("序号", 0.7).align(Align::Center),
            c("姓名", 1.6).align(Align::Center),
            c("身份/单位", 2.6),
            c("签名", 2.6),
            c("签到时间", 1.4),
            c("备注", 1.6),
        ];
        let mut rows: Vec<Vec<String>> = self
            .invited
            .iter()
            .enumerate()
            .map(|(i, p)| vec![(i + 1).to_string(), p.name.clone(), p.role.clone()])
            .collect();
        let first_blank = rows.len() + 1;
        rows.extend((0..blank).map(|i| vec![(first_blank + i).to_string()]));
        doc.push(Block::Table(Table { columns, rows, min_row_height: 11.0 }));
        doc
    }
}

impl Notice for SignInSheet {
    /// The names, at least `blank_rows` empty rows, and as many more as the last page holds:
    /// a sheet of 6 names is one full page, not one page and a second with four lone rows.
    /// Rows per page depend on the paper, the names that wrap and the fitting, so the count is
    /// found by laying the sheet out (the same layout `render` uses) rather than estimated.
    fn document(&self) -> Result<Document, NoticeError> {
        let fonts = Fonts::get();
        let mut doc = self.sheet(self.blank_rows);
        let pages = pdf::layout(&doc, fonts)?.pages.len();
        for blank in self.blank_rows + 1..=self.blank_rows + MAX_FILL_ROWS {
            let fuller = self.sheet(blank);
            if pdf::layout(&fuller, fonts)?.pages.len() > pages {
                break;
            }
            doc = fuller;
        }
        Ok(doc)
    }
}

/// “王秀兰、李红梅（共2人）”, or — printed before anyone was signed in — that none is recorded.
fn attendance(attendees: &[String]) -> String {
    if attendees.is_empty() {
        "未登记签到".to_string()
    } else {
        format!("{}（共{}人）", attendees.join("、"), attendees.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notices::demo;

    fn sheet(names: usize) -> SignInSheet {
        let mut s = demo::sign_in_sheet();
        s.invited = (1..=names).map(|i| Invitee { name: format!("居民{i}"), role: "居民代表".to_string() }).collect();
        s.blank_rows = 2;
        s
    }

    fn rows(doc: &Document) -> usize {
        doc.blocks.iter().map(|b| if let Block::Table(t) = b { t.rows.len() } else { 0 }).sum()
    }

    fn pages(doc: &Document) -> usize {
        pdf::layout(doc, Fonts::get()).map(|l| l.pages.len()).unwrap_or(0)
    }

    /// Pages, rows printed, and whether one more row would need another page.
    fn measure(names: usize) -> (usize, usize, bool) {
        let s = sheet(names);
        let doc = s.document().unwrap();
        let n = rows(&doc);
        let one_more = s.sheet(n - names + 1);
        (pages(&doc), n, pages(&one_more) > pages(&doc))
    }

    #[test]
    fn six_names_make_one_full_page_not_a_second_with_a_few_rows() {
        let (pages, rows, full) = measure(6);
        assert_eq!(pages, 1);
        assert!(rows >= 8, "{rows} rows");
        assert!(full, "the last page has room for another row");
    }

    #[test]
    fn long_lists_end_on_a_full_page_with_room_for_walk_ins() {
        for names in [20, 45] {
            let (pages, rows, full) = measure(names);
            assert!(rows >= names + 2, "{names}: {rows} rows");
            assert!(full, "{names}: the last page has room for another row");
            let bare = sheet(names).sheet(2);
            assert_eq!(pages, super::tests::pages(&bare), "{names}: filling added a page");
        }
    }

    #[test]
    fn the_filled_sheet_keeps_every_name_in_order() {
        let doc = sheet(20).document().unwrap();
        let Some(Block::Table(t)) = doc.blocks.iter().find(|b| matches!(b, Block::Table(_))) else {
            panic!("no table");
        };
        assert_eq!(t.rows[19][1], "居民20");
        assert_eq!(t.rows[20], vec!["21".to_string()]);
        assert_eq!(t.rows.last().map(|r| r[0].clone()), Some(t.rows.len().to_string()));
    }
}
