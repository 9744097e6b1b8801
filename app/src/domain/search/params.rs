//! The parameters a search's address may hold (`/recherche?…`, `/api/v1/search?…`): their
//! names, in one list that the parser reads from and that the API's description is checked
//! against.

macro_rules! params {
    ($($(#[$doc:meta])* $variant:ident = $name:literal,)+) => {
        /// A parameter of the search's address; its code is its name in an address. Every
        /// parameter is in `VARIANTS`, in the order addresses write them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
        pub enum Param {
            $($(#[$doc])* #[strum(serialize = $name)] $variant,)+
        }
    };
}

params! {
    /// Offers or structures.
    Target = "cible",
    /// The text searched for.
    Text = "q",
    /// A structure kind (repeatable).
    Kind = "type",
    /// A family of structures (repeatable).
    Family = "famille",
    /// A sector of the taxonomy (repeatable).
    Sector = "secteur",
    /// A kind of service (repeatable).
    Service = "prestation",
    /// A commune, by INSEE code (repeatable).
    Commune = "commune",
    /// A label's name (repeatable).
    Label = "label",
    /// ESUS-approved structures only.
    Esus = "esus",
    /// A level of the HQS label (repeatable).
    Hqs = "hqs",
    /// An HQS requirement profile.
    Profile = "profil",
    /// The commune distances are measured from.
    NearCommune = "pres_de",
    /// The latitude distances are measured from.
    Lat = "lat",
    /// The longitude distances are measured from.
    Lng = "lng",
    /// The radius around the origin, in kilometres.
    Radius = "rayon",
    /// The order of the results.
    Sort = "tri",
    /// The page of results.
    Page = "page",
}

#[cfg(test)]
mod tests {
    use strum::VariantArray;

    use super::*;
    use crate::domain::Code;

    #[test]
    fn names_are_distinct_and_parse_back() {
        for param in Param::VARIANTS {
            assert_eq!(Param::from_code(param.code()), Some(*param));
        }
        assert_eq!(Param::from_code("inconnu"), None);
    }
}
