//! Where an export's bytes go: every file and folder on the target is made through a [`Sink`].
//!
//! The real one ([`Disk`]) fsyncs each file and folder. Tests pass a sink that fails part way
//! (a stick pulled out, a full disk) to show that nothing left behind passes `verify`.

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::Path;

use sha2::{Digest, Sha256};

/// The file-system operations an export needs on its target.
pub trait Sink {
    fn create_dir(&mut self, path: &Path) -> io::Result<()>;
    /// Creates `path`, copies `data` into it and fsyncs it; returns the bytes written.
    fn write_file(&mut self, path: &Path, data: &mut dyn Read) -> io::Result<u64>;
    /// Makes the entries of a folder durable (new files, a rename).
    fn sync_dir(&mut self, path: &Path) -> io::Result<()>;
    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()>;
    /// The largest file the target's file system holds, and its name, when it has a limit
    /// (FAT32: 4 GB). Asked before anything is written.
    fn file_size_limit(&mut self, _dir: &Path) -> Option<(u64, String)> {
        None
    }
}

/// The real file system.
pub struct Disk;

impl Sink for Disk {
    fn create_dir(&mut self, path: &Path) -> io::Result<()> {
        fs::create_dir(path)
    }

    fn write_file(&mut self, path: &Path, data: &mut dyn Read) -> io::Result<u64> {
        let mut file = File::create(path)?;
        let n = io::copy(data, &mut file)?;
        file.flush()?;
        file.sync_all()?;
        Ok(n)
    }

    fn sync_dir(&mut self, path: &Path) -> io::Result<()> {
        sync_dir(path)
    }

    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }

    fn file_size_limit(&mut self, dir: &Path) -> Option<(u64, String)> {
        super::volume::file_size_limit(dir)
    }
}

/// Flushes a file that was written by someone else (SQLite's VACUUM INTO, `fs::copy`) to the
/// disk. Opened for writing: Windows' FlushFileBuffers refuses a read-only handle with
/// "Access denied", which Unix's fsync accepts (this failed every backup under wine).
pub(crate) fn sync_file(path: &Path) -> io::Result<()> {
    fs::OpenOptions::new().write(true).open(path)?.sync_all()
}

/// fsync of a directory: on Unix the entries are durable only after this. Windows cannot open
/// a directory as a file, so this must not fail there (NTFS, FAT32 and exFAT sticks alike):
/// each file was already flushed with FlushFileBuffers (`sync_all`), and Windows offers no
/// directory flush to add; a folder cut short still fails `verify` by its -partial name.
pub(crate) fn sync_dir(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(path)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        Ok(())
    }
}

/// Hashes what passes through, so the manifest records what was sent, not what a disk returns.
pub(crate) struct Hashing<R> {
    inner: R,
    hasher: Sha256,
    pub(crate) size: u64,
}

impl<R: Read> Hashing<R> {
    pub(crate) fn new(inner: R) -> Self {
        Hashing { inner, hasher: Sha256::new(), size: 0 }
    }

    pub(crate) fn finish(self) -> (u64, String) {
        (self.size, super::manifest::hex(&self.hasher.finalize()))
    }
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.size += n as u64;
        Ok(n)
    }
}
