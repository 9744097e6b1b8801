//! Off Linux: what the supervisor asks of [`super::unix`] where the system has no equivalent
//! in std. The child then lives without those guards; it still works.

/// Linux kills the child with its parent; elsewhere a crashed server may leave Meilisearch
/// running, to be stopped by hand.
pub fn die_with_parent(_command: &mut std::process::Command) {}

/// Transparent huge pages are Linux's; nothing to turn off elsewhere.
pub fn without_huge_pages(_command: &mut std::process::Command) {}

/// No signal to ask for a clean stop without Unix: the supervisor kills the child instead.
#[cfg(not(unix))]
pub fn terminate(_pid: u32) -> bool {
    false
}
