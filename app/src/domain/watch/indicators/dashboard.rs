//! What `/veille`, its exports, its monthly report and `GET /api/v1/indicators` show: one
//! value, computed once by `services::watch::indicators::compute`.

use serde::{Deserialize, Serialize};

use super::{Figures, Filters};

/// Whose figures these are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum Scope {
    /// A buyer's own purchases (« ma part d'achats solidaires »): no secret.
    Organisation { id: String, name: String },
    /// The partnership's aggregates, with its secret.
    Partnership,
    /// Visitors and the partners outside the pôle: public buyers' purchases only, with the
    /// secret.
    PublicBuyers,
}

impl Scope {
    pub fn label(&self) -> String {
        match self {
            Self::Organisation { name, .. } => format!("Achats de {name}"),
            Self::Partnership => "Achats de tous les acheteurs du partenariat".to_owned(),
            Self::PublicBuyers => "Achats des acheteurs publics du partenariat".to_owned(),
        }
    }

    pub fn has_secret(&self) -> bool {
        !matches!(self, Self::Organisation { .. })
    }
}

/// A row of the breakdown: this period and the one before.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct BreakdownRow {
    pub key: String,
    pub label: String,
    pub current: Figures,
    pub previous: Figures,
}

/// A year of the trend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TrendRow {
    pub year: i32,
    pub figures: Figures,
}

/// A choice of a filter's list: (value, label).
pub type Choice = (String, String);

/// The dashboard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Dashboard {
    /// The filters applied, the period resolved (the latest year when none was asked).
    pub filters: Filters,
    pub scope: Scope,
    pub period_label: String,
    pub previous_label: String,
    pub current: Figures,
    pub previous: Figures,
    pub dimension_label: String,
    /// The breakdown's rows add up to the total (not by structure kind: a structure may be
    /// of several kinds).
    pub rows_add_up: bool,
    pub breakdown: Vec<BreakdownRow>,
    pub trend: Vec<TrendRow>,
    /// The years the ledger holds, in this scope.
    pub years: Vec<i32>,
    /// The buyers the person may filter on.
    #[cfg_attr(feature = "ssr", schema(value_type = Vec<Vec<String>>))]
    pub buyers: Vec<Choice>,
    /// The person's buyer organisations (for « ma part d'achats solidaires »).
    #[cfg_attr(feature = "ssr", schema(value_type = Vec<Vec<String>>))]
    pub organisations: Vec<Choice>,
    /// The person may see the partnership's aggregates or the public part.
    pub may_see_partnership: bool,
}

/// The dashboard, or the French errors of the address's parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum DashboardAnswer {
    Shown(Box<Dashboard>),
    /// (parameter, message) pairs.
    Invalid(Vec<(String, String)>),
}
