//! Amounts excluding tax as purchase files write them: French (`12 345,50 €`), dotted
//! (`12345.50`), with thousands separators of either kind (`12.345,50`, `12,345.50`).
//!
//! The needs' [`parse_euros`](crate::domain::needs::budget::parse_euros) reads what a person
//! types in a form (one comma or one dot, at least a cent, 100 M€ at most); a file also carries
//! thousands separators, zero amounts and public contracts above 100 M€, so the ledger has its
//! own reader with the same spelling rules for the decimal part.

/// The largest amount of one line: 10 billion euros, above any contract of the territory.
pub const MAX_LINE_CENTS: i64 = 1_000_000_000_000;

/// The amount in cents (zero allowed), or why it cannot be read, in French.
pub fn parse_amount(input: &str) -> Result<i64, String> {
    let mut text: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{202f}' | '\u{a0}' | '\''))
        .collect();
    while let Some(rest) = ["€", "EUR", "eur", "HT", "ht"].iter().find_map(|s| text.strip_suffix(s))
    {
        text = rest.to_owned();
    }
    if text.is_empty() {
        return Err("Indiquez le montant hors taxes.".into());
    }
    if text.starts_with(['-', '−']) || (text.starts_with('(') && text.ends_with(')')) {
        return Err("Le montant ne peut pas être négatif : un avoir se déduit de l'achat qu'il \
                    corrige."
            .into());
    }
    let text = text.strip_prefix('+').unwrap_or(&text);
    if text.contains(['e', 'E']) && text.chars().any(|c| c.is_ascii_digit()) {
        return Err(format!(
            "« {} » est en notation scientifique : écrivez le montant en chiffres (mettez la \
             colonne au format nombre dans le tableur).",
            input.trim()
        ));
    }
    let (whole, fraction) = split_decimal(text).map_err(|ambiguous| {
        if ambiguous {
            format!(
                "Le montant « {} » est ambigu (mille euros ou un euro ?) : écrivez-le \
                 sans séparateur de milliers, ou avec deux décimales.",
                input.trim()
            )
        } else {
            unreadable(input)
        }
    })?;
    let fraction = fraction.trim_end_matches('0');
    if fraction.len() > 2 {
        return Err(format!(
            "Le montant « {} » a plus de deux décimales : arrondissez-le au centime.",
            input.trim()
        ));
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(&whole) || (!fraction.is_empty() && !digits(fraction)) {
        return Err(unreadable(input));
    }
    let cents = whole
        .trim_start_matches('0')
        .parse::<i64>()
        .or_else(|e| if whole.bytes().all(|b| b == b'0') { Ok(0) } else { Err(e) })
        .ok()
        .and_then(|w| w.checked_mul(100))
        .and_then(|w| w.checked_add(format!("{fraction:0<2}").parse::<i64>().unwrap_or(0)))
        .filter(|c| *c <= MAX_LINE_CENTS);
    cents.ok_or_else(|| "Le montant d'une ligne ne dépasse pas 10 milliards d'euros.".into())
}

fn unreadable(input: &str) -> String {
    format!(
        "« {} » n'est pas un montant : écrivez-le en chiffres, par exemple 12 345,50 ou 12345.50.",
        input.trim()
    )
}

/// The whole part (thousands separators removed) and the decimal part. The last of `,` and
/// `.` is the decimal separator (decimals past the cent must be zeros); a single separator
/// followed by exactly three digits is ambiguous (1.000: a thousand euros or one?) unless the
/// other separator also appears; several of the same kind are thousands.
/// The error says whether the text was ambiguous (true) or not an amount at all.
fn split_decimal(text: &str) -> Result<(String, &str), bool> {
    let commas = text.matches(',').count();
    let dots = text.matches('.').count();
    let last = text.rfind([',', '.']);
    let Some(at) = last else { return Ok((text.to_owned(), "")) };
    let separator = text.as_bytes()[at];
    let same = if separator == b',' { commas } else { dots };
    let other = if separator == b',' { dots } else { commas };
    let after = &text[at + 1..];
    let grouped = |part: &str| {
        let mut groups = part.split([',', '.']);
        let first = groups.next().unwrap_or_default();
        (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3)
    };
    if same > 1 {
        // Several of the same kind: thousands only (1.234.567 or 1,234,567).
        return if other == 0 && grouped(text) {
            Ok((text.replace([',', '.'], ""), ""))
        } else {
            Err(false)
        };
    }
    let before = &text[..at];
    if other > 0 && !grouped(before) {
        return Err(false);
    }
    if other == 0 && after.len() == 3 {
        return Err(true);
    }
    Ok((before.replace([',', '.'], ""), after))
}

