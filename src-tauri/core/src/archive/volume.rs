//! What the target's file system allows: a FAT32 stick (most sticks out of the box up to 32 GB)
//! cannot hold a file of 4 GB or more. The export asks before it writes anything, so a large
//! database is refused with the reason instead of failing after minutes of copying.
//! exFAT and NTFS have no such limit.

use std::path::Path;

/// The largest file FAT32 can hold: 4 GiB − 1 byte.
pub const FAT32_MAX_FILE: u64 = 4 * 1024 * 1024 * 1024 - 1;

/// The file-size limit of the file system holding `dir` and its name, when it has one.
/// `None` when there is no limit, or when the file system cannot be asked (then the write
/// itself reports the error).
pub fn file_size_limit(dir: &Path) -> Option<(u64, String)> {
    let name = file_system_name(dir)?;
    is_fat32(&name).then(|| (FAT32_MAX_FILE, "FAT32".to_string()))
}

/// Windows reports "FAT32" (and "FAT" for FAT12/16, also limited to 4 GB); Linux says vfat/msdos.
fn is_fat32(name: &str) -> bool {
    matches!(name.to_ascii_uppercase().as_str(), "FAT32" | "FAT" | "VFAT" | "MSDOS")
}

// Two kernel32 functions, declared here rather than through a bindings crate: adding a feature
// to the windows-sys already in the tree would rebuild everything that depends on it.
#[cfg(windows)]
#[link(name = "kernel32")]
extern "system" {
    fn GetVolumePathNameW(file_name: *const u16, volume_path: *mut u16, len: u32) -> i32;
    fn GetVolumeInformationW(
        root: *const u16,
        volume_name: *mut u16,
        volume_name_len: u32,
        serial: *mut u32,
        max_component_len: *mut u32,
        flags: *mut u32,
        fs_name: *mut u16,
        fs_name_len: u32,
    ) -> i32;
}

#[cfg(windows)]
fn file_system_name(dir: &Path) -> Option<String> {
    use std::os::windows::ffi::OsStrExt;

    let wide: Vec<u16> = dir.as_os_str().encode_wide().chain(std::iter::once(0)).collect();
    let mut root = vec![0u16; wide.len().max(8) + 8];
    // SAFETY: both buffers are NUL-terminated or sized as passed; the calls only write into them.
    let ok = unsafe { GetVolumePathNameW(wide.as_ptr(), root.as_mut_ptr(), root.len() as u32) };
    if ok == 0 {
        return None;
    }
    let mut fs_name = [0u16; 64];
    let ok = unsafe {
        GetVolumeInformationW(
            root.as_ptr(),
            std::ptr::null_mut(),
            0,
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            fs_name.as_mut_ptr(),
            fs_name.len() as u32,
        )
    };
    if ok == 0 {
        return None;
    }
    let len = fs_name.iter().position(|&c| c == 0).unwrap_or(fs_name.len());
    Some(String::from_utf16_lossy(&fs_name[..len]))
}

#[cfg(target_os = "linux")]
fn file_system_name(dir: &Path) -> Option<String> {
    use std::os::unix::ffi::OsStrExt;
    const MSDOS_SUPER_MAGIC: i64 = 0x4d44;
    let c = std::ffi::CString::new(dir.as_os_str().as_bytes()).ok()?;
    let mut st = std::mem::MaybeUninit::<libc::statfs>::uninit();
    // SAFETY: `c` is a valid NUL-terminated path; statfs fills `st` when it returns 0.
    if unsafe { libc::statfs(c.as_ptr(), st.as_mut_ptr()) } != 0 {
        return None;
    }
    let st = unsafe { st.assume_init() };
    // f_type is i64 on x86_64 glibc but narrower on other targets: the cast keeps one comparison.
    #[allow(clippy::unnecessary_cast)]
    let fs_type = st.f_type as i64;
    Some(if fs_type == MSDOS_SUPER_MAGIC { "vfat" } else { "other" }.to_string())
}

#[cfg(not(any(windows, target_os = "linux")))]
fn file_system_name(_dir: &Path) -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_fat_file_systems_limit_a_file_to_4_gb() {
        for name in ["FAT32", "fat", "vfat", "msdos"] {
            assert!(is_fat32(name), "{name}");
        }
        for name in ["exFAT", "NTFS", "ext4", "other"] {
            assert!(!is_fat32(name), "{name}");
        }
        assert_eq!(FAT32_MAX_FILE, 4_294_967_295);
    }

    #[test]
    fn the_local_temp_folder_is_not_fat() {
        // The build machines' temp folders are ext4/tmpfs (Linux) or NTFS/wine's Z: (Windows).
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(file_size_limit(dir.path()), None);
    }
}
