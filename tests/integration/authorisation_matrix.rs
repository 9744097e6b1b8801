//! Every server function and API route × every role, with the expected HTTP status, run
//! against the real server.
//!
//! To add a row: append to `ROWS` the method and path, the form to send, and the status
//! expected for each role in the order of `ROLES`. A new role is a new column: add it to
//! `Role`, to `ROLES`, to `client_for`, and give every row a value for it.

use tests::{TestApp, spawn_app};

#[derive(Debug, Clone, Copy)]
enum Role {
    Visitor,
    Member,
    Admin,
}

const ROLES: [Role; 3] = [Role::Visitor, Role::Member, Role::Admin];

struct Row {
    method: &'static str,
    path: &'static str,
    form: &'static [(&'static str, &'static str)],
    /// Expected status for Visitor, Member, Admin.
    expected: [u16; 3],
}

const ROWS: &[Row] = &[
    Row { method: "GET", path: "/healthz", form: &[], expected: [200, 200, 200] },
    Row { method: "GET", path: "/", form: &[], expected: [200, 200, 200] },
    Row { method: "POST", path: "/api/figures", form: &[], expected: [200, 200, 200] },
    Row { method: "POST", path: "/api/me", form: &[], expected: [200, 200, 200] },
    Row {
        method: "POST",
        path: "/api/signup",
        form: &[("name", "X"), ("email", "x"), ("password", "x"), ("password_confirm", "x")],
        expected: [200, 200, 200],
    },
    Row {
        method: "POST",
        path: "/api/verify-email",
        form: &[("token", "00")],
        expected: [200, 200, 200],
    },
    Row {
        method: "POST",
        path: "/api/login",
        form: &[("email", "nobody@exemple.fr"), ("password", "wrong password")],
        expected: [200, 200, 200],
    },
    Row { method: "POST", path: "/api/logout-everywhere", form: &[], expected: [401, 200, 200] },
    Row { method: "POST", path: "/api/logout", form: &[], expected: [401, 200, 200] },
];

async fn client_for(app: &TestApp, role: Role, n: usize) -> reqwest::Client {
    match role {
        Role::Visitor => app.new_client(),
        Role::Member => app.signed_in_user("Membre", &format!("membre{n}@exemple.fr")).await,
        Role::Admin => app.signed_in_admin(&format!("admin{n}@exemple.fr")).await,
    }
}

#[tokio::test]
async fn every_endpoint_answers_each_role_as_expected() {
    let app = spawn_app().await;
    let mut failures = Vec::new();
    for (n, row) in ROWS.iter().enumerate() {
        for (role, expected) in ROLES.iter().zip(row.expected) {
            // A fresh session per cell: sign-out rows must not leak into the next cell.
            let client = client_for(&app, *role, n).await;
            let request = match row.method {
                "GET" => client.get(app.url(row.path)),
                _ => client.post(app.url(row.path)).form(row.form),
            };
            let status = request.send().await.expect("request").status().as_u16();
            if status != expected {
                failures.push(format!(
                    "{} {} as {role:?}: {status}, expected {expected}",
                    row.method, row.path
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
