//! Stable, readable addresses for public pages (`/structures/regie-de-quartier-villeneuve`).

/// Lower-case ASCII words of `text` joined by dashes, at most 60 characters.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        let folded = match c {
            'à' | 'â' | 'ä' | 'À' | 'Â' | 'Ä' => "a",
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => "e",
            'î' | 'ï' | 'Î' | 'Ï' => "i",
            'ô' | 'ö' | 'Ô' | 'Ö' => "o",
            'ù' | 'û' | 'ü' | 'Ù' | 'Û' | 'Ü' => "u",
            'ç' | 'Ç' => "c",
            'œ' | 'Œ' => "oe",
            'æ' | 'Æ' => "ae",
            c if c.is_ascii_alphanumeric() => {
                slug.push(c.to_ascii_lowercase());
                continue;
            }
            _ => "-",
        };
        slug.push_str(folded);
    }
    let words: Vec<&str> = slug.split('-').filter(|w| !w.is_empty()).collect();
    let mut out = String::new();
    for word in words {
        if out.len() + word.len() + 1 > 60 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(word);
    }
    if out.is_empty() { "fiche".into() } else { out }
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn slugs_are_readable_ascii() {
        assert_eq!(slugify("Régie de quartier « Villeneuve »"), "regie-de-quartier-villeneuve");
        assert_eq!(slugify("Œuvre d'Échirolles"), "oeuvre-d-echirolles");
        assert_eq!(slugify("!!!"), "fiche");
        assert!(slugify(&"mot ".repeat(40)).len() <= 60);
    }
}
