//! The cookies server functions set: the session and the flash of a plain form post.

use cookie::{Cookie, SameSite, time::Duration};
use http::{HeaderValue, header};
use leptos::prelude::*;
use leptos_axum::ResponseOptions;

use super::request;
use crate::services::{accounts, flash};

/// A cookie of this site: `HttpOnly`, `SameSite=Lax`, `Secure` over HTTPS, for every path;
/// an empty value with no lifetime removes it.
pub fn site_cookie(name: &str, value: &str, max_age_s: i64, secure: bool) -> String {
    Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .max_age(Duration::seconds(max_age_s))
        .build()
        .to_string()
}

/// [`site_cookie`] as a `Set-Cookie` header value, for plain axum handlers too.
pub fn site_cookie_header(
    name: &str,
    value: &str,
    max_age_s: i64,
    secure: bool,
) -> Option<HeaderValue> {
    HeaderValue::from_str(&site_cookie(name, value, max_age_s, secure)).ok()
}

/// Whether the site is served over HTTPS (cookies `Secure`, the session's name prefixed).
fn secure() -> bool {
    request::state().is_ok_and(|s| s.secure_cookies())
}

fn set(name: &str, value: &str, max_age_s: i64, secure: bool) {
    let Some(response) = use_context::<ResponseOptions>() else { return };
    if let Some(value) = site_cookie_header(name, value, max_age_s, secure) {
        response.append_header(header::SET_COOKIE, value);
    }
}

/// Sets or clears the session cookie (`__Host-` prefixed over HTTPS, see
/// [`accounts::session_cookie`]).
pub fn set_session(token: Option<&str>, max_age_s: i64) {
    let secure = secure();
    let name = accounts::session_cookie(secure);
    match token {
        Some(token) => set(name, token, max_age_s, secure),
        None => set(name, "", 0, secure),
    }
}

/// Hands a flash's token to the next page.
pub fn set_flash(token: &str) {
    set(flash::COOKIE, token, flash::LIFETIME_S, secure());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_cookies_are_locked_down() {
        let cookie = site_cookie("ecossol_session", "abc", 3600, true);
        for part in ["ecossol_session=abc", "HttpOnly", "SameSite=Lax", "Secure", "Path=/"] {
            assert!(cookie.contains(part), "{cookie} lacks {part}");
        }
        assert!(cookie.contains("Max-Age=3600"), "{cookie}");
        let removal = site_cookie("ecossol_session", "", 0, false);
        assert!(removal.contains("Max-Age=0") && !removal.contains("Secure"), "{removal}");
    }

    #[test]
    fn over_https_the_session_cookie_meets_the_host_prefix_rules() {
        let name = accounts::session_cookie(true);
        assert!(name.starts_with("__Host-"), "{name}");
        let cookie = site_cookie(name, "abc", 3600, true);
        assert!(cookie.contains("Secure") && cookie.contains("Path=/"), "{cookie}");
        assert!(!cookie.contains("Domain"), "{cookie}");
        assert_eq!(accounts::session_cookie(false), "ecossol_session");
    }
}
