/* tz-attachment.h — files kept with the records: evidence, photos, material
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file given to Taizhang is copied into the database's files folder
 * (<database>.files/, created 0700; files 0600), named by the SHA-256 of its
 * content, so that a later move or deletion of the original loses nothing and
 * the same content is stored once. The attachment table records who owns it.
 */
#pragma once

#include "tz-db.h"

G_BEGIN_DECLS

typedef enum
{
  TZ_ATTACHMENT_OWNER_CAMPAIGN,
  TZ_ATTACHMENT_OWNER_ACTIVITY,
  TZ_ATTACHMENT_OWNER_PERSON,
  TZ_ATTACHMENT_OWNER_ENTRY,
  TZ_ATTACHMENT_OWNER_OPINION,
} TzAttachmentOwner;

typedef struct
{
  gint64 id;
  char *uuid;
  TzAttachmentOwner owner;
  gint64 owner_id;
  char *kind;      /* notice, evidence, photo, material, work, form, file */
  char *title;     /* NULL: the file name */
  char *file_name; /* the original name, without its folder */
  char *mime_type;
  gint64 size;
  char *sha256;
} TzAttachment;

void tz_attachment_free (TzAttachment *attachment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzAttachment, tz_attachment_free)

/* The folder that holds the stored files of @db. */
char *tz_attachment_dir (TzDb *db);

/* Copies @source_path into the files folder and records it for the owner, in
 * one transaction; on failure nothing is recorded. Sets *id when not NULL. */
gboolean tz_attachment_add (TzDb *db, TzAttachmentOwner owner, gint64 owner_id, const char *kind,
                            const char *source_path, const char *title, gint64 *id, GError **error);

/* The attachments of an owner (of @kind only, when not NULL), in the order added. */
GPtrArray *tz_attachment_list (TzDb *db, TzAttachmentOwner owner, gint64 owner_id, const char *kind,
                               GError **error);

TzAttachment *tz_attachment_get (TzDb *db, gint64 id, GError **error);

/* Where the content of @attachment is stored (absolute path). */
char *tz_attachment_path (TzDb *db, const TzAttachment *attachment);

/* Removes the record; the stored file goes when no other record uses it. */
gboolean tz_attachment_delete (TzDb *db, gint64 id, GError **error);

/* Removes the stored files of @sha256s (NULL-terminated) that no record uses any
 * more. Does nothing inside a transaction, since a rollback may bring a record
 * back: a caller that deleted records in a transaction of its own calls it
 * again once that transaction has ended. */
void tz_attachment_remove_unused_files (TzDb *db, const char *const *sha256s);

G_END_DECLS
