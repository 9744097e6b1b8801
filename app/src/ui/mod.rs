//! The user interface: the HTML shell, routes, layout, pages and components.
//! No business rules here: they live in `domain` and behind server functions.

mod components;
mod layout;
mod pages;
mod shell;

pub use shell::{App, shell};
