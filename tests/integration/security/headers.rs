use tests::{spawn_app, spawn_app_with};

fn header(response: &reqwest::Response, name: &str) -> String {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_else(|| panic!("header {name} missing"))
        .to_owned()
}

/// The nonce of the policy's `script-src`.
fn nonce_of(csp: &str) -> String {
    let start = csp.find("'nonce-").expect("a nonce in script-src") + "'nonce-".len();
    csp[start..].split('\'').next().expect("nonce").to_owned()
}

#[tokio::test]
async fn pages_carry_a_strict_policy_whose_nonce_their_scripts_bear() {
    let app = spawn_app().await;
    let first = app.get("/recherche").await;
    assert_eq!(first.status(), 200);
    let csp = header(&first, "content-security-policy");
    for directive in [
        "default-src 'self'",
        "'wasm-unsafe-eval'",
        "style-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ] {
        assert!(csp.contains(directive), "{directive} in {csp}");
    }
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert_eq!(header(&first, "x-content-type-options"), "nosniff");
    assert_eq!(header(&first, "x-frame-options"), "DENY");
    assert_eq!(header(&first, "referrer-policy"), "same-origin");
    assert!(first.headers().get("strict-transport-security").is_none(), "plain HTTP: no HSTS");

    let nonce = nonce_of(&csp);
    let html = first.text().await.expect("body");
    let scripts = html.matches("<script").count();
    assert!(scripts > 0, "the hydration script is there");
    assert_eq!(
        html.matches(&format!("<script nonce=\"{nonce}\"")).count()
            + html.matches(&format!("<script type=\"module\" nonce=\"{nonce}\"")).count(),
        scripts,
        "every inline script bears the header's nonce: {html}"
    );
    for handler in [" onchange=", " onclick=", " oninput=", " onsubmit=", " style="] {
        assert!(!html.contains(handler), "no{handler} attribute (blocked by the policy)");
    }

    let second = app.get("/recherche").await;
    let other = nonce_of(&header(&second, "content-security-policy"));
    assert_ne!(nonce, other, "one nonce per response");
}

#[tokio::test]
async fn every_response_carries_the_headers_and_https_adds_hsts() {
    let app = spawn_app_with(|s| s.public_url = Some("https://ecossol.example".into())).await;
    for path in ["/", "/page-inconnue", "/healthz", "/pkg/ecossol.css", "/api/v1/openapi.json"] {
        let response = app.get(path).await;
        assert_eq!(header(&response, "x-frame-options"), "DENY", "{path}");
        assert!(header(&response, "content-security-policy").contains("frame-ancestors 'none'"));
        assert_eq!(header(&response, "strict-transport-security"), "max-age=31536000", "{path}");
    }
    let not_found = app.get("/page-inconnue").await;
    let nonce = nonce_of(&header(&not_found, "content-security-policy"));
    let html = not_found.text().await.expect("body");
    assert!(html.contains(&format!("nonce=\"{nonce}\"")), "the 404 page hydrates too");
}
