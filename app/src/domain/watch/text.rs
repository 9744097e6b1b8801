//! Folding text for comparisons: headers a buyer wrote by hand, suppliers' names, file names.

/// `text` lower-cased without French accents; every run of characters that are not letters
/// or digits becomes one space (« Montant H.T. (€) » → `montant h t`).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let folded: &str = match c {
            'à' | 'â' | 'ä' | 'á' | 'À' | 'Â' | 'Ä' | 'Á' => "a",
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => "e",
            'î' | 'ï' | 'í' | 'Î' | 'Ï' => "i",
            'ô' | 'ö' | 'ó' | 'Ô' | 'Ö' => "o",
            'û' | 'ù' | 'ü' | 'ú' | 'Û' | 'Ù' | 'Ü' => "u",
            'ç' | 'Ç' => "c",
            'ÿ' | 'Ÿ' => "y",
            'œ' | 'Œ' => "oe",
            'æ' | 'Æ' => "ae",
            _ => "",
        };
        if !folded.is_empty() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push_str(folded);
        } else if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    out
}

/// The key that groups a supplier's lines when they carry no SIRET or SIREN: its folded name.
pub fn supplier_key(name: &str) -> String {
    fold(name)
}

/// The name of a file as « the same file » compares it: folded, without its extension nor
/// the « (1) » or « - Copie » a browser or a desktop adds to a second copy.
pub fn file_key(file_name: &str) -> String {
    let mut stem = match file_name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && ext.len() <= 5 => stem,
        _ => file_name,
    }
    .trim_end();
    loop {
        let copy = stem
            .strip_suffix(')')
            .and_then(|s| s.rsplit_once('('))
            .filter(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            .map(|(rest, _)| rest)
            .or_else(|| {
                let cut = stem.len().checked_sub("copie".len())?;
                let copie = stem.get(cut..).is_some_and(|t| t.eq_ignore_ascii_case("copie"));
                copie.then(|| &stem[..cut])
            })
            .map(|rest| rest.trim_end().trim_end_matches(['-', '_']).trim_end());
        match copy {
            Some(rest) if !rest.is_empty() => stem = rest,
            _ => return fold(stem),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_fold_to_plain_words() {
        assert_eq!(fold("Montant H.T. (€)"), "montant h t");
        assert_eq!(fold("  Date de l'achat "), "date de l achat");
        assert_eq!(fold("Catégorie / CPV"), "categorie cpv");
        assert_eq!(fold("ŒUVRES"), "oeuvres");
        assert_eq!(supplier_key("Régie de Quartier, Villeneuve"), "regie de quartier villeneuve");
    }

    #[test]
    fn copies_of_a_file_have_its_key() {
        assert_eq!(file_key("Achats 2025.csv"), "achats 2025");
        assert_eq!(file_key("achats 2025 (1).csv"), "achats 2025");
        assert_eq!(file_key("Achats 2025 - Copie.xlsx"), "achats 2025");
        assert_eq!(file_key("achats_2025(2).CSV"), "achats 2025");
        assert_ne!(file_key("achats 2024.csv"), file_key("achats 2025.csv"));
        assert_eq!(file_key("2025.csv"), "2025");
    }
}
