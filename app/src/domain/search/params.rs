//! The parameters a search's address may hold (`/recherche?…`, `/api/v1/search?…`): their
//! names, in one list that the parser reads from and that the API's description is checked
//! against.

macro_rules! params {
    ($($(#[$doc:meta])* $variant:ident = $name:literal,)+) => {
        /// A parameter of the search's address.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Param {
            $($(#[$doc])* $variant,)+
        }

        impl Param {
            /// Every parameter, in the order addresses write them.
            pub const ALL: &'static [Param] = &[$(Self::$variant,)+];

            /// The parameter's name in an address.
            pub const fn name(self) -> &'static str {
                match self {
                    $(Self::$variant => $name,)+
                }
            }
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

impl Param {
    /// The parameter an address names `name`, if any.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|param| param.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_distinct_and_parse_back() {
        for param in Param::ALL {
            assert_eq!(Param::parse(param.name()), Some(*param));
        }
        assert_eq!(Param::parse("inconnu"), None);
    }
}
