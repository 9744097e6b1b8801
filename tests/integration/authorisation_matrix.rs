//! Every server function and API route × every role, with the expected HTTP status, run
//! against the real server. A test also checks that every registered server function has a
//! row, so the matrix grows with the application.
//!
//! To add a row: append to `ROWS` the method, path and form (`{org}` stands for the id of
//! organisation A, a public buyer the pôle verified), and the status expected for each role,
//! in the order of `ROLES`. A new role is a new column: add it to `Role`, `ROLES` and
//! `client_for`, and give every row a value for it.

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
/// Those who edit organisation A's structure: its owners and members (not its procurement
/// officers), and administrators.
const EDITORS_OF_A: [u16; 8] = [401, 200, 200, 403, 403, 403, 403, 200];
/// Those who declare insertion hours on organisation A's structure's clause contracts: the
/// structure's editors and the pôle's animators (the clause's facilitator).
const INSERTION_DECLARERS: [u16; 8] = [401, 200, 200, 403, 403, 200, 403, 200];
/// The pôle's animators and administrators.
const MODERATORS: [u16; 8] = [401, 403, 403, 403, 403, 200, 403, 200];
/// Those who manage organisation A's HQS profiles: its owners and procurement officers, and
/// administrators.
const PROFILE_MANAGERS_OF_A: [u16; 8] = [401, 403, 200, 200, 403, 403, 403, 200];
/// Those who see organisation A's check: its people (officers act, others read), the pôle's
/// animators, administrators; not another organisation, not the pôle's observers.
const CHECK_READERS: [u16; 8] = [401, 200, 200, 200, 404, 200, 404, 200];
/// Organisation A's procurement officers and administrators.
const OFFICERS_OF_A: [u16; 8] = [401, 403, 403, 200, 403, 403, 403, 200];

/// Those who read organisation A's private profile: its people, the pôle's animators and
/// administrators; to the others it does not exist.
const PROFILE_READERS_OF_A: [u16; 8] = [401, 200, 200, 200, 404, 200, 404, 200];

/// Those who see organisation A's label file: the people who edit its structure (not its
/// procurement officers), the pôle's animators, administrators; to the others it does not
/// exist.
const LABEL_FILE_READERS: [u16; 8] = [401, 200, 200, 404, 404, 200, 404, 200];

/// Those who write organisation A's needs: its owners and procurement officers.
const NEED_WRITERS_OF_A: [u16; 8] = [401, 403, 200, 200, 403, 403, 403, 403];
/// Those who read organisation A's draft need: its people, the pôle's animators and
/// administrators; to the others it does not exist.
const DRAFT_NEED_READERS: [u16; 8] = [401, 200, 200, 200, 404, 200, 404, 200];
/// Organisation A's owners, and not administrators: an API token acts as the owner who
/// created it.
const OWNERS_ONLY_OF_A: [u16; 8] = [401, 403, 200, 403, 403, 403, 403, 403];
/// A route authenticated by an API token only: a session cookie opens nothing.
const TOKEN_ONLY: [u16; 8] = [401; 8];
/// The pôle's animators and observers, and administrators.
const POLE_MEMBERS: [u16; 8] = [401, 403, 403, 403, 403, 200, 200, 200];
/// Those who read organisation A's purchases imports: its people, the pôle's animators and
/// administrators; to the others they do not exist.
const IMPORT_READERS_OF_A: [u16; 8] = [401, 200, 200, 200, 404, 200, 404, 200];
/// Those who read organisation A's SPASER indicators: its people, the pôle's animators and
/// observers, administrators.
const SPASER_READERS_OF_A: [u16; 8] = [401, 200, 200, 200, 404, 200, 200, 200];

