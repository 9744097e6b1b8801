//! `server seed-demo` makes one account per role with a known password, on a database it
//! filled only: never on real data.

use app::services::{
    accounts::PasswordHashing,
    demo_accounts::{DEMO_PASSWORD, ensure},
};
use tests::spawn_app;

#[tokio::test]
async fn demo_accounts_exist_on_demo_data_only() {
    let app = spawn_app().await;
    let hashing = PasswordHashing::new(1).expect("hashing");
    // Real data (no seed-demo mark): nothing is made, even with structures in the directory.
    let animator = app.animator("anim@pole.fr").await;
    app.published_supplier("Régie Villeneuve", "regie@exemple.fr", &animator).await;
    assert!(ensure(&app.state.db, &hashing, 0).await.expect("ensure").is_empty());
    let login = [("email", "ville@demo.ecossol.fr"), ("password", DEMO_PASSWORD)];
    assert_ne!(app.call_ok(&app.new_client(), "login", &login).await, "SignedIn");

    app::services::directory::demo::seed(&app.state.db, 7, 20, 40, 0).await.expect("seed");
    let accounts = ensure(&app.state.db, &hashing, 0).await.expect("ensure");
    assert_eq!(accounts.len(), 12, "{accounts:?}");
    // Again: nothing new, the same list.
    assert_eq!(ensure(&app.state.db, &hashing, 0).await.expect("ensure"), accounts);

    // Each signs in with the demo password and holds its role.
    let sign_in = async |email: &str| {
        let client = app.new_client();
        let form = [("email", email), ("password", DEMO_PASSWORD)];
        assert_eq!(app.call_ok(&client, "login", &form).await, "SignedIn", "{email}");
        client
    };
    for account in &accounts {
        sign_in(account.email).await;
    }
    let officer = sign_in("acheteur@demo.ecossol.fr").await;
    let mine = app.call_ok(&officer, "my-organisations", &[]).await;
    assert_eq!(mine[0]["name"], "Ville de Fontaine", "{mine}");
    let ville = mine[0]["id"].as_str().expect("id").to_owned();
    let page = app.organisation(&officer, &ville).await;
    assert_eq!(page["verification"]["state"], "verified");
    let entreprise = sign_in("entreprise@demo.ecossol.fr").await;
    let mine = app.call_ok(&entreprise, "my-organisations", &[]).await;
    let page = app.organisation(&entreprise, mine[0]["id"].as_str().expect("id")).await;
    assert_eq!(page["verification"]["state"], "verified");
    assert_eq!(page["verification"]["category"], "eti");
    // The animator's desk is not empty; the observer has no desk.
    let desk = app
        .call_ok(&sign_in("animation@demo.ecossol.fr").await, "buyer-verification-desk", &[])
        .await;
    assert!(desk.as_array().expect("list").iter().any(|b| b["state"] == "requested"), "{desk}");
    let observer = sign_in("observation@demo.ecossol.fr").await;
    assert_eq!(app.call(&observer, "buyer-verification-desk", &[]).await.status(), 403);
    // The supplier owns a demo structure.
    let supplier = sign_in("fournisseur@demo.ecossol.fr").await;
    let structures = app.call_ok(&supplier, "my-structures", &[]).await;
    assert_eq!(structures["structures"].as_array().map(Vec::len), Some(1), "{structures}");
    app.stop().await;
}