/// `12345,50` or `12345`: an amount as a file line would write it back.
pub fn plain(cents: i64) -> String {
    match cents % 100 {
        0 => (cents / 100).to_string(),
        rest => format!("{},{rest:02}", cents / 100),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_and_dotted_notations() {
        let cases = [
            ("12 345,50 €", 1_234_550),
            ("12345.50", 1_234_550),
            ("12.345,50", 1_234_550),
            ("12,345.50", 1_234_550),
            ("1.234.567", 123_456_700),
            ("1,234,567", 123_456_700),
            ("1\u{202f}234,5", 123_450),
            ("0", 0),
            ("0,00", 0),
            ("1234.5000", 123_450),
            ("+15", 1_500),
            ("2 500 EUR", 250_000),
            ("1'500.25", 150_025),
            ("700 € HT", 70_000),
        ];
        for (text, cents) in cases {
            assert_eq!(parse_amount(text), Ok(cents), "{text}");
        }
    }

    #[test]
    fn bad_amounts_say_why_in_french() {
        assert!(parse_amount("-120,00").expect_err("negative").contains("négatif"));
        assert!(parse_amount("(120)").expect_err("accounting negative").contains("négatif"));
        assert!(parse_amount("").expect_err("empty").contains("Indiquez"));
        assert!(parse_amount("douze").expect_err("words").contains("n'est pas un montant"));
        assert!(parse_amount("1,234").is_err(), "three decimals or a thousand: ambiguous");
        assert!(parse_amount("1.234").is_err(), "ambiguous the other way too");
        assert!(parse_amount("1.000").is_err(), "a thousand in French, one with decimals");
        assert!(parse_amount("12,345").expect_err("ambiguous").contains("ambigu"));
        assert!(parse_amount("1,2345").expect_err("four decimals").contains("décimales"));
        assert!(parse_amount("7,32E+13").expect_err("scientific").contains("scientifique"));
        assert!(parse_amount("1.23.4").is_err(), "groups of three only");
        assert!(parse_amount("20000000000,01").expect_err("too big").contains("milliards"));
        assert_eq!(parse_amount("10000000000"), Ok(MAX_LINE_CENTS));
    }

    /// Every amount written in each notation a file uses reads back as itself: a sweep over
    /// the sizes of amounts (a property test without the dependency).
    #[test]
    fn amounts_written_every_way_read_back() {
        let mut cents: i64 = 1;
        while cents < MAX_LINE_CENTS {
            for value in
                [cents, cents + 7, cents * 3 + 99].into_iter().filter(|v| *v <= MAX_LINE_CENTS)
            {
                let (whole, rest) = (value / 100, value % 100);
                let group = |sep: char| {
                    let digits = whole.to_string();
                    let mut out = String::new();
                    for (i, c) in digits.chars().enumerate() {
                        if i > 0 && (digits.len() - i).is_multiple_of(3) {
                            out.push(sep);
                        }
                        out.push(c);
                    }
                    out
                };
                for written in [
                    format!("{whole},{rest:02}"),
                    format!("{whole}.{rest:02}"),
                    format!("{},{rest:02} €", group(' ')),
                    format!("{},{rest:02}", group('.')),
                    format!("{}.{rest:02}", group(',')),
                    format!("{}\u{202f}€", plain(value)),
                ] {
                    assert_eq!(parse_amount(&written), Ok(value), "{written}");
                }
            }
            cents = cents * 3 + 1;
        }
    }
}
