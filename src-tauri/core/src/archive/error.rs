//! What can go wrong with an archive, phrased for the secretary.

use std::path::PathBuf;

use thiserror::Error;

use crate::error::UserFacing;
use crate::search::SearchError;
use crate::store::StoreError;

#[derive(Debug, Error)]
pub enum ArchiveError {
    #[error("无法写入 {path}：{detail}。U盘可能已满、只读或已被拔出；未完成的归档已删除，请检查U盘后重新导出。")]
    Write { path: PathBuf, detail: String },
    #[error("无法读取 {path}：{detail}")]
    Read { path: PathBuf, detail: String },
    #[error("{path} 不是议事簿的归档文件夹（没有 manifest.json）。请选择名为 yishi-archive-… 的文件夹。")]
    NotAnArchive { path: PathBuf },
    #[error("{path} 是一次没有完成的导出（可能中途拔出了U盘），不能使用。请重新导出。")]
    Partial { path: PathBuf },
    #[error("归档的清单文件已损坏，无法读取：{detail}")]
    BadManifest { detail: String },
    #[error("这个归档由更新版本的议事簿导出（格式 {found}，本程序最高支持 {supported}）。请先升级议事簿；本机数据未作任何改动。")]
    TooNew { found: String, supported: String },
    #[error("归档中的文件 {file} 缺失。归档不完整，不能使用。")]
    Missing { file: String },
    #[error("归档中的文件 {file} 与清单不符（{what}），可能已损坏或被改动。请用原U盘重新导出。")]
    Tampered { file: String, what: String },
    #[error("归档中的数据库已损坏（{detail}），不能使用。")]
    DbCorrupt { detail: String },
    #[error("归档中“{table}”的记录数是 {found}，清单上写的是 {expected}：归档不完整。")]
    CountMismatch { table: String, expected: i64, found: i64 },
    #[error("导出后的检查没有通过：{0}")]
    SelfCheck(Box<ArchiveError>),
    #[error("制作台账表格失败：{0}")]
    Ledger(String),
    #[error("U盘 {dir} 是 {fs} 格式，单个文件不能达到 4 GB，而要写入的数据库有 {}。没有写入任何文件。请换一个 exFAT 或 NTFS 格式的U盘后重新导出（也可以先把这个U盘上的文件拷走，再把它格式化为 exFAT）。", gib(*.size))]
    TooBigForStick { dir: PathBuf, fs: String, size: u64 },
    #[error("无法用恢复的副本替换数据库文件 {path}：{detail}。它可能正被另一个程序（杀毒软件、备份软件）占用。数据库保持原样，请稍后再试一次恢复。")]
    Replace { path: PathBuf, detail: String },
    #[error("找不到备份 {path}。")]
    NoSuchBackup { path: PathBuf },
    #[error("还没有设置归档密码。U盘上的数据库要用社区的归档密码加密：请先在“设置 → 归档密码”中设置（至少 8 个字符），再导出。没有写入任何文件。")]
    NoPassphrase,
    #[error("要先设置归档密码，才能加密每日备份：备份用的就是这个密码。请先在上面设置归档密码（至少 8 个字符）。")]
    BackupNoPassphraseToEncrypt,
    #[error("备份 {file} 是加密的，要用归档密码才能恢复，而这台电脑上还没有设置归档密码。请先在“设置 → 归档密码”中输入加密这份备份时的密码（在《密码备忘单》上），再恢复。本机数据没有任何改动。")]
    BackupPassphraseNeeded { file: String },
    #[error("备份 {file} 是用另一个归档密码加密的，这台电脑上保存的密码打不开它。请在“设置 → 归档密码”中输入加密这份备份时的密码（在《密码备忘单》上）后再恢复。本机数据没有任何改动。")]
    BackupWrongPassphrase { file: String },
    #[error("备份 {file} 无法解密：{detail}。它可能已损坏，请选择另一份备份。本机数据没有任何改动。")]
    BackupDamaged { file: String, detail: String },
    #[error("归档密码至少要 8 个字符（最多 200 个），现在是 {chars} 个。密码没有保存。")]
    BadPassphrase { chars: usize },
    #[error("“{community}”的这个归档，数据库用归档密码加密了，请输入归档密码（在《密码备忘单》上）。忘记了密码：U盘上的台账表格 ledger.xlsx 和 csv 文件夹不需要密码也能打开，完整记录要有密码才能导入。")]
    PassphraseNeeded { community: String },
    #[error("归档密码不对，数据库无法解密。本机数据没有任何改动。请注意大小写、全角/半角和空格后重试，或查看保险柜里的《密码备忘单》。忘记了密码：台账表格 ledger.xlsx 不需要密码也能打开，完整记录要有正确的密码才能导入。")]
    WrongPassphrase,
    #[error(
        "归档中加密的数据库 {file} 无法解密：{detail}。它可能已损坏或被改动，请用原U盘重新导出。本机数据没有任何改动。"
    )]
    Encrypted { file: String, detail: String },
    #[error("归档中的 {file} 不是普通文件（是链接、管道或设备文件），议事簿不会读取它。这个文件夹不是议事簿导出的原样，不能使用。")]
    NotRegular { file: String },
    #[error("归档中的数据库不是议事簿的数据库结构（{detail}）。它可能来自别的程序，或被改动过。没有导入任何记录，本机数据没有任何改动。")]
    BadSchema { detail: String },
    #[error("归档中“{table}”的一条记录（{row}）不合规：{reason}。整个归档都没有导入，本机数据没有任何改动。请在导出的电脑上检查这条记录，或用原U盘重新导出。")]
    BadRow { table: String, row: String, reason: String },
    #[error("归档中有 {count} 条记录引用了不存在的记录（例如“{table}”中的一条）。归档不完整或被改动过，没有导入任何记录，本机数据没有任何改动。")]
    BrokenReferences { table: String, count: usize },
    #[error("这是“{archive}”的归档，而本机是“{local}”的数据库。不同社区的记录不能合并，没有导入任何记录。请选择本社区的归档；要换用那个社区的数据，请用“从归档恢复”。")]
    OtherCommunity { archive: String, local: String },
    #[error("{0}")]
    Pdf(#[from] crate::pdf::PdfError),
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("重建搜索索引失败：{0}")]
    Search(#[from] SearchError),
    #[error("{0}")]
    Reindex(#[from] crate::reindex::ReindexError),
    #[error("读写数据库时出错：{}", crate::error::db_words(.0))]
    Db(#[from] rusqlite::Error),
}

fn gib(bytes: u64) -> String {
    format!("{:.1} GB", bytes as f64 / (1024.0 * 1024.0 * 1024.0))
}

impl ArchiveError {
    /// A write to the target failed (the stick is full, read-only or gone).
    pub(crate) fn write(path: impl Into<PathBuf>, e: &std::io::Error) -> ArchiveError {
        ArchiveError::Write { path: path.into(), detail: io_words(e) }
    }

    pub(crate) fn replace(path: impl Into<PathBuf>, e: &std::io::Error) -> ArchiveError {
        ArchiveError::Replace { path: path.into(), detail: io_words(e) }
    }

    pub(crate) fn read(path: impl Into<PathBuf>, e: &std::io::Error) -> ArchiveError {
        ArchiveError::Read { path: path.into(), detail: io_words(e) }
    }
}

/// The OS error in words a secretary recognises, the raw text after it.
fn io_words(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    let words = match e.kind() {
        StorageFull => "磁盘空间已满",
        FileTooLarge => "文件超过了这种磁盘格式允许的大小（FAT32 最大 4 GB）",
        ReadOnlyFilesystem | PermissionDenied => "没有写入权限或磁盘只读",
        NotFound => "找不到文件或文件夹",
        _ => "读写出错",
    };
    format!("{words}（{e}）")
}

impl UserFacing for ArchiveError {
    fn code(&self) -> &'static str {
        match self {
            ArchiveError::Write { .. } => "archive_write",
            ArchiveError::Read { .. } => "archive_read",
            ArchiveError::NotAnArchive { .. } => "archive_not_archive",
            ArchiveError::Partial { .. } => "archive_partial",
            ArchiveError::BadManifest { .. } => "archive_bad_manifest",
            ArchiveError::TooNew { .. } => "archive_too_new",
            ArchiveError::Missing { .. } => "archive_missing_file",
            ArchiveError::Tampered { .. } => "archive_tampered",
            ArchiveError::DbCorrupt { .. } => "archive_db_corrupt",
            ArchiveError::CountMismatch { .. } => "archive_count_mismatch",
            ArchiveError::SelfCheck(_) => "archive_self_check",
            ArchiveError::Ledger(_) => "archive_ledger",
            ArchiveError::NoSuchBackup { .. } => "backup_missing",
            ArchiveError::TooBigForStick { .. } => "archive_too_big_for_stick",
            ArchiveError::Replace { .. } => "backup_replace_busy",
            ArchiveError::NoPassphrase => "archive_no_passphrase",
            ArchiveError::BadPassphrase { .. } => "archive_passphrase_too_short",
            ArchiveError::BackupNoPassphraseToEncrypt => "backup_encrypt_no_passphrase",
            ArchiveError::BackupPassphraseNeeded { .. } => "backup_passphrase_needed",
            ArchiveError::BackupWrongPassphrase { .. } => "backup_wrong_passphrase",
            ArchiveError::BackupDamaged { .. } => "backup_damaged",
            ArchiveError::PassphraseNeeded { .. } => "archive_passphrase_needed",
            ArchiveError::WrongPassphrase => "archive_wrong_passphrase",
            ArchiveError::Encrypted { .. } => "archive_encrypted_damaged",
            ArchiveError::NotRegular { .. } => "archive_not_regular_file",
            ArchiveError::BadSchema { .. } => "archive_bad_schema",
            ArchiveError::BadRow { .. } => "archive_bad_row",
            ArchiveError::BrokenReferences { .. } => "archive_broken_references",
            ArchiveError::OtherCommunity { .. } => "archive_other_community",
            ArchiveError::Pdf(e) => e.code(),
            ArchiveError::Store(e) => e.code(),
            ArchiveError::Search(e) => e.code(),
            ArchiveError::Reindex(e) => e.code(),
            ArchiveError::Db(_) => "db_error",
        }
    }
}
