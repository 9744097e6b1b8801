//! The layering rule, checked on the sources: `ui` → `server_fns` → `services` → `db` /
//! `search`. The repositories and the search index never reach back up into the services.

use std::{fs, path::Path};

/// The lines of the Rust files under `dir` that name the services: any mention of
/// `crate::services`, and code (not comments) with a path through `services::` (as in a
/// grouped `use crate::{services::…}`).
fn reaching_services(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            found.extend(reaching_services(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            let text =
                fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            for (n, line) in text.lines().enumerate() {
                let code = !line.trim_start().starts_with("//");
                if line.contains("crate::services") || (code && line.contains("services::")) {
                    found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                }
            }
        }
    }
    found
}

#[test]
fn db_and_search_never_import_the_services() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for layer in ["db", "search"] {
        let found = reaching_services(&src.join(layer));
        assert!(found.is_empty(), "`{layer}` must not depend on `services`:\n{}", found.join("\n"));
    }
}

#[test]
fn the_check_sees_a_grouped_import_but_not_a_comment() {
    let dir = std::env::temp_dir().join(format!("ecossol-layering-{}", std::process::id()));
    fs::create_dir_all(dir.join("inner")).expect("temporary directory");
    fs::write(dir.join("comment.rs"), "//! see `services::catalogue`\nfn f() {}\n").expect("write");
    fs::write(dir.join("inner/grouped.rs"), "use crate::{\n    services::hqs,\n};\n")
        .expect("write");
    let found = reaching_services(&dir);
    fs::remove_dir_all(&dir).expect("clean up");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].ends_with("grouped.rs:2: services::hqs,"), "{found:?}");
}
