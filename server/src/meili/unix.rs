//! The Unix calls the supervisor needs, kept in one place. `prctl` is Linux's own: on other
//! Unixes the child is started without those two settings.
#![expect(unsafe_code, reason = "prctl and kill have no safe wrapper in std")]

#[cfg(target_os = "linux")]
use std::os::unix::process::CommandExt;

/// Asks the kernel to kill the child when the thread that spawned it dies, so that a crashed
/// server never leaves an orphan Meilisearch holding its database lock.
#[cfg(target_os = "linux")]
pub fn die_with_parent(command: &mut std::process::Command) {
    // SAFETY: prctl(PR_SET_PDEATHSIG) is async-signal-safe and touches no memory of ours.
    unsafe {
        command.pre_exec(|| {
            if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) == -1 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}

/// Keeps transparent huge pages away from the child, where the kernel allows it (a kernel
/// that refuses only costs speed, so Meilisearch starts anyway). Meilisearch's allocator asks for them,
/// and the kernel then zeroes 2 MiB for every first touch of the large buffers each indexing
/// batch allocates afresh: one small write in ten took 0.5 to 0.9 s instead of 40 ms on a
/// 100,000-offer index, and a full rebuild was a fifth slower (docs/benchmarks.md).
#[cfg(target_os = "linux")]
pub fn without_huge_pages(command: &mut std::process::Command) {
    // SAFETY: prctl(PR_SET_THP_DISABLE) is async-signal-safe and touches no memory of ours;
    // the setting survives exec.
    unsafe {
        command.pre_exec(|| {
            libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
            Ok(())
        });
    }
}

#[cfg(not(target_os = "linux"))]
pub use super::elsewhere::{die_with_parent, without_huge_pages};

/// Sends SIGTERM, Meilisearch's signal for a clean stop; false if it could not be sent.
pub fn terminate(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: kill(2) with a pid we spawned and a valid signal number.
    unsafe { libc::kill(pid, libc::SIGTERM) == 0 }
}
