/* Test support only, never shipped: wine 8 (Debian 12) has no bcryptprimitives.dll, whose
 * ProcessPrng Rust's std calls for random numbers (HashMap keys, tempfile names) on Windows 10+.
 * This stub forwards it to BCryptGenRandom, which wine does have. Built by .ci/windows-tests. */
#include <windows.h>
#include <bcrypt.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
