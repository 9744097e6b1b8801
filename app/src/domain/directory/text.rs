//! Small parsers shared by the directory's forms: tidy text, optional numbers, dates, e-mail,
//! phone and web addresses.

/// Text with its runs of spaces folded; `None` when empty. Refuses text longer than `max`
/// characters or holding control characters (line breaks allowed when `multiline`).
pub fn optional_text(input: &str, max: usize, multiline: bool) -> Result<Option<String>, String> {
    let text = if multiline {
        input
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join("\n")
            .trim()
            .to_owned()
    } else {
        input.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    if text.is_empty() {
        return Ok(None);
    }
    if text.chars().count() > max {
        return Err(format!("Ce texte ne peut pas dépasser {max} caractères."));
    }
    if text.chars().any(|c| c.is_control() && c != '\n') {
        return Err("Ce texte contient des caractères non autorisés.".into());
    }
    Ok(Some(text))
}

/// Like [`optional_text`], but the field must be filled.
pub fn required_text(
    input: &str,
    max: usize,
    multiline: bool,
    missing: &str,
) -> Result<String, String> {
    optional_text(input, max, multiline)?.ok_or_else(|| missing.to_owned())
}

/// A whole number between `min` and `max`; `None` when empty.
pub fn optional_number(input: &str, min: i64, max: i64) -> Result<Option<i64>, String> {
    let text: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<i64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
        Ok(_) => Err(format!("Indiquez un nombre entre {min} et {max}.")),
        Err(_) => Err("Indiquez un nombre entier, sans lettres.".into()),
    }
}

/// A decimal number (comma or dot) between `min` and `max`; `None` when empty.
pub fn optional_decimal(input: &str, min: f64, max: f64) -> Result<Option<f64>, String> {
    let text: String =
        input.chars().filter(|c| !c.is_whitespace()).collect::<String>().replace(',', ".");
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<f64>() {
        Ok(n) if n.is_finite() && (min..=max).contains(&n) => Ok(Some(n)),
        Ok(_) => Err(format!("Indiquez un nombre entre {min} et {max}.")),
        Err(_) => Err("Indiquez un nombre (par exemple 12,5).".into()),
    }
}

/// A calendar date written `AAAA-MM-JJ` (what a date field sends) or `JJ/MM/AAAA`, returned
/// as `AAAA-MM-JJ`; `None` when empty.
pub fn optional_date(input: &str) -> Result<Option<String>, String> {
    let text = input.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let (y, m, d) = if let Some((d, rest)) = text.split_once('/') {
        let Some((m, y)) = rest.split_once('/') else { return Err(date_error()) };
        (y, m, d)
    } else {
        let mut parts = text.splitn(3, '-');
        match (parts.next(), parts.next(), parts.next()) {
            (Some(y), Some(m), Some(d)) => (y, m, d),
            _ => return Err(date_error()),
        }
    };
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return Err(date_error());
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(date_error()),
    };
    if !(1900..=2200).contains(&y) || d == 0 || d > days {
        return Err(date_error());
    }
    Ok(Some(format!("{y:04}-{m:02}-{d:02}")))
}

fn date_error() -> String {
    "Indiquez une date valide (JJ/MM/AAAA).".into()
}

/// An e-mail address for contact; `None` when empty.
pub fn optional_email(input: &str) -> Result<Option<String>, String> {
    let text = input.trim();
    if text.is_empty() {
        return Ok(None);
    }
    crate::domain::accounts::Email::parse(text)
        .map(|e| Some(e.as_str().to_owned()))
        .map_err(|e| e.to_string())
}

/// A phone number: digits, spaces, dots, dashes and a leading +, 10 to 15 digits.
pub fn optional_phone(input: &str) -> Result<Option<String>, String> {
    let text = input.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let allowed = text.chars().enumerate().all(|(i, c)| {
        c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '(' | ')') || (c == '+' && i == 0)
    });
    if allowed && (10..=15).contains(&digits) {
        Ok(Some(text.split_whitespace().collect::<Vec<_>>().join(" ")))
    } else {
        Err("Indiquez un numéro de téléphone (04 76 00 00 00).".into())
    }
}

/// A web address; `https://` is added when the scheme is missing.
pub fn optional_url(input: &str) -> Result<Option<String>, String> {
    let text = input.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let url = if text.starts_with("http://") || text.starts_with("https://") {
        text.to_owned()
    } else {
        format!("https://{text}")
    };
    let host = url.split("://").nth(1).unwrap_or("").split(['/', '?', '#']).next().unwrap_or("");
    let ok = host.contains('.')
        && url.len() <= 300
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>');
    if ok { Ok(Some(url)) } else { Err("Indiquez une adresse web valide (www.exemple.fr).".into()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_tidied_and_bounded() {
        assert_eq!(optional_text("  a   b ", 10, false), Ok(Some("a b".into())));
        assert_eq!(optional_text("   ", 10, false), Ok(None));
        assert!(optional_text("abcdef", 5, false).is_err());
        assert_eq!(optional_text("l1 \n\n l2", 20, true), Ok(Some("l1\n\nl2".into())));
        assert!(required_text("", 5, false, "Obligatoire").expect_err("empty") == "Obligatoire");
    }

    #[test]
    fn numbers_and_dates() {
        assert_eq!(optional_number("1 200", 0, 5000), Ok(Some(1200)));
        assert!(optional_number("-1", 0, 10).is_err());
        assert!(optional_number("douze", 0, 10).is_err());
        assert_eq!(optional_decimal("12,5", 0.0, 100.0), Ok(Some(12.5)));
        assert!(optional_decimal("120", 0.0, 100.0).is_err());
        assert_eq!(optional_date("2024-02-29"), Ok(Some("2024-02-29".into())));
        assert_eq!(optional_date("01/03/2025"), Ok(Some("2025-03-01".into())));
        assert!(optional_date("2025-02-29").is_err());
        assert!(optional_date("2025-13-01").is_err());
        assert_eq!(optional_date(""), Ok(None));
    }

    #[test]
    fn contact_fields() {
        assert_eq!(optional_phone("04 76 12 34 56"), Ok(Some("04 76 12 34 56".into())));
        assert!(optional_phone("0476").is_err());
        assert!(optional_phone("04 76 12 34 5a").is_err());
        assert_eq!(optional_url("www.regie.fr"), Ok(Some("https://www.regie.fr".into())));
        assert!(optional_url("pas une adresse").is_err());
        assert!(optional_url("javascript:alert(1)").is_err());
        assert!(optional_email("contact@").is_err());
    }
}
