//! A PDF for the demo's open need: a one-page specification, written here byte by byte
//! (header, objects, cross-reference table), so that the demo shows an attachment without
//! shipping a file.

use serde_json::json;

use crate::{
    db::{
        Db,
        need_files::{self, NewNeedFile},
    },
    domain::needs::NeedText,
    error::AppError,
    services::audit,
};

/// Attaches the need's specification, as its buyer `user` would.
pub(super) async fn attach(
    db: &Db,
    need_id: &str,
    user: &str,
    text: &NeedText,
    now: i64,
) -> Result<(), AppError> {
    let mut lines =
        vec![text.title.clone(), "Cahier des charges (démonstration)".to_owned(), String::new()];
    lines.extend(text.description.clone());
    lines.push(String::new());
    lines.extend(text.lots.iter().map(|l| format!("Lot {} : {}", l.number, l.title)));
    let content = pdf(&lines);
    let id = uuid::Uuid::new_v4().to_string();
    let file_name = "cahier-des-charges.pdf";
    let mut tx = crate::db::begin(db).await?;
    let file = NewNeedFile {
        id: &id,
        need_id,
        structure_id: None,
        file_name,
        content_type: "application/pdf",
        content: &content,
        uploaded_by: user,
        now,
    };
    need_files::insert(&mut tx, file).await?;
    let details = json!({ "file": id, "file_name": file_name, "size_bytes": content.len() });
    audit::record(&mut tx, Some(user), ("need", need_id), "file_added", &details, now).await?;
    tx.commit().await?;
    Ok(())
}

/// A text as a PDF string: parentheses and backslashes escaped, the Latin-1 letters as octal
/// (the font's WinAnsi encoding has them there), the rest as « ? ».
fn pdf_string(text: &str) -> String {
    let mut out = String::from("(");
    for c in text.chars() {
        match c {
            '(' | ')' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            '\u{a0}'..='\u{ff}' => out.push_str(&format!("\\{:03o}", u32::from(c))),
            _ => out.push('?'),
        }
    }
    out.push(')');
    out
}

/// A one-page A4 PDF showing `lines` in Helvetica, the first one larger.
fn pdf(lines: &[String]) -> Vec<u8> {
    let mut stream = String::from("BT\n/F1 16 Tf\n56 780 Td\n20 TL\n");
    for (i, line) in lines.iter().enumerate() {
        if i == 1 {
            stream.push_str("/F1 11 Tf\n14 TL\n");
        }
        stream.push_str(&format!("{} '\n", pdf_string(line)));
    }
    stream.push_str("ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
         /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
            .to_owned(),
        format!("<< /Length {} >>\nstream\n{stream}\nendstream", stream.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_owned(),
    ];
    let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for offset in offsets {
        table.push_str(&format!("{offset:010} 00000 n \n"));
    }
    table.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    out.extend_from_slice(table.as_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::needs::attachments::NEED_FILE;

    #[test]
    fn the_demo_pdf_is_a_pdf_whose_table_points_at_its_objects() {
        let bytes = pdf(&["Entretien des écoles (2026)".to_owned(), "Lot 1".to_owned()]);
        assert_eq!(NEED_FILE.check(&bytes), Ok("application/pdf"));
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let start: usize = text
            .rsplit("startxref\n")
            .next()
            .and_then(|t| t.lines().next())
            .and_then(|n| n.parse().ok())
            .expect("startxref");
        assert!(bytes[start..].starts_with(b"xref\n0 6\n"));
        let table = String::from_utf8_lossy(&bytes[start..]).into_owned();
        for (n, line) in table.lines().skip(3).take(5).enumerate() {
            let offset: usize = line[..10].parse().expect("offset");
            let object = format!("{} 0 obj", n + 1);
            assert!(bytes[offset..].starts_with(object.as_bytes()), "object {}", n + 1);
        }
        assert!(text.contains("(Entretien des \\351coles \\(2026\\)) '"), "{text}");
    }
}
