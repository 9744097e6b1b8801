//! Every server function and API route × every role, with the expected HTTP status, run
//! against the real server. A test also checks that every registered server function has a
//! row, so the matrix grows with the application.
//!
//! To add a row: append to `ROWS` the method, path and form (`{org}` stands for the id of
//! organisation A, a public buyer), and the status expected for each role, in the order of
//! `ROLES`. A new role is a new column: add it to `Role`, `ROLES` and `client_for`, and give
//! every row a value for it.

use tests::{TestApp, spawn_app};

#[derive(Debug, Clone, Copy)]
enum Role {
    Visitor,
    /// Member of organisation A.
    Member,
    /// Owner of organisation A.
    Owner,
    /// Procurement officer of organisation A.
    Officer,
    /// Member of another organisation, B.
    Other,
    /// Animator of the pôle.
    Animator,
    /// Observer of the pôle (comité partenarial de suivi).
    Observer,
    Admin,
}

const ROLES: [Role; 8] = [
    Role::Visitor,
    Role::Member,
    Role::Owner,
    Role::Officer,
    Role::Other,
    Role::Animator,
    Role::Observer,
    Role::Admin,
];

struct Row {
    method: &'static str,
    path: &'static str,
    form: &'static [(&'static str, &'static str)],
    /// Visitor, Member, Owner, Officer, Other, Animator, Observer, Admin.
    expected: [u16; 8],
}

const ALL_200: [u16; 8] = [200; 8];
const SIGNED_IN: [u16; 8] = [401, 200, 200, 200, 200, 200, 200, 200];
const MEMBERS_OF_A: [u16; 8] = [401, 200, 200, 200, 403, 403, 403, 200];
const OWNERS_OF_A: [u16; 8] = [401, 403, 200, 403, 403, 403, 403, 200];
const ADMINS: [u16; 8] = [401, 403, 403, 403, 403, 403, 403, 200];

const ROWS: &[Row] = &[
    Row { method: "GET", path: "/healthz", form: &[], expected: ALL_200 },
    Row { method: "GET", path: "/", form: &[], expected: ALL_200 },
    // A private page answers 401 to visitors, with a sign-in prompt in French.
    Row { method: "GET", path: "/organisations", form: &[], expected: SIGNED_IN },
    Row { method: "POST", path: "/api/figures", form: &[], expected: ALL_200 },
    Row { method: "POST", path: "/api/me", form: &[], expected: ALL_200 },
    Row {
        method: "POST",
        path: "/api/signup",
        form: &[("name", "X"), ("email", "x"), ("password", "x"), ("password_confirm", "x")],
        expected: ALL_200,
    },
    Row { method: "POST", path: "/api/verify-email", form: &[("token", "00")], expected: ALL_200 },
    Row {
        method: "POST",
        path: "/api/login",
        form: &[("email", "nobody@exemple.fr"), ("password", "wrong password")],
        expected: ALL_200,
    },
    Row { method: "POST", path: "/api/logout-everywhere", form: &[], expected: SIGNED_IN },
    Row {
        method: "POST",
        path: "/api/password-reset-request",
        form: &[("email", "nobody@exemple.fr")],
        expected: ALL_200,
    },
    Row {
        method: "POST",
        path: "/api/password-reset",
        form: &[("token", "00"), ("password", "x"), ("password_confirm", "x")],
        expected: ALL_200,
    },
    Row {
        method: "POST",
        path: "/api/password-change",
        form: &[
            ("current_password", "wrong password"),
            ("password", "x"),
            ("password_confirm", "x"),
        ],
        expected: SIGNED_IN,
    },
    Row {
        method: "POST",
        path: "/api/account-delete",
        form: &[("password", "wrong password")],
        expected: SIGNED_IN,
    },
    Row { method: "POST", path: "/api/admin-mails", form: &[], expected: ADMINS },
    Row { method: "POST", path: "/api/logout", form: &[], expected: SIGNED_IN },
    Row { method: "POST", path: "/api/my-organisations", form: &[], expected: SIGNED_IN },
    Row {
        method: "POST",
        path: "/api/organisations-search",
        form: &[("text", "ville")],
        expected: SIGNED_IN,
    },
    Row {
        method: "POST",
        path: "/api/organisation",
        form: &[("id", "{org}")],
        expected: MEMBERS_OF_A,
    },
    Row {
        method: "POST",
        path: "/api/organisation-create",
        form: &[("name", ""), ("kind", "supplier"), ("buyer_detail", "")],
        expected: SIGNED_IN,
    },
    Row {
        method: "POST",
        path: "/api/organisation-invite",
        form: &[("organisation_id", "{org}"), ("email", "invite@exemple.fr"), ("role", "member")],
        expected: OWNERS_OF_A,
    },
    Row {
        method: "POST",
        path: "/api/invitation-accept",
        form: &[("token", "00")],
        expected: SIGNED_IN,
    },
    Row {
        method: "POST",
        path: "/api/organisation-join-request",
        form: &[("organisation_id", "{org}")],
        expected: SIGNED_IN,
    },
    Row {
        method: "POST",
        path: "/api/organisation-join-decide",
        form: &[("organisation_id", "{org}"), ("request_id", "none"), ("decision", "accept")],
        expected: OWNERS_OF_A,
    },
    Row {
        method: "POST",
        path: "/api/organisation-member-role",
        form: &[("organisation_id", "{org}"), ("member_id", "none"), ("role", "member")],
        expected: OWNERS_OF_A,
    },
    Row {
        method: "POST",
        path: "/api/organisation-leave",
        form: &[("organisation_id", "{org}")],
        expected: SIGNED_IN,
    },
];