const ROWS: &[Row] = &[
    Row { method: "GET", path: "/healthz", form: &[], expected: ALL_200 },
    Row { method: "GET", path: "/favicon.svg", form: &[], expected: ALL_200 },
    Row { method: "GET", path: "/favicon.ico", form: &[], expected: [308; 8] },
    Row { method: "GET", path: "/", form: &[], expected: ALL_200 },
    // A private page answers 401 to visitors, with a sign-in prompt in French.
    Row { method: "GET", path: "/organisations", form: &[], expected: SIGNED_IN },
    Row { method: "POST", path: "/api/figures", form: &[], expected: ALL_200 },
    // The buyers' guide is public; an unknown page is not found for anyone.
    Row { method: "GET", path: "/guide", form: &[], expected: ALL_200 },
    Row { method: "GET", path: "/guide/deduction-oeth", form: &[], expected: ALL_200 },
    Row { method: "GET", path: "/accessibilite", form: &[], expected: ALL_200 },
    Row { method: "POST", path: "/api/guide-index", form: &[], expected: ALL_200 },
    Row {
        method: "POST",
        path: "/api/guide-page",
        form: &[("slug", "marche-reserve-insertion")],
        expected: ALL_200,
    },
    Row {
        method: "POST",
        path: "/api/guide-page",
        form: &[("slug", "inconnue")],
        expected: [404; 8],
    },
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
    // The pôle's verification of buyers (organisation A is verified). A SIRET that is not
    // one: owners get the French errors, nothing changes.
    Row {
        method: "POST",
        path: "/api/organisation-verification-request",
        form: &[("organisation_id", "{org}"), ("siret", "1"), ("category", "")],
        expected: OWNERS_OF_A,
    },
    Row {
        method: "POST",
        // Without a reason: animators get the French error, nothing changes.
        path: "/api/organisation-verification-decide",
        form: &[("organisation_id", "{org}"), ("decision", "refuse"), ("reason", "")],
        expected: MODERATORS,
    },
    Row { method: "POST", path: "/api/buyer-verification-desk", form: &[], expected: MODERATORS },
    Row { method: "GET", path: "/pole/acheteurs", form: &[], expected: MODERATORS },
    // The directory. `{structure}` is organisation A's published structure (slug `matrice`),
    // `{offer}` its published offer (slug `matrice-offre`). Forms that change something are
    // invalid or out of place, so that each cell leaves the state as it found it.
    Row { method: "GET", path: "/annuaire", form: &[], expected: ALL_200 },
    Row { method: "GET", path: "/annuaire.csv", form: &[], expected: ALL_200 },
    Row { method: "GET", path: "/api/v1/search?q=jardin", form: &[], expected: ALL_200 },
    Row { method: "GET", path: "/recherche?q=jardin", form: &[], expected: ALL_200 },
    Row { method: "GET", path: "/recherche.csv?q=jardin", form: &[], expected: ALL_200 },
    Row { method: "GET", path: "/api/v1/openapi.json", form: &[], expected: ALL_200 },
    Row {
        method: "POST",
        path: "/api/catalogue-search",
        form: &[("query", "q=jardin&secteur=espaces-verts")],
        expected: ALL_200,
    },
    Row { method: "GET", path: "/structures/matrice", form: &[], expected: ALL_200 },
    Row { method: "GET", path: "/offres/matrice-offre", form: &[], expected: ALL_200 },
    Row { method: "GET", path: "/espace", form: &[], expected: SIGNED_IN },
    Row { method: "GET", path: "/moderation", form: &[], expected: MODERATORS },
    Row { method: "POST", path: "/api/directory", form: &[("page", "1")], expected: ALL_200 },
    Row {
        method: "POST",
        path: "/api/structure-page",
        form: &[("slug", "matrice")],
        expected: ALL_200,
    },
    Row {
        method: "POST",
        path: "/api/offer-page",
        form: &[("slug", "matrice-offre")],
        expected: ALL_200,
    },
    Row { method: "POST", path: "/api/my-structures", form: &[], expected: SIGNED_IN },
    Row {
        method: "POST",
        path: "/api/structure-workspace",
        form: &[("id", "{structure}")],
        expected: EDITORS_OF_A,
    },
    Row {
        method: "POST",
        path: "/api/offer-editor",
        form: &[("id", "{offer}")],
        expected: EDITORS_OF_A,
    },
    Row { method: "POST", path: "/api/moderation-queue", form: &[], expected: MODERATORS },
    Row {
        method: "POST",
        // Organisation A is a buyer: its members are told so; others may not ask.
        path: "/api/structure-create",
        form: &[("organisation_id", "{org}"), ("form[name]", "")],
        expected: EDITORS_OF_A,
    },
    Row {
        method: "POST",
        path: "/api/structure-update",
        form: &[("structure_id", "{structure}"), ("form[name]", "")],
        expected: EDITORS_OF_A,
    },
    Row {
        method: "POST",
        // Validating a published structure is out of place: animators get a refusal.
        path: "/api/structure-step",
        form: &[("structure_id", "{structure}"), ("step", "validate")],
        expected: MODERATORS,
    },
    Row {
        method: "POST",
        path: "/api/activity-add",
        form: &[("structure_id", "{structure}"), ("form[sector]", "")],
        expected: EDITORS_OF_A,
    },
    Row {
        method: "POST",
        path: "/api/activity-remove",
        form: &[("structure_id", "{structure}"), ("activity_id", "none")],
        expected: EDITORS_OF_A,
    },
    // A visitor is refused before the body is read; signed-in people who send something else
    // than a multipart form get 400. Who may upload is tested in directory::uploads.
    Row {
        method: "POST",
        path: "/documents",
        form: &[("structure_id", "{structure}")],
        expected: [401, 400, 400, 400, 400, 400, 400, 400],
    },
    Row { method: "GET", path: "/documents/none", form: &[], expected: [404; 8] },
    Row {
        method: "POST",
        path: "/api/upload-remove",
        form: &[("structure_id", "{structure}"), ("document_id", "none")],
        expected: EDITORS_OF_A,
    },
    Row {
        method: "POST",
        path: "/api/certification-add",
        form: &[("structure_id", "{structure}"), ("form[label]", "")],
        expected: EDITORS_OF_A,
    },
    Row {
        method: "POST",
        path: "/api/certification-remove",
        form: &[("structure_id", "{structure}"), ("label_id", "none")],
        expected: EDITORS_OF_A,
    },
    Row {
        method: "POST",
        path: "/api/offer-create",
        form: &[("structure_id", "{structure}"), ("form[title]", "")],
        expected: EDITORS_OF_A,
    },
    Row {
        method: "POST",
        path: "/api/offer-update",
        form: &[("offer_id", "{offer}"), ("form[title]", "")],
        expected: EDITORS_OF_A,
    },
    Row {
        method: "POST",
        path: "/api/offer-status",
        form: &[("offer_id", "{offer}"), ("status", "published")],
        expected: EDITORS_OF_A,
    },
    // A value no page sends is refused before anything else (typed arguments).
    Row {
        method: "POST",
        path: "/api/offer-status",
        form: &[("offer_id", "{offer}"), ("status", "unknown")],
        expected: [400; 8],
    },
    Row {
        method: "POST",
        path: "/api/offer-flag",
        form: &[("offer_id", "{offer}"), ("reason", "")],
        expected: SIGNED_IN,
    },
    Row {
        method: "POST",
        path: "/api/offer-flag-resolve",
        form: &[("offer_id", "{offer}"), ("decision", "dismiss")],
        expected: MODERATORS,
    },
    // HQS. `{profile}` is organisation A's private profile.
    Row { method: "GET", path: "/hqs", form: &[], expected: ALL_200 },
    Row { method: "GET", path: "/hqs/profils", form: &[], expected: SIGNED_IN },
    Row { method: "GET", path: "/hqs/profils/nouveau", form: &[], expected: SIGNED_IN },
    Row { method: "GET", path: "/hqs/harmonisation", form: &[], expected: SIGNED_IN },
    Row {
        method: "GET",
        path: "/hqs/profils/{profile}",
        form: &[],
        expected: PROFILE_READERS_OF_A,
    },
    Row { method: "POST", path: "/api/hqs-referential", form: &[], expected: ALL_200 },
    Row { method: "POST", path: "/api/hqs-profiles", form: &[], expected: SIGNED_IN },
    Row { method: "POST", path: "/api/hqs-new-profile", form: &[], expected: SIGNED_IN },
    Row {
        method: "POST",
        path: "/api/hqs-profile",
        form: &[("id", "{profile}")],
        expected: PROFILE_READERS_OF_A,
    },
    Row {
        method: "POST",
        path: "/api/hqs-harmonisation",
        form: &[("ids", "{profile}")],
        expected: SIGNED_IN,
    },
    Row {
        method: "POST",
        // No note: animators get the French error, nothing is published.
        path: "/api/hqs-referential-publish",
        form: &[("values[commerce-equitable.keep]", "1"), ("note", "")],
        expected: MODERATORS,
    },
    Row {
        method: "POST",
        path: "/api/hqs-profile-create",
        form: &[("organisation_id", "{org}"), ("form[name]", "")],
        expected: PROFILE_MANAGERS_OF_A,
    },
    Row {
        method: "POST",
        path: "/api/hqs-profile-update",
        form: &[("profile_id", "{profile}"), ("form[name]", "")],
        expected: PROFILE_MANAGERS_OF_A,
    },
    Row {
        method: "POST",
        // Archiving would change the state for the next cells: an unknown profile is refused
        // to everyone; who may archive is tested in hqs::profiles.
        path: "/api/hqs-profile-archive",
        form: &[("profile_id", "none")],
        expected: [401, 403, 403, 403, 403, 403, 403, 403],
    },
    // `{check}` is a check opened by organisation A of its own structure, so that its people
    // are both the buyer and the supplier: the supplier's steps are tested in hqs::checks.
    Row { method: "GET", path: "/hqs/controles", form: &[], expected: SIGNED_IN },
    Row { method: "GET", path: "/hqs/controles/{check}", form: &[], expected: CHECK_READERS },
    Row {
        method: "GET",
        path: "/hqs/controles/{check}/rapport",
        form: &[],
        expected: CHECK_READERS,
    },
    Row { method: "POST", path: "/api/hqs-checks", form: &[], expected: SIGNED_IN },
    Row {
        method: "POST",
        path: "/api/hqs-check",
        form: &[("id", "{check}")],
        expected: CHECK_READERS,
    },
    Row {
        method: "POST",
        // Offered to procurement officers only; everyone else gets nothing (`null`).
        path: "/api/hqs-check-opening",
        form: &[("structure_id", "{structure}")],
        expected: ALL_200,
    },
    Row {
        method: "POST",
        // An unknown profile: officers get a refusal, nothing is opened.
        path: "/api/hqs-check-open",
        form: &[
            ("organisation_id", "{org}"),
            ("profile_id", "none"),
            ("structure_id", "{structure}"),
        ],
        expected: OFFICERS_OF_A,
    },
    Row {
        method: "POST",
        // Deciding without a decision: officers get the French errors, nothing changes.
        path: "/api/hqs-check-step",
        form: &[("check_id", "{check}"), ("step", "decide")],
        expected: OFFICERS_OF_A,
    },
    Row {
        method: "POST",
        // Rejecting without a reason: officers get the French error.
        path: "/api/hqs-evidence-review",
        form: &[("check_id", "{check}"), ("evidence_id", "none"), ("decision", "reject")],
        expected: OFFICERS_OF_A,
    },
    // A visitor is refused before the body is read; the others send no multipart form.
    Row {
        method: "POST",
        path: "/hqs/controles/{check}/pieces",
        form: &[("kind", "statuts")],
        expected: [401, 400, 400, 400, 400, 400, 400, 400],
    },
    Row {
        method: "GET",
        path: "/hqs/pieces/none",
        form: &[],
        expected: [401, 404, 404, 404, 404, 404, 404, 404],
    },
    Row {
        method: "POST",
        path: "/api/hqs-profile-from-core",
        form: &[("organisation_id", "{org}"), ("ids", "{profile}")],
        expected: PROFILE_MANAGERS_OF_A,
    },
    // The label. `{label}` is a file of organisation A's structure, being prepared.
    Row { method: "GET", path: "/label-hqs", form: &[], expected: ALL_200 },
    Row {
        method: "GET",
        path: "/label-hqs/verifier?numero=HQS-2026-0001",
        form: &[],
        expected: ALL_200,
    },
    Row { method: "GET", path: "/label-hqs/profil", form: &[], expected: ALL_200 },
    Row { method: "GET", path: "/label-hqs/dossiers", form: &[], expected: MODERATORS },
    Row {
        method: "GET",
        path: "/label-hqs/dossiers/{label}",
        form: &[],
        expected: LABEL_FILE_READERS,
    },
    // The file's check (criteria and pieces): the same people, not the pôle's observers.
    Row {
        method: "GET",
        path: "/hqs/controles/{label_check}",
        form: &[],
        expected: LABEL_FILE_READERS,
    },
    Row { method: "POST", path: "/api/label-registry", form: &[], expected: ALL_200 },
    // The search page's profile choice: the person's profiles, none for a visitor.
    Row { method: "POST", path: "/api/search-profiles", form: &[], expected: ALL_200 },
    Row {
        method: "POST",
        path: "/api/label-verify",
        form: &[("number", "HQS-2026-0001")],
        expected: ALL_200,
    },
    Row {
        method: "POST",
        path: "/api/label-badge",
        form: &[("structure", "matrice")],
        expected: ALL_200,
    },
    Row { method: "POST", path: "/api/label-profile", form: &[], expected: ALL_200 },
    Row {
        method: "POST",
        path: "/api/label-file",
        form: &[("id", "{label}")],
        expected: LABEL_FILE_READERS,
    },
    Row {
        method: "POST",
        // Given to the structure's people and the animators; `null` to everyone else.
        path: "/api/label-files",
        form: &[("structure_id", "{structure}")],
        expected: ALL_200,
    },
    Row { method: "POST", path: "/api/label-desk", form: &[], expected: MODERATORS },
    Row {
        method: "POST",
        // A file is already being prepared: editors get a refusal, nothing is opened.
        path: "/api/label-apply",
        form: &[("structure_id", "{structure}")],
        expected: EDITORS_OF_A,
    },
    Row {
        method: "POST",
        // Preparing without a recommendation: animators get the French error.
        path: "/api/label-step",
        form: &[("label_id", "{label}"), ("step", "prepare")],
        expected: MODERATORS,
    },
    Row {
        method: "POST",
        // Answering a suspension that did not happen: the structure's editors get a refusal.
        path: "/api/label-step",
        form: &[("label_id", "{label}"), ("step", "respond"), ("text", "Réponse")],
        expected: EDITORS_OF_A,
    },
    Row {
        method: "POST",
        // Without a note: animators get the French error, nothing is published.
        path: "/api/label-profile-publish",
        form: &[("form[name]", "Label")],
        expected: MODERATORS,
    },
    // Needs. `{need}` is a draft need of organisation A, with a title only.
    Row { method: "GET", path: "/besoins", form: &[], expected: ALL_200 },
    Row { method: "GET", path: "/besoins/nouveau", form: &[], expected: PROFILE_MANAGERS_OF_A },
    Row { method: "GET", path: "/besoins/mes-besoins", form: &[], expected: SIGNED_IN },
    Row { method: "GET", path: "/besoins/validation", form: &[], expected: MODERATORS },
    Row { method: "GET", path: "/besoins/{need}", form: &[], expected: DRAFT_NEED_READERS },
    Row {
        method: "POST",
        path: "/api/need",
        form: &[("id", "{need}")],
        expected: DRAFT_NEED_READERS,
    },
    Row { method: "POST", path: "/api/needs-open", form: &[], expected: ALL_200 },
    Row { method: "POST", path: "/api/needs-mine", form: &[], expected: SIGNED_IN },
    Row { method: "POST", path: "/api/need-new", form: &[], expected: PROFILE_MANAGERS_OF_A },
    Row { method: "POST", path: "/api/needs-queue", form: &[], expected: MODERATORS },
    Row {
        method: "POST",
        path: "/api/need-create",
        form: &[("organisation_id", "{org}"), ("form[title]", "")],
        expected: NEED_WRITERS_OF_A,
    },
    Row {
        method: "POST",
        path: "/api/need-update",
        form: &[("need_id", "{need}"), ("form[title]", "")],
        expected: NEED_WRITERS_OF_A,
    },
    // Submitting is answered (200) to A's writers: the draft's missing fields.
    Row {
        method: "POST",
        path: "/api/need-step",
        form: &[("need_id", "{need}"), ("step", "submit")],
        expected: NEED_WRITERS_OF_A,
    },
    Row {
        method: "POST",
        path: "/api/need-step",
        form: &[("need_id", "{need}"), ("step", "validate")],
        expected: MODERATORS,
    },
    Row {
        method: "POST",
        path: "/api/need-step",
        form: &[("need_id", "{need}"), ("step", "teleport")],
        expected: [400; 8],
    },
    // A mail's single-use link serves without signing in; a bad token is refused in French.
    Row { method: "GET", path: "/besoins/reponse?jeton=00", form: &[], expected: ALL_200 },
    Row { method: "POST", path: "/api/need-link", form: &[("token", "00")], expected: ALL_200 },
    Row {
        method: "POST",
        path: "/api/need-link-answer",
        form: &[("token", "00"), ("interested", "true")],
        expected: ALL_200,
    },
    Row {
        method: "POST",
        path: "/api/need-link-answer",
        form: &[("token", "00"), ("interested", "peut-être")],
        expected: [400; 8],
    },
    // A matched structure's answers: its editors (refused here: not matched).
    Row {
        method: "POST",
        path: "/api/need-answer",
        form: &[("need_id", "{need}"), ("structure_id", "{structure}"), ("interested", "true")],
        expected: EDITORS_OF_A,
    },
    Row {
        method: "POST",
        path: "/api/quote-submit",
        form: &[("need_id", "{need}"), ("structure_id", "{structure}"), ("form[lead_time]", "1")],
        expected: EDITORS_OF_A,
    },
    // The buyer's decisions: its writers (refused here: the need is a draft).
    Row {
        method: "POST",
        path: "/api/need-shortlist",
        form: &[("need_id", "{need}"), ("structure_id", "{structure}"), ("on", "true")],
        expected: NEED_WRITERS_OF_A,
    },
    Row {
        method: "POST",
        path: "/api/need-award",
        form: &[("need_id", "{need}"), ("lot", "1"), ("structure_id", "{structure}")],
        expected: NEED_WRITERS_OF_A,
    },
    // A need's thread: its writers on one side, the matched structure's editors on the
    // other, administrators too as editors of every structure (refused here: the need is a
    // draft); nobody else.
    Row {
        method: "POST",
        path: "/api/need-message",
        form: &[("need_id", "{need}"), ("structure_id", "{structure}"), ("form[body]", "Bonjour")],
        expected: MEMBERS_OF_A,
    },
    Row {
        method: "POST",
        path: "/api/need-purchase",
        form: &[("need_id", "{need}"), ("structure_id", "{structure}"), ("form[amount]", "1")],
        expected: NEED_WRITERS_OF_A,
    },
    // Group purchases: the lead's writers pool and invite (a French error without a day; a
    // refusal before pooling), a buyer's writers join or leave for their own organisation
    // (here A's own need is not a group purchase: 404; leaving what one never joined: a
    // refusal).
    Row {
        method: "POST",
        path: "/api/need-pool",
        form: &[("need_id", "{need}"), ("form[join_until]", "")],
        expected: NEED_WRITERS_OF_A,
    },
    Row {
        method: "POST",
        path: "/api/need-pool-invite",
        form: &[("need_id", "{need}"), ("form[siret]", "44306184100047")],
        expected: NEED_WRITERS_OF_A,
    },
    Row {
        method: "POST",
        path: "/api/need-pool-join",
        form: &[("need_id", "{need}"), ("organisation_id", "{org}"), ("form[sites]", "Grenoble")],
        expected: [401, 403, 404, 404, 403, 403, 403, 403],
    },
    Row {
        method: "POST",
        path: "/api/need-pool-leave",
        form: &[("need_id", "{need}"), ("organisation_id", "{org}")],
        expected: NEED_WRITERS_OF_A,
    },
    // The need's PDF files: its writers (they pass the rights, then send no multipart form:
    // 400; a file that is not: the refusal's redirection). Who reads them is tested in
    // needs::files.
    Row {
        method: "POST",
        path: "/besoins/{need}/fichiers",
        form: &[("back", "/")],
        expected: [401, 403, 400, 400, 403, 403, 403, 403],
    },
    Row {
        method: "POST",
        path: "/besoins/{need}/fichiers/none/supprimer",
        form: &[],
        expected: [401, 403, 303, 303, 403, 403, 403, 403],
    },
    Row { method: "GET", path: "/besoins/{need}/fichiers/none", form: &[], expected: [404; 8] },
    // A quote's PDF files: the editors of the structure (refused here: not matched).
    Row {
        method: "POST",
        path: "/besoins/{need}/devis/{structure}/fichiers",
        form: &[("back", "/")],
        expected: [401, 400, 400, 403, 403, 403, 403, 400],
    },
    Row {
        method: "POST",
        path: "/besoins/{need}/devis/{structure}/fichiers/none/supprimer",
        form: &[],
        expected: [401, 303, 303, 403, 403, 403, 403, 303],
    },
    Row {
        method: "GET",
        path: "/besoins/{need}/devis/{structure}/fichiers/none",
        form: &[],
        expected: [404; 8],
    },
    // A retained structure's « l'achat a eu lieu »: its editors (refused here: the need is a
    // draft).
    Row {
        method: "POST",
        path: "/api/need-purchase-declare",
        form: &[("need_id", "{need}"), ("structure_id", "{structure}"), ("form[amount]", "1")],
        expected: EDITORS_OF_A,
    },
    // API tokens of organisation A: without a name owners get the French error; revoking a
    // token that does not exist, a refusal.
    Row {
        method: "POST",
        path: "/api/organisation-api-tokens",
        form: &[("organisation_id", "{org}")],
        expected: OWNERS_ONLY_OF_A,
    },
    Row {
        method: "POST",
        path: "/api/organisation-api-token-create",
        form: &[("organisation_id", "{org}"), ("name", "")],
        expected: OWNERS_ONLY_OF_A,
    },
    Row {
        method: "POST",
        path: "/api/organisation-api-token-revoke",
        form: &[("organisation_id", "{org}"), ("token_id", "inconnu")],
        expected: OWNERS_ONLY_OF_A,
    },
    // The API's writing route reads a Bearer token, never the session cookie.
    Row {
        method: "POST",
        path: "/api/v1/needs",
        form: &[("title", "Besoin")],
        expected: TOKEN_ONLY,
    },
    // The watch: organisation A's pending purchases file `{import}` has a negative amount,
    // so that confirming it answers the French error and keeps it pending.
    Row { method: "GET", path: "/veille/imports", form: &[], expected: SIGNED_IN },
    Row { method: "POST", path: "/api/purchase-imports", form: &[], expected: SIGNED_IN },
    // A visitor is refused before the body is read; the others send no multipart form.
    Row {
        method: "POST",
        path: "/veille/imports/envoi",
        form: &[("organisation_id", "{org}")],
        expected: [401, 400, 400, 400, 400, 400, 400, 400],
    },
    Row {
        method: "GET",
        path: "/veille/imports/{import}",
        form: &[],
        expected: IMPORT_READERS_OF_A,
    },
    Row {
        method: "POST",
        path: "/api/purchase-import",
        form: &[("id", "{import}")],
        expected: IMPORT_READERS_OF_A,
    },
    Row {
        method: "POST",
        path: "/api/purchase-import-map",
        form: &[
            ("import_id", "{import}"),
            ("form[roles][]", "supplier_name"),
            ("form[roles][]", "amount"),
            ("form[roles][]", "date"),
        ],
        expected: NEED_WRITERS_OF_A,
    },
    Row {
        method: "POST",
        path: "/api/purchase-import-confirm",
        form: &[("import_id", "{import}")],
        expected: NEED_WRITERS_OF_A,
    },
    // Its owner abandons it: its officer is then told in French that it no longer exists.
    Row {
        method: "POST",
        path: "/api/purchase-import-discard",
        form: &[("import_id", "{import}")],
        expected: NEED_WRITERS_OF_A,
    },
    Row {
        method: "GET",
        path: "/veille/fournisseurs-non-rapproches",
        form: &[],
        expected: SIGNED_IN,
    },
    Row { method: "POST", path: "/api/unmatched-suppliers", form: &[], expected: SIGNED_IN },
    // Without a structure, animators get the French error.
    Row {
        method: "POST",
        path: "/api/supplier-link",
        form: &[("form[key_kind]", "name"), ("form[key]", "Inconnu"), ("form[structure]", "")],
        expected: MODERATORS,
    },
    // Insertion hours of `{purchase}`, a clause contract of organisation A's structure: its
    // editors and the pôle's animators (the clause's facilitator) get the French error for
    // the empty figure.
    Row { method: "GET", path: "/veille/heures-insertion", form: &[], expected: SIGNED_IN },
    Row { method: "POST", path: "/api/insertion-hours", form: &[], expected: SIGNED_IN },
    Row {
        method: "POST",
        path: "/api/insertion-hours-declare",
        form: &[("form[purchase_id]", "{purchase}"), ("form[hours]", "")],
        expected: INSERTION_DECLARERS,
    },
    // Open data: the public buyers' part of the ledger, for everyone.
    Row { method: "GET", path: "/donnees", form: &[], expected: ALL_200 },
    Row { method: "GET", path: "/donnees/achats-publics.csv", form: &[], expected: ALL_200 },
    Row { method: "GET", path: "/donnees/decp.json", form: &[], expected: ALL_200 },
    // The watch's indicators: everybody reads them (visitors and outsiders the public
    // buyers' part, with the secret); a public buyer's SPASER page, its people and the pôle.
    Row { method: "GET", path: "/veille?annee=2025", form: &[], expected: ALL_200 },
    Row {
        method: "POST",
        path: "/api/indicators",
        form: &[("query", "annee=2025")],
        expected: ALL_200,
    },
    Row { method: "GET", path: "/veille/rapport?mois=2025-03", form: &[], expected: ALL_200 },
    Row {
        method: "GET",
        path: "/veille/export.csv?tableau=chiffres",
        form: &[],
        expected: ALL_200,
    },
    Row {
        method: "GET",
        path: "/veille/export.xlsx?tableau=tendance",
        form: &[],
        expected: ALL_200,
    },
    Row { method: "GET", path: "/api/v1/indicators", form: &[], expected: ALL_200 },
    Row { method: "GET", path: "/veille/spaser/{org}", form: &[], expected: SPASER_READERS_OF_A },
    Row {
        method: "POST",
        path: "/api/spaser",
        form: &[("organisation", "{org}"), ("years", "")],
        expected: SPASER_READERS_OF_A,
    },
    // DECP open data: the pôle's animators and administrators. A visitor is refused before
    // the body is read, so are the others; the pôle sends no multipart form here.
    Row { method: "GET", path: "/veille/decp", form: &[], expected: MODERATORS },
    Row { method: "POST", path: "/api/decp-imports", form: &[], expected: MODERATORS },
    Row {
        method: "POST",
        path: "/veille/decp/envoi",
        form: &[("dry_run", "1")],
        expected: [401, 403, 403, 403, 403, 400, 403, 400],
    },
    // The watch's scheduled report: members of the pôle (any role) and administrators.
    Row { method: "GET", path: "/veille/abonnement", form: &[], expected: POLE_MEMBERS },
    Row {
        method: "POST",
        path: "/api/watch-report-subscription",
        form: &[],
        expected: POLE_MEMBERS,
    },
    Row {
        method: "POST",
        path: "/api/watch-report-subscribe",
        form: &[("form[frequency]", "monthly")],
        expected: POLE_MEMBERS,
    },
    // The audit log's last checkpoint, on the animators' desk.
    Row { method: "POST", path: "/api/audit-anchor", form: &[], expected: MODERATORS },
];

