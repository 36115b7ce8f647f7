//! Writes the notice of docs/notices/emoji-notice.png: text pasted from a WeChat group, with
//! emoji, a skin tone, a ZWJ family and rare names (Ext. B).
//! `cargo run -p yishi-core --example emoji_notice -- /tmp/emoji-notice.pdf`, then
//! `pdftoppm -png -r 70 /tmp/emoji-notice.pdf docs/notices/emoji-notice`.

use yishi_core::pdf::{self, Block, Column, Document, Paper, Table};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args().nth(1).unwrap_or_else(|| "emoji-notice.pdf".into());
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).ok_or("date")?;
    let mut doc = Document::new("关于地下车库维修的通知", Paper::A4, date);
    doc.push(Block::Title("关于地下车库维修的通知🔧".into()));
    doc.push(Block::Salutation("各位居民：".into()));
    doc.push(Block::Paragraph(
        "业主群里大家反映车库灯不亮😡❤️✅🙏👍🏻，经议事会协商，地下车库照明于12月5日前修好💡。请𠀀先生、王𪚥女士转告邻居👨‍👩‍👧！".into(),
    ));
    doc.push(Block::Paragraph("群里的表情：😀😃😄😁😆😅😂🤣😊😇🙂🙃😉😌😍🥰😘😗😙😚😋😛😝😜🤪🤨🧐🤓😎🥸🤩🥳😏😒😞😔😟😕🙁☹️😣😖😫😩🥺😢😭😤😠😡🤬🤯😳🥵🥶😱😨😰😥😓🤗🤔".into()));
    doc.push(Block::Paragraph(
        "有意见请留言👍，“谢谢配合🙏”。（详见群公告📢）好的👌！！好😀。电话☎️：028-8765****。".into(),
    ));
    let table = Table {
        columns: vec![Column::new("姓名"), Column::new("意见✅")],
        rows: vec![vec!["𠀀建国".into(), "同意👍🏻".into()], vec!["王𪚥".into(), "❤️支持，尽快修🚗".into()]],
        min_row_height: 0.0,
    };
    doc.push(Block::Table(table));
    doc.push(Block::Signoff { issuer: "幸福里社区居民委员会".into(), date: "2026年11月21日".into() });
    let bytes = pdf::render(&doc)?;
    pdf::write_atomically(std::path::Path::new(&out), &bytes)?;
    Ok(())
}
