//! `csv/*.csv`: the ledger's sheets as UTF-8 **with BOM**: without the BOM, WPS and Excel on
//! Chinese Windows read the file as GBK and show mojibake.

use super::ledger::{Cell, Sheet};

const BOM: &str = "\u{feff}";

/// The sheet as CSV bytes (RFC 4180 quoting, CRLF line ends as Excel writes them).
pub fn to_csv(sheet: &Sheet) -> Vec<u8> {
    let mut out = String::from(BOM);
    line(&mut out, sheet.columns.iter().map(|(h, _)| h.to_string()));
    for row in &sheet.rows {
        line(&mut out, row.iter().map(cell_text));
    }
    out.into_bytes()
}

fn line(out: &mut String, fields: impl Iterator<Item = String>) {
    let fields: Vec<String> = fields.map(|f| quote(&f)).collect();
    out.push_str(&fields.join(","));
    out.push_str("\r\n");
}

fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Text(s) => s.clone(),
        Cell::Int(n) => n.to_string(),
        Cell::Fen(f) => f.decimal(),
        Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
        Cell::DateTime(t) => t.format("%Y-%m-%d %H:%M").to_string(),
        Cell::Empty => String::new(),
    }
}

/// An amount as exact decimal text from whole fen: `4500000` fen → `45000.00`, `-5` → `-0.05`.
fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_with_bom_and_quotes_what_needs_it() {
        let sheet = Sheet {
            name: "议题",
            columns: vec![("议题", 10.0), ("内容", 10.0)],
            rows: vec![vec![Cell::Text("停车".into()), Cell::Text("甲说：\"不行\"，\n乙说,行".into())]],
        };
        let text = String::from_utf8(to_csv(&sheet)).unwrap();
        assert!(text.starts_with('\u{feff}'));
        assert_eq!(text, "\u{feff}议题,内容\r\n停车,\"甲说：\"\"不行\"\"，\n乙说,行\"\r\n");
    }

    #[test]
    fn amounts_are_exact_decimal_text_from_fen() {
        use crate::money::Fen;
        let sheet = Sheet {
            name: "资金",
            columns: vec![("金额", 10.0)],
            rows: [4_500_000, 1, 10, 30, -5, 900_719_925_474_099].iter().map(|&f| vec![Cell::Fen(Fen(f))]).collect(),
        };
        let text = String::from_utf8(to_csv(&sheet)).unwrap();
        assert_eq!(text, "\u{feff}金额\r\n45000.00\r\n0.01\r\n0.10\r\n0.30\r\n-0.05\r\n9007199254740.99\r\n");
    }
}