struct Orgs {
    a: String,
    b: String,
    pole: String,
}

async fn client_for(app: &TestApp, orgs: &Orgs, role: Role, n: usize) -> reqwest::Client {
    let email = format!("{role:?}{n}@exemple.fr").to_lowercase();
    let membership = match role {
        Role::Visitor => return app.new_client(),
        Role::Admin => return app.signed_in_admin(&email).await,
        Role::Member => (&orgs.a, "member"),
        Role::Owner => (&orgs.a, "owner"),
        Role::Officer => (&orgs.a, "procurement_officer"),
        Role::Other => (&orgs.b, "member"),
        Role::Animator => (&orgs.pole, "animator"),
        Role::Observer => (&orgs.pole, "observer"),
    };
    let client = app.signed_in_user("Personne", &email).await;
    app.add_member(membership.0, &email, membership.1).await;
    client
}

#[tokio::test]
async fn every_endpoint_answers_each_role_as_expected() {
    let app = spawn_app().await;
    let orgs = Orgs {
        a: app.insert_organisation("Ville de Fontaine", "buyer", Some("public")).await,
        b: app.insert_organisation("SCOP Les Jardins", "supplier", None).await,
        pole: app.insert_organisation("Pôle d'achats solidaires", "pole", None).await,
    };
    let mut failures = Vec::new();
    for (n, row) in ROWS.iter().enumerate() {
        let form: Vec<(&str, String)> =
            row.form.iter().map(|(k, v)| (*k, v.replace("{org}", &orgs.a))).collect();
        for (role, expected) in ROLES.iter().zip(row.expected) {
            // A fresh person per cell: sign-outs and departures do not leak into the next.
            let client = client_for(&app, &orgs, *role, n).await;
            let request = match row.method {
                "GET" => client.get(app.url(row.path)),
                _ => client.post(app.url(row.path)).form(&form),
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

#[test]
fn every_server_function_has_a_row() {
    let missing: Vec<&str> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path)
        .filter(|path| !ROWS.iter().any(|row| row.path == *path))
        .collect();
    assert!(missing.is_empty(), "add rows for {missing:?}");
}
