//! The flash a plain form post left for this page (see [`crate::domain::Flash`]), read on the
//! server from the request and handed to the browser with the page, so that hydration shows
//! the same errors and values.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::domain::Flash;

#[derive(Clone)]
struct PageFlash(Flash);

/// Makes the request's flash available to the page's forms.
pub fn provide_flash() {
    let flash = SharedValue::new(|| {
        #[cfg(feature = "ssr")]
        {
            use_context::<http::request::Parts>()
                .and_then(|parts| parts.extensions.get::<Flash>().cloned())
                .unwrap_or_default()
        }
        #[cfg(not(feature = "ssr"))]
        {
            Flash::default()
        }
    });
    provide_context(PageFlash(flash.into_inner()));
}

/// The flash, when it is for the page being shown.
pub fn page_flash() -> Option<Flash> {
    let PageFlash(flash) = use_context::<PageFlash>()?;
    let path = use_location().pathname.get_untracked();
    flash.for_path(&path).cloned()
}
