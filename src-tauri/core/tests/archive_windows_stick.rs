//! Sticks as offices have them: FAT32 (no file of 4 GB) and exFAT, written from Windows, where a
//! folder cannot be fsynced. The export must not fail for lack of a directory fsync, must refuse
//! a database too big for FAT32 before writing anything, and never leave a folder that verifies.

mod archive_common;

use std::io::{self, Read};
use std::path::Path;
use std::process::Command;

use archive_common::*;
use yishi_core::archive::{self, Disk, Sink};
use yishi_core::error::UserFacing;

/// A stick whose file system holds files of at most `limit` bytes (FAT32 holds 4 GiB − 1; the
/// demo database is far smaller, so the limit is scaled down), counting what is written.
struct SmallFat {
    limit: u64,
    writes: usize,
    dir_syncs: usize,
}

impl Sink for SmallFat {
    fn create_dir(&mut self, path: &Path) -> io::Result<()> {
        self.writes += 1;
        Disk.create_dir(path)
    }
    fn write_file(&mut self, path: &Path, data: &mut dyn Read) -> io::Result<u64> {
        self.writes += 1;
        Disk.write_file(path, data)
    }
    fn sync_dir(&mut self, path: &Path) -> io::Result<()> {
        self.dir_syncs += 1;
        Disk.sync_dir(path)
    }
    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()> {
        Disk.rename(from, to)
    }
    fn file_size_limit(&mut self, _dir: &Path) -> Option<(u64, String)> {
        Some((self.limit, "FAT32".into()))
    }
}

#[test]
fn a_database_too_big_for_fat32_is_refused_before_anything_is_written() {
    let (_s, store) = demo_store();
    let stick = tempfile::tempdir().unwrap();
    let mut sink = SmallFat { limit: 64 * 1024, writes: 0, dir_syncs: 0 };
    let err = archive::export_with(&store, stick.path(), None, &mut sink, yishi_core::time::now(), &mut |_| {})
        .expect_err("the demo database is larger than 64 KB");
    assert_eq!(err.code(), "archive_too_big_for_stick", "{err}");
    let message = err.message();
    assert!(message.contains("FAT32") && message.contains("4 GB") && message.contains("exFAT"), "{message}");
    assert!(message.contains("没有写入任何文件"), "{message}");
    assert_eq!(sink.writes, 0, "refused in time: nothing was written");
    assert_eq!(std::fs::read_dir(stick.path()).unwrap().count(), 0);
}

#[test]
fn a_fat32_stick_with_room_takes_the_archive_and_it_verifies() {
    let (_s, store) = demo_store();
    let stick = tempfile::tempdir().unwrap();
    let mut sink = SmallFat { limit: archive::volume::FAT32_MAX_FILE, writes: 0, dir_syncs: 0 };
    let report =
        archive::export_with(&store, stick.path(), None, &mut sink, yishi_core::time::now(), &mut |_| {}).unwrap();
    assert!(archive::verify(&report.path).is_ok());
    // The folder syncs were asked for and did not fail (on Windows they do nothing).
    assert!(sink.dir_syncs >= 2);
    assert_eq!(verifying_folders(stick.path()).len(), 1);
}

/// A real FAT32 file system in a loop image (Linux, root, dosfstools; skipped elsewhere): the
/// export through the real `Disk` sink, directory fsyncs included, verifies.
#[test]
fn export_onto_a_real_fat32_image_verifies() {
    if !cfg!(target_os = "linux") {
        eprintln!("skipped: needs Linux loop mounts");
        return;
    }
    let (_s, store) = demo_store();
    let work = tempfile::tempdir().unwrap();
    let image = work.path().join("stick.img");
    let mount_point = work.path().join("stick");
    std::fs::create_dir(&mount_point).unwrap();
    let made = std::fs::File::create(&image).and_then(|f| f.set_len(40 * 1024 * 1024)).is_ok()
        && run("mkfs.vfat", &["-F", "32", image.to_str().unwrap()]);
    if !made || !run("mount", &["-o", "loop", image.to_str().unwrap(), mount_point.to_str().unwrap()]) {
        eprintln!("skipped: cannot make or mount a FAT32 image here (no dosfstools, not root, no loop device)");
        return;
    }
    let result = archive::export(&store, &mount_point, |_| {});
    let limit = archive::volume::file_size_limit(&mount_point);
    let verified = result.as_ref().map(|r| archive::verify(&r.path).is_ok());
    run("umount", &[mount_point.to_str().unwrap()]);
    assert_eq!(limit.map(|l| l.1), Some("FAT32".to_string()));
    assert_eq!(verified.map_err(|e| e.message()), Ok(true));
}

fn run(cmd: &str, args: &[&str]) -> bool {
    Command::new(cmd)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}
