use leptos::prelude::*;

use crate::{domain::accounts::SessionUser, error::AppError, server_fns::accounts::me};

/// The signed-in person, shared by the whole page. `refresh` reloads it after a sign-in or
/// sign-out done without leaving the page.
#[derive(Clone, Copy)]
pub struct SessionContext {
    pub user: Resource<Result<Option<SessionUser>, AppError>>,
    version: RwSignal<u32>,
}

impl SessionContext {
    pub fn refresh(&self) {
        self.version.update(|v| *v += 1);
    }
}

pub fn provide_session() -> SessionContext {
    let version = RwSignal::new(0_u32);
    let user = Resource::new(move || version.get(), |_| me());
    let context = SessionContext { user, version };
    provide_context(context);
    context
}
