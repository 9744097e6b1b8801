//! The 49 communes of Grenoble-Alpes Métropole (DOMAIN.md §1), shipped with the app as
//! reference data (official administrative split, Etalab, MIT licence).

use std::sync::LazyLock;

use super::codes::InseeCode;

/// A commune of the Métropole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commune {
    pub insee: &'static str,
    pub name: &'static str,
    pub postcodes: Vec<&'static str>,
    pub population: u32,
}

/// The Métropole's EPCI number.
pub const METROPOLE_SIREN: &str = "200040715";
/// Its département (Isère).
pub const DEPARTEMENT: &str = "38";

const CSV: &str = include_str!("../../../data/communes-grenoble-alpes-metropole.csv");

static COMMUNES: LazyLock<Vec<Commune>> = LazyLock::new(|| {
    let mut communes: Vec<Commune> = CSV
        .lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let fields: Vec<&'static str> = line.split(',').collect();
            Commune {
                insee: fields[0],
                name: fields[1],
                postcodes: fields[3].split(['|', ';', ' ']).filter(|p| !p.is_empty()).collect(),
                population: fields[4].trim().parse().unwrap_or(0),
            }
        })
        .collect();
    communes.sort_by_key(|c| sort_key(c.name));
    communes
});

/// The communes in alphabetical order (accents ignored).
pub fn communes() -> &'static [Commune] {
    &COMMUNES
}

pub fn find(insee: &str) -> Option<&'static Commune> {
    COMMUNES.iter().find(|c| c.insee == insee)
}

pub fn is_in_metropole(code: &InseeCode) -> bool {
    find(code.as_str()).is_some()
}

fn sort_key(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' | 'ë' | 'É' => 'e',
            'à' | 'â' => 'a',
            'î' | 'ï' => 'i',
            'ô' => 'o',
            'û' | 'ù' => 'u',
            'ç' => 'c',
            other => other.to_ascii_lowercase(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_forty_nine_communes_are_loaded() {
        assert_eq!(communes().len(), 49);
        let grenoble = find("38185").expect("Grenoble");
        assert_eq!(grenoble.name, "Grenoble");
        assert!(grenoble.postcodes.contains(&"38000"));
        assert!(grenoble.population > 100_000);
        let total: u32 = communes().iter().map(|c| c.population).sum();
        assert!((400_000..500_000).contains(&total), "about 455,000 inhabitants: {total}");
        assert!(is_in_metropole(&InseeCode::parse("38185").expect("code")));
        assert!(!is_in_metropole(&InseeCode::parse("69123").expect("Lyon")));
    }

    #[test]
    fn communes_are_sorted_ignoring_accents() {
        let names: Vec<&str> = communes().iter().map(|c| c.name).collect();
        let echirolles = names.iter().position(|n| *n == "Échirolles").expect("Échirolles");
        let eybens = names.iter().position(|n| *n == "Eybens").expect("Eybens");
        assert!(echirolles < eybens, "É sorts with E");
    }
}
