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
    assert_eq!(again, "existing account made administrator, with the password given");
}

/// Someone registered the address first, with a password of their own: the command sets the
/// password given and closes their sessions, so they do not become the administrator.
#[tokio::test]
async fn an_address_registered_beforehand_gets_the_password_given() {
    let app = spawn_app().await;
    let squatter = "mot de passe du squatteur";
    app.sign_up("Squatteur", "admin@ecossol.fr", squatter).await;
    let db = connect(&app.database_url, &DbOptions::default()).await.expect("db");
    let hashing = PasswordHashing::new(1).expect("hasher");
    let email = Email::parse("admin@ecossol.fr").expect("valid");
    let password = Password::parse(PASSWORD).expect("valid");
    let done = create_admin(&db, &SystemClock, &hashing, &email, &password).await.expect("made");
    assert_eq!(done, "existing account made administrator, with the password given");

    let client = app.new_client();
    let theirs = [("email", "admin@ecossol.fr"), ("password", squatter)];
    assert_eq!(app.call_ok(&client, "login", &theirs).await, "WrongCredentials");
    let given = [("email", "admin@ecossol.fr"), ("password", PASSWORD)];
    assert_eq!(app.call_ok(&client, "login", &given).await, "SignedIn");
    assert_eq!(app.call_ok(&client, "me", &[]).await["is_admin"], true);
}
