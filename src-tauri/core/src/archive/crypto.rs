//! The archive database's encryption: the age format (age-encryption.org/v1) with its scrypt
//! passphrase recipient, through the `age` crate. Nothing here is a cipher of our own.
//!
//! - [`Encrypting`] turns a plaintext reader into an age file read in blocks, so the export
//!   streams the snapshot through a [`super::Sink`] without a second copy on disk;
//! - [`decrypt`] streams an age file into a writer, every 64 KiB chunk authenticated
//!   (ChaCha20-Poly1305), and returns the size and sha256 of the plaintext;
//! - [`check_ends`] opens a file with the passphrase and authenticates only its first and last
//!   chunks (export's own check, where the whole ciphertext was just hashed back off the stick);
//! - [`check_header`] is what can be checked without the passphrase: that the file is an age
//!   file encrypted to exactly one passphrase, with a work factor this build accepts.

use std::cell::RefCell;
use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::rc::Rc;

use age::secrecy::SecretString;
use sha2::{Digest, Sha256};

/// scrypt work factor of new archives: N = 2^17 (128 MiB, ≈ 0.3 s on the CI machine), about
/// what age picks itself on an old laptop, and fixed so an export takes the same time everywhere.
pub const LOG_N: u8 = 17;
/// The largest work factor accepted when reading (2^20: 1 GiB, seconds): a bigger one in a
/// foreign file would only be a way to make the laptop hang.
pub const MAX_LOG_N: u8 = 20;
/// The scheme named in the manifest.
pub const SCHEME: &str = "age-v1-scrypt";

/// Why a file did not decrypt.
#[derive(Debug)]
pub enum Failure {
    /// The passphrase does not open it (or it was encrypted to another one).
    WrongPassphrase,
    /// Not an age file encrypted to a passphrase, or its header is damaged.
    NotEncrypted(String),
    /// The header opened, then a chunk failed authentication or the file ended early.
    Damaged(String),
    Io(io::Error),
}

fn secret(passphrase: &str) -> SecretString {
    SecretString::from(passphrase.to_string())
}

/// Checks what can be checked without the passphrase.
pub fn check_header(path: &Path) -> Result<(), Failure> {
    let file = File::open(path).map_err(Failure::Io)?;
    let d = age::Decryptor::new_buffered(BufReader::new(file)).map_err(header_failure)?;
    if !d.is_scrypt() {
        return Err(Failure::NotEncrypted("不是用归档密码加密的".into()));
    }
    Ok(())
}

fn header_failure(e: age::DecryptError) -> Failure {
    match e {
        age::DecryptError::Io(e) if e.kind() == io::ErrorKind::UnexpectedEof => Failure::Damaged("文件不完整".into()),
        age::DecryptError::Io(e) => Failure::Io(e),
        age::DecryptError::UnknownFormat => Failure::NotEncrypted("不是议事簿认识的加密格式".into()),
        _ => Failure::NotEncrypted("加密文件头已损坏".into()),
    }
}

type Reader = age::stream::StreamReader<BufReader<File>>;

/// Opens the age file at `path` with `passphrase` (scrypt, at most [`MAX_LOG_N`]).
fn open(path: &Path, passphrase: &str) -> Result<Reader, Failure> {
    let file = File::open(path).map_err(Failure::Io)?;
    let d = age::Decryptor::new_buffered(BufReader::with_capacity(1 << 20, file)).map_err(header_failure)?;
    if !d.is_scrypt() {
        return Err(Failure::NotEncrypted("不是用归档密码加密的".into()));
    }
    let mut identity = age::scrypt::Identity::new(secret(passphrase));
    identity.set_max_work_factor(MAX_LOG_N);
    d.decrypt(std::iter::once(&identity as &dyn age::Identity)).map_err(|e| match e {
        age::DecryptError::DecryptionFailed
        | age::DecryptError::NoMatchingKeys
        | age::DecryptError::KeyDecryptionFailed => Failure::WrongPassphrase,
        age::DecryptError::ExcessiveWork { required, .. } => {
            Failure::NotEncrypted(format!("加密强度参数 {required} 超出本程序接受的范围"))
        }
        age::DecryptError::InvalidMac => Failure::Damaged("加密文件头与内容不符".into()),
        other => header_failure(other),
    })
}

/// A chunk that failed authentication or a file that ended early, in words.
fn chunk_failure(e: io::Error) -> Failure {
    if matches!(e.kind(), io::ErrorKind::InvalidData | io::ErrorKind::UnexpectedEof) {
        Failure::Damaged("内容校验失败（文件被截短或改动）".into())
    } else {
        Failure::Io(e)
    }
}

/// Decrypts the age file at `path` into `out`; returns the plaintext's size and sha256.
pub fn decrypt(path: &Path, passphrase: &str, out: &mut dyn Write) -> Result<(u64, String), Failure> {
    let mut reader = open(path, passphrase)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut size = 0u64;
    loop {
        let n = reader.read(&mut buf).map_err(chunk_failure)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        out.write_all(&buf[..n]).map_err(Failure::Io)?;
        size += n as u64;
    }
    Ok((size, super::manifest::hex(&hasher.finalize())))
}

