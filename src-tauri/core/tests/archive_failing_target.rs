//! A stick that fails half way — full, pulled out — leaves no folder that passes verify, and a
//! clear message.

mod archive_common;

use std::path::Path;
use std::process::Command;

use archive_common::*;
use yishi_core::archive;
use yishi_core::error::UserFacing;

#[test]
fn a_write_failing_at_any_point_leaves_nothing_that_verifies() {
    let (_s, store) = demo_store();
    let (_stick, good) = export(&store);
    let total: u64 = std::fs::read_dir(&good)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum();
    // Fail in the database copy, in the ledger, in the CSVs, in the manifest, at the last byte.
    for budget in [0, 1, 4096, 200_000, total / 2, total - 3000, total - 200, total - 1] {
        let stick = tempfile::tempdir().unwrap();
        let mut sink = FailAfter { budget, written: 0 };
        let mut steps = Vec::new();
        let err = archive::export_with(&store, stick.path(), None, &mut sink, yishi_core::time::now(), &mut |p| {
            steps.push(p.step)
        })
        .expect_err(&format!("budget {budget} of {total}"));
        assert_eq!(err.code(), "archive_write", "{err}");
        assert!(err.message().contains("U盘"), "{}", err.message());
        assert!(verifying_folders(stick.path()).is_empty(), "budget {budget}");
        let left: Vec<_> = std::fs::read_dir(stick.path()).unwrap().collect();
        assert!(left.is_empty(), "the partial folder is removed (budget {budget})");
        assert!(!steps.is_empty());
    }
}

#[test]
fn leftover_partial_folder_of_a_dead_export_never_verifies_and_is_replaced() {
    let (_s, store) = demo_store();
    let stick = tempfile::tempdir().unwrap();
    let mut sink = FailAfter { budget: 300_000, written: 0 };
    let now = yishi_core::time::now();
    // Simulate a crash: the partial folder stays (the process died before cleaning up).
    let _ = archive::export_with(&store, stick.path(), None, &mut sink, now, &mut |_| {});
    let name = archive::archive_name("幸福里社区", yishi_core::time::Zone::default().wall(now));
    let partial = stick.path().join(format!(".{name}-partial"));
    std::fs::create_dir_all(partial.join("csv")).unwrap();
    std::fs::write(partial.join("yishi.db"), b"half").unwrap();
    assert!(verifying_folders(stick.path()).is_empty());
    let report = archive::export_with(&store, stick.path(), None, &mut archive::Disk, now, &mut |_| {}).unwrap();
    assert!(archive::verify(&report.path).is_ok());
    assert!(!partial.exists());
}

/// A real full file system: a 200 KB tmpfs (needs root; skipped where mounting is not allowed).
#[test]
fn a_full_stick_leaves_nothing_that_verifies() {
    let (_s, store) = demo_store();
    let mount_point = tempfile::tempdir().unwrap();
    let Some(_mounted) = Tmpfs::mount(mount_point.path(), "200k") else {
        eprintln!("skipped: cannot mount a tmpfs here (not root?)");
        return;
    };
    let err = archive::export(&store, mount_point.path(), |_| {}).unwrap_err();
    assert_eq!(err.code(), "archive_write", "{err}");
    assert!(err.message().contains("磁盘空间已满"), "{}", err.message());
    assert!(verifying_folders(mount_point.path()).is_empty());
    assert_eq!(std::fs::read_dir(mount_point.path()).unwrap().count(), 0, "the partial folder is removed");
}

struct Tmpfs<'a>(&'a Path);

impl<'a> Tmpfs<'a> {
    fn mount(at: &'a Path, size: &str) -> Option<Tmpfs<'a>> {
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(Tmpfs(at))
    }
}

impl Drop for Tmpfs<'_> {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.0).status();
    }
}