/// A label file of organisation A's structure being prepared, straight in the database;
/// returns the file's id and its check's.
async fn insert_label_of_a(app: &TestApp, pole: &str, structure: &str) -> (String, String) {
    use app::db::{hqs_checks, hqs_labels};
    let version = app::services::label::profile::current(&app.state).await.expect("profile");
    let check = uuid::Uuid::new_v4().to_string();
    let evaluation = app::domain::hqs::evaluate(
        &version.requirements,
        &app::domain::hqs::SupplierFacts::default(),
        None,
        app::domain::hqs::Evidence::OnFile(&[]),
        "2026-11-27",
    );
    let check_row = hqs_checks::CheckRow {
        id: check.clone(),
        buyer_organisation_id: pole.to_owned(),
        profile_id: None,
        profile_name: "Label HQS (version 1)".to_owned(),
        referential_version: version.referential_version,
        requirements: serde_json::to_string(&version.requirements).expect("json"),
        structure_id: structure.to_owned(),
        offer_id: None,
        state: "awaiting_evidence".to_owned(),
        evaluation: serde_json::to_string(&evaluation).expect("json"),
        decision: None,
        decision_comment: None,
        opened_by: None,
        decided_by: None,
        decided_at: None,
        created_at: 0,
        updated_at: 0,
        purpose: hqs_checks::FOR_LABEL.to_owned(),
    };
    let id = uuid::Uuid::new_v4().to_string();
    let label = hqs_labels::LabelRow {
        id: id.clone(),
        structure_id: structure.to_owned(),
        check_id: check.clone(),
        label_version: version.version,
        state: "applying".to_owned(),
        number: None,
        level: None,
        score: None,
        valid_from: None,
        valid_until: None,
        preparer_id: None,
        recommendation: None,
        prepared_file: None,
        decider_id: None,
        reason: None,
        response: None,
        reminders: String::new(),
        renewal_of: None,
        created_at: 0,
        updated_at: 0,
    };
    let mut tx = app::db::begin(&app.state.db).await.expect("transaction");
    hqs_checks::insert(&mut tx, &check_row).await.expect("check");
    hqs_labels::insert(&mut tx, &label).await.expect("label");
    tx.commit().await.expect("commit");
    (id, check)
}