/// Opens the age file with `passphrase` and authenticates its first chunk and its last one (as
/// the last: the file is not cut short); returns the plaintext's size and its first 16 bytes.
/// The chunks between are not decrypted: the caller knows them intact by other means.
pub fn check_ends(path: &Path, passphrase: &str) -> Result<(u64, [u8; 16]), Failure> {
    let mut reader = open(path, passphrase)?;
    let mut head = [0u8; 16];
    let mut got = 0;
    while got < head.len() {
        match reader.read(&mut head[got..]).map_err(chunk_failure)? {
            0 => break,
            n => got += n,
        }
    }
    let size = reader.seek(SeekFrom::End(0)).map_err(chunk_failure)?;
    Ok((size, head))
}

/// A `Write` that appends to a buffer the reader side drains.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Reads `source` and gives out the age file of it, encrypted to `passphrase`.
pub struct Encrypting<R> {
    source: R,
    out: Shared,
    pos: usize,
    writer: Option<age::stream::StreamWriter<Shared>>,
    chunk: Vec<u8>,
    hasher: Sha256,
    plain_size: u64,
}

impl<R: Read> Encrypting<R> {
    pub fn new(source: R, passphrase: &str) -> io::Result<Self> {
        let mut recipient = age::scrypt::Recipient::new(secret(passphrase));
        recipient.set_work_factor(LOG_N);
        let encryptor = age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
            .map_err(|e| io::Error::other(e.to_string()))?;
        let out = Shared::default();
        let writer = encryptor.wrap_output(out.clone())?;
        Ok(Encrypting {
            source,
            out,
            pos: 0,
            writer: Some(writer),
            chunk: vec![0u8; 1 << 20],
            hasher: Sha256::new(),
            plain_size: 0,
        })
    }

    /// Size and sha256 of the plaintext read so far (all of it once the reader gave 0).
    pub fn plain(self) -> (u64, String) {
        (self.plain_size, super::manifest::hex(&self.hasher.finalize()))
    }
}

impl<R: Read> Read for Encrypting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            {
                let mut pending = self.out.0.borrow_mut();
                if self.pos < pending.len() {
                    let n = buf.len().min(pending.len() - self.pos);
                    buf[..n].copy_from_slice(&pending[self.pos..self.pos + n]);
                    self.pos += n;
                    if self.pos == pending.len() {
                        pending.clear();
                        self.pos = 0;
                    }
                    return Ok(n);
                }
            }
            let Some(writer) = self.writer.as_mut() else { return Ok(0) };
            let n = self.source.read(&mut self.chunk)?;
            if n == 0 {
                if let Some(w) = self.writer.take() {
                    w.finish()?;
                }
            } else {
                self.hasher.update(&self.chunk[..n]);
                self.plain_size += n as u64;
                writer.write_all(&self.chunk[..n])?;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_encrypted_decrypts_with_the_passphrase_only() {
        let dir = tempfile::tempdir().unwrap();
        let plain: Vec<u8> = (0..300_000u32).flat_map(|i| i.to_le_bytes()).collect();
        let mut enc = Encrypting::new(&plain[..], "幸福里 2026 议事").unwrap();
        let mut cipher = Vec::new();
        enc.read_to_end(&mut cipher).unwrap();
        let (size, sha) = enc.plain();
        assert_eq!(size, plain.len() as u64);
        assert!(cipher.starts_with(b"age-encryption.org/v1"));
        assert!(!cipher.windows(16).any(|w| w == &plain[4000..4016]));
        let path = dir.path().join("x.age");
        std::fs::write(&path, &cipher).unwrap();
        check_header(&path).unwrap();
        let mut back = Vec::new();
        assert_eq!(decrypt(&path, "幸福里 2026 议事", &mut back).unwrap(), (size, sha));
        assert_eq!(back, plain);
        let mut head = [0u8; 16];
        head.copy_from_slice(&plain[..16]);
        assert_eq!(check_ends(&path, "幸福里 2026 议事").unwrap(), (size, head));
        assert!(matches!(decrypt(&path, "幸福里 2026 议室", &mut Vec::new()), Err(Failure::WrongPassphrase)));
        assert!(matches!(check_ends(&path, "幸福里 2026 议室"), Err(Failure::WrongPassphrase)));
        // Cut after the first chunk: the ends no longer authenticate.
        std::fs::write(&path, &cipher[..cipher.len() - 70_000]).unwrap();
        assert!(matches!(check_ends(&path, "幸福里 2026 议事"), Err(Failure::Damaged(_))));
        // One byte changed in the payload: authentication fails, whatever was written is partial.
        let mut bad = cipher.clone();
        let at = bad.len() - 1000;
        bad[at] ^= 1;
        std::fs::write(&path, &bad).unwrap();
        check_header(&path).unwrap();
        assert!(matches!(decrypt(&path, "幸福里 2026 议事", &mut Vec::new()), Err(Failure::Damaged(_))));
        std::fs::write(&path, b"SQLite format 3\0").unwrap();
        assert!(matches!(check_header(&path), Err(Failure::NotEncrypted(_))));
    }
}
