//! A message of a need's thread between its buyer and one structure the need reached: who
//! wrote it (which side), and its text, parsed once from the form.

use serde::{Deserialize, Serialize};

use crate::domain::FieldErrors;

/// The longest message, in characters.
pub const MAX_CHARS: usize = 4000;

/// Who wrote a message: the buying organisation or the structure.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum MessageSide {
    Buyer,
    Supplier,
}

/// The form of a message.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MessageForm {
    pub body: String,
}

/// A message's text: trimmed, line breaks as `\n` (a browser sends a textarea's as `\r\n`),
/// not empty, at most [`MAX_CHARS`] characters, no control character but the line break and
/// no bidirectional override (which would make a mail read otherwise than it is written).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageBody(String);

impl MessageBody {
    pub fn parse(form: &MessageForm) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        match body_of(&form.body) {
            Ok(body) => Ok(Self(body)),
            Err(message) => {
                errors.add("body", message);
                Err(errors)
            }
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Its length in characters (what the audit log keeps of it).
    pub fn chars(&self) -> usize {
        self.0.chars().count()
    }
}

fn body_of(typed: &str) -> Result<String, String> {
    let body = typed.replace("\r\n", "\n").replace('\r', "\n").trim().to_owned();
    if body.is_empty() {
        return Err("Écrivez votre message.".into());
    }
    let count = body.chars().count();
    if count > MAX_CHARS {
        return Err(format!(
            "Votre message ne peut pas dépasser 4 000 caractères (il en compte {count})."
        ));
    }
    if body.chars().any(|c| (c.is_control() && c != '\n') || is_bidi_control(c)) {
        return Err(
            "Votre message contient des caractères non autorisés (seuls les retours à la ligne sont admis)."
                .into(),
        );
    }
    Ok(body)
}

/// The embedding, override and isolate controls of Unicode's bidirectional algorithm.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(body: &str) -> Result<String, String> {
        MessageBody::parse(&MessageForm { body: body.to_owned() })
            .map(|b| b.as_str().to_owned())
            .map_err(|e| e.get("body").expect("an error on body").to_owned())
    }

    #[test]
    fn a_message_is_trimmed_and_keeps_its_line_breaks() {
        assert_eq!(
            parsed("  Bonjour,\r\n\r\nPouvez-vous passer lundi ?  \n"),
            Ok("Bonjour,\n\nPouvez-vous passer lundi ?".to_owned())
        );
        assert_eq!(parsed("Un\rdeux"), Ok("Un\ndeux".to_owned()));
        assert_eq!(
            parsed("Prix : 12 000 € HT — d'accord ?"),
            Ok("Prix : 12 000 € HT — d'accord ?".to_owned())
        );
    }

    #[test]
    fn an_empty_message_is_asked_for() {
        for empty in ["", "   ", "\r\n\n \t"] {
            assert_eq!(parsed(empty), Err("Écrivez votre message.".to_owned()), "{empty:?}");
        }
    }

    #[test]
    fn a_message_holds_at_most_4000_characters() {
        let longest = "é".repeat(MAX_CHARS);
        assert_eq!(parsed(&longest).map(|b| b.chars().count()), Ok(MAX_CHARS));
        let error = parsed(&format!("{longest}x")).expect_err("too long");
        assert!(error.contains("4 000 caractères") && error.contains("4001"), "{error}");
        let body = MessageBody::parse(&MessageForm { body: longest }).expect("valid");
        assert_eq!(body.chars(), MAX_CHARS);
    }

    #[test]
    fn control_characters_and_bidi_overrides_are_refused() {
        for bad in
            ["Bon\u{0}jour", "Tab\tulation", "Bip\u{7}", "Facture \u{202E}fdp.exe", "a\u{2066}b"]
        {
            let error = parsed(bad).expect_err(bad);
            assert!(error.contains("non autorisés"), "{bad:?}: {error}");
        }
    }

    #[test]
    fn sides_have_stable_codes() {
        use crate::domain::Code;
        assert_eq!(MessageSide::Buyer.code(), "buyer");
        assert_eq!(MessageSide::from_code("supplier"), Some(MessageSide::Supplier));
        assert_eq!(MessageSide::from_code("pôle"), None);
    }
}
