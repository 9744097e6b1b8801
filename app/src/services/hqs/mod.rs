//! Haute Qualité Solidaire: the référentiel's versions, buyers' profiles and harmonisation.

pub mod access;
pub mod checks;
pub mod demo;
pub mod facts;
pub mod profiles;
pub mod referential;