/// A check by organisation A of its own structure with its profile, straight in the
/// database.
async fn insert_check_of_a(
    app: &TestApp,
    organisation_id: &str,
    profile: &str,
    structure: &str,
) -> String {
    use app::db::hqs_checks;
    let id = uuid::Uuid::new_v4().to_string();
    let requirements =
        app::domain::hqs::Template::find("reserve-handicap").expect("template").requirements();
    let evaluation = app::domain::hqs::evaluate(
        &requirements,
        &app::domain::hqs::SupplierFacts::default(),
        None,
        app::domain::hqs::Evidence::OnFile(&[]),
        "2026-11-27",
    );
    let row = hqs_checks::CheckRow {
        id: id.clone(),
        buyer_organisation_id: organisation_id.to_owned(),
        profile_id: Some(profile.to_owned()),
        profile_name: "Profil de la matrice".to_owned(),
        referential_version: 1,
        requirements: serde_json::to_string(&requirements).expect("json"),
        structure_id: structure.to_owned(),
        offer_id: None,
        state: "draft".to_owned(),
        evaluation: serde_json::to_string(&evaluation).expect("json"),
        decision: None,
        decision_comment: None,
        opened_by: None,
        decided_by: None,
        decided_at: None,
        created_at: 0,
        updated_at: 0,
        purpose: hqs_checks::FOR_BUYER.to_owned(),
    };
    let mut tx = app::db::begin(&app.state.db).await.expect("transaction");
    hqs_checks::insert(&mut tx, &row).await.expect("check");
    tx.commit().await.expect("commit");
    id
}

