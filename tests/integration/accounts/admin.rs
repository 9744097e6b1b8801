use app::{
    clock::SystemClock,
    db::{DbOptions, connect},
    domain::accounts::{Email, Password},
    services::accounts::{PasswordHashing, create_admin},
};
use tests::{PASSWORD, spawn_app};

#[tokio::test]
async fn the_first_administrator_is_created_from_the_command_line_service() {
    let app = spawn_app().await;
    let db = connect(&app.database_url, &DbOptions::default()).await.expect("db");
    let hashing = PasswordHashing::new(1).expect("hasher");
    let email = Email::parse("admin@ecossol.fr").expect("valid");
    let password = Password::parse(PASSWORD).expect("valid");
    let done = create_admin(&db, &SystemClock, &hashing, &email, &password).await.expect("created");
    assert_eq!(done, "administrator created");

    let client = app.new_client();
    let login = [("email", "admin@ecossol.fr"), ("password", PASSWORD)];
    assert_eq!(app.call_ok(&client, "login", &login).await, "SignedIn", "no verification needed");
    assert_eq!(app.call_ok(&client, "me", &[]).await["is_admin"], true);

    let again =
        create_admin(&db, &SystemClock, &hashing, &email, &password).await.expect("idempotent");
    assert_eq!(again, "existing account made administrator");
}
