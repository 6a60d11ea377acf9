#ifndef ATLAS_RENAME_EXCHANGE_H
#define ATLAS_RENAME_EXCHANGE_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE). Returns 0 on success,
/// -1 with errno set otherwise (ENOSYS or EINVAL where the kernel or file system lacks it).
int atlas_rename_exchange(const char *from, const char *to);

#endif
