mod error_view;
mod fields;
mod figures_panel;
mod flash;
mod form_answer;
mod form_field;
mod session;
mod user_menu;

pub use error_view::ErrorView;
pub use fields::{GroupField, GroupSelect, GroupTextArea, initial_value};
pub use figures_panel::FiguresPanel;
pub use flash::{page_flash, provide_flash};
pub use form_answer::{
    Answer, field_error, flashed_error, refusal, revealed, succeeded, successes,
};
pub use form_field::FormField;
pub use session::{SessionContext, provide_session};
pub use user_menu::UserMenu;