/// A pending purchases file of organisation A, straight in the database (one chunk).
async fn insert_import_of_a(app: &TestApp, organisation_id: &str) -> String {
    let db = tests::pool(&app.database_url).await;
    let id = uuid::Uuid::new_v4().to_string();
    sqlx::query(
        "INSERT INTO purchase_imports (id, source, organisation_id, state, format, file_name, \
         file_key, content_hash, size_bytes, text_encoding, headers, mapping, created_at) \
         VALUES ($1, 'file', $2, 'pending', 'csv', 'achats.csv', 'achats', 'h', 40, 'utf-8', \
         $3, 'supplier_name,amount,date', 0)",
    )
    .bind(&id)
    .bind(organisation_id)
    .bind(r#"["Fournisseur","Montant HT","Date"]"#)
    .execute(&db)
    .await
    .expect("import");
    sqlx::query(
        "INSERT INTO purchase_import_chunks (import_id, seq, bytes, created_at) \
         VALUES ($1, 0, $2, 0)",
    )
    .bind(&id)
    .bind(b"Fournisseur;Montant HT;Date\nX;-5;2025\n".to_vec())
    .execute(&db)
    .await
    .expect("chunk");
    id
}

/// A draft need of organisation A, straight in the database.
async fn insert_need_of_a(app: &TestApp, organisation_id: &str) -> String {
    let db = tests::pool(&app.database_url).await;
    let id = uuid::Uuid::new_v4().to_string();
    sqlx::query(
        "INSERT INTO needs (id, organisation_id, state, title, created_at, updated_at) \
         VALUES ($1, $2, 'draft', 'Besoin de la matrice', 0, 0)",
    )
    .bind(&id)
    .bind(organisation_id)
    .execute(&db)
    .await
    .expect("need");
    id
}

/// Organisation A's private HQS profile, straight in the database.
async fn insert_profile_of_a(app: &TestApp, organisation_id: &str) -> String {
    use app::{db::hqs_profiles, domain::hqs::Template};
    let version = app::services::hqs::referential::latest(&app.state).await.expect("référentiel");
    let requirements = Template::find("reserve-handicap").expect("template").requirements();
    let id = uuid::Uuid::new_v4().to_string();
    let row = hqs_profiles::ProfileRow {
        id: id.clone(),
        organisation_id: organisation_id.to_owned(),
        name: "Profil de la matrice".to_owned(),
        description: String::new(),
        shared: 0,
        referential_version: version.version,
        requirements: serde_json::to_string(&requirements).expect("json"),
        template: None,
        archived_at: None,
        created_by: None,
        created_at: 0,
        updated_at: 0,
    };
    let mut tx = app::db::begin(&app.state.db).await.expect("transaction");
    hqs_profiles::insert(&mut tx, &row).await.expect("profile");
    tx.commit().await.expect("commit");
    id
}

/// Organisation A's published structure and offer, straight in the database.
async fn insert_structure_of_a(app: &TestApp, organisation_id: &str) -> (String, String) {
    let db = tests::pool(&app.database_url).await;
    let (structure, offer) = (uuid::Uuid::new_v4().to_string(), uuid::Uuid::new_v4().to_string());
    sqlx::query(
        "INSERT INTO structures (id, slug, name, status, organisation_id, created_at, updated_at) \
         VALUES ($1, 'matrice', 'Structure de la matrice', 'published', $2, 0, 0)",
    )
    .bind(&structure)
    .bind(organisation_id)
    .execute(&db)
    .await
    .expect("structure");
    sqlx::query(
        "INSERT INTO offers (id, structure_id, slug, title, status, sector, created_at, updated_at) \
         VALUES ($1, $2, 'matrice-offre', 'Offre de la matrice', 'published', 'espaces-verts', 0, 0)",
    )
    .bind(&offer)
    .bind(&structure)
    .execute(&db)
    .await
    .expect("offer");
    (structure, offer)
}

struct Orgs {
    a: String,
    b: String,
    pole: String,
}

async fn client_for(app: &TestApp, orgs: &Orgs, role: Role, n: usize) -> reqwest::Client {
    let email = format!("{role:?}{n}@exemple.fr").to_lowercase();
    // The matrix signs up more people from one address than the sign-up limit lets through
    // in an hour: its clock moves on by that limit's pace.
    let limit = app::services::limits::SIGN_UPS_PER_IP;
    app.clock.advance_ms(limit.window_ms / limit.max + 1);
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
    // A buyer the pôle verified: its officers open and take checks.
    app.verify_organisation(&orgs.a).await;
    let (structure, offer) = insert_structure_of_a(&app, &orgs.a).await;
    let profile = insert_profile_of_a(&app, &orgs.a).await;
    let check = insert_check_of_a(&app, &orgs.a, &profile, &structure).await;
    let (label, label_check) = insert_label_of_a(&app, &orgs.pole, &structure).await;
    let need = insert_need_of_a(&app, &orgs.a).await;
    let import = insert_import_of_a(&app, &orgs.a).await;
    let purchase = app.ledger_line(Some(&structure), "clause", Some(100)).await;
    let mut failures = Vec::new();
    for (n, row) in ROWS.iter().enumerate() {
        let form: Vec<(&str, String)> = row
            .form
            .iter()
            .map(|(k, v)| {
                let v = v.replace("{org}", &orgs.a).replace("{structure}", &structure);
                let v = v.replace("{offer}", &offer).replace("{profile}", &profile);
                let v = v.replace("{need}", &need).replace("{import}", &import);
                let v = v.replace("{purchase}", &purchase);
                (*k, v.replace("{check}", &check).replace("{label}", &label))
            })
            .collect();
        for (role, expected) in ROLES.iter().zip(row.expected) {
            // A fresh person per cell: sign-outs and departures do not leak into the next.
            let client = client_for(&app, &orgs, *role, n).await;
            let path = row.path.replace("{profile}", &profile).replace("{check}", &check);
            let path = path.replace("{label_check}", &label_check).replace("{label}", &label);
            let path = path
                .replace("{org}", &orgs.a)
                .replace("{need}", &need)
                .replace("{structure}", &structure)
                .replace("{import}", &import);
            let request = match row.method {
                "GET" => client.get(app.url(&path)),
                _ => client.post(app.url(&path)).form(&form),
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
    let paths: Vec<&str> =
        leptos::server_fn::axum::server_fn_paths().map(|(path, _)| path).collect();
    // The registry must have been read: a list found empty would make the check vacuous.
    assert!(paths.len() > 50, "server functions found: {}", paths.len());
    assert!(paths.contains(&"/api/login"), "{paths:?}");
    let missing: Vec<&&str> =
        paths.iter().filter(|path| !ROWS.iter().any(|row| row.path == **path)).collect();
    assert!(missing.is_empty(), "add rows for {missing:?}");
}

#[test]
fn every_api_route_has_a_row_and_every_api_row_is_documented() {
    let document = server::http::api_v1::document();
    let documented: Vec<&str> = document.paths.paths.keys().map(String::as_str).collect();
    let rows: Vec<&str> = ROWS
        .iter()
        .map(|row| row.path.split('?').next().unwrap_or(row.path))
        .filter(|path| path.starts_with(server::http::api_v1::PREFIX))
        .collect();
    let without_row: Vec<&&str> = documented.iter().filter(|p| !rows.contains(p)).collect();
    assert!(without_row.is_empty(), "add rows for {without_row:?}");
    let undocumented: Vec<&&str> = rows.iter().filter(|p| !documented.contains(p)).collect();
    assert!(undocumented.is_empty(), "document {undocumented:?} in server::http::api_v1");
}
