//! The search's address parameters as the API's description shows them (`GET /api/v1/search`).
//! Their names must be those [`Param`](super::params::Param) lists, which the parser reads: the
//! integration tests compare the two. The accepted values come from the domain's own lists.
// The derive writes the inline fields' types in full, with their own spans.
#![expect(unused_qualifications, reason = "code of utoipa's IntoParams derive")]

use strum::VariantArray;

use crate::domain::Code;
use utoipa::{
    IntoParams, PartialSchema, ToSchema,
    openapi::{
        RefOr, Type,
        schema::{ObjectBuilder, Schema},
    },
};

use super::query::{HQS_ALL, MAX_PAGE, MAX_RADIUS_KM};
use crate::domain::{
    directory::{Family, SECTORS, ServiceKind, StructureKind},
    label::level::INDEX_VALUES,
};

/// An INSEE commune code (Corsica's hold `A` or `B`).
const INSEE_PATTERN: &str = "^[0-9AB]{5}$";

/// Documentation only: the parser is [`SearchQuery::from_pairs`](super::SearchQuery::from_pairs).
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// Texte recherché (tolérant aux fautes de frappe, en français), 200 caractères au plus.
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// `offres` (par défaut) ou `structures`.
    #[param(inline)]
    pub cible: Option<Target>,
    /// Type de structure; répétable, valeurs combinées par « ou ».
    #[param(rename = "type", inline, style = Form, explode, required = false)]
    pub kinds: Vec<KindCode>,
    /// Famille de structures; répétable.
    #[param(inline, style = Form, explode, required = false)]
    pub famille: Vec<FamilyCode>,
    /// Code de secteur de la taxonomie Ecossol; répétable.
    #[param(inline, style = Form, explode, required = false)]
    pub secteur: Vec<SectorCode>,
    /// Nature de la prestation; répétable.
    #[param(inline, style = Form, explode, required = false)]
    pub prestation: Vec<ServiceCode>,
    /// Code INSEE de commune; répétable.
    #[param(inline, style = Form, explode, required = false)]
    pub commune: Vec<CommuneCode>,
    /// Nom d'un label valide; répétable.
    #[param(style = Form, explode, required = false)]
    pub label: Vec<String>,
    /// `1` (ou `oui`, `on`, `true`) : seulement les structures agréées ESUS.
    #[param(inline)]
    pub esus: Option<Yes>,
    /// Niveau du label HQS détenu (`sans-niveau` : labellisé sans niveau), `tous` pour tous
    /// les niveaux; répétable.
    #[param(inline, style = Form, explode, required = false)]
    pub hqs: Vec<HqsLevel>,
    /// Identifiant d'un profil d'exigences HQS partagé : seuls les résultats qui le
    /// satisfont (d'après leurs déclarations) sont renvoyés.
    #[param(pattern = "^[A-Za-z0-9-]{1,64}$")]
    pub profil: Option<String>,
    /// Code INSEE d'une commune de la Métropole dont le centre sert d'origine des distances.
    #[param(inline)]
    pub pres_de: Option<CommuneCode>,
    /// Latitude de l'origine des distances (avec `lng`), à la place de `pres_de`.
    #[param(minimum = -90.0, maximum = 90.0)]
    pub lat: Option<f64>,
    /// Longitude de l'origine des distances (avec `lat`).
    #[param(minimum = -180.0, maximum = 180.0)]
    pub lng: Option<f64>,
    /// Rayon en kilomètres autour de l'origine.
    #[param(inline)]
    pub rayon: Option<Radius>,
    /// `pertinence` (par défaut), `nom`, `recent` ou `distance` (avec une origine).
    #[param(inline)]
    pub tri: Option<SortName>,
    /// Page de 20 résultats, à partir de 1.
    #[param(inline)]
    pub page: Option<PageNumber>,
}

fn one_of(values: impl IntoIterator<Item = &'static str>) -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::String).enum_values(Some(values))
}

/// Declares types that only describe a parameter's values (their schema), for the fields
/// above; a derive's `schema_with` would drop the field's description.
macro_rules! values {
    ($($(#[$doc:meta])* $name:ident => $schema:expr;)+) => {
        $(
            $(#[$doc])*
            pub struct $name;

            impl PartialSchema for $name {
                fn schema() -> RefOr<Schema> {
                    $schema.into()
                }
            }

            impl ToSchema for $name {}
        )+
    };
}

values! {
    /// What is searched for.
    Target => one_of(["offres", "structures"]);
    /// A structure kind's code.
    KindCode => one_of(StructureKind::VARIANTS.iter().map(|kind| kind.code()));
    /// A family's code.
    FamilyCode => one_of(Family::VARIANTS.iter().map(|f| f.code()));
    /// A sector's code.
    SectorCode => one_of(SECTORS.iter().map(|sector| sector.code));
    /// A service kind's code.
    ServiceCode => one_of(ServiceKind::VARIANTS.iter().map(|k| k.code()));
    /// An INSEE commune code.
    CommuneCode => ObjectBuilder::new().schema_type(Type::String).pattern(Some(INSEE_PATTERN));
    /// The values `esus` takes as yes.
    Yes => one_of(["1", "oui", "on", "true"]);
    /// A level of the HQS label, or all of them.
    HqsLevel => one_of(INDEX_VALUES.into_iter().chain([HQS_ALL]));
    /// A radius in kilometres.
    Radius => ObjectBuilder::new().schema_type(Type::Integer).minimum(Some(1)).maximum(Some(MAX_RADIUS_KM));
    /// An order of the results.
    SortName => one_of(["pertinence", "nom", "recent", "distance"]);
    /// A page number.
    PageNumber => ObjectBuilder::new().schema_type(Type::Integer).minimum(Some(1)).maximum(Some(MAX_PAGE));
}
